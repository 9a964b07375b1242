//! Money: the state grant (SFS 2013:522 7–15 §§) and cost sharing by adult population.
//! Amounts are `decimal.Decimal` in and out; a float is refused.

use std::collections::BTreeMap;

use crate::money::{self as core, Agreement as CoreAgreement};
use crate::organisation::MunicipalityCode;
use pyo3::prelude::*;
use rust_decimal::Decimal;
use time::Date;

use super::errors::to_py;
use super::values::{count, exact, value_class};

/// The grant per full-time position: money for positions / positions, rounded down to whole
/// kronor (seed 001: 99 960 000 / 333 = 300 180).
#[pyfunction]
fn amount_per_position(
    money_for_positions: &Bound<'_, PyAny>,
    positions: &Bound<'_, PyAny>,
) -> PyResult<Decimal> {
    core::amount_per_position(
        exact(money_for_positions, "money_for_positions")?,
        exact(positions, "positions")?,
    )
    .map_err(to_py)
}

/// A service's grant: amount per position × positions, to the öre (two decimals).
#[pyfunction]
fn service_grant(
    amount_per_position: &Bound<'_, PyAny>,
    positions: &Bound<'_, PyAny>,
) -> PyResult<Decimal> {
    core::service_grant(
        exact(amount_per_position, "amount_per_position")?,
        exact(positions, "positions")?,
    )
    .map_err(to_py)
}

value_class! {
    /// What a municipality repays under 15 § and why.
    Repayment {
        /// What the municipality is liable to repay before any waiver.
        liable: Decimal,
        /// What it repays after the waiver.
        amount: Decimal,
        /// Why, in Swedish.
        reason_sv: String,
        /// Why, in English.
        reason_en: String,
        /// The legal source.
        source: String,
    }
}

/// Repayment under 15 §: the whole grant without the 10 § report, otherwise the part not used
/// for its purpose; `waived` is None, "full" or the kronor waived.
#[pyfunction]
#[pyo3(signature = (received, used_for_purpose, *, report_submitted = true, waived = None))]
fn repayment(
    received: &Bound<'_, PyAny>,
    used_for_purpose: &Bound<'_, PyAny>,
    report_submitted: bool,
    waived: Option<&Bound<'_, PyAny>>,
) -> PyResult<Repayment> {
    let waiver = match waived.filter(|w| !w.is_none()) {
        None => core::Waiver::None,
        Some(w) if w.extract::<String>().is_ok_and(|s| s == "full") => core::Waiver::Full,
        Some(w) => core::Waiver::Partial(exact(w, "waived")?),
    };
    let r = core::repayment(
        exact(received, "received")?,
        exact(used_for_purpose, "used_for_purpose")?,
        report_submitted,
        waiver,
    )
    .map_err(to_py)?;
    Ok(Repayment {
        liable: r.liable,
        amount: r.amount,
        reason_sv: r.reason_sv,
        reason_en: r.reason_en,
        source: r.source,
    })
}

value_class! {
    /// The deadlines of a grant year (10 §, 12 §, 14 §).
    GrantCalendar {
        /// The grant year.
        year: i32,
        /// Application to the county board (länsstyrelsen): 1 March of the year, as
        /// announced each year (not a date in SFS 2013:522; 8 § says what the
        /// application contains).
        application_due: Date,
        /// The municipality's report to the county board: 15 January the year after (10 §).
        municipal_report_due: Date,
        /// The county board's report to Socialstyrelsen: 1 March the year after (12 §).
        county_board_report_due: Date,
        /// Socialstyrelsen's report to the government: 15 May the year after (14 §).
        socialstyrelsen_report_due: Date,
    }
}

/// The calendar of grant year `year`.
#[pyfunction]
fn grant_calendar(year: i32) -> PyResult<GrantCalendar> {
    let c = core::grant_calendar(year).map_err(to_py)?;
    Ok(GrantCalendar {
        year: c.year,
        application_due: c.application_due,
        municipal_report_due: c.municipal_report_due,
        county_board_report_due: c.county_board_report_due,
        socialstyrelsen_report_due: c.socialstyrelsen_report_due,
    })
}

