//! Tables published together, protected and audited as one publication: the client and
//! deviation tables with the relations between them (a report's and a compilation's), and
//! tables an analyst built with relations of their own (DOMAIN § 12: "margins are cells too").
//!
//! The linked relations: new and closed clients ≤ active clients cell by cell; an "Uppgift
//! saknas" age column exists only because someone is in it (≥ 1); clients with children at
//! home and each contact reason of a gender ≤ that gender's active clients, each contact
//! reason ≤ all active clients; new clients' contact reasons ≤ all clients' cell by cell, each
//! of a gender ≤ that gender's new clients (a client is new or not, whatever the reason), and
//! the clients not new with a reason ≤ the clients not new; the two deviation tables have one
//! total.

use serde::{Deserialize, Serialize};

use super::{Cell, Table};
use crate::disclosure::{
    audit, protect_from, Audit, CellId, CellLabel, DisclosureError, Publication, Relation,
    RelationKind, TableCells,
};

/// A table and its cells in a publication.
pub(super) type Placed<'a> = (&'a Table, &'a TableCells);

/// The client and deviation tables that a report and a compilation both publish.
pub(super) struct Linked<'a> {
    pub active: Placed<'a>,
    pub new: Placed<'a>,
    pub closed: Placed<'a>,
    pub children: Placed<'a>,
    pub reasons: Placed<'a>,
    /// Absent in a compilation written before the table existed (`po audit` reads them).
    pub new_reasons: Option<Placed<'a>>,
    pub by_type: &'a TableCells,
    pub by_counterpart: &'a TableCells,
}

/// `part` ≤ `whole` for every cell and margin with the same labels.
fn subset(p: &mut Publication, part: Placed<'_>, whole: Placed<'_>) {
    let (pt, pc) = part;
    let (wt, wc) = whole;
    let columns: Vec<Option<usize>> = pt
        .columns
        .iter()
        .map(|c| wt.columns.iter().position(|x| x == c))
        .collect();
    for (i, row) in pt.rows.iter().enumerate() {
        let Some(wi) = wt.rows.iter().position(|x| x == row) else {
            continue;
        };
        for (j, wj) in columns.iter().enumerate() {
            if let Some(wj) = *wj {
                p.add_at_most(&[pc.inner[i][j]], &[wc.inner[wi][wj]]);
            }
        }
        p.add_at_most(&[pc.row_totals[i]], &[wc.row_totals[wi]]);
    }
    for (j, wj) in columns.iter().enumerate() {
        if let Some(wj) = *wj {
            p.add_at_most(&[pc.column_totals[j]], &[wc.column_totals[wj]]);
        }
    }
    p.add_at_most(&[pc.total], &[wc.total]);
}

/// Adds the linked relations (see the module's documentation).
pub(super) fn relate_linked(p: &mut Publication, l: &Linked<'_>) {
    subset(p, l.new, l.active);
    subset(p, l.closed, l.active);
    for (t, cells) in [l.active, l.new, l.closed] {
        if let Some(j) = t.columns.iter().position(|c| c == super::UNKNOWN) {
            p.add_at_least_one(cells.column_totals[j]);
        }
    }
    let (active, active_cells) = l.active;
    let gender = |g: &String| active.rows.iter().position(|x| x == g);
    let (children, children_cells) = l.children;
    for (g, name) in children.rows.iter().enumerate() {
        if let Some(i) = gender(name) {
            p.add_at_most(&[children_cells.inner[g][0]], &[active_cells.row_totals[i]]);
        }
    }
    p.add_at_most(&[children_cells.total], &[active_cells.total]);
    let (reasons, reason_cells) = l.reasons;
    for (g, name) in reasons.columns.iter().enumerate() {
        if let Some(i) = gender(name) {
            for row in &reason_cells.inner {
                p.add_at_most(&[row[g]], &[active_cells.row_totals[i]]);
            }
        }
    }
    for &reason in &reason_cells.row_totals {
        p.add_at_most(&[reason], &[active_cells.total]);
    }
    if let Some(new_reasons) = l.new_reasons {
        relate_new_reasons(p, l, new_reasons);
    }
    p.add_sum(l.by_type.total, &[l.by_counterpart.total]);
}

