//! The leadership-group check across the boundary.

use crate::codes::CodeList;
use crate::organisation::{LeadershipGroup, LeadershipMember, LeadershipRole};
use crate::rules::{Finding, Status};
use time::Date;

use super::error::po;
use super::PoError;

/// Met, not met or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FindingStatus {
    /// The criterion is met.
    Met,
    /// The criterion is not met.
    NotMet,
    /// Not enough is known.
    Unknown,
}

impl From<Status> for FindingStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Met => FindingStatus::Met,
            Status::NotMet => FindingStatus::NotMet,
            Status::Unknown => FindingStatus::Unknown,
        }
    }
}

/// One criterion with its reasons and source.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FindingRecord {
    /// Machine name of the criterion.
    pub criterion: String,
    /// Met, not met, unknown.
    pub status: FindingStatus,
    /// Reason in Swedish.
    pub reason_sv: String,
    /// Reason in English.
    pub reason_en: String,
    /// Legal source.
    pub source: String,
}

impl From<Finding> for FindingRecord {
    fn from(f: Finding) -> Self {
        FindingRecord {
            criterion: f.criterion.into_owned(),
            status: f.status.into(),
            reason_sv: f.reason_sv.into_owned(),
            reason_en: f.reason_en.into_owned(),
            source: f.source.into_owned(),
        }
    }
}

/// A member: the role (a `leadership_role` code or label) and the organisation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LeadershipMemberRecord {
    /// Role code or label, e.g. `region_psychiatry` or "Regionens psykiatri".
    pub role: String,
    /// The organisation, free text.
    pub organisation: String,
}

/// The result of the 5 § check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LeadershipCheckRecord {
    /// The date checked.
    pub as_of: Date,
    /// `sfs_2013_522` or `sfs_2019_1094`.
    pub rule_set: String,
    /// The version of po.
    pub library_version: String,
    /// Overall status.
    pub compliant: FindingStatus,
    /// Codes of required roles with no member.
    pub missing: Vec<String>,
    /// The findings.
    pub findings: Vec<FindingRecord>,
}

/// Checks a leadership group against SFS 2013:522 5 § as in force on `as_of`.
#[uniffi::export]
pub fn check_leadership_group(
    members: Vec<LeadershipMemberRecord>,
    organisations_offered_seat: Option<bool>,
    as_of: Date,
) -> Result<LeadershipCheckRecord, PoError> {
    let check = LeadershipGroup {
        members: members_of(members)?,
        organisations_offered_seat,
    }
    .check(as_of)
    .map_err(po)?;
    Ok(check.into())
}

/// Members from their records; a role is a `leadership_role` code or label.
pub(crate) fn members_of(
    members: Vec<LeadershipMemberRecord>,
) -> Result<Vec<LeadershipMember>, PoError> {
    members
        .into_iter()
        .map(|m| {
            Ok(LeadershipMember {
                role: LeadershipRole::parse(&m.role).map_err(po)?,
                organisation: m.organisation,
            })
        })
        .collect()
}

impl From<crate::organisation::LeadershipCheck> for LeadershipCheckRecord {
    fn from(check: crate::organisation::LeadershipCheck) -> Self {
        LeadershipCheckRecord {
            as_of: check.as_of,
            rule_set: check.rule_set.code().to_owned(),
            library_version: check.library_version,
            compliant: check.compliant.into(),
            missing: check.missing.iter().map(|r| r.code().to_owned()).collect(),
            findings: check
                .findings
                .into_iter()
                .map(FindingRecord::from)
                .collect(),
        }
    }
}
