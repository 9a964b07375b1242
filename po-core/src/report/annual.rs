//! The annual report of SFS 2013:522 10 §, computed from a register.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::{Cell, Problem, Register, Table};
use crate::codes::{
    AgeBand, AssignmentCategory, CodeList, ContactReason, Counterpart, DeviationEventType,
    DeviationLevel, DeviationStatus, Gender, IntakeOutcome,
};
use crate::disclosure::{DisclosureError, Protection};
use crate::organisation::{LeadershipCheck, MunicipalityCode};
use crate::priority::{PriorityPolicy, WaitingSummary};

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
    /// The leadership-group check for the year (10 § 4), if done.
    pub leadership: Option<LeadershipCheck>,
    /// Municipality names and adults (the cost-sharing key), for clients per municipality.
    pub population: BTreeMap<MunicipalityCode, (String, u64)>,
    /// Rows a lenient import left out; the report lists them so nothing is dropped silently.
    pub input_problems: Vec<Problem>,
}

/// Point 1: positions, training and supervision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSummary {
    /// Full-time positions (sum of FTE).
    pub positions: Decimal,
    /// Number of ombud.
    pub ombud: Cell,
    /// Training → number of ombud who had it.
    pub training: BTreeMap<String, Cell>,
    /// Ombud with supervision.
    pub with_supervision: Cell,
}

/// A count with a share, e.g. assignments per client. Both counts are published cells; the
/// value is shown only when both are (it would otherwise give a hidden one away).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct AnnualReport {
    /// The year reported.
    pub year: i32,
    /// The service.
    pub service_name: String,
    /// The version of po that computed it.
    pub library_version: String,
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
}

/// Clients of one municipality against its key share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

fn labels<T: CodeList>() -> Vec<String> {
    T::ALL.iter().map(|v| v.label_sv().to_owned()).collect()
}

fn index_of<T: CodeList>(v: T) -> usize {
    T::ALL.iter().position(|x| *x == v).unwrap_or(0)
}

/// Counts of clients by gender × age band (age on 31 December), filled one client at a time
/// in the report's single pass over the register; unknown ages go to an extra column that is
/// dropped when nobody is in it.
struct GenderAge(Vec<Vec<u64>>);

impl GenderAge {
    fn new() -> Self {
        GenderAge(vec![vec![0u64; AgeBand::ALL.len() + 1]; Gender::ALL.len()])
    }

    fn add(&mut self, gender: usize, band: usize) {
        self.0[gender][band] += 1;
    }

    fn table(mut self, name: &str, sv: &str, en: &str) -> Table {
        let mut columns = labels::<AgeBand>();
        if self.0.iter().any(|row| row[AgeBand::ALL.len()] > 0) {
            columns.push("Uppgift saknas".into());
        } else {
            self.0.iter_mut().for_each(|row| {
                row.pop();
            });
        }
        Table::from_counts(name, sv, en, labels::<Gender>(), columns, self.0)
    }
}

/// Computes the annual report for `options.year` and protects it as `options.protection` says
/// (see [`crate::disclosure`]): the report returned has passed the audit.
///
/// # Errors
/// [`DisclosureError`] if protection fails (a k below 2, or a solver failure).
pub fn annual_report(
    register: &Register,
    options: &ReportOptions,
) -> Result<AnnualReport, DisclosureError> {
    let mut report = unprotected_report(register, options);
    report.protection = options.protection;
    if let Protection::Threshold { k } = options.protection {
        super::protection::protect_report(&mut report, k)?;
    }
    Ok(report)
}

