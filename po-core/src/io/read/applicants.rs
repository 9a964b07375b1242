//! The queue export: one row per applicant waiting for an ombud, for
//! [`crate::priority::rank`] (the priority policy's groups are read from the flags).

use super::chunked::{leave_out_repeated_ids, read_rows_on, threads};
use super::ids::{IdSet, KeyedHash};
use super::sheet::{col, Col, Columns, Row};
use super::{ImportError, Imported, Input, Mode};
use crate::priority::Applicant;

/// The columns of a queue export.
pub const APPLICANT_CSV_COLUMNS: &[&str] = &[
    "id",
    "birth_date",
    "area",
    "queued_on",
    "left_queue_on",
    "children_at_home",
    "children_at_risk_of_harm",
    "homeless_or_at_risk",
    "lacking_contacts",
];

pub(super) const APPLICANT_COLUMNS: Columns = Columns {
    aliases: &[
        ("födelsedatum", "birth_date"),
        ("område", "area"),
        ("köad", "queued_on"),
        ("i kö sedan", "queued_on"),
        ("lämnade kön", "left_queue_on"),
        ("hemmavarande barn", "children_at_home"),
        (
            "barn som riskerar att fara illa",
            "children_at_risk_of_harm",
        ),
        ("hemlös eller risk för hemlöshet", "homeless_or_at_risk"),
        ("saknar kontakter", "lacking_contacts"),
    ],
    known: APPLICANT_CSV_COLUMNS,
    required: &["id", "birth_date", "queued_on"],
    // The policies' groups read these flags: without one, no applicant is in its group.
    optional: &[
        (
            &["children_at_home"],
            "no applicant is in a children-at-home priority group",
        ),
        (
            &["children_at_risk_of_harm"],
            "no applicant is in a children-at-risk priority group",
        ),
        (
            &["homeless_or_at_risk"],
            "no applicant is in a homelessness priority group",
        ),
        (
            &["lacking_contacts"],
            "no applicant is in a lacking-contacts priority group",
        ),
    ],
};

const ID: Col = col(APPLICANT_CSV_COLUMNS, "id");
const BIRTH_DATE: Col = col(APPLICANT_CSV_COLUMNS, "birth_date");
const AREA: Col = col(APPLICANT_CSV_COLUMNS, "area");
const QUEUED_ON: Col = col(APPLICANT_CSV_COLUMNS, "queued_on");
const LEFT_QUEUE_ON: Col = col(APPLICANT_CSV_COLUMNS, "left_queue_on");
const CHILDREN: Col = col(APPLICANT_CSV_COLUMNS, "children_at_home");
const AT_RISK: Col = col(APPLICANT_CSV_COLUMNS, "children_at_risk_of_harm");
const HOMELESS: Col = col(APPLICANT_CSV_COLUMNS, "homeless_or_at_risk");
const LACKING: Col = col(APPLICANT_CSV_COLUMNS, "lacking_contacts");

/// Reads applicants: `id` (unique), `birth_date`, `queued_on` required; the area, the day
/// they left the queue, and the flags the priority policies read.
pub fn read_applicants_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    mode: Mode,
) -> Result<Imported<Applicant>, ImportError> {
    let hash = KeyedHash::new();
    read_rows_on(
        input.into(),
        file,
        &APPLICANT_COLUMNS,
        mode,
        threads(),
        |rows| IdSet::with_capacity(hash, rows),
        read_applicant,
        |runs| leave_out_repeated_ids(runs, file, |ids| ids),
    )
}

/// One applicant's row; its id recorded in `ids`.
fn read_applicant(ids: &mut IdSet, r: &mut Row<'_>) -> Option<Applicant> {
    let id = r.unique_id(ID, ids);
    let birth_date = r.date(BIRTH_DATE);
    if birth_date.is_none() && r.raw(BIRTH_DATE).is_none() {
        r.problem(BIRTH_DATE, "a value is required".into());
    }
    let queued_on = r.date(QUEUED_ON);
    if queued_on.is_none() && r.raw(QUEUED_ON).is_none() {
        r.problem(QUEUED_ON, "a value is required".into());
    }
    let left_queue_on = r.date(LEFT_QUEUE_ON);
    let applicant = Applicant {
        id: id?.to_owned(),
        birth_date: birth_date?,
        area: r.free_text(AREA).map(str::to_owned),
        queued_on: queued_on?,
        left_queue_on,
        children_at_home: r.flag(CHILDREN),
        children_at_risk_of_harm: r.flag(AT_RISK),
        homeless_or_at_risk: r.flag(HOMELESS),
        lacking_contacts: r.flag(LACKING),
    };
    Some(applicant)
}
