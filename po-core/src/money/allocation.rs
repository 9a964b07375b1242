//! Allocation of the municipal total by adult population, with largest-remainder rounding.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::error::non_negative;
use super::{Agreement, IncomeKind, MoneyError, Rounding};
use crate::organisation::MunicipalityCode;

/// One participant's share and what it pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantShare {
    /// The municipality code.
    pub code: MunicipalityCode,
    /// The name.
    pub name: String,
    /// Adults (18+): the numerator of the key.
    pub adults: u64,
    /// All participants' adults: the denominator of the key.
    pub adults_total: u64,
    /// The key as a percentage, rounded to four decimals (for reading only; the computation
    /// uses the exact fraction `adults / adults_total`).
    pub key_percent: Decimal,
    /// Its part of the municipal net cost.
    pub fee: Decimal,
    /// Its part of the administration fee.
    pub administration_fee: Decimal,
    /// What it pays: fee + administration fee.
    pub total: Decimal,
    /// How the figures were computed, in Swedish, checkable by hand.
    pub explanation_sv: String,
    /// The same in English.
    pub explanation_en: String,
}

/// An identity that must hold, with both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// What is checked.
    pub name: String,
    /// The left side.
    pub expected: Decimal,
    /// The right side.
    pub actual: Decimal,
    /// Whether they are equal.
    pub holds: bool,
}

impl Check {
    fn new(name: &str, expected: Decimal, actual: Decimal) -> Check {
        Check {
            name: name.to_owned(),
            expected,
            actual,
            holds: expected == actual,
        }
    }
}

/// The allocation of an agreement: every participant's share, the totals, and the checks that
/// prove every part adds up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    /// The year.
    pub year: i32,
    /// The rounding used.
    pub rounding: Rounding,
    /// Budgeted costs.
    pub costs_total: Decimal,
    /// State grant.
    pub state_grant: Decimal,
    /// Region's contribution.
    pub region: Decimal,
    /// Other fixed income.
    pub other_income: Decimal,
    /// Administration fee.
    pub administration_fee: Decimal,
    /// Surplus used.
    pub surplus_used: Decimal,
    /// Costs − fixed income − administration fee − surplus used, unrounded.
    pub municipal_net_exact: Decimal,
    /// The municipal net rounded to the unit: the amount split between the municipalities.
    pub municipal_net: Decimal,
    /// municipal_net − municipal_net_exact (zero when the budget is in whole units).
    pub rounding_difference: Decimal,
    /// The participants, in the agreement's order.
    pub participants: Vec<ParticipantShare>,
    /// The checks; all hold for a correct allocation.
    pub checks: Vec<Check>,
}

/// Splits `total` units in proportion to `weights` by the largest-remainder (Hamilton) method:
/// everyone gets the floor of their exact quota, and the units left over go one each to the
/// largest remainders; ties go to the larger weight, then to the lower municipality code. The
/// parts add up exactly to `total`, and the result does not depend on the input order.
///
/// Like every method that keeps each part within one unit of its exact quota, it is not
/// population-monotone (Balinski–Young): when a participant leaves and the total stays the
/// same, every remaining exact quota rises, yet a remaining part can fall by one unit (tested,
/// with a concrete case, in `tests/money.rs`). The method was kept; the exact quotas in
/// each explanation show the finance officer the difference.
fn largest_remainder(total: i128, weights: &[(u64, MunicipalityCode)]) -> Vec<i128> {
    let w_total: i128 = weights.iter().map(|w| i128::from(w.0)).sum();
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, u64, MunicipalityCode, usize)> =
        Vec::with_capacity(weights.len());
    for (i, &(w, code)) in weights.iter().enumerate() {
        let product = total * i128::from(w);
        parts.push(product.div_euclid(w_total));
        remainders.push((product.rem_euclid(w_total), w, code, i));
    }
    let left = total - parts.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    for r in remainders.iter().take(usize::try_from(left).unwrap_or(0)) {
        parts[r.3] += 1;
    }
    parts
}

