//! The deviation module's event export: one row per event of a deviation (issue 16). The
//! deviation's dimensions are read from its `documented` row; its events are taken in date order
//! (ties in file order) and their order is validated ([`crate::deviation::Deviation::validate`]),
//! each problem located at the event's row.

use std::collections::HashMap;

use time::Date;

use super::sheet::{col, read_rows, Col, Columns};
use super::{ImportError, Mode, Problem};
use crate::codes::{Counterpart, DeviationEventType, DeviationLevel, LocalVocabulary};
use crate::deviation::{Closing, Deviation, Event};

/// The columns of a deviation event export.
pub const DEVIATION_EVENT_CSV_COLUMNS: &[&str] = &[
    "id",
    "date",
    "event",
    "event_type",
    "level",
    "counterpart",
    "description",
    "consequence",
    "reply_by",
    "summary",
];

/// The event codes of the `event` column.
pub const DEVIATION_EVENT_CODES: &[&str] = &[
    "documented",
    "raised",
    "sent",
    "feedback",
    "remedied",
    "not_remedied",
    "withdrawn",
];

pub(super) const COLUMNS: Columns = Columns {
    aliases: HEADERS,
    known: DEVIATION_EVENT_CSV_COLUMNS,
    required: &["id", "date", "event"],
    optional: &[],
};

const CONSEQUENCE: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "consequence");
const COUNTERPART: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "counterpart");
const DATE: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "date");
const DESCRIPTION: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "description");
const EVENT: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "event");
const EVENT_TYPE: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "event_type");
const ID: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "id");
const LEVEL: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "level");
const REPLY_BY: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "reply_by");
const SUMMARY: Col = col(DEVIATION_EVENT_CSV_COLUMNS, "summary");

const HEADERS: &[(&str, &str)] = &[
    ("avvikelse", "id"),
    ("datum", "date"),
    ("händelse", "event"),
    ("händelsetyp", "event_type"),
    ("nivå", "level"),
    ("motpart", "counterpart"),
    ("beskrivning", "description"),
    ("konsekvens", "consequence"),
    ("svar senast", "reply_by"),
    ("återkoppling", "summary"),
];

/// The dimensions given on a `documented` row.
struct Dimensions {
    event_type: DeviationEventType,
    level: DeviationLevel,
    counterpart: Counterpart,
    description: String,
    consequence: String,
}

struct Row {
    line: u64,
    id: String,
    event: Event,
    dimensions: Option<Dimensions>,
}

fn event(code: &str, on: Date, reply_by: Option<Date>, summary: String) -> Option<Event> {
    Some(match code {
        "documented" => Event::Documented { on },
        "raised" => Event::Raised { on },
        "sent" => Event::Sent { on, reply_by },
        "feedback" => Event::Feedback { on, summary },
        "remedied" => Event::Closed {
            on,
            closing: Closing::Remedied,
        },
        "not_remedied" => Event::Closed {
            on,
            closing: Closing::NotRemedied,
        },
        "withdrawn" => Event::Closed {
            on,
            closing: Closing::Withdrawn,
        },
        _ => return None,
    })
}

