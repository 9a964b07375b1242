//! The deviation register as Python reads it (bytes or text; keyword options) and asks for its
//! documents. `po.Rows(register.events()).to_pandas()` and
//! `po.Rows(view.by_counterpart).to_pandas()` give the DataFrames.

use pyo3::prelude::*;

use super::values::date_of;

use crate::deviation::{
    DeviationCounts, DeviationEventRow, DeviationPeriodView, DeviationRegister,
};
use crate::ledger::Ledger;

#[pymethods]
impl DeviationRegister {
    /// From event rows (CSV bytes, one row per event). Strict by default: any problem raises
    /// `InvalidRegisterError`; `lenient=True` leaves a deviation with a bad row out whole and
    /// lists it in `problems()`. `vocabulary` is a preset of local labels (`none` by default).
    #[staticmethod]
    #[pyo3(name = "from_events_csv", signature = (data, *, file = "deviation_events.csv", lenient = false, vocabulary = "none"))]
    fn py_from_events_csv(
        data: Vec<u8>,
        file: &str,
        lenient: bool,
        vocabulary: &str,
    ) -> PyResult<Self> {
        Ok(Self::of_events_csv(&data, file, lenient, Some(vocabulary))?)
    }

    /// From the current flat export (one row per deviation, its status undated): marked as
    /// lacking history; period views count such a deviation in `new` and `without_history` only.
    #[staticmethod]
    #[pyo3(name = "from_flat_csv", signature = (data, *, file = "deviations.csv", lenient = false, vocabulary = "none"))]
    fn py_from_flat_csv(
        data: Vec<u8>,
        file: &str,
        lenient: bool,
        vocabulary: &str,
    ) -> PyResult<Self> {
        Ok(Self::of_flat_csv(&data, file, lenient, Some(vocabulary))?)
    }

    /// From the JSON form (a list of deviations with their events).
    #[staticmethod]
    #[pyo3(name = "from_json", signature = (text, *, file = "deviations.json"))]
    fn py_from_json(text: &str, file: &str) -> PyResult<Self> {
        Ok(Self::of_json(text, file)?)
    }

    /// The leadership group's meeting document (Markdown, `sv` or `en`) for the meeting on
    /// `meeting`, covering what happened after `previous_meeting`; protected with threshold `k`.
    /// With a `ledger`, protected together with everything it records, and recorded there.
    #[pyo3(name = "meeting_document", signature = (previous_meeting, meeting, *, k = 3, unprotected = false, language = "sv", ledger = None))]
    fn py_meeting_document(
        &self,
        previous_meeting: &Bound<'_, PyAny>,
        meeting: &Bound<'_, PyAny>,
        k: i64,
        unprotected: bool,
        language: &str,
        ledger: Option<&Ledger>,
    ) -> PyResult<String> {
        let previous_meeting = date_of(previous_meeting, "previous_meeting")?;
        let meeting = date_of(meeting, "meeting")?;
        Ok(self.meeting(previous_meeting, meeting, k, unprotected, language, ledger)?)
    }

    /// What happened in `from_date..=to_date` (a quarter, a half-year, a year or any dates;
    /// `datetime.date` or ISO date strings).
    #[pyo3(name = "period_view")]
    fn py_period_view(
        &self,
        from_date: &Bound<'_, PyAny>,
        to_date: &Bound<'_, PyAny>,
    ) -> PyResult<DeviationPeriodView> {
        Ok(self.view(
            date_of(from_date, "from_date")?,
            date_of(to_date, "to_date")?,
        ))
    }

    /// The year's shortcomings by level for länsstyrelsen (seed 002), Markdown, protected.
    /// With a `ledger`, protected together with everything it records, and recorded there.
    #[pyo3(name = "annual_summary_by_level", signature = (year, *, k = 3, unprotected = false, language = "sv", ledger = None))]
    fn py_annual_summary_by_level(
        &self,
        year: i32,
        k: i64,
        unprotected: bool,
        language: &str,
        ledger: Option<&Ledger>,
    ) -> PyResult<String> {
        Ok(self.by_level(year, k, unprotected, language, ledger)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "DeviationRegister(deviations={}, problems={})",
            self.deviations.len(),
            self.problems.len()
        )
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DeviationRegister>()?;
    m.add_class::<DeviationEventRow>()?;
    m.add_class::<DeviationCounts>()?;
    m.add_class::<DeviationPeriodView>()?;
    Ok(())
}