/// New clients' reasons: a subset of all clients' and, per gender, of the new clients; and the
/// clients who are not new with a reason are among the active clients who are not new
/// (reason − new reason ≤ active − new, per gender and in total).
fn relate_new_reasons(p: &mut Publication, l: &Linked<'_>, new_reasons: Placed<'_>) {
    subset(p, new_reasons, l.reasons);
    let ((active, active_cells), (new, new_cells)) = (l.active, l.new);
    let ((reasons, reason_cells), (new_reasons, new_reason_cells)) = (l.reasons, new_reasons);
    for (g, name) in new_reasons.columns.iter().enumerate() {
        let (Some(ni), Some(ai), Some(rg)) = (
            new.rows.iter().position(|x| x == name),
            active.rows.iter().position(|x| x == name),
            reasons.columns.iter().position(|x| x == name),
        ) else {
            continue;
        };
        for (r, reason) in new_reasons.rows.iter().enumerate() {
            let cell = new_reason_cells.inner[r][g];
            p.add_at_most(&[cell], &[new_cells.row_totals[ni]]);
            if let Some(rr) = reasons.rows.iter().position(|x| x == reason) {
                p.add_at_most(
                    &[reason_cells.inner[rr][rg], new_cells.row_totals[ni]],
                    &[cell, active_cells.row_totals[ai]],
                );
            }
        }
    }
    for (r, reason) in new_reasons.rows.iter().enumerate() {
        let total = new_reason_cells.row_totals[r];
        p.add_at_most(&[total], &[new_cells.total]);
        if let Some(rr) = reasons.rows.iter().position(|x| x == reason) {
            p.add_at_most(
                &[reason_cells.row_totals[rr], new_cells.total],
                &[total, active_cells.total],
            );
        }
    }
}

/// The published value of each cell (`None` = hidden) from shown numbers and the cell each is
/// (`slots`); a cell shown twice must show one value.
pub(super) fn shown_values<'a>(
    p: &Publication,
    shown: impl Iterator<Item = &'a Cell>,
    slots: &[CellId],
) -> Result<Vec<Option<u64>>, DisclosureError> {
    let mut values: Vec<Option<Option<u64>>> = vec![None; p.len()];
    for (cell, &id) in shown.zip(slots) {
        match values[id.0] {
            Some(v) if v != cell.count() => {
                return Err(DisclosureError::Inconsistent {
                    cells: vec![p.label(id).to_string()],
                })
            }
            _ => values[id.0] = Some(cell.count()),
        }
    }
    Ok(values.into_iter().map(Option::flatten).collect())
}

/// Tables in one publication: their cells, the cell of each shown number (per table, in the
/// order of [`Table::cells_mut`]) and the published values.
struct Placement {
    publication: Publication,
    cells: Vec<TableCells>,
    slots: Vec<Vec<CellId>>,
    values: Vec<Option<u64>>,
}

fn place(tables: &[Table]) -> Result<Placement, DisclosureError> {
    let mut publication = Publication::new();
    let (mut cells, mut slots) = (Vec::new(), Vec::new());
    for t in tables {
        t.check_shape()?;
        let (c, s) = t.add_to(&mut publication);
        cells.push(c);
        slots.push(s);
    }
    let shown = tables.iter().flat_map(Table::cells);
    let all: Vec<CellId> = slots.iter().flatten().copied().collect();
    let values = shown_values(&publication, shown, &all)?;
    Ok(Placement {
        publication,
        cells,
        slots,
        values,
    })
}

/// Protects tables published together with threshold `k`, with the relations `relate` adds
/// between them: cells hidden already stay hidden (their values are unknown: they cost
/// nothing to choose), and whatever else the audit needs is hidden too.
fn protect_placed(
    tables: &[Table],
    relate: impl FnOnce(&mut Publication, &[TableCells]),
    k: u64,
) -> Result<Vec<Table>, DisclosureError> {
    let mut placed = place(tables)?;
    relate(&mut placed.publication, &placed.cells);
    let given: Vec<bool> = placed.values.iter().map(Option::is_none).collect();
    let values: Vec<u64> = placed.values.iter().map(|v| v.unwrap_or(0)).collect();
    let hidden = protect_from(&placed.publication, &values, &given, k)?;
    let mut out = tables.to_vec();
    for (t, slots) in out.iter_mut().zip(&placed.slots) {
        for (cell, id) in t.cells_mut().zip(slots) {
            if hidden[id.0] {
                *cell = Cell::Suppressed;
            }
        }
    }
    Ok(out)
}

