//! The crate's umbrella error: every module error converts into it, so callers that do not care
//! which module failed can use `po_core::Error` with `?`. Bindings map it to their one error type.

pub use crate::chain::SubmissionError;
use crate::codes::UnknownCode;
use crate::disclosure::DisclosureError;
use crate::eligibility::EligibilityError;
use crate::identity::{IdentityError, PseudonymKeyError};
use crate::input::ImportError;
use crate::money::MoneyError;
use crate::organisation::OrganisationError;
use crate::priority::PriorityError;
use crate::rules::NoRuleSet;

/// Any error po-core returns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A value not in a code list.
    #[error(transparent)]
    UnknownCode(#[from] UnknownCode),
    /// An invalid identity number (the message never contains the number).
    #[error(transparent)]
    Identity(#[from] IdentityError),
    /// A pseudonym key that is too short.
    #[error(transparent)]
    PseudonymKey(#[from] PseudonymKeyError),
    /// Invalid organisation data.
    #[error(transparent)]
    Organisation(#[from] OrganisationError),
    /// Invalid input to a target-group assessment.
    #[error(transparent)]
    Eligibility(#[from] EligibilityError),
    /// An invalid priority policy or queue.
    #[error(transparent)]
    Priority(#[from] PriorityError),
    /// Invalid money input (grant, agreement, population table).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A date before any rule set.
    #[error(transparent)]
    NoRuleSet(#[from] NoRuleSet),
    /// A register (CSV or JSON) with problems; every problem is listed.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Disclosure control refused a publication or could not be applied.
    #[error(transparent)]
    Disclosure(#[from] DisclosureError),
    /// A document (a workbook) could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A submission (SFS 2013:522 10 §) that cannot be read.
    #[error(transparent)]
    Submission(#[from] SubmissionError),
}

/// A document that could not be written: its format and why (the writer's own words).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {format} document could not be written: {reason}")]
pub struct OutputError {
    /// The format (`xlsx`).
    pub format: &'static str,
    /// Why.
    pub reason: String,
}
