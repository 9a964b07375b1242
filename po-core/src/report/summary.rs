//! The deviations summary for the leadership group, and change against the previous year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{protect_table, AnnualReport, Cell, Deviation, Table};
use crate::codes::{CodeList, Counterpart, DeviationStatus};
use crate::disclosure::{DisclosureError, Protection};

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
    let by_status = match protection {
        Protection::Threshold { k } => protect_table(&table, k)?,
        Protection::Unprotected => table,
    };
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
    Ok(LeadershipSummary {
        from,
        to,
        by_status,
        counterparts,
        protection,
    })
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
