//! Recording the outcome of an intake visit (nybesök), for the statistics.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::codes::IntakeOutcome;

/// One intake visit: when, where and with what outcome (the five outcomes of
/// [`IntakeOutcome`], seeds 003, 004). Counted per area in the annual report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeRecord {
    /// The date of the visit.
    pub date: Date,
    /// The area (område) or municipality it belongs to.
    pub area: String,
    /// The outcome.
    pub outcome: IntakeOutcome,
}
