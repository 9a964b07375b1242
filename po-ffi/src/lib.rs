//! # po-ffi
//!
//! The one boundary of po towards other languages: the records, their conversions from and to
//! po-core's domain, the functions and the one error ([`PoError`]), each written once, with what
//! each language needs derived behind a feature (as matrix-rust-sdk's `matrix-sdk-ffi` holds the
//! API over core crates that know nothing of it, and pydantic's jiter keeps its conversions
//! behind a `python` feature):
//! - `uniffi` (default): Kotlin/Java and Swift, the library `libpo_ffi` (namespace `po_ffi`);
//! - `python`: the pyo3 classes, functions and exceptions and Arrow frames of the package
//!   `personligt_ombud`, whose module `po-python` builds (a few lines).
//!
//! po-core has no binding code and no binding dependency. Messages that cross go through the one
//! personal-data filter ([`po_core::privacy::redact`]).
//!
//! Layout: one module per domain concept holds its records, their conversions and the functions
//! both languages call alike; `ffi` and `python` hold only what each language calls differently
//! (constructors, Kotlin accessors and Java's `with…` methods; Python's keyword arguments,
//! attributes and DataFrames), each a thin call into the shared code. `tests/api.txt` lists the
//! operations of both.

pub mod chain;
pub mod codes;
pub mod deviation;
pub mod eligibility;
pub mod error;
pub mod identity;
pub mod ledger;
pub mod money;
pub mod organisation;
pub mod priority;
pub mod publications;
pub(crate) mod record;
pub mod report;
pub mod rules;

#[cfg(feature = "uniffi")]
pub mod ffi;
#[cfg(feature = "python")]
pub mod python;

// The scaffolding of the uniffi library (namespace `po_ffi`).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("po_ffi");

#[cfg(feature = "uniffi")]
pub use ffi::*;
