//! A cost-sharing agreement for a year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::organisation::{Municipality, MunicipalityCode};

/// A participant: a municipality with its adults (18+) on the reference date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgreementParticipant {
    /// The municipality.
    pub municipality: Municipality,
    /// Residents aged 18 and over (the key; seeds 000, 003, 004).
    pub adults: u64,
    /// The date the population was counted (e.g. 31 December of the year before).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub reference_date: Date,
}

/// A budgeted cost line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostLine {
    /// What (e.g. "Lönekostnader").
    pub label: String,
    /// Kronor.
    pub amount: Decimal,
}

/// The kind of a fixed income.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum IncomeKind {
    /// The state grant (SFS 2013:522).
    StateGrant,
    /// The region's contribution (Region Värmland: 200 000 kr, seed 003).
    Region,
    /// Anything else.
    Other,
}

impl IncomeKind {
    /// The code: `state_grant`, `region` or `other` (as in an agreement's JSON).
    pub fn code(self) -> &'static str {
        match self {
            IncomeKind::StateGrant => "state_grant",
            IncomeKind::Region => "region",
            IncomeKind::Other => "other",
        }
    }

    /// From its code.
    ///
    /// # Errors
    /// [`crate::codes::UnknownCode`] naming the three codes.
    pub fn parse(code: &str) -> Result<IncomeKind, crate::codes::UnknownCode> {
        [
            IncomeKind::StateGrant,
            IncomeKind::Region,
            IncomeKind::Other,
        ]
        .into_iter()
        .find(|k| k.code() == code.trim())
        .ok_or_else(|| crate::codes::UnknownCode {
            labelled: false,
            list: "income_kind",
            value: crate::privacy::shown(code),
            accepted: "state_grant, region, other".into(),
        })
    }
}

/// A fixed income line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncomeLine {
    /// The kind.
    pub kind: IncomeKind,
    /// What (e.g. "Länsstyrelsen").
    pub label: String,
    /// Kronor.
    pub amount: Decimal,
}

/// How fees are rounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Rounding {
    /// Whole kronor (the default; invoices are in whole kronor).
    #[default]
    Krona,
    /// Öre.
    Ore,
}

impl Rounding {
    /// The code: `krona` or `ore` (as in an agreement's JSON).
    pub fn code(self) -> &'static str {
        match self {
            Rounding::Krona => "krona",
            Rounding::Ore => "ore",
        }
    }

    /// From its code.
    ///
    /// # Errors
    /// [`crate::codes::UnknownCode`] naming the two codes.
    pub fn parse(code: &str) -> Result<Rounding, crate::codes::UnknownCode> {
        [Rounding::Krona, Rounding::Ore]
            .into_iter()
            .find(|r| r.code() == code.trim())
            .ok_or_else(|| crate::codes::UnknownCode {
                labelled: false,
                list: "rounding",
                value: crate::privacy::shown(code),
                accepted: "krona, ore".into(),
            })
    }

    /// The rounding unit in kronor.
    pub fn unit(self) -> Decimal {
        match self {
            Rounding::Krona => Decimal::ONE,
            Rounding::Ore => Decimal::new(1, 2),
        }
    }
}

/// A year's agreement of a joint PO service: participants, budgeted costs, fixed income, the
/// administration fee paid through to the host, surplus used from earlier years, and rounding.
/// The municipalities together pay costs − fixed income − administration fee − surplus used,
/// split by adults (18+), and the administration fee on top, split by the same key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agreement {
    /// The year.
    pub year: i32,
    /// The host municipality.
    pub host: MunicipalityCode,
    /// The participants.
    pub participants: Vec<AgreementParticipant>,
    /// Budgeted costs.
    pub costs: Vec<CostLine>,
    /// Fixed income (state grant, region, other).
    #[serde(default)]
    pub fixed_income: Vec<IncomeLine>,
    /// The administration fee the municipalities pay through to the host.
    #[serde(default)]
    pub administration_fee: Decimal,
    /// Surplus from earlier years used this year.
    #[serde(default)]
    pub surplus_used: Decimal,
    /// The rounding unit.
    #[serde(default)]
    pub rounding: Rounding,
}

impl Agreement {
    /// The JSON form, which [`Agreement::from_json`] reads back (amounts as strings).
    pub fn to_json(&self) -> String {
        // Strings, integers, decimals and dates only: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an agreement from its JSON form (the serde form of [`Agreement`]); amounts may be
    /// JSON strings or numbers. The checks run when it is allocated.
    pub fn from_json(text: &str) -> Result<Agreement, super::MoneyError> {
        serde_json::from_str(text).map_err(|e| super::MoneyError::InvalidAgreement {
            reason: e.to_string(),
        })
    }

    /// The same agreement without `code` (a municipality leaves; seed 003: one leaves in 2025).
    /// The host cannot leave this way.
    pub fn without(&self, code: MunicipalityCode) -> Agreement {
        let mut a = self.clone();
        a.participants.retain(|p| p.municipality.code != code);
        a
    }

    /// The same agreement with the state-grant lines replaced by one of `amount`.
    pub fn with_state_grant(&self, amount: Decimal) -> Agreement {
        let mut a = self.clone();
        a.fixed_income.retain(|i| i.kind != IncomeKind::StateGrant);
        a.fixed_income.push(IncomeLine {
            kind: IncomeKind::StateGrant,
            label: "Statsbidrag".to_owned(),
            amount,
        });
        a
    }

    /// Total budgeted costs.
    pub fn costs_total(&self) -> Decimal {
        self.costs.iter().map(|c| c.amount).sum()
    }

    /// Total fixed income.
    pub fn fixed_income_total(&self) -> Decimal {
        self.fixed_income.iter().map(|i| i.amount).sum()
    }

    /// Total of the fixed income lines of one kind.
    pub fn income_of(&self, kind: IncomeKind) -> Decimal {
        self.fixed_income
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.amount)
            .sum()
    }
}

/// A year's accounts (outcome): income and cost lines, their totals and the result, as the
/// annual report tabulates them (seed 003, "Resultat Personligt ombud helår 2023").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounts {
    /// Income lines.
    pub income: Vec<CostLine>,
    /// Cost lines.
    pub costs: Vec<CostLine>,
}

impl Accounts {
    /// Total income.
    pub fn income_total(&self) -> Decimal {
        self.income.iter().map(|l| l.amount).sum()
    }
    /// Total costs.
    pub fn costs_total(&self) -> Decimal {
        self.costs.iter().map(|l| l.amount).sum()
    }
    /// Income − costs (positive = surplus).
    pub fn result(&self) -> Decimal {
        self.income_total() - self.costs_total()
    }
}
