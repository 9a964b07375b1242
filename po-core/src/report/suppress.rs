//! Small-count suppression for published tables.

use serde::{Deserialize, Serialize};

use super::{Cell, Table};

/// Why a cell was hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionReason {
    /// The count is 1..k-1 and could identify a person.
    Primary,
    /// Hidden so that a primary cell cannot be recovered from a row or column total.
    Secondary,
    /// The cell is the only one in its row or column, so its published total reveals it; the
    /// cell is hidden but the total is not (po never hides totals) — flagged for a person to
    /// decide.
    RevealedByTotal,
}

/// One hidden cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// The table.
    pub table: String,
    /// Row label.
    pub row: String,
    /// Column label.
    pub column: String,
    /// Why.
    pub reason: SuppressionReason,
}

/// Hides counts 1..k-1 (primary), then, until nothing changes, in every row and column with
/// exactly one hidden cell also hides another published cell (secondary: preferably one that
/// protects its crossing line too, then non-zero, then the smallest), so that no hidden cell equals a total
/// minus published cells. Zeros are never primary (an empty cell identifies nobody). Totals
/// stay published. `k <= 1` hides nothing. Returns what was hidden and why.
pub fn suppress_small_counts(table: &mut Table, k: u64) -> Vec<Suppression> {
    let mut notes = Vec::new();
    if k <= 1 {
        return notes;
    }
    let (nr, nc) = (table.rows.len(), table.columns.len());
    let note = |t: &Table, i: usize, j: usize, reason| Suppression {
        table: t.name.clone(),
        row: t.rows[i].clone(),
        column: t.columns[j].clone(),
        reason,
    };
    for i in 0..nr {
        for j in 0..nc {
            if let Cell::Count(n) = table.cells[i][j] {
                if (1..k).contains(&n) {
                    table.cells[i][j] = Cell::Suppressed;
                    let reason = if nr == 1 || nc == 1 {
                        SuppressionReason::RevealedByTotal
                    } else {
                        SuppressionReason::Primary
                    };
                    notes.push(note(table, i, j, reason));
                }
            }
        }
    }
    loop {
        let mut changed = false;
        // Lines are rows (true, i) then columns (false, j).
        let lines: Vec<(bool, usize)> = (0..nr)
            .map(|i| (true, i))
            .chain((0..nc).map(|j| (false, j)))
            .collect();
        for (is_row, idx) in lines {
            let positions: Vec<(usize, usize)> = if is_row {
                (0..nc).map(|j| (idx, j)).collect()
            } else {
                (0..nr).map(|i| (i, idx)).collect()
            };
            let hidden = positions
                .iter()
                .filter(|&&(i, j)| table.cells[i][j] == Cell::Suppressed)
                .count();
            if hidden != 1 || positions.len() < 2 {
                continue;
            }
            // Prefer a cell whose crossing line also has exactly one hidden cell (it protects
            // both at once), then a non-zero cell, then the smallest, then the first.
            let hidden_in_crossing = |i: usize, j: usize| {
                if is_row {
                    (0..nr)
                        .filter(|&r| table.cells[r][j] == Cell::Suppressed)
                        .count()
                } else {
                    (0..nc)
                        .filter(|&c| table.cells[i][c] == Cell::Suppressed)
                        .count()
                }
            };
            let candidate = positions
                .iter()
                .filter_map(|&(i, j)| {
                    table.cells[i][j]
                        .count()
                        .map(|n| (hidden_in_crossing(i, j) != 1, n == 0, n, i, j))
                })
                .min();
            if let Some((_, _, _, i, j)) = candidate {
                table.cells[i][j] = Cell::Suppressed;
                notes.push(note(table, i, j, SuppressionReason::Secondary));
                changed = true;
            }
        }
        if !changed {
            return notes;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(counts: Vec<Vec<u64>>) -> Table {
        let rows = (0..counts.len()).map(|i| format!("r{i}")).collect();
        let columns = (0..counts[0].len()).map(|j| format!("c{j}")).collect();
        Table::from_counts("t", "t", "t", rows, columns, counts)
    }

    /// No hidden cell can be recovered: every row and column has 0 or ≥ 2 hidden cells.
    fn protected(t: &Table) -> bool {
        let rows_ok = t
            .cells
            .iter()
            .all(|r| r.iter().filter(|c| **c == Cell::Suppressed).count() != 1);
        let cols_ok = (0..t.columns.len())
            .all(|j| t.cells.iter().filter(|r| r[j] == Cell::Suppressed).count() != 1);
        rows_ok && cols_ok
    }

    #[test]
    fn secondary_suppression_where_needed() {
        // One man aged 65+ in a small municipality (DOMAIN § 10): 1 is hidden, and then the
        // smallest other cell of its row (3) and of its column (2), and again to close the
        // chain, until no hidden cell can be recovered from the totals.
        let mut t = table(vec![vec![12, 30, 3, 1], vec![15, 41, 20, 2]]);
        let notes = suppress_small_counts(&mut t, 3);
        assert_eq!(t.cells[0][3], Cell::Suppressed); // primary 1
        assert_eq!(t.cells[1][3], Cell::Suppressed); // primary 2
        assert_eq!(t.cells[0][2], Cell::Suppressed); // secondary: smallest in row 0
        assert_eq!(t.cells[1][2], Cell::Suppressed); // secondary: closes column 2
        assert_eq!(
            notes
                .iter()
                .filter(|n| n.reason == SuppressionReason::Primary)
                .count(),
            2
        );
        assert_eq!(
            notes
                .iter()
                .filter(|n| n.reason == SuppressionReason::Secondary)
                .count(),
            2
        );
        assert!(protected(&t));
        // Totals stay published and true.
        assert_eq!(t.row_totals, vec![46, 78]);
        assert_eq!(t.total, 124);
        assert_eq!(t.get("r0", "c0"), Some(12));
        assert_eq!(t.get("r0", "c3"), None);
    }

    #[test]
    fn single_primary_needs_a_secondary_in_row_and_column() {
        let mut t = table(vec![vec![10, 1, 7], vec![9, 8, 6], vec![5, 11, 12]]);
        let notes = suppress_small_counts(&mut t, 3);
        assert!(protected(&t));
        assert_eq!(notes[0].reason, SuppressionReason::Primary);
        assert!(notes.len() >= 4, "{notes:?}");
        // Nothing to hide, nothing hidden.
        let mut t = table(vec![vec![10, 5], vec![9, 8]]);
        assert!(suppress_small_counts(&mut t, 3).is_empty());
        assert!(suppress_small_counts(&mut t, 1).is_empty());
        // A one-column table: its totals reveal the cell, which is flagged.
        let mut t = table(vec![vec![2], vec![30]]);
        let notes = suppress_small_counts(&mut t, 3);
        assert_eq!(notes[0].reason, SuppressionReason::RevealedByTotal);
    }
}
