//! Queue priority: policies as data (presets or JSON), applicants, the ranking with reasons, and
//! waiting-time statistics.

use std::collections::BTreeMap;

use crate::priority::{self as core, PriorityPolicy as CorePolicy};
use pyo3::prelude::*;
use rust_decimal::Decimal;
use time::Date;

use super::errors::{invalid, to_py};
use super::values::value_class;

value_class! {
    /// Somebody in the queue. `id` is a case id or pseudonym, never a personnummer.
    Applicant {
        /// Unique id (pseudonym, queue number).
        id: String,
        /// Birth date (for age and the young-adult group).
        birth_date: Date,
        /// The day the person was placed in the queue.
        queued_on: Date,
        /// Area (område) or municipality, for statistics.
        area: Option<String>,
        /// The day the person left the queue (got an ombud, withdrew), if they have.
        left_queue_on: Option<Date>,
        /// Has children living at home.
        children_at_home: bool,
        /// The children at home risk harm ("riskerar att fara illa").
        children_at_risk_of_harm: bool,
        /// Homeless or at risk of eviction or homelessness.
        homeless_or_at_risk: bool,
        /// Lacks contacts, services or a social network.
        lacking_contacts: bool,
    }
    methods {
        #[new]
        #[pyo3(signature = (id, birth_date, queued_on, *, area = None, left_queue_on = None, children_at_home = false, children_at_risk_of_harm = false, homeless_or_at_risk = false, lacking_contacts = false))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            id: String,
            birth_date: Date,
            queued_on: Date,
            area: Option<String>,
            left_queue_on: Option<Date>,
            children_at_home: bool,
            children_at_risk_of_harm: bool,
            homeless_or_at_risk: bool,
            lacking_contacts: bool,
        ) -> Self {
            Applicant {
                id,
                birth_date,
                queued_on,
                area,
                left_queue_on,
                children_at_home,
                children_at_risk_of_harm,
                homeless_or_at_risk,
                lacking_contacts,
            }
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

/// A priority policy: the groups that go first, in order. A named preset or a JSON document.
#[pyclass(frozen, eq, module = "personligt_ombud")]
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityPolicy(pub(crate) CorePolicy);

#[pymethods]
impl PriorityPolicy {
    /// A named preset: `national_2019`, `varmland_2023` or `stockholm_2021`.
    #[staticmethod]
    fn preset(name: &str) -> PyResult<Self> {
        CorePolicy::preset(name).map(PriorityPolicy).map_err(to_py)
    }

    /// A policy from its JSON form, validated.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        CorePolicy::from_json(text)
            .map(PriorityPolicy)
            .map_err(to_py)
    }

    /// The JSON form (reads back with `from_json`).
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The policy's name.
    #[getter]
    fn name(&self) -> &str {
        self.0.name()
    }

    /// Where it comes from.
    #[getter]
    fn source(&self) -> &str {
        self.0.source()
    }

    /// The group codes in order of precedence.
    #[getter]
    fn groups(&self) -> Vec<&'static str> {
        self.0.groups().iter().map(|g| g.code()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "PriorityPolicy(name={:?}, groups={:?})",
            self.0.name(),
            self.groups()
        )
    }
}

/// The names of the policy presets.
#[pyfunction]
fn policy_presets() -> Vec<&'static str> {
    CorePolicy::presets().into_iter().map(|(n, _)| n).collect()
}

value_class! {
    /// One place in the ranked queue and the reason for it.
    RankedApplicant {
        /// Place in the queue, from 1.
        position: i64,
        /// The applicant's id.
        id: String,
        /// The applicant's area.
        area: Option<String>,
        /// Codes of every group of the policy the applicant belongs to, in the policy's order.
        matched_groups: Vec<String>,
        /// The group that decided the place (the first matched), `None` if in no group.
        deciding_group: Option<String>,
        /// Days in the queue on the ranking date.
        days_waited: i64,
        /// Why, in Swedish.
        reason_sv: String,
        /// Why, in English.
        reason_en: String,
    }
}

pub(crate) fn policy_of(policy: &Bound<'_, PyAny>) -> PyResult<CorePolicy> {
    if let Ok(p) = policy.cast::<PriorityPolicy>() {
        return Ok(p.get().0.clone());
    }
    let name: String = policy
        .extract()
        .map_err(|_| invalid("policy: expected a preset name or a PriorityPolicy"))?;
    CorePolicy::preset(&name).map_err(to_py)
}

/// Ranks the applicants on `on` (total order: the input order never matters).
#[pyfunction]
#[pyo3(name = "_rank")]
fn rank(
    applicants: Vec<Applicant>,
    policy: &Bound<'_, PyAny>,
    on: Date,
) -> PyResult<(Vec<RankedApplicant>, crate::boundary::rules::Stamp)> {
    let policy = policy_of(policy)?;
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let ranking = core::rank(&applicants, &policy, on).map_err(to_py)?;
    let ranked = ranking
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
        .collect();
    Ok((ranked, ranking.stamp.into()))
}

value_class! {
    /// Waiting days of a group: how many, the median (None when nobody) and the longest.
    WaitingSummary {
        /// Number of waits.
        count: u64,
        /// Median in days (the mean of the two middle values for an even count, hence a
        /// decimal); `None` if there are none.
        median_days: Option<Decimal>,
        /// Longest wait in days.
        max_days: Option<i64>,
    }
}

impl From<core::WaitingSummary> for WaitingSummary {
    fn from(w: core::WaitingSummary) -> Self {
        WaitingSummary {
            count: w.count as u64,
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }
}

value_class! {
    /// Queue statistics for a day (`from_date == to_date`) or a period, overall and per area.
    QueueStatistics {
        /// The first day of the period.
        from_date: Date,
        /// The last day of the period.
        to_date: Date,
        /// Over everyone.
        overall: WaitingSummary,
        /// Per area; applicants without an area are under "".
        per_area: BTreeMap<String, WaitingSummary>,
        /// The version, the definition applied and the last day.
        stamp: crate::boundary::rules::Stamp,
    }
}

/// Waiting-time statistics: on one day (`from_date == to_date`: everyone in the queue) or for a
/// period (everyone who left the queue in it).
#[pyfunction]
#[pyo3(name = "_queue_statistics")]
fn queue_statistics(
    applicants: Vec<Applicant>,
    from_date: Date,
    to_date: Date,
) -> PyResult<QueueStatistics> {
    let applicants: Vec<core::Applicant> = applicants.into_iter().map(Into::into).collect();
    let s = core::queue_statistics(&applicants, from_date, to_date).map_err(to_py)?;
    Ok(QueueStatistics {
        from_date: s.from,
        to_date: s.to,
        overall: s.overall.into(),
        per_area: s.per_area.into_iter().map(|(k, v)| (k, v.into())).collect(),
        stamp: s.stamp.into(),
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Applicant>()?;
    m.add_class::<PriorityPolicy>()?;
    m.add_class::<RankedApplicant>()?;
    m.add_class::<WaitingSummary>()?;
    m.add_class::<QueueStatistics>()?;
    m.add_function(wrap_pyfunction!(policy_presets, m)?)?;
    m.add_function(wrap_pyfunction!(rank, m)?)?;
    m.add_function(wrap_pyfunction!(queue_statistics, m)?)?;
    Ok(())
}
