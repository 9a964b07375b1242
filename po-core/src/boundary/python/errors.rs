//! The exception hierarchy: `PoError(ValueError)` and one subclass per kind of problem.

use crate::privacy::redact;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    personligt_ombud,
    PoError,
    PyValueError,
    "Base class of every error po raises; a ValueError."
);
pyo3::create_exception!(
    personligt_ombud,
    UnknownCodeError,
    PoError,
    "A value that is not in a code list; the message lists what is accepted."
);
pyo3::create_exception!(
    personligt_ombud,
    InvalidIdentityNumberError,
    PoError,
    "An invalid personnummer or samordningsnummer; the message never contains the number."
);
pyo3::create_exception!(
    personligt_ombud,
    InvalidInputError,
    PoError,
    "Any other invalid input; the message names the field."
);
pyo3::create_exception!(
    personligt_ombud,
    InvalidRegisterError,
    InvalidInputError,
    "A register with problems; `.problems` lists every one (file, row, column, reason)."
);

pyo3::create_exception!(
    personligt_ombud,
    DisclosureError,
    PoError,
    "A publication refused by disclosure control: a hidden cell could be computed or shown to be small; nothing was rendered."
);

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("PoError", py.get_type::<PoError>())?;
    m.add("UnknownCodeError", py.get_type::<UnknownCodeError>())?;
    m.add(
        "InvalidIdentityNumberError",
        py.get_type::<InvalidIdentityNumberError>(),
    )?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add(
        "InvalidRegisterError",
        py.get_type::<InvalidRegisterError>(),
    )?;
    m.add("DisclosureError", py.get_type::<DisclosureError>())?;
    Ok(())
}

/// An `InvalidInputError` whose message has passed the personal-data filter: every message
/// the package builds itself goes through here.
pub(crate) fn invalid(message: impl AsRef<str>) -> PyErr {
    InvalidInputError::new_err(redact(message.as_ref()))
}

/// Converts any po-core error into its Python exception.
pub(crate) fn to_py<E: Into<crate::Error>>(e: E) -> PyErr {
    let e: crate::Error = e.into();
    // The one personal-data filter (crate::privacy), whoever built the message.
    let msg = redact(&e.to_string());
    match e {
        crate::Error::UnknownCode(_) => UnknownCodeError::new_err(msg),
        crate::Error::Identity(_) => InvalidIdentityNumberError::new_err(msg),
        crate::Error::Import(import) => Python::attach(|py| {
            let err = InvalidRegisterError::new_err(msg);
            // Attaching the list cannot fail short of memory; the message has the first problem.
            if let Ok(problems) = super::report::problem_list(py, &import.problems) {
                let _ = err.value(py).setattr("problems", problems);
            }
            err
        }),
        crate::Error::Disclosure(
            crate::disclosure::DisclosureError::AtRisk { .. }
            | crate::disclosure::DisclosureError::Solver(_),
        ) => DisclosureError::new_err(msg),
        _ => InvalidInputError::new_err(msg),
    }
}
