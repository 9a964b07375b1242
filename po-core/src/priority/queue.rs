//! Ranking a queue on a date.

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::{PriorityError, PriorityGroup, PriorityPolicy};
use crate::identity::age_on;

/// A person in the queue. `id` is a pseudonym or queue number — never an identity number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    /// Unique id (pseudonym, queue number).
    pub id: String,
    /// Birth date (for age and the young-adult group).
    pub birth_date: Date,
    /// Area (område) or municipality, for statistics.
    #[serde(default)]
    pub area: Option<String>,
    /// The day the person was placed in the queue.
    pub queued_on: Date,
    /// The day the person left the queue (got an ombud, withdrew), if they have.
    #[serde(default)]
    pub left_queue_on: Option<Date>,
    /// Has children living at home.
    #[serde(default)]
    pub children_at_home: bool,
    /// The children at home risk harm ("riskerar att fara illa").
    #[serde(default)]
    pub children_at_risk_of_harm: bool,
    /// Homeless or at risk of eviction or homelessness.
    #[serde(default)]
    pub homeless_or_at_risk: bool,
    /// Lacks contacts, services or a social network.
    #[serde(default)]
    pub lacking_contacts: bool,
}

impl Applicant {
    /// Whether the applicant belongs to `group` on `on`.
    pub fn matches(&self, group: &PriorityGroup, on: Date) -> bool {
        match *group {
            PriorityGroup::ChildrenAtHome { at_risk_of_harm } => {
                self.children_at_home && (!at_risk_of_harm || self.children_at_risk_of_harm)
            }
            PriorityGroup::YoungAdults { min_age, max_age } => {
                let age = age_on(self.birth_date, on);
                i32::from(min_age) <= age && age <= i32::from(max_age)
            }
            PriorityGroup::Homelessness => self.homeless_or_at_risk,
            PriorityGroup::LackingContacts => self.lacking_contacts,
        }
    }

    /// Whether the applicant is in the queue on `on`.
    pub fn in_queue_on(&self, on: Date) -> bool {
        self.queued_on <= on && self.left_queue_on.is_none_or(|left| on < left)
    }
}

/// One applicant's place in the ranking, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedApplicant {
    /// Place in the queue, from 1.
    pub position: u32,
    /// The applicant's id.
    pub id: String,
    /// The applicant's area.
    pub area: Option<String>,
    /// Codes of every group of the policy the applicant belongs to, in the policy's order.
    pub matched_groups: Vec<String>,
    /// The group that decided the place (the first matched), `None` if in no group.
    pub deciding_group: Option<String>,
    /// Days in the queue on the ranking date.
    pub days_waited: i64,
    /// Why, in Swedish.
    pub reason_sv: String,
    /// Why, in English.
    pub reason_en: String,
}

/// Ranks `applicants` on `on` by `policy`: first by the first group matched (in the policy's
/// order; no group comes last), then by the tie-break (longest wait, then id). The order is
/// total, so the same applicants in any input order give the same ranking.
///
/// Errors: duplicate ids, an applicant under 18 on `on`, queued after `on`, or no longer in the
/// queue on `on` — each names the applicant's position in the input.
pub fn rank(
    applicants: &[Applicant],
    policy: &PriorityPolicy,
    on: Date,
) -> Result<Vec<RankedApplicant>, PriorityError> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(applicants.len());
    for (index, a) in applicants.iter().enumerate() {
        if let Some(&first) = seen.get(a.id.as_str()) {
            return Err(PriorityError::DuplicateId { index, first });
        }
        seen.insert(&a.id, index);
        if a.queued_on > on {
            return Err(PriorityError::QueuedInFuture {
                index,
                queued_on: a.queued_on,
                on,
            });
        }
        if let Some(left) = a.left_queue_on.filter(|&left| left <= on) {
            return Err(PriorityError::LeftQueue { index, left, on });
        }
        if age_on(a.birth_date, on) < 18 {
            return Err(PriorityError::UnderAge { index, on });
        }
    }

    let groups = policy.groups();
    // Labels are the same for every applicant: build them once per ranking.
    let labels: Vec<(String, String)> = groups.iter().map(PriorityGroup::labels).collect();
    let mut keyed: Vec<(usize, i64, &Applicant, Vec<usize>)> = applicants
        .iter()
        .map(|a| {
            let matched: Vec<usize> = (0..groups.len())
                .filter(|&i| a.matches(&groups[i], on))
                .collect();
            let decisive = matched.first().copied().unwrap_or(groups.len());
            (decisive, (on - a.queued_on).whole_days(), a, matched)
        })
        .collect();
    keyed.sort_by(|x, y| (x.0, Reverse(x.1), &x.2.id).cmp(&(y.0, Reverse(y.1), &y.2.id)));

    Ok(keyed
        .into_iter()
        .enumerate()
        .map(|(i, (decisive, days, a, matched))| {
            let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let (reason_sv, reason_en) =
                reason(policy, &labels, position, decisive, days, &matched);
            RankedApplicant {
                position,
                id: a.id.clone(),
                area: a.area.clone(),
                matched_groups: matched
                    .iter()
                    .map(|&g| groups[g].code().to_owned())
                    .collect(),
                deciding_group: groups.get(decisive).map(|g| g.code().to_owned()),
                days_waited: days,
                reason_sv,
                reason_en,
            }
        })
        .collect())
}

fn reason(
    policy: &PriorityPolicy,
    labels: &[(String, String)],
    position: u32,
    decisive: usize,
    days: i64,
    matched: &[usize],
) -> (String, String) {
    let groups = policy.groups();
    let n = groups.len();
    let name = policy.name();
    let (mut sv, mut en) = match labels.get(decisive) {
        Some((gsv, gen)) => {
            (
                format!(
                    "Plats {position}: tillhör den prioriterade gruppen {gsv} (grupp {} av {n} i {name}); har väntat {days} dagar, och inom gruppen går längst väntetid först.",
                    decisive + 1
                ),
                format!(
                    "Place {position}: belongs to the priority group {gen} (group {} of {n} in {name}); has waited {days} days, and within the group the longest wait goes first.",
                    decisive + 1
                ),
            )
        }
        None => (
            format!("Plats {position}: tillhör ingen prioriterad grupp i {name} och kommer efter dem; har väntat {days} dagar, och längst väntetid går först."),
            format!("Place {position}: belongs to no priority group in {name} and comes after them; has waited {days} days, and the longest wait goes first."),
        ),
    };
    if matched.len() > 1 {
        let (also_sv, also_en): (Vec<_>, Vec<_>) = matched[1..]
            .iter()
            .map(|&g| (labels[g].0.as_str(), labels[g].1.as_str()))
            .unzip();
        sv.push_str(&format!(" Tillhör även: {}.", also_sv.join("; ")));
        en.push_str(&format!(" Also belongs to: {}.", also_en.join("; ")));
    }
    (sv, en)
}
