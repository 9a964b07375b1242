//! What is published together: every count as a cell, and every linear relation an attacker
//! knows between them (DOMAIN § 12: "margins are cells too").

use std::fmt;

use serde::{Deserialize, Serialize};

/// A cell of a [`Publication`], by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CellId(pub usize);

/// Where a cell is shown: its table, row and column; `None` is the total over that dimension
/// (a row total has `column: None`, the grand total has both `None`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CellLabel {
    /// The table (or group of figures, e.g. `staff`).
    pub table: String,
    /// The row label; `None` = the totals row.
    pub row: Option<String>,
    /// The column label; `None` = the totals column.
    pub column: Option<String>,
}

impl fmt::Display for CellLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {} / {}",
            self.table,
            self.row.as_deref().unwrap_or("total"),
            self.column.as_deref().unwrap_or("total")
        )
    }
}

/// Whether a relation is an equation or an upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Σ coefficient·cell = constant.
    Equal,
    /// Σ coefficient·cell ≤ constant.
    AtMost,
}

/// A linear relation between cells: Σ coefficient·cell (= or ≤) constant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relation {
    /// The cells and their coefficients.
    pub terms: Vec<(CellId, i64)>,
    /// Equation or upper bound.
    pub kind: RelationKind,
    /// The right-hand side.
    pub constant: i64,
}

/// The cells of one two-way table with its margins. A one-column table's row totals are its
/// cells and a one-row table's column totals are its cells (the same [`CellId`]), so a count
/// shown twice is hidden or shown in both places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCells {
    /// Inner cells, `rows × columns`.
    pub inner: Vec<Vec<CellId>>,
    /// Row totals.
    pub row_totals: Vec<CellId>,
    /// Column totals.
    pub column_totals: Vec<CellId>,
    /// The grand total.
    pub total: CellId,
}

/// Everything published together: cells with labels, whether each is a margin (a total, which
/// secondary suppression hides only when it must), and the relations between them. Values are
/// not part of it: the publisher protects with the true values, the attacker audits with the
/// published ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Publication {
    labels: Vec<CellLabel>,
    margin: Vec<bool>,
    derived: Vec<bool>,
    relations: Vec<Relation>,
}

impl Publication {
    /// An empty publication.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no cells.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// A cell's label.
    pub fn label(&self, cell: CellId) -> &CellLabel {
        &self.labels[cell.0]
    }

    /// Whether a cell is a total.
    pub fn is_margin(&self, cell: CellId) -> bool {
        self.margin[cell.0]
    }

    /// Whether a cell is derived: never shown itself, but a number a reader can compute from
    /// what is shown, such as the difference between two versions of a published count
    /// (`disclosure::family`). A derived cell is at risk only when it is shown to be 1..k-1:
    /// a difference of 0 (nothing changed) or of k or more identifies nobody.
    pub fn is_derived(&self, cell: CellId) -> bool {
        self.derived[cell.0]
    }

    /// Every relation.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The cell with this label, if any.
    pub fn find(&self, label: &CellLabel) -> Option<CellId> {
        self.labels.iter().position(|l| l == label).map(CellId)
    }

    /// Adds one cell.
    pub fn add_cell(&mut self, label: CellLabel, margin: bool) -> CellId {
        self.labels.push(label);
        self.margin.push(margin);
        self.derived.push(false);
        CellId(self.labels.len() - 1)
    }

    /// Adds a derived cell (see [`Publication::is_derived`]): it is never published.
    pub fn add_derived_cell(&mut self, label: CellLabel) -> CellId {
        let cell = self.add_cell(label, false);
        self.derived[cell.0] = true;
        cell
    }

    /// The same cells with only the relations among cells `kept[i]`.
    pub(crate) fn restricted_to(&self, kept: &[bool]) -> Publication {
        Publication {
            relations: self
                .relations
                .iter()
                .filter(|r| r.terms.iter().all(|t| kept.get(t.0 .0) == Some(&true)))
                .cloned()
                .collect(),
            ..self.clone()
        }
    }

    /// Adds every cell and relation of `other`, its tables' names prefixed with `prefix`;
    /// returns the offset of its first cell.
    pub(crate) fn append(&mut self, other: &Publication, prefix: &str) -> usize {
        let offset = self.len();
        for (i, l) in other.labels.iter().enumerate() {
            self.labels.push(CellLabel {
                table: format!("{prefix}{}", l.table),
                ..l.clone()
            });
            self.margin.push(other.margin[i]);
            self.derived.push(other.derived[i]);
        }
        for r in &other.relations {
            self.relations.push(Relation {
                terms: r
                    .terms
                    .iter()
                    .map(|&(c, a)| (CellId(c.0 + offset), a))
                    .collect(),
                ..r.clone()
            });
        }
        offset
    }

