//! What an intake worker knows about a person, and how the statute's words are read.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::codes::{code_list, src};
use crate::identity::IdentityNumber;

const TWO: &str = "SFS 2013:522 2 §";

/// Yes, no, or not yet known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not yet known (the default).
    #[default]
    Unknown,
}

impl Answer {
    /// The machine code (`yes`, `no`, `unknown`).
    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Unknown => "unknown",
        }
    }
}

/// What is known of the person's age.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Age {
    /// The birth date.
    BirthDate(Date),
    /// Age in whole years on the assessment date.
    Years(i32),
    /// Not known.
    #[default]
    Unknown,
}

impl Age {
    /// The birth date of an identity number (the number itself is not kept).
    pub fn from_identity_number(number: &IdentityNumber) -> Age {
        Age::BirthDate(number.birth_date())
    }
}

code_list! {
    /// Areas of life in which a person may have significant and substantial difficulties
    /// (2 §: "betydande och väsentliga svårigheter att utföra aktiviteter på olika livsområden").
    /// The statute names no areas; these follow the contact reasons of seed 002.
    pub enum LifeArea in "life_area" {
        /// Boende.
        Housing = "housing", sv "Boende", en "Housing", source src::SEED_002;
        /// Ekonomi.
        Economy = "economy", sv "Ekonomi", en "Economy", source src::SEED_002;
        /// Sysselsättning och arbete.
        Occupation = "occupation", sv "Sysselsättning", en "Occupation", source src::SEED_002;
        /// Vardagens struktur och egenvård.
        DailyLife = "daily_life", sv "Vardag och egenvård", en "Daily life and self-care",
            source src::SEED_002;
        /// Sociala relationer.
        SocialRelations = "social_relations", sv "Sociala relationer", en "Social relations",
            source src::SEED_002;
        /// Kontakter med myndigheter och vård.
        AuthorityContacts = "authority_contacts", sv "Kontakter med myndigheter och vård",
            en "Contacts with authorities and care", source src::SEED_002;
    }
}

code_list! {
    /// The needs 2 § lists: "vård, stöd och service, rehabilitering och sysselsättning".
    pub enum NeedArea in "need_area" {
        /// Vård.
        Care = "care", sv "Vård", en "Care", source TWO;
        /// Stöd och service.
        SupportAndService = "support_and_service", sv "Stöd och service",
            en "Support and service", source TWO;
        /// Rehabilitering.
        Rehabilitation = "rehabilitation", sv "Rehabilitering", en "Rehabilitation", source TWO;
        /// Sysselsättning.
        Occupation = "occupation", sv "Sysselsättning", en "Occupation", source TWO;
    }
}

code_list! {
    /// The long-term contacts 2 § lists: "socialtjänsten, primärvården och den specialiserade
    /// psykiatrin och andra myndigheter".
    pub enum ContactArea in "contact_area" {
        /// Socialtjänsten.
        SocialServices = "social_services", sv "Socialtjänsten", en "Social services",
            source TWO;
        /// Primärvården.
        PrimaryCare = "primary_care", sv "Primärvården", en "Primary care", source TWO;
        /// Den specialiserade psykiatrin.
        SpecialisedPsychiatry = "specialised_psychiatry", sv "Den specialiserade psykiatrin",
            en "Specialised psychiatry", source TWO;
        /// Andra myndigheter (Försäkringskassan, Arbetsförmedlingen, …).
        OtherAuthorities = "other_authorities", sv "Andra myndigheter",
            en "Other authorities", source TWO;
    }
}

/// One substantive criterion: a direct answer, or the details it is derived from, or both
/// (then they must agree). Neither means "not yet known".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Criterion<T> {
    /// The answer, if given directly.
    #[serde(default)]
    pub answer: Option<Answer>,
    /// The details (e.g. which life areas), if recorded. Listed = present; an empty list means
    /// "asked, none present".
    #[serde(default)]
    pub details: Option<Vec<T>>,
}

impl<T> Default for Criterion<T> {
    fn default() -> Self {
        Criterion {
            answer: None,
            details: None,
        }
    }
}

impl<T> Criterion<T> {
    /// A direct answer.
    pub fn answer(answer: Answer) -> Self {
        Criterion {
            answer: Some(answer),
            details: None,
        }
    }
    /// Details to derive the answer from.
    pub fn details(details: Vec<T>) -> Self {
        Criterion {
            answer: None,
            details: Some(details),
        }
    }
}

