//! Ranking a queue on a date.

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
    let texts = ReasonTexts::new(policy);
    // Compact sort keys; ids are unique (checked above), so the order is total and an unstable
    // sort is deterministic.
    let mut keyed: Vec<Key<'_>> = applicants
        .iter()
        .map(|a| {
            let matched = (0..groups.len())
                .filter(|&i| a.matches(&groups[i], on))
                .fold(0u32, |m, i| m | (1 << i));
            Key {
                decisive: if matched == 0 {
                    groups.len()
                } else {
                    matched.trailing_zeros() as usize
                },
                days: (on - a.queued_on).whole_days(),
                applicant: a,
                matched,
            }
        })
        .collect();
    keyed.sort_unstable_by(|x, y| {
        x.decisive
            .cmp(&y.decisive)
            .then(y.days.cmp(&x.days))
            .then_with(|| x.applicant.id.cmp(&y.applicant.id))
    });

    Ok(keyed
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let (reason_sv, reason_en) = texts.reason(position, &k);
            RankedApplicant {
                position,
                id: k.applicant.id.clone(),
                area: k.applicant.area.clone(),
                matched_groups: (0..groups.len())
                    .filter(|&g| k.matched & (1 << g) != 0)
                    .map(|g| groups[g].code().to_owned())
                    .collect(),
                deciding_group: groups.get(k.decisive).map(|g| g.code().to_owned()),
                days_waited: k.days,
                reason_sv,
                reason_en,
            }
        })
        .collect())
}

/// What an applicant is ranked by.
struct Key<'a> {
    /// Index of the first group matched; `groups.len()` when none.
    decisive: usize,
    days: i64,
    applicant: &'a Applicant,
    /// Bit `i` set when group `i` of the policy matches (a policy has at most four groups:
    /// each kind once).
    matched: u32,
}

/// The fixed parts of the reasons, built once per ranking: a reason is then a few appends,
/// not a `format!` per applicant (10⁶ applicants in BENCHMARKS.md).
struct ReasonTexts {
    /// Per decisive group (and one for "no group"): the text between the position and the
    /// days, and the text after the days, in Swedish and English.
    middle: Vec<(String, String)>,
    tail: Vec<(&'static str, &'static str)>,
    /// Per matched-groups bit set: " Tillhör även: …" for the groups after the first.
    also: Vec<(String, String)>,
}

impl ReasonTexts {
    fn new(policy: &PriorityPolicy) -> ReasonTexts {
        let groups = policy.groups();
        let (n, name) = (groups.len(), policy.name());
        let labels: Vec<(String, String)> = groups.iter().map(PriorityGroup::labels).collect();
        let mut middle: Vec<(String, String)> = labels
            .iter()
            .enumerate()
            .map(|(i, (gsv, gen))| {
                (
                    format!(": tillhör den prioriterade gruppen {gsv} (grupp {} av {n} i {name}); har väntat ", i + 1),
                    format!(": belongs to the priority group {gen} (group {} of {n} in {name}); has waited ", i + 1),
                )
            })
            .collect();
        middle.push((
            format!(": tillhör ingen prioriterad grupp i {name} och kommer efter dem; har väntat "),
            format!(": belongs to no priority group in {name} and comes after them; has waited "),
        ));
        let mut tail = vec![
            (
                " dagar, och inom gruppen går längst väntetid först.",
                " days, and within the group the longest wait goes first.",
            );
            n
        ];
        tail.push((
            " dagar, och längst väntetid går först.",
            " days, and the longest wait goes first.",
        ));
        let also = (0..1u32 << n)
            .map(|mask| {
                let rest: Vec<usize> = (0..n).filter(|&g| mask & (1 << g) != 0).skip(1).collect();
                if rest.is_empty() {
                    return (String::new(), String::new());
                }
                let join = |f: fn(&(String, String)) -> &str| {
                    rest.iter()
                        .map(|&g| f(&labels[g]))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                (
                    format!(" Tillhör även: {}.", join(|l| l.0.as_str())),
                    format!(" Also belongs to: {}.", join(|l| l.1.as_str())),
                )
            })
            .collect();
        ReasonTexts { middle, tail, also }
    }

    fn reason(&self, position: u32, k: &Key<'_>) -> (String, String) {
        let build = |place: &str, middle: &str, tail: &str, also: &str| {
            let mut s =
                String::with_capacity(place.len() + middle.len() + tail.len() + also.len() + 16);
            s.push_str(place);
            s.push_str(&position.to_string());
            s.push_str(middle);
            s.push_str(&k.days.to_string());
            s.push_str(tail);
            s.push_str(also);
            s
        };
        let (middle, tail, also) = (
            &self.middle[k.decisive],
            self.tail[k.decisive],
            &self.also[k.matched as usize],
        );
        (
            build("Plats ", &middle.0, tail.0, &also.0),
            build("Place ", &middle.1, tail.1, &also.1),
        )
    }
}
