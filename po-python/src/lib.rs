//! # po-python
//!
//! Builds the Python extension `personligt_ombud._native` for analysts. Everything it holds —
//! classes, conversions, exceptions — is po-ffi's boundary (`po_ffi::python`, the
//! `python` feature); this crate only names the module. Built by maturin
//! (`po-python/pyproject.toml`), never by a plain `cargo test`.

use pyo3::prelude::*;

/// The extension's own allocations (a register's clients, ids and lists; the frames' text)
/// come from mimalloc, as polars' come from jemalloc: the system's allocator returned a 10⁶-row
/// register's pages to the kernel after every call and cleared fresh ones for the next, and its
/// small allocations cost more. Reading 10⁶ clients from a frame took 25–28 % less time with
/// it, from CSV with the report 12–17 % less (BENCHMARKS.md, issue 36). Python's own objects
/// are not affected.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module `personligt_ombud._native`; the package re-exports it.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    po_ffi::python::register(m)
}
