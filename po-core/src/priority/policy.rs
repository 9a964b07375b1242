//! Priority policies and their presets.

use serde::{Deserialize, Serialize};

use super::PriorityError;

/// A priority group. Serialised with a `group` tag, e.g.
/// `{"group": "young_adults", "min_age": 18, "max_age": 30}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "group", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PriorityGroup {
    /// Households with children living at home; with `at_risk_of_harm`, only those whose
    /// children risk harm ("riskerar att fara illa", seed 001).
    ChildrenAtHome {
        /// Whether the children must be at risk of harm.
        at_risk_of_harm: bool,
    },
    /// Young adults aged `min_age` to `max_age` inclusive on the ranking date.
    YoungAdults {
        /// Lowest age (≥ 18).
        min_age: u8,
        /// Highest age.
        max_age: u8,
    },
    /// Homeless or at risk of eviction / homelessness.
    Homelessness,
    /// Lacking contacts, services or a social network (seed 001).
    LackingContacts,
}

impl PriorityGroup {
    /// The group's machine code (its serde tag).
    pub fn code(&self) -> &'static str {
        match self {
            PriorityGroup::ChildrenAtHome { .. } => "children_at_home",
            PriorityGroup::YoungAdults { .. } => "young_adults",
            PriorityGroup::Homelessness => "homelessness",
            PriorityGroup::LackingContacts => "lacking_contacts",
        }
    }

    /// The group in Swedish and English.
    pub fn labels(&self) -> (String, String) {
        match *self {
            PriorityGroup::ChildrenAtHome {
                at_risk_of_harm: true,
            } => (
                "hushåll med hemmavarande barn som riskerar att fara illa".into(),
                "households with children at home who risk harm".into(),
            ),
            PriorityGroup::ChildrenAtHome {
                at_risk_of_harm: false,
            } => (
                "barnfamiljer (hemmavarande barn)".into(),
                "families with children at home".into(),
            ),
            PriorityGroup::YoungAdults { min_age, max_age } => (
                format!("unga vuxna {min_age}–{max_age} år"),
                format!("young adults aged {min_age}–{max_age}"),
            ),
            PriorityGroup::Homelessness => (
                "bostadslösa eller som riskerar att bli vräkta eller bostadslösa".into(),
                "homeless or at risk of eviction or homelessness".into(),
            ),
            PriorityGroup::LackingContacts => (
                "saknar kontakter, insatser eller socialt nätverk".into(),
                "lacking contacts, services or a social network".into(),
            ),
        }
    }
}

/// How applicants in the same group (or in none) are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TieBreak {
    /// Longest wait first, then by id (so the order is total and deterministic).
    #[default]
    LongestWaitThenId,
}

/// An organisation's priority order: groups in order of precedence and a tie-break.
/// Applicants in no group come after every group. Kept as JSON in the organisation's
/// configuration; validated when built or read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PolicyData")]
pub struct PriorityPolicy {
    name: String,
    source: String,
    groups: Vec<PriorityGroup>,
    tie_break: TieBreak,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PolicyData {
    name: String,
    #[serde(default)]
    source: String,
    groups: Vec<PriorityGroup>,
    #[serde(default)]
    tie_break: TieBreak,
}

/// A policy's JSON form is that of its data (checked when read).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for PriorityPolicy {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PriorityPolicy".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <PolicyData as schemars::JsonSchema>::json_schema(g)
    }
}

impl TryFrom<PolicyData> for PriorityPolicy {
    type Error = PriorityError;
    fn try_from(d: PolicyData) -> Result<Self, Self::Error> {
        PriorityPolicy::new(d.name, d.source, d.groups, d.tie_break)
    }
}

impl PriorityPolicy {
    /// Validates and builds a policy: no kind of group twice; young adults 18 ≤ min ≤ max.
    pub fn new(
        name: impl Into<String>,
        source: impl Into<String>,
        groups: Vec<PriorityGroup>,
        tie_break: TieBreak,
    ) -> Result<PriorityPolicy, PriorityError> {
        for (index, g) in groups.iter().enumerate() {
            if let Some(first) = groups[..index].iter().position(|h| h.code() == g.code()) {
                return Err(PriorityError::RepeatedGroup {
                    index,
                    first,
                    group: g.code(),
                });
            }
            if let PriorityGroup::YoungAdults { min_age, max_age } = *g {
                if min_age < 18 || min_age > max_age {
                    return Err(PriorityError::InvalidAgeRange {
                        index,
                        min_age,
                        max_age,
                    });
                }
            }
        }
        Ok(PriorityPolicy {
            name: name.into(),
            source: source.into(),
            groups,
            tie_break,
        })
    }

