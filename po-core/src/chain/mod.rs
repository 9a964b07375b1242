//! The reporting chain (SFS 2013:522 10, 12, 14 §§; `../shared/DOMAIN.md` § 11): each service
//! reports to länsstyrelsen, each länsstyrelse compiles its county for Socialstyrelsen, which
//! compiles the nation (seed 001 is the 2019 national report). This module starts with seed
//! 001's table 1, municipalities offering PO per county, compiled from what the services submit.
//!
//! Decisions where the sources are silent:
//! - **A service counts once** (seed 001 table 1, footnote 1: "Om fler kommuner … driver
//!   verksamheten tillsammans så räknas det som en verksamhet") — once in each county where it
//!   has a municipality, and once in the national total, so a service spanning two counties
//!   makes the national total less than the sum of the counties (said in a finding).
//! - **A municipality claimed by two services** is a finding, and counts once as offering PO.
//! - The change against the previous year is computed from the previous year's submissions,
//!   never typed, so the table cannot disagree with itself.

mod admission;
mod annex;
mod compilation;
mod compile;
mod hierarchy;
mod staff;
mod submission;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::codes::CodeList;
use crate::organisation::{County, MunicipalityCode};
use crate::reference::sweden;

pub use annex::AnnexRow;
pub use compilation::{
    compile, compile_against, compile_family, Change, Compilation, CountyGrant, ProviderRow,
};
pub use compile::compile_tables;
pub use submission::{
    contradictions, validate_submission, validate_submissions, GrantFigures, Submission,
    SubmissionError, CONFIDENTIAL, SUBMISSION_SCHEMA,
};

/// What one service submits about its organisation for the year (part of its 10 § report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSubmission {
    /// The service's name.
    pub service: String,
    /// The year reported.
    pub year: i32,
    /// The municipalities it serves (host and participants).
    pub municipalities: Vec<MunicipalityCode>,
}

/// One county's row of table 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountyRow {
    /// The county; `None` for the national total.
    pub county: Option<County>,
    /// Municipalities in the county (from the 290).
    pub municipalities: u64,
    /// Of those, offering PO in the year.
    pub offering: u64,
    /// Change in `offering` against the previous year, if its submissions were given.
    pub change: Option<i64>,
    /// Services with a municipality in the county.
    pub services: u64,
}

/// A finding of the compilation, located by service or municipality, and by the file the
/// submission was read from when it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainFinding {
    /// What it is about (a service, a municipality, a county, or `total`).
    pub about: String,
    /// The file of the submission it is about, when known (see [`Submission::file`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// What was found.
    pub reason: String,
}

impl ChainFinding {
    /// A finding about `about`, in no particular file; its reason passes the personal-data
    /// filter (a finding quotes what it found).
    pub fn new(about: impl Into<String>, reason: impl Into<String>) -> Self {
        ChainFinding {
            about: about.into(),
            file: None,
            reason: crate::privacy::redact(&reason.into()),
        }
    }

    /// A submission left out of a compilation's sums, and why (about `about`, in `file`): the
    /// one wording of `Compilation::left_out`, whoever leaves it out (the compilation, or the
    /// reader of files that cannot be read).
    pub fn left_out(
        about: impl Into<String>,
        file: Option<&str>,
        why: impl std::fmt::Display,
    ) -> Self {
        ChainFinding::new(about, format!("left out of the compilation: {why}")).in_file(file)
    }

    /// The same finding, located in `file` (when given).
    #[must_use]
    pub fn in_file(mut self, file: Option<&str>) -> Self {
        if let Some(f) = file {
            self.file = Some(f.to_owned());
        }
        self
    }
}

impl std::fmt::Display for ChainFinding {
    /// "PO X (submission.csv): reason", as the command prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{} ({file}): {}", self.about, self.reason),
            None => write!(f, "{}: {}", self.about, self.reason),
        }
    }
}

/// Seed 001 table 1: municipalities offering PO per county, and the national total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalitiesOffering {
    /// The year.
    pub year: i32,
    /// One row per county, in county-code order (all 21).
    pub counties: Vec<CountyRow>,
    /// The nation.
    pub total: CountyRow,
    /// What the compilation found.
    pub findings: Vec<ChainFinding>,
    /// The version, the rules applied and 31 December of the year.
    pub stamp: crate::rules::Stamp,
}

