//! The leadership-group check as Kotlin/Java call it: members as records.

use time::Date;

use crate::error::PoError;
use crate::organisation::{check, LeadershipCheck, LeadershipMember};

/// Checks a leadership group against SFS 2013:522 5 § as in force on `as_of`;
/// `organisations_offered_seat` may be null (not known).
#[uniffi::export(default(organisations_offered_seat = None))]
pub fn check_leadership_group(
    members: Vec<LeadershipMember>,
    as_of: Date,
    organisations_offered_seat: Option<bool>,
) -> Result<LeadershipCheck, PoError> {
    check(members, organisations_offered_seat, as_of)
}
