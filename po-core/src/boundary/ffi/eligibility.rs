//! Eligibility (SFS 2013:522 2 §) across the boundary: an input record, the readings, and the
//! assessment with every finding and the questions still open.

use crate::codes::CodeList;
use crate::eligibility::{self as core, ContactsReading, NeedsReading};
use time::Date;

use super::error::{invalid, po};
use super::organisation::FindingRecord;
use super::PoError;

/// Yes, no, or not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not known (the assessment then asks).
    Unknown,
}

impl From<Answer> for core::Answer {
    fn from(a: Answer) -> Self {
        match a {
            Answer::Yes => core::Answer::Yes,
            Answer::No => core::Answer::No,
            Answer::Unknown => core::Answer::Unknown,
        }
    }
}

/// One criterion: a plain answer, or the details that decide it (codes or labels of the
/// `life_area`, `need_area` or `contact_area` list), or nothing (unknown).
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct CriterionInput {
    /// The answer, if given.
    #[uniffi(default)]
    pub answer: Option<Answer>,
    /// The areas, if known.
    #[uniffi(default)]
    pub details: Option<Vec<String>>,
}

/// What is known of an applicant. Give `birth_date` or `age_years` (or neither: age unknown).
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct EligibilityInput {
    /// The birth date (e.g. from the identity number).
    #[uniffi(default)]
    pub birth_date: Option<Date>,
    /// The age in whole years, when the birth date is not known.
    #[uniffi(default)]
    pub age_years: Option<i32>,
    /// Has a psychiatric disability (no diagnosis is asked for).
    #[uniffi(default)]
    pub psychiatric_disability: Option<Answer>,
    /// Significant difficulties in several areas of life (`life_area` codes).
    #[uniffi(default)]
    pub difficulties: CriterionInput,
    /// Complex needs (`need_area` codes).
    #[uniffi(default)]
    pub needs: CriterionInput,
    /// Long-term contacts (`contact_area` codes).
    #[uniffi(default)]
    pub long_term_contacts: CriterionInput,
}

/// How the statute's wording is read; see `eligibilityReadings("statute")`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReadingsRecord {
    /// How many life areas count as "several" (at least 1).
    pub min_life_areas: i32,
    /// How many need areas are required; `null` = all four (the statute's "och").
    pub needs_at_least: Option<i32>,
    /// `statute` or `stockholm_2021` (seed 002's "eller" in the contacts).
    pub contacts: String,
}

impl From<core::Readings> for ReadingsRecord {
    fn from(r: core::Readings) -> Self {
        ReadingsRecord {
            min_life_areas: i32::from(r.min_life_areas),
            needs_at_least: r.needs.at_least().map(i32::from),
            contacts: r.contacts.code().to_owned(),
        }
    }
}

fn small(field: &str, value: i32) -> Result<u8, PoError> {
    u8::try_from(value).map_err(|_| invalid(format!("{field}: expected 1 to 255, got {value}")))
}

impl TryFrom<ReadingsRecord> for core::Readings {
    type Error = PoError;
    fn try_from(r: ReadingsRecord) -> Result<Self, PoError> {
        Ok(core::Readings {
            min_life_areas: small("readings.min_life_areas", r.min_life_areas)?,
            needs: NeedsReading::from_at_least(
                r.needs_at_least
                    .map(|n| small("readings.needs_at_least", n))
                    .transpose()?,
            ),
            contacts: ContactsReading::from_code(&r.contacts).map_err(po)?,
        })
    }
}

/// A question the assessment still needs answered.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QuestionRecord {
    /// The criterion it decides.
    pub criterion: String,
    /// In Swedish.
    pub sv: String,
    /// In English.
    pub en: String,
}

/// An assessment: the outcome, every finding with its reason and source, the open questions.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AssessmentRecord {
    /// `eligible`, `not_eligible` or `undetermined`.
    pub outcome: String,
    /// One finding per criterion.
    pub findings: Vec<FindingRecord>,
    /// What to ask next when undetermined.
    pub questions: Vec<QuestionRecord>,
    /// The rule set applied (`sfs_2013_522` or `sfs_2019_1094`).
    pub rule_set: String,
    /// The assessment date.
    pub as_of: Date,
    /// The readings applied.
    pub readings: ReadingsRecord,
    /// The version of po.
    pub library_version: String,
}

/// The named readings: `statute` (the default) or `stockholm_2021`.
#[uniffi::export]
pub fn eligibility_readings(name: String) -> Result<ReadingsRecord, PoError> {
    core::Readings::preset(&name).map(Into::into).map_err(po)
}

fn criterion<T: CodeList>(
    c: CriterionInput,
) -> Result<core::Criterion<T>, crate::codes::UnknownCode> {
    Ok(core::Criterion {
        answer: c.answer.map(Into::into),
        details: c
            .details
            .map(|d| d.iter().map(|v| T::parse(v)).collect::<Result<Vec<_>, _>>())
            .transpose()?,
    })
}

/// Assesses the target group (SFS 2013:522 2 §) as in force on `as_of`.
#[uniffi::export]
pub fn assess_eligibility(
    input: EligibilityInput,
    as_of: Date,
    readings: ReadingsRecord,
) -> Result<AssessmentRecord, PoError> {
    let age = match (input.birth_date, input.age_years) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "age: give birth_date or age_years, not both".to_owned(),
            ))
        }
        (Some(d), None) => core::Age::BirthDate(d),
        (None, Some(y)) => core::Age::Years(y),
        (None, None) => core::Age::Unknown,
    };
    let core_input = core::TargetGroupInput {
        age,
        psychiatric_disability: input
            .psychiatric_disability
            .map_or(core::Answer::Unknown, Into::into),
        difficulties: criterion(input.difficulties).map_err(po)?,
        needs: criterion(input.needs).map_err(po)?,
        long_term_contacts: criterion(input.long_term_contacts).map_err(po)?,
    };
    let a = core::assess(&core_input, as_of, readings.try_into()?).map_err(po)?;
    Ok(AssessmentRecord {
        outcome: a.outcome.code().to_owned(),
        findings: a.findings.into_iter().map(Into::into).collect(),
        questions: a
            .questions
            .into_iter()
            .map(|q| QuestionRecord {
                criterion: q.criterion.into_owned(),
                sv: q.sv.into_owned(),
                en: q.en.into_owned(),
            })
            .collect(),
        rule_set: a.rule_set.code().to_owned(),
        as_of: a.as_of,
        readings: a.readings.into(),
        library_version: a.library_version,
    })
}
