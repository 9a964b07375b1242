//! The service's shortcomings for the national report's annex 1 (seed 001 "Bilaga 1"): one row
//! per shortcoming, where it arises and its consequence for the individual
//! (`deviation::ReportedShortcoming`).

use super::sheet::{col, read_rows, Col, Columns};
use super::{ImportError, Imported, Input, Mode};
use crate::codes::{CodeList, Counterpart};
use crate::deviation::ReportedShortcoming;

/// The columns of a shortcomings file.
pub const SHORTCOMING_CSV_COLUMNS: &[&str] = &["counterpart", "shortcoming", "consequence"];

pub(super) const SHORTCOMING_COLUMNS: Columns = Columns {
    aliases: SHORTCOMING_HEADERS,
    known: SHORTCOMING_CSV_COLUMNS,
    required: SHORTCOMING_CSV_COLUMNS,
    optional: &[],
};

const COUNTERPART: Col = col(SHORTCOMING_CSV_COLUMNS, "counterpart");
const SHORTCOMING: Col = col(SHORTCOMING_CSV_COLUMNS, "shortcoming");
const CONSEQUENCE: Col = col(SHORTCOMING_CSV_COLUMNS, "consequence");

const SHORTCOMING_HEADERS: &[(&str, &str)] = &[
    ("motpart", "counterpart"),
    ("brist", "shortcoming"),
    ("konsekvens", "consequence"),
    ("konsekvens för den enskilde", "consequence"),
];

/// Reads shortcomings: `counterpart` (the deviation register's code list: code, label or
/// alias), `shortcoming` and `consequence` (free text, each screened for identity numbers: a
/// row with one is refused with its place, never shown).
pub fn read_shortcomings_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    mode: Mode,
) -> Result<Imported<ReportedShortcoming>, ImportError> {
    read_rows(input.into(), file, &SHORTCOMING_COLUMNS, mode, |r| {
        let counterpart = r.code(COUNTERPART, Counterpart::parse);
        let shortcoming = r.free_text(SHORTCOMING);
        let consequence = r.free_text(CONSEQUENCE);
        match (counterpart, shortcoming, consequence) {
            (Some(counterpart), Some(shortcoming), Some(consequence)) => {
                Some(ReportedShortcoming {
                    counterpart,
                    shortcoming: shortcoming.trim().to_owned(),
                    consequence: consequence.trim().to_owned(),
                })
            }
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_with_swedish_headers_and_a_number_in_the_text_is_refused_where_it_is() {
        let csv = "Motpart;Brist;Konsekvens för den enskilde\n\
                   Psykiatrin;Brist på läkare;Långa väntetider\n\
                   Försäkringskassan;Höga krav på läkarintyg;Avslag\n";
        let read = read_shortcomings_csv(csv.as_bytes(), "brister.csv", Mode::Strict).unwrap();
        assert_eq!(read.rows.len(), 2);
        assert_eq!(read.rows[0].counterpart, Counterpart::Psychiatry);
        assert_eq!(read.rows[1].shortcoming, "Höga krav på läkarintyg");
        let bad = "Motpart;Brist;Konsekvens\nPsykiatrin;Brist;Gäller 19811218-9876\n";
        let e = read_shortcomings_csv(bad.as_bytes(), "brister.csv", Mode::Strict).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("brister.csv") && text.contains("Konsekvens") && text.contains("row 2"),
            "{text}"
        );
        assert!(!text.contains("19811218"), "{text}");
    }
}
