//! One service's 10 § submission to länsstyrelsen (issue 17; SFS 2013:522 10 §, DOMAIN.md § 11)
//! and its validation, as a county analyst checks it before compiling: a versioned JSON
//! document naming the service, its host and municipalities, the year, the positions the grant
//! was decided for, and po's annual report (the protected figures, as published).
//!
//! Decisions where the sources are silent:
//! - A hidden cell (`suppressed`) is never filled in: a margin with hidden cells is checked as
//!   a bound (the published cells cannot exceed their published total), never as a sum.
//! - "Parts of 10 § missing" are the parts a report can leave empty: point 3 (guidelines or a
//!   priority order), point 4 (the leadership group), and point 2 when no client is reported.
//! - Positions are compared with those the grant was decided for when the submission states
//!   them (Socialstyrelsen decides the grant per position, SFS 2013:522 6 §).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ChainFinding;
use crate::organisation::MunicipalityCode;
use crate::report::{AnnualReport, Cell, Table};

/// The schema this module reads and writes; a submission naming another is refused. Its JSON
/// Schema is `examples/schemas/submission.schema.json` (generated from these types, checked in
/// CI): a new version of the document is a new name, never a silent change.
pub const SUBMISSION_SCHEMA: &str = "po-submission/4";

/// The earlier schemas, still read: 1 has no `published` report and no marking, 2 no
/// `provider` and no `deviation_routines` (issue 34 point 2), 3 no new clients' contact reasons
/// (read as not reported) and no `shortcomings`.
const EARLIER_SCHEMAS: [&str; 3] = ["po-submission/1", "po-submission/2", "po-submission/3"];

/// The marking of a submission of exact counts, in Swedish as länsstyrelsen reads it.
pub const CONFIDENTIAL: &str = "Konfidentiellt: exakta tal till länsstyrelsen (SFS 2013:522 \
    10 §), ej för publicering. Publicerade tal finns i verksamhetens egen rapport.";

/// One service's submission for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Submission {
    /// Always [`SUBMISSION_SCHEMA`].
    #[cfg_attr(feature = "schema", schemars(extend("const" = SUBMISSION_SCHEMA)))]
    pub schema: String,
    /// The service's name.
    pub service: String,
    /// The host municipality (huvudman).
    pub host: MunicipalityCode,
    /// Every municipality it serves, the host included.
    pub municipalities: Vec<MunicipalityCode>,
    /// The year reported.
    pub year: i32,
    /// The positions the year's grant was decided for, if known.
    #[serde(default)]
    pub positions_decided: Option<Decimal>,
    /// The grant: decided, paid and repaid (kronor), if reported.
    #[serde(default)]
    pub grant: Option<GrantFigures>,
    /// The annual report: exact counts ([`crate::disclosure::Protection::Unprotected`]) in a
    /// submission `po report` writes, or protected counts as published.
    pub report: AnnualReport,
    /// The service's own report as it published it (protected), when `report` holds exact
    /// counts and the service published: the compilation is protected against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<AnnualReport>,
    /// [`CONFIDENTIAL`] when `report` holds exact counts: not for publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<String>,
    /// The organisation running the service on its municipalities' behalf (seed 001 table 2);
    /// `None` when its municipalities run it themselves, as most do (decided: a submission of
    /// schema 2, which could not say, is read so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<crate::organisation::Provider>,
    /// Whether the service has systematic routines for reporting the shortcomings its ombud
    /// find to its leadership group (seed 001: 101 of 106 services); `None` when not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation_routines: Option<bool>,
    /// The shortcomings the service reports for the national report's annex 1 (seed 001
    /// "Bilaga 1"), each with where it arises and its consequence for the individual; empty
    /// when it reports none (schema 3 and earlier could not).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shortcomings: Vec<crate::deviation::ReportedShortcoming>,
    /// Whether `report` holds the tables only (read from the flat form): its other figures are
    /// not the service's, so a compilation relates its tables only.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub tables_only: bool,
    /// The file it was read from, when known (`po compile` sets it): findings name it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub file: Option<String>,
    /// Figures the form left out (a flat form without its `ombud` or `positions` line): each a
    /// finding, never a silent zero.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub missing: Vec<&'static str>,
}

/// The state grant of a service's year (SFS 2013:522 6–9 §§): what was decided, paid and
/// repaid, in kronor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GrantFigures {
    /// Decided by Socialstyrelsen.
    pub decided: Decimal,
    /// Paid out.
    pub paid: Decimal,
    /// Paid back.
    pub repaid: Decimal,
}

