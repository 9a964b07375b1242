//! Ranking a queue on a date.

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
    /// That group as a reader calls it, in Swedish and in English (issue 32: documents show
    /// "barnfamiljer (hemmavarande barn)", never the code).
    #[serde(default)]
    pub deciding_group_labels: Option<(String, String)>,
    /// Days in the queue on the ranking date.
    pub days_waited: i64,
    /// Why, in Swedish.
    pub reason_sv: String,
    /// Why, in English.
    pub reason_en: String,
}

/// A ranking: the applicants in their places, and the stamp (version, policy with its source,
/// the ranking date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranking {
    /// Everyone in the queue, first place first.
    pub applicants: Vec<RankedApplicant>,
    /// The version, the policy applied and the ranking date.
    pub stamp: crate::rules::Stamp,
    /// The ids of those who had left the queue by the ranking date, in input order: not
    /// ranked, and named rather than dropped (the command and every binding list them alike).
    #[serde(default)]
    pub not_ranked: Vec<String>,
}

/// The stamp's rules: this, the policy's name and source, and [`LAW`].
const RULES: &str = "priority policy ";

/// The statute the ranking follows (SFS 2013:522 8 § 5 on priority, 10 § 3 on reporting it).
const LAW: &str = "; SFS 2013:522 8 § 5, 10 § 3";

impl Ranking {
    /// What ranked the queue, in Swedish (`sv`) or English: "Prioriteringsordning PO Värmland
    /// 2023 (seed 003 …); SFS 2013:522 8 § 5, 10 § 3" (issue 32: a Swedish document's heading
    /// was the stamp's English words).
    pub fn policy_heading(&self, sv: bool) -> String {
        let rules = &self.stamp.rules;
        match rules.strip_prefix(RULES) {
            Some(policy) if sv => format!("Prioriteringsordning {policy}"),
            Some(policy) => format!("Priority policy {policy}"),
            None => rules.clone(),
        }
    }
}

/// Ranks `applicants` on `on` by `policy`: first by the first group matched (in the policy's
/// order; no group comes last), then by the tie-break (longest wait, then id). The order is
/// total, so the same applicants in any input order give the same ranking.
///
/// Those who had left the queue by `on` are not ranked: [`Ranking::not_ranked`] names them.
///
/// Errors: duplicate ids, an applicant under 18 on `on` or queued after `on` — each names the
/// applicant's position in the input.
pub fn rank(
    applicants: &[Applicant],
    policy: &PriorityPolicy,
    on: Date,
) -> Result<Ranking, PriorityError> {
    validate(applicants, on)?;
    let left = |a: &Applicant| a.left_queue_on.is_some_and(|left| left <= on);
    let not_ranked: Vec<String> = applicants
        .iter()
        .filter(|a| left(a))
        .map(|a| a.id.clone())
        .collect();
    let applicants: std::borrow::Cow<'_, [Applicant]> = match not_ranked.is_empty() {
        true => applicants.into(),
        false => applicants
            .iter()
            .filter(|a| !left(a))
            .cloned()
            .collect::<Vec<_>>()
            .into(),
    };
    let applicants = &*applicants;
    let groups = policy.groups();
    let texts = ReasonTexts::new(policy);
    let ranked = placements(applicants, policy, on)
        .into_iter()
        .map(|p| {
            let a = &applicants[p.index];
            let (reason_sv, reason_en) = texts.reason(&p);
            RankedApplicant {
                position: p.position,
                id: a.id.clone(),
                area: a.area.clone(),
                matched_groups: p.matched_groups(policy).map(str::to_owned).collect(),
                deciding_group: p.deciding_group.map(|g| groups[g].code().to_owned()),
                deciding_group_labels: p.deciding_group.map(|g| groups[g].labels()),
                days_waited: p.days_waited,
                reason_sv,
                reason_en,
            }
        })
        .collect();
    Ok(Ranking {
        applicants: ranked,
        stamp: crate::rules::Stamp::new(
            format!("{RULES}{} ({}){LAW}", policy.name(), policy.source()),
            on,
        ),
        not_ranked,
    })
}

/// Checks every applicant: unique ids, adult, queued by the ranking date.
fn validate(applicants: &[Applicant], on: Date) -> Result<(), PriorityError> {
    // The first problem in input order is reported, whatever its kind.
    let duplicate = first_duplicate(applicants);
    let end = duplicate.map_or(applicants.len(), |(index, _)| index);
    for (index, a) in applicants[..end].iter().enumerate() {
        if a.queued_on > on {
            return Err(PriorityError::QueuedInFuture {
                index,
                queued_on: a.queued_on,
                on,
            });
        }
        if age_on(a.birth_date, on) < 18 {
            return Err(PriorityError::UnderAge { index, on });
        }
    }
    match duplicate {
        Some((index, first)) => Err(PriorityError::DuplicateId { index, first }),
        None => Ok(()),
    }
}