/// Municipalities offering PO per county in `year` from the services' submissions, with the
/// change against `previous` (the previous year's submissions) when given.
pub fn municipalities_offering(
    year: i32,
    submissions: &[ServiceSubmission],
    previous: Option<&[ServiceSubmission]>,
) -> MunicipalitiesOffering {
    let mut findings = Vec::new();
    let offering = offering_of(year, submissions, &mut findings);
    let before = previous.map(|p| offering_of(year - 1, p, &mut Vec::new()));
    let in_county = |c: County| {
        sweden::municipalities()
            .iter()
            .filter(move |m| m.county == c)
    };
    let mut counties: Vec<CountyRow> = Vec::new();
    let mut national_services = BTreeSet::new();
    for &county in County::ALL {
        let municipalities = in_county(county).count() as u64;
        if municipalities == 0 {
            continue;
        }
        let count = |set: &BTreeMap<MunicipalityCode, Vec<usize>>| {
            in_county(county)
                .filter(|m| set.contains_key(&m.code))
                .count() as i64
        };
        let services: BTreeSet<usize> = in_county(county)
            .filter_map(|m| offering.get(&m.code))
            .flatten()
            .copied()
            .collect();
        national_services.extend(services.iter().copied());
        counties.push(CountyRow {
            county: Some(county),
            municipalities,
            offering: count(&offering) as u64,
            change: before.as_ref().map(|b| count(&offering) - count(b)),
            services: services.len() as u64,
        });
    }
    let county_services: u64 = counties.iter().map(|c| c.services).sum();
    if county_services != national_services.len() as u64 {
        findings.push(ChainFinding::new(
            "total",
            format!(
                "{} services counted in the counties, {} nationally: a service with \
                 municipalities in more than one county counts once in each county and once in \
                 the nation",
                county_services,
                national_services.len()
            ),
        ));
    }
    let total = CountyRow {
        county: None,
        municipalities: counties.iter().map(|c| c.municipalities).sum(),
        offering: counties.iter().map(|c| c.offering).sum(),
        change: before
            .as_ref()
            .map(|_| counties.iter().filter_map(|c| c.change).sum()),
        services: national_services.len() as u64,
    };
    let end =
        time::Date::from_calendar_date(year, time::Month::December, 31).unwrap_or(time::Date::MAX);
    MunicipalitiesOffering {
        year,
        counties,
        total,
        findings,
        stamp: crate::rules::Stamp::new(
            "seed 001 table 1 (Socialstyrelsen 2019) compiled from the services' submissions \
             (SFS 2013:522 10, 12 §§) against SCB's 290 municipalities; a joint service counts \
             once",
            end,
        ),
    }
}

/// Each municipality offering PO and the submissions (by index) that claim it; findings for
/// the wrong year, unknown municipalities and municipalities claimed twice.
fn offering_of(
    year: i32,
    submissions: &[ServiceSubmission],
    findings: &mut Vec<ChainFinding>,
) -> BTreeMap<MunicipalityCode, Vec<usize>> {
    let mut offering: BTreeMap<MunicipalityCode, Vec<usize>> = BTreeMap::new();
    for (i, s) in submissions.iter().enumerate() {
        if s.year != year {
            findings.push(ChainFinding::new(
                &s.service,
                format!("reports the year {}, not {year}", s.year),
            ));
        }
        for &m in &s.municipalities {
            if sweden::municipality(m).is_none() {
                findings.push(ChainFinding::new(
                    &s.service,
                    format!("{m} is not one of Sweden's 290 municipalities"),
                ));
                continue;
            }
            let claims = offering.entry(m).or_default();
            if let Some(&first) = claims.first() {
                if first != i {
                    findings.push(ChainFinding::new(
                        m.to_string(),
                        format!(
                            "claimed by two services: {} and {}",
                            submissions[first].service, s.service
                        ),
                    ));
                }
            }
            if !claims.contains(&i) {
                claims.push(i);
            }
        }
    }
    offering
}

/// A finding when a report's text states a change in the number of municipalities offering PO
/// that the table does not show (seed 001's text against its table 1), or that cannot be
/// checked because the table has no previous year.
pub fn check_stated_change(table: &MunicipalitiesOffering, stated: i64) -> Option<ChainFinding> {
    stated_change(table.total.change, stated)
}

/// The finding of [`check_stated_change`] for a row's `change` (`None`: no previous year).
pub(crate) fn stated_change(change: Option<i64>, stated: i64) -> Option<ChainFinding> {
    let reason = match change {
        Some(change) if change == stated => return None,
        Some(change) => format!(
            "the text states a change of {stated:+} municipalities; the table's changes sum to \
             {change:+}"
        ),
        None => format!(
            "the text states a change of {stated:+} municipalities, which cannot be checked \
             without the previous year's submissions"
        ),
    };
    Some(ChainFinding::new("total", reason))
}

#[cfg(test)]
mod tests;
