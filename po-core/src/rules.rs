//! Dated rule sets and the findings every decision returns.
//!
//! SFS 2013:522 came into force on 2013-08-01 (transitional provision 1). SFS 2019:1094, in force
//! 2020-01-01, amended 3 § and 5 § ("landsting" → "region", "närstående" → "anhörig"). A rule is
//! applied as in force on the date of the decision; a date before 2013-08-01 has no rule set.

use serde::{Deserialize, Serialize};
use time::{macros::date, Date};

/// A version of SFS 2013:522, identified by the act that last amended it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum RuleSet {
    /// SFS 2013:522 as issued, in force 2013-08-01 to 2019-12-31.
    #[serde(rename = "sfs_2013_522")]
    Sfs2013_522,
    /// SFS 2013:522 as amended by SFS 2019:1094, in force from 2020-01-01.
    #[serde(rename = "sfs_2019_1094")]
    Sfs2019_1094,
}

/// What every result carries so that it can be traced to what produced it: the library
/// version, the rules applied (rule set, policy, agreement or method, with sources) and the
/// date they were applied on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stamp {
    /// The version of po.
    pub library_version: String,
    /// The rules applied, in words with their sources.
    pub rules: String,
    /// The date the rules were applied on.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub as_of: Date,
}

impl Stamp {
    /// A stamp of this library's version.
    pub fn new(rules: impl Into<String>, as_of: Date) -> Stamp {
        Stamp {
            library_version: crate::VERSION.to_owned(),
            rules: rules.into(),
            as_of,
        }
    }
}

/// No rule set is in force on the date (before 2013-08-01).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} {date} is before SFS 2013:522 came into force (2013-08-01)")]
pub struct NoRuleSet {
    /// The field that carried the date.
    pub field: &'static str,
    /// The date given.
    pub date: Date,
}

impl RuleSet {
    /// Every rule set, oldest first.
    pub const ALL: [RuleSet; 2] = [RuleSet::Sfs2013_522, RuleSet::Sfs2019_1094];

    /// The rule set in force on `date`; `field` names the input for the error.
    pub fn in_force_on(date: Date, field: &'static str) -> Result<RuleSet, NoRuleSet> {
        RuleSet::ALL
            .iter()
            .rev()
            .find(|r| r.in_force_from() <= date)
            .copied()
            .ok_or(NoRuleSet { field, date })
    }

    /// The first day this rule set applies.
    pub fn in_force_from(self) -> Date {
        match self {
            RuleSet::Sfs2013_522 => date!(2013 - 08 - 01),
            RuleSet::Sfs2019_1094 => date!(2020 - 01 - 01),
        }
    }

    /// The machine code, as in JSON: `sfs_2013_522` or `sfs_2019_1094`.
    pub fn code(self) -> &'static str {
        match self {
            RuleSet::Sfs2013_522 => "sfs_2013_522",
            RuleSet::Sfs2019_1094 => "sfs_2019_1094",
        }
    }

    /// A citation: "SFS 2013:522" or "SFS 2013:522 i lydelse enligt SFS 2019:1094".
    pub fn citation(self) -> &'static str {
        match self {
            RuleSet::Sfs2013_522 => "SFS 2013:522 (ursprunglig lydelse, från 2013-08-01)",
            RuleSet::Sfs2019_1094 => {
                "SFS 2013:522 i lydelse enligt SFS 2019:1094 (från 2020-01-01)"
            }
        }
    }
}

/// Whether a criterion holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The criterion is met.
    Met,
    /// The criterion is not met.
    NotMet,
    /// Not enough is known to tell.
    Unknown,
}

impl Status {
    /// The machine code (`met`, `not_met`, `unknown`), as in the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Unknown => "unknown",
        }
    }
}

/// One criterion of a decision, with its reason in Swedish and English and its legal source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Machine name of the criterion (e.g. `member_region_psychiatry`).
    pub criterion: Text,
    /// Met, not met or unknown.
    pub status: Status,
    /// Why, in Swedish.
    pub reason_sv: Text,
    /// Why, in English.
    pub reason_en: Text,
    /// The legal or seed source of the criterion.
    pub source: Text,
}

/// Text of a decision: most of it is fixed (criteria, sources, plain answers) and borrowed
/// from the library; only text with the person's own details is built. An assessment then
/// costs a handful of allocations, not dozens (BENCHMARKS.md).
pub type Text = std::borrow::Cow<'static, str>;

/// The status of a decision from its findings: not met if any finding is not met, otherwise
/// unknown if any is unknown, otherwise met. One rule for every decision (eligibility, the
/// leadership group), so that a missing answer never reads as "not met".
pub fn overall(findings: &[Finding]) -> Status {
    if findings.iter().any(|f| f.status == Status::NotMet) {
        Status::NotMet
    } else if findings.iter().any(|f| f.status == Status::Unknown) {
        Status::Unknown
    } else {
        Status::Met
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert!(RuleSet::in_force_on(date!(2013 - 07 - 31), "as_of").is_err());
        for r in RuleSet::ALL {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.code())
            );
        }
        assert_eq!(
            RuleSet::in_force_on(date!(2013 - 08 - 01), "x"),
            Ok(RuleSet::Sfs2013_522)
        );
        assert_eq!(
            RuleSet::in_force_on(date!(2019 - 12 - 31), "x"),
            Ok(RuleSet::Sfs2013_522)
        );
        assert_eq!(
            RuleSet::in_force_on(date!(2020 - 01 - 01), "x"),
            Ok(RuleSet::Sfs2019_1094)
        );
        let err = RuleSet::in_force_on(date!(2012 - 01 - 01), "as_of").unwrap_err();
        assert_eq!(
            err.to_string(),
            "as_of 2012-01-01 is before SFS 2013:522 came into force (2013-08-01)"
        );
    }
}
