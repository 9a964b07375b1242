//! The register's JSON form.

use std::collections::HashMap;

use super::clients::date_problems;
use super::{ImportError, Problem};
use crate::report::Register;

/// Reads a whole register from JSON (the serde form of [`Register`]), then applies the same
/// checks as the CSV reader to the clients (unique ids; end after start, start after the
/// application, adults).
pub fn read_register_json(text: &str, file: &str) -> Result<Register, ImportError> {
    let register: Register = serde_json::from_str(text).map_err(|e| ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row: e.line() as u64,
            column: String::new(),
            reason: e.to_string(),
        }],
    })?;
    let mut problems = Vec::new();
    let mut ids = HashMap::new();
    for (i, c) in register.clients.iter().enumerate() {
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
        for (column, reason) in
            date_problems(c.birth_date, c.applied_on, Some(c.started_on), c.ended_on)
        {
            p(column, reason);
        }
    }
    if problems.is_empty() {
        Ok(register)
    } else {
        Err(ImportError { problems })
    }
}
