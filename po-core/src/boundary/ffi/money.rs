//! Money across the boundary: the state grant (SFS 2013:522 7–15 §§) and the cost-sharing
//! agreement by adult population. Amounts are `BigDecimal` / `decimal.Decimal`, exact to the öre.

use crate::money::{self as core, Agreement, IncomeKind, Rounding};
use crate::organisation::{Municipality, MunicipalityCode};
use rust_decimal::Decimal;
use time::Date;

use super::error::{invalid, po};
use super::PoError;

/// The grant per full-time position: the money for positions divided by the positions,
/// rounded down to whole kronor (seed 001).
#[uniffi::export]
pub fn amount_per_position(
    money_for_positions: Decimal,
    positions: Decimal,
) -> Result<Decimal, PoError> {
    core::amount_per_position(money_for_positions, positions).map_err(po)
}

/// A service's grant: amount per position × positions, to the öre.
#[uniffi::export]
pub fn service_grant(amount_per_position: Decimal, positions: Decimal) -> Result<Decimal, PoError> {
    core::service_grant(amount_per_position, positions).map_err(po)
}

/// What a municipality repays under 15 §, and why.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RepaymentRecord {
    /// Liable before any waiver.
    pub liable: Decimal,
    /// Repaid after the waiver.
    pub amount: Decimal,
    /// Why, in Swedish.
    pub reason_sv: String,
    /// Why, in English.
    pub reason_en: String,
    /// The paragraph applied.
    pub source: String,
}

/// Repayment under 15 §; `waived` is `null` (no waiver), or the kronor waived (a full waiver
/// is the whole claim).
#[uniffi::export]
pub fn repayment(
    received: Decimal,
    used_for_purpose: Decimal,
    report_submitted: bool,
    waived: Option<Decimal>,
) -> Result<RepaymentRecord, PoError> {
    let waiver = waived.map_or(core::Waiver::None, core::Waiver::Partial);
    let r = core::repayment(received, used_for_purpose, report_submitted, waiver).map_err(po)?;
    Ok(RepaymentRecord {
        liable: r.liable,
        amount: r.amount,
        reason_sv: r.reason_sv,
        reason_en: r.reason_en,
        source: r.source,
    })
}

/// A municipality in an agreement and its adult population on the reference date.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AgreementParticipantRecord {
    /// The kommunkod, e.g. "1780".
    pub code: String,
    /// The name.
    pub name: String,
    /// Adults (18+) on the reference date.
    pub adults: i64,
    /// The date of the population figure (the same for all participants).
    pub reference_date: Date,
}

/// A cost or income line.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MoneyLineRecord {
    /// `state_grant`, `region` or `other` for income; any text for a cost.
    pub kind: String,
    /// The label.
    pub label: String,
    /// The amount in kronor.
    pub amount: Decimal,
}

/// A cost-sharing agreement for one year.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AgreementRecord {
    /// The budget year.
    pub year: i32,
    /// The host municipality's code.
    pub host: String,
    /// The participating municipalities.
    pub participants: Vec<AgreementParticipantRecord>,
    /// The costs (`kind` is not used).
    pub costs: Vec<MoneyLineRecord>,
    /// Income that is not allocated (state grant, region, other).
    pub fixed_income: Vec<MoneyLineRecord>,
    /// The host's administration fee, paid by all.
    pub administration_fee: Decimal,
    /// Surplus of earlier years used.
    pub surplus_used: Decimal,
    /// `krona` or `ore`: the unit fees are rounded to.
    pub rounding: String,
}

fn code(value: &str, field: &'static str) -> Result<MunicipalityCode, PoError> {
    MunicipalityCode::parse_field(value, field).map_err(po)
}

