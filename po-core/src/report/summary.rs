//! The deviations summary for the leadership group, and change against the previous year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{protect_table, AnnualReport, Cell, Deviation, ReportTable, Table};
use crate::codes::{CodeList, Counterpart, DeviationStatus};
use crate::disclosure::{
    protect_with_ledger, DisclosureError, Ledger, LedgerEntry, Period, Protection, Publication,
};

/// Deviations concerning one counterpart in a period, derived from the protected table: a
/// figure that needs a hidden cell is hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterpartDeviations {
    /// The counterpart.
    pub counterpart: Counterpart,
    /// Documented in the period.
    pub new: Cell,
    /// Of those, raised with the leadership group (or further along).
    pub raised: Cell,
    /// Of those, answered by the responsible organisation.
    pub answered: Cell,
    /// Of those, not yet closed (neither remedied nor found not remedied).
    pub open: Cell,
    /// The consequences for the individual recorded for them (seed 001 annex 1), distinct, in
    /// order of first appearance; listed only when `new` is published (a consequence under a
    /// hidden count would say that count is not zero).
    pub consequences: Vec<String>,
}

/// What the leadership group is shown for a period, protected like every publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadershipSummary {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Deviations documented in the period by counterpart × status now (every counterpart, so
    /// a row's presence says nothing).
    pub by_status: Table,
    /// Per counterpart whose count is not a published zero.
    pub counterparts: Vec<CounterpartDeviations>,
    /// The disclosure control applied.
    pub protection: Protection,
}

fn sum(cells: &[Cell]) -> Cell {
    cells
        .iter()
        .try_fold(0u64, |acc, c| c.count().map(|n| acc + n))
        .map_or(Cell::Suppressed, Cell::Count)
}

/// What the leadership group is shown (Värmland reports four times a year, seed 003): for each
/// counterpart, deviations documented in the period by their status now, and from that new,
/// raised, answered and open. Statuses are as recorded now (the register keeps no status
/// history). Protected with `protection` (see [`crate::disclosure`]).
///
/// # Errors
/// As [`protect_table`].
pub fn deviations_for_leadership_group(
    deviations: &[Deviation],
    from: Date,
    to: Date,
    protection: Protection,
) -> Result<LeadershipSummary, DisclosureError> {
    let (table, consequences) = counted(deviations, from, to);
    let by_status = match protection {
        Protection::Threshold { k } => protect_table(&table, k)?,
        Protection::Unprotected => table,
    };
    Ok(summarised(by_status, consequences, from, to, protection))
}

/// The leadership group's summary for a period protected with threshold `k` together with
/// every publication of the service's `ledger` (issue 31): its table counts what the annual
/// report's deviations by counterpart and status count, for the period, so two half-years
/// and the year relate cell by cell and are protected as such. Returns the summary and its
/// ledger entry, to record once it is published.
///
/// # Errors
/// As [`crate::disclosure::protect_with_ledger`].
pub fn deviations_for_leadership_group_with_ledger(
    deviations: &[Deviation],
    from: Date,
    to: Date,
    k: u64,
    ledger: &Ledger,
) -> Result<(LeadershipSummary, LedgerEntry), DisclosureError> {
    let (mut table, consequences) = counted(deviations, from, to);
    // What it counts, as the ledger names it: the annual report's table, for the period.
    let mut keyed = table.clone();
    keyed.name = ReportTable::DeviationsByCounterpart.name().to_owned();
    let mut p = Publication::new();
    let (_, slots) = keyed.add_to(&mut p);
    let mut values = vec![0u64; p.len()];
    for (slot, cell) in slots.iter().zip(table.cells()) {
        values[slot.0] = cell.count().unwrap_or_default();
    }
    let title = format!("leadership group summary {from} to {to}");
    let entry = LedgerEntry::unprotected(title, &p, &values, |_| (Period { from, to }, true));
    let entry = protect_with_ledger(ledger, &entry, k)?;
    let hidden = entry.hidden();
    for (slot, cell) in slots.iter().zip(table.cells_mut()) {
        if hidden[slot.0] {
            *cell = Cell::Suppressed;
        }
    }
    let protection = Protection::Threshold { k };
    Ok((summarised(table, consequences, from, to, protection), entry))
}

