//! Errors of the money module.

/// Invalid money input; each names the field and the value (amounts and municipality codes are
/// not personal data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// An amount that must not be negative.
    #[error("{field}: expected an amount of zero or more kronor, got {value}")]
    NegativeAmount {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
    /// A count that must be positive.
    #[error("{field}: expected more than zero, got {value}")]
    NotPositive {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
    /// An agreement document that is not valid JSON or not a valid agreement.
    #[error("agreement: {reason}")]
    InvalidAgreement {
        /// What is wrong (serde's message, with line and column).
        reason: String,
    },
    /// An agreement without participants.
    #[error("participants: an agreement needs at least one municipality")]
    EmptyAgreement,
    /// The same municipality twice.
    #[error("participants[{index}]: municipality {municipality} is already listed")]
    DuplicateParticipant {
        /// Position of the repetition.
        index: usize,
        /// The municipality code.
        municipality: String,
    },
    /// The host is not a participant.
    #[error("host: municipality {municipality} is not among the participants")]
    HostNotParticipant {
        /// The host's code.
        municipality: String,
    },
    /// Fixed income, fee and surplus exceed the cost: the municipalities would be paid.
    #[error(
        "agreement: fixed income, administration fee and surplus used exceed the costs by {excess} kr; \
         a negative municipal total is not allocated silently — lower the income or the surplus used"
    )]
    IncomeExceedsCost {
        /// By how much.
        excess: String,
    },
    /// Participants' populations from different years, or a year that does not fit.
    #[error("participants[{index}].reference_date: {date} does not match {expected}")]
    InconsistentYear {
        /// Position of the participant.
        index: usize,
        /// The date given.
        date: String,
        /// What was expected.
        expected: String,
    },
    /// A municipality missing from a population table or client counts.
    #[error("{field}: unknown municipality {municipality}")]
    UnknownMunicipality {
        /// The field or table.
        field: String,
        /// The code.
        municipality: String,
    },
    /// A national budget that cannot be read or does not add up (seed 001 table 5).
    #[error("budget: {reason}")]
    InvalidBudget {
        /// Why.
        reason: String,
    },
    /// A national budget of another year than the compilation it is given to.
    #[error("budget: the budget is for {budget}, the compilation for {year}")]
    BudgetYear {
        /// The budget's year.
        budget: i32,
        /// The compilation's.
        year: i32,
    },
    /// A problem in a population table.
    #[error("population table, line {line}: {reason}")]
    PopulationTable {
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// An amount too large to compute with.
    #[error("{field}: the amount is too large (at most 10^15 kr, or 10^10 adults)")]
    Overflow {
        /// The field.
        field: String,
    },
}

/// The largest amount po accepts in one field: 10¹⁵ kr, far above any PO budget, and small
/// enough that sums of lines and products with populations cannot overflow (so nothing panics
/// or wraps on absurd input).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// The largest population po accepts for one municipality (10¹⁰).
pub const MAX_ADULTS: u64 = 10_000_000_000;

pub(crate) fn non_negative(field: &str, value: rust_decimal::Decimal) -> Result<(), MoneyError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(MoneyError::NegativeAmount {
            field: field.to_owned(),
            value: value.to_string(),
        });
    }
    if value > rust_decimal::Decimal::from(MAX_AMOUNT) {
        return Err(MoneyError::Overflow {
            field: field.to_owned(),
        });
    }
    Ok(())
}