impl TryFrom<AgreementRecord> for Agreement {
    type Error = PoError;
    fn try_from(a: AgreementRecord) -> Result<Self, PoError> {
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
                    adults: u64::try_from(p.adults).map_err(|_| {
                        invalid(format!(
                            "participants[{i}].adults: expected zero or more, got {}",
                            p.adults
                        ))
                    })?,
                    reference_date: p.reference_date,
                })
            })
            .collect::<Result<Vec<_>, PoError>>()?;
        let fixed_income = a
            .fixed_income
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                Ok(core::IncomeLine {
                    kind: match l.kind.as_str() {
                        "state_grant" => IncomeKind::StateGrant,
                        "region" => IncomeKind::Region,
                        "other" => IncomeKind::Other,
                        other => {
                            return Err(invalid(format!(
                                "fixed_income[{i}].kind: expected state_grant, region or other, got {:?}",
                                crate::privacy::shown(other)
                            )))
                        }
                    },
                    label: l.label,
                    amount: l.amount,
                })
            })
            .collect::<Result<Vec<_>, PoError>>()?;
        Ok(Agreement {
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

impl From<Agreement> for AgreementRecord {
    fn from(a: Agreement) -> Self {
        AgreementRecord {
            year: a.year,
            host: a.host.as_str().to_owned(),
            participants: a
                .participants
                .into_iter()
                .map(|p| AgreementParticipantRecord {
                    code: p.municipality.code.as_str().to_owned(),
                    name: p.municipality.name,
                    adults: i64::try_from(p.adults).unwrap_or(i64::MAX),
                    reference_date: p.reference_date,
                })
                .collect(),
            costs: a
                .costs
                .into_iter()
                .map(|c| MoneyLineRecord {
                    kind: "cost".to_owned(),
                    label: c.label,
                    amount: c.amount,
                })
                .collect(),
            fixed_income: a
                .fixed_income
                .into_iter()
                .map(|l| MoneyLineRecord {
                    kind: match l.kind {
                        IncomeKind::StateGrant => "state_grant",
                        IncomeKind::Region => "region",
                        IncomeKind::Other => "other",
                    }
                    .to_owned(),
                    label: l.label,
                    amount: l.amount,
                })
                .collect(),
            administration_fee: a.administration_fee,
            surplus_used: a.surplus_used,
            rounding: a.rounding.code().to_owned(),
        }
    }
}

/// Reads an agreement from its JSON form (the same document Rust and Python read).
#[uniffi::export]
pub fn agreement_from_json(json: String) -> Result<AgreementRecord, PoError> {
    Agreement::from_json(&json).map(Into::into).map_err(po)
}

/// One participant's share.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ParticipantShareRecord {
    /// The kommunkod.
    pub code: String,
    /// The name.
    pub name: String,
    /// Its adults.
    pub adults: i64,
    /// Its share of all adults, percent (four decimals).
    pub key_percent: Decimal,
    /// Its fee by the key (rounded by the largest-remainder method).
    pub fee: Decimal,
    /// Its part of the administration fee.
    pub administration_fee: Decimal,
    /// What it pays.
    pub total: Decimal,
    /// How the fee was computed, in Swedish.
    pub explanation_sv: String,
    /// The same in English.
    pub explanation_en: String,
}

/// An identity the allocation proves.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckRecord {
    /// What is checked.
    pub name: String,
    /// Left side.
    pub expected: Decimal,
    /// Right side.
    pub actual: Decimal,
    /// Whether they are equal (always true unless po has a bug).
    pub holds: bool,
}

/// The allocation of an agreement.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AllocationRecord {
    /// The year.
    pub year: i32,
    /// `krona` or `ore`.
    pub rounding: String,
    /// All costs.
    pub costs_total: Decimal,
    /// The state grant.
    pub state_grant: Decimal,
    /// The region's part.
    pub region: Decimal,
    /// Other income.
    pub other_income: Decimal,
    /// Administration fee.
    pub administration_fee: Decimal,
    /// Surplus used.
    pub surplus_used: Decimal,
    /// What the municipalities pay together, exact.
    pub municipal_net_exact: Decimal,
    /// The same rounded to the unit: the sum of the fees.
    pub municipal_net: Decimal,
    /// municipal_net − municipal_net_exact.
    pub rounding_difference: Decimal,
    /// Each municipality's share.
    pub participants: Vec<ParticipantShareRecord>,
    /// The identities that hold.
    pub checks: Vec<CheckRecord>,
    /// The version, the method and agreement applied, and the first day of the year.
    pub stamp: crate::boundary::rules::Stamp,
}

impl From<core::Allocation> for AllocationRecord {
    fn from(a: core::Allocation) -> Self {
        AllocationRecord {
            stamp: a.stamp.clone().into(),
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
                .map(|(i, p)| ParticipantShareRecord {
                    code: p.code.as_str().to_owned(),
                    name: p.name.clone(),
                    adults: i64::try_from(p.adults).unwrap_or(i64::MAX),
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
                .map(|c| CheckRecord {
                    name: c.name,
                    expected: c.expected,
                    actual: c.actual,
                    holds: c.holds,
                })
                .collect(),
        }
    }
}

/// Allocates an agreement's municipal net cost by adult population (largest remainder, exact).
#[uniffi::export]
pub fn allocate_costs(agreement: AgreementRecord) -> Result<AllocationRecord, PoError> {
    let agreement: Agreement = agreement.try_into()?;
    core::allocate(&agreement).map(Into::into).map_err(po)
}

/// One municipality in two scenarios.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScenarioRowRecord {
    /// The kommunkod.
    pub code: String,
    /// The name.
    pub name: String,
    /// What it pays in the base scenario (null: not a participant).
    pub base_total: Option<Decimal>,
    /// What it pays in the alternative (null: not a participant).
    pub alternative_total: Option<Decimal>,
    /// alternative − base.
    pub difference: Decimal,
    /// The difference in percent of the base, if the base is not zero.
    pub difference_percent: Option<Decimal>,
}

/// Allocates two agreements (e.g. with and without a municipality) and sets them side by side.
#[uniffi::export]
pub fn compare_agreements(
    base: AgreementRecord,
    alternative: AgreementRecord,
) -> Result<Vec<ScenarioRowRecord>, PoError> {
    let base = core::allocate(&base.try_into()?).map_err(po)?;
    let alternative = core::allocate(&alternative.try_into()?).map_err(po)?;
    Ok(core::compare(&base, &alternative)
        .into_iter()
        .map(|r| ScenarioRowRecord {
            code: r.code.as_str().to_owned(),
            name: r.name,
            base_total: r.base_total,
            alternative_total: r.alternative_total,
            difference: r.difference,
            difference_percent: r.difference_percent,
        })
        .collect())
}
