//! The annual report (SFS 2013:522 10 §) across the boundary. A register crosses as a document
//! (its JSON form or the CSV exports) into a `Register` object, because it has dozens of fields
//! that a vendor already exports; the report comes back as an object with typed tables, ratios,
//! JSON and Markdown.

use std::sync::Arc;

use crate::codes::LocalVocabulary;
use crate::report::{self as core, Cell, Language, Mode, Problem, RegisterCsv};
use rust_decimal::Decimal;

use super::error::{invalid, po};
use super::PoError;
use crate::boundary::organisation::{LeadershipCheck, LeadershipMember};
use crate::boundary::priority::PriorityPolicy;

/// The CSV exports of a register (UTF-8 or Windows-1252, `;` or `,`); any may be missing.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RegisterCsvFiles {
    /// Clients.
    #[uniffi(default)]
    pub clients: Option<Vec<u8>>,
    /// Intake visits.
    #[uniffi(default)]
    pub intake: Option<Vec<u8>>,
    /// Deviations.
    #[uniffi(default)]
    pub deviations: Option<Vec<u8>>,
    /// Staff.
    #[uniffi(default)]
    pub staff: Option<Vec<u8>>,
    /// Exit-survey answers.
    #[uniffi(default)]
    pub survey: Option<Vec<u8>>,
    /// How many exit surveys were sent.
    #[uniffi(default)]
    pub survey_sent: i32,
    /// The service's local labels: a preset name, `none` (national codes and labels only) or
    /// `varmland` (PO Värmland's labels, seeds 003–004).
    #[uniffi(default = "none")]
    pub vocabulary: String,
}

impl Default for RegisterCsvFiles {
    fn default() -> Self {
        RegisterCsvFiles {
            clients: None,
            intake: None,
            deviations: None,
            staff: None,
            survey: None,
            survey_sent: 0,
            vocabulary: "none".to_owned(),
        }
    }
}

/// A service's case register, validated.
#[derive(Debug, uniffi::Object)]
pub struct Register {
    inner: core::Register,
    problems: Vec<Problem>,
}

#[uniffi::export]
impl Register {
    /// Reads the JSON form; any problem raises `InvalidRegister` listing them all.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Register>, PoError> {
        let inner = core::read_register_json(&json, "register.json").map_err(po)?;
        Ok(Arc::new(Register {
            inner,
            problems: Vec::new(),
        }))
    }

    /// Reads the CSV exports: national codes and labels, and the local labels of
    /// `files.vocabulary` (a preset; none by default). Strict (`lenient = false`): any problem
    /// raises `InvalidRegister`. Lenient: bad rows are left out and listed in `problems()` (and
    /// in the report).
    #[uniffi::constructor]
    pub fn from_csv(files: RegisterCsvFiles, lenient: bool) -> Result<Arc<Register>, PoError> {
        let sent = u32::try_from(files.survey_sent).map_err(|_| {
            invalid(format!(
                "survey_sent: expected zero or more, got {}",
                files.survey_sent
            ))
        })?;
        let csv = RegisterCsv {
            clients: files.clients.as_deref(),
            intake: files.intake.as_deref(),
            deviations: files.deviations.as_deref(),
            staff: files.staff.as_deref(),
            survey: files.survey.as_deref(),
            survey_sent: sent,
        };
        let mode = if lenient { Mode::Lenient } else { Mode::Strict };
        let vocabulary = LocalVocabulary::preset(&files.vocabulary).map_err(po)?;
        let (inner, problems) = core::read_register_csv(csv, &vocabulary, mode).map_err(po)?;
        Ok(Arc::new(Register { inner, problems }))
    }

    /// How many clients.
    pub fn client_count(&self) -> i64 {
        i64::try_from(self.inner.clients.len()).unwrap_or(i64::MAX)
    }

    /// The rows left out by a lenient import.
    pub fn problems(&self) -> Vec<crate::boundary::error::Problem> {
        self.problems.iter().cloned().map(Into::into).collect()
    }
}

