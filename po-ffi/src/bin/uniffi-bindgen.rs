//! The `uniffi-bindgen` command for po-ffi (library mode; see tests/run-all.sh).

fn main() {
    uniffi::uniffi_bindgen_main()
}
