//! Identity numbers (personnummer, samordningsnummer) and keyed pseudonyms.
//!
//! An identity number is personal data: [`IdentityNumber`]'s `Debug` and `Display` never show it
//! and no error message contains it. Statistics never need it; registers carry a [`Pseudonym`].

mod age;
mod number;
mod pseudonym;

pub use age::age_on;
pub use number::{IdentityError, IdentityKind, IdentityNumber};
pub use pseudonym::{Pseudonym, PseudonymKey, PseudonymKeyError};
