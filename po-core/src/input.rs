//! What is wrong with an input, located: every reader (CSV, JSON, frames, workbooks, keyword
//! arguments) reports [`Problem`]s naming the file, the row and the column as the user wrote
//! them; strict reading fails with all of them, lenient reading leaves the bad rows out and
//! lists them, so nothing is dropped silently.

use serde::{Deserialize, Serialize};

/// Strict (fail on any problem) or lenient (skip bad rows, list them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Any problem fails the import.
    #[default]
    Strict,
    /// Bad rows are left out and listed.
    Lenient,
}

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// The file (as named by the caller).
    pub file: String,
    /// Line number in the file (header = 1); 0 when the column is a JSON path such as
    /// `clients[3].ended_on` that locates the problem.
    pub row: u64,
    /// The column (or JSON path), or "" for the whole row.
    pub column: String,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, row {}, column {:?}: {}",
            self.file, self.row, self.column, self.reason
        )
    }
}

/// A strict import that found problems (all of them are listed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s) in the input; the first: {}", problems.len(), problems.first().map(|p| p.to_string()).unwrap_or_default())]
pub struct ImportError {
    /// Every problem found.
    pub problems: Vec<Problem>,
}

/// Rows read and the problems of rows left out (lenient mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported<T> {
    /// The rows that passed validation.
    pub rows: Vec<T>,
    /// The rows left out, and why.
    pub problems: Vec<Problem>,
}
