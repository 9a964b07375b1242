//! Queue priority across the boundary: policies (presets or JSON data), applicants, the ranking
//! with its reasons, and waiting-time statistics.

use std::collections::HashMap;
use std::sync::Arc;

use crate::priority::{self as core, PriorityPolicy};
use rust_decimal::Decimal;
use time::Date;

use super::error::po;
use super::PoError;

/// A priority policy: which groups go first, in order. Rules differ between services, so a
/// policy is data: a named preset or a JSON document.
#[derive(Debug, uniffi::Object)]
pub struct Policy(pub(crate) PriorityPolicy);

#[uniffi::export]
impl Policy {
    /// A named preset: `national_2019`, `varmland_2023` or `stockholm_2021`.
    #[uniffi::constructor]
    pub fn preset(name: String) -> Result<Arc<Policy>, PoError> {
        PriorityPolicy::preset(&name)
            .map(|p| Arc::new(Policy(p)))
            .map_err(po)
    }

    /// A policy from its JSON form, validated.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Policy>, PoError> {
        PriorityPolicy::from_json(&json)
            .map(|p| Arc::new(Policy(p)))
            .map_err(po)
    }

    /// The policy's name.
    pub fn name(&self) -> String {
        self.0.name().to_owned()
    }

    /// Where it comes from (seed or decision).
    pub fn source(&self) -> String {
        self.0.source().to_owned()
    }

    /// The group codes in order of precedence.
    pub fn groups(&self) -> Vec<String> {
        self.0
            .groups()
            .iter()
            .map(|g| g.code().to_owned())
            .collect()
    }

    /// The JSON form (reads back with `fromJson`).
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }
}

/// The names of the policy presets.
#[uniffi::export]
pub fn policy_presets() -> Vec<String> {
    PriorityPolicy::presets()
        .into_iter()
        .map(|(n, _)| n.to_owned())
        .collect()
}

/// Somebody in the queue.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ApplicantRecord {
    /// A case id or pseudonym (never a personnummer).
    pub id: String,
    /// The birth date.
    pub birth_date: Date,
    /// The day the applicant joined the queue.
    pub queued_on: Date,
    /// The area or municipality.
    #[uniffi(default)]
    pub area: Option<String>,
    /// The day the applicant left the queue, if they have.
    #[uniffi(default)]
    pub left_queue_on: Option<Date>,
    /// Has children living at home.
    #[uniffi(default)]
    pub children_at_home: bool,
    /// Those children risk harm.
    #[uniffi(default)]
    pub children_at_risk_of_harm: bool,
    /// Homeless or at risk of homelessness.
    #[uniffi(default)]
    pub homeless_or_at_risk: bool,
    /// Lacks other contacts.
    #[uniffi(default)]
    pub lacking_contacts: bool,
}

impl From<ApplicantRecord> for core::Applicant {
    fn from(a: ApplicantRecord) -> Self {
        core::Applicant {
            id: a.id,
            birth_date: a.birth_date,
            area: a.area,
            queued_on: a.queued_on,
            left_queue_on: a.left_queue_on,
            children_at_home: a.children_at_home,
            children_at_risk_of_harm: a.children_at_risk_of_harm,
            homeless_or_at_risk: a.homeless_or_at_risk,
            lacking_contacts: a.lacking_contacts,
        }
    }
}

/// One place in the ranked queue, with the reason for it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RankedApplicantRecord {
    /// 1 = first.
    pub position: i32,
    /// The applicant's id.
    pub id: String,
    /// The area.
    pub area: Option<String>,
    /// Every group of the policy the applicant belongs to.
    pub matched_groups: Vec<String>,
    /// The group that decided the place (the first matched), if any.
    pub deciding_group: Option<String>,
    /// Days in the queue on the ranking date.
    pub days_waited: i64,
    /// The reason in Swedish.
    pub reason_sv: String,
    /// The reason in English.
    pub reason_en: String,
}

impl From<core::RankedApplicant> for RankedApplicantRecord {
    fn from(r: core::RankedApplicant) -> Self {
        RankedApplicantRecord {
            position: i32::try_from(r.position).unwrap_or(i32::MAX),
            id: r.id,
            area: r.area,
            matched_groups: r.matched_groups,
            deciding_group: r.deciding_group,
            days_waited: r.days_waited,
            reason_sv: r.reason_sv,
            reason_en: r.reason_en,
        }
    }
}

/// A ranking: everyone in the queue, first place first, and its stamp.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RankingRecord {
    /// First place first.
    pub applicants: Vec<RankedApplicantRecord>,
    /// The version, the policy applied and the ranking date.
    pub stamp: crate::boundary::rules::Stamp,
}

/// Ranks the applicants on `on` by the policy (total order: the input order never matters).
#[uniffi::export]
pub fn rank_applicants(
    applicants: Vec<ApplicantRecord>,
    policy: Arc<Policy>,
    on: Date,
) -> Result<RankingRecord, PoError> {
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let ranking = core::rank(&applicants, &policy.0, on).map_err(po)?;
    Ok(RankingRecord {
        applicants: ranking.applicants.into_iter().map(Into::into).collect(),
        stamp: ranking.stamp.into(),
    })
}

/// Waiting times of a group of applicants.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WaitingSummaryRecord {
    /// How many.
    pub count: i64,
    /// Median days (halves when the count is even); null when nobody.
    pub median_days: Option<Decimal>,
    /// Longest wait; null when nobody.
    pub max_days: Option<i64>,
}

impl From<core::WaitingSummary> for WaitingSummaryRecord {
    fn from(w: core::WaitingSummary) -> Self {
        WaitingSummaryRecord {
            count: i64::try_from(w.count).unwrap_or(i64::MAX),
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }
}

/// Queue statistics for a day (`from == to`: everyone queued that day) or a period (everyone
/// who left the queue in it).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct QueueStatisticsRecord {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Everyone.
    pub overall: WaitingSummaryRecord,
    /// Per area.
    pub per_area: HashMap<String, WaitingSummaryRecord>,
    /// The version, the definition applied and the last day.
    pub stamp: crate::boundary::rules::Stamp,
}

/// Waiting-time statistics of the queue.
#[uniffi::export]
pub fn queue_statistics(
    applicants: Vec<ApplicantRecord>,
    from: Date,
    to: Date,
) -> Result<QueueStatisticsRecord, PoError> {
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let s = core::queue_statistics(&applicants, from, to).map_err(po)?;
    Ok(QueueStatisticsRecord {
        from: s.from,
        to: s.to,
        overall: s.overall.into(),
        per_area: s.per_area.into_iter().map(|(k, v)| (k, v.into())).collect(),
        stamp: s.stamp.into(),
    })
}
