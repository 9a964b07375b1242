//! The register's JSON form. Every record is read on its own, so one bad record does not hide
//! the problems of the others, and each problem is located by record and field
//! (`clients[3].started_on`), in po's words, never by a line of the text.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::clients::date_problems;
use super::{ImportError, Problem};
use crate::privacy::redact;
use crate::report::{ExitSurvey, Register};

/// The lists of a register document, in the order of [`Register`].
const LISTS: [&str; 4] = ["clients", "intake_visits", "deviations", "staff"];
const FIELDS: &str = "clients, intake_visits, deviations, exit_survey, staff";

/// serde's sentence about one value, in po's words: the field is in the location already.
fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let reason = if text.starts_with("missing field") {
        "a value is required".to_owned()
    } else if let Some(rest) = text.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((got, expected)) => format!("expected {expected}, got {got}"),
            None => rest.to_owned(),
        }
    } else if let Some(rest) = text.strip_prefix("unknown field ") {
        format!("unknown field {rest}")
    } else {
        text.to_owned()
    };
    redact(&reason)
}

/// The field a missing-field error names, to put it in the location.
fn missing_field(e: &serde_json::Error) -> Option<String> {
    let text = e.to_string();
    let rest = text.strip_prefix("missing field `")?;
    rest.split_once('`').map(|(f, _)| f.to_owned())
}

/// Reads one record; on failure, the problem located at `at` and the field.
fn record<T: DeserializeOwned>(value: &Value, at: &str, file: &str) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut column = at.to_owned();
        if path != "." {
            if !path.starts_with('[') {
                column.push('.');
            }
            column.push_str(&path);
        }
        if let Some(field) = missing_field(&inner) {
            column.push('.');
            column.push_str(&field);
        }
        Problem {
            file: file.to_owned(),
            row: 0,
            column,
            reason: reason(&inner),
        }
    })
}

/// Reads deviations with their histories from JSON: a list of [`crate::deviation::Deviation`]
/// in its serde form. Every record is read and validated; each problem is located by record
/// (`[3]`, `[3].events`) and, for the history, names the event.
pub fn read_deviations_json(
    text: &str,
    file: &str,
) -> Result<Vec<crate::deviation::Deviation>, ImportError> {
    let problem = |column: String, reason: String| Problem {
        file: file.to_owned(),
        row: 0,
        column,
        reason,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError {
        problems: vec![problem(
            String::new(),
            format!(
                "not valid JSON (line {}, column {}): {}",
                e.line(),
                e.column(),
                reason(&e)
            ),
        )],
    })?;
    let Value::Array(items) = value else {
        return Err(ImportError {
            problems: vec![problem(
                String::new(),
                "expected a list of deviations".into(),
            )],
        });
    };
    let mut problems = Vec::new();
    let mut deviations = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match record::<crate::deviation::Deviation>(item, &format!("[{i}]"), file) {
            Ok(d) => match d.validate() {
                Ok(()) => deviations.push(d),
                Err(e) => problems.push(problem(format!("[{i}].events"), e.to_string())),
            },
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(deviations)
    } else {
        Err(ImportError { problems })
    }
}

