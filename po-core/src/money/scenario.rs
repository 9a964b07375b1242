//! Scenarios compared side by side, and clients' share against the key.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Allocation, MoneyError};
use crate::organisation::MunicipalityCode;

/// One municipality in two allocations (a municipality that is in only one has `None` in the
/// other).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRow {
    /// The municipality code.
    pub code: MunicipalityCode,
    /// The name.
    pub name: String,
    /// What it pays in the base allocation.
    pub base_total: Option<Decimal>,
    /// What it pays in the alternative.
    pub alternative_total: Option<Decimal>,
    /// alternative − base, in kronor (a missing side counts as 0).
    pub difference: Decimal,
    /// The difference in percent of the base, two decimals; `None` without a base.
    pub difference_percent: Option<Decimal>,
}

/// Compares two allocations per municipality (e.g. a year against the next, a municipality
/// leaving, a changed grant), ordered by municipality code.
pub fn compare(base: &Allocation, alternative: &Allocation) -> Vec<ScenarioRow> {
    let mut rows: BTreeMap<MunicipalityCode, ScenarioRow> = BTreeMap::new();
    for p in &base.participants {
        rows.insert(
            p.code,
            ScenarioRow {
                code: p.code,
                name: p.name.clone(),
                base_total: Some(p.total),
                alternative_total: None,
                difference: Decimal::ZERO,
                difference_percent: None,
            },
        );
    }
    for p in &alternative.participants {
        rows.entry(p.code)
            .or_insert_with(|| ScenarioRow {
                code: p.code,
                name: p.name.clone(),
                base_total: None,
                alternative_total: None,
                difference: Decimal::ZERO,
                difference_percent: None,
            })
            .alternative_total = Some(p.total);
    }
    rows.into_values()
        .map(|mut r| {
            let base = r.base_total.unwrap_or_default();
            r.difference = r.alternative_total.unwrap_or_default() - base;
            r.difference_percent = r
                .base_total
                .filter(|b| !b.is_zero())
                .map(|b| (r.difference * Decimal::ONE_HUNDRED / b).round_dp(2));
            r
        })
        .collect()
}

/// A municipality's share of the clients against its share of the key (seed 004's
/// "theoretically achieved share").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientShareRow {
    /// The municipality code.
    pub code: MunicipalityCode,
    /// The name.
    pub name: String,
    /// Its clients.
    pub clients: u64,
    /// Its share of all clients, percent, two decimals.
    pub client_percent: Decimal,
    /// Its share of the key, percent, two decimals.
    pub key_percent: Decimal,
    /// client_percent − key_percent, percentage points.
    pub difference_points: Decimal,
}

/// Each participant's share of `clients` against its key share. A municipality with clients
/// but not in the allocation is an error; a participant without an entry has 0 clients.
pub fn client_share_vs_key(
    allocation: &Allocation,
    clients: &BTreeMap<MunicipalityCode, u64>,
) -> Result<Vec<ClientShareRow>, MoneyError> {
    if let Some(code) = clients
        .keys()
        .find(|c| !allocation.participants.iter().any(|p| p.code == **c))
    {
        return Err(MoneyError::UnknownMunicipality {
            field: "clients".into(),
            municipality: code.to_string(),
        });
    }
    let total: u64 = clients.values().sum();
    Ok(allocation
        .participants
        .iter()
        .map(|p| {
            let n = clients.get(&p.code).copied().unwrap_or(0);
            let client_percent = if total == 0 {
                Decimal::ZERO
            } else {
                (Decimal::from(n) * Decimal::ONE_HUNDRED / Decimal::from(total)).round_dp(2)
            };
            let key_percent = p.key_percent.round_dp(2);
            ClientShareRow {
                code: p.code,
                name: p.name.clone(),
                clients: n,
                client_percent,
                key_percent,
                difference_points: client_percent - key_percent,
            }
        })
        .collect())
}
