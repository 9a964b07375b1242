//! A published two-way table of counts with its margins.

use serde::{Deserialize, Serialize};

use crate::disclosure::{CellId, Publication, TableCells};

/// One cell: a count, or hidden by small-count suppression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// A published count.
    Count(u64),
    /// Hidden by disclosure control. Nothing says why: a reason would tell which hidden cells
    /// are small.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Row totals: cells too, hidden when publishing them would reveal something.
    pub row_totals: Vec<Cell>,
    /// Column totals.
    pub column_totals: Vec<Cell>,
    /// Grand total.
    pub total: Cell,
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
            total: Cell::Count(row_totals.iter().sum()),
            rows,
            columns,
            cells: counts
                .into_iter()
                .map(|r| r.into_iter().map(Cell::Count).collect())
                .collect(),
            row_totals: row_totals.into_iter().map(Cell::Count).collect(),
            column_totals: column_totals.into_iter().map(Cell::Count).collect(),
        }
    }

    /// Whether the cells and totals match the rows and columns (a table built from outside,
    /// e.g. an analyst's, may not).
    ///
    /// # Errors
    /// [`crate::disclosure::DisclosureError::Shape`] saying what was expected.
    pub fn check_shape(&self) -> Result<(), crate::disclosure::DisclosureError> {
        let (r, c) = (self.rows.len(), self.columns.len());
        let ok = self.cells.len() == r
            && self.cells.iter().all(|row| row.len() == c)
            && self.row_totals.len() == r
            && self.column_totals.len() == c;
        if ok {
            Ok(())
        } else {
            Err(crate::disclosure::DisclosureError::Shape(format!(
                "cells: expected {r} rows of {c} cells, and one total per row and column"
            )))
        }
    }

    /// Every cell with its margins, in a fixed order: inner cells row by row, row totals,
    /// column totals, the total. [`Table::add_to`] gives their cells in the same order.
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut Cell> {
        self.cells
            .iter_mut()
            .flatten()
            .chain(self.row_totals.iter_mut())
            .chain(self.column_totals.iter_mut())
            .chain(std::iter::once(&mut self.total))
    }

    /// Every cell with its margins, in the order of [`Table::cells_mut`].
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.cells
            .iter()
            .flatten()
            .chain(&self.row_totals)
            .chain(&self.column_totals)
            .chain(std::iter::once(&self.total))
    }

    /// Adds the table to a publication; returns its cells and, in the order of
    /// [`Table::cells_mut`], the cell each shown number is (a one-column table shows each cell
    /// twice: as the cell and as its row total).
    pub fn add_to(&self, publication: &mut Publication) -> (TableCells, Vec<CellId>) {
        let t = publication.add_table(&self.name, &self.rows, &self.columns);
        let slots = t
            .inner
            .iter()
            .flatten()
            .chain(&t.row_totals)
            .chain(&t.column_totals)
            .chain(std::iter::once(&t.total))
            .copied()
            .collect();
        (t, slots)
    }

    /// Each shown number's (row, column) labels (`None` for a margin) with its cell, in the
    /// order of [`Table::cells`], from the cells [`Table::add_to`] returned (`slots`).
    pub fn labelled<'a>(
        &'a self,
        slots: &'a [CellId],
    ) -> impl Iterator<Item = ((Option<String>, Option<String>), CellId)> + 'a {
        let inner = self.rows.iter().flat_map(|r| {
            self.columns
                .iter()
                .map(move |c| (Some(r.clone()), Some(c.clone())))
        });
        let rows = self.rows.iter().map(|r| (Some(r.clone()), None));
        let columns = self.columns.iter().map(|c| (None, Some(c.clone())));
        inner
            .chain(rows)
            .chain(columns)
            .chain([(None, None)])
            .zip(slots.iter().copied())
    }

    /// How many shown numbers (cells and margins) are hidden.
    pub fn hidden_count(&self) -> usize {
        self.cells().filter(|c| **c == Cell::Suppressed).count()
    }

    /// The published count at (row, column) by labels, if present and not suppressed.
    pub fn get(&self, row: &str, column: &str) -> Option<u64> {
        let i = self.rows.iter().position(|r| r == row)?;
        let j = self.columns.iter().position(|c| c == column)?;
        self.cells[i][j].count()
    }
}

impl std::fmt::Display for Cell {
    /// The count, or `..` when hidden.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Count(n) => write!(f, "{n}"),
            Cell::Suppressed => f.write_str(".."),
        }
    }
}
