//! Queue priority across the boundary: policies (presets or JSON data), applicants, the ranking
//! with its reasons, and waiting-time statistics.

use std::collections::HashMap;

use rust_decimal::Decimal;
use time::Date;

use po_core::priority as core;

use super::error::{po, PoError};
use super::record::{record, signed};
use super::rules::Stamp;

/// A priority policy: the groups that go first, in order. A named preset or a JSON document.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, from_py_object, module = "personligt_ombud")
)]
pub struct PriorityPolicy(pub(crate) core::PriorityPolicy);

impl PriorityPolicy {
    /// The policy's name.
    pub(crate) fn policy_name(&self) -> String {
        self.0.name().to_owned()
    }

    /// Where it comes from (seed or decision).
    pub(crate) fn policy_source(&self) -> String {
        self.0.source().to_owned()
    }

    /// The group codes in order of precedence.
    pub(crate) fn group_codes(&self) -> Vec<String> {
        self.0
            .groups()
            .iter()
            .map(|g| g.code().to_owned())
            .collect()
    }
}

#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl PriorityPolicy {
    /// The JSON form (reads back with `from_json`).
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }
}

impl PriorityPolicy {
    /// A named preset: `national_2019`, `varmland_2023` or `stockholm_2021`.
    pub(crate) fn of_preset(name: &str) -> Result<Self, PoError> {
        core::PriorityPolicy::preset(name)
            .map(PriorityPolicy)
            .map_err(po)
    }

    /// A policy from its JSON form, validated.
    pub(crate) fn of_json(json: &str) -> Result<Self, PoError> {
        core::PriorityPolicy::from_json(json)
            .map(PriorityPolicy)
            .map_err(po)
    }
}

/// The names of the policy presets.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn policy_presets() -> Vec<String> {
    core::PriorityPolicy::presets()
        .into_iter()
        .map(|(n, _)| n.to_owned())
        .collect()
}

record! {
    /// Somebody in the queue. `id` is a case id or pseudonym, never a personnummer.
    Applicant {
        /// Unique id (pseudonym, queue number).
        id: String,
        /// Birth date (for age and the young-adult group).
        birth_date: Date,
        /// The day the person was placed in the queue.
        queued_on: Date,
        /// Area (område) or municipality, for statistics.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        area: Option<String>,
        /// The day the person left the queue (got an ombud, withdrew), if they have.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        left_queue_on: Option<Date>,
        /// Has children living at home.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        children_at_home: bool,
        /// The children at home risk harm ("riskerar att fara illa").
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        children_at_risk_of_harm: bool,
        /// Homeless or at risk of eviction or homelessness.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        homeless_or_at_risk: bool,
        /// Lacks contacts, services or a social network.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        lacking_contacts: bool,
    }
}

impl From<core::Applicant> for Applicant {
    fn from(a: core::Applicant) -> Self {
        Applicant {
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

impl From<Applicant> for core::Applicant {
    fn from(a: Applicant) -> Self {
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

record! {
    /// A place in the ranked queue, with the reason in Swedish and English.
    RankedApplicant {
        /// 1 = first.
        position: i64,
        /// The applicant's id.
        id: String,
        /// Their area.
        area: Option<String>,
        /// Every priority group they belong to.
        matched_groups: Vec<String>,
        /// The group that placed them (none: by waiting time alone).
        deciding_group: Option<String>,
        /// Days in the queue on the ranking date.
        days_waited: i64,
        /// Why this place, in Swedish.
        reason_sv: String,
        /// Why this place, in English.
        reason_en: String,
    }
}

record! {
    /// A ranking: the applicants, first place first, and the stamp (the version of po, the
    /// policy applied with its source, the ranking date).
    Ranking {
        /// First place first.
        applicants: Vec<RankedApplicant>,
        /// What was applied, and when.
        stamp: Stamp,
        /// The ids of those who had left the queue by the ranking date: not ranked, named.
        not_ranked: Vec<String>,
    }
}

/// The ranking of the applicants on `on` by `policy` as an .xlsx workbook (`sv` or `en`): one
/// row per place with its reason.
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn ranking_xlsx(
    applicants: Vec<Applicant>,
    policy: &PriorityPolicy,
    on: Date,
    language: String,
) -> Result<Vec<u8>, PoError> {
    let lang = po_core::Language::parse(&language).map_err(po)?;
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let ranking = core::rank(&applicants, &policy.0, on).map_err(po)?;
    po_core::io::write::ranking_to_xlsx(&ranking, on, lang).map_err(po)
}

/// Ranks the applicants on `on` by `policy`. The order is total: the input order never matters.
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn rank(
    applicants: Vec<Applicant>,
    policy: &PriorityPolicy,
    on: Date,
) -> Result<Ranking, PoError> {
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let ranking = core::rank(&applicants, &policy.0, on).map_err(po)?;
    Ok(Ranking {
        applicants: ranking
            .applicants
            .into_iter()
            .map(|r| RankedApplicant {
                position: i64::from(r.position),
                id: r.id,
                area: r.area,
                matched_groups: r.matched_groups,
                deciding_group: r.deciding_group,
                days_waited: r.days_waited,
                reason_sv: r.reason_sv,
                reason_en: r.reason_en,
            })
            .collect(),
        stamp: ranking.stamp.into(),
        not_ranked: ranking.not_ranked,
    })
}

record! {
    /// Waiting days of a group: how many, the median and the longest.
    WaitingSummary {
        /// How many.
        count: i64,
        /// Median days; none when nobody.
        median_days: Option<Decimal>,
        /// Longest wait in days; none when nobody.
        max_days: Option<i64>,
    }
}

impl From<core::WaitingSummary> for WaitingSummary {
    fn from(w: core::WaitingSummary) -> Self {
        WaitingSummary {
            count: signed(w.count as u64),
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }
}

record! {
    /// Waiting-time statistics of the queue on a day or for a period.
    QueueStatistics {
        /// First day.
        from_date: Date,
        /// Last day.
        to_date: Date,
        /// Everybody.
        overall: WaitingSummary,
        /// Per area.
        per_area: HashMap<String, WaitingSummary>,
        /// The version of po, the method and the period's last day.
        stamp: Stamp,
    }
}

/// Waiting-time statistics on one day (`from_date == to_date`) or for a period. (Python's
/// `_queue_statistics` reads its dates as dates or ISO strings: `python::priority`.)
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn queue_statistics(
    applicants: Vec<Applicant>,
    from_date: Date,
    to_date: Date,
) -> Result<QueueStatistics, PoError> {
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let s = core::queue_statistics(&applicants, from_date, to_date).map_err(po)?;
    Ok(QueueStatistics {
        from_date: s.from,
        to_date: s.to,
        overall: s.overall.into(),
        per_area: s.per_area.into_iter().map(|(k, v)| (k, v.into())).collect(),
        stamp: s.stamp.into(),
    })
}
