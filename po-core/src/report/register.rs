//! The case register: what a PO service records, without identity numbers.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use super::ContactReasons;
use crate::codes::{
    AgeBand, AssignmentCategory, Counterpart, DeviationEventType, DeviationLevel, DeviationStatus,
    Gender, IntakeOutcome,
};
use crate::organisation::MunicipalityCode;

/// An assignment (uppdrag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignment {
    /// The category.
    pub category: AssignmentCategory,
    /// When it started.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub started_on: Option<Date>,
    /// When it ended.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub ended_on: Option<Date>,
}

/// A client: someone who has had an ombud. `id` is a pseudonym or any local id; the register
/// never holds an identity number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Client {
    /// Pseudonym or local id.
    pub id: String,
    /// Gender as recorded (woman, man, other).
    pub gender: Gender,
    /// Birth date, if recorded.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub birth_date: Option<Date>,
    /// Birth year, if that is what is recorded.
    #[serde(default)]
    pub birth_year: Option<i32>,
    /// Age band, if only that is recorded.
    #[serde(default)]
    pub age_band: Option<AgeBand>,
    /// Home municipality.
    #[serde(default)]
    pub municipality: Option<MunicipalityCode>,
    /// Area (område). Shared: the CSV import keeps each area's name once for all its clients
    /// (`Some("Norra".into())` builds one).
    #[serde(default)]
    pub area: Option<Arc<str>>,
    /// Applied (for waiting times).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub applied_on: Option<Date>,
    /// Got an ombud.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub started_on: Date,
    /// Closed.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub ended_on: Option<Date>,
    /// Has children living at home.
    #[serde(default)]
    pub children_at_home: bool,
    /// Priority groups matched at intake (codes of `priority::PriorityGroup`).
    #[serde(default)]
    pub priority_groups: Vec<String>,
    /// Contact reasons (one or more); a set, so a reason listed twice counts once.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::codes::ContactReason>")
    )]
    pub contact_reasons: ContactReasons,
    /// Assignments.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}

/// An intake visit (nybesök).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntakeVisit {
    /// Date.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub date: Date,
    /// Area (or municipality name) the visit is counted under. Shared, as a client's area:
    /// the import keeps each name once for all its visits (`"Norra".into()` builds one).
    pub area: Arc<str>,
    /// Outcome.
    pub outcome: IntakeOutcome,
}

/// A deviation: a shortcoming (or positive event) noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deviation {
    /// Date documented.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub date: Date,
    /// Event type.
    pub event_type: DeviationEventType,
    /// Level.
    pub level: DeviationLevel,
    /// Counterpart.
    pub counterpart: Counterpart,
    /// Life-cycle status.
    pub status: DeviationStatus,
    /// Consequence for the individual (seed 001 annex 1), free text without personal data.
    #[serde(default)]
    pub consequence: Option<String>,
}

/// One exit-survey response: question → answer (free labels, e.g. "Ja", "Delvis", "Nej").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SurveyResponse {
    /// Answers by question.
    pub answers: BTreeMap<String, String>,
}

/// The exit survey (avslutningsenkät) of a year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExitSurvey {
    /// Surveys sent out (for the response rate).
    pub sent: u32,
    /// Responses.
    #[serde(default)]
    pub responses: Vec<SurveyResponse>,
}

/// A member of staff (10 § 1: positions, training, supervision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffMember {
    /// Local id.
    pub id: String,
    /// Full-time equivalent (1.0 = full time).
    pub fte: Decimal,
    /// Training received during the year.
    #[serde(default)]
    pub training: Vec<String>,
    /// Supervision (handledning) received.
    #[serde(default)]
    pub supervision: Option<String>,
    /// Gender, when the staff export gives it (seed 001: "ca 70 procent är kvinnor").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<crate::codes::Gender>,
}

/// A service's register for one or more years.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Register {
    /// Clients.
    pub clients: Vec<Client>,
    /// Intake visits.
    pub intake_visits: Vec<IntakeVisit>,
    /// Deviations.
    pub deviations: Vec<Deviation>,
    /// Exit survey of the report year.
    pub exit_survey: Option<ExitSurvey>,
    /// Staff in the report year.
    pub staff: Vec<StaffMember>,
}

impl Register {
    /// The clients of the register outside `year`: how many started after it ended, and how
    /// many ended before it began. They are in no table of the year's report; the command says
    /// so to the coordinator (issue 32 point 6), and the published report does not (a count of
    /// one or two people).
    pub fn outside_year(&self, year: i32) -> (usize, usize) {
        let after = self
            .clients
            .iter()
            .filter(|c| c.started_on.year() > year)
            .count();
        let before = self
            .clients
            .iter()
            .filter(|c| c.ended_on.is_some_and(|e| e.year() < year))
            .count();
        (after, before)
    }
}

impl Client {
    /// Whether the client had an ombud on some day of `year`.
    pub fn active_in(&self, year: i32) -> bool {
        self.started_on.year() <= year && self.ended_on.is_none_or(|e| e.year() >= year)
    }

    /// The age band on 31 December of `year` (see the module docs); `None` if unknown or under
    /// 18.
    pub fn age_band_in(&self, year: i32) -> Option<AgeBand> {
        let age = match (self.birth_date, self.birth_year) {
            (Some(d), _) => year - d.year(),
            (None, Some(y)) => year - y,
            (None, None) => return self.age_band,
        };
        AgeBand::for_age(age)
    }
}
