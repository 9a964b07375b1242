//! The annual report of SFS 2013:522 10 §, computed from a register.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::counting::{
    deviation_tables, exit_survey, intake_outcomes, municipality_rows, staff_summary, ClientCounts,
};
use super::{Cell, Register, Table};
use crate::codes::UnknownCode;
use crate::disclosure::{Certificate, Protection};
use crate::input::Problem;
use crate::organisation::{LeadershipCheck, LeadershipGroup, MunicipalityCode};
use crate::priority::{PriorityPolicy, WaitingSummary};
use crate::rules::{RuleSet, Stamp};

/// What the report needs besides the register.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// The report year.
    pub year: i32,
    /// The service's name.
    pub service_name: String,
    /// Disclosure control of every published count (k = 3 by default; see
    /// [`crate::disclosure`]). [`Protection::Unprotected`] must be asked for, and the report
    /// then says it is not for publication.
    pub protection: Protection,
    /// The priority policy in use (10 § 3), if any.
    pub priority_policy: Option<PriorityPolicy>,
    /// The leadership group (10 § 4), if given: po checks it against 5 § as in force on
    /// 31 December of the report year (the state at the end of the year reported).
    pub leadership_group: Option<LeadershipGroup>,
    /// Municipality names and adults (the cost-sharing key), for clients per municipality.
    pub population: BTreeMap<MunicipalityCode, (String, u64)>,
    /// Rows a lenient import left out; the report lists them so nothing is dropped silently.
    pub input_problems: Vec<Problem>,
}

/// Point 1: positions, training and supervision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffSummary {
    /// Full-time positions (sum of FTE).
    pub positions: Decimal,
    /// Number of ombud.
    pub ombud: Cell,
    /// Training → number of ombud who had it.
    pub training: BTreeMap<String, Cell>,
    /// Ombud with supervision.
    pub with_supervision: Cell,
    /// Ombud by gender (label → count; "Uppgift saknas" for those the export leaves without
    /// one), when the staff export gives genders; empty when it does not.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ombud_by_gender: BTreeMap<String, Cell>,
}

/// A count with a share, e.g. assignments per client. Both counts are published cells; the
/// value is shown only when both are (it would otherwise give a hidden one away).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ratio {
    /// Numerator.
    pub count: Cell,
    /// Denominator.
    pub of: Cell,
    /// count / of, two decimals (half away from zero); `None` when `of` is 0 or either is
    /// hidden.
    pub value: Option<Decimal>,
}

impl Ratio {
    fn new(count: u64, of: u64, scale: Decimal) -> Ratio {
        let value = (of > 0).then(|| {
            (Decimal::from(count) * scale / Decimal::from(of))
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        });
        Ratio {
            count: Cell::Count(count),
            of: Cell::Count(of),
            value,
        }
    }

    /// Hides the value when the count or the denominator is hidden.
    pub(super) fn hide_value_if_hidden(&mut self) {
        if self.count == Cell::Suppressed || self.of == Cell::Suppressed {
            self.value = None;
        }
    }
    /// count / of.
    pub fn per(count: u64, of: u64) -> Ratio {
        Ratio::new(count, of, Decimal::ONE)
    }
    /// count / of in percent.
    pub fn percent(count: u64, of: u64) -> Ratio {
        Ratio::new(count, of, Decimal::ONE_HUNDRED)
    }
}

/// One survey question: answers with counts and percentages of those who answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SurveyQuestion {
    /// The question.
    pub question: String,
    /// Respondents who answered it.
    pub respondents: Cell,
    /// Answer → count and percent (two decimals).
    pub answers: BTreeMap<String, Ratio>,
}

