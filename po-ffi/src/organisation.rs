//! The leadership-group check (SFS 2013:522 5 §) and the bundled Värmland reference data.

use time::Date;

use crate::rules::Status;
use po_core::codes::CodeList;
use po_core::organisation::{self as core, LeadershipRole};
use po_core::reference::varmland;

use super::error::{po, PoError};
use super::record::{record, signed};
use super::rules::{findings, Finding};

record! {
    /// A member of the leadership group: the role (a `leadership_role` code or label) and the
    /// organisation.
    LeadershipMember {
        /// Role code or label, e.g. `region_psychiatry` or "Regionens psykiatri".
        role: String,
        /// The organisation, free text.
        organisation: String,
    }
}

record! {
    /// The result of the 5 § check: overall status, the roles missing, every finding.
    LeadershipCheck {
        /// The date checked.
        as_of: Date,
        /// The rule set in force on that date (`sfs_2013_522` or `sfs_2019_1094`).
        rule_set: String,
        /// The version of po that checked.
        library_version: String,
        /// Met if every requirement is met, not met if any is not, otherwise unknown.
        compliant: Status,
        /// Codes of the required roles with no member.
        missing: Vec<String>,
        /// One finding per required role, then one for the offer to organisations.
        findings: Vec<Finding>,
    }
}

impl From<core::LeadershipCheck> for LeadershipCheck {
    fn from(c: core::LeadershipCheck) -> Self {
        LeadershipCheck {
            as_of: c.as_of,
            rule_set: c.rule_set.code().to_owned(),
            library_version: c.library_version,
            compliant: c.compliant.into(),
            missing: c.missing.iter().map(|r| r.code().to_owned()).collect(),
            findings: findings(c.findings),
        }
    }
}

/// The group of these members (roles parsed from their codes or labels).
pub(crate) fn group_of(
    members: Vec<LeadershipMember>,
    organisations_offered_seat: Option<bool>,
) -> Result<core::LeadershipGroup, PoError> {
    let members = members
        .into_iter()
        .map(|m| {
            Ok(core::LeadershipMember {
                role: LeadershipRole::parse(&m.role).map_err(po)?,
                organisation: m.organisation,
            })
        })
        .collect::<Result<_, PoError>>()?;
    Ok(core::LeadershipGroup {
        members,
        organisations_offered_seat,
    })
}

/// Checks a leadership group against SFS 2013:522 5 § as in force on `as_of`.
pub(crate) fn check(
    members: Vec<LeadershipMember>,
    organisations_offered_seat: Option<bool>,
    as_of: Date,
) -> Result<LeadershipCheck, PoError> {
    let check = group_of(members, organisations_offered_seat)?
        .check(as_of)
        .map_err(po)?;
    Ok(check.into())
}

record! {
    /// A municipality of PO Värmland (seed 003): its areas in 2020 and 2023 (none: not a
    /// participant) and its TOTAL population (not adults; see the data's README).
    VarmlandMunicipality {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// Area (område) in 2020; none if not participating.
        area_2020: Option<String>,
        /// Area (område) in 2023; none if not participating.
        area_2023: Option<String>,
        /// TOTAL population on 2021-12-31 (not adults).
        total_population_2021_12_31: i64,
        /// TOTAL population on 2023-12-31 (not adults).
        total_population_2023_12_31: i64,
    }
}

/// The 16 municipalities of Värmland with PO Värmland's areas (seed 003).
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(
    feature = "python",
    pyo3::pyfunction(name = "_varmland_municipalities")
)]
pub fn varmland_municipalities() -> Vec<VarmlandMunicipality> {
    varmland::MUNICIPALITIES
        .iter()
        .map(|m| VarmlandMunicipality {
            code: m.code.to_owned(),
            name: m.name.to_owned(),
            area_2020: m.area_2020.map(str::to_owned),
            area_2023: m.area_2023.map(str::to_owned),
            total_population_2021_12_31: signed(u64::from(m.total_population_2021_12_31)),
            total_population_2023_12_31: signed(u64::from(m.total_population_2023_12_31)),
        })
        .collect()
}

/// PO Värmland's leadership group of 2023 (seed 003), checked on `as_of` (Python's wrapper
/// reads a date or an ISO string: `python::organisation`).
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn varmland_leadership_group_2023(as_of: Date) -> Result<LeadershipCheck, PoError> {
    Ok(varmland::leadership_group_2023()
        .check(as_of)
        .map_err(po)?
        .into())
}

/// Validates a kommunkod (four digits, a known county) and returns it trimmed.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn municipality_code(code: String) -> Result<String, PoError> {
    core::MunicipalityCode::parse(&code)
        .map(|c| c.as_str().to_owned())
        .map_err(po)
}

#[cfg(feature = "python")]
pub(crate) fn register(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    use pyo3::prelude::*;
    m.add_class::<LeadershipCheck>()?;
    m.add_class::<VarmlandMunicipality>()?;
    m.add_function(wrap_pyfunction!(varmland_municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(municipality_code, m)?)?;
    Ok(())
}