/// Municipal population, for the clients-per-municipality table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PopulationRecord {
    /// The kommunkod.
    pub code: String,
    /// The name.
    pub name: String,
    /// Adults.
    pub adults: i64,
}

/// What the report needs besides the register.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ReportOptionsRecord {
    /// The report year.
    pub year: i32,
    /// The service's name.
    pub service_name: String,
    /// Disclosure control: counts 1..k-1 are hidden, and whatever else the audit needs
    /// (default 3; at least 2).
    #[uniffi(default = 3)]
    pub k: i64,
    /// Publish every count as it is, for the service's own use only: the report then says it
    /// must not be published. Must be asked for.
    #[uniffi(default = false)]
    pub unprotected: bool,
    /// The priority policy in force, named in the report.
    #[uniffi(default)]
    pub priority_policy: Option<Arc<PriorityPolicy>>,
    /// Adults per municipality, for the key shares.
    #[uniffi(default)]
    pub population: Vec<PopulationRecord>,
    /// The leadership group, checked against 5 § on 31 December of the year.
    #[uniffi(default)]
    pub leadership_group: Option<Vec<LeadershipMember>>,
}

/// A count, a denominator and their ratio (percent or per client), as published.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RatioRecord {
    /// The count; null = hidden.
    pub count: Option<i64>,
    /// Of how many; null = hidden.
    pub of: Option<i64>,
    /// The ratio rounded to two decimals; null when `of` is 0 or either is hidden.
    pub value: Option<Decimal>,
}

fn cell(c: Cell) -> Option<i64> {
    c.count().map(signed)
}

impl From<core::Ratio> for RatioRecord {
    fn from(r: core::Ratio) -> Self {
        RatioRecord {
            count: cell(r.count),
            of: cell(r.of),
            value: r.value,
        }
    }
}

/// Waiting days from application to start; median and maximum only with their count.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WaitingRecord {
    /// Clients with a known wait; null = hidden.
    pub clients: Option<i64>,
    /// Median days; null when none or hidden.
    pub median_days: Option<Decimal>,
    /// Longest wait; null when none or hidden.
    pub max_days: Option<i64>,
}

/// A published table; a `null` cell or margin is hidden by disclosure control.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableRecord {
    /// Machine name, e.g. `active_clients`.
    pub name: String,
    /// Title in Swedish.
    pub title_sv: String,
    /// Title in English.
    pub title_en: String,
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub columns: Vec<String>,
    /// Counts by row and column; null = hidden.
    pub cells: Vec<Vec<Option<i64>>>,
    /// Row totals; null = hidden.
    pub row_totals: Vec<Option<i64>>,
    /// Column totals; null = hidden.
    pub column_totals: Vec<Option<i64>>,
    /// Grand total; null = hidden.
    pub total: Option<i64>,
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl From<&core::Table> for TableRecord {
    fn from(t: &core::Table) -> Self {
        TableRecord {
            name: t.name.clone(),
            title_sv: t.title_sv.clone(),
            title_en: t.title_en.clone(),
            rows: t.rows.clone(),
            columns: t.columns.clone(),
            cells: t
                .cells
                .iter()
                .map(|r| r.iter().copied().map(cell).collect())
                .collect(),
            row_totals: t.row_totals.iter().copied().map(cell).collect(),
            column_totals: t.column_totals.iter().copied().map(cell).collect(),
            total: cell(t.total),
        }
    }
}

fn core_cell(c: Option<i64>, field: &str) -> Result<Cell, PoError> {
    c.map_or(Ok(Cell::Suppressed), |n| {
        u64::try_from(n).map(Cell::Count).map_err(|_| {
            invalid(format!(
                "{field}: expected a count of zero or more, got {n}"
            ))
        })
    })
}