/// Allocates an agreement. Errors: no participants, a municipality twice, zero adults, the host
/// not participating, negative amounts, reference dates of different years or after the
/// agreement year, fixed income above the costs.
pub fn allocate(a: &Agreement) -> Result<Allocation, MoneyError> {
    validate(a)?;
    let unit = a.rounding.unit();
    let costs_total = a.costs_total();
    let fixed = a.fixed_income_total();
    let exact = costs_total - fixed - a.administration_fee - a.surplus_used;
    if exact.is_sign_negative() && !exact.is_zero() {
        return Err(MoneyError::IncomeExceedsCost {
            excess: (-exact).to_string(),
        });
    }
    let dp = if a.rounding == Rounding::Krona { 0 } else { 2 };
    let net = exact.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let admin = a
        .administration_fee
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    // Both amounts are rounded to the unit, so this division is exact.
    let to_units = |d: Decimal, field: &str| -> Result<i128, MoneyError> {
        (d / unit).trunc().to_i128().ok_or(MoneyError::Overflow {
            field: field.into(),
        })
    };
    let weights: Vec<(u64, MunicipalityCode)> = a
        .participants
        .iter()
        .map(|p| (p.adults, p.municipality.code))
        .collect();
    let adults_total: u64 = weights.iter().map(|w| w.0).sum();
    let fees = largest_remainder(to_units(net, "municipal_net")?, &weights);
    let admins = largest_remainder(to_units(admin, "administration_fee")?, &weights);
    let from_units = |u: i128| Decimal::from_i128_with_scale(u, dp);

    let state_grant = a.income_of(IncomeKind::StateGrant);
    let region = a.income_of(IncomeKind::Region);
    let other_income = a.income_of(IncomeKind::Other);
    let n = a.participants.len();
    let participants: Vec<ParticipantShare> = a
        .participants
        .iter()
        .zip(fees.iter().zip(admins.iter()))
        .map(|(p, (&f, &ad))| {
            let fee = from_units(f);
            let administration_fee = from_units(ad);
            let key = Decimal::from(p.adults) / Decimal::from(adults_total);
            let key_percent = (key * Decimal::ONE_HUNDRED).round_dp(4);
            let quota = (net * Decimal::from(p.adults) / Decimal::from(adults_total)).round_dp(4);
            let admin_quota = (admin * Decimal::from(p.adults) / Decimal::from(adults_total)).round_dp(4);
            let total = fee + administration_fee;
            let explanation_sv = format!(
                "{name} har {adults} invånare 18 år och äldre av {all} i de {n} kommunerna ({pct} %). \
                 Kommunernas nettokostnad är {net} kr (kostnader {costs} kr − statsbidrag {grant} kr − region {region} kr \
                 − övriga intäkter {other} kr − administrationsavgift {admin} kr − använt överskott {surplus} kr). \
                 Andel: {net} × {adults} / {all} = {quota} kr, avrundat till {fee} kr enligt största-rest-metoden. \
                 Administrationsavgift: {admin} × {adults} / {all} = {admin_quota} kr, avrundat till {afee} kr. \
                 Att betala: {total} kr.",
                name = p.municipality.name, adults = sv(p.adults.into()), all = sv(adults_total.into()),
                pct = sv(key_percent), net = sv(net), costs = sv(costs_total), grant = sv(state_grant),
                region = sv(region), other = sv(other_income), admin = sv(admin), surplus = sv(a.surplus_used),
                quota = sv(quota), fee = sv(fee), admin_quota = sv(admin_quota), afee = sv(administration_fee),
                total = sv(total),
            );
            let explanation_en = format!(
                "{name} has {adults} residents aged 18 or over of {all} in the {n} municipalities ({key_percent} %). \
                 The municipalities' net cost is {net} kr (costs {costs_total} kr − state grant {state_grant} kr − region {region} kr \
                 − other income {other_income} kr − administration fee {admin} kr − surplus used {surplus} kr). \
                 Share: {net} × {adults} / {all} = {quota} kr, rounded to {fee} kr by the largest-remainder method. \
                 Administration fee: {admin} × {adults} / {all} = {admin_quota} kr, rounded to {administration_fee} kr. \
                 To pay: {total} kr.",
                name = p.municipality.name, adults = p.adults, all = adults_total, surplus = a.surplus_used,
            );
            ParticipantShare {
                code: p.municipality.code,
                name: p.municipality.name.clone(),
                adults: p.adults,
                adults_total,
                key_percent,
                fee,
                administration_fee,
                total,
                explanation_sv,
                explanation_en,
            }
        })
        .collect();

    let sum_fees: Decimal = participants.iter().map(|p| p.fee).sum();
    let sum_admin: Decimal = participants.iter().map(|p| p.administration_fee).sum();
    let sum_total: Decimal = participants.iter().map(|p| p.total).sum();
    let checks = vec![
        Check::new("sum of fees = municipal net", net, sum_fees),
        Check::new(
            "sum of administration fees = administration fee",
            admin,
            sum_admin,
        ),
        Check::new(
            "sum of totals = municipal net + administration fee",
            net + admin,
            sum_total,
        ),
        Check::new(
            "costs = fixed income + administration fee + surplus used + municipal net (exact)",
            costs_total,
            fixed + a.administration_fee + a.surplus_used + exact,
        ),
    ];
    Ok(Allocation {
        year: a.year,
        rounding: a.rounding,
        costs_total,
        state_grant,
        region,
        other_income,
        administration_fee: a.administration_fee,
        surplus_used: a.surplus_used,
        municipal_net_exact: exact,
        municipal_net: net,
        rounding_difference: net - exact,
        participants,
        checks,
    })
}

