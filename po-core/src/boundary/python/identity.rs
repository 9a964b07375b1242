//! Identity numbers and pseudonyms. `repr()` never shows the number.

use crate::codes::CodeList;
use crate::identity as core;
use pyo3::prelude::*;
use time::Date;

use super::errors::to_py;

/// A valid personnummer or samordningsnummer. Its repr never shows the number.
#[pyclass(frozen, eq, hash, module = "personligt_ombud")]
#[derive(PartialEq, Eq, Hash)]
struct IdentityNumber(core::IdentityNumber);

#[pymethods]
impl IdentityNumber {
    /// Parses any spelling; `reference_date` (the date it was written) decides the century of a
    /// 10-digit form.
    #[staticmethod]
    fn parse(text: &str, reference_date: Date) -> PyResult<Self> {
        core::IdentityNumber::parse(text, reference_date)
            .map(IdentityNumber)
            .map_err(to_py)
    }

    /// "personnummer" or "samordningsnummer".
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind().code()
    }

    /// The birth date.
    #[getter]
    fn birth_date(&self) -> Date {
        self.0.birth_date()
    }

    /// "woman" or "man", from the birth number.
    #[getter]
    fn legal_gender(&self) -> &'static str {
        self.0.legal_gender().code()
    }

    /// Age in completed years on `on`.
    fn age_on(&self, on: Date) -> i32 {
        self.0.age_on(on)
    }

    /// The 12-digit form YYYYMMDDNNNC (personal data: never log it).
    fn to_long(&self) -> String {
        self.0.to_long()
    }

    /// The 10-digit form with '-' or '+' as correct on `on` (personal data: never log it).
    fn to_short(&self, on: Date) -> String {
        self.0.to_short_on(on)
    }

    fn __repr__(&self) -> String {
        format!("IdentityNumber(kind='{}', <hidden>)", self.kind())
    }
}

/// A secret key for keyed pseudonyms (HMAC-SHA256); at least 16 bytes.
#[pyclass(frozen, module = "personligt_ombud")]
struct PseudonymKey(core::PseudonymKey);

#[pymethods]
impl PseudonymKey {
    #[new]
    fn new(secret: &[u8]) -> PyResult<Self> {
        core::PseudonymKey::new(secret)
            .map(PseudonymKey)
            .map_err(to_py)
    }

    /// The pseudonym (32 hex digits) of an identity number.
    fn pseudonym(&self, number: &IdentityNumber) -> String {
        self.0.pseudonym(&number.0).as_str().to_owned()
    }

    /// The pseudonym of any other client id.
    fn pseudonym_of_id(&self, id: &str) -> String {
        self.0.pseudonym_of_id(id).as_str().to_owned()
    }

    fn __repr__(&self) -> String {
        "PseudonymKey(<secret>)".to_owned()
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<IdentityNumber>()?;
    m.add_class::<PseudonymKey>()?;
    Ok(())
}
