//! The deviation register as Kotlin/Java read it and ask for its documents.

use std::sync::Arc;

use time::Date;

use crate::deviation::{DeviationPeriodView, DeviationRegister};
use crate::error::PoError;
use crate::ledger::Ledger;

#[uniffi::export]
impl DeviationRegister {
    /// From event rows (CSV, one row per event). Strict: any problem raises `InvalidRegister`;
    /// lenient: a deviation with a bad row is left out whole and listed in `problems()`.
    /// `vocabulary` is a preset of local labels (null: national codes and labels only).
    #[uniffi::constructor(default(lenient = false, vocabulary = None))]
    pub fn from_events_csv(
        bytes: Vec<u8>,
        lenient: bool,
        vocabulary: Option<String>,
    ) -> Result<Arc<Self>, PoError> {
        Self::of_events_csv(
            &bytes,
            "deviation_events.csv",
            lenient,
            vocabulary.as_deref(),
        )
        .map(Arc::new)
    }

    /// From the current flat export (one row per deviation, its status undated): marked as
    /// lacking history; period views count such a deviation in `new` and `withoutHistory` only.
    #[uniffi::constructor(default(lenient = false, vocabulary = None))]
    pub fn from_flat_csv(
        bytes: Vec<u8>,
        lenient: bool,
        vocabulary: Option<String>,
    ) -> Result<Arc<Self>, PoError> {
        Self::of_flat_csv(&bytes, "deviations.csv", lenient, vocabulary.as_deref()).map(Arc::new)
    }

    /// From the JSON form (a list of deviations with their events).
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, PoError> {
        Self::of_json(&json, "deviations.json").map(Arc::new)
    }

    /// What happened in `from_date..=to_date` (a quarter, a half-year, a year or any dates).
    pub fn period_view(&self, from_date: Date, to_date: Date) -> DeviationPeriodView {
        self.view(from_date, to_date)
    }

    /// The leadership group's meeting document (Markdown, `sv` or `en`) for the meeting on
    /// `meeting`, covering what happened after `previous_meeting`; protected (k = 3). With a
    /// `ledger`, protected together with everything it records, and recorded there.
    #[uniffi::method(default(k = 3, unprotected = false, language = "sv", ledger = None))]
    pub fn meeting_document(
        &self,
        previous_meeting: Date,
        meeting: Date,
        k: i64,
        unprotected: bool,
        language: String,
        ledger: Option<Arc<Ledger>>,
    ) -> Result<String, PoError> {
        let ledger = ledger.as_deref();
        self.meeting(previous_meeting, meeting, k, unprotected, &language, ledger)
    }

    /// The year's shortcomings by level for länsstyrelsen (seed 002), Markdown, protected. With
    /// a `ledger`, protected together with everything it records, and recorded there.
    #[uniffi::method(default(k = 3, unprotected = false, language = "sv", ledger = None))]
    pub fn annual_summary_by_level(
        &self,
        year: i32,
        k: i64,
        unprotected: bool,
        language: String,
        ledger: Option<Arc<Ledger>>,
    ) -> Result<String, PoError> {
        self.by_level(year, k, unprotected, &language, ledger.as_deref())
    }
}