impl Submission {
    /// A submission of exact counts (`exact`, unprotected) with the service's own report as
    /// published (`published`, protected; `None` when it published none), marked
    /// [`CONFIDENTIAL`].
    pub fn exact(
        host: MunicipalityCode,
        municipalities: Vec<MunicipalityCode>,
        positions_decided: Option<Decimal>,
        exact: AnnualReport,
        published: Option<AnnualReport>,
    ) -> Submission {
        let mut s = Submission::new(host, municipalities, positions_decided, exact);
        s.published = published;
        s.confidential = Some(CONFIDENTIAL.to_owned());
        s
    }

    /// Whether `report` holds exact counts (every count shown, nothing protected).
    pub fn is_exact(&self) -> bool {
        self.report.protection == crate::disclosure::Protection::Unprotected
    }

    /// A submission of `report` (its year and service name are the report's).
    pub fn new(
        host: MunicipalityCode,
        municipalities: Vec<MunicipalityCode>,
        positions_decided: Option<Decimal>,
        report: AnnualReport,
    ) -> Submission {
        Submission {
            schema: SUBMISSION_SCHEMA.to_owned(),
            service: report.service_name.clone(),
            host,
            municipalities,
            year: report.year,
            positions_decided,
            grant: None,
            report,
            published: None,
            confidential: None,
            provider: None,
            deviation_routines: None,
            shortcomings: Vec::new(),
            tables_only: false,
            file: None,
            missing: Vec::new(),
        }
    }

    /// The same submission, read from `file` (named in its findings).
    #[must_use]
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Reads the JSON form; the wrong schema or a malformed document is an error naming why.
    ///
    /// # Errors
    /// [`SubmissionError`] saying why (serde's words name the place in the document).
    pub fn from_json(text: &str) -> Result<Submission, SubmissionError> {
        let mut s: Submission =
            serde_json::from_str(text).map_err(|e| SubmissionError::new(e.to_string()))?;
        if EARLIER_SCHEMAS.contains(&s.schema.as_str()) {
            s.schema = SUBMISSION_SCHEMA.to_owned();
        }
        s.check_free_text()?;
        if s.schema != SUBMISSION_SCHEMA {
            return Err(SubmissionError::new(format!(
                "schema {:?}, expected {SUBMISSION_SCHEMA:?}",
                crate::text::clip(&s.schema)
            )));
        }
        Ok(s)
    }

