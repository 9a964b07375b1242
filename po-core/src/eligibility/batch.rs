//! Many target-group assessments at once (SFS 2013:522 2 §): one row per person, out the
//! outcome and each criterion's status, without the reason sentences — e.g. to count how many
//! of a service's cases the statute's "och" and Stockholm's "eller" (seed 002) would each admit.
//!
//! The rules are [`assess`](super::assess)'s own functions, so a row's outcome and statuses
//! are exactly those of `assess` on the same input (a property test holds them equal); only
//! the text is left out. Rows are independent: a row whose input is wrong (an answer that
//! contradicts its details, a birth after the date) gets its error and the others go on.

use serde::Serialize;
use time::Date;

use super::assess::{
    age_years, checked_rules, contacts_met, criterion_status, difficulties_met, needs_met,
    question, Outcome, Question,
};
use super::{Criterion, EligibilityError, Readings, TargetGroupInput};
use crate::codes::CodeList;
use crate::rules::{RuleSet, Status, Text};

/// The criteria in the statute's order, as [`Assessment::findings`](super::Assessment) names
/// them.
pub const CRITERIA: [&str; 5] = [
    "age_18_or_older",
    "psychiatric_disability",
    "difficulties_in_several_life_areas",
    "complex_and_extensive_needs",
    "long_term_contacts",
];

/// One row's result: the outcome and the status of each of [`CRITERIA`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CaseResult {
    /// The outcome.
    pub outcome: Outcome,
    /// The status of each criterion, in the order of [`CRITERIA`].
    pub statuses: [Status; 5],
}

impl CaseResult {
    /// The criteria not met.
    pub fn not_met(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.with(Status::NotMet)
    }

    /// The criteria not yet known.
    pub fn unknown(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.with(Status::Unknown)
    }

    /// The questions to ask, as [`super::assess`] gives them: for an undetermined outcome,
    /// one per criterion not yet known; none when a criterion is already not met.
    pub fn questions(&self) -> Vec<Question> {
        if self.outcome != Outcome::Undetermined {
            return Vec::new();
        }
        self.unknown()
            .map(|c| question(&Text::Borrowed(c)))
            .collect()
    }

    fn with(&self, status: Status) -> impl Iterator<Item = &'static str> + '_ {
        CRITERIA
            .iter()
            .zip(self.statuses)
            .filter(move |(_, s)| *s == status)
            .map(|(c, _)| *c)
    }
}

/// The results of a batch, row by row, with what produced them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// One result per input row, in order; a row with wrong input holds its error.
    pub results: Vec<Result<CaseResult, EligibilityError>>,
    /// The rule set in force on the assessment date.
    pub rule_set: RuleSet,
    /// The assessment date.
    pub as_of: Date,
    /// The readings used to derive answers from details.
    pub readings: Readings,
    /// The version of po.
    pub library_version: String,
}

impl Batch {
    /// How many rows have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.results
            .iter()
            .filter(|r| matches!(r, Ok(c) if c.outcome == outcome))
            .count()
    }

    /// The rows whose input is wrong, with their errors (row = position in the input).
    pub fn errors(&self) -> impl Iterator<Item = (usize, &EligibilityError)> {
        self.results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e)))
    }
}

/// Assesses every row against 2 § as in force on `as_of`. Fails as a whole only for what
/// concerns every row: a date before 2013-08-01 or a zero minimum in the readings.
pub fn assess_batch(
    cases: &[TargetGroupInput],
    as_of: Date,
    readings: Readings,
) -> Result<Batch, EligibilityError> {
    let rule_set = checked_rules(as_of, readings)?;
    Ok(Batch {
        results: cases.iter().map(|c| case(c, as_of, readings)).collect(),
        rule_set,
        as_of,
        readings,
        library_version: crate::VERSION.to_owned(),
    })
}

/// The distinct values of a list as bits (the lists have at most 32 values).
fn bits<T: CodeList>(values: &[T]) -> u32 {
    values.iter().fold(0, |m, v| {
        m | T::ALL
            .iter()
            .position(|x| x == v)
            .map_or(0, |i| 1u32 << (i % 32))
    })
}

fn status<T: CodeList>(
    field: &'static str,
    c: &Criterion<T>,
    met: impl Fn(u32) -> bool,
) -> Result<Status, EligibilityError> {
    criterion_status(field, c.answer, c.details.as_deref().map(|d| met(bits(d))))
}

fn case(
    input: &TargetGroupInput,
    as_of: Date,
    readings: Readings,
) -> Result<CaseResult, EligibilityError> {
    let age = match age_years(input.age, as_of)? {
        None => Status::Unknown,
        Some(years) if years >= 18 => Status::Met,
        Some(_) => Status::NotMet,
    };
    let count = |m: u32| m.count_ones() as usize;
    let statuses = [
        age,
        criterion_status(
            "psychiatric_disability",
            Some(input.psychiatric_disability),
            None,
        )?,
        status("difficulties", &input.difficulties, |m| {
            difficulties_met(count(m), readings)
        })?,
        status("needs", &input.needs, |m| needs_met(count(m), readings))?,
        status("long_term_contacts", &input.long_term_contacts, |m| {
            contacts_met(|a| m & bits(&[a]) != 0, readings)
        })?,
    ];
    let outcome = if statuses.contains(&Status::NotMet) {
        Outcome::NotEligible
    } else if statuses.contains(&Status::Unknown) {
        Outcome::Undetermined
    } else {
        Outcome::Eligible
    };
    Ok(CaseResult { outcome, statuses })
}
