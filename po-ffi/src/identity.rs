//! Identity numbers and keyed pseudonyms across the boundary: the same two objects in every
//! language. Neither their `repr`/`toString` nor any error ever shows the number.

use time::Date;

use po_core::codes::CodeList;
use po_core::identity as core;

use super::error::{po, PoError};

/// A valid personnummer or samordningsnummer. It is personal data: only `to_long` and
/// `to_short` give the number back, for the caller's own records.
#[derive(PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, hash, module = "personligt_ombud")
)]
pub struct IdentityNumber(pub(crate) core::IdentityNumber);

// Debug never shows the number (po_core::identity's own Debug hides it too).
impl std::fmt::Debug for IdentityNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "IdentityNumber(kind={:?}, <hidden>)",
            self.0.kind().code()
        )
    }
}

#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl IdentityNumber {
    /// The 12-digit form YYYYMMDDNNNC (personal data: never log it).
    pub fn to_long(&self) -> String {
        self.0.to_long()
    }
}

// Each language reads the dates as it gives them (Python: `datetime.date` or an ISO string).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl IdentityNumber {
    /// Age in completed years on `on`.
    pub fn age_on(&self, on: Date) -> i32 {
        self.0.age_on(on)
    }

    /// The 10-digit form with '-' or '+' as correct on `on` (personal data: never log it).
    pub fn to_short(&self, on: Date) -> String {
        self.0.to_short_on(on)
    }
}

impl IdentityNumber {
    /// Parses any spelling; `reference_date` (the date it was written) decides the century of
    /// a 10-digit form.
    pub(crate) fn of_text(text: &str, reference_date: Date) -> Result<Self, PoError> {
        core::IdentityNumber::parse(text, reference_date)
            .map(IdentityNumber)
            .map_err(po)
    }

    /// `personnummer` or `samordningsnummer`.
    pub(crate) fn kind_code(&self) -> String {
        self.0.kind().code().to_owned()
    }

    /// `woman` or `man`, from the birth number.
    pub(crate) fn gender_code(&self) -> String {
        self.0.legal_gender().code().to_owned()
    }
}

/// A secret key for keyed pseudonyms (HMAC-SHA256); at least 16 bytes.
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "personligt_ombud"))]
pub struct PseudonymKey(pub(crate) core::PseudonymKey);

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PseudonymKey(<secret>)")
    }
}

#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl PseudonymKey {
    /// The pseudonym (32 hex digits) of an identity number.
    pub fn pseudonym(&self, number: &IdentityNumber) -> String {
        self.0.pseudonym(&number.0).as_str().to_owned()
    }

    /// The pseudonym of any other client id (a case number, a local id), exactly as given;
    /// never equal to an identity number's pseudonym.
    pub fn pseudonym_of_id(&self, id: &str) -> String {
        self.0.pseudonym_of_id(id).as_str().to_owned()
    }
}

impl PseudonymKey {
    /// A key from its secret bytes.
    pub(crate) fn of_secret(secret: &[u8]) -> Result<Self, PoError> {
        core::PseudonymKey::new(secret)
            .map(PseudonymKey)
            .map_err(po)
    }
}
