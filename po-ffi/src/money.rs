//! Money across the boundary: the state grant (SFS 2013:522 7–15 §§) and the cost-sharing
//! agreement by adult population. Amounts are `BigDecimal` / `decimal.Decimal`, exact to the
//! öre; in Python a float is refused (see `python::values::exact`).

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use time::Date;

use po_core::money::{self as core, IncomeKind, Rounding};
use po_core::organisation::{Municipality, MunicipalityCode};

use super::error::{po, PoError};
use super::record::{record, signed, unsigned};
use super::rules::Stamp;

record! {
    /// What is to be repaid of a grant (15 §), with the reason and the source.
    Repayment {
        /// What the municipality is liable to repay before any waiver.
        liable: Decimal,
        /// What is to be repaid after the waiver.
        amount: Decimal,
        /// Why, in Swedish.
        reason_sv: String,
        /// Why, in English.
        reason_en: String,
        /// The statute's point (15 § första stycket 1 or 2, andra stycket for a waiver).
        source: String,
        /// The version of po, 15 § as applied, and the decision date.
        stamp: Stamp,
    }
}

/// The repayment (15 §) of a grant `received` of which `used_for_purpose` was used.
pub(crate) fn repay(
    received: Decimal,
    used_for_purpose: Decimal,
    report_submitted: bool,
    waiver: core::Waiver,
    decided_on: Date,
) -> Result<Repayment, PoError> {
    let r = core::repayment(
        received,
        used_for_purpose,
        report_submitted,
        waiver,
        decided_on,
    )
    .map_err(po)?;
    Ok(Repayment {
        liable: r.liable,
        amount: r.amount,
        reason_sv: r.reason_sv,
        reason_en: r.reason_en,
        source: r.source,
        stamp: r.stamp.into(),
    })
}

record! {
    /// A service's grant as decided (9 §): the amount per position, the positions, the grant,
    /// and the stamp.
    Grant {
        /// What one full-time position is worth.
        amount_per_position: Decimal,
        /// The service's full-time positions (part-time counted proportionally).
        positions: Decimal,
        /// The grant, kronor and öre.
        amount: Decimal,
        /// The version of po, 9 § as applied, and the decision date.
        stamp: Stamp,
    }
}

/// The grant decided on `decided_on` for `positions` at `amount_per_position`.
pub(crate) fn decide_grant(
    amount_per_position: Decimal,
    positions: Decimal,
    decided_on: Date,
) -> Result<Grant, PoError> {
    let g = core::grant(amount_per_position, positions, decided_on).map_err(po)?;
    Ok(Grant {
        amount_per_position: g.amount_per_position,
        positions: g.positions,
        amount: g.amount,
        stamp: g.stamp.into(),
    })
}

record! {
    /// The grant's dates for a year (SFS 2013:522 8, 10, 12 and 14 §§).
    GrantCalendar {
        /// The grant year.
        year: i32,
        /// The application to Socialstyrelsen (1 March of the year).
        application_due: Date,
        /// The municipality's report to länsstyrelsen (15 January after the year, 10 §).
        municipal_report_due: Date,
        /// Länsstyrelsen's report to Socialstyrelsen (1 March after the year, 12 §).
        county_board_report_due: Date,
        /// Socialstyrelsen's report to the government (15 May after the year, 14 §).
        socialstyrelsen_report_due: Date,
    }
}

/// The grant's dates for `year`.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn grant_calendar(year: i32) -> Result<GrantCalendar, PoError> {
    let c = core::grant_calendar(year).map_err(po)?;
    Ok(GrantCalendar {
        year: c.year,
        application_due: c.application_due,
        municipal_report_due: c.municipal_report_due,
        county_board_report_due: c.county_board_report_due,
        socialstyrelsen_report_due: c.socialstyrelsen_report_due,
    })
}

record! {
    /// The national appropriation of a year and what Socialstyrelsen and the county boards
    /// keep for administration.
    NationalBudget {
        /// The year.
        year: i32,
        /// The appropriation.
        total: Decimal,
        /// Socialstyrelsen's administration.
        socialstyrelsen_admin: Decimal,
        /// The county boards' administration.
        county_boards_admin: Decimal,
    }
}

impl From<&NationalBudget> for core::NationalBudget {
    fn from(b: &NationalBudget) -> Self {
        core::NationalBudget {
            year: b.year,
            total: b.total,
            socialstyrelsen_admin: b.socialstyrelsen_admin,
            county_boards_admin: b.county_boards_admin,
        }
    }
}

