//! Errors of priority policies and queues.

use time::Date;

/// Invalid policy or queue input; each names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PriorityError {
    /// The same kind of group twice in a policy.
    #[error("groups[{index}]: the group {group} is already listed at groups[{first}]")]
    RepeatedGroup {
        /// Position of the repetition.
        index: usize,
        /// Position of the first occurrence.
        first: usize,
        /// The group's code.
        group: &'static str,
    },
    /// A young-adult range that is inverted or starts below 18.
    #[error(
        "groups[{index}].young_adults: expected 18 ≤ min_age ≤ max_age, got {min_age}–{max_age}"
    )]
    InvalidAgeRange {
        /// Position of the group.
        index: usize,
        /// The lower limit.
        min_age: u8,
        /// The upper limit.
        max_age: u8,
    },
    /// Two applicants with the same id. Errors locate applicants by position and never repeat
    /// their id or birth date: an id should be a pseudonym, but if a personnummer was used
    /// after all, no message or `Debug` output may carry it.
    #[error("applicants[{index}].id: the same id as applicants[{first}]")]
    DuplicateId {
        /// Position of the repetition.
        index: usize,
        /// Position of the first occurrence.
        first: usize,
    },
    /// An applicant under 18 on the ranking date (not in the target group, 2 §).
    #[error("applicants[{index}].birth_date: the applicant is under 18 on {on}")]
    UnderAge {
        /// Position of the applicant.
        index: usize,
        /// The ranking date.
        on: Date,
    },
    /// Queued after the ranking date.
    #[error("applicants[{index}].queued_on: {queued_on} is after the ranking date {on}")]
    QueuedInFuture {
        /// Position of the applicant.
        index: usize,
        /// The queue date.
        queued_on: Date,
        /// The ranking date.
        on: Date,
    },
    /// A policy document that is not valid JSON or not a valid policy.
    #[error("policy: {reason}")]
    InvalidPolicy {
        /// What is wrong (serde's message, with line and column).
        reason: String,
    },
    /// A preset name that does not exist.
    #[error("preset: unknown policy preset {name:?}; expected one of {expected}")]
    UnknownPreset {
        /// The name given.
        name: String,
        /// The preset names.
        expected: String,
    },
    /// A period that ends before it starts.
    #[error("period: {from} is after {to}")]
    InvertedPeriod {
        /// Start.
        from: Date,
        /// End.
        to: Date,
    },
}
