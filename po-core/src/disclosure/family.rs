//! Publications protected together: a new publication is protected and audited with every
//! publication of its [`Ledger`], as one publication with the relations an attacker who holds
//! all of them knows (as τ-ARGUS protects linked tables in one run):
//!
//! - **The same count in two publications** (the same [`CountKey`]) is one unknown when the
//!   two publish the same counts (the report at k = 3 and at k = 5: every count they share is
//!   equal); otherwise (a corrected report) each count is the other's plus the records
//!   changed in it — in the direction the true counts moved, which an attacker may not know —
//!   and that difference is itself a number the two publications show: a *derived* cell, at
//!   risk when it can be shown to be 1..k-1 (a late client's age band, contact reasons,
//!   children at home), even where it is 0 in truth.
//! - **Periods**: counts that add up over time (new clients, deviations of a period) of
//!   disjoint periods that make up a longer one sum to its count (quarters and half-years to the
//!   year).
//! - Each publication's own relations (its tables' sums, subsets).
//!
//! Every relation is stated only where it holds for the true counts, so the attacker modelled
//! knows at least what a real one can: telling the attacker more only makes the protection
//! stronger. Cells published before are fixed (shown or hidden as they were); secondary
//! suppression chooses among the new publication's cells only. What the earlier publications
//! give away with the new one hidden whole — including a new count they give as it is (a
//! year whose quarters were all shown) — is not the new publication's doing and is not
//! counted against it; anything else at risk that no new cell can protect refuses the
//! publication.

use std::collections::BTreeMap;

use super::audit::{run, Depth, RiskKind};
use super::ledger::{CountKey, Ledger, LedgerCell, LedgerEntry, Period};
use super::protect::protect_fixed;
use super::{CellId, CellLabel, DisclosureError, Publication, Relation, RelationKind};

/// The publications as one: cells, true values, what is hidden, what is fixed.
struct Combined {
    publication: Publication,
    values: Vec<u64>,
    hidden: Vec<bool>,
    fixed: Vec<bool>,
}

/// The entries (and the new one) as one publication.
fn combine(entries: &[&LedgerEntry], new: &LedgerEntry) -> Combined {
    let mut c = Combined {
        publication: Publication::new(),
        values: Vec::new(),
        hidden: Vec::new(),
        fixed: Vec::new(),
    };
    let all: Vec<(&LedgerEntry, bool)> = entries
        .iter()
        .map(|e| (*e, true))
        .chain([(new, false)])
        .collect();
    // Every cell, by what it counts, with its publication.
    let mut by_key: BTreeMap<&CountKey, Vec<(usize, CellId)>> = BTreeMap::new();
    for (n, (e, published)) in all.iter().enumerate() {
        let offset = c.publication.len();
        for cell in &e.cells {
            let id = c.publication.add_cell(label(e, &cell.key), cell.margin);
            c.values.push(cell.count);
            c.hidden.push(*published && cell.shown.is_none());
            c.fixed.push(*published);
            by_key.entry(&cell.key).or_default().push((n, id));
        }
        for r in &e.relations {
            c.publication.add_relation(Relation {
                terms: r
                    .terms
                    .iter()
                    .map(|&(t, a)| (CellId(t.0 + offset), a))
                    .collect(),
                kind: r.kind,
                constant: r.constant,
            });
        }
    }
    let cells: Vec<&LedgerCell> = all.iter().flat_map(|(e, _)| e.cells.iter()).collect();
    // The same count in two publications: one unknown, or the other plus a difference.
    let entries: Vec<&LedgerEntry> = all.iter().map(|(e, _)| *e).collect();
    let same: Vec<Vec<bool>> = entries
        .iter()
        .map(|a| entries.iter().map(|b| same_counts(a, b)).collect())
        .collect();
    for ids in by_key.values() {
        for (i, &(pa, a)) in ids.iter().enumerate() {
            for &(pb, b) in &ids[i + 1..] {
                if pa == pb {
                    continue; // One publication's own relations say how its cells relate.
                }
                if same[pa][pb] {
                    c.publication.add_sum(a, &[b]);
                } else {
                    difference(&mut c, a, b);
                }
            }
        }
    }
    // Periods that make up a longer one.
    // Keys without their period: (table, row, column).
    type Place<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
    let mut by_cell: BTreeMap<Place<'_>, Vec<CellId>> = BTreeMap::new();
    for (i, cell) in cells.iter().enumerate() {
        if cell.additive {
            let k = &cell.key;
            by_cell
                .entry((&k.table, k.row.as_deref(), k.column.as_deref()))
                .or_default()
                .push(CellId(i));
        }
    }
    for ids in by_cell.values() {
        for &total in ids {
            let period = cells[total.0].key.period;
            for parts in partitions(period, ids, &cells) {
                let sum: u64 = parts.iter().map(|p| cells[p.0].count).sum();
                if sum == cells[total.0].count {
                    c.publication.add_sum(total, &parts);
                }
            }
        }
    }
    c
}

