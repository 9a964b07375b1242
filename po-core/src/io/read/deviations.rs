//! The deviations export: one row per deviation, with its current status.

use super::sheet::{col, read_rows, Col, Columns};
use super::{ImportError, Imported, Input, Mode};
use crate::codes::LocalVocabulary;
use crate::report::Deviation;

/// The columns of a deviations export.
pub const DEVIATION_CSV_COLUMNS: &[&str] = &[
    "date",
    "event_type",
    "level",
    "counterpart",
    "status",
    "consequence",
];

pub(super) const DEVIATION_COLUMNS: Columns = Columns {
    aliases: DEVIATION_HEADERS,
    known: DEVIATION_CSV_COLUMNS,
    required: &["date", "event_type", "level", "counterpart", "status"],
    optional: &[],
};

const CONSEQUENCE: Col = col(DEVIATION_CSV_COLUMNS, "consequence");
const COUNTERPART: Col = col(DEVIATION_CSV_COLUMNS, "counterpart");
const DATE: Col = col(DEVIATION_CSV_COLUMNS, "date");
const EVENT_TYPE: Col = col(DEVIATION_CSV_COLUMNS, "event_type");
const LEVEL: Col = col(DEVIATION_CSV_COLUMNS, "level");
const STATUS: Col = col(DEVIATION_CSV_COLUMNS, "status");

const DEVIATION_HEADERS: &[(&str, &str)] = &[
    ("datum", "date"),
    ("händelsetyp", "event_type"),
    ("nivå", "level"),
    ("motpart", "counterpart"),
    ("status", "status"),
    ("konsekvens", "consequence"),
];

/// Reads deviations: `date`, `event_type`, `level`, `counterpart`, `status`, `consequence`.
pub fn read_deviations_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<Imported<Deviation>, ImportError> {
    read_rows(input.into(), file, &DEVIATION_COLUMNS, mode, |r| {
        for required in [DATE, EVENT_TYPE, LEVEL, COUNTERPART, STATUS] {
            if r.raw(required).is_none() {
                r.problem(required, "a value is required".into());
            }
        }
        let date = r.date(DATE);
        let event_type = r.code(EVENT_TYPE, |s| vocabulary.deviation_event_types.parse(s));
        let level = r.code(LEVEL, |s| vocabulary.deviation_levels.parse(s));
        let counterpart = r.code(COUNTERPART, |s| vocabulary.counterparts.parse(s));
        let status = r.code(STATUS, |s| vocabulary.deviation_statuses.parse(s));
        let consequence = r.free_text(CONSEQUENCE).map(str::to_owned);
        match (date, event_type, level, counterpart, status) {
            (Some(date), Some(event_type), Some(level), Some(counterpart), Some(status)) => {
                Some(Deviation {
                    date,
                    event_type,
                    level,
                    counterpart,
                    status,
                    consequence,
                })
            }
            _ => None,
        }
    })
}
