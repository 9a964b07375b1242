//! uniffi bindings for vendors: Kotlin/JVM first, also Swift. One error type ([`PoError`], a
//! `PoException` in Kotlin), dates as `java.time.LocalDate` and money as `java.math.BigDecimal`
//! (carried as ISO / decimal strings across the boundary). No unsigned integers at the boundary
//! (awkward from Java). Nothing panics across it: every rejected input is a [`PoError`].

mod codes;
mod eligibility;
mod error;
mod identity;
mod money;
mod organisation;
mod priority;
mod report;
mod types;

pub use codes::*;
pub use eligibility::*;
pub use error::PoError;
pub use identity::*;
pub use money::*;
pub use organisation::*;
pub use priority::*;
pub use report::*;

/// What every result carries: the version of po, the rules applied and the date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StampRecord {
    /// The version of po.
    pub library_version: String,
    /// The rules applied (rule set, policy, agreement or method, with sources).
    pub rules: String,
    /// The date they were applied on.
    pub as_of: time::Date,
}

impl From<crate::rules::Stamp> for StampRecord {
    fn from(s: crate::rules::Stamp) -> Self {
        StampRecord {
            library_version: s.library_version,
            rules: s.rules,
            as_of: s.as_of,
        }
    }
}

/// The version of po (po-core and these bindings are released together).
#[uniffi::export]
pub fn library_version() -> String {
    crate::VERSION.to_owned()
}
