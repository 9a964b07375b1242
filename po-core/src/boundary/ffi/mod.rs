//! uniffi bindings for vendors: Kotlin/JVM first, also Swift. One error type ([`PoError`], a
//! `PoException` in Kotlin), dates as `java.time.LocalDate` and money as `java.math.BigDecimal`
//! (carried as ISO / decimal strings across the boundary). No unsigned integers at the boundary
//! (awkward from Java). Nothing panics across it: every rejected input is a [`PoError`].
//! The modules below hold only what Kotlin/Java call differently; everything else is the
//! boundary's shared records and functions, re-exported here.

mod deviation;
mod identity;
mod money;
mod organisation;
mod priority;
mod report;
mod types;

pub use crate::boundary::codes::*;
pub use crate::boundary::deviation::*;
pub use crate::boundary::eligibility::*;
pub use crate::boundary::error::{PoError, Problem};
pub use crate::boundary::identity::*;
pub use crate::boundary::money::*;
pub use crate::boundary::organisation::*;
pub use crate::boundary::priority::*;
pub use crate::boundary::report::*;
pub use crate::boundary::rules::*;
pub use money::*;
pub use organisation::*;
pub use report::*;