/// How "vård, stöd och service, rehabilitering och sysselsättning" is read when the answer is
/// derived from details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum NeedsReading {
    /// The statute's "och": needs in all four areas (the default).
    AllOf,
    /// "Sammansatta" as composite: needs in at least `min` of the four areas.
    AtLeast {
        /// The minimum number of areas (≥ 1).
        min: u8,
    },
}

/// How the list of long-term contacts is read when the answer is derived from details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactsReading {
    /// The statute's "och" (SFS 2013:522 2 §): social services, primary care, specialised
    /// psychiatry and other authorities, all of them (the default).
    Statute,
    /// Stockholm's "eller" (seed 002: "socialtjänsten, primärvården eller den specialiserade
    /// psykiatrin och andra myndigheter"): at least one of social services, primary care and
    /// specialised psychiatry, and other authorities.
    Stockholm2021,
}

impl ContactsReading {
    /// The machine code: `statute` or `stockholm_2021` (as in the JSON form).
    pub fn code(self) -> &'static str {
        match self {
            ContactsReading::Statute => "statute",
            ContactsReading::Stockholm2021 => "stockholm_2021",
        }
    }

    /// The reading with this code.
    pub fn from_code(code: &str) -> Result<ContactsReading, super::EligibilityError> {
        match code {
            "statute" => Ok(ContactsReading::Statute),
            "stockholm_2021" => Ok(ContactsReading::Stockholm2021),
            _ => Err(super::EligibilityError::UnknownContactsReading {
                value: crate::text::clip(code),
            }),
        }
    }
}

impl NeedsReading {
    /// How many need areas are required; `None` for all of them (the statute's "och").
    pub fn at_least(self) -> Option<u8> {
        match self {
            NeedsReading::AllOf => None,
            NeedsReading::AtLeast { min } => Some(min),
        }
    }

    /// The reading requiring `min` areas, or all of them for `None`.
    pub fn from_at_least(min: Option<u8>) -> NeedsReading {
        min.map_or(NeedsReading::AllOf, |min| NeedsReading::AtLeast { min })
    }
}

/// The documented rules by which details become answers. Named presets:
/// [`Readings::statute`] (the default) and [`Readings::stockholm_2021`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readings {
    /// "Olika livsområden": the least number of life areas with difficulties (default 2:
    /// "several" is more than one).
    pub min_life_areas: u8,
    /// How the needs are read.
    pub needs: NeedsReading,
    /// How the contacts are read.
    pub contacts: ContactsReading,
}

impl Default for Readings {
    fn default() -> Self {
        Readings::statute()
    }
}

impl Readings {
    /// The statute's wording read literally ("och" = all of them); two life areas.
    pub fn statute() -> Readings {
        Readings {
            min_life_areas: 2,
            needs: NeedsReading::AllOf,
            contacts: ContactsReading::Statute,
        }
    }

    /// The readings called `name`: `statute` or `stockholm_2021`.
    pub fn preset(name: &str) -> Result<Readings, super::EligibilityError> {
        match name {
            "statute" => Ok(Readings::statute()),
            "stockholm_2021" => Ok(Readings::stockholm_2021()),
            _ => Err(super::EligibilityError::UnknownReadings {
                name: crate::text::clip(name),
            }),
        }
    }

    /// Stockholm's wording (seed 002): "eller" in the list of contacts.
    pub fn stockholm_2021() -> Readings {
        Readings {
            contacts: ContactsReading::Stockholm2021,
            ..Readings::statute()
        }
    }
}

/// Everything an assessment takes besides the date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetGroupInput {
    /// What is known of the age.
    pub age: Age,
    /// Has a psychiatric disability (psykisk funktionsnedsättning). No diagnosis is asked for.
    pub psychiatric_disability: Answer,
    /// Significant and substantial difficulties in several areas of life.
    pub difficulties: Criterion<LifeArea>,
    /// Complex and extensive needs of care, support and service, rehabilitation, occupation.
    pub needs: Criterion<NeedArea>,
    /// Needs long-term contacts with social services, primary care, psychiatry, authorities.
    pub long_term_contacts: Criterion<ContactArea>,
}