record! {
    /// How a year's appropriation was used.
    BudgetOutcome {
        /// Spent: administration and positions.
        spent: Decimal,
        /// Spent less what was repaid.
        net: Decimal,
        /// The appropriation less the net.
        remaining: Decimal,
    }
}

/// What is left of the appropriation for positions.
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn money_for_positions(budget: NationalBudget) -> Result<Decimal, PoError> {
    core::NationalBudget::from(&budget)
        .money_for_positions()
        .map_err(po)
}

/// How the appropriation was used: spent, net of repayments, and what remains.
pub(crate) fn outcome_of(
    budget: &NationalBudget,
    spent_socialstyrelsen: Decimal,
    spent_county_boards: Decimal,
    paid_for_positions: Decimal,
    repaid: Decimal,
) -> Result<BudgetOutcome, PoError> {
    let (spent, net, remaining) = core::NationalBudget::from(budget)
        .outcome(
            spent_socialstyrelsen,
            spent_county_boards,
            paid_for_positions,
            repaid,
        )
        .map_err(po)?;
    Ok(BudgetOutcome {
        spent,
        net,
        remaining,
    })
}

record! {
    /// A participating municipality: its code, name, adults and the date they were counted on.
    AgreementParticipant {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// Adults (the key).
        adults: i64,
        /// The date the adults were counted on.
        reference_date: Date,
    }
}

record! {
    /// A cost or a fixed income of an agreement.
    MoneyLine {
        /// `cost`, or an income's kind: `state_grant`, `region` or `other`.
        kind: String,
        /// What it is.
        label: String,
        /// How much, in kronor.
        amount: Decimal,
    }
}

record! {
    /// The terms of a cost-sharing agreement for a year, as data (what its JSON holds).
    AgreementTerms {
        /// The year.
        year: i32,
        /// The host municipality's code.
        host: String,
        /// The participants.
        participants: Vec<AgreementParticipant>,
        /// The costs (kind `cost`).
        costs: Vec<MoneyLine>,
        /// Income that is not shared by the key (kind `state_grant`, `region` or `other`).
        fixed_income: Vec<MoneyLine>,
        /// The host's administration fee.
        administration_fee: Decimal,
        /// Surplus from earlier years used.
        surplus_used: Decimal,
        /// `krona` or `ore`.
        rounding: String,
    }
}

fn code(value: &str, field: &'static str) -> Result<MunicipalityCode, PoError> {
    MunicipalityCode::parse_field(value, field).map_err(po)
}

impl TryFrom<AgreementTerms> for core::Agreement {
    type Error = PoError;
    fn try_from(a: AgreementTerms) -> Result<Self, PoError> {
        let participants = a
            .participants
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                Ok(core::AgreementParticipant {
                    municipality: Municipality {
                        code: code(&p.code, "participants.code")?,
                        name: p.name,
                    },
                    adults: unsigned(p.adults, &format!("participants[{i}].adults"))?,
                    reference_date: p.reference_date,
                })
            })
            .collect::<Result<Vec<_>, PoError>>()?;
        let fixed_income = a
            .fixed_income
            .into_iter()
            .map(|l| {
                Ok(core::IncomeLine {
                    kind: IncomeKind::parse(&l.kind).map_err(po)?,
                    label: l.label,
                    amount: l.amount,
                })
            })
            .collect::<Result<Vec<_>, PoError>>()?;
        Ok(core::Agreement {
            year: a.year,
            host: code(&a.host, "host")?,
            participants,
            costs: a
                .costs
                .into_iter()
                .map(|c| core::CostLine {
                    label: c.label,
                    amount: c.amount,
                })
                .collect(),
            fixed_income,
            administration_fee: a.administration_fee,
            surplus_used: a.surplus_used,
            rounding: Rounding::parse(&a.rounding).map_err(po)?,
        })
    }
}

impl From<&core::Agreement> for AgreementTerms {
    fn from(a: &core::Agreement) -> Self {
        let line = |kind: &str, label: &str, amount: Decimal| MoneyLine {
            kind: kind.to_owned(),
            label: label.to_owned(),
            amount,
        };
        AgreementTerms {
            year: a.year,
            host: a.host.as_str().to_owned(),
            participants: a
                .participants
                .iter()
                .map(|p| AgreementParticipant {
                    code: p.municipality.code.as_str().to_owned(),
                    name: p.municipality.name.clone(),
                    adults: signed(p.adults),
                    reference_date: p.reference_date,
                })
                .collect(),
            costs: a
                .costs
                .iter()
                .map(|c| line("cost", &c.label, c.amount))
                .collect(),
            fixed_income: a
                .fixed_income
                .iter()
                .map(|l| line(l.kind.code(), &l.label, l.amount))
                .collect(),
            administration_fee: a.administration_fee,
            surplus_used: a.surplus_used,
            rounding: a.rounding.code().to_owned(),
        }
    }
}

