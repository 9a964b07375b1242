//! The deviations summary for the leadership group, and change against the previous year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{AnnualReport, Deviation};
use crate::codes::{CodeList, Counterpart};

/// Deviations concerning one counterpart in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterpartDeviations {
    /// The counterpart.
    pub counterpart: Counterpart,
    /// Documented in the period.
    pub new: u64,
    /// Of those, raised with the leadership group (or further along).
    pub raised: u64,
    /// Of those, answered by the responsible organisation.
    pub answered: u64,
    /// Of those, not yet closed (neither remedied nor found not remedied).
    pub open: u64,
    /// The consequences for the individual recorded for them (seed 001 annex 1), distinct, in
    /// order of first appearance.
    pub consequences: Vec<String>,
}

/// What the leadership group is shown (Värmland reports four times a year, seed 003): for each
/// counterpart with deviations documented in the period, new, raised, answered and open.
/// Statuses are as recorded now (the register keeps no status history).
pub fn deviations_for_leadership_group(
    deviations: &[Deviation],
    from: Date,
    to: Date,
) -> Vec<CounterpartDeviations> {
    Counterpart::ALL
        .iter()
        .filter_map(|&counterpart| {
            let these: Vec<&Deviation> = deviations
                .iter()
                .filter(|d| d.counterpart == counterpart && from <= d.date && d.date <= to)
                .collect();
            if these.is_empty() {
                return None;
            }
            let count =
                |f: &dyn Fn(&Deviation) -> bool| these.iter().filter(|d| f(d)).count() as u64;
            let mut consequences: Vec<String> = Vec::new();
            for c in these.iter().filter_map(|d| d.consequence.as_ref()) {
                if !consequences.contains(c) {
                    consequences.push(c.clone());
                }
            }
            Some(CounterpartDeviations {
                counterpart,
                new: these.len() as u64,
                raised: count(&|d| d.status != crate::codes::DeviationStatus::Documented),
                answered: count(&|d| d.status.has_feedback()),
                open: count(&|d| !d.status.is_closed()),
                consequences,
            })
        })
        .collect()
}

/// One headline figure against the previous year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Machine name of the measure.
    pub measure: String,
    /// The previous year's value.
    pub previous: Decimal,
    /// This year's value.
    pub current: Decimal,
    /// current − previous.
    pub difference: Decimal,
    /// The difference in percent of the previous value, two decimals; `None` if that was 0.
    pub percent: Option<Decimal>,
}

/// Headline figures of `current` against `previous` (seed 003 reports "Klientantalet ökade med
/// drygt 27 % från 2022 till 2023").
pub fn change_against(previous: &AnnualReport, current: &AnnualReport) -> Vec<Change> {
    let figures = |r: &AnnualReport| {
        vec![
            ("active_clients", Decimal::from(r.active_clients.total)),
            ("new_clients", Decimal::from(r.new_clients.total)),
            ("closed_clients", Decimal::from(r.closed_clients.total)),
            (
                "clients_with_children_at_home",
                Decimal::from(r.children_at_home.total),
            ),
            ("assignments", Decimal::from(r.assignments.total)),
            (
                "assignments_per_client",
                r.assignments_per_client.value.unwrap_or_default(),
            ),
            ("intake_visits", Decimal::from(r.intake_outcomes.total)),
            ("deviations", Decimal::from(r.deviations_by_type.total)),
        ]
    };
    figures(previous)
        .into_iter()
        .zip(figures(current))
        .map(|((measure, p), (_, c))| Change {
            measure: measure.to_owned(),
            previous: p,
            current: c,
            difference: c - p,
            percent: (!p.is_zero()).then(|| ((c - p) * Decimal::ONE_HUNDRED / p).round_dp(2)),
        })
        .collect()
}
