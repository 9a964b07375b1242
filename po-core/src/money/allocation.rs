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
    /// What it pays: fee + administration fee. How each figure was computed:
    /// [`Allocation::explanation_sv`] / [`Allocation::explanation_en`].
    pub total: Decimal,
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
    /// The version, the method and agreement applied, and the first day of the year.
    pub stamp: crate::rules::Stamp,
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
    // The `left` largest remainders (ties: more adults, then the lower code: a total order)
    // get one unit each; which ones is all that matters, so select them instead of sorting.
    let left = usize::try_from(left).unwrap_or(0).min(remainders.len());
    if left > 0 {
        remainders.select_nth_unstable_by(left - 1, |a, b| {
            b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
        });
    }
    for r in &remainders[..left] {
        parts[r.3] += 1;
    }
    parts
}

/// `part / total` as a percentage with four decimals, rounded half to even, computed exactly
/// in integers (`part` ≤ 10¹⁰, so `part · 10⁶` fits easily).
fn percent_4dp(part: u64, total: u64) -> Decimal {
    let (num, t) = (u128::from(part) * 1_000_000, u128::from(total.max(1)));
    let (q, r) = (num / t, num % t);
    let q = if 2 * r > t || (2 * r == t && q % 2 == 1) {
        q + 1
    } else {
        q
    };
    Decimal::from_i128_with_scale(i128::try_from(q).unwrap_or(i128::MAX), 4)
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
    let participants: Vec<ParticipantShare> = a
        .participants
        .iter()
        .zip(fees.iter().zip(admins.iter()))
        .map(|(p, (&f, &ad))| {
            let fee = from_units(f);
            let administration_fee = from_units(ad);
            let key_percent = percent_4dp(p.adults, adults_total);
            let total = fee + administration_fee;
            ParticipantShare {
                code: p.municipality.code,
                name: p.municipality.name.clone(),
                adults: p.adults,
                adults_total,
                key_percent,
                fee,
                administration_fee,
                total,
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
        stamp: crate::rules::Stamp::new(
            format!(
                "cost sharing in proportion to adults (seeds 000, 003, 004), largest remainder in \
                 whole {}; agreement {} of host {}",
                match a.rounding {
                    Rounding::Krona => "kronor",
                    Rounding::Ore => "öre",
                },
                a.year,
                a.host
            ),
            time::Date::from_calendar_date(a.year, time::Month::January, 1)
                .unwrap_or(time::Date::MIN),
        ),
    })
}

impl Allocation {
    /// How participant `index`'s figures were computed, in Swedish, checkable by hand (the
    /// exact share, its rounding, the administration fee). Built on request: an allocation of
    /// 290 municipalities need not format 580 paragraphs nobody reads (BENCHMARKS.md).
    pub fn explanation_sv(&self, index: usize) -> Option<String> {
        let p = self.participants.get(index)?;
        let f = self.figures(p);
        Some(format!(
            "{name} har {adults} invånare 18 år och äldre av {all} i de {n} kommunerna ({pct} %). \
             Kommunernas nettokostnad är {net} kr (kostnader {costs} kr − statsbidrag {grant} kr − region {region} kr \
             − övriga intäkter {other} kr − administrationsavgift {admin} kr − använt överskott {surplus} kr). \
             Andel: {net} × {adults} / {all} = {quota} kr, avrundat till {fee} kr enligt största-rest-metoden. \
             Administrationsavgift: {admin} × {adults} / {all} = {admin_quota} kr, avrundat till {afee} kr. \
             Att betala: {total} kr.",
            name = p.name, adults = sv(p.adults.into()), all = sv(p.adults_total.into()),
            n = self.participants.len(), pct = sv(p.key_percent), net = sv(self.municipal_net),
            costs = sv(self.costs_total), grant = sv(self.state_grant), region = sv(self.region),
            other = sv(self.other_income), admin = sv(f.admin), surplus = sv(self.surplus_used),
            quota = sv(f.quota), fee = sv(p.fee), admin_quota = sv(f.admin_quota),
            afee = sv(p.administration_fee), total = sv(p.total),
        ))
    }

    /// The same in English.
    pub fn explanation_en(&self, index: usize) -> Option<String> {
        let p = self.participants.get(index)?;
        let f = self.figures(p);
        Some(format!(
            "{name} has {adults} residents aged 18 or over of {all} in the {n} municipalities ({key_percent} %). \
             The municipalities' net cost is {net} kr (costs {costs_total} kr − state grant {state_grant} kr − region {region} kr \
             − other income {other_income} kr − administration fee {admin} kr − surplus used {surplus} kr). \
             Share: {net} × {adults} / {all} = {quota} kr, rounded to {fee} kr by the largest-remainder method. \
             Administration fee: {admin} × {adults} / {all} = {admin_quota} kr, rounded to {administration_fee} kr. \
             To pay: {total} kr.",
            name = p.name, adults = p.adults, all = p.adults_total, n = self.participants.len(),
            key_percent = p.key_percent, net = self.municipal_net, costs_total = self.costs_total,
            state_grant = self.state_grant, region = self.region, other_income = self.other_income,
            admin = f.admin, surplus = self.surplus_used, quota = f.quota, fee = p.fee,
            admin_quota = f.admin_quota, administration_fee = p.administration_fee, total = p.total,
        ))
    }

    /// The exact shares behind a participant's rounded figures.
    fn figures(&self, p: &ParticipantShare) -> Figures {
        let dp = if self.rounding == Rounding::Krona {
            0
        } else {
            2
        };
        let admin = self
            .administration_fee
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        let share = |amount: Decimal| {
            (amount * Decimal::from(p.adults) / Decimal::from(p.adults_total)).round_dp(4)
        };
        Figures {
            quota: share(self.municipal_net),
            admin_quota: share(admin),
            admin,
        }
    }
}

struct Figures {
    quota: Decimal,
    admin_quota: Decimal,
    admin: Decimal,
}

fn validate(a: &Agreement) -> Result<(), MoneyError> {
    if a.participants.is_empty() {
        return Err(MoneyError::EmptyAgreement);
    }
    let first_year = a.participants[0].reference_date.year();
    // The earliest repetition of a code, found by sorting (no quadratic scan of 290 × 290).
    let mut codes: Vec<(MunicipalityCode, usize)> = a
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| (p.municipality.code, i))
        .collect();
    codes.sort_unstable();
    let repeated = codes
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[1].1)
        .min()
        .unwrap_or(usize::MAX);
    for (index, p) in a.participants.iter().enumerate() {
        if index == repeated {
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
    fn key_percent_is_exact_and_rounds_half_to_even() {
        assert_eq!(percent_4dp(1, 3).to_string(), "33.3333");
        assert_eq!(percent_4dp(2, 3).to_string(), "66.6667");
        assert_eq!(percent_4dp(1, 8).to_string(), "12.5000");
        // Exactly half a unit of the fourth decimal: to the even neighbour.
        assert_eq!(percent_4dp(1, 2_000_000).to_string(), "0.0000");
        assert_eq!(percent_4dp(3, 2_000_000).to_string(), "0.0002");
        assert_eq!(percent_4dp(97_233, 266_608).to_string(), "36.4704");
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