/// The earliest applicant (by input position) whose id an earlier one already has, with that
/// earlier one's position. Found by sorting (prefix, id, position) rather than hashing: no
/// hash of 10⁶ strings, and no input can make it quadratic.
fn first_duplicate(applicants: &[Applicant]) -> Option<(usize, usize)> {
    let mut ids: Vec<(u64, &str, usize)> = applicants
        .iter()
        .enumerate()
        .map(|(i, a)| (id_prefix(&a.id), a.id.as_str(), i))
        .collect();
    ids.sort_unstable();
    // In a run of equal ids the positions ascend: the run's first window pairs the first
    // occurrence with the earliest repetition, and later windows have later repetitions.
    ids.windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].1 == w[1].1)
        .map(|w| (w[1].2, w[0].2))
        .min()
}

/// An applicant's place without the explanation: what [`order`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// 1 = first.
    pub position: u32,
    /// The applicant's index in the input.
    pub index: usize,
    /// Index in the policy's groups of the group that decided the place; `None` when none.
    pub deciding_group: Option<usize>,
    /// Bit `i` set when the applicant belongs to group `i` of the policy (a policy has at
    /// most four groups: each kind once).
    pub matched: u32,
    /// Days in the queue on the ranking date.
    pub days_waited: i64,
}

impl Placement {
    /// The codes of every group of `policy` the applicant belongs to, in the policy's order.
    pub fn matched_groups<'p>(
        &self,
        policy: &'p PriorityPolicy,
    ) -> impl Iterator<Item = &'static str> + 'p {
        let matched = self.matched;
        policy
            .groups()
            .iter()
            .enumerate()
            .filter(move |(i, _)| matched & (1 << i) != 0)
            .map(|(_, g)| g.code())
    }
}

/// The same order as [`rank`], without the owned ids and the bilingual reasons: for bulk
/// analyses (10⁶ applicants in BENCHMARKS.md) that need places and groups, not explanations.
/// Validates exactly as [`rank`] does.
pub fn order(
    applicants: &[Applicant],
    policy: &PriorityPolicy,
    on: Date,
) -> Result<Vec<Placement>, PriorityError> {
    validate(applicants, on)?;
    Ok(placements(applicants, policy, on))
}

/// Sorts validated applicants. Ids are unique (checked), so the order is total and an unstable
/// sort is deterministic.
fn placements(applicants: &[Applicant], policy: &PriorityPolicy, on: Date) -> Vec<Placement> {
    let groups = policy.groups();
    let mut keyed: Vec<Key<'_>> = applicants
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let matched = (0..groups.len())
                .filter(|&i| a.matches(&groups[i], on))
                .fold(0u32, |m, i| m | (1 << i));
            let decisive = if matched == 0 {
                groups.len()
            } else {
                matched.trailing_zeros() as usize
            };
            // Validated: queued on or before `on`, so days ≥ 0; a queue is not 2⁴⁸ days old.
            let days = (on - a.queued_on).whole_days().clamp(0, (1 << 48) - 1);
            Key {
                // Group first, then the longest wait: one integer compare.
                rank: ((decisive as u64) << 48) | ((1u64 << 48) - 1 - days as u64),
                id_prefix: id_prefix(&a.id),
                id: &a.id,
                index,
                matched,
                days,
            }
        })
        .collect();
    // The id breaks ties; its first 8 bytes live in the key, so the string itself is only
    // read when they are equal (10⁶ scattered strings would otherwise dominate the sort).
    keyed.sort_unstable_by(|x, y| {
        (x.rank, x.id_prefix)
            .cmp(&(y.rank, y.id_prefix))
            .then_with(|| x.id.cmp(y.id))
    });
    keyed
        .into_iter()
        .enumerate()
        .map(|(i, k)| Placement {
            position: u32::try_from(i + 1).unwrap_or(u32::MAX),
            index: k.index,
            deciding_group: Some((k.rank >> 48) as usize).filter(|&g| g < groups.len()),
            matched: k.matched,
            days_waited: k.days,
        })
        .collect()
}

/// What an applicant is ranked by.
struct Key<'a> {
    /// The index of the deciding group (`groups.len()` when none) in the high 16 bits, and
    /// 2⁴⁸ − 1 − days below: ascending order is by group, then longest wait.
    rank: u64,
    /// The first 8 bytes of the id, big-endian, so that comparing them orders as the strings.
    id_prefix: u64,
    id: &'a str,
    index: usize,
    matched: u32,
    days: i64,
}

/// The first 8 bytes of `id` as a big-endian integer, zero-padded: for two strings, comparing
/// these integers gives the same order as comparing the strings' first 8 bytes.
fn id_prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = id.len().min(8);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
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

    fn reason(&self, p: &Placement) -> (String, String) {
        let decisive = p.deciding_group.unwrap_or(self.middle.len() - 1);
        let build = |place: &str, middle: &str, tail: &str, also: &str| {
            let mut s =
                String::with_capacity(place.len() + middle.len() + tail.len() + also.len() + 16);
            s.push_str(place);
            s.push_str(&p.position.to_string());
            s.push_str(middle);
            s.push_str(&p.days_waited.to_string());
            s.push_str(tail);
            s.push_str(also);
            s
        };
        let (middle, tail, also) = (
            &self.middle[decisive],
            self.tail[decisive],
            &self.also[p.matched as usize],
        );
        (
            build("Plats ", &middle.0, tail.0, &also.0),
            build("Place ", &middle.1, tail.1, &also.1),
        )
    }
}
