//! The state grant: amount per position, a service's grant, repayment (15 §), the calendar, and
//! the national budget (seed 001 table 5).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::error::non_negative;
use super::MoneyError;

/// What one full-time position is worth in a year: the money available for positions divided by
/// the positions applied for, **rounded down to whole kronor** so that the grants paid never
/// exceed the money (SFS 2013:522 6 §: "i mån av tillgång på medel"). Seed 001 (2019):
/// 99 960 000 kr / 333 positions = 300 180.18… → 300 180 kr, leaving 60 kr unallocated.
pub fn amount_per_position(
    money_for_positions: Decimal,
    positions: Decimal,
) -> Result<Decimal, MoneyError> {
    non_negative("money_for_positions", money_for_positions)?;
    if positions <= Decimal::ZERO {
        return Err(MoneyError::NotPositive {
            field: "positions".into(),
            value: positions.to_string(),
        });
    }
    money_for_positions
        .checked_div(positions)
        .map(|a| a.floor())
        .ok_or(MoneyError::Overflow {
            field: "money_for_positions".into(),
        })
}

/// A service's grant as decided: the amount per position, the positions, the grant, and the
/// stamp (the version of po, SFS 2013:522 9 §, the decision date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// What one full-time position is worth.
    pub amount_per_position: Decimal,
    /// The service's full-time positions (part-time counted proportionally).
    pub positions: Decimal,
    /// The grant, kronor and öre ([`service_grant`]).
    pub amount: Decimal,
    /// What was applied, and when.
    pub stamp: crate::rules::Stamp,
}

/// The grant decided on `decided_on` for `positions` at `amount_per_position` ([`service_grant`],
/// stamped).
pub fn grant(
    amount_per_position: Decimal,
    positions: Decimal,
    decided_on: Date,
) -> Result<Grant, MoneyError> {
    Ok(Grant {
        amount: service_grant(amount_per_position, positions)?,
        amount_per_position,
        positions,
        stamp: crate::rules::Stamp::new(
            "SFS 2013:522 9 § (the amount per position times the positions; part-time \
             proportionally, HSLF-FS 2016:98), rounded to öre",
            decided_on,
        ),
    })
}

/// A service's grant: the amount per position times its full-time positions, part-time counted
/// proportionally (HSLF-FS 2016:98, DOMAIN § 7), rounded half away from zero to öre.
/// Värmland 2023 (seed 003): 10 × 394 873 = 3 948 730 kr.
pub fn service_grant(
    amount_per_position: Decimal,
    positions: Decimal,
) -> Result<Decimal, MoneyError> {
    non_negative("amount_per_position", amount_per_position)?;
    non_negative("positions", positions)?;
    amount_per_position
        .checked_mul(positions)
        .map(|g| {
            // Always two decimals (kronor and öre), so every binding prints the same string.
            let mut g = g.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            g.rescale(2);
            g
        })
        .ok_or(MoneyError::Overflow {
            field: "positions".into(),
        })
}

/// A waiver of repayment, decided by Socialstyrelsen "om det finns särskilda skäl" (15 § second
/// paragraph). Always an explicit input: po never guesses one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Waiver {
    /// No waiver.
    #[default]
    None,
    /// The whole claim is waived.
    Full,
    /// This many kronor are waived (at most the claim).
    Partial(Decimal),
}

/// What a municipality must repay, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repayment {
    /// What the municipality is liable to repay before any waiver.
    pub liable: Decimal,
    /// What it repays after the waiver.
    pub amount: Decimal,
    /// Why, in Swedish.
    pub reason_sv: String,
    /// Why, in English.
    pub reason_en: String,
    /// The legal source.
    pub source: String,
    /// The version of po, 15 § as applied, and the decision date.
    pub stamp: crate::rules::Stamp,
}

/// Repayment under 15 §: the whole grant when the 10 § report is missing (15 § first paragraph
/// 1), otherwise the part not used for its purpose (15 § first paragraph 2); less any waiver;
/// decided (and stamped) on `decided_on`.
pub fn repayment(
    received: Decimal,
    used_for_purpose: Decimal,
    report_submitted: bool,
    waiver: Waiver,
    decided_on: Date,
) -> Result<Repayment, MoneyError> {
    non_negative("received", received)?;
    non_negative("used_for_purpose", used_for_purpose)?;
    let (liable, point, sv, en) = if !report_submitted {
        (
            received,
            "1",
            "Redovisningen enligt 10 § saknas: hela bidraget ska återbetalas.".to_owned(),
            "The 10 § report is missing: the whole grant is to be repaid.".to_owned(),
        )
    } else {
        let unused = (received - used_for_purpose).max(Decimal::ZERO);
        (
            unused,
            "2",
            format!("{unused} kr av bidraget har inte använts för sitt ändamål."),
            format!("{unused} kr of the grant was not used for its purpose."),
        )
    };
    let waived = match waiver {
        Waiver::None => Decimal::ZERO,
        Waiver::Full => liable,
        Waiver::Partial(x) => {
            non_negative("waiver", x)?;
            x.min(liable)
        }
    };
    let (sv, en) = if waived.is_zero() {
        (sv, en)
    } else {
        (
            format!("{sv} Socialstyrelsen har efterskänkt {waived} kr."),
            format!("{en} Socialstyrelsen waived {waived} kr."),
        )
    };
    let source = format!(
        "SFS 2013:522 15 § första stycket {point}{}",
        if waived.is_zero() {
            ""
        } else {
            " och andra stycket"
        }
    );
    Ok(Repayment {
        liable,
        amount: liable - waived,
        reason_sv: sv,
        reason_en: en,
        stamp: crate::rules::Stamp::new(source.clone(), decided_on),
        source,
    })
}