/// The report with every count as it is.
pub(super) fn unprotected_report(register: &Register, options: &ReportOptions) -> AnnualReport {
    let year = options.year;
    // One pass over the clients fills every client table: a register of 10⁶ clients is read
    // once, with no intermediate lists (see BENCHMARKS.md).
    let (mut active_by_age, mut new_by_age, mut closed_by_age) =
        (GenderAge::new(), GenderAge::new(), GenderAge::new());
    let mut active_count = 0u64;
    let mut waits: Vec<i64> = Vec::new();

    // Areas are few and clients many: count by borrowed name in first-seen order (one short
    // linear search per client, no clone, no sort of a million names), sorted afterwards.
    let mut by_area: Vec<(&str, Vec<u64>)> = Vec::new();
    let mut children = vec![vec![0u64; 1]; Gender::ALL.len()];
    let mut reasons = vec![vec![0u64; Gender::ALL.len()]; ContactReason::ALL.len()];
    let mut assignments = vec![vec![0u64; 1]; AssignmentCategory::ALL.len()];
    let mut per_municipality: BTreeMap<MunicipalityCode, u64> = BTreeMap::new();
    let (first_day, last_day) = (
        time::Date::from_calendar_date(year, time::Month::January, 1).ok(),
        time::Date::from_calendar_date(year, time::Month::December, 31).ok(),
    );
    for c in register.clients.iter().filter(|c| c.active_in(year)) {
        active_count += 1;
        let g = index_of(c.gender);
        let band = c.age_band_in(year).map_or(AgeBand::ALL.len(), index_of);
        active_by_age.add(g, band);
        if c.started_on.year() == year {
            new_by_age.add(g, band);
            if let Some(applied) = c.applied_on {
                waits.push((c.started_on - applied).whole_days());
            }
        }
        if c.ended_on.is_some_and(|e| e.year() == year) {
            closed_by_age.add(g, band);
        }
        let area = c.area.as_deref().unwrap_or_default();
        let i = match by_area.iter().position(|(a, _)| *a == area) {
            Some(i) => i,
            None => {
                by_area.push((area, vec![0; Gender::ALL.len()]));
                by_area.len() - 1
            }
        };
        by_area[i].1[g] += 1;
        if c.children_at_home {
            children[g][0] += 1;
        }
        // A reason listed twice counts once: a bit per reason instead of a sorted copy.
        let mut seen = 0u64;
        for &r in &c.contact_reasons {
            let i = index_of(r);
            if seen & (1 << i) == 0 {
                seen |= 1 << i;
                reasons[i][g] += 1;
            }
        }
        for a in &c.assignments {
            let in_year = a.started_on.zip(last_day).is_none_or(|(s, l)| s <= l)
                && a.ended_on.zip(first_day).is_none_or(|(e, f)| e >= f);
            if in_year {
                assignments[index_of(a.category)][0] += 1;
            }
        }
        if let Some(m) = c.municipality {
            *per_municipality.entry(m).or_default() += 1;
        }
    }
    by_area.sort_by(|x, y| x.0.cmp(y.0));
    let (areas, by_area): (Vec<String>, Vec<Vec<u64>>) = by_area
        .into_iter()
        .map(|(a, counts)| (a.to_owned(), counts))
        .unzip();
    let assignment_total: u64 = assignments.iter().map(|r| r[0]).sum();

    let clients_with_municipality: u64 = per_municipality.values().sum();
    let key_total: u64 = options.population.values().map(|p| p.1).sum();
    let mut codes: Vec<MunicipalityCode> = per_municipality.keys().copied().collect();
    codes.extend(options.population.keys().copied());
    codes.sort();
    codes.dedup();
    let clients_per_municipality = codes
        .into_iter()
        .map(|code| {
            let n = per_municipality.get(&code).copied().unwrap_or(0);
            let pop = options.population.get(&code);
            MunicipalityRow {
                code,
                name: pop.map(|p| p.0.clone()).unwrap_or_default(),
                clients: Cell::Count(n),
                client_share: Ratio::percent(n, clients_with_municipality),
                key_share: pop.map(|p| Ratio::percent(p.1, key_total)),
            }
        })
        .collect();

    let visits: Vec<_> = register
        .intake_visits
        .iter()
        .filter(|v| v.date.year() == year)
        .collect();
    // As for clients: areas in first-seen order, one column of outcome counts each, sorted after.
    let mut intake_by_area: Vec<(&str, Vec<u64>)> = Vec::new();
    for v in &visits {
        let j = match intake_by_area.iter().position(|(a, _)| *a == v.area) {
            Some(j) => j,
            None => {
                intake_by_area.push((&v.area, vec![0; IntakeOutcome::ALL.len()]));
                intake_by_area.len() - 1
            }
        };
        intake_by_area[j].1[index_of(v.outcome)] += 1;
    }
    intake_by_area.sort_by(|x, y| x.0.cmp(y.0));
    let intake_areas: Vec<String> = intake_by_area
        .iter()
        .map(|(a, _)| (*a).to_owned())
        .collect();
    let intake: Vec<Vec<u64>> = (0..IntakeOutcome::ALL.len())
        .map(|i| intake_by_area.iter().map(|(_, counts)| counts[i]).collect())
        .collect();

    let waiting = WaitingSummary::of(waits);

    let deviations: Vec<_> = register
        .deviations
        .iter()
        .filter(|d| d.date.year() == year)
        .collect();
    let mut by_type = vec![vec![0u64; DeviationLevel::ALL.len()]; DeviationEventType::ALL.len()];
    let mut by_counterpart = vec![vec![0u64; DeviationStatus::ALL.len()]; Counterpart::ALL.len()];
    for d in &deviations {
        by_type[index_of(d.event_type)][index_of(d.level)] += 1;
        by_counterpart[index_of(d.counterpart)][index_of(d.status)] += 1;
    }
    let shortcomings: Vec<_> = deviations
        .iter()
        .filter(|d| d.event_type.is_shortcoming())
        .collect();
    let with_feedback = shortcomings
        .iter()
        .filter(|d| d.status.has_feedback())
        .count() as u64;

    let (survey_response_rate, survey) = match &register.exit_survey {
        None => (None, Vec::new()),
        Some(s) => {
            let mut questions: BTreeMap<&str, BTreeMap<&str, u64>> = BTreeMap::new();
            for r in &s.responses {
                for (q, a) in &r.answers {
                    *questions.entry(q).or_default().entry(a).or_default() += 1;
                }
            }
            let rows = questions
                .into_iter()
                .map(|(q, answers)| {
                    let respondents: u64 = answers.values().sum();
                    SurveyQuestion {
                        question: q.to_owned(),
                        respondents: Cell::Count(respondents),
                        answers: answers
                            .into_iter()
                            .map(|(a, n)| (a.to_owned(), Ratio::percent(n, respondents)))
                            .collect(),
                    }
                })
                .collect();
            (
                Some(Ratio::percent(s.responses.len() as u64, u64::from(s.sent))),
                rows,
            )
        }
    };

    let staff = StaffSummary {
        positions: register.staff.iter().map(|s| s.fte).sum(),
        ombud: Cell::Count(register.staff.len() as u64),
        training: register
            .staff
            .iter()
            .flat_map(|s| s.training.iter())
            .fold(BTreeMap::<String, u64>::new(), |mut m, t| {
                *m.entry(t.clone()).or_default() += 1;
                m
            })
            .into_iter()
            .map(|(t, n)| (t, Cell::Count(n)))
            .collect(),
        with_supervision: Cell::Count(
            register
                .staff
                .iter()
                .filter(|s| s.supervision.is_some())
                .count() as u64,
        ),
    };

    let genders = labels::<Gender>;
    AnnualReport {
        year,
        service_name: options.service_name.clone(),
        library_version: crate::VERSION.to_owned(),
        staff,
        active_clients: active_by_age.table(
            "active_clients",
            "Aktuella klienter efter kön och ålder",
            "Active clients by gender and age",
        ),
        new_clients: new_by_age.table(
            "new_clients",
            "Nya klienter efter kön och ålder",
            "New clients by gender and age",
        ),
        closed_clients: closed_by_age.table(
            "closed_clients",
            "Avslutade klienter efter kön och ålder",
            "Closed clients by gender and age",
        ),
        clients_by_area: Table::from_counts(
            "clients_by_area",
            "Klienter efter område och kön",
            "Clients by area and gender",
            areas,
            genders(),
            by_area,
        ),
        children_at_home: Table::from_counts(
            "children_at_home",
            "Klienter med hemmavarande barn",
            "Clients with children at home",
            genders(),
            vec!["Klienter".into()],
            children,
        ),
        contact_reasons: Table::from_counts(
            "contact_reasons",
            "Kontaktorsaker efter kön",
            "Contact reasons by gender",
            labels::<ContactReason>(),
            genders(),
            reasons,
        ),
        assignments: Table::from_counts(
            "assignments",
            "Uppdrag efter kategori",
            "Assignments by category",
            labels::<AssignmentCategory>(),
            vec!["Uppdrag".into()],
            assignments,
        ),
        assignments_per_client: Ratio::per(assignment_total, active_count),
        clients_per_municipality,
        clients_with_municipality: Cell::Count(clients_with_municipality),
        intake_outcomes: Table::from_counts(
            "intake_outcomes",
            "Resultat av nybesök efter område",
            "Intake outcomes by area",
            labels::<IntakeOutcome>(),
            intake_areas,
            intake,
        ),
        waiting: waiting.into(),
        priority_policy: options
            .priority_policy
            .as_ref()
            .map(|p| format!("{} ({})", p.name(), p.source())),
        leadership: options.leadership.clone(),
        deviations_by_type: Table::from_counts(
            "deviations_by_type",
            "Avvikelser efter händelsetyp och nivå",
            "Deviations by event type and level",
            labels::<DeviationEventType>(),
            labels::<DeviationLevel>(),
            by_type,
        ),
        deviations_by_counterpart: Table::from_counts(
            "deviations_by_counterpart",
            "Avvikelser efter motpart och status",
            "Deviations by counterpart and status",
            labels::<Counterpart>(),
            labels::<DeviationStatus>(),
            by_counterpart,
        ),
        deviations_with_feedback: Ratio::percent(with_feedback, shortcomings.len() as u64),
        survey_response_rate,
        survey,
        protection: Protection::Unprotected,
        hidden_cells: BTreeMap::new(),
        input_problems: options.input_problems.clone(),
    }
}

