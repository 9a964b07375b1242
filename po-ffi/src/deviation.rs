//! The deviation register with histories (`po_core::deviation`) across the boundary: read from
//! event rows (CSV) or JSON, its events as flat rows (a DataFrame in Python), the view of any
//! period, and the two protected documents (the leadership group's meeting, länsstyrelsen's
//! year by level).

use rust_decimal::Decimal;
use time::Date;

use po_core::codes::{CodeList, LocalVocabulary};
use po_core::deviation::{self as core, Event};
use po_core::disclosure::Protection;
use po_core::input::Mode;
use po_core::Language;

use super::error::{po, PoError, Problem};
use super::ledger::{threshold, Ledger};
use super::record::{record, signed};
use super::rules::Stamp;

record! {
    /// One dated step of a deviation, as one row (what an event export holds).
    DeviationEventRow {
        /// The deviation's id (never personal data).
        id: String,
        /// The event type (seed 000), positive events included.
        event_type: String,
        /// The level (seed 002).
        level: String,
        /// The responsible organisation (seed 001 annex 1).
        counterpart: String,
        /// `documented`, `raised`, `sent`, `feedback`, `remedied`, `not_remedied`, `withdrawn`.
        event: String,
        /// The step's date.
        on: Date,
        /// On a `sent` row: when a reply is asked for.
        reply_by: Option<Date>,
        /// On a `feedback` row: what the organisation answered, in short.
        summary: String,
    }
}

record! {
    /// What happened to one group's deviations (a counterpart, a level, or all) in a period.
    DeviationCounts {
        /// The counterpart's or level's code; `total` for all.
        group: String,
        /// Documented in the period.
        new: i64,
        /// Raised at a leadership-group meeting in the period.
        raised: i64,
        /// Sent to the responsible organisation in the period.
        sent: i64,
        /// Feedback received in the period.
        answered: i64,
        /// Closed as remedied in the period.
        remedied: i64,
        /// Closed as not remedied in the period.
        not_remedied: i64,
        /// Withdrawn in the period.
        withdrawn: i64,
        /// Documented by the end of the period and not closed by then.
        open_at_end: i64,
        /// Of those, a reply asked for by a date before the end and not received.
        overdue_at_end: i64,
        /// Positive events documented in the period (also counted in `new`).
        positive: i64,
        /// The consequences for individuals (a counterpart's; seed 001 annex 1), distinct.
        consequences: Vec<String>,
    }
}

fn counts(group: &str, c: &core::Counts, consequences: Vec<String>) -> DeviationCounts {
    DeviationCounts {
        group: group.to_owned(),
        new: signed(c.new),
        raised: signed(c.raised),
        sent: signed(c.sent),
        answered: signed(c.answered),
        remedied: signed(c.remedied),
        not_remedied: signed(c.not_remedied),
        withdrawn: signed(c.withdrawn),
        open_at_end: signed(c.open_at_end),
        overdue_at_end: signed(c.overdue_at_end),
        positive: signed(c.positive),
        consequences,
    }
}

record! {
    /// What happened to the deviations in a period, for the service's own follow-up (counts as
    /// they are: publish through the documents, which are protected).
    DeviationPeriodView {
        /// First day.
        from_date: Date,
        /// Last day.
        to_date: Date,
        /// Per counterpart, every counterpart of the code list in its order.
        by_counterpart: Vec<DeviationCounts>,
        /// Per level, every level in the code list's order.
        by_level: Vec<DeviationCounts>,
        /// Everything together (`group` = `total`).
        total: DeviationCounts,
        /// Median days from documented to raised, over the deviations raised in the period.
        median_days_to_raised: Option<Decimal>,
        /// Median days from (first) sent to feedback, over the feedback received in the period.
        median_days_to_answered: Option<Decimal>,
        /// Of the shortcomings sent by the end of the period, the share with feedback by then,
        /// percent, two decimals (seed 002 asks that the authorities give feedback).
        feedback_rate: Option<Decimal>,
        /// Deviations from a flat export documented in the period (undated later steps).
        without_history: i64,
        /// The version, the definitions applied and the last day.
        stamp: Stamp,
    }
}

impl From<core::PeriodView> for DeviationPeriodView {
    fn from(v: core::PeriodView) -> Self {
        DeviationPeriodView {
            from_date: v.from,
            to_date: v.to,
            by_counterpart: v
                .by_counterpart
                .into_iter()
                .map(|c| counts(c.counterpart.code(), &c.counts, c.consequences))
                .collect(),
            by_level: v
                .by_level
                .iter()
                .map(|l| counts(l.level.code(), &l.counts, Vec::new()))
                .collect(),
            total: counts("total", &v.total, Vec::new()),
            median_days_to_raised: v.median_days_to_raised,
            median_days_to_answered: v.median_days_to_answered,
            feedback_rate: v.feedback_rate,
            without_history: signed(v.without_history),
            stamp: v.stamp.into(),
        }
    }
}

/// The local labels (a preset; none given = national codes and labels only) and the mode.
fn reading(lenient: bool, vocabulary: Option<&str>) -> Result<(LocalVocabulary, Mode), PoError> {
    let vocabulary = LocalVocabulary::preset(vocabulary.unwrap_or("none")).map_err(po)?;
    Ok((
        vocabulary,
        if lenient { Mode::Lenient } else { Mode::Strict },
    ))
}

/// A service's deviations with their histories, validated on reading.
#[derive(Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "personligt_ombud"))]
pub struct DeviationRegister {
    pub(crate) deviations: Vec<core::Deviation>,
    pub(crate) problems: Vec<po_core::input::Problem>,
}

