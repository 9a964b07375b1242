//! The one error of the boundary, mapped once from po-core's [`po_core::Error`] (as Mozilla's
//! application-services map an internal error to one public error).
//!
//! - Kotlin/Java: `PoException.UnknownCode`, `.InvalidIdentityNumber`, `.InvalidRegister`,
//!   `.Disclosure`, `.InvalidInput`, each with `reason` (po's sentence: the field, the value
//!   unless it is personal data, what was expected) and, for a register, `problems`. (uniffi
//!   renders `message` as `reason=…`; read `reason`.)
//! - Python: `PoError` (a `ValueError`) with `UnknownCodeError`, `InvalidIdentityNumberError`,
//!   `InvalidInputError` → `InvalidRegisterError` (`.problems`), `DisclosureError`; the message is
//!   the reason.
//!
//! Every reason passes the one personal-data filter ([`po_core::privacy::redact`]), whoever built it,
//! and is said in the messages' language ([`set_message_language`]; English until set).

use po_core::disclosure::DisclosureError;
use po_core::privacy::redact;
use po_core::Error as CoreError;
use std::sync::atomic::{AtomicBool, Ordering};

use super::record::{record, signed};

record! {
    /// A problem in an input file: the file, where in it, and what is wrong.
    Problem {
        /// The file (as named by the caller).
        file: String,
        /// The row as a spreadsheet numbers it (header = 1); 0 when `column` is a JSON path
        /// such as `clients[3].ended_on`, which locates the record and the field.
        row: i64,
        /// The column (or the JSON path such as `clients[3].ended_on`); "" for the whole row.
        column: String,
        /// What is wrong, in po's words.
        reason: String,
    }
}

impl From<po_core::input::Problem> for Problem {
    fn from(p: po_core::input::Problem) -> Self {
        Problem {
            file: p.file,
            row: signed(p.row),
            column: p.column,
            reason: said(&p.reason),
        }
    }
}

/// Whether the messages are said in Swedish (chosen by [`set_message_language`]).
static SWEDISH: AtomicBool = AtomicBool::new(false);

/// Chooses the language of po's messages — errors' reasons and problems — in this process:
/// `sv` or `en`. Until chosen they are English (decided: a program's behaviour must not change
/// with the machine's locale, and the shared test vectors match English wordings; the `po`
/// command, which people read, follows the locale). Documents have their own `language`
/// argument.
///
/// # Errors
/// `UnknownCode` for a language other than `sv` and `en`.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn set_message_language(language: String) -> Result<(), PoError> {
    let chosen = po_core::Language::parse(&language).map_err(po)?;
    SWEDISH.store(chosen == po_core::Language::Sv, Ordering::Relaxed);
    Ok(())
}

/// The language po's messages are said in: `sv` or `en` (see [`set_message_language`]).
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn message_language() -> String {
    language().code().to_owned()
}

fn language() -> po_core::Language {
    if SWEDISH.load(Ordering::Relaxed) {
        po_core::Language::Sv
    } else {
        po_core::Language::En
    }
}

/// A message of po (worded in English once) in the messages' language, filtered.
fn said(message: &str) -> String {
    redact(&po_core::io::write::message_in(message, language()))
}

/// Any error po returns to another language.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum PoError {
    /// A value not in a code list; the reason lists the accepted codes.
    #[error("{reason}")]
    UnknownCode {
        /// Why.
        reason: String,
    },
    /// An invalid personnummer or samordningsnummer (the reason never contains it).
    #[error("{reason}")]
    InvalidIdentityNumber {
        /// Why.
        reason: String,
    },
    /// A register (CSV or JSON) with problems: every one, located.
    #[error("{reason}")]
    InvalidRegister {
        /// How many problems, and the first of them, one per line.
        reason: String,
        /// Every problem.
        problems: Vec<Problem>,
    },
    /// A publication refused by disclosure control: a hidden cell could be computed or shown to
    /// be small (or the audit's solver failed). Nothing was rendered.
    #[error("{reason}")]
    Disclosure {
        /// Why.
        reason: String,
    },
    /// Any other invalid input: the field and why.
    #[error("{reason}")]
    InvalidInput {
        /// Why, starting with the field.
        reason: String,
    },
}

impl PoError {
    /// The kind, as each language names its exception class (`UnknownCode`,
    /// `InvalidIdentityNumber`, `InvalidRegister`, `Disclosure`, `InvalidInput`): the names the
    /// shared test vectors use too.
    pub fn kind(&self) -> &'static str {
        match self {
            PoError::UnknownCode { .. } => "UnknownCode",
            PoError::InvalidIdentityNumber { .. } => "InvalidIdentityNumber",
            PoError::InvalidRegister { .. } => "InvalidRegister",
            PoError::Disclosure { .. } => "Disclosure",
            PoError::InvalidInput { .. } => "InvalidInput",
        }
    }
}