value_class! {
    /// The national grant budget of a year (seed 001 table 5).
    NationalBudget {
        /// The year.
        year: i32,
        /// Money Socialstyrelsen may use under the ordinance.
        total: Decimal,
        /// Set aside for Socialstyrelsen's administration.
        socialstyrelsen_admin: Decimal,
        /// Set aside for the county boards' administration.
        county_boards_admin: Decimal,
    }
    methods {
        #[new]
        #[pyo3(signature = (*, year, total, socialstyrelsen_admin, county_boards_admin))]
        fn new(year: i32, total: &Bound<'_, PyAny>, socialstyrelsen_admin: &Bound<'_, PyAny>, county_boards_admin: &Bound<'_, PyAny>) -> PyResult<Self> {
            Ok(NationalBudget {
                year,
                total: exact(total, "total")?,
                socialstyrelsen_admin: exact(socialstyrelsen_admin, "socialstyrelsen_admin")?,
                county_boards_admin: exact(county_boards_admin, "county_boards_admin")?,
            })
        }

        /// What is left for positions after administration.
        fn money_for_positions(&self) -> PyResult<Decimal> {
            self.to_core().money_for_positions().map_err(to_py)
        }

        /// (spent, net after repayments, returned to the state).
        fn outcome(&self, spent_socialstyrelsen: &Bound<'_, PyAny>, spent_county_boards: &Bound<'_, PyAny>, paid_for_positions: &Bound<'_, PyAny>, repaid: &Bound<'_, PyAny>) -> PyResult<(Decimal, Decimal, Decimal)> {
            self.to_core()
                .outcome(
                    exact(spent_socialstyrelsen, "spent_socialstyrelsen")?,
                    exact(spent_county_boards, "spent_county_boards")?,
                    exact(paid_for_positions, "paid_for_positions")?,
                    exact(repaid, "repaid")?,
                )
                .map_err(to_py)
        }
    }
}

impl NationalBudget {
    fn to_core(&self) -> core::NationalBudget {
        core::NationalBudget {
            year: self.year,
            total: self.total,
            socialstyrelsen_admin: self.socialstyrelsen_admin,
            county_boards_admin: self.county_boards_admin,
        }
    }
}

value_class! {
    /// A municipality in an agreement with its adult population on the reference date.
    AgreementParticipant {
        /// The municipality code (kommunkod, four digits).
        code: String,
        /// The municipality's name.
        name: String,
        /// Residents aged 18 and over (the key; seeds 000, 003, 004).
        adults: u64,
        /// The date the population was counted (e.g. 31 December of the year before).
        reference_date: Date,
    }
}

/// A cost-sharing agreement for one year (read from JSON or a dict; see `examples/data`).
#[pyclass(frozen, eq, module = "personligt_ombud")]
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement(pub(crate) CoreAgreement);

fn code(value: &str, field: &'static str) -> PyResult<MunicipalityCode> {
    MunicipalityCode::parse_field(value, field).map_err(to_py)
}

#[pymethods]
impl Agreement {
    /// Reads the JSON form (amounts as strings or numbers, dates as ISO strings).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        CoreAgreement::from_json(text).map(Agreement).map_err(to_py)
    }

    /// The JSON form.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The budget year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// The host municipality's code.
    #[getter]
    fn host(&self) -> &str {
        self.0.host.as_str()
    }

    /// The participants.
    #[getter]
    fn participants(&self) -> Vec<AgreementParticipant> {
        self.0
            .participants
            .iter()
            .map(|p| AgreementParticipant {
                code: p.municipality.code.as_str().to_owned(),
                name: p.municipality.name.clone(),
                adults: p.adults,
                reference_date: p.reference_date,
            })
            .collect()
    }

    /// The sum of the costs.
    #[getter]
    fn costs_total(&self) -> Decimal {
        self.0.costs_total()
    }

    /// The same agreement without municipality `code` (a scenario: it leaves).
    fn without(&self, code_: &str) -> PyResult<Self> {
        Ok(Agreement(self.0.without(code(code_, "code")?)))
    }

    /// The same agreement with a different state grant.
    fn with_state_grant(&self, amount: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Agreement(self.0.with_state_grant(exact(amount, "amount")?)))
    }

    /// Allocates the municipal net cost by adult population (largest remainder, exact).
    fn allocate(&self) -> PyResult<Allocation> {
        core::allocate(&self.0).map(Allocation::from).map_err(to_py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Agreement(year={}, host='{}', participants={}, costs_total=Decimal('{}'))",
            self.0.year,
            self.0.host.as_str(),
            self.0.participants.len(),
            self.0.costs_total()
        )
    }
}

