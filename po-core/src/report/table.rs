//! A published two-way table of counts with its margins.

use serde::{Deserialize, Serialize};

/// One cell: a count, or hidden by small-count suppression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// A published count.
    Count(u64),
    /// Hidden (primary or secondary suppression); the report says why.
    Suppressed,
}

impl Cell {
    /// The count, if published.
    pub fn count(self) -> Option<u64> {
        match self {
            Cell::Count(n) => Some(n),
            Cell::Suppressed => None,
        }
    }
}

/// A table of counts: labelled rows and columns, cells, and margins computed from the
/// underlying counts (so totals always equal the sum of their cells, unlike seed 001 table 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Machine name, also the CSV file name (e.g. `active_clients_by_gender_and_age`).
    pub name: String,
    /// Title in Swedish.
    pub title_sv: String,
    /// Title in English.
    pub title_en: String,
    /// Row labels (Swedish, as submitted).
    pub rows: Vec<String>,
    /// Column labels.
    pub columns: Vec<String>,
    /// Cells, `rows × columns`.
    pub cells: Vec<Vec<Cell>>,
    /// Row totals (always published).
    pub row_totals: Vec<u64>,
    /// Column totals (always published).
    pub column_totals: Vec<u64>,
    /// Grand total.
    pub total: u64,
}

impl Table {
    /// A table from counts; margins are summed here.
    pub fn from_counts(
        name: &str,
        title_sv: &str,
        title_en: &str,
        rows: Vec<String>,
        columns: Vec<String>,
        counts: Vec<Vec<u64>>,
    ) -> Table {
        let row_totals: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
        let column_totals: Vec<u64> = (0..columns.len())
            .map(|j| counts.iter().map(|r| r[j]).sum())
            .collect();
        Table {
            name: name.to_owned(),
            title_sv: title_sv.to_owned(),
            title_en: title_en.to_owned(),
            total: row_totals.iter().sum(),
            rows,
            columns,
            cells: counts
                .into_iter()
                .map(|r| r.into_iter().map(Cell::Count).collect())
                .collect(),
            row_totals,
            column_totals,
        }
    }

    /// The published count at (row, column) by labels, if present and not suppressed.
    pub fn get(&self, row: &str, column: &str) -> Option<u64> {
        let i = self.rows.iter().position(|r| r == row)?;
        let j = self.columns.iter().position(|c| c == column)?;
        self.cells[i][j].count()
    }

    /// The table as CSV (`;`-separated, as Swedish spreadsheets read it), with a totals row and
    /// column; suppressed cells are written as `..` (SCB's convention).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let esc = |s: &str| {
            if s.contains([';', '"', '\n']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_owned()
            }
        };
        out.push_str(&esc(""));
        for c in &self.columns {
            out.push(';');
            out.push_str(&esc(c));
        }
        out.push_str(";Totalt\r\n");
        for (i, r) in self.rows.iter().enumerate() {
            out.push_str(&esc(r));
            for c in &self.cells[i] {
                out.push(';');
                out.push_str(&c.count().map_or("..".to_owned(), |n| n.to_string()));
            }
            out.push_str(&format!(";{}\r\n", self.row_totals[i]));
        }
        out.push_str("Totalt");
        for t in &self.column_totals {
            out.push_str(&format!(";{t}"));
        }
        out.push_str(&format!(";{}\r\n", self.total));
        out
    }
}