impl TryFrom<TableRecord> for core::Table {
    type Error = PoError;
    fn try_from(t: TableRecord) -> Result<Self, PoError> {
        let cells = |v: Vec<Option<i64>>, field: &str| -> Result<Vec<Cell>, PoError> {
            v.into_iter().map(|c| core_cell(c, field)).collect()
        };
        Ok(core::Table {
            cells: t
                .cells
                .into_iter()
                .map(|r| cells(r, "cells"))
                .collect::<Result<_, _>>()?,
            row_totals: cells(t.row_totals, "row_totals")?,
            column_totals: cells(t.column_totals, "column_totals")?,
            total: core_cell(t.total, "total")?,
            name: t.name,
            title_sv: t.title_sv,
            title_en: t.title_en,
            rows: t.rows,
            columns: t.columns,
        })
    }
}

/// One cell of a table by labels; a null row or column is that dimension's total.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CellRefRecord {
    /// The table's name.
    pub table: String,
    /// The row label; null = the totals row.
    #[uniffi(default)]
    pub row: Option<String>,
    /// The column label; null = the totals column.
    #[uniffi(default)]
    pub column: Option<String>,
}

/// A relation between tables an attacker knows: Σ left = Σ right, or Σ left ≤ Σ right.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableRelationRecord {
    /// True: left ≤ right (a subset); false: left = right (a shared total).
    pub at_most: bool,
    /// Cells on the left.
    pub left: Vec<CellRefRecord>,
    /// Cells on the right.
    pub right: Vec<CellRefRecord>,
}

/// What an attacker can conclude about one hidden cell.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CellRangeRecord {
    /// Where it is shown.
    pub cell: CellRefRecord,
    /// Smallest value consistent with everything published.
    pub low: i64,
    /// Largest; null = unbounded.
    pub high: Option<i64>,
    /// Whether an attacker can compute it or show it to be small (1..k-1).
    pub at_risk: bool,
}

/// The attacker's view of a publication.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditRecord {
    /// The threshold audited against.
    pub k: i64,
    /// Every hidden cell's range.
    pub ranges: Vec<CellRangeRecord>,
    /// Whether no hidden cell is at risk.
    pub safe: bool,
}

fn label_record(l: &crate::disclosure::CellLabel) -> CellRefRecord {
    CellRefRecord {
        table: l.table.clone(),
        row: l.row.clone(),
        column: l.column.clone(),
    }
}

impl From<crate::disclosure::Audit> for AuditRecord {
    fn from(a: crate::disclosure::Audit) -> Self {
        let risky: Vec<_> = a.at_risk.iter().map(|r| r.range.cell).collect();
        AuditRecord {
            k: signed(a.k),
            safe: a.at_risk.is_empty(),
            ranges: a
                .ranges
                .iter()
                .map(|r| CellRangeRecord {
                    cell: label_record(&r.label),
                    low: signed(r.low),
                    high: r.high.map(signed),
                    at_risk: risky.contains(&r.cell),
                })
                .collect(),
        }
    }
}

/// Audits tables an analyst built (null = hidden, margins included) and the relations between
/// them: every hidden cell's range, and whether any can be computed or shown to be small.
#[uniffi::export]
pub fn audit_tables(
    tables: Vec<TableRecord>,
    relations: Vec<TableRelationRecord>,
    k: i64,
) -> Result<AuditRecord, PoError> {
    let k = crate::disclosure::Protection::checked_k(k).map_err(po)?;
    let tables: Vec<core::Table> = tables
        .into_iter()
        .map(core::Table::try_from)
        .collect::<Result<_, _>>()?;
    let label = |c: CellRefRecord| crate::disclosure::CellLabel {
        table: c.table,
        row: c.row,
        column: c.column,
    };
    let relations: Vec<core::TableRelation> = relations
        .into_iter()
        .map(|r| core::TableRelation {
            kind: if r.at_most {
                crate::disclosure::RelationKind::AtMost
            } else {
                crate::disclosure::RelationKind::Equal
            },
            left: r.left.into_iter().map(label).collect(),
            right: r.right.into_iter().map(label).collect(),
        })
        .collect();
    Ok(core::audit_tables(&tables, &relations, k)
        .map_err(po)?
        .into())
}

/// The annual report of one year.
#[derive(Debug, uniffi::Object)]
pub struct AnnualReport(core::AnnualReport);

#[uniffi::export]
impl AnnualReport {
    /// The report year.
    pub fn year(&self) -> i32 {
        self.0.year
    }

