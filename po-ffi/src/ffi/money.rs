//! Money as Kotlin/Java call it: amounts as `BigDecimal`, the agreement built from JSON or from
//! its terms.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::{po, PoError};
use crate::money::{
    decide_grant, outcome_of, repay, Agreement, AgreementTerms, BudgetOutcome, Grant,
    NationalBudget, Repayment,
};
use po_core::money as core;

/// The amount per full-time position: the money for positions over the positions applied for
/// (SFS 2013:522 9 §).
#[uniffi::export]
pub fn amount_per_position(
    money_for_positions: Decimal,
    positions: Decimal,
) -> Result<Decimal, PoError> {
    core::amount_per_position(money_for_positions, positions).map_err(po)
}

/// A service's grant: the amount per position times its positions (9 §).
#[uniffi::export]
pub fn service_grant(amount_per_position: Decimal, positions: Decimal) -> Result<Decimal, PoError> {
    core::service_grant(amount_per_position, positions).map_err(po)
}

/// The grant decided on `decided_on` (9 §), stamped.
#[uniffi::export]
pub fn grant(
    amount_per_position: Decimal,
    positions: Decimal,
    decided_on: time::Date,
) -> Result<Grant, PoError> {
    decide_grant(amount_per_position, positions, decided_on)
}

/// What is to be repaid (15 §), decided on `decided_on`; `waived` is what Socialstyrelsen
/// waives (null: nothing), or everything with `waived_in_full`.
#[uniffi::export(default(report_submitted = true, waived = None, waived_in_full = false))]
pub fn repayment(
    received: Decimal,
    used_for_purpose: Decimal,
    decided_on: time::Date,
    report_submitted: bool,
    waived: Option<Decimal>,
    waived_in_full: bool,
) -> Result<Repayment, PoError> {
    let waiver = match (waived_in_full, waived) {
        (true, _) => core::Waiver::Full,
        (false, Some(w)) => core::Waiver::Partial(w),
        (false, None) => core::Waiver::None,
    };
    repay(
        received,
        used_for_purpose,
        report_submitted,
        waiver,
        decided_on,
    )
}

/// How a year's appropriation was used: spent, net of repayments, and what remains.
#[uniffi::export]
pub fn budget_outcome(
    budget: NationalBudget,
    spent_socialstyrelsen: Decimal,
    spent_county_boards: Decimal,
    paid_for_positions: Decimal,
    repaid: Decimal,
) -> Result<BudgetOutcome, PoError> {
    outcome_of(
        &budget,
        spent_socialstyrelsen,
        spent_county_boards,
        paid_for_positions,
        repaid,
    )
}

#[uniffi::export]
impl Agreement {
    /// From its JSON form, validated.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, PoError> {
        Self::of_json(&json).map(Arc::new)
    }

    /// From its terms, validated (each field named in the error).
    #[uniffi::constructor]
    pub fn from_terms(terms: AgreementTerms) -> Result<Arc<Self>, PoError> {
        Self::of_terms(terms).map(Arc::new)
    }

    /// The same agreement without the municipality `code`.
    pub fn without(&self, code: String) -> Result<Arc<Self>, PoError> {
        self.leaving_out(&code).map(Arc::new)
    }

    /// The same agreement with another state grant.
    pub fn with_state_grant(&self, amount: Decimal) -> Arc<Self> {
        Arc::new(self.granted(amount))
    }

    /// The costs, summed.
    pub fn costs_total(&self) -> Decimal {
        self.total_costs()
    }
}