/// Adds the linked relations between a compilation's tables placed as `cells`, each found by
/// its name (the new clients' reasons where a compilation has them: those of submissions of
/// schema 3 and earlier, seven tables, do not). Tables of any other shape get their own sums
/// only.
pub(crate) fn relate_compiled(p: &mut Publication, cells: &[TableCells], tables: &[Table]) {
    let of = |t: super::ReportTable| {
        tables
            .iter()
            .position(|x| x.name == t.name())
            .and_then(|i| Some((&tables[i], cells.get(i)?)))
    };
    use super::ReportTable as T;
    let (Some(active), Some(new), Some(closed), Some(children), Some(reasons)) = (
        of(T::ActiveClients),
        of(T::NewClients),
        of(T::ClosedClients),
        of(T::ChildrenAtHome),
        of(T::ContactReasons),
    ) else {
        return;
    };
    let (Some((_, by_type)), Some((_, by_counterpart))) =
        (of(T::DeviationsByType), of(T::DeviationsByCounterpart))
    else {
        return;
    };
    relate_linked(
        p,
        &Linked {
            active,
            new,
            closed,
            children,
            reasons,
            new_reasons: of(T::NewContactReasons),
            by_type,
            by_counterpart,
        },
    );
}

/// Protects a compilation's linked tables (in the order of [`super::ReportTable::compiled_tables`]) as one
/// publication with threshold `k`.
pub(crate) fn protect_linked(tables: &[Table], k: u64) -> Result<Vec<Table>, DisclosureError> {
    protect_placed(tables, |p, cells| relate_compiled(p, cells, tables), k)
}

/// The attacker's view of a compilation's linked tables: every hidden cell's range and those
/// at risk under threshold `k`.
pub(crate) fn audit_linked(tables: &[Table], k: u64) -> Result<Audit, DisclosureError> {
    let mut placed = place(tables)?;
    relate_compiled(&mut placed.publication, &placed.cells, tables);
    audit(&placed.publication, &placed.values, k)
}

/// Protects one table on its own with threshold `k` (a table an analyst built from counts, or
/// one compiled from protected submissions): cells hidden already stay hidden (their values are
/// unknown: they cost nothing to choose), and whatever else the audit needs is hidden too.
///
/// # Errors
/// As [`crate::disclosure::protect`].
pub fn protect_table(table: &Table, k: u64) -> Result<Table, DisclosureError> {
    let mut out = protect_placed(std::slice::from_ref(table), |_, _| {}, k)?;
    Ok(out.remove(0))
}

/// A relation between cells of tables an analyst built: Σ `left` = Σ `right`, or Σ `left` ≤
/// Σ `right` (a subset at most its whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRelation {
    /// Equal or at most.
    pub kind: RelationKind,
    /// Cells on the left.
    pub left: Vec<CellLabel>,
    /// Cells on the right.
    pub right: Vec<CellLabel>,
}