fn validate(a: &Agreement) -> Result<(), MoneyError> {
    if a.participants.is_empty() {
        return Err(MoneyError::EmptyAgreement);
    }
    let first_year = a.participants[0].reference_date.year();
    for (index, p) in a.participants.iter().enumerate() {
        if a.participants[..index]
            .iter()
            .any(|q| q.municipality.code == p.municipality.code)
        {
            return Err(MoneyError::DuplicateParticipant {
                index,
                municipality: p.municipality.code.to_string(),
            });
        }
        if p.adults > super::error::MAX_ADULTS {
            return Err(MoneyError::Overflow {
                field: format!("participants[{index}].adults"),
            });
        }
        if p.adults == 0 {
            return Err(MoneyError::NotPositive {
                field: format!("participants[{index}].adults"),
                value: "0".into(),
            });
        }
        let y = p.reference_date.year();
        if y != first_year {
            return Err(MoneyError::InconsistentYear {
                index,
                date: p.reference_date.to_string(),
                expected: format!("the year of participants[0] ({first_year})"),
            });
        }
        if y > a.year {
            return Err(MoneyError::InconsistentYear {
                index,
                date: p.reference_date.to_string(),
                expected: format!("a date not after the agreement year {}", a.year),
            });
        }
    }
    if !a.participants.iter().any(|p| p.municipality.code == a.host) {
        return Err(MoneyError::HostNotParticipant {
            municipality: a.host.to_string(),
        });
    }
    for (i, c) in a.costs.iter().enumerate() {
        non_negative(&format!("costs[{i}].amount"), c.amount)?;
    }
    for (i, c) in a.fixed_income.iter().enumerate() {
        non_negative(&format!("fixed_income[{i}].amount"), c.amount)?;
    }
    non_negative("administration_fee", a.administration_fee)?;
    non_negative("surplus_used", a.surplus_used)?;
    Ok(())
}

/// Swedish number format: space between thousands, decimal comma ("3 042 151", "32,6621").
pub(crate) fn sv(d: Decimal) -> String {
    let s = d.to_string();
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers() {
        assert_eq!(sv(Decimal::new(3042151, 0)), "3 042 151");
        assert_eq!(sv(Decimal::new(3266210, 5)), "32,66210");
        assert_eq!(sv(Decimal::new(-1234567, 2)), "-12 345,67");
        assert_eq!(sv(Decimal::new(999, 0)), "999");
    }

    #[test]
    fn largest_remainder_ties() {
        let c = |s| MunicipalityCode::parse(s).unwrap();
        // 10 over three equal weights: 3.33 each; the one unit left goes to the lowest code.
        let parts = largest_remainder(10, &[(1, c("1785")), (1, c("1780")), (1, c("1784"))]);
        assert_eq!(parts, vec![3, 4, 3]);
        // Equal remainders, larger weight first: 7 × 1/4 = 1.75 and 7 × 3/4 = 5.25 → 2 and 5.
        assert_eq!(
            largest_remainder(7, &[(1, c("1780")), (3, c("1784"))]),
            vec![2, 5]
        );
    }
}
