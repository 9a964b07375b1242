//! Money as Python calls it: every amount through `exact` (a `decimal.Decimal`, an int or a
//! decimal string; a float is refused), the agreement's terms as attributes.

use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::values::date_of;
use super::values::exact;

use crate::money::{
    self as shared, decide_grant, outcome_of, repay, Agreement, AgreementParticipant, Allocation,
    BudgetOutcome, Grant, NationalBudget, Repayment,
};
use po_core::money as core;

/// The amount per full-time position (SFS 2013:522 9 §).
#[pyfunction]
fn amount_per_position(
    money_for_positions: &Bound<'_, PyAny>,
    positions: &Bound<'_, PyAny>,
) -> PyResult<Decimal> {
    Ok(core::amount_per_position(
        exact(money_for_positions, "money_for_positions")?,
        exact(positions, "positions")?,
    )
    .map_err(crate::error::po)?)
}

/// A service's grant: the amount per position times its positions (9 §).
#[pyfunction]
fn service_grant(
    amount_per_position: &Bound<'_, PyAny>,
    positions: &Bound<'_, PyAny>,
) -> PyResult<Decimal> {
    Ok(core::service_grant(
        exact(amount_per_position, "amount_per_position")?,
        exact(positions, "positions")?,
    )
    .map_err(crate::error::po)?)
}

/// The grant decided on `decided_on` (9 §), stamped.
#[pyfunction]
#[pyo3(signature = (amount_per_position, positions, *, decided_on))]
fn grant(
    amount_per_position: &Bound<'_, PyAny>,
    positions: &Bound<'_, PyAny>,
    decided_on: &Bound<'_, PyAny>,
) -> PyResult<Grant> {
    Ok(decide_grant(
        exact(amount_per_position, "amount_per_position")?,
        exact(positions, "positions")?,
        date_of(decided_on, "decided_on")?,
    )?)
}

/// What is to be repaid (15 §), decided on `decided_on`; `waived` is an amount or `"full"`.
#[pyfunction]
#[pyo3(signature = (received, used_for_purpose, *, decided_on, report_submitted = true, waived = None))]
fn repayment(
    received: &Bound<'_, PyAny>,
    used_for_purpose: &Bound<'_, PyAny>,
    decided_on: &Bound<'_, PyAny>,
    report_submitted: bool,
    waived: Option<&Bound<'_, PyAny>>,
) -> PyResult<Repayment> {
    let waiver = match waived.filter(|w| !w.is_none()) {
        None => core::Waiver::None,
        Some(w) if w.extract::<String>().is_ok_and(|s| s == "full") => core::Waiver::Full,
        Some(w) => core::Waiver::Partial(exact(w, "waived")?),
    };
    Ok(repay(
        exact(received, "received")?,
        exact(used_for_purpose, "used_for_purpose")?,
        report_submitted,
        waiver,
        date_of(decided_on, "decided_on")?,
    )?)
}

#[pymethods]
impl NationalBudget {
    #[new]
    #[pyo3(signature = (*, year, total, socialstyrelsen_admin, county_boards_admin))]
    fn new(
        year: i32,
        total: &Bound<'_, PyAny>,
        socialstyrelsen_admin: &Bound<'_, PyAny>,
        county_boards_admin: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(NationalBudget {
            year,
            total: exact(total, "total")?,
            socialstyrelsen_admin: exact(socialstyrelsen_admin, "socialstyrelsen_admin")?,
            county_boards_admin: exact(county_boards_admin, "county_boards_admin")?,
        })
    }

    /// What is left of the appropriation for positions.
    #[pyo3(name = "money_for_positions")]
    fn py_money_for_positions(&self) -> PyResult<Decimal> {
        Ok(shared::money_for_positions(self.clone())?)
    }

    /// How the appropriation was used: spent, net of repayments, and what remains.
    fn outcome(
        &self,
        spent_socialstyrelsen: &Bound<'_, PyAny>,
        spent_county_boards: &Bound<'_, PyAny>,
        paid_for_positions: &Bound<'_, PyAny>,
        repaid: &Bound<'_, PyAny>,
    ) -> PyResult<BudgetOutcome> {
        Ok(outcome_of(
            self,
            exact(spent_socialstyrelsen, "spent_socialstyrelsen")?,
            exact(spent_county_boards, "spent_county_boards")?,
            exact(paid_for_positions, "paid_for_positions")?,
            exact(repaid, "repaid")?,
        )?)
    }
}

#[pymethods]
impl Agreement {
    /// From its JSON form, validated.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<Self> {
        Ok(Self::of_json(text)?)
    }

    /// The year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// The host municipality's code.
    #[getter]
    fn host(&self) -> String {
        self.0.host.as_str().to_owned()
    }

    /// The participants.
    #[getter]
    fn participants(&self) -> Vec<AgreementParticipant> {
        self.terms().participants
    }

    /// The costs, summed.
    #[getter(costs_total)]
    fn py_costs_total(&self) -> Decimal {
        self.total_costs()
    }

    /// The same agreement without the municipality `code`.
    #[pyo3(name = "without")]
    fn py_without(&self, code: &str) -> PyResult<Self> {
        Ok(self.leaving_out(code)?)
    }

    /// The same agreement with another state grant.
    #[pyo3(name = "with_state_grant")]
    fn py_with_state_grant(&self, amount: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(self.granted(exact(amount, "amount")?))
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

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Repayment>()?;
    m.add_class::<Grant>()?;
    m.add_class::<shared::GrantCalendar>()?;
    m.add_class::<NationalBudget>()?;
    m.add_class::<BudgetOutcome>()?;
    m.add_class::<AgreementParticipant>()?;
    m.add_class::<shared::AgreementTerms>()?;
    m.add_class::<shared::MoneyLine>()?;
    m.add_class::<Agreement>()?;
    m.add_class::<shared::ParticipantShare>()?;
    m.add_class::<shared::Check>()?;
    m.add_class::<Allocation>()?;
    m.add_class::<shared::ScenarioRow>()?;
    m.add_class::<shared::ClientShareRow>()?;
    m.add_class::<shared::Population>()?;
    m.add_function(wrap_pyfunction!(amount_per_position, m)?)?;
    m.add_function(wrap_pyfunction!(service_grant, m)?)?;
    m.add_function(wrap_pyfunction!(repayment, m)?)?;
    m.add_function(wrap_pyfunction!(grant, m)?)?;
    m.add_function(wrap_pyfunction!(shared::grant_calendar, m)?)?;
    m.add_function(wrap_pyfunction!(shared::compare_agreements, m)?)?;
    m.add_function(wrap_pyfunction!(shared::client_share_vs_key, m)?)?;
    m.add_function(wrap_pyfunction!(shared::adults_from_scb_csv, m)?)?;
    Ok(())
}
