//! The one boundary of po towards other languages, behind two optional features: `uniffi`
//! (Kotlin/Java, Swift — the `po-ffi` library) and `python` (the `personligt_ombud` package
//! built by `po-python`). po-core's default build has neither and no binding dependency.
//!
//! Why here and not in the binding crates: a record, its conversion from and to the domain and
//! the mapping of errors are written once and derive what each language needs (as
//! matrix-rust-sdk's crates carry a `uniffi` feature and pydantic's jiter a `python` one); the
//! crates `po-ffi` and `po-python` only build the libraries (a few dozen lines each). Messages
//! that cross go through the one personal-data filter ([`crate::privacy::redact`]).
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
pub mod money;
pub mod organisation;
pub mod priority;
pub(crate) mod record;
pub mod report;
pub mod rules;

#[cfg(feature = "uniffi")]
pub mod ffi;
#[cfg(feature = "python")]
pub mod python;