/// The annual report: the five points of 10 § and the statistics the seeds publish. Holds no
/// identifier of any kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnnualReport {
    /// The year reported.
    pub year: i32,
    /// The service.
    pub service_name: String,
    /// The version of po, the rules applied (10 § as in force on 31 December of the year, the
    /// disclosure control) and 31 December of the year.
    pub stamp: Stamp,
    /// 10 § 1.
    pub staff: StaffSummary,
    /// 10 § 2: active clients by gender × age band (age on 31 December).
    pub active_clients: Table,
    /// New clients (started in the year) by gender × age band.
    pub new_clients: Table,
    /// Closed clients (ended in the year) by gender × age band.
    pub closed_clients: Table,
    /// Active clients by area × gender.
    pub clients_by_area: Table,
    /// Active clients with children at home, by gender.
    pub children_at_home: Table,
    /// Contact reasons of active clients by gender (a client can have several).
    pub contact_reasons: Table,
    /// Contact reasons of the year's new clients by gender (seed 001 figure 1). A report read
    /// from a submission of schema 3 or earlier, which did not carry it, has it without rows:
    /// not reported (its compilation says so).
    #[serde(default = "super::counting::new_contact_reasons_not_reported")]
    pub new_contact_reasons: Table,
    /// Assignments of active clients by category.
    pub assignments: Table,
    /// Assignments per active client.
    pub assignments_per_client: Ratio,
    /// Active clients per municipality, with the municipality's share of the key.
    pub clients_per_municipality: Vec<MunicipalityRow>,
    /// Active clients with a municipality (the total of `clients_per_municipality`).
    pub clients_with_municipality: Cell,
    /// Intake outcomes by area, for visits in the year.
    pub intake_outcomes: Table,
    /// Waiting days from application to start, for clients who started in the year.
    pub waiting: Waiting,
    /// 10 § 3: the priority order in use, by name and source.
    pub priority_policy: Option<String>,
    /// 10 § 4: the leadership-group check.
    pub leadership: Option<LeadershipCheck>,
    /// 10 § 5: deviations by event type × level.
    pub deviations_by_type: Table,
    /// Deviations by counterpart × status.
    pub deviations_by_counterpart: Table,
    /// Shortcomings (not positive events) that got feedback.
    pub deviations_with_feedback: Ratio,
    /// Exit survey: response rate.
    pub survey_response_rate: Option<Ratio>,
    /// Exit survey: per question.
    pub survey: Vec<SurveyQuestion>,
    /// The disclosure control applied.
    pub protection: Protection,
    /// How many shown numbers each table or group of figures hides (never which, nor why).
    pub hidden_cells: BTreeMap<String, u64>,
    /// Input rows left out by a lenient import, with file, row, column and reason.
    pub input_problems: Vec<Problem>,
    /// What the audit at the end of protection certified (never serialized: a report read
    /// back is audited in full before it is rendered).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) certificate: Certificate,
}

/// Clients of one municipality against its key share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MunicipalityRow {
    /// The code.
    pub code: MunicipalityCode,
    /// The name (from the population given; empty if none).
    pub name: String,
    /// Active clients.
    pub clients: Cell,
    /// Share of all active clients with a municipality, percent.
    pub client_share: Ratio,
    /// Share of the adult population key, percent (if populations were given).
    pub key_share: Option<Ratio>,
}

/// Waiting days from application to start. Median and maximum are published only with their
/// count: a median over 1..k-1 people is one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Waiting {
    /// Clients with a known wait.
    pub clients: Cell,
    /// Median in days; `None` when none or when the count is hidden.
    pub median_days: Option<Decimal>,
    /// Longest wait in days; `None` when none or when the count is hidden.
    pub max_days: Option<i64>,
}

