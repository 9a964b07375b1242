//! # po-python
//!
//! pyo3 bindings of [`po_core`] for analysts: `import personligt_ombud`. This crate only
//! converts (names, `datetime.date`, `decimal.Decimal`, exceptions); every rule lives in
//! po-core. Built by maturin (`po-python/pyproject.toml`), never by a plain `cargo test`.

use pyo3::prelude::*;

mod codes;
mod eligibility;
mod errors;
mod identity;
mod money;
mod organisation;
mod priority;
mod report;
mod values;

/// The native module `personligt_ombud._native`; the package re-exports it.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", po_core::VERSION)?;
    errors::register(m)?;
    codes::register(m)?;
    identity::register(m)?;
    eligibility::register(m)?;
    priority::register(m)?;
    money::register(m)?;
    organisation::register(m)?;
    report::register(m)?;
    Ok(())
}
