//! Parsing any text in any code list never panics, and what parses is a value of the list
//! whose code parses back to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use po_core::code_lists as by_name;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for list in by_name::list_names() {
        if let Ok(info) = by_name::parse_in(list, text) {
            assert_eq!(by_name::parse_in(list, info.code).unwrap().code, info.code);
        }
    }
    let _ = by_name::values_of(text);
});
