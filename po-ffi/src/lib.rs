//! # po-ffi
//!
//! The uniffi library for vendors (Kotlin/JVM, Swift): `libpo_ffi`. Every record, function and
//! error it exports is po-core's boundary (`po_core::boundary::ffi`, the `uniffi` feature, whose
//! namespace is `po_ffi`); this crate only links it into one library and carries the
//! `uniffi-bindgen` command (`generate-bindings.sh`).

pub use po_core::boundary::ffi::*;

// A cdylib exports its dependencies' scaffolding only when it references it (rust-lang#50007).
po_core::uniffi_reexport_scaffolding!();