impl DeviationRegister {
    /// From event rows (CSV: one row per event; see `po_core::io::read::read_deviation_events_csv`).
    pub(crate) fn of_events_csv(
        bytes: &[u8],
        file: &str,
        lenient: bool,
        vocabulary: Option<&str>,
    ) -> Result<Self, PoError> {
        let (vocabulary, mode) = reading(lenient, vocabulary)?;
        let (deviations, problems) =
            po_core::io::read::read_deviation_events_csv(bytes, file, &vocabulary, mode)
                .map_err(po)?;
        Ok(DeviationRegister {
            deviations,
            problems,
        })
    }

    /// From the current flat export (one row per deviation with its current status), each
    /// deviation marked as lacking history (`has_history = false`; a period view counts it in
    /// `new` and `without_history` only) and named `flat-N` by its position (a flat export has
    /// no id of its own).
    pub(crate) fn of_flat_csv(
        bytes: &[u8],
        file: &str,
        lenient: bool,
        vocabulary: Option<&str>,
    ) -> Result<Self, PoError> {
        let (vocabulary, mode) = reading(lenient, vocabulary)?;
        let imported =
            po_core::io::read::read_deviations_csv(bytes, file, &vocabulary, mode).map_err(po)?;
        Ok(DeviationRegister {
            deviations: imported
                .rows
                .iter()
                .enumerate()
                .map(|(i, flat)| core::Deviation::from_flat(format!("flat-{}", i + 1), flat))
                .collect(),
            problems: imported.problems,
        })
    }

    /// From the JSON form (a list of deviations with their events), every record validated.
    pub(crate) fn of_json(text: &str, file: &str) -> Result<Self, PoError> {
        Ok(DeviationRegister {
            deviations: po_core::io::read::read_deviations_json(text, file).map_err(po)?,
            problems: Vec::new(),
        })
    }

    /// What happened in `from_date..=to_date` (Python's and Kotlin's `period_view`, each
    /// reading its dates as the language gives them).
    pub(crate) fn view(&self, from_date: Date, to_date: Date) -> DeviationPeriodView {
        core::period_view(&self.deviations, from_date, to_date).into()
    }

    fn protection(k: i64, unprotected: bool) -> Result<Protection, PoError> {
        Protection::from_request(k, unprotected).map_err(po)
    }

    /// The leadership group's meeting document (Markdown) for the meeting on `meeting`: what
    /// happened after `previous_meeting`, every count protected and audited — with `ledger`,
    /// together with everything it records, and recorded there.
    pub(crate) fn meeting(
        &self,
        previous_meeting: Date,
        meeting: Date,
        k: i64,
        unprotected: bool,
        language: &str,
        ledger: Option<&Ledger>,
    ) -> Result<String, PoError> {
        let lang = Language::parse(language).map_err(po)?;
        let Some(ledger) = ledger else {
            let protection = Self::protection(k, unprotected)?;
            return po_core::io::write::meeting_document(
                &self.deviations,
                previous_meeting,
                meeting,
                protection,
                lang,
            )
            .map_err(po);
        };
        let k = threshold(k, unprotected)?;
        ledger.publish(|l| {
            po_core::io::write::meeting_document_with_ledger(
                &self.deviations,
                previous_meeting,
                meeting,
                k,
                lang,
                l,
            )
            .map_err(po)
        })
    }

    /// The year's shortcomings by level for länsstyrelsen as seed 002 publishes them (Markdown),
    /// protected and audited — with `ledger`, together with everything it records (the year's
    /// meeting documents), and recorded there.
    pub(crate) fn by_level(
        &self,
        year: i32,
        k: i64,
        unprotected: bool,
        language: &str,
        ledger: Option<&Ledger>,
    ) -> Result<String, PoError> {
        let lang = Language::parse(language).map_err(po)?;
        let Some(ledger) = ledger else {
            let protection = Self::protection(k, unprotected)?;
            return po_core::io::write::annual_summary_by_level(
                &self.deviations,
                year,
                protection,
                lang,
            )
            .map_err(po);
        };
        let k = threshold(k, unprotected)?;
        ledger.publish(|l| {
            po_core::io::write::annual_summary_by_level_with_ledger(
                &self.deviations,
                year,
                k,
                lang,
                l,
            )
            .map_err(po)
        })
    }
}

#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl DeviationRegister {
    /// Every event of every deviation as a row, deviation by deviation in date order.
    pub fn events(&self) -> Vec<DeviationEventRow> {
        let mut rows = Vec::new();
        for d in &self.deviations {
            for e in &d.events {
                let (reply_by, summary) = match e {
                    Event::Sent { reply_by, .. } => (*reply_by, String::new()),
                    Event::Feedback { summary, .. } => (None, summary.clone()),
                    _ => (None, String::new()),
                };
                rows.push(DeviationEventRow {
                    id: d.id.clone(),
                    event_type: d.event_type.code().to_owned(),
                    level: d.level.code().to_owned(),
                    counterpart: d.counterpart.code().to_owned(),
                    event: e.code().to_owned(),
                    on: e.on(),
                    reply_by,
                    summary,
                });
            }
        }
        rows
    }

    /// The deviations a lenient import left out, with their problems.
    pub fn problems(&self) -> Vec<Problem> {
        self.problems.iter().cloned().map(Problem::from).collect()
    }

    /// How many deviations.
    pub fn deviation_count(&self) -> i64 {
        signed(self.deviations.len() as u64)
    }
}