impl AnnualReport {
    /// The JSON form of the whole report (it reads back with serde), after the audit.
    ///
    /// # Errors
    /// [`DisclosureError::AtRisk`] if the report (changed since it was protected, or read from
    /// a file) has a hidden cell at risk.
    pub fn to_json(&self) -> Result<String, DisclosureError> {
        self.check()?;
        // Strings, integers, decimals and dates only: serialising cannot fail.
        Ok(serde_json::to_string_pretty(self).unwrap_or_default())
    }

    /// Every table as CSV (`(name, text)`, see [`Table::to_csv`]), after the report's audit.
    ///
    /// # Errors
    /// [`DisclosureError::AtRisk`] if the report has a hidden cell at risk.
    pub fn tables_csv(&self) -> Result<Vec<(String, String)>, DisclosureError> {
        self.check()?;
        Ok(self
            .tables()
            .into_iter()
            .map(|t| (t.name.clone(), t.to_csv()))
            .collect())
    }

    /// Every table, in report order.
    pub fn tables(&self) -> Vec<&Table> {
        vec![
            &self.active_clients,
            &self.new_clients,
            &self.closed_clients,
            &self.clients_by_area,
            &self.children_at_home,
            &self.contact_reasons,
            &self.assignments,
            &self.intake_outcomes,
            &self.deviations_by_type,
            &self.deviations_by_counterpart,
        ]
    }
}
