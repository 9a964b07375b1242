//! The intake export: one row per intake visit (nybesök).

use super::names::Names;
use super::sheet::{col, read_rows, Col, Columns};
use super::{ImportError, Imported, Input, Mode};
use crate::codes::LocalVocabulary;
use crate::report::IntakeVisit;

/// The columns of an intake export.
pub const INTAKE_CSV_COLUMNS: &[&str] = &["date", "area", "outcome"];

pub(super) const INTAKE_COLUMNS: Columns = Columns {
    aliases: INTAKE_HEADERS,
    known: INTAKE_CSV_COLUMNS,
    required: &["date", "area", "outcome"],
    optional: &[],
};

const AREA: Col = col(INTAKE_CSV_COLUMNS, "area");
const DATE: Col = col(INTAKE_CSV_COLUMNS, "date");
const OUTCOME: Col = col(INTAKE_CSV_COLUMNS, "outcome");

const INTAKE_HEADERS: &[(&str, &str)] = &[
    ("datum", "date"),
    ("område", "area"),
    ("resultat", "outcome"),
];

/// Reads intake visits: `date`, `area`, `outcome`.
pub fn read_intake_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<Imported<IntakeVisit>, ImportError> {
    // Areas are few: each name is kept once and shared by its visits.
    let mut areas = Names::default();
    read_rows(input.into(), file, &INTAKE_COLUMNS, mode, |r| {
        let date = r.date(DATE);
        if r.raw(DATE).is_none() {
            r.problem(DATE, "a value is required".into());
        }
        let area = r.required(AREA).and_then(|_| r.free_text(AREA));
        let outcome = r.code(OUTCOME, |s| vocabulary.intake_outcomes.parse(s));
        if r.raw(OUTCOME).is_none() {
            r.problem(OUTCOME, "a value is required".into());
        }
        match (date, area, outcome) {
            (Some(date), Some(area), Some(outcome)) => Some(IntakeVisit {
                date,
                area: areas.share(area),
                outcome,
            }),
            _ => None,
        }
    })
}
