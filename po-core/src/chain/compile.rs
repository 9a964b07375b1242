//! Tables compiled from submissions that were themselves protected (issue 17): a county's or
//! the nation's table is the cell-by-cell sum of the services' published tables. A sum that
//! includes a hidden cell is hidden, never filled in or estimated; the compiled table then goes
//! through the disclosure control again, because its own margins and cells are new relations.

use crate::disclosure::DisclosureError;
use crate::report::{protect_table, Cell, Table};

/// Adds one cell to a running sum: hidden if either is.
pub(super) fn add(sum: Cell, cell: Cell) -> Cell {
    match (sum, cell) {
        (Cell::Count(a), Cell::Count(b)) => Cell::Count(a + b),
        _ => Cell::Suppressed,
    }
}

/// The position of `label` in `labels`, added at the end if new.
fn index(labels: &mut Vec<String>, label: &str) -> usize {
    match labels.iter().position(|l| l == label) {
        Some(i) => i,
        None => {
            labels.push(label.to_owned());
            labels.len() - 1
        }
    }
}

/// The cell-by-cell sum of `tables` (rows and columns matched by label; a row or column that a
/// submission does not have counts 0 there, as a code list's optional column such as "Uppgift
/// saknas" does), protected with threshold `k` and audited on its own. Named after the first
/// table. A table published beside related ones needs their relations too: a compilation's
/// tables are protected together ([`super::compile`]).
///
/// # Errors
/// [`DisclosureError`] from the protection or its audit.
pub fn compile_tables(tables: &[&Table], k: u64) -> Result<Table, DisclosureError> {
    // Protect again: hidden sums stay hidden, and whatever the new margins would give away is
    // hidden too (`protect` ends only with an audit that finds nothing).
    protect_table(&sum_tables(tables), k)
}

/// The cell-by-cell sum of `tables`, unprotected (see [`compile_tables`]): a sum with a hidden
/// part is hidden.
pub(crate) fn sum_tables(tables: &[&Table]) -> Table {
    let (mut rows, mut columns) = (Vec::new(), Vec::new());
    for t in tables {
        for r in &t.rows {
            index(&mut rows, r);
        }
        for c in &t.columns {
            index(&mut columns, c);
        }
    }
    let zero = Cell::Count(0);
    let mut cells = vec![vec![zero; columns.len()]; rows.len()];
    let mut row_totals = vec![zero; rows.len()];
    let mut column_totals = vec![zero; columns.len()];
    let mut total = zero;
    for t in tables {
        for (i, r) in t.rows.iter().enumerate() {
            let ri = index(&mut rows, r);
            for (j, c) in t.columns.iter().enumerate() {
                let cj = index(&mut columns, c);
                cells[ri][cj] = add(cells[ri][cj], t.cells[i][j]);
            }
            row_totals[ri] = add(row_totals[ri], t.row_totals[i]);
        }
        for (j, c) in t.columns.iter().enumerate() {
            let cj = index(&mut columns, c);
            column_totals[cj] = add(column_totals[cj], t.column_totals[j]);
        }
        total = add(total, t.total);
    }
    let first = tables.first();
    Table {
        name: first.map(|t| t.name.clone()).unwrap_or_default(),
        title_sv: first.map(|t| t.title_sv.clone()).unwrap_or_default(),
        title_en: first.map(|t| t.title_en.clone()).unwrap_or_default(),
        rows,
        columns,
        cells,
        row_totals,
        column_totals,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::audit_tables;

    fn table(name: &str, counts: Vec<Vec<u64>>) -> Table {
        let rows = vec!["Kvinna".into(), "Man".into(), "Annat".into()];
        let columns = vec!["18–29 år".into(), "30–49 år".into(), "50–64 år".into()];
        Table::from_counts(name, name, name, rows, columns, counts)
    }

    #[test]
    fn a_sum_with_a_hidden_cell_is_hidden_and_the_result_is_protected_again() {
        // Two services' protected tables: each hides its small cells.
        let a = protect_table(
            &table(
                "active_clients",
                vec![vec![10, 12, 9], vec![8, 2, 7], vec![0, 0, 0]],
            ),
            3,
        )
        .unwrap();
        let b = protect_table(
            &table(
                "active_clients",
                vec![vec![6, 9, 11], vec![5, 7, 4], vec![0, 1, 0]],
            ),
            3,
        )
        .unwrap();
        assert_eq!(a.cells[1][1], Cell::Suppressed);
        let county = compile_tables(&[&a, &b], 3).unwrap();
        // Women's cells were published in both: their sums are published.
        assert_eq!(county.get("Kvinna", "18–29 år"), Some(16));
        // A sum with a hidden part is hidden, never filled in.
        assert_eq!(county.get("Man", "30–49 år"), None);
        // No published count is 1 or 2, and an attacker with the compiled table learns nothing.
        for c in county
            .cells
            .iter()
            .flatten()
            .chain(&county.row_totals)
            .chain(&county.column_totals)
        {
            assert!(!matches!(c, Cell::Count(1 | 2)), "{county:?}");
        }
        assert!(audit_tables(&[county], &[], 3).unwrap().is_safe());
    }

    #[test]
    fn an_optional_column_present_in_one_submission_counts_zero_in_the_others() {
        let a = table("t", vec![vec![10, 12, 9], vec![8, 9, 7], vec![0, 0, 0]]);
        let mut b = table("t", vec![vec![6, 9, 11], vec![5, 7, 4], vec![0, 0, 0]]);
        b.columns.push("Uppgift saknas".into());
        for row in &mut b.cells {
            row.push(Cell::Count(0));
        }
        b.cells[0][3] = Cell::Count(4);
        b.row_totals[0] = Cell::Count(30);
        b.column_totals.push(Cell::Count(4));
        b.total = Cell::Count(46);
        let c = compile_tables(&[&a, &b], 3).unwrap();
        assert_eq!(c.columns.len(), 4);
        assert_eq!(c.get("Kvinna", "Uppgift saknas"), Some(4));
        assert_eq!(c.total, Cell::Count(55 + 46));
    }
}
