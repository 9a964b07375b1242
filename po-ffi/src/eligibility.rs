//! Eligibility (SFS 2013:522 2 §) across the boundary: the readings of the statute's wording,
//! the input, and the assessment with every finding and the questions still open.

use time::Date;

use po_core::codes::CodeList;
use po_core::eligibility::{self as core, ContactsReading, NeedsReading};

use crate::rules::{Answer, Outcome};

use super::error::{invalid, po, PoError};
use super::record::{record, Text};
use super::rules::{findings, Finding};

record! {
    /// One criterion: a plain answer, or the details that decide it (codes or labels of the
    /// `life_area`, `need_area` or `contact_area` list), or nothing (unknown).
    CriterionInput {
        /// The answer, if given.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        answer: Option<Answer>,
        /// The areas, if known.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        details: Option<Vec<String>>,
    }
}

record! {
    /// What is known of an applicant. Give `birth_date` or `age_years` (or neither: age
    /// unknown).
    EligibilityInput {
        /// The birth date (e.g. from the identity number).
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        birth_date: Option<Date>,
        /// The age in whole years, when the birth date is not known.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        age_years: Option<i32>,
        /// Has a psychiatric disability (no diagnosis is asked for).
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        psychiatric_disability: Option<Answer>,
        /// Significant difficulties in several areas of life (`life_area` codes).
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        difficulties: Option<CriterionInput>,
        /// Complex needs (`need_area` codes).
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        needs: Option<CriterionInput>,
        /// Long-term contacts (`contact_area` codes).
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        long_term_contacts: Option<CriterionInput>,
    }
}

fn criterion<T: CodeList>(c: Option<CriterionInput>) -> Result<core::Criterion<T>, PoError> {
    let Some(c) = c else {
        return Ok(core::Criterion::default());
    };
    Ok(core::Criterion {
        answer: c.answer.map(Into::into),
        details: c
            .details
            .map(|d| d.iter().map(|v| T::parse(v)).collect::<Result<Vec<_>, _>>())
            .transpose()
            .map_err(po)?,
    })
}

impl TryFrom<EligibilityInput> for core::TargetGroupInput {
    type Error = PoError;
    fn try_from(input: EligibilityInput) -> Result<Self, PoError> {
        let age = match (input.birth_date, input.age_years) {
            (Some(_), Some(_)) => {
                return Err(invalid("age: give birth_date or age_years, not both"));
            }
            (Some(d), None) => core::Age::BirthDate(d),
            (None, Some(y)) => core::Age::Years(y),
            (None, None) => core::Age::Unknown,
        };
        Ok(core::TargetGroupInput {
            age,
            psychiatric_disability: input
                .psychiatric_disability
                .map(Into::into)
                .unwrap_or_default(),
            difficulties: criterion(input.difficulties)?,
            needs: criterion(input.needs)?,
            long_term_contacts: criterion(input.long_term_contacts)?,
        })
    }
}

record! {
    /// How the statute's wording is read: how many life areas are "several", how many need
    /// areas are required (none = all four, the statute's "och"), and the contacts wording
    /// (`statute` or `stockholm_2021`, seed 002's "eller").
    Readings {
        /// "Olika livsområden": the least number of life areas with difficulties (2: "several"
        /// is more than one).
        min_life_areas: i32,
        /// How many of the four need areas are required; none = all four (the statute's "och").
        needs_at_least: Option<i32>,
        /// How "long-term contacts" is read: `statute` or `stockholm_2021`.
        contacts: String,
    }
}

impl From<core::Readings> for Readings {
    fn from(r: core::Readings) -> Self {
        Readings {
            min_life_areas: i32::from(r.min_life_areas),
            needs_at_least: r.needs.at_least().map(i32::from),
            contacts: r.contacts.code().to_owned(),
        }
    }
}

fn small(field: &str, value: i32) -> Result<u8, PoError> {
    u8::try_from(value).map_err(|_| invalid(format!("{field}: expected 1 to 255, got {value}")))
}

impl TryFrom<&Readings> for core::Readings {
    type Error = PoError;
    fn try_from(r: &Readings) -> Result<Self, PoError> {
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

record! {
    /// A question the assessment still needs answered.
    Question {
        /// The criterion it settles.
        criterion: Text,
        /// The question in Swedish.
        sv: Text,
        /// The question in English.
        en: Text,
    }
}

record! {
    /// An assessment: the outcome, every finding with its reason and source, the open
    /// questions, the rule set and date applied, the readings, and the version of po.
    Assessment {
        /// Eligible, not eligible or undetermined (Python: `eligible`, `not_eligible`,
        /// `undetermined`).
        outcome: Outcome,
        /// One finding per criterion, in the statute's order: age, psychiatric disability,
        /// difficulties, needs, long-term contacts.
        findings: Vec<Finding>,
        /// For an undetermined outcome, what to ask; otherwise empty.
        questions: Vec<Question>,
        /// The rule set in force on the assessment date.
        rule_set: Text,
        /// The assessment date.
        as_of: Date,
        /// The readings used to derive answers from details.
        readings: Readings,
        /// The version of po.
        library_version: Text,
    }
}

/// Assesses `input` (SFS 2013:522 2 §) as in force on `as_of` under `readings`.
pub(crate) fn assess(
    input: &core::TargetGroupInput,
    as_of: Date,
    readings: core::Readings,
) -> Result<Assessment, PoError> {
    let a = core::assess(input, as_of, readings).map_err(po)?;
    Ok(Assessment {
        outcome: a.outcome.into(),
        findings: findings(a.findings),
        questions: a
            .questions
            .into_iter()
            .map(|q| Question {
                criterion: q.criterion.into(),
                sv: q.sv.into(),
                en: q.en.into(),
            })
            .collect(),
        rule_set: a.rule_set.code().into(),
        as_of: a.as_of,
        readings: a.readings.into(),
        library_version: a.library_version.into(),
    })
}

/// The named readings: `statute` (the default) or `stockholm_2021`.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn eligibility_readings(name: String) -> Result<Readings, PoError> {
    core::Readings::preset(&name).map(Into::into).map_err(po)
}

/// Assesses the target group (SFS 2013:522 2 §) as in force on `as_of`; `readings` null =
/// the statute's.
#[cfg_attr(feature = "uniffi", uniffi::export(default(readings = None)))]
pub fn assess_eligibility(
    input: EligibilityInput,
    as_of: Date,
    readings: Option<Readings>,
) -> Result<Assessment, PoError> {
    let readings = match readings {
        Some(r) => core::Readings::try_from(&r)?,
        None => core::Readings::statute(),
    };
    assess(&input.try_into()?, as_of, readings)
}
