//! The deviations export: one row per deviation, with its current status.

use super::sheet::{read_rows, Columns};
use super::{ImportError, Imported, Mode};
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

const DEVIATION_COLUMNS: Columns = Columns {
    aliases: DEVIATION_HEADERS,
    known: DEVIATION_CSV_COLUMNS,
    required: &["date", "event_type", "level", "counterpart", "status"],
};

const DEVIATION_HEADERS: &[(&str, &str)] = &[
    ("datum", "date"),
    ("händelsetyp", "event_type"),
    ("nivå", "level"),
    ("motpart", "counterpart"),
    ("status", "status"),
    ("konsekvens", "consequence"),
];

/// Reads deviations: `date`, `event_type`, `level`, `counterpart`, `status`, `consequence`.
pub fn read_deviations_csv(
    bytes: &[u8],
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<Imported<Deviation>, ImportError> {
    read_rows(bytes, file, &DEVIATION_COLUMNS, mode, |r| {
        for required in ["date", "event_type", "level", "counterpart", "status"] {
            if r.raw(required).is_none() {
                r.problem(required, "a value is required".into());
            }
        }
        let date = r.date("date");
        let event_type = r.code("event_type", |s| vocabulary.deviation_event_types.parse(s));
        let level = r.code("level", |s| vocabulary.deviation_levels.parse(s));
        let counterpart = r.code("counterpart", |s| vocabulary.counterparts.parse(s));
        let status = r.code("status", |s| vocabulary.deviation_statuses.parse(s));
        let consequence = r.raw("consequence").map(str::to_owned);
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
