//! Identity numbers and pseudonym keys as Python constructs and reads them.

use pyo3::prelude::*;
use time::Date;

use crate::identity::{IdentityNumber, PseudonymKey};

#[pymethods]
impl IdentityNumber {
    /// Parses any spelling; `reference_date` (the date it was written) decides the century of
    /// a 10-digit form.
    #[staticmethod]
    #[pyo3(name = "parse")]
    fn py_parse(text: &str, reference_date: &Bound<'_, PyAny>) -> PyResult<Self> {
        let reference_date = super::values::date_of(reference_date, "reference_date")?;
        Ok(Self::of_text(text, reference_date)?)
    }

    /// Age in whole years on `on` (a `datetime.date` or an ISO date string).
    #[pyo3(name = "age_on")]
    fn py_age_on(&self, on: &Bound<'_, PyAny>) -> PyResult<i32> {
        Ok(self.age_on(super::values::date_of(on, "on")?))
    }

    /// The 10-digit form as written on `on` (`+` from the year the person turns 100).
    #[pyo3(name = "to_short")]
    fn py_to_short(&self, on: &Bound<'_, PyAny>) -> PyResult<String> {
        Ok(self.to_short(super::values::date_of(on, "on")?))
    }

    /// "personnummer" or "samordningsnummer".
    #[getter(kind)]
    fn py_kind(&self) -> String {
        self.kind_code()
    }

    /// The birth date.
    #[getter(birth_date)]
    fn py_birth_date(&self) -> Date {
        self.0.birth_date()
    }

    /// "woman" or "man", from the birth number.
    #[getter(legal_gender)]
    fn py_legal_gender(&self) -> String {
        self.gender_code()
    }

    fn __repr__(&self) -> String {
        format!("IdentityNumber(kind='{}', <hidden>)", self.kind_code())
    }
}

#[pymethods]
impl PseudonymKey {
    #[new]
    fn py_new(secret: &[u8]) -> PyResult<Self> {
        Ok(Self::of_secret(secret)?)
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