/// A cost-sharing agreement, validated: read from its JSON or built from its terms.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, from_py_object, module = "personligt_ombud")
)]
pub struct Agreement(pub(crate) core::Agreement);

#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl Agreement {
    /// The JSON form (reads back with `from_json`).
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The terms as data.
    pub fn terms(&self) -> AgreementTerms {
        (&self.0).into()
    }

    /// The allocation: each participant's fee by adults, largest remainder, every part adding
    /// up (the checks prove the sums), with an explanation per municipality.
    pub fn allocate(&self) -> Result<Allocation, PoError> {
        Ok(core::allocate(&self.0).map_err(po)?.into())
    }

    /// The allocation's invoices as an .xlsx workbook (`sv` or `en`): one row per
    /// municipality and a row of sums, amounts as numbers.
    pub fn invoices_xlsx(&self, language: String) -> Result<Vec<u8>, PoError> {
        let lang = po_core::Language::parse(&language).map_err(po)?;
        let allocation = core::allocate(&self.0).map_err(po)?;
        po_core::io::write::invoices_to_xlsx(&allocation, lang).map_err(po)
    }
}

impl Agreement {
    /// From its JSON form, validated.
    pub(crate) fn of_json(json: &str) -> Result<Self, PoError> {
        core::Agreement::from_json(json).map(Agreement).map_err(po)
    }

    /// From its terms, validated (Kotlin's `Agreement.fromTerms`).
    #[cfg_attr(not(feature = "uniffi"), allow(dead_code))]
    pub(crate) fn of_terms(terms: AgreementTerms) -> Result<Self, PoError> {
        Ok(Agreement(terms.try_into()?))
    }

    /// The same agreement without one participant.
    pub(crate) fn leaving_out(&self, municipality: &str) -> Result<Self, PoError> {
        Ok(Agreement(self.0.without(code(municipality, "code")?)))
    }

    /// The same agreement with another state grant.
    pub(crate) fn granted(&self, amount: Decimal) -> Self {
        Agreement(self.0.with_state_grant(amount))
    }

    /// The costs, summed.
    pub(crate) fn total_costs(&self) -> Decimal {
        self.0.costs_total()
    }
}

record! {
    /// One participant's share: its key, its fee, the host's administration fee on it and the
    /// total, with an explanation.
    ParticipantShare {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// Its adults.
        adults: i64,
        /// Adults of all participants.
        adults_total: i64,
        /// Its share of the key, percent.
        key_percent: Decimal,
        /// Its fee.
        fee: Decimal,
        /// Its part of the administration fee.
        administration_fee: Decimal,
        /// Fee and administration fee.
        total: Decimal,
        /// How the fee was computed, in Swedish.
        explanation_sv: String,
        /// How the fee was computed, in English.
        explanation_en: String,
    }
}

record! {
    /// A sum that must hold, with what was expected and what was computed.
    Check {
        /// What is checked.
        name: String,
        /// Expected.
        expected: Decimal,
        /// Computed.
        actual: Decimal,
        /// Whether they are equal.
        holds: bool,
    }
}

record! {
    /// The allocation of an agreement's municipal net between its participants.
    Allocation {
        /// The year.
        year: i32,
        /// `krona` or `ore`.
        rounding: String,
        /// The costs.
        costs_total: Decimal,
        /// The state grant.
        state_grant: Decimal,
        /// The region's part.
        region: Decimal,
        /// Other income.
        other_income: Decimal,
        /// The host's administration fee.
        administration_fee: Decimal,
        /// Surplus used.
        surplus_used: Decimal,
        /// What the municipalities pay together, unrounded.
        municipal_net_exact: Decimal,
        /// What they pay together, rounded.
        municipal_net: Decimal,
        /// municipal_net − municipal_net_exact.
        rounding_difference: Decimal,
        /// Each participant's share.
        participants: Vec<ParticipantShare>,
        /// The sums that prove the allocation.
        checks: Vec<Check>,
        /// The version of po, the agreement and the method, and the date.
        stamp: Stamp,
    }
}