value_class! {
    /// One participant's share: its key, fee, part of the administration fee, total, and how
    /// the fee was computed (sv, en).
    ParticipantShare {
        /// The municipality code.
        code: String,
        /// The name.
        name: String,
        /// Adults (18+): the numerator of the key.
        adults: u64,
        /// All participants' adults: the denominator of the key.
        adults_total: u64,
        /// The key as a percentage, rounded to four decimals (for reading only; the
        /// computation uses the exact fraction `adults / adults_total`).
        key_percent: Decimal,
        /// Its part of the municipal net cost.
        fee: Decimal,
        /// Its part of the administration fee.
        administration_fee: Decimal,
        /// What it pays: fee + administration fee.
        total: Decimal,
        /// How each figure was computed, in Swedish.
        explanation_sv: String,
        /// How each figure was computed, in English.
        explanation_en: String,
    }
}

value_class! {
    /// An identity the allocation proves (holds unless po has a bug).
    Check {
        /// What is checked.
        name: String,
        /// The left side.
        expected: Decimal,
        /// The right side.
        actual: Decimal,
        /// Whether they are equal.
        holds: bool,
    }
}

value_class! {
    /// The allocation of an agreement: totals, each participant's share, the checks.
    Allocation {
        /// The year.
        year: i32,
        /// `krona` or `ore`: the unit the fees are rounded to.
        rounding: String,
        /// Budgeted costs.
        costs_total: Decimal,
        /// State grant.
        state_grant: Decimal,
        /// Region's contribution.
        region: Decimal,
        /// Other fixed income.
        other_income: Decimal,
        /// Administration fee.
        administration_fee: Decimal,
        /// Surplus used.
        surplus_used: Decimal,
        /// Costs − fixed income − administration fee − surplus used, unrounded.
        municipal_net_exact: Decimal,
        /// The municipal net rounded to the unit: the amount split between the municipalities.
        municipal_net: Decimal,
        /// municipal_net − municipal_net_exact (zero when the budget is in whole units).
        rounding_difference: Decimal,
        /// The participants, in the agreement's order.
        participants: Vec<ParticipantShare>,
        /// The checks; all hold for a correct allocation.
        checks: Vec<Check>,
        /// The version, the method and agreement applied, and the first day of the year.
        stamp: crate::boundary::rules::Stamp,
    }
}