impl From<WaitingSummary> for Waiting {
    fn from(w: WaitingSummary) -> Self {
        Waiting {
            clients: Cell::Count(w.count as u64),
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }
}

/// Computes the annual report for `options.year` and protects it as `options.protection` says
/// (see [`crate::disclosure`]): the report returned has passed the audit.
///
/// # Errors
/// [`crate::Error::Disclosure`] if protection fails (a k below 2, or a solver failure); an
/// organisation error for a year out of range or a leadership group before any rule set.
pub fn annual_report(
    register: &Register,
    options: &ReportOptions,
) -> Result<AnnualReport, crate::Error> {
    let mut report = unprotected_report(register, options)?;
    report.protection = Protection::Unprotected;
    let statute = RuleSet::in_force_on(report.stamp.as_of, "year")
        .map_or("SFS 2013:522 10 §".to_owned(), |r| {
            format!("{} 10 §", r.citation())
        });
    report.stamp.rules = format!("{statute}; {}", control_text(Protection::Unprotected));
    if let Protection::Threshold { k } = options.protection {
        report.protect(k)?;
    }
    Ok(report)
}

/// The disclosure control a report's stamp names.
pub(super) fn control_text(protection: Protection) -> String {
    match protection {
        Protection::Threshold { k } => format!(
            "disclosure control: counts 1..{} hidden, and more until an LP audit finds no \
             hidden cell that can be computed or shown to be small (po-core disclosure)",
            k.saturating_sub(1)
        ),
        Protection::Unprotected => "no disclosure control (not for publication)".to_owned(),
    }
}

/// Registers of at least this many clients are counted on several threads (below it a
/// thread costs more than it saves).
const PARALLEL_FROM: usize = 100_000;

/// The report with every count as it is.
pub(super) fn unprotected_report(
    register: &Register,
    options: &ReportOptions,
) -> Result<AnnualReport, crate::Error> {
    // The service's name is printed on every page of the report: the same screen as the free
    // text of the exports.
    if crate::privacy::contains_identity_number(&options.service_name) {
        return Err(crate::disclosure::DisclosureError::IdentityInText {
            field: "service_name",
        }
        .into());
    }
    let year = options.year;
    let end = time::Date::from_calendar_date(year, time::Month::December, 31)
        .map_err(|_| crate::organisation::OrganisationError::YearOutOfRange(year))?;
    let leadership = match &options.leadership_group {
        Some(group) => Some(group.check(end)?),
        None => None,
    };
    // A large register is counted on the machine's cores (two here), as polars and DuckDB do.
    let chunks = if register.clients.len() >= PARALLEL_FROM {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        1
    };
    let clients = ClientCounts::of(&register.clients, year, chunks).tables();
    let (clients_per_municipality, with_municipality) =
        municipality_rows(&clients.per_municipality, &options.population);
    let (deviations_by_type, deviations_by_counterpart, deviations_with_feedback) =
        deviation_tables(register, year);
    let (survey_response_rate, survey) = exit_survey(register);
    Ok(AnnualReport {
        year,
        service_name: options.service_name.clone(),
        stamp: Stamp::new("", end),
        staff: staff_summary(register),
        active_clients: clients.active_clients,
        new_clients: clients.new_clients,
        closed_clients: clients.closed_clients,
        clients_by_area: clients.clients_by_area,
        children_at_home: clients.children_at_home,
        contact_reasons: clients.contact_reasons,
        new_contact_reasons: clients.new_contact_reasons,
        assignments: clients.assignments,
        assignments_per_client: clients.assignments_per_client,
        clients_per_municipality,
        clients_with_municipality: Cell::Count(with_municipality),
        intake_outcomes: intake_outcomes(register, year),
        waiting: clients.waiting,
        priority_policy: options
            .priority_policy
            .as_ref()
            .map(|p| format!("{} ({})", p.name(), p.source())),
        leadership,
        deviations_by_type,
        deviations_by_counterpart,
        deviations_with_feedback,
        survey_response_rate,
        survey,
        protection: Protection::Unprotected,
        hidden_cells: BTreeMap::new(),
        input_problems: options.input_problems.clone(),
        certificate: Certificate::default(),
    })
}

impl AnnualReport {
    /// One table by its machine name (`active_clients`, `contact_reasons`, …).
    ///
    /// # Errors
    /// [`UnknownCode`] listing the table names.
    pub fn table(&self, name: &str) -> Result<&Table, UnknownCode> {
        let tables = self.tables();
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        let accepted = names.join(", ");
        tables
            .into_iter()
            .find(|t| t.name == name.trim())
            .ok_or_else(|| UnknownCode {
                labelled: false,
                list: "table",
                value: crate::privacy::shown(name),
                accepted,
            })
    }
}
