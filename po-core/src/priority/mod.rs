//! Priority when there is a queue (SFS 2013:522 8 § 5 and 10 § 3 require the municipality to
//! state how it prioritises). The order, the groups and the young-adult age limit differ between
//! organisations, so a [`PriorityPolicy`] is data, with named presets citing their sources.

mod error;
mod policy;
mod queue;
mod stats;

pub use error::PriorityError;
pub use policy::{PriorityGroup, PriorityPolicy, TieBreak};
pub use queue::{order, rank, Applicant, Placement, RankedApplicant, Ranking};
pub use stats::{queue_statistics, QueueStatistics, WaitingSummary};
