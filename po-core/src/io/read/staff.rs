//! The staff export: one row per ombud.

use rust_decimal::Decimal;

use super::sheet::{col, read_rows, Col, Columns};
use super::{ImportError, Imported, Input, Mode};
use crate::report::StaffMember;
use crate::text::clip;

/// The columns of a staff export.
pub const STAFF_CSV_COLUMNS: &[&str] = &["id", "fte", "training", "supervision", "gender"];

pub(super) const STAFF_COLUMNS: Columns = Columns {
    aliases: STAFF_HEADERS,
    known: STAFF_CSV_COLUMNS,
    required: &["id", "fte"],
    optional: &[],
};

const FTE: Col = col(STAFF_CSV_COLUMNS, "fte");
const ID: Col = col(STAFF_CSV_COLUMNS, "id");
const SUPERVISION: Col = col(STAFF_CSV_COLUMNS, "supervision");
const TRAINING: Col = col(STAFF_CSV_COLUMNS, "training");
const GENDER: Col = col(STAFF_CSV_COLUMNS, "gender");

const STAFF_HEADERS: &[(&str, &str)] = &[
    ("tjänstgöringsgrad", "fte"),
    ("utbildning", "training"),
    ("handledning", "supervision"),
    ("kön", "gender"),
];

/// Reads staff: `id`, `fte` (decimal comma or point, 0–1.5), `training` (`|`-separated),
/// `supervision`, `gender` (optional; the clients' code list, read by the same parser).
pub fn read_staff_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    mode: Mode,
) -> Result<Imported<StaffMember>, ImportError> {
    read_rows(input.into(), file, &STAFF_COLUMNS, mode, |r| {
        let id = r.required(ID);
        let fte = r
            .required(FTE)
            .and_then(|v| match v.replace(',', ".").parse::<Decimal>() {
                Ok(d) if d >= Decimal::ZERO && d <= Decimal::new(15, 1) => Some(d),
                _ => {
                    r.problem(
                        FTE,
                        format!(
                            "expected a full-time equivalent from 0 to 1.5, got {:?}",
                            clip(v)
                        ),
                    );
                    None
                }
            });
        let training = r.free_text(TRAINING).map_or(Vec::new(), |v| {
            v.split('|')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        });
        let supervision = r.free_text(SUPERVISION).map(str::to_owned);
        let gender = r.code(
            GENDER,
            <crate::codes::Gender as crate::codes::CodeList>::parse,
        );
        match (id, fte) {
            (Some(id), Some(fte)) => Some(StaffMember {
                id: id.to_owned(),
                fte,
                training,
                supervision,
                gender,
            }),
            _ => None,
        }
    })
}