    /// The version, the rules applied (10 § as in force, the disclosure control) and
    /// 31 December of the year.
    pub fn stamp(&self) -> crate::boundary::rules::Stamp {
        self.0.stamp.clone().into()
    }

    /// Every table, in report order.
    pub fn tables(&self) -> Vec<TableRecord> {
        self.0.tables().into_iter().map(Into::into).collect()
    }

    /// One table by name (`active_clients`, `contact_reasons`, …).
    pub fn table(&self, name: String) -> Result<TableRecord, PoError> {
        Ok(self.0.table(&name).map_err(po)?.into())
    }

    /// Assignments per client.
    pub fn assignments_per_client(&self) -> RatioRecord {
        self.0.assignments_per_client.into()
    }

    /// Deviations with feedback, percent.
    pub fn deviations_with_feedback(&self) -> RatioRecord {
        self.0.deviations_with_feedback.into()
    }

    /// Exit-survey response rate, percent (null without a survey).
    pub fn survey_response_rate(&self) -> Option<RatioRecord> {
        self.0.survey_response_rate.map(Into::into)
    }

    /// Waiting days from application to start of the clients started in the year.
    pub fn waiting(&self) -> WaitingRecord {
        let w = &self.0.waiting;
        WaitingRecord {
            clients: cell(w.clients),
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }

    /// Full-time positions.
    pub fn positions(&self) -> Decimal {
        self.0.staff.positions
    }

    /// Rows left out of the register, as listed in the report.
    pub fn input_problems(&self) -> Vec<crate::boundary::error::Problem> {
        self.0
            .input_problems
            .iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// The leadership-group check, when a group was given.
    pub fn leadership(&self) -> Option<LeadershipCheck> {
        self.0.leadership.clone().map(Into::into)
    }

    /// How many numbers the report hides (over all tables; never which, nor why).
    pub fn hidden_cells(&self) -> i64 {
        signed(self.0.hidden_cells.values().sum())
    }

    /// The attacker's view of this report: every hidden cell's range; `safe` when none can be
    /// computed or shown to be small.
    pub fn audit(&self) -> Result<AuditRecord, PoError> {
        Ok(self.0.audit().map_err(po)?.into())
    }

    /// The whole report as JSON (after its audit).
    pub fn to_json(&self) -> Result<String, PoError> {
        self.0.to_json().map_err(po)
    }

    /// The report as Markdown, `sv` or `en`.
    pub fn to_markdown(&self, language: String) -> Result<String, PoError> {
        let lang = Language::parse(&language).map_err(po)?;
        core::to_markdown(&self.0, lang).map_err(po)
    }
}

/// Computes the annual report (10 §) of `register` for `options.year`.
#[uniffi::export]
pub fn annual_report(
    register: Arc<Register>,
    options: ReportOptionsRecord,
) -> Result<Arc<AnnualReport>, PoError> {
    let population = options
        .population
        .into_iter()
        .map(|p| {
            let code =
                crate::organisation::MunicipalityCode::parse_field(&p.code, "population.code")
                    .map_err(po)?;
            let adults = u64::try_from(p.adults).map_err(|_| {
                invalid(format!(
                    "population.adults: expected zero or more, got {}",
                    p.adults
                ))
            })?;
            Ok((code, (p.name, adults)))
        })
        .collect::<Result<_, PoError>>()?;
    let protection =
        crate::disclosure::Protection::from_request(options.k, options.unprotected).map_err(po)?;
    // Checked by po-core on 31 December of the year.
    let leadership_group = options
        .leadership_group
        .map(|members| crate::boundary::organisation::group_of(members, None))
        .transpose()?;
    let core_options = core::ReportOptions {
        year: options.year,
        service_name: options.service_name,
        protection,
        priority_policy: options.priority_policy.map(|p| p.0.clone()),
        leadership_group,
        population,
        input_problems: register.problems.clone(),
    };
    Ok(Arc::new(AnnualReport(
        core::annual_report(&register.inner, &core_options).map_err(po)?,
    )))
}