    /// Refuses a provider's name, a training's name or a shortcoming's text that holds what
    /// looks like an identity number: they reach the national report (issue 32 point 3's
    /// screen).
    ///
    /// # Errors
    /// [`SubmissionError`] naming the field (`shortcomings[2].consequence`), never the text.
    pub fn check_free_text(&self) -> Result<(), SubmissionError> {
        let refuse = |field: String| {
            SubmissionError::new(format!("{field}: {}", crate::privacy::IN_FREE_TEXT))
        };
        if self.provider.as_ref().is_some_and(|p| p.names_a_person()) {
            return Err(refuse("provider.name".into()));
        }
        // Training names reach the national report's list of training.
        for (which, report) in [
            ("report", Some(&self.report)),
            ("published", self.published.as_ref()),
        ] {
            if report.is_some_and(|r| {
                r.staff
                    .training
                    .keys()
                    .any(|t| crate::privacy::contains_identity_number(t))
            }) {
                return Err(refuse(format!("{which}.staff.training")));
            }
        }
        for (i, s) in self.shortcomings.iter().enumerate() {
            if let Some(field) = s.text_naming_a_person() {
                return Err(refuse(format!("shortcomings[{i}].{field}")));
            }
        }
        Ok(())
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        // Strings, integers, decimals and dates only: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A submission that cannot be read: the file (when a reader knows it), the line of a flat
/// form (header = 1) and why, in po's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}{reason}", file.as_ref().map(|f| format!("{f}: ")).unwrap_or_default(), line.map_or_else(|| "submission: ".to_owned(), |l| format!("line {l}: ")))]
pub struct SubmissionError {
    /// The file, as the caller named it.
    pub file: Option<String>,
    /// The line of a flat form (header = 1).
    pub line: Option<u64>,
    /// Why.
    pub reason: String,
}

impl SubmissionError {
    /// A problem of the whole submission. The reason passes the personal-data filter: serde
    /// quotes the value it could not read, which may be a personnummer typed in a field.
    pub fn new(reason: impl Into<String>) -> Self {
        SubmissionError {
            file: None,
            line: None,
            reason: crate::privacy::redact(&reason.into()),
        }
    }

    /// A problem on one line of a flat form.
    pub fn at(line: u64, reason: impl Into<String>) -> Self {
        SubmissionError {
            line: Some(line),
            ..SubmissionError::new(reason)
        }
    }

    /// The same problem, located in `file`.
    pub fn in_file(self, file: impl Into<String>) -> Self {
        SubmissionError {
            file: Some(file.into()),
            ..self
        }
    }
}

fn finding(about: &str, reason: String) -> ChainFinding {
    ChainFinding::new(about, reason)
}

/// A margin against its cells: an equality when every cell is published, a bound otherwise.
fn margin(name: &str, what: &str, cells: &[Cell], total: Cell, out: &mut Vec<ChainFinding>) {
    let Some(total) = total.count() else {
        return;
    };
    let shown: u64 = cells.iter().filter_map(|c| c.count()).sum();
    let all = cells.iter().all(|c| c.count().is_some());
    if all && shown != total {
        out.push(finding(
            name,
            format!("{what}: the cells sum to {shown}, the total says {total}"),
        ));
    } else if !all && shown > total {
        out.push(finding(
            name,
            format!(
                "{what}: the published cells alone sum to {shown}, more than the total {total}"
            ),
        ));
    }
}

fn margins(t: &Table, out: &mut Vec<ChainFinding>) {
    for (i, row) in t.rows.iter().enumerate() {
        margin(
            &t.name,
            &format!("row {row:?}"),
            &t.cells[i],
            t.row_totals[i],
            out,
        );
    }
    for (j, column) in t.columns.iter().enumerate() {
        let cells: Vec<Cell> = t.cells.iter().map(|r| r[j]).collect();
        margin(
            &t.name,
            &format!("column {column:?}"),
            &cells,
            t.column_totals[j],
            out,
        );
    }
    margin(&t.name, "the totals row", &t.column_totals, t.total, out);
    margin(&t.name, "the totals column", &t.row_totals, t.total, out);
}

/// `part` ≤ `whole` cell by cell where both are published (new or closed ≤ active).
fn at_most(part: &Table, whole: &Table, out: &mut Vec<ChainFinding>) {
    for (i, row) in part.rows.iter().enumerate() {
        let Some(wi) = whole.rows.iter().position(|r| r == row) else {
            continue;
        };
        for (j, column) in part.columns.iter().enumerate() {
            let Some(wj) = whole.columns.iter().position(|c| c == column) else {
                continue;
            };
            if let (Some(p), Some(w)) = (part.cells[i][j].count(), whole.cells[wi][wj].count()) {
                if p > w {
                    out.push(finding(
                        &part.name,
                        format!("{row} {column}: {p}, more than the {w} of {}", whole.name),
                    ));
                }
            }
        }
    }
}

/// Where a report's tables contradict themselves: a margin that is not the sum of its cells
/// (or below a published part), new or closed clients above the active ones, a gender's
/// contact reasons or clients with children at home above its active clients. Each is a
/// relation the compilation's protection relies on, so a submission with one is left out of
/// the sums (issue 34).
pub fn contradictions(r: &AnnualReport) -> Vec<ChainFinding> {
    let mut out = Vec::new();
    for t in r.tables() {
        margins(t, &mut out);
    }
    at_most(&r.new_clients, &r.active_clients, &mut out);
    at_most(&r.closed_clients, &r.active_clients, &mut out);
    at_most(&r.new_contact_reasons, &r.contact_reasons, &mut out);
    // Contact reasons and children at home are counted per client: a gender's count of one
    // reason, or of clients with children at home, cannot exceed that gender's active clients
    // (new clients' reasons: its new clients).
    let clients_of = |clients: &Table, gender: &str| {
        let gi = clients.rows.iter().position(|g| g == gender)?;
        clients.row_totals[gi].count()
    };
    let mut within = |table: &Table, what: &str, gender: &str, cell: Cell, clients: &Table| {
        if let (Some(n), Some(of)) = (cell.count(), clients_of(clients, gender)) {
            if n > of {
                let which = match clients.name == r.new_clients.name {
                    true => "new",
                    false => "active",
                };
                out.push(finding(
                    &table.name,
                    format!("{what}: {n} clients, more than the {of} {which} {gender} clients"),
                ));
            }
        }
    };
    for (reasons, clients) in [
        (&r.contact_reasons, &r.active_clients),
        (&r.new_contact_reasons, &r.new_clients),
    ] {
        for (j, gender) in reasons.columns.iter().enumerate() {
            for (i, reason) in reasons.rows.iter().enumerate() {
                let what = format!("{reason} {gender}");
                within(reasons, &what, gender, reasons.cells[i][j], clients);
            }
        }
    }
    for (i, gender) in r.children_at_home.rows.iter().enumerate() {
        let what = format!("with children at home, {gender}");
        within(
            &r.children_at_home,
            &what,
            gender,
            r.children_at_home.row_totals[i],
            &r.active_clients,
        );
    }
    out
}

/// Why `s` is not a submission for `year`, if it is not (its own year or its report's).
pub(crate) fn other_year(s: &Submission, year: i32) -> Option<String> {
    (s.year != year || s.report.year != year).then(|| {
        format!(
            "the submission is for {} (its report for {}), not {year}",
            s.year, s.report.year
        )
    })
}

/// Every finding of one submission for `year` (empty: nothing to ask the service about).
pub fn validate_submission(s: &Submission, year: i32) -> Vec<ChainFinding> {
    let mut out = Vec::new();
    let about = s.service.as_str();
    if let Some(why) = other_year(s, year) {
        out.push(finding(about, why));
    }
    if !s.municipalities.contains(&s.host) {
        out.push(finding(
            about,
            format!("the host {} is not among its municipalities", s.host),
        ));
    }
    out.extend(contradictions(&s.report));
    if let Some(p) = &s.published {
        out.extend(contradictions(p));
    }
    for &field in &s.missing {
        let counted = match field {
            "ombud" => "its ombud are unknown in the sums (hidden)",
            _ => "counted as 0",
        };
        out.push(finding(
            about,
            format!("the form has no {field} line: {counted}"),
        ));
    }
    let r = &s.report;
    if r.active_clients.total == Cell::Count(0) {
        out.push(finding(
            about,
            "10 § 2 is missing: no client is reported".into(),
        ));
    }
    if r.priority_policy.is_none() {
        out.push(finding(
            about,
            "10 § 3 is missing: no assessment guidelines or priority order".into(),
        ));
    }
    if r.leadership.is_none() {
        out.push(finding(
            about,
            "10 § 4 is missing: no leadership group (5 §) is reported".into(),
        ));
    }
    if lacks_figure_1(r) {
        out.push(finding(
            about,
            "the contact reasons of new clients are not reported (a submission of schema 3 or \
             earlier): seed 001's figure 1 cannot count them"
                .into(),
        ));
    }
    if let Some(g) = s.grant {
        if g.paid > g.decided || g.repaid > g.paid {
            out.push(finding(
                about,
                format!(
                    "the grant does not add up: decided {}, paid {}, repaid {}",
                    g.decided, g.paid, g.repaid
                ),
            ));
        }
    }
    if let Some(decided) = s.positions_decided {
        if decided != r.staff.positions {
            out.push(finding(
                about,
                format!(
                    "{} positions reported, the grant was decided for {decided}",
                    r.staff.positions
                ),
            ));
        }
    }
    out.into_iter()
        .map(|f| f.in_file(s.file.as_deref()))
        .collect()
}

/// The findings of a county's or the nation's submissions together: each one's own, every
/// service that submitted more than once (a compilation uses the first and leaves the others
/// out) and every municipality claimed by two services.
pub fn validate_submissions(submissions: &[Submission], year: i32) -> Vec<ChainFinding> {
    let mut out: Vec<ChainFinding> = submissions
        .iter()
        .flat_map(|s| validate_submission(s, year))
        .collect();
    let mut services: std::collections::BTreeMap<&str, usize> = Default::default();
    for s in submissions {
        *services.entry(&s.service).or_insert(0) += 1;
    }
    for (service, n) in services.into_iter().filter(|(_, n)| *n > 1) {
        out.push(finding(
            service,
            format!("{n} submissions from one service: only the first is compiled"),
        ));
    }
    let mut claimed: std::collections::BTreeMap<MunicipalityCode, &str> = Default::default();
    for s in submissions {
        for m in &s.municipalities {
            if let Some(first) = claimed.insert(*m, &s.service) {
                if first != s.service {
                    out.push(finding(
                        &m.to_string(),
                        format!("claimed by two services: {first} and {}", s.service),
                    ));
                }
            }
        }
    }
    out
}

/// Whether a report lacks the contact reasons of its new clients (seed 001's figure 1): a
/// submission of schema 3 or earlier, with new clients but no such table.
pub(crate) fn lacks_figure_1(r: &AnnualReport) -> bool {
    r.new_contact_reasons.rows.is_empty() && r.new_clients.total != Cell::Count(0)
}
