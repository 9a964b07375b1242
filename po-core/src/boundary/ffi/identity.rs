//! Identity numbers and pseudonyms across the boundary. The number itself never crosses back.

use crate::identity::{IdentityKind, IdentityNumber, PseudonymKey};
use time::Date;

use super::error::po;
use super::PoError;

/// What a valid identity number tells, without the number.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IdentityNumberInfo {
    /// True for a samordningsnummer (day + 60), false for a personnummer.
    pub is_samordningsnummer: bool,
    /// The birth date.
    pub birth_date: Date,
    /// `woman` or `man`, from the birth number's parity.
    pub legal_gender: String,
    /// Age in completed years on the reference date.
    pub age_on_reference_date: i32,
}

/// Validates a personnummer or samordningsnummer written on `reference_date` (which decides
/// the century of a 10-digit form).
#[uniffi::export]
pub fn parse_identity_number(
    text: String,
    reference_date: Date,
) -> Result<IdentityNumberInfo, PoError> {
    let n = IdentityNumber::parse(&text, reference_date).map_err(po)?;
    Ok(IdentityNumberInfo {
        is_samordningsnummer: n.kind() == IdentityKind::Samordningsnummer,
        birth_date: n.birth_date(),
        legal_gender: crate::codes::CodeList::code(n.legal_gender()).to_owned(),
        age_on_reference_date: n.age_on(reference_date),
    })
}

/// The keyed pseudonym (HMAC-SHA256, 32 hex digits) of an identity number; `key` is the
/// secret (at least 16 bytes).
#[uniffi::export]
pub fn pseudonym(key: Vec<u8>, text: String, reference_date: Date) -> Result<String, PoError> {
    let key = PseudonymKey::new(&key).map_err(po)?;
    let n = IdentityNumber::parse(&text, reference_date).map_err(po)?;
    Ok(key.pseudonym(&n).as_str().to_owned())
}

/// The keyed pseudonym of any other client id (a case number, a local id), exactly as given;
/// never equal to an identity number's pseudonym. `key` as for [`pseudonym`].
#[uniffi::export]
pub fn pseudonym_of_id(key: Vec<u8>, id: String) -> Result<String, PoError> {
    let key = PseudonymKey::new(&key).map_err(po)?;
    Ok(key.pseudonym_of_id(&id).as_str().to_owned())
}