/// Audits tables an analyst built (hidden cells and margins as [`Cell::Suppressed`]) with
/// relations between them, under threshold `k`: every hidden cell's range and those at risk.
///
/// # Errors
/// [`DisclosureError::UnknownCell`] for a relation naming a cell no table has,
/// [`DisclosureError::Inconsistent`] for a margin that is not the sum of its cells, and the
/// solver's failures.
pub fn audit_tables(
    tables: &[Table],
    relations: &[TableRelation],
    k: u64,
) -> Result<Audit, DisclosureError> {
    let mut placed = place(tables)?;
    let find = |l: &CellLabel| -> Result<CellId, DisclosureError> {
        let unknown = || DisclosureError::UnknownCell(l.to_string());
        let (t, tc) = tables
            .iter()
            .zip(&placed.cells)
            .find(|(t, _)| t.name == l.table)
            .ok_or_else(unknown)?;
        let index = |labels: &[String], want: &String| labels.iter().position(|x| x == want);
        Ok(match (&l.row, &l.column) {
            (Some(r), Some(c)) => {
                tc.inner[index(&t.rows, r).ok_or_else(unknown)?]
                    [index(&t.columns, c).ok_or_else(unknown)?]
            }
            (Some(r), None) => tc.row_totals[index(&t.rows, r).ok_or_else(unknown)?],
            (None, Some(c)) => tc.column_totals[index(&t.columns, c).ok_or_else(unknown)?],
            (None, None) => tc.total,
        })
    };
    let mut added = Vec::new();
    for r in relations {
        let mut terms = Vec::new();
        for l in &r.left {
            terms.push((find(l)?, 1));
        }
        for l in &r.right {
            terms.push((find(l)?, -1));
        }
        added.push(Relation {
            terms,
            kind: r.kind,
            constant: 0,
        });
    }
    for r in added {
        placed.publication.add_relation(r);
    }
    audit(&placed.publication, &placed.values, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, rows: &[&str], columns: &[&str], counts: Vec<Vec<u64>>) -> Table {
        let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
        Table::from_counts(name, name, name, owned(rows), owned(columns), counts)
    }

    /// Compiled tables with the new clients' reasons too (eight; today's compilations have the
    /// other seven): active and new clients as given, the others empty.
    fn compiled(active: Vec<Vec<u64>>, new: Vec<Vec<u64>>) -> Vec<Table> {
        let (genders, ages) = (["Kvinna", "Man"], ["18–29 år", "30–49 år"]);
        vec![
            table("active_clients", &genders, &ages, active),
            table("new_clients", &genders, &ages, new),
            table(
                "closed_clients",
                &genders,
                &ages,
                vec![vec![0, 0], vec![0, 0]],
            ),
            table("children_at_home", &genders, &["n"], vec![vec![0], vec![0]]),
            table("contact_reasons", &["Ekonomi"], &genders, vec![vec![0, 0]]),
            table(
                "new_contact_reasons",
                &["Ekonomi"],
                &genders,
                vec![vec![0, 0]],
            ),
            table("deviations_by_type", &["t"], &["s"], vec![vec![0]]),
            table("deviations_by_counterpart", &["c"], &["s"], vec![vec![0]]),
        ]
    }

    #[test]
    fn tables_protected_one_by_one_are_undone_by_new_at_most_active_and_jointly_are_not() {
        // New clients [[1, 3], [3, 4]]: the 1 forces the whole 2×2 inner block hidden, which on
        // its own leaves the 1 anywhere in 0..4. But active clients [[5, 3], [6, 4]] are shown,
        // and new ≤ active: "Kvinna 30–49" ≤ 3 makes the 1 at least 1, and "Man 30–49" ≤ 4 makes
        // it at most 1.
        let tables = compiled(vec![vec![5, 3], vec![6, 4]], vec![vec![1, 3], vec![3, 4]]);
        let mut alone = tables.clone();
        for t in &mut alone {
            *t = protect_table(t, 3).unwrap();
        }
        assert_eq!(alone[1].hidden_count(), 4);
        assert!(alone[0].hidden_count() == 0);
        let attack = audit_linked(&alone, 3).unwrap();
        let disclosed: Vec<String> = attack
            .at_risk
            .iter()
            .map(|r| format!("{} = {}", r.range.label, r.range.low))
            .collect();
        assert!(
            disclosed.contains(&"new_clients / Kvinna / 18–29 år = 1".to_owned()),
            "{disclosed:?}"
        );
        // A compilation without the new clients' reasons (seven tables, as po compiled them
        // before figure 1) keeps its relations: the same attack.
        let seven: Vec<Table> = alone
            .iter()
            .filter(|t| t.name != "new_contact_reasons")
            .cloned()
            .collect();
        assert_eq!(seven.len(), 7);
        assert_eq!(
            audit_linked(&seven, 3).unwrap().at_risk.len(),
            attack.at_risk.len()
        );
        let joint = protect_linked(&tables, 3).unwrap();
        assert_eq!(joint[1].get("Kvinna", "18–29 år"), None);
        let audit = audit_linked(&joint, 3).unwrap();
        assert!(audit.is_safe(), "{:?}", audit.at_risk);
        // More is hidden than one by one, in the active clients or the new ones' margins.
        let hidden = |ts: &[Table]| ts.iter().map(Table::hidden_count).sum::<usize>();
        assert!(hidden(&joint) > hidden(&alone));
    }
}