/// Reads a whole register from JSON (the serde form of [`Register`]): every record of every
/// list is read, and every problem listed; then the clients get the same checks as in the CSV
/// reader (unique ids; end after start, start after the application, adults).
pub fn read_register_json(text: &str, file: &str) -> Result<Register, ImportError> {
    let one = |column: &str, reason: String| ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row: 0,
            column: column.to_owned(),
            reason,
        }],
    };
    let value: Value = serde_json::from_str(text).map_err(|e| {
        one(
            "",
            format!(
                "not valid JSON (line {}, column {}): {}",
                e.line(),
                e.column(),
                reason(&e)
            ),
        )
    })?;
    let Value::Object(document) = value else {
        return Err(one("", format!("expected an object with {FIELDS}")));
    };
    let mut problems: Vec<Problem> = document
        .keys()
        .filter(|k| !LISTS.contains(&k.as_str()) && k.as_str() != "exit_survey")
        .map(|k| Problem {
            file: file.to_owned(),
            row: 0,
            column: crate::privacy::shown(k),
            reason: format!("unknown field; expected one of {FIELDS}"),
        })
        .collect();
    let mut register = Register::default();
    let items = |name: &str, problems: &mut Vec<Problem>| -> &[Value] {
        match document.get(name) {
            None | Some(Value::Null) => &[],
            // The same bound as a sheet's rows (issue 33): a list beyond it is not read.
            Some(Value::Array(items)) if items.len() as u64 >= super::limits::MAX_ROWS => {
                problems.push(Problem {
                    file: file.to_owned(),
                    row: 0,
                    column: name.to_owned(),
                    reason: format!(
                        "{} records, more than the 1 048 575 rows a sheet holds below its \
                         header (Excel's limit); split it",
                        items.len()
                    ),
                });
                &[]
            }
            Some(Value::Array(items)) => items,
            Some(_) => {
                problems.push(Problem {
                    file: file.to_owned(),
                    row: 0,
                    column: name.to_owned(),
                    reason: "expected a list".into(),
                });
                &[]
            }
        }
    };
    /// The records read, each with its index in the document.
    fn read_all<T: DeserializeOwned>(
        name: &str,
        items: &[Value],
        file: &str,
        problems: &mut Vec<Problem>,
    ) -> Vec<(usize, T)> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match record(item, &format!("{name}[{i}]"), file) {
                Ok(x) => out.push((i, x)),
                Err(p) => problems.push(p),
            }
        }
        out
    }
    fn values<T>(read: Vec<(usize, T)>) -> Vec<T> {
        read.into_iter().map(|(_, x)| x).collect()
    }
    let clients = read_all(
        "clients",
        items("clients", &mut problems),
        file,
        &mut problems,
    );
    // The clients' own checks are located by their index in the document.
    let indexed: Vec<usize> = clients.iter().map(|(i, _)| *i).collect();
    register.clients = values(clients);
    let intake = items("intake_visits", &mut problems);
    register.intake_visits = values(read_all("intake_visits", intake, file, &mut problems));
    let deviations = items("deviations", &mut problems);
    register.deviations = values(read_all("deviations", deviations, file, &mut problems));
    let staff = items("staff", &mut problems);
    register.staff = values(read_all("staff", staff, file, &mut problems));
    register.exit_survey = match document.get("exit_survey") {
        None | Some(Value::Null) => None,
        Some(v) => match record::<ExitSurvey>(v, "exit_survey", file) {
            Ok(s) => Some(s),
            Err(p) => {
                problems.push(p);
                None
            }
        },
    };
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let today = crate::input::today();
    for (c, &i) in register.clients.iter().zip(&indexed) {
        let mut p = |column: &str, reason: String| {
            problems.push(Problem {
                file: file.to_owned(),
                row: 0,
                column: format!("clients[{i}].{column}"),
                reason,
            })
        };
        if let Some(first) = ids.insert(&c.id, i) {
            p("id", format!("the same id as clients[{first}]"));
        }
        for (column, reason) in date_problems(
            today,
            c.birth_date,
            c.applied_on,
            Some(c.started_on),
            c.ended_on,
        ) {
            p(column, reason);
        }
    }
    screen_free_text(&register, file, &mut problems);
    if problems.is_empty() {
        Ok(register)
    } else {
        Err(ImportError { problems })
    }
}

