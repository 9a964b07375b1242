//! The leadership-group check (SFS 2013:522 5 §) and the bundled Värmland reference data.

use crate::codes::CodeList;
use crate::organisation::{
    LeadershipCheck as CoreCheck, LeadershipGroup, LeadershipMember, LeadershipRole,
};
use crate::reference::varmland;
use pyo3::prelude::*;
use time::Date;

use super::eligibility::Finding;
use super::errors::{invalid, to_py};
use super::values::value_class;

value_class! {
    /// The result of the 5 § check: overall status, the roles missing, every finding.
    LeadershipCheck {
        /// The date checked.
        as_of: Date,
        /// The rule set in force on that date.
        rule_set: String,
        /// The version of po that checked.
        library_version: String,
        /// `met` if every requirement is met, `not_met` if any is not, otherwise `unknown`.
        compliant: String,
        /// Required roles with no member.
        missing: Vec<String>,
        /// One finding per required role, then one for the offer to organisations.
        findings: Vec<Finding>,
    }
}

impl From<CoreCheck> for LeadershipCheck {
    fn from(c: CoreCheck) -> Self {
        LeadershipCheck {
            as_of: c.as_of,
            rule_set: c.rule_set.code().to_owned(),
            library_version: c.library_version,
            compliant: c.compliant.code().to_owned(),
            missing: c.missing.iter().map(|r| r.code().to_owned()).collect(),
            findings: c.findings.into_iter().map(Finding::from).collect(),
        }
    }
}

/// `(role, organisation)` pairs as members; a role is a `leadership_role` code or label.
pub(crate) fn members_of(pairs: Vec<(String, String)>) -> PyResult<Vec<LeadershipMember>> {
    pairs
        .into_iter()
        .map(|(role, organisation)| {
            Ok(LeadershipMember {
                role: LeadershipRole::parse(&role).map_err(to_py)?,
                organisation,
            })
        })
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
) -> PyResult<LeadershipCheck> {
    LeadershipGroup {
        members: members_of(members)?,
        organisations_offered_seat,
    }
    .check(as_of)
    .map(LeadershipCheck::from)
    .map_err(to_py)
}

value_class! {
    /// A municipality of PO Värmland (seed 003): its areas in 2020 and 2023 (None: not a
    /// participant) and its TOTAL population (not adults; see the data's README).
    VarmlandMunicipality {
        /// Kommunkod.
        code: String,
        /// Name.
        name: String,
        /// Area (område) in 2020, `None` if not participating.
        area_2020: Option<String>,
        /// Area (område) in 2023, `None` if not participating.
        area_2023: Option<String>,
        /// TOTAL population on 2021-12-31 (not adults).
        total_population_2021_12_31: u64,
        /// TOTAL population on 2023-12-31 (not adults).
        total_population_2023_12_31: u64,
    }
}

/// The 16 municipalities of Värmland with PO Värmland's areas (seed 003).
#[pyfunction]
#[pyo3(name = "_varmland_municipalities")]
fn varmland_municipalities() -> Vec<VarmlandMunicipality> {
    varmland::MUNICIPALITIES
        .iter()
        .map(|m| VarmlandMunicipality {
            code: m.code.to_owned(),
            name: m.name.to_owned(),
            area_2020: m.area_2020.map(str::to_owned),
            area_2023: m.area_2023.map(str::to_owned),
            total_population_2021_12_31: u64::from(m.total_population_2021_12_31),
            total_population_2023_12_31: u64::from(m.total_population_2023_12_31),
        })
        .collect()
}

/// PO Värmland's leadership group of 2023 (seed 003), checked on `as_of`.
#[pyfunction]
fn varmland_leadership_group_2023(as_of: Date) -> PyResult<LeadershipCheck> {
    varmland::leadership_group_2023()
        .check(as_of)
        .map(LeadershipCheck::from)
        .map_err(to_py)
}

/// Validates a kommunkod (four digits, a known county) and returns it trimmed.
#[pyfunction]
fn municipality_code(code: &str) -> PyResult<String> {
    crate::organisation::MunicipalityCode::parse(code)
        .map(|c| c.as_str().to_owned())
        .map_err(|e| invalid(e.to_string()))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<LeadershipCheck>()?;
    m.add_class::<VarmlandMunicipality>()?;
    m.add_function(wrap_pyfunction!(check_leadership_group, m)?)?;
    m.add_function(wrap_pyfunction!(varmland_municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(varmland_leadership_group_2023, m)?)?;
    m.add_function(wrap_pyfunction!(municipality_code, m)?)?;
    Ok(())
}