    /// National summary 2019 (seed 001): "Om kö uppstår prioriteras vanligen klienter som har
    /// hemmavarande barn som riskerar att fara illa, är unga vuxna, riskerar att vräkas från sin
    /// bostad eller är bostadslösa, saknar kontakter, insatser eller socialt nätverk." Seed 001
    /// gives no age range for young adults; 18–29 (the first age band of the statistics) is
    /// po's choice.
    pub fn national_2019() -> PriorityPolicy {
        PriorityPolicy {
            name: "Nationell sammanställning 2019".into(),
            source:
                "seed 001 (Socialstyrelsen, Lägesrapport PO 2019); young adults 18–29: po's choice"
                    .into(),
            groups: vec![
                PriorityGroup::ChildrenAtHome {
                    at_risk_of_harm: true,
                },
                PriorityGroup::YoungAdults {
                    min_age: 18,
                    max_age: 29,
                },
                PriorityGroup::Homelessness,
                PriorityGroup::LackingContacts,
            ],
            tie_break: TieBreak::LongestWaitThenId,
        }
    }

    /// Värmland 2023 (seed 003): "Prioriterade grupper inom verksamheten är barnfamiljer, unga
    /// vuxna 18–30 år samt personer som riskerar att bli bostadslösa."
    pub fn varmland_2023() -> PriorityPolicy {
        PriorityPolicy {
            name: "PO Värmland 2023".into(),
            source: "seed 003 (PO Värmland, Verksamhetsberättelse 2023)".into(),
            groups: vec![
                PriorityGroup::ChildrenAtHome {
                    at_risk_of_harm: false,
                },
                PriorityGroup::YoungAdults {
                    min_age: 18,
                    max_age: 30,
                },
                PriorityGroup::Homelessness,
            ],
            tie_break: TieBreak::LongestWaitThenId,
        }
    }

    /// Stockholm 2021 (seed 002): "Vid eventuell kö … prioriteras barnfamiljer och personer som
    /// riskerar att bli bostadslösa."
    pub fn stockholm_2021() -> PriorityPolicy {
        PriorityPolicy {
            name: "Stockholms stad 2021".into(),
            source: "seed 002 (Stockholms stad, Årsrapport PO 2022)".into(),
            groups: vec![
                PriorityGroup::ChildrenAtHome {
                    at_risk_of_harm: false,
                },
                PriorityGroup::Homelessness,
            ],
            tie_break: TieBreak::LongestWaitThenId,
        }
    }

    /// Every preset: (name, policy).
    pub fn presets() -> Vec<(&'static str, PriorityPolicy)> {
        vec![
            ("national_2019", PriorityPolicy::national_2019()),
            ("varmland_2023", PriorityPolicy::varmland_2023()),
            ("stockholm_2021", PriorityPolicy::stockholm_2021()),
        ]
    }

    /// The preset called `name` (`national_2019`, `varmland_2023`, `stockholm_2021`).
    pub fn preset(name: &str) -> Result<PriorityPolicy, PriorityError> {
        let presets = PriorityPolicy::presets();
        let expected = presets
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ");
        presets
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| p)
            .ok_or_else(|| PriorityError::UnknownPreset {
                name: crate::text::clip(name),
                expected,
            })
    }

    /// A preset by name, or a policy's JSON form (text starting with `{`): how a policy is
    /// named in options given as text (a report's options from Kotlin or a command line).
    pub fn named_or_json(text: &str) -> Result<PriorityPolicy, PriorityError> {
        if text.trim_start().starts_with('{') {
            PriorityPolicy::from_json(text)
        } else {
            PriorityPolicy::preset(text.trim())
        }
    }

    /// Reads a policy from its JSON form (`{"name", "source", "groups": [{"group": …}]}`), with
    /// the same validation as [`PriorityPolicy::new`].
    pub fn from_json(text: &str) -> Result<PriorityPolicy, PriorityError> {
        serde_json::from_str(text).map_err(|e| PriorityError::InvalidPolicy {
            reason: e.to_string(),
        })
    }

    /// The JSON form, which [`PriorityPolicy::from_json`] reads back.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and enums cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The policy's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Where the policy comes from.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The groups in order of precedence.
    pub fn groups(&self) -> &[PriorityGroup] {
        &self.groups
    }
    /// The tie-break.
    pub fn tie_break(&self) -> TieBreak {
        self.tie_break
    }
}
