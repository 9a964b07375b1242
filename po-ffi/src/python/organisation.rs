//! The leadership-group check as Python calls it: members as `(role, organisation)` pairs.

use pyo3::prelude::*;

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
    as_of: &Bound<'_, PyAny>,
    organisations_offered_seat: Option<bool>,
) -> PyResult<LeadershipCheck> {
    let as_of = super::values::date_of(as_of, "as_of")?;
    Ok(check(
        self::members(members),
        organisations_offered_seat,
        as_of,
    )?)
}

/// Värmland's leadership group of 2023 (seed 003) checked against 5 § as in force on `as_of`
/// (a `datetime.date` or an ISO date string).
#[pyfunction]
#[pyo3(name = "varmland_leadership_group_2023")]
fn py_varmland_leadership_group_2023(as_of: &Bound<'_, PyAny>) -> PyResult<LeadershipCheck> {
    let as_of = super::values::date_of(as_of, "as_of")?;
    Ok(crate::organisation::varmland_leadership_group_2023(as_of)?)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::organisation::register(m)?;
    m.add_function(wrap_pyfunction!(check_leadership_group, m)?)?;
    m.add_function(wrap_pyfunction!(py_varmland_leadership_group_2023, m)?)?;
    Ok(())
}
