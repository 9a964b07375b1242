//! Errors of the organisation module.

use time::Date;

/// Invalid organisation data. Each names the field, the value and what was expected.
/// (Municipality codes and names are public, not personal data.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrganisationError {
    /// A kommunkod that is not four digits starting with a county code.
    #[error(
        "{field}: expected a 4-digit kommunkod whose first two digits are a county code \
         (01–25) and last two are not 00, got {value:?}"
    )]
    InvalidMunicipalityCode {
        /// The field.
        field: &'static str,
        /// The value given (shortened).
        value: String,
    },
    /// A year no calendar date can have (outside −9999..=9999).
    #[error("year: {0} is out of range")]
    YearOutOfRange(i32),
    /// A participant that left before it joined.
    #[error("participants[{municipality}]: left {left} is before joined {joined}")]
    InvertedPeriod {
        /// The municipality code.
        municipality: String,
        /// The date it joined.
        joined: Date,
        /// The date it left.
        left: Date,
    },
    /// The same municipality twice in overlapping periods.
    #[error("participants: municipality {municipality} is listed twice for overlapping periods")]
    DuplicateParticipant {
        /// The municipality code.
        municipality: String,
    },
    /// The host is not among the participants.
    #[error("host: municipality {municipality} is not among the participants")]
    HostNotParticipant {
        /// The municipality code.
        municipality: String,
    },
    /// A negative number of positions.
    #[error("positions: expected zero or more full-time positions, got {value}")]
    NegativePositions {
        /// The value given.
        value: String,
    },
    /// No participants at all.
    #[error("participants: a PO service needs at least one municipality")]
    NoParticipants,
}
