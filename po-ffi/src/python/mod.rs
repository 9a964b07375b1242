//! pyo3 bindings for analysts: `import personligt_ombud` (names, `datetime.date`,
//! `decimal.Decimal`, exceptions). [`register`] fills the native module that `po-python` builds.

use pyo3::prelude::*;

mod arrow;
mod deviation;
mod eligibility;
mod errors;
mod identity;
mod ledger;
mod money;
mod organisation;
mod priority;
mod report;
mod values;

/// Adds every class, function and exception to the native module `personligt_ombud._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::rules::register(m)?;
    errors::register(m)?;
    crate::codes::register(m)?;
    identity::register(m)?;
    eligibility::register(m)?;
    priority::register(m)?;
    money::register(m)?;
    organisation::register(m)?;
    report::register(m)?;
    deviation::register(m)?;
    arrow::register(m)?;
    crate::chain::register(m)?;
    crate::ledger::register(m)?;
    crate::publications::register(m)?;
    Ok(())
}
