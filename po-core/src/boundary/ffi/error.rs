//! The one error type at the boundary (a `PoException` hierarchy in Kotlin, Swift's `PoError`).

use crate::privacy::redact;
use crate::Error as CoreError;

/// Any error po returns to a foreign caller.
///
/// A flat error: each variant becomes an exception class (`PoException.UnknownCode`, …) whose
/// `message` is po-core's own message, which names the field, the value (unless it is personal
/// data) and what was expected. (A structured uniffi error would replace that sentence by
/// `field=…, reason=…` in Kotlin, and a field called `message` clashes with `Throwable.message`.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum PoError {
    /// A value not in a code list; the message lists the accepted codes.
    #[error("{reason}")]
    UnknownCode {
        /// The message.
        reason: String,
    },
    /// An invalid personnummer or samordningsnummer (the message never contains it).
    #[error("{reason}")]
    InvalidIdentityNumber {
        /// The message.
        reason: String,
    },
    /// A register (CSV or JSON) with problems: the message lists them, one per line, each with
    /// its file, row and column.
    #[error("{reason}")]
    InvalidRegister {
        /// The message.
        reason: String,
    },
    /// A publication refused by disclosure control: a hidden cell could be computed or shown to
    /// be small (or the audit's solver failed). Nothing was rendered.
    #[error("{reason}")]
    Disclosure {
        /// The message.
        reason: String,
    },
    /// Any other invalid input: the field and why.
    #[error("{reason}")]
    InvalidInput {
        /// The message, starting with the field.
        reason: String,
    },
}

impl From<CoreError> for PoError {
    fn from(e: CoreError) -> Self {
        // The one personal-data filter (crate::privacy), whoever built the message.
        let reason = redact(&e.to_string());
        match e {
            CoreError::Import(import) => PoError::InvalidRegister {
                reason: problem_list(&import.problems),
            },
            CoreError::UnknownCode(_) => PoError::UnknownCode { reason },
            CoreError::Disclosure(
                crate::disclosure::DisclosureError::AtRisk { .. }
                | crate::disclosure::DisclosureError::Solver(_),
            ) => PoError::Disclosure { reason },
            CoreError::Identity(_) => PoError::InvalidIdentityNumber { reason },
            // These messages already start with their field.
            CoreError::PseudonymKey(_)
            | CoreError::Organisation(_)
            | CoreError::NoRuleSet(_)
            | CoreError::Eligibility(_)
            | CoreError::Priority(_)
            | CoreError::Money(_)
            | CoreError::Disclosure(_) => PoError::InvalidInput { reason },
        }
    }
}

/// At most this many problems are listed in one message (the count says how many there were).
const LISTED_PROBLEMS: usize = 50;

/// "N problem(s) in the register:" and one line per problem.
pub(crate) fn problem_list(problems: &[crate::report::Problem]) -> String {
    let mut text = format!("{} problem(s) in the register:", problems.len());
    for p in problems.iter().take(LISTED_PROBLEMS) {
        text.push_str("\n  ");
        text.push_str(&redact(&p.to_string()));
    }
    if problems.len() > LISTED_PROBLEMS {
        text.push_str(&format!(
            "\n  … and {} more",
            problems.len() - LISTED_PROBLEMS
        ));
    }
    text
}

/// An [`PoError::InvalidInput`] with this message (which starts with the field).
pub(crate) fn invalid(reason: String) -> PoError {
    PoError::InvalidInput {
        reason: redact(&reason),
    }
}

/// Converts any po-core module error through the umbrella error.
pub(crate) fn po<E: Into<CoreError>>(e: E) -> PoError {
    PoError::from(e.into())
}
