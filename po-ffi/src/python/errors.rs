//! The boundary's one error (`crate::error`) as Python exceptions.

use pyo3::PyErr;

pub(crate) use crate::error::register;
use crate::error::PoError;

/// An `InvalidInputError` whose message has passed the personal-data filter.
pub(crate) fn invalid(message: impl AsRef<str>) -> PyErr {
    crate::error::invalid(message).into()
}

/// Converts any po-core error into its Python exception.
pub(crate) fn to_py<E: Into<po_core::Error>>(e: E) -> PyErr {
    PoError::from(e.into()).into()
}