/// The free-text screen for a register read from JSON (as every CSV reader applies it cell by
/// cell): an identity number in an area, a deviation's consequence, a training, a supervision or
/// a survey answer is a problem at its path, never echoed.
fn screen_free_text(register: &Register, file: &str, problems: &mut Vec<Problem>) {
    let mut check = |path: String, text: &str| {
        if crate::privacy::contains_identity_number(text) {
            problems.push(Problem {
                file: file.to_owned(),
                row: 0,
                column: path,
                reason: crate::privacy::IN_FREE_TEXT.into(),
            });
        }
    };
    for (i, c) in register.clients.iter().enumerate() {
        if let Some(a) = &c.area {
            check(format!("clients[{i}].area"), a);
        }
    }
    for (i, v) in register.intake_visits.iter().enumerate() {
        check(format!("intake_visits[{i}].area"), &v.area);
    }
    for (i, d) in register.deviations.iter().enumerate() {
        if let Some(c) = &d.consequence {
            check(format!("deviations[{i}].consequence"), c);
        }
    }
    for (i, s) in register.staff.iter().enumerate() {
        for (j, t) in s.training.iter().enumerate() {
            check(format!("staff[{i}].training[{j}]"), t);
        }
        if let Some(text) = &s.supervision {
            check(format!("staff[{i}].supervision"), text);
        }
    }
    if let Some(survey) = &register.exit_survey {
        for (i, r) in survey.responses.iter().enumerate() {
            for (q, a) in &r.answers {
                let q = crate::privacy::shown(q);
                check(format!("exit_survey.responses[{i}].answers[{q:?}]"), a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_located_by_index_and_field() {
        let json = r#"{"clients": [
            {"id": "a", "gender": "woman"},
            {"id": "b", "gender": "robot", "started_on": "2023-01-01"},
            {"id": "c", "gender": "man", "started_on": "2023-13-01"},
            {"id": "d", "gender": "man", "started_on": "2023-01-01", "children_at_home": "ja"}
        ], "deviations": 5, "colour": 1}"#;
        let e = read_register_json(json, "register.json").unwrap_err();
        let found: Vec<(&str, &str)> = e
            .problems
            .iter()
            .map(|p| (p.column.as_str(), p.reason.as_str()))
            .collect();
        assert_eq!(found[0].0, "colour");
        assert!(found.contains(&("deviations", "expected a list")));
        assert!(found.contains(&("clients[0].started_on", "a value is required")));
        let gender = found.iter().find(|p| p.0 == "clients[1].gender").unwrap();
        assert!(
            gender.1.starts_with("unknown gender \"robot\""),
            "{gender:?}"
        );
        assert!(found.iter().any(|p| p.0 == "clients[2].started_on"));
        assert!(found.contains(&(
            "clients[3].children_at_home",
            "expected a boolean, got string \"ja\""
        )));
        assert_eq!(e.problems.len(), 6);
        assert!(e.problems.iter().all(|p| p.row == 0));
    }

    #[test]
    fn deviations_with_histories() {
        let json = r#"[
            {"id": "AV-1", "event_type": "access_to_care_and_support", "level": "local",
             "counterpart": "psychiatry", "events": [
                {"event": "documented", "on": "2023-10-02"},
                {"event": "sent", "on": "2023-10-20", "reply_by": "2023-11-20"},
                {"event": "feedback", "on": "2023-11-10", "summary": "Remiss skickad"}]},
            {"id": "AV-2", "event_type": "positive_event", "level": "local",
             "counterpart": "forsakringskassan", "events": [
                {"event": "documented", "on": "2023-10-02"},
                {"event": "feedback", "on": "2023-11-10"}]},
            {"id": "AV-3", "event_type": "positive_event", "level": "local",
             "counterpart": "forsakringskassan", "events": [{"event": "escalated", "on": "2023-10-02"}]}
        ]"#;
        let e = read_deviations_json(json, "deviations.json").unwrap_err();
        assert_eq!(e.problems.len(), 2);
        assert_eq!(e.problems[0].column, "[1].events");
        assert!(e.problems[0]
            .reason
            .starts_with("deviation AV-2, event 2 (feedback): feedback before"));
        assert_eq!(e.problems[1].column, "[2].events[0].event");
        let ok = json.replace(
            r#"{"event": "feedback", "on": "2023-11-10"}]}"#,
            r#"{"event": "raised", "on": "2023-11-10"}]}"#,
        );
        let ok = ok.replacen(r#""escalated""#, r#""documented""#, 1);
        assert_eq!(
            read_deviations_json(&ok, "deviations.json").unwrap().len(),
            3
        );
    }

    #[test]
    fn not_json_at_all() {
        let e = read_register_json("{\"clients\": [", "r.json").unwrap_err();
        assert!(
            e.problems[0]
                .reason
                .starts_with("not valid JSON (line 1, column 13)"),
            "{:?}",
            e.problems
        );
        let e = read_register_json("[1]", "r.json").unwrap_err();
        assert_eq!(
            e.problems[0].reason,
            format!("expected an object with {FIELDS}")
        );
    }

    #[test]
    fn identity_numbers_in_values_are_not_echoed() {
        let json = r#"{"clients": [{"id": "a", "gender": "man", "started_on": "19121212-1212"}]}"#;
        let e = read_register_json(json, "r.json").unwrap_err();
        assert!(
            !e.problems[0].reason.contains("1212-1212"),
            "{:?}",
            e.problems
        );
    }
}
