//! Keyed pseudonyms.
//!
//! Why not simply hash the personnummer? Because a hash without a key is no pseudonym: a century
//! holds fewer than 4·10⁷ valid personnummer (36 524 days × 999 birth numbers, one check digit
//! each), so anyone with the hashes can compute all of them in seconds on a laptop and read the
//! numbers back. A keyed hash (HMAC-SHA256, RFC 2104) under a secret only the data controller
//! holds cannot be reversed that way; whoever lacks the key sees stable, unlinkable tokens.
//!
//! The construction is fixed so that other implementations can reproduce it:
//! `hex(HMAC-SHA256(key, "po-pseudonym-v1:pnr:" + 12-digit number))[..32]` for identity numbers
//! and the same with `"po-pseudonym-v1:id:" + id` for any other client id. The prefixes keep the
//! two kinds from ever colliding; 128 bits are kept, enough that a collision among even 10⁹
//! clients has probability below 10⁻²⁰.

use std::fmt;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::IdentityNumber;

/// A secret key for pseudonyms. `Debug` never shows it.
#[derive(Clone)]
pub struct PseudonymKey {
    /// The MAC keyed once; each pseudonym starts from a clone of it.
    mac: Hmac<Sha256>,
    len: usize,
}

/// The key is too short to be a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("pseudonym key: expected at least {min} bytes of secret, got {got}")]
pub struct PseudonymKeyError {
    /// The minimum length in bytes.
    pub min: usize,
    /// The length given.
    pub got: usize,
}

impl PseudonymKey {
    /// The shortest accepted key: 16 bytes (128 bits).
    pub const MIN_LEN: usize = 16;

    /// A key from secret bytes (at least [`PseudonymKey::MIN_LEN`]).
    pub fn new(secret: &[u8]) -> Result<PseudonymKey, PseudonymKeyError> {
        if secret.len() < Self::MIN_LEN {
            return Err(PseudonymKeyError {
                min: Self::MIN_LEN,
                got: secret.len(),
            });
        }
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).map_err(|_| PseudonymKeyError {
            min: Self::MIN_LEN,
            got: secret.len(),
        })?;
        Ok(PseudonymKey {
            mac,
            len: secret.len(),
        })
    }

    /// The pseudonym of an identity number; every spelling of the same number gives the same.
    pub fn pseudonym(&self, number: &IdentityNumber) -> Pseudonym {
        self.token("pnr:", &number.to_long())
    }

    /// The pseudonym of any other client id (a case number, a local id), exactly as given.
    pub fn pseudonym_of_id(&self, id: &str) -> Pseudonym {
        self.token("id:", id)
    }

    fn token(&self, kind: &str, value: &str) -> Pseudonym {
        let mut mac = self.mac.clone();
        mac.update(b"po-pseudonym-v1:");
        mac.update(kind.as_bytes());
        mac.update(value.as_bytes());
        let bytes = mac.finalize().into_bytes();
        let hex: String = bytes[..16].iter().map(|b| format!("{b:02x}")).collect();
        Pseudonym(hex)
    }
}

impl fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PseudonymKey({} bytes)", self.len)
    }
}

/// A pseudonym: 32 lowercase hex digits. Safe to store and print; not safe to publish next to
/// small counts (see the annual report's suppression).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pseudonym(String);

impl Pseudonym {
    /// The printable form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn keyed_stable_and_spelling_independent() {
        let key = PseudonymKey::new(b"0123456789abcdef").unwrap();
        let other = PseudonymKey::new(b"fedcba9876543210").unwrap();
        let a = IdentityNumber::parse("121212-1212", date!(2026 - 01 - 01)).unwrap();
        let b = IdentityNumber::parse("201212121212", date!(2026 - 01 - 01)).unwrap();
        assert_eq!(key.pseudonym(&a), key.pseudonym(&b));
        assert_ne!(key.pseudonym(&a), other.pseudonym(&a));
        assert_ne!(key.pseudonym(&a), key.pseudonym_of_id("201212121212"));
        let p = key.pseudonym(&a);
        assert_eq!(p.as_str().len(), 32);
        assert!(p
            .as_str()
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        // Pinned value: HMAC-SHA256(key, "po-pseudonym-v1:pnr:201212121212"), first 16 bytes.
        assert_eq!(p.as_str(), PINNED);
        assert_eq!(format!("{key:?}"), "PseudonymKey(16 bytes)");
    }

    // Computed independently with Python: hmac.new(b"0123456789abcdef",
    // b"po-pseudonym-v1:pnr:201212121212", "sha256").hexdigest()[:32]
    const PINNED: &str = "305b8ffeba0adbbe0efca4a03114edee";

    #[test]
    fn short_key_is_refused() {
        assert_eq!(
            PseudonymKey::new(b"short").unwrap_err().to_string(),
            "pseudonym key: expected at least 16 bytes of secret, got 5"
        );
    }
}
