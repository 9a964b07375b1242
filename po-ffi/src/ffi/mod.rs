//! uniffi bindings for vendors: Kotlin/JVM first, also Swift. One error type ([`PoError`], a
//! `PoException` in Kotlin), dates as `java.time.LocalDate` and money as `java.math.BigDecimal`
//! (carried as ISO / decimal strings across the boundary). No unsigned integers at the boundary
//! (awkward from Java). Nothing panics across it: every rejected input is a [`PoError`].
//! The modules below hold only what Kotlin/Java call differently; everything else is the
//! boundary's shared records and functions, re-exported here.

mod deviation;
mod identity;
mod ledger;
mod money;
mod organisation;
mod priority;
mod report;
mod types;

pub use crate::codes::*;
pub use crate::deviation::*;
pub use crate::eligibility::*;
pub use crate::error::{PoError, Problem};
pub use crate::identity::*;
pub use crate::ledger::*;
pub use crate::money::*;
pub use crate::organisation::*;
pub use crate::priority::*;
pub use crate::report::*;
pub use crate::rules::*;
pub use money::*;
pub use organisation::*;
pub use report::*;