/// Deviations dated in the period by counterpart × status now, and each counterpart's
/// consequences.
fn counted(deviations: &[Deviation], from: Date, to: Date) -> (Table, Vec<Vec<String>>) {
    let mut counts = vec![vec![0u64; DeviationStatus::ALL.len()]; Counterpart::ALL.len()];
    let mut consequences: Vec<Vec<String>> = vec![Vec::new(); Counterpart::ALL.len()];
    for d in deviations.iter().filter(|d| from <= d.date && d.date <= to) {
        let i = Counterpart::ALL
            .iter()
            .position(|c| *c == d.counterpart)
            .unwrap_or(0);
        let j = DeviationStatus::ALL
            .iter()
            .position(|s| *s == d.status)
            .unwrap_or(0);
        counts[i][j] += 1;
        if let Some(c) = &d.consequence {
            if !consequences[i].contains(c) {
                consequences[i].push(c.clone());
            }
        }
    }
    let table = Table::from_counts(
        "deviations_for_leadership_group",
        "Avvikelser efter motpart och status",
        "Deviations by counterpart and status",
        Counterpart::ALL
            .iter()
            .map(|c| c.label_sv().to_owned())
            .collect(),
        DeviationStatus::ALL
            .iter()
            .map(|s| s.label_sv().to_owned())
            .collect(),
        counts,
    );
    (table, consequences)
}

/// The summary from its (protected) table.
fn summarised(
    by_status: Table,
    mut consequences: Vec<Vec<String>>,
    from: Date,
    to: Date,
    protection: Protection,
) -> LeadershipSummary {
    let pick = |i: usize, f: fn(DeviationStatus) -> bool| -> Cell {
        let cells: Vec<Cell> = DeviationStatus::ALL
            .iter()
            .zip(&by_status.cells[i])
            .filter(|(s, _)| f(**s))
            .map(|(_, c)| *c)
            .collect();
        sum(&cells)
    };
    let counterparts = Counterpart::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| by_status.row_totals[*i] != Cell::Count(0))
        .map(|(i, &counterpart)| CounterpartDeviations {
            counterpart,
            new: by_status.row_totals[i],
            raised: pick(i, |s| s != DeviationStatus::Documented),
            answered: pick(i, DeviationStatus::has_feedback),
            open: pick(i, |s| !s.is_closed()),
            consequences: if by_status.row_totals[i].count().is_some() {
                std::mem::take(&mut consequences[i])
            } else {
                Vec::new()
            },
        })
        .collect();
    LeadershipSummary {
        from,
        to,
        by_status,
        counterparts,
        protection,
    }
}

/// One headline figure against the previous year, from what both years published: a figure
/// hidden in either year gives a hidden difference (issue 13, point 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Machine name of the measure.
    pub measure: String,
    /// The previous year's value; `None` if hidden.
    pub previous: Option<Decimal>,
    /// This year's value; `None` if hidden.
    pub current: Option<Decimal>,
    /// current − previous; `None` if either is hidden.
    pub difference: Option<Decimal>,
    /// The difference in percent of the previous value, two decimals; `None` if that was 0 or
    /// either is hidden.
    pub percent: Option<Decimal>,
}

/// Headline figures of `current` against `previous` (seed 003 reports "Klientantalet ökade med
/// drygt 27 % från 2022 till 2023"), computed only from published figures.
pub fn change_against(previous: &AnnualReport, current: &AnnualReport) -> Vec<Change> {
    let figures = |r: &AnnualReport| {
        let total = |c: Cell| c.count().map(Decimal::from);
        vec![
            ("active_clients", total(r.active_clients.total)),
            ("new_clients", total(r.new_clients.total)),
            ("closed_clients", total(r.closed_clients.total)),
            (
                "clients_with_children_at_home",
                total(r.children_at_home.total),
            ),
            ("assignments", total(r.assignments.total)),
            ("assignments_per_client", r.assignments_per_client.value),
            ("intake_visits", total(r.intake_outcomes.total)),
            ("deviations", total(r.deviations_by_type.total)),
        ]
    };
    figures(previous)
        .into_iter()
        .zip(figures(current))
        .map(|((measure, p), (_, c))| {
            let difference = p.zip(c).map(|(p, c)| c - p);
            Change {
                measure: measure.to_owned(),
                previous: p,
                current: c,
                difference,
                percent: p.zip(difference).and_then(|(p, d)| {
                    (!p.is_zero()).then(|| (d * Decimal::ONE_HUNDRED / p).round_dp(2))
                }),
            }
        })
        .collect()
}
