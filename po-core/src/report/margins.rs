//! Checking a published table's margins against its cells.

use serde::{Deserialize, Serialize};

/// A margin that is not the sum of its cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarginProblem {
    /// Which margin: `row 2 total`, `column 1 total`, `totals row sum`, `totals column sum`.
    pub margin: String,
    /// The published value.
    pub published: i64,
    /// The sum of the cells.
    pub computed: i64,
}

/// Checks a table as published: each row total against its cells, each column total against
/// its cells, and the grand total against both the totals row and the totals column. Seed 001
/// table 3 (clients 2019 by gender and age): its totals row sums to 9 517, not 10 007.
pub fn check_margins(
    cells: &[Vec<i64>],
    row_totals: &[i64],
    column_totals: &[i64],
    grand_total: i64,
) -> Vec<MarginProblem> {
    let mut problems = Vec::new();
    let mut push = |margin: String, published: i64, computed: i64| {
        if published != computed {
            problems.push(MarginProblem {
                margin,
                published,
                computed,
            });
        }
    };
    for (i, row) in cells.iter().enumerate() {
        if let Some(&t) = row_totals.get(i) {
            push(format!("row {} total", i + 1), t, row.iter().sum());
        }
    }
    for (j, &t) in column_totals.iter().enumerate() {
        push(
            format!("column {} total", j + 1),
            t,
            cells.iter().filter_map(|r| r.get(j)).sum(),
        );
    }
    push(
        "totals row sum".into(),
        grand_total,
        column_totals.iter().sum(),
    );
    push(
        "totals column sum".into(),
        grand_total,
        row_totals.iter().sum(),
    );
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_001_table_3() {
        // Kön × 18–29, 30–49, 50–64, 65-: Män, Kvinnor; Totalt row as published.
        let cells = vec![vec![1203, 1798, 1083, 171], vec![1465, 2640, 1420, 227]];
        let problems = check_margins(&cells, &[4255, 5752], &[2420, 4211, 2488, 398], 10007);
        let find = |m: &str| problems.iter().find(|p| p.margin == m).cloned();
        // Rows are right; three of four columns are not; the totals row sums to 9 517.
        assert_eq!(find("row 1 total"), None);
        assert_eq!(find("row 2 total"), None);
        assert_eq!(find("column 1 total").map(|p| p.computed), Some(2668));
        assert_eq!(find("column 2 total").map(|p| p.computed), Some(4438));
        assert_eq!(find("column 3 total").map(|p| p.computed), Some(2503));
        assert_eq!(find("column 4 total"), None);
        assert_eq!(
            find("totals row sum"),
            Some(MarginProblem {
                margin: "totals row sum".into(),
                published: 10007,
                computed: 9517
            })
        );
        assert_eq!(find("totals column sum"), None);
        assert_eq!(problems.len(), 4);
    }
}