    /// Adds a relation; terms with coefficient 0 are dropped.
    pub fn add_relation(&mut self, mut relation: Relation) {
        relation.terms.retain(|&(_, c)| c != 0);
        if !relation.terms.is_empty() {
            self.relations.push(relation);
        }
    }

    /// `total` = Σ `parts`.
    pub fn add_sum(&mut self, total: CellId, parts: &[CellId]) {
        if parts == [total] {
            return;
        }
        let mut terms: Vec<(CellId, i64)> = parts.iter().map(|&p| (p, 1)).collect();
        terms.push((total, -1));
        self.add_relation(Relation {
            terms,
            kind: RelationKind::Equal,
            constant: 0,
        });
    }

    /// Σ `smaller` ≤ Σ `larger` (a subset is at most its whole).
    pub fn add_at_most(&mut self, smaller: &[CellId], larger: &[CellId]) {
        let terms = smaller
            .iter()
            .map(|&c| (c, 1))
            .chain(larger.iter().map(|&c| (c, -1)))
            .collect();
        self.add_relation(Relation {
            terms,
            kind: RelationKind::AtMost,
            constant: 0,
        });
    }

    /// `cell` ≥ 1: the cell is shown only because someone is in it (a row of an area, a survey
    /// answer or a training named in the data), so its existence says it is not zero.
    pub fn add_at_least_one(&mut self, cell: CellId) {
        self.add_relation(Relation {
            terms: vec![(cell, -1)],
            kind: RelationKind::AtMost,
            constant: -1,
        });
    }

    /// Adds a two-way table with its margins and their sums (see [`TableCells`] for one-row and
    /// one-column tables).
    pub fn add_table(&mut self, table: &str, rows: &[String], columns: &[String]) -> TableCells {
        let mut label = |row: Option<&String>, column: Option<&String>, margin| {
            self.add_cell(
                CellLabel {
                    table: table.to_owned(),
                    row: row.cloned(),
                    column: column.cloned(),
                },
                margin,
            )
        };
        let inner: Vec<Vec<CellId>> = rows
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| label(Some(r), Some(c), false))
                    .collect()
            })
            .collect();
        let (one_row, one_column) = (rows.len() == 1, columns.len() == 1);
        let total = if one_row && one_column {
            inner[0][0]
        } else {
            label(None, None, true)
        };
        let row_totals: Vec<CellId> = if one_column {
            inner.iter().map(|r| r[0]).collect()
        } else if one_row {
            vec![total]
        } else {
            rows.iter().map(|r| label(Some(r), None, true)).collect()
        };
        let column_totals: Vec<CellId> = if one_row {
            inner[0].clone()
        } else if one_column {
            vec![total]
        } else {
            columns.iter().map(|c| label(None, Some(c), true)).collect()
        };
        for (i, row) in inner.iter().enumerate() {
            self.add_sum(row_totals[i], row);
        }
        for (j, &t) in column_totals.iter().enumerate() {
            let column: Vec<CellId> = inner.iter().map(|r| r[j]).collect();
            self.add_sum(t, &column);
        }
        // A table with no rows (or no columns) states no sum of nothing: its total is either
        // shown (0) or, for a table left blank (a compilation's figure 1 that a submission
        // lacked), an unknown that nothing published counts.
        if !row_totals.is_empty() {
            self.add_sum(total, &row_totals);
        }
        if !column_totals.is_empty() {
            self.add_sum(total, &column_totals);
        }
        TableCells {
            inner,
            row_totals,
            column_totals,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize, p: &str) -> Vec<String> {
        (0..n).map(|i| format!("{p}{i}")).collect()
    }

    #[test]
    fn a_table_has_its_margins_and_sums() {
        let mut p = Publication::new();
        let t = p.add_table("t", &labels(2, "r"), &labels(3, "c"));
        // 6 inner + 2 row totals + 3 column totals + 1 total.
        assert_eq!(p.len(), 12);
        // 2 row sums + 3 column sums + total of rows + total of columns.
        assert_eq!(p.relations().len(), 7);
        assert!(p.is_margin(t.total) && !p.is_margin(t.inner[1][2]));
        assert_eq!(p.label(t.row_totals[1]).to_string(), "t / r1 / total");
    }

    #[test]
    fn one_column_and_one_row_tables_share_cells() {
        let mut p = Publication::new();
        let t = p.add_table("children", &labels(3, "g"), &labels(1, "n"));
        assert_eq!(p.len(), 4);
        assert_eq!(
            t.row_totals,
            vec![t.inner[0][0], t.inner[1][0], t.inner[2][0]]
        );
        assert_eq!(t.column_totals, vec![t.total]);
        let mut p = Publication::new();
        let t = p.add_table("one", &labels(1, "r"), &labels(1, "c"));
        assert_eq!((p.len(), t.total), (1, t.inner[0][0]));
        assert!(p.relations().is_empty());
    }
}
