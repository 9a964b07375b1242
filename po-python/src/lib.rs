//! # po-python
//!
//! Builds the Python extension `personligt_ombud._native` for analysts. Everything it holds —
//! classes, conversions, exceptions — is po-ffi's boundary (`po_ffi::python`, the
//! `python` feature); this crate only names the module. Built by maturin
//! (`po-python/pyproject.toml`), never by a plain `cargo test`.

use pyo3::prelude::*;

/// The native module `personligt_ombud._native`; the package re-exports it.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    po_ffi::python::register(m)
}
