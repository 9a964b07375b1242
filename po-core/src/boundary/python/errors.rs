//! The boundary's one error (`crate::boundary::error`) as Python exceptions.

use pyo3::PyErr;

pub(crate) use crate::boundary::error::register;
use crate::boundary::error::PoError;

/// An `InvalidInputError` whose message has passed the personal-data filter.
pub(crate) fn invalid(message: impl AsRef<str>) -> PyErr {
    crate::boundary::error::invalid(message).into()
}

/// Converts any po-core error into its Python exception.
pub(crate) fn to_py<E: Into<crate::Error>>(e: E) -> PyErr {
    PoError::from(e.into()).into()
}
