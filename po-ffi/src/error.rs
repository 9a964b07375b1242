//! The one error type at the boundary (a `PoException` hierarchy in Kotlin, Swift's `PoError`).

use po_core::Error as CoreError;

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
    /// Any other invalid input: the field and why.
    #[error("{reason}")]
    InvalidInput {
        /// The message, starting with the field.
        reason: String,
    },
}

impl From<CoreError> for PoError {
    fn from(e: CoreError) -> Self {
        let reason = e.to_string();
        match e {
            CoreError::UnknownCode(_) => PoError::UnknownCode { reason },
            CoreError::Identity(_) => PoError::InvalidIdentityNumber { reason },
            // These messages already start with their field.
            CoreError::PseudonymKey(_)
            | CoreError::Organisation(_)
            | CoreError::NoRuleSet(_)
            | CoreError::Eligibility(_)
            | CoreError::Priority(_)
            | CoreError::Money(_) => PoError::InvalidInput { reason },
        }
    }
}

/// Converts any po-core module error through the umbrella error.
pub(crate) fn po<E: Into<CoreError>>(e: E) -> PoError {
    PoError::from(e.into())
}