/// The deadlines of a grant year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantCalendar {
    /// The grant year.
    pub year: i32,
    /// Application to the county board (länsstyrelsen): 1 March of the year, as announced
    /// each year (not a date in SFS 2013:522; 8 § says what the application contains).
    pub application_due: Date,
    /// The municipality's report to the county board: 15 January the year after (10 §).
    pub municipal_report_due: Date,
    /// The county board's report to Socialstyrelsen: 1 March the year after (12 §).
    pub county_board_report_due: Date,
    /// Socialstyrelsen's report to the government: 15 May the year after (14 §).
    pub socialstyrelsen_report_due: Date,
}

/// The calendar of grant year `year`.
pub fn grant_calendar(year: i32) -> Result<GrantCalendar, MoneyError> {
    let d = |y: i32, m: Month, day: u8| {
        Date::from_calendar_date(y, m, day).map_err(|_| MoneyError::NotPositive {
            field: "year".into(),
            value: year.to_string(),
        })
    };
    Ok(GrantCalendar {
        year,
        application_due: d(year, Month::March, 1)?,
        municipal_report_due: d(year + 1, Month::January, 15)?,
        county_board_report_due: d(year + 1, Month::March, 1)?,
        socialstyrelsen_report_due: d(year + 1, Month::May, 15)?,
    })
}

/// The national budget of a year and its outcome (seed 001 table 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalBudget {
    /// The year.
    pub year: i32,
    /// Money Socialstyrelsen may use under the ordinance.
    pub total: Decimal,
    /// Set aside for Socialstyrelsen's administration.
    pub socialstyrelsen_admin: Decimal,
    /// Set aside for the county boards' administration.
    pub county_boards_admin: Decimal,
}

/// A year's national budget with what its administration spent: seed 001 table 5 has the
/// budget and the outcome of Socialstyrelsen's and the county boards' administration beside
/// the grant for positions, whose outcome (paid and repaid) the services' submissions give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetAccount {
    /// The budget.
    #[serde(flatten)]
    pub budget: NationalBudget,
    /// What Socialstyrelsen's administration spent (seed 001: 1 500 000).
    pub spent_socialstyrelsen: Decimal,
    /// What the county boards' administration spent (seed 001: 3 000 000).
    pub spent_county_boards: Decimal,
}

impl BudgetAccount {
    /// Reads the JSON form: the [`NationalBudget`]'s fields and the two spent.
    ///
    /// # Errors
    /// [`MoneyError::InvalidAgreement`] saying why (serde's words name the place).
    pub fn from_json(text: &str) -> Result<BudgetAccount, MoneyError> {
        let account: BudgetAccount =
            serde_json::from_str(text).map_err(|e| MoneyError::InvalidBudget {
                reason: e.to_string(),
            })?;
        account.check()?;
        Ok(account)
    }

    /// Every amount zero or more, and the administrations within the total (else the grant
    /// for positions would be negative).
    ///
    /// # Errors
    /// [`MoneyError`] naming the amount.
    pub fn check(&self) -> Result<(), MoneyError> {
        self.budget.check()?;
        non_negative("spent_socialstyrelsen", self.spent_socialstyrelsen)?;
        non_negative("spent_county_boards", self.spent_county_boards)?;
        let admin = self.budget.socialstyrelsen_admin + self.budget.county_boards_admin;
        if admin > self.budget.total {
            return Err(MoneyError::InvalidBudget {
                reason: format!(
                    "the administrations' {admin} kr exceed the total {} kr",
                    self.budget.total
                ),
            });
        }
        Ok(())
    }
}

impl NationalBudget {
    /// The money available for positions: the total less both administrations.
    pub fn money_for_positions(&self) -> Result<Decimal, MoneyError> {
        self.check()?;
        Ok(self.total - self.socialstyrelsen_admin - self.county_boards_admin)
    }

    /// The outcome: (spent in total, net after repayments, returned to the treasury).
    /// Seed 001: 1 500 000 + 3 000 000 + 99 230 503 = 103 730 503; less 1 630 200 repaid =
    /// 102 100 303; 104 460 000 − 102 100 303 = 2 359 697 returned.
    pub fn outcome(
        &self,
        spent_socialstyrelsen: Decimal,
        spent_county_boards: Decimal,
        paid_for_positions: Decimal,
        repaid: Decimal,
    ) -> Result<(Decimal, Decimal, Decimal), MoneyError> {
        self.check()?;
        non_negative("spent_socialstyrelsen", spent_socialstyrelsen)?;
        non_negative("spent_county_boards", spent_county_boards)?;
        non_negative("paid_for_positions", paid_for_positions)?;
        non_negative("repaid", repaid)?;
        let spent = spent_socialstyrelsen + spent_county_boards + paid_for_positions;
        let net = spent - repaid;
        Ok((spent, net, self.total - net))
    }

    fn check(&self) -> Result<(), MoneyError> {
        non_negative("total", self.total)?;
        non_negative("socialstyrelsen_admin", self.socialstyrelsen_admin)?;
        non_negative("county_boards_admin", self.county_boards_admin)
    }
}