impl From<core::Allocation> for Allocation {
    fn from(a: core::Allocation) -> Self {
        Allocation {
            participants: a
                .participants
                .iter()
                .enumerate()
                .map(|(i, p)| ParticipantShare {
                    code: p.code.as_str().to_owned(),
                    name: p.name.clone(),
                    adults: signed(p.adults),
                    adults_total: signed(p.adults_total),
                    key_percent: p.key_percent,
                    fee: p.fee,
                    administration_fee: p.administration_fee,
                    total: p.total,
                    explanation_sv: a.explanation_sv(i).unwrap_or_default(),
                    explanation_en: a.explanation_en(i).unwrap_or_default(),
                })
                .collect(),
            checks: a
                .checks
                .iter()
                .map(|c| Check {
                    name: c.name.clone(),
                    expected: c.expected,
                    actual: c.actual,
                    holds: c.holds,
                })
                .collect(),
            stamp: a.stamp.into(),
            year: a.year,
            rounding: a.rounding.code().to_owned(),
            costs_total: a.costs_total,
            state_grant: a.state_grant,
            region: a.region,
            other_income: a.other_income,
            administration_fee: a.administration_fee,
            surplus_used: a.surplus_used,
            municipal_net_exact: a.municipal_net_exact,
            municipal_net: a.municipal_net,
            rounding_difference: a.rounding_difference,
        }
    }
}

record! {
    /// One municipality in two allocations.
    ScenarioRow {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// What it pays in the base allocation (none: not a participant).
        base_total: Option<Decimal>,
        /// What it pays in the alternative (none: not a participant).
        alternative_total: Option<Decimal>,
        /// alternative − base (a missing side counts as 0).
        difference: Decimal,
        /// The difference in percent of the base, two decimals; none without a base.
        difference_percent: Option<Decimal>,
    }
}

/// Compares two agreements' allocations per municipality (a year against the next, a
/// municipality leaving, a changed grant), ordered by municipality code.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction(name = "_compare_agreements"))]
pub fn compare_agreements(
    base: &Agreement,
    alternative: &Agreement,
) -> Result<Vec<ScenarioRow>, PoError> {
    let b = core::allocate(&base.0).map_err(po)?;
    let a = core::allocate(&alternative.0).map_err(po)?;
    Ok(core::compare(&b, &a)
        .into_iter()
        .map(|r| ScenarioRow {
            code: r.code.as_str().to_owned(),
            name: r.name,
            base_total: r.base_total,
            alternative_total: r.alternative_total,
            difference: r.difference,
            difference_percent: r.difference_percent,
        })
        .collect())
}

record! {
    /// A municipality's share of the clients against its share of the key (seed 004's
    /// "theoretically achieved share").
    ClientShareRow {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// Its clients.
        clients: i64,
        /// Its share of all clients, percent, two decimals.
        client_percent: Decimal,
        /// Its share of the key, percent, two decimals.
        key_percent: Decimal,
        /// client_percent − key_percent, percentage points.
        difference_points: Decimal,
    }
}

/// Each participant's share of `clients` (kommunkod → clients) against its key share.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction(name = "_client_share_vs_key"))]
pub fn client_share_vs_key(
    agreement: &Agreement,
    clients: HashMap<String, i64>,
) -> Result<Vec<ClientShareRow>, PoError> {
    let allocation = core::allocate(&agreement.0).map_err(po)?;
    let clients = clients
        .into_iter()
        .map(|(c, n)| Ok((code(&c, "clients")?, unsigned(n, "clients")?)))
        .collect::<Result<BTreeMap<_, _>, PoError>>()?;
    Ok(core::client_share_vs_key(&allocation, &clients)
        .map_err(po)?
        .into_iter()
        .map(|r| ClientShareRow {
            code: r.code.as_str().to_owned(),
            name: r.name,
            clients: signed(r.clients),
            client_percent: r.client_percent,
            key_percent: r.key_percent,
            difference_points: r.difference_points,
        })
        .collect())
}

record! {
    /// Adults of a municipality (for a population key).
    Population {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// Adults.
        adults: i64,
    }
}

/// Adults per municipality from an SCB population table (CSV as SCB's database exports it).
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction(name = "_adults_from_scb_csv"))]
pub fn adults_from_scb_csv(text: String) -> Result<Vec<Population>, PoError> {
    Ok(po_core::io::read::adults_from_scb_csv(&text)
        .map_err(po)?
        .into_iter()
        .map(|(c, (name, adults))| Population {
            code: c.as_str().to_owned(),
            name,
            adults: signed(adults),
        })
        .collect())
}

/// A population given at the boundary as po-core's key (kommunkod → name and adults).
pub(crate) fn population_key(
    population: Vec<Population>,
) -> Result<BTreeMap<MunicipalityCode, (String, u64)>, PoError> {
    population
        .into_iter()
        .map(|p| {
            let code = code(&p.code, "population.code")?;
            let adults = unsigned(p.adults, "population.adults")?;
            Ok((code, (p.name, adults)))
        })
        .collect()
}