/// Reads deviations from their event rows: `id`, `date`, `event` (one of
/// [`DEVIATION_EVENT_CODES`]), and on the `documented` row `event_type`, `level`,
/// `counterpart`, `description`, `consequence`; `reply_by` on a `sent` row, `summary` on a
/// `feedback` row. Strict: any problem fails the file; lenient: a deviation with a problem is
/// left out and its problems listed.
pub fn read_deviation_events_csv(
    bytes: &[u8],
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<(Vec<Deviation>, Vec<Problem>), ImportError> {
    read(bytes.into(), file, vocabulary, mode)
}

/// [`read_deviation_events_csv`] of any input: a CSV, a frame, a workbook's sheet.
pub(super) fn read(
    input: super::Input<'_>,
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<(Vec<Deviation>, Vec<Problem>), ImportError> {
    // Ids with a row that has a problem: their deviation is left out whole (a history with a
    // hole would be counted wrongly).
    let mut broken: Vec<String> = Vec::new();
    // A history's problems are the event column's, named as the header wrote it.
    let mut event_column: Option<String> = None;
    let rows = read_rows(input, file, &COLUMNS, Mode::Lenient, |r| {
        event_column.get_or_insert_with(|| r.written_name(EVENT).to_owned());
        let row = read_row(r, vocabulary);
        if !r.problems.is_empty() {
            if let Some(id) = r.raw(ID) {
                broken.push(id.to_owned());
            }
        }
        row
    })?;
    let mut problems = rows.problems;
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<Row>> = HashMap::new();
    for row in rows.rows.into_iter().filter(|r| !broken.contains(&r.id)) {
        if !groups.contains_key(&row.id) {
            order.push(row.id.clone());
        }
        groups.entry(row.id.clone()).or_default().push(row);
    }
    let mut deviations = Vec::new();
    let event_column = event_column.as_deref().unwrap_or("event");
    let problem = |line: u64, reason: String| Problem {
        file: file.to_owned(),
        row: line,
        column: event_column.to_owned(),
        reason,
    };
    for id in order {
        let Some(mut rows) = groups.remove(&id) else {
            continue;
        };
        rows.sort_by_key(|r| r.event.on()); // stable: ties keep file order
        let first_line = rows.iter().map(|r| r.line).min().unwrap_or(0);
        let Some(dimensions) = rows.iter_mut().find_map(|r| r.dimensions.take()) else {
            problems.push(problem(
                first_line,
                format!(
                    "deviation {}: no documented row, which gives its event type, level and \
                     counterpart",
                    crate::privacy::shown(&id)
                ),
            ));
            continue;
        };
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        let deviation = Deviation {
            id,
            event_type: dimensions.event_type,
            level: dimensions.level,
            counterpart: dimensions.counterpart,
            description: dimensions.description,
            consequence: dimensions.consequence,
            events: rows.into_iter().map(|r| r.event).collect(),
            has_history: true,
            exported_status: None,
        };
        match deviation.validate() {
            Ok(()) => deviations.push(deviation),
            Err(e) => {
                let line = e
                    .event
                    .checked_sub(1)
                    .and_then(|i| lines.get(i))
                    .copied()
                    .unwrap_or(first_line);
                problems.push(problem(line, e.to_string()));
            }
        }
    }
    problems.sort_by_key(|p| p.row);
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok((deviations, problems))
}

/// One event row, its problems recorded on the row.
fn read_row(r: &mut super::sheet::Row<'_>, vocabulary: &LocalVocabulary) -> Option<Row> {
    {
        let id = r.required(ID);
        if let Some(id) = &id {
            if crate::privacy::looks_like_identity_number(id) {
                r.problem(ID, "an id must not be an identity number".into());
            }
        }
        let on = r.date(DATE);
        if r.raw(DATE).is_none() {
            r.problem(DATE, "a value is required".into());
        }
        let code = r.required(EVENT).map(crate::text::fold);
        if let Some(c) = code
            .as_deref()
            .filter(|c| !DEVIATION_EVENT_CODES.contains(c))
        {
            r.problem(
                EVENT,
                format!(
                    "unknown event {:?}: expected one of {}",
                    crate::privacy::shown(c),
                    DEVIATION_EVENT_CODES.join(", ")
                ),
            );
        }
        let reply_by = r.date(REPLY_BY);
        let summary = r.free_text(SUMMARY).unwrap_or_default().to_owned();
        let dimensions = if code.as_deref() == Some("documented") {
            for required in [EVENT_TYPE, LEVEL, COUNTERPART] {
                if r.raw(required).is_none() {
                    r.problem(required, "a value is required on the documented row".into());
                }
            }
            let event_type = r.code(EVENT_TYPE, |s| vocabulary.deviation_event_types.parse(s));
            let level = r.code(LEVEL, |s| vocabulary.deviation_levels.parse(s));
            let counterpart = r.code(COUNTERPART, |s| vocabulary.counterparts.parse(s));
            let (description, consequence) = (
                r.free_text(DESCRIPTION).unwrap_or_default().to_owned(),
                r.free_text(CONSEQUENCE).unwrap_or_default().to_owned(),
            );
            match (event_type, level, counterpart) {
                (Some(event_type), Some(level), Some(counterpart)) => Some(Dimensions {
                    event_type,
                    level,
                    counterpart,
                    description,
                    consequence,
                }),
                _ => None,
            }
        } else {
            None
        };
        let event = event(code.as_deref()?, on?, reply_by, summary)?;
        Some(Row {
            line: r.line,
            id: id?.to_owned(),
            event,
            dimensions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "id;date;event;event_type;level;counterpart;consequence;reply_by;summary\n\
        AV-1;2023-10-02;documented;access_to_care_and_support;local;psychiatry;Ingen läkarkontakt;;\n\
        AV-1;2023-10-20;sent;;;;;2023-11-20;\n\
        AV-2;2023-11-01;documented;Positiv händelse;Lokal nivå;Försäkringskassan;;;\n\
        AV-1;2023-10-15;raised;;;;;;\n\
        AV-1;2023-11-10;feedback;;;;;;Remiss skickad\n";

    #[test]
    fn events_grouped_by_deviation_in_date_order() {
        let (deviations, problems) = read_deviation_events_csv(
            CSV.as_bytes(),
            "events.csv",
            &LocalVocabulary::default(),
            Mode::Strict,
        )
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(deviations.len(), 2);
        let d = &deviations[0];
        assert_eq!(d.id, "AV-1");
        assert_eq!(
            d.events.iter().map(Event::code).collect::<Vec<_>>(),
            ["documented", "raised", "sent", "feedback"]
        );
        assert_eq!(d.consequence, "Ingen läkarkontakt");
        assert_eq!(deviations[1].event_type, DeviationEventType::PositiveEvent);
    }

    #[test]
    fn problems_are_located_at_the_event_row() {
        let csv = "id;date;event;event_type;level;counterpart\n\
            AV-1;2023-10-02;documented;access_to_care_and_support;local;psychiatry\n\
            AV-1;2023-10-20;feedback;;;\n\
            AV-2;2023-10-21;raised;;;\n\
            AV-3;2023-10-22;escalated;;;\n";
        let e = read_deviation_events_csv(
            csv.as_bytes(),
            "events.csv",
            &LocalVocabulary::default(),
            Mode::Strict,
        )
        .unwrap_err();
        let found: Vec<(u64, &str)> = e
            .problems
            .iter()
            .map(|p| (p.row, p.reason.as_str()))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, 3);
        assert!(found[0]
            .1
            .contains("deviation AV-1, event 2 (feedback): feedback before"));
        assert_eq!(found[1].0, 4);
        assert!(found[1].1.contains("deviation AV-2: no documented row"));
        assert_eq!(found[2].0, 5);
        assert!(found[2].1.starts_with("unknown event \"escalated\""));
        // Lenient: AV-1 and AV-2 are left out with their problems, nothing is dropped silently.
        let (deviations, problems) = read_deviation_events_csv(
            csv.as_bytes(),
            "events.csv",
            &LocalVocabulary::default(),
            Mode::Lenient,
        )
        .unwrap();
        assert!(deviations.is_empty() && problems.len() == 3);
    }

    /// A history's problems name the event column as the header wrote it (issue 32 point 2).
    #[test]
    fn a_history_s_problem_names_the_column_as_written() {
        let csv = "ID;Datum;Händelse\nAV-2;2023-10-21;raised\n";
        let e = read_deviation_events_csv(
            csv.as_bytes(),
            "avvikelsehändelser.csv",
            &LocalVocabulary::default(),
            Mode::Strict,
        )
        .unwrap_err();
        assert_eq!(e.problems.len(), 1);
        assert_eq!(e.problems[0].column, "Händelse");
        assert_eq!(e.problems[0].file, "avvikelsehändelser.csv");
    }

    #[test]
    fn free_text_with_an_identity_number_is_refused() {
        let csv = "id;date;event;event_type;level;counterpart;description\n\
            AV-1;2023-10-02;documented;access_to_care_and_support;local;psychiatry;Gäller 19121212-1212\n";
        let e = read_deviation_events_csv(
            csv.as_bytes(),
            "events.csv",
            &LocalVocabulary::default(),
            Mode::Strict,
        )
        .unwrap_err();
        assert_eq!(
            (e.problems[0].row, e.problems[0].column.as_str()),
            (2, "description")
        );
        assert!(!e.problems.iter().any(|p| p.reason.contains("1212-1212")));
    }
}
