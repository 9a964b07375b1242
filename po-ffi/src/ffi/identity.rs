//! Identity numbers and pseudonym keys as Kotlin/Java construct and read them.

use std::sync::Arc;

use time::Date;

use crate::error::PoError;
use crate::identity::{IdentityNumber, PseudonymKey};

#[uniffi::export]
impl IdentityNumber {
    /// Parses any spelling; `reference_date` (the date it was written) decides the century of
    /// a 10-digit form.
    #[uniffi::constructor]
    pub fn parse(text: String, reference_date: Date) -> Result<Arc<Self>, PoError> {
        Self::of_text(&text, reference_date).map(Arc::new)
    }

    /// `personnummer` or `samordningsnummer`.
    pub fn kind(&self) -> String {
        self.kind_code()
    }

    /// The birth date.
    pub fn birth_date(&self) -> Date {
        self.0.birth_date()
    }

    /// `woman` or `man`, from the birth number.
    pub fn legal_gender(&self) -> String {
        self.gender_code()
    }
}

#[uniffi::export]
impl PseudonymKey {
    /// A key from its secret (at least 16 bytes).
    #[uniffi::constructor]
    pub fn new(secret: Vec<u8>) -> Result<Arc<Self>, PoError> {
        Self::of_secret(&secret).map(Arc::new)
    }
}
