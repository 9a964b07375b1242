//! The leadership-group check as Python calls it: members as `(role, organisation)` pairs.

use pyo3::prelude::*;
use time::Date;

use crate::error::PoError;
use crate::organisation::{check, LeadershipCheck, LeadershipMember};

/// `(role, organisation)` pairs as members.
pub(crate) fn members(pairs: Vec<(String, String)>) -> Vec<LeadershipMember> {
    pairs
        .into_iter()
        .map(|(role, organisation)| LeadershipMember { role, organisation })
        .collect()
}

/// Checks a leadership group against 5 § as in force on `as_of`. `members` are
/// `(role, organisation)` pairs; a role is a `leadership_role` code or label.
#[pyfunction]
#[pyo3(signature = (members, *, as_of, organisations_offered_seat = None))]
fn check_leadership_group(
    members: Vec<(String, String)>,
    as_of: Date,
    organisations_offered_seat: Option<bool>,
) -> Result<LeadershipCheck, PoError> {
    check(self::members(members), organisations_offered_seat, as_of)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::organisation::register(m)?;
    m.add_function(wrap_pyfunction!(check_leadership_group, m)?)?;
    Ok(())
}