impl From<CoreError> for PoError {
    fn from(e: CoreError) -> Self {
        let reason = said(&e.to_string());
        match e {
            CoreError::Import(import) => PoError::InvalidRegister {
                reason: problem_list(&import.problems),
                problems: import.problems.into_iter().map(Problem::from).collect(),
            },
            CoreError::UnknownCode(_) => PoError::UnknownCode { reason },
            CoreError::Disclosure(DisclosureError::AtRisk { .. } | DisclosureError::Solver(_)) => {
                PoError::Disclosure { reason }
            }
            CoreError::Identity(_) => PoError::InvalidIdentityNumber { reason },
            // These messages already start with their field.
            CoreError::PseudonymKey(_)
            | CoreError::Organisation(_)
            | CoreError::NoRuleSet(_)
            | CoreError::Eligibility(_)
            | CoreError::Priority(_)
            | CoreError::Money(_)
            | CoreError::Output(_)
            | CoreError::Submission(_)
            | CoreError::Disclosure(_) => PoError::InvalidInput { reason },
        }
    }
}

/// At most this many problems are listed in one message (the count says how many there were).
const LISTED_PROBLEMS: usize = 50;

/// "N problem(s) in the register:" and one line per problem.
fn problem_list(problems: &[po_core::input::Problem]) -> String {
    let language = language();
    let mut text = match language {
        po_core::Language::Sv => format!("{} problem i registret:", problems.len()),
        po_core::Language::En => format!("{} problem(s) in the register:", problems.len()),
    };
    // At most 20 of a kind and how many more of it (po-core's summary), and no more than
    // LISTED_PROBLEMS lines in all; `problems` on the exception holds every one.
    let lines = po_core::io::write::problem_lines(problems, language);
    for line in lines.iter().take(LISTED_PROBLEMS) {
        text.push_str("\n  ");
        text.push_str(&redact(line));
    }
    if lines.len() > LISTED_PROBLEMS {
        let more = lines.len() - LISTED_PROBLEMS;
        text.push_str(&match language {
            po_core::Language::Sv => format!("\n  … och {more} rader till"),
            po_core::Language::En => format!("\n  … and {more} more lines"),
        });
    }
    text
}

/// An [`PoError::InvalidInput`] with this message (which starts with the field).
pub(crate) fn invalid(reason: impl AsRef<str>) -> PoError {
    PoError::InvalidInput {
        reason: said(reason.as_ref()),
    }
}

/// Converts any po-core module error through the umbrella error.
pub(crate) fn po<E: Into<CoreError>>(e: E) -> PoError {
    PoError::from(e.into())
}

#[cfg(feature = "python")]
pub(crate) use python::register;

#[cfg(feature = "python")]
mod python {
    use pyo3::exceptions::PyValueError;
    use pyo3::prelude::*;

    pyo3::create_exception!(
        personligt_ombud,
        PoError,
        PyValueError,
        "Base class of every error po raises; a ValueError."
    );
    pyo3::create_exception!(
        personligt_ombud,
        UnknownCodeError,
        PoError,
        "A value that is not in a code list; the message lists what is accepted."
    );
    pyo3::create_exception!(
        personligt_ombud,
        InvalidIdentityNumberError,
        PoError,
        "An invalid personnummer or samordningsnummer; the message never contains the number."
    );
    pyo3::create_exception!(
        personligt_ombud,
        InvalidInputError,
        PoError,
        "Any other invalid input; the message names the field."
    );
    pyo3::create_exception!(
        personligt_ombud,
        InvalidRegisterError,
        InvalidInputError,
        "A register with problems; `.problems` lists every one (file, row, column, reason)."
    );
    pyo3::create_exception!(
        personligt_ombud,
        DisclosureError,
        PoError,
        "A publication refused by disclosure control: a hidden cell could be computed or shown to be small; nothing was rendered."
    );

    impl From<super::PoError> for PyErr {
        fn from(e: super::PoError) -> PyErr {
            match e {
                super::PoError::UnknownCode { reason } => UnknownCodeError::new_err(reason),
                super::PoError::InvalidIdentityNumber { reason } => {
                    InvalidIdentityNumberError::new_err(reason)
                }
                super::PoError::InvalidInput { reason } => InvalidInputError::new_err(reason),
                super::PoError::Disclosure { reason } => DisclosureError::new_err(reason),
                super::PoError::InvalidRegister { reason, problems } => Python::attach(|py| {
                    let err = InvalidRegisterError::new_err(reason);
                    // Attaching the list cannot fail short of memory; the message has the
                    // first problems.
                    let _ = err.value(py).setattr("problems", problems);
                    err
                }),
            }
        }
    }

    /// Adds the exception classes to the module (the base class as `PoError`).
    pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = m.py();
        m.add("PoError", py.get_type::<PoError>())?;
        m.add("UnknownCodeError", py.get_type::<UnknownCodeError>())?;
        m.add(
            "InvalidIdentityNumberError",
            py.get_type::<InvalidIdentityNumberError>(),
        )?;
        m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
        m.add(
            "InvalidRegisterError",
            py.get_type::<InvalidRegisterError>(),
        )?;
        m.add("DisclosureError", py.get_type::<DisclosureError>())?;
        m.add_class::<super::Problem>()?;
        m.add_function(wrap_pyfunction!(super::set_message_language, m)?)?;
        m.add_function(wrap_pyfunction!(super::message_language, m)?)?;
        Ok(())
    }
}
