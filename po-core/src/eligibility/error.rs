//! Errors of the assessment.

use time::Date;

use crate::rules::NoRuleSet;

/// Invalid input to an assessment; each names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EligibilityError {
    /// The assessment date is before SFS 2013:522 came into force.
    #[error(transparent)]
    NoRuleSet(#[from] NoRuleSet),
    /// A birth date after the assessment date (the date itself is personal data and omitted).
    #[error("age.birth_date: the birth date is after the assessment date {as_of}")]
    BornAfterAssessment {
        /// The assessment date.
        as_of: Date,
    },
    /// An age outside 0..=130.
    #[error("age.years: expected an age in whole years from 0 to 130, got {value}")]
    ImplausibleAge {
        /// The value given.
        value: i32,
    },
    /// An answer and details that disagree.
    #[error("{field}: the answer {answer} contradicts the details, which give {derived}")]
    Contradiction {
        /// The criterion.
        field: &'static str,
        /// The answer given.
        answer: &'static str,
        /// The answer the details give.
        derived: &'static str,
    },
    /// A contacts reading that does not exist.
    #[error("readings.contacts: expected statute or stockholm_2021, got {value:?}")]
    UnknownContactsReading {
        /// The value given.
        value: String,
    },
    /// A readings preset name that does not exist.
    #[error("readings: unknown readings {name:?}; expected statute or stockholm_2021")]
    UnknownReadings {
        /// The name given.
        name: String,
    },
    /// A minimum of zero would make a criterion always met.
    #[error("readings.{field}: expected at least 1, got 0")]
    ZeroMinimum {
        /// The reading.
        field: &'static str,
    },
}
