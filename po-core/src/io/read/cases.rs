//! A table of target-group cases for [`crate::eligibility::assess_batch`]: one row per person,
//! what an intake worker knows (SFS 2013:522 2 §), as CSV or as a frame.

use super::sheet::{col, read_rows, Col, Row};
use super::{ImportError, Imported, Input, Mode};
use crate::codes::CodeList;
use crate::eligibility::{Age, Answer, Criterion, TargetGroupInput};
use crate::input::answer_of;
use crate::text::clip;

/// The columns of a cases table. Each criterion's cell holds an answer (`ja`/`nej`, `yes`/`no`,
/// `true`/`false`, `vet ej`/`unknown`) or the details as a list of codes or labels
/// (`housing|economy`); an empty cell is not known. An empty list is not known either: a CSV
/// cell cannot tell it from a missing one, so "asked, none present" is written `nej`, which
/// 2 § reads the same way (the criterion is not met).
pub const CASE_CSV_COLUMNS: &[&str] = &[
    "age",
    "birth_date",
    "psychiatric_disability",
    "difficulties",
    "needs",
    "long_term_contacts",
];

pub(super) const COLUMNS: super::sheet::Columns = super::sheet::Columns {
    aliases: &[
        ("ålder", "age"),
        ("födelsedatum", "birth_date"),
        ("psykisk funktionsnedsättning", "psychiatric_disability"),
        ("svårigheter", "difficulties"),
        ("livsområden", "difficulties"),
        ("behov", "needs"),
        ("kontakter", "long_term_contacts"),
    ],
    known: CASE_CSV_COLUMNS,
    required: &[],
    optional: &[],
};

const AGE: Col = col(CASE_CSV_COLUMNS, "age");
const BIRTH_DATE: Col = col(CASE_CSV_COLUMNS, "birth_date");
const DISABILITY: Col = col(CASE_CSV_COLUMNS, "psychiatric_disability");
const DIFFICULTIES: Col = col(CASE_CSV_COLUMNS, "difficulties");
const NEEDS: Col = col(CASE_CSV_COLUMNS, "needs");
const CONTACTS: Col = col(CASE_CSV_COLUMNS, "long_term_contacts");

fn criterion<T: CodeList>(r: &mut Row<'_>, column: Col) -> Criterion<T> {
    let Some(v) = r.raw(column) else {
        return Criterion::default();
    };
    if let Some(a) = answer_of(v) {
        return Criterion::answer(a);
    }
    let details = r.list(column, |s| T::parse(s));
    Criterion::details(details)
}

/// Reads cases, each with its row (as [`super::Problem::row`] counts: the header is row 1, so
/// a frame's row `i` is row `i + 2`). The age is `age` (whole years, 0–130) or `birth_date`,
/// not both. A row with a problem is left out and listed (lenient) so that its row number
/// says which person it was; strict fails on any.
pub fn read_cases_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    mode: Mode,
) -> Result<Imported<(u64, TargetGroupInput)>, ImportError> {
    read_rows(input.into(), file, &COLUMNS, mode, |r| {
        let birth_date = r.date(BIRTH_DATE);
        let years = r.raw(AGE).and_then(|v| match v.parse::<i32>() {
            Ok(y) if (0..=130).contains(&y) => Some(y),
            _ => {
                r.problem(
                    AGE,
                    format!("expected whole years such as 42, got {:?}", clip(v)),
                );
                None
            }
        });
        let age = match (birth_date, years) {
            (Some(_), Some(_)) => {
                r.problem(
                    AGE,
                    "both age and birth_date are given; keep one (which is right?)".into(),
                );
                Age::Unknown
            }
            (Some(d), None) => Age::BirthDate(d),
            (None, Some(y)) => Age::Years(y),
            (None, None) => Age::Unknown,
        };
        let psychiatric_disability = match r.raw(DISABILITY) {
            None => Answer::Unknown,
            Some(v) => answer_of(v).unwrap_or_else(|| {
                r.problem(
                    DISABILITY,
                    format!("expected ja, nej or vet ej, got {:?}", clip(v)),
                );
                Answer::Unknown
            }),
        };
        Some((
            r.line,
            TargetGroupInput {
                age,
                psychiatric_disability,
                difficulties: criterion(r, DIFFICULTIES),
                needs: criterion(r, NEEDS),
                long_term_contacts: criterion(r, CONTACTS),
            },
        ))
    })
}