fn label(e: &LedgerEntry, key: &CountKey) -> CellLabel {
    CellLabel {
        table: format!("{} (no. {}): {}", e.title, e.number, key.table),
        row: key.row.clone(),
        column: key.column.clone(),
    }
}

/// Whether two publications publish the same counts: every count they share is equal (a
/// republication, e.g. at another k), so that a reader takes each shared count as one.
fn same_counts(a: &LedgerEntry, b: &LedgerEntry) -> bool {
    let counts: BTreeMap<&CountKey, u64> = a.cells.iter().map(|c| (&c.key, c.count)).collect();
    let mut shared = 0;
    for cell in &b.cells {
        match counts.get(&cell.key) {
            Some(&v) if v != cell.count => return false,
            Some(_) => shared += 1,
            None => {}
        }
    }
    shared > 0
}

/// Two cells counting the same people in two versions: the larger is the smaller plus a
/// derived difference (of 0 where the count did not change: a reader does not know which did).
fn difference(c: &mut Combined, a: CellId, b: CellId) {
    let (va, vb) = (c.values[a.0], c.values[b.0]);
    let (small, large) = if va <= vb { (a, b) } else { (b, a) };
    let l = c.publication.label(large).clone();
    let d = c.publication.add_derived_cell(CellLabel {
        table: format!(
            "difference, {} and {}",
            c.publication.label(small).table,
            l.table
        ),
        row: l.row,
        column: l.column,
    });
    c.values.push(va.abs_diff(vb));
    c.hidden.push(true);
    c.fixed.push(true);
    c.publication.add_sum(large, &[small, d]);
}

/// The ways of making up `period` from the periods of other cells (one cell a period, the most
/// recent of each): at most a few, found by walking from its first day.
fn partitions(period: Period, ids: &[CellId], cells: &[&LedgerCell]) -> Vec<Vec<CellId>> {
    // The latest cell of each shorter period within this one.
    let mut inside: BTreeMap<Period, CellId> = BTreeMap::new();
    for &id in ids {
        let p = cells[id.0].key.period;
        if p != period && period.from <= p.from && p.to <= period.to {
            inside.insert(p, id);
        }
    }
    let mut found = Vec::new();
    let mut stack: Vec<(time::Date, Vec<CellId>)> = vec![(period.from, Vec::new())];
    while let Some((from, chain)) = stack.pop() {
        if found.len() >= 4 {
            break;
        }
        for (p, &id) in inside.range(
            Period { from, to: from }..Period {
                from: from.next_day().unwrap_or(from),
                to: from,
            },
        ) {
            let mut next = chain.clone();
            next.push(id);
            if p.to == period.to {
                found.push(next);
            } else if let Some(day) = p.to.next_day() {
                stack.push((day, next));
            }
        }
    }
    found
}