impl From<core::Allocation> for Allocation {
    fn from(a: core::Allocation) -> Self {
        Allocation {
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
            participants: a
                .participants
                .iter()
                .enumerate()
                .map(|(i, p)| ParticipantShare {
                    code: p.code.as_str().to_owned(),
                    name: p.name.clone(),
                    adults: p.adults,
                    adults_total: p.adults_total,
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
                .cloned()
                .map(|c| Check {
                    name: c.name,
                    expected: c.expected,
                    actual: c.actual,
                    holds: c.holds,
                })
                .collect(),
            stamp: a.stamp.clone().into(),
        }
    }
}

value_class! {
    /// One municipality in two scenarios.
    ScenarioRow {
        /// The municipality code.
        code: String,
        /// The name.
        name: String,
        /// What it pays in the base allocation.
        base_total: Option<Decimal>,
        /// What it pays in the alternative.
        alternative_total: Option<Decimal>,
        /// alternative − base, in kronor (a missing side counts as 0).
        difference: Decimal,
        /// The difference in percent of the base, two decimals; `None` without a base.
        difference_percent: Option<Decimal>,
    }
}

/// Allocates two agreements and sets every municipality side by side.
#[pyfunction]
#[pyo3(name = "_compare_agreements")]
fn compare_agreements(base: &Agreement, alternative: &Agreement) -> PyResult<Vec<ScenarioRow>> {
    let b = core::allocate(&base.0).map_err(to_py)?;
    let a = core::allocate(&alternative.0).map_err(to_py)?;
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

value_class! {
    /// A municipality's share of the clients against its share of the key.
    ClientShareRow {
        /// The municipality code.
        code: String,
        /// The name.
        name: String,
        /// Its clients.
        clients: u64,
        /// Its share of all clients, percent, two decimals.
        client_percent: Decimal,
        /// Its share of the key, percent, two decimals.
        key_percent: Decimal,
        /// client_percent − key_percent, percentage points.
        difference_points: Decimal,
    }
}

/// Each participant's share of `clients` (kommunkod → clients) against its key share.
#[pyfunction]
#[pyo3(name = "_client_share_vs_key")]
fn client_share_vs_key(
    agreement: &Agreement,
    clients: BTreeMap<String, i64>,
) -> PyResult<Vec<ClientShareRow>> {
    let allocation = core::allocate(&agreement.0).map_err(to_py)?;
    let clients = clients
        .into_iter()
        .map(|(c, n)| Ok((code(&c, "clients")?, count(n, "clients")?)))
        .collect::<PyResult<BTreeMap<_, _>>>()?;
    Ok(core::client_share_vs_key(&allocation, &clients)
        .map_err(to_py)?
        .into_iter()
        .map(|r| ClientShareRow {
            code: r.code.as_str().to_owned(),
            name: r.name,
            clients: r.clients,
            client_percent: r.client_percent,
            key_percent: r.key_percent,
            difference_points: r.difference_points,
        })
        .collect())
}

value_class! {
    /// Adults (18+) of a municipality, e.g. from SCB's table.
    Population {
        /// The municipality code (kommunkod, four digits).
        code: String,
        /// The municipality's name.
        name: String,
        /// Residents aged 18 and over.
        adults: u64,
    }
}

/// Reads an SCB-style table of adults per municipality (kommunkod, name, adults).
#[pyfunction]
#[pyo3(name = "_adults_from_scb_csv")]
fn adults_from_scb_csv(text: &str) -> PyResult<Vec<Population>> {
    Ok(core::adults_from_scb_csv(text)
        .map_err(to_py)?
        .into_iter()
        .map(|(c, (name, adults))| Population {
            code: c.as_str().to_owned(),
            name,
            adults,
        })
        .collect())
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Repayment>()?;
    m.add_class::<GrantCalendar>()?;
    m.add_class::<NationalBudget>()?;
    m.add_class::<AgreementParticipant>()?;
    m.add_class::<Agreement>()?;
    m.add_class::<ParticipantShare>()?;
    m.add_class::<Check>()?;
    m.add_class::<Allocation>()?;
    m.add_class::<ScenarioRow>()?;
    m.add_class::<ClientShareRow>()?;
    m.add_class::<Population>()?;
    m.add_function(wrap_pyfunction!(amount_per_position, m)?)?;
    m.add_function(wrap_pyfunction!(service_grant, m)?)?;
    m.add_function(wrap_pyfunction!(repayment, m)?)?;
    m.add_function(wrap_pyfunction!(grant_calendar, m)?)?;
    m.add_function(wrap_pyfunction!(compare_agreements, m)?)?;
    m.add_function(wrap_pyfunction!(client_share_vs_key, m)?)?;
    m.add_function(wrap_pyfunction!(adults_from_scb_csv, m)?)?;
    Ok(())
}