/// Protects `new` (its cells' true counts in `count`; `shown` is ignored) with threshold `k`
/// together with every publication of `ledger`; returns it with `shown` filled in, ready to be
/// published and recorded.
///
/// # Errors
/// [`DisclosureError::Ledger`] when the new publication counts up to a day of another year than
/// the ledger's (a meeting document of 2024 with the ledger of 2023: record it in its own
/// year's); [`DisclosureError::AtRisk`] when what was published before already gives a cell
/// away and no cell of the new publication can help; the audit's errors.
pub fn protect_with_ledger(
    ledger: &Ledger,
    new: &LedgerEntry,
    k: u64,
) -> Result<LedgerEntry, DisclosureError> {
    // A ledger holds one year's publications about its population; a publication belongs to
    // the year its counts end in (a meeting on 31 March covers the quarter before it).
    let year = ledger.population.year;
    if let Some(cell) = new.cells.iter().find(|c| c.key.period.to.year() != year) {
        return Err(DisclosureError::Ledger(format!(
            "it records the publications of {year}, and {:?} counts up to {}: protect it with the ledger of {}",
            new.title,
            cell.key.period.to,
            cell.key.period.to.year()
        )));
    }
    let entries: Vec<&LedgerEntry> = ledger.publications.iter().collect();
    let c = combine(&entries, new);
    // The new publication's cells follow the recorded ones (derived cells come after both).
    let start: usize = entries.iter().map(|e| e.cells.len()).sum();
    // What the earlier publications give away already, the new one hidden whole, is no choice
    // of the new one's: among it, the new cells the earlier ones give as they are (a year's
    // count whose quarters were all shown, a count shown before). Hiding those hides nothing,
    // so they are not counted against the new publication, whichever way they are shown.
    let before: Vec<Option<u64>> = (0..c.values.len())
        .map(|i| {
            let new = (start..start + new.cells.len()).contains(&i);
            (!c.hidden[i] && !new).then_some(c.values[i])
        })
        .collect();
    let mut known = vec![false; c.values.len()];
    let (mut given, mut fixed) = (c.hidden.clone(), c.fixed.clone());
    let mine = start..start + new.cells.len();
    for r in run(&c.publication, &before, k, Depth::Risks)?.at_risk {
        let i = r.range.cell.0;
        known[i] = true;
        // A new count given as it is, and not small: shown (hiding it would hide nothing).
        if mine.contains(&i) && r.kind == RiskKind::Exact && !(1..k).contains(&c.values[i]) {
            (given[i], fixed[i]) = (false, true);
        }
    }
    // Protected together, and alone: each publication passes its own audit too (a reader may
    // hold only it). Each round hides at least one more cell or ends.
    let alone = alone(new);
    let values: Vec<u64> = new.cells.iter().map(|c| c.count).collect();
    let none = vec![false; c.values.len()];
    let hidden_new = loop {
        let together = protect_fixed(&c.publication, &c.values, &given, &fixed, &known, &none, k)?;
        let chosen = &together[mine.clone()];
        let both = super::protect_from(&alone, &values, chosen, k)?;
        if both == chosen {
            break both;
        }
        given = together;
        given[mine.clone()].copy_from_slice(&both);
    };
    let mut out = new.clone();
    for (cell, hidden) in out.cells.iter_mut().zip(hidden_new) {
        cell.shown = (!hidden).then_some(cell.count);
    }
    out.k = k;
    Ok(out)
}

/// Protects the free cells of a publication in which other cells were published before
/// (`fixed`, shown or hidden as `hidden` says): what the fixed cells give away among themselves
/// is not the new cells' doing and is not counted against them (a county compiled beside its
/// services' own reports, `chain::hierarchy`). A free cell that one equation gives as a sum of
/// shown fixed cells (a county's count whose services all show theirs) is shown when its count
/// is 0 or at least `k`: hiding it would hide nothing. Returns every cell hidden.
///
/// Cells marked `last` are preferred last among the candidates at hand (the nation's beside
/// its counties).
///
/// The fixed cells are audited without the free cells' relations: the free cells, all hidden,
/// would only join everything into one large component and tell nothing more — each is a sum
/// of fixed cells, and the relations between the sums follow from the parts' own.
///
/// # Errors
/// As [`protect_fixed`].
pub(crate) fn protect_beside(
    publication: &Publication,
    values: &[u64],
    hidden: &[bool],
    fixed: &[bool],
    last: &[bool],
    k: u64,
) -> Result<Vec<bool>, DisclosureError> {
    let before: Vec<Option<u64>> = values
        .iter()
        .zip(hidden.iter().zip(fixed))
        .map(|(&v, (&h, &f))| (f && !h).then_some(v))
        .collect();
    let mut known = vec![false; values.len()];
    for r in run(&publication.restricted_to(fixed), &before, k, Depth::Risks)?.at_risk {
        known[r.range.cell.0] = true;
    }
    let (mut hidden, mut fixed) = (hidden.to_vec(), fixed.to_vec());
    for r in publication.relations() {
        let free: Vec<CellId> = r
            .terms
            .iter()
            .map(|t| t.0)
            .filter(|c| !fixed[c.0])
            .collect();
        let given = r.terms.iter().all(|t| !fixed[t.0 .0] || !hidden[t.0 .0]);
        if let ([c], RelationKind::Equal, true) = (free.as_slice(), r.kind, given) {
            let v = values[c.0];
            if v == 0 || v >= k {
                (hidden[c.0], fixed[c.0]) = (false, true);
            }
        }
    }
    protect_fixed(publication, values, &hidden, &fixed, &known, last, k)
}

/// One entry as a publication of its own: its cells and its relations.
fn alone(e: &LedgerEntry) -> Publication {
    let mut p = Publication::new();
    for cell in &e.cells {
        p.add_cell(label(e, &cell.key), cell.margin);
    }
    for r in &e.relations {
        p.add_relation(r.clone());
    }
    p
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use time::macros::date;

    use super::protect_with_ledger;
    use crate::disclosure::{
        CountKey, Ledger, LedgerCell, LedgerEntry, Period, Population, Publication,
    };

    /// A publication of one count: new shortcomings in `period` (an event count: additive).
    fn shortcomings(
        title: &str,
        from: time::Date,
        to: time::Date,
        count: u64,
        k: u64,
    ) -> LedgerEntry {
        LedgerEntry {
            title: title.into(),
            number: 0,
            k,
            cells: vec![LedgerCell {
                key: CountKey {
                    table: "new_shortcomings".into(),
                    row: None,
                    column: None,
                    period: Period { from, to },
                },
                margin: false,
                additive: true,
                shown: None,
                count,
            }],
            relations: Publication::new().relations().to_vec(),
        }
    }

    fn quarters(counts: [u64; 4]) -> Ledger {
        let mut ledger = Ledger::new(Population {
            scope: "service".into(),
            name: "Test".into(),
            year: 2023,
        });
        let spans = [
            (date!(2023 - 01 - 01), date!(2023 - 03 - 31)),
            (date!(2023 - 04 - 01), date!(2023 - 06 - 30)),
            (date!(2023 - 07 - 01), date!(2023 - 09 - 30)),
            (date!(2023 - 10 - 01), date!(2023 - 12 - 31)),
        ];
        for (i, ((from, to), n)) in spans.into_iter().zip(counts).enumerate() {
            let q = shortcomings(&format!("meeting {}", i + 1), from, to, n, 3);
            let q = protect_with_ledger(&ledger, &q, 3).unwrap();
            ledger.record(q);
        }
        ledger
    }

    /// Issue 31's first example: the quarterly documents show 5, 4, 6 and ".." (a 1); the year's
    /// summary showing 16 would give the hidden quarter away, so it is hidden too.
    #[test]
    fn the_year_does_not_give_a_hidden_quarter_away() {
        let ledger = quarters([5, 4, 6, 1]);
        let shown: Vec<Option<u64>> = ledger
            .publications
            .iter()
            .map(|p| p.cells[0].shown)
            .collect();
        assert_eq!(shown, [Some(5), Some(4), Some(6), None]);
        let year = shortcomings(
            "summary",
            date!(2023 - 01 - 01),
            date!(2023 - 12 - 31),
            16,
            3,
        );
        let year = protect_with_ledger(&ledger, &year, 3).unwrap();
        assert_eq!(year.cells[0].shown, None);
        // With every quarter shown, the year tells nothing new and is shown.
        let ledger = quarters([5, 4, 6, 3]);
        let year = shortcomings(
            "summary",
            date!(2023 - 01 - 01),
            date!(2023 - 12 - 31),
            18,
            3,
        );
        assert_eq!(
            protect_with_ledger(&ledger, &year, 3).unwrap().cells[0].shown,
            Some(18)
        );
    }

    /// A publication of another year is refused with the ledger of this one, naming both.
    #[test]
    fn a_publication_of_another_year_is_refused() {
        let ledger = quarters([5, 4, 6, 3]);
        let next = shortcomings(
            "meeting 2024",
            date!(2024 - 01 - 01),
            date!(2024 - 03 - 31),
            4,
            3,
        );
        let e = protect_with_ledger(&ledger, &next, 3)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("publications of 2023") && e.contains("2024-03-31"),
            "{e}"
        );
    }
}
