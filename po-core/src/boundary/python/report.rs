//! The annual report (SFS 2013:522 10 §): the register (JSON or CSV exports), the report with
//! its tables, and the checks of published tables.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::codes::{CodeList, LocalVocabulary};
use crate::organisation::MunicipalityCode;
use crate::report::{self as core, Cell, Language, Mode, RegisterCsv};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;
use time::Date;

use super::errors::{invalid, to_py};
use super::priority::policy_of;
use super::values::{count, value_class};
use crate::boundary::error::Problem;
use crate::boundary::organisation::LeadershipCheck;

value_class! {
    /// A count, what it is counted of, and the ratio as published (two decimals). None =
    /// hidden by disclosure control; the ratio is shown only when both counts are.
    Ratio {
        /// Numerator; None = hidden.
        count: Option<u64>,
        /// Denominator; None = hidden.
        of: Option<u64>,
        /// count / of, two decimals (half away from zero); `None` when `of` is 0 or either
        /// is hidden.
        value: Option<Decimal>,
    }
}

impl From<core::Ratio> for Ratio {
    fn from(r: core::Ratio) -> Self {
        Ratio {
            count: r.count.count(),
            of: r.of.count(),
            value: r.value,
        }
    }
}

value_class! {
    /// Waiting days from application to start; median and maximum only with their count.
    Waiting {
        /// Clients with a known wait; None = hidden.
        clients: Option<u64>,
        /// Median days; None when nobody or hidden.
        median_days: Option<Decimal>,
        /// Longest wait; None when nobody or hidden.
        max_days: Option<i64>,
    }
}

value_class! {
    /// What an attacker can conclude about one hidden cell.
    CellRange {
        /// The table.
        table: String,
        /// The row label; None = the totals row.
        row: Option<String>,
        /// The column label; None = the totals column.
        column: Option<String>,
        /// Smallest value consistent with everything published.
        low: u64,
        /// Largest; None = unbounded.
        high: Option<u64>,
        /// Whether the cell can be computed or shown to be small (1..k-1).
        at_risk: bool,
    }
}

value_class! {
    /// The attacker's view of a publication: every hidden cell's range by linear programming.
    Audit {
        /// The threshold audited against.
        k: u64,
        /// Every hidden cell's range.
        ranges: Vec<CellRange>,
        /// Whether no hidden cell is at risk.
        safe: bool,
    }
}

impl From<crate::disclosure::Audit> for Audit {
    fn from(a: crate::disclosure::Audit) -> Self {
        let risky: Vec<_> = a.at_risk.iter().map(|r| r.range.cell).collect();
        Audit {
            k: a.k,
            safe: risky.is_empty(),
            ranges: a
                .ranges
                .into_iter()
                .map(|r| CellRange {
                    at_risk: risky.contains(&r.cell),
                    table: r.label.table,
                    row: r.label.row,
                    column: r.label.column,
                    low: r.low,
                    high: r.high,
                })
                .collect(),
        }
    }
}

fn protection(k: i64, unprotected: bool) -> PyResult<crate::disclosure::Protection> {
    crate::disclosure::Protection::from_request(k, unprotected).map_err(to_py)
}

fn checked_k(k: i64) -> PyResult<u64> {
    crate::disclosure::Protection::checked_k(k).map_err(to_py)
}

value_class! {
    /// Staff: positions (full-time equivalents), ombud, training and supervision.
    StaffSummary {
        /// Full-time positions (sum of FTE).
        positions: Decimal,
        /// Number of ombud; None = hidden.
        ombud: Option<u64>,
        /// Training → the number of ombud who had it (None = hidden).
        training: BTreeMap<String, Option<u64>>,
        /// Ombud with supervision; None = hidden.
        with_supervision: Option<u64>,
    }
}

value_class! {
    /// One exit-survey question: respondents and each answer's share.
    SurveyQuestion {
        /// The question.
        question: String,
        /// Respondents who answered it; None = hidden.
        respondents: Option<u64>,
        /// Answer → count and percent (two decimals).
        answers: BTreeMap<String, Ratio>,
    }
}

value_class! {
    /// Clients of a municipality against its share of the population key.
    MunicipalityRow {
        /// The code.
        code: String,
        /// The name (from the population given; empty if none).
        name: String,
        /// Active clients; None = hidden.
        clients: Option<u64>,
        /// Share of all active clients with a municipality, percent.
        client_share: Ratio,
        /// Share of the adult population key, percent (if populations were given).
        key_share: Option<Ratio>,
    }
}

value_class! {
    /// A published margin that does not match its cells.
    MarginProblem {
        /// Which margin: `row 2 total`, `column 1 total`, `totals row sum`, `totals column sum`.
        margin: String,
        /// The published value.
        published: i64,
        /// The sum of the cells.
        computed: i64,
    }
}

value_class! {
    /// A measure this year against the previous year.
    Change {
        /// Machine name of the measure.
        measure: String,
        /// The previous year's value; None = hidden.
        previous: Option<Decimal>,
        /// This year's value; None = hidden.
        current: Option<Decimal>,
        /// current − previous; None if either is hidden.
        difference: Option<Decimal>,
        /// The difference in percent of the previous value, two decimals; `None` if that was 0
        /// or either is hidden.
        percent: Option<Decimal>,
    }
}

value_class! {
    /// Deviations with one counterpart in a period, for the leadership group.
    CounterpartDeviations {
        /// The counterpart.
        counterpart: String,
        /// Documented in the period; None = hidden.
        new: Option<u64>,
        /// Of those, raised with the leadership group (or further along); None = hidden.
        raised: Option<u64>,
        /// Of those, answered by the responsible organisation; None = hidden.
        answered: Option<u64>,
        /// Of those, not yet closed (neither remedied nor found not remedied); None = hidden.
        open: Option<u64>,
        /// The consequences for the individual recorded for them (seed 001 annex 1),
        /// distinct, in order of first appearance; only under a published count.
        consequences: Vec<String>,
    }
}

/// A published table: counts by row and column with totals (None = hidden by disclosure
/// control).
#[pyclass(frozen, eq, from_py_object, module = "personligt_ombud")]
#[derive(Debug, Clone, PartialEq)]
pub struct Table(core::Table);

fn cells(t: &core::Table) -> Vec<Vec<Option<u64>>> {
    t.cells
        .iter()
        .map(|r| r.iter().map(|c| Cell::count(*c)).collect())
        .collect()
}

#[pymethods]
impl Table {
    /// Machine name, e.g. `active_clients`.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Title in Swedish.
    #[getter]
    fn title_sv(&self) -> &str {
        &self.0.title_sv
    }
    /// Title in English.
    #[getter]
    fn title_en(&self) -> &str {
        &self.0.title_en
    }
    /// Row labels.
    #[getter]
    fn rows(&self) -> Vec<String> {
        self.0.rows.clone()
    }
    /// Column labels.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.0.columns.clone()
    }
    /// Counts by row and column; None = suppressed.
    #[getter]
    fn cells(&self) -> Vec<Vec<Option<u64>>> {
        cells(&self.0)
    }
    /// Row totals; None = hidden.
    #[getter]
    fn row_totals(&self) -> Vec<Option<u64>> {
        self.0.row_totals.iter().map(|c| c.count()).collect()
    }
    /// Column totals; None = hidden.
    #[getter]
    fn column_totals(&self) -> Vec<Option<u64>> {
        self.0.column_totals.iter().map(|c| c.count()).collect()
    }
    /// Grand total; None = hidden.
    #[getter]
    fn total(&self) -> Option<u64> {
        self.0.total.count()
    }

    /// The count at (row, column); None if suppressed.
    fn get(&self, row: &str, column: &str) -> PyResult<Option<u64>> {
        let i = self.0.rows.iter().position(|r| r == row);
        let j = self.0.columns.iter().position(|c| c == column);
        match (i, j) {
            (Some(i), Some(j)) => Ok(Cell::count(self.0.cells[i][j])),
            _ => Err(invalid(format!(
                "{}: no cell ({row:?}, {column:?}); rows are {:?}, columns {:?}",
                self.0.name, self.0.rows, self.0.columns
            ))),
        }
    }

    /// The table as `;`-separated CSV with totals; suppressed cells as `..`.
    fn to_csv(&self) -> String {
        self.0.to_csv()
    }

    /// Column-oriented dict: `{"row": [...], column: [...], ...}` — `pandas.DataFrame(d)` and
    /// `polars.DataFrame(d)` take it as is.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("row", self.0.rows.clone())?;
        let c = cells(&self.0);
        for (j, column) in self.0.columns.iter().enumerate() {
            let values: Vec<Option<u64>> = c.iter().map(|r| r[j]).collect();
            d.set_item(column, values)?;
        }
        Ok(d)
    }

    /// A pandas DataFrame indexed by the row labels (nullable integers; suppressed = <NA>).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas")?;
        let frame = pandas.call_method1("DataFrame", (self.to_dict(py)?,))?;
        frame
            .call_method1("set_index", ("row",))?
            .call_method1("astype", ("Int64",))
    }

    /// A polars DataFrame with a `row` column and one column per column label.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("polars")?
            .call_method1("DataFrame", (self.to_dict(py)?,))
    }

    /// The same table protected on its own: counts 1..k-1 hidden, and whatever else the audit
    /// needs (margins included), so that no hidden cell can be computed or shown to be small.
    #[pyo3(signature = (k = 3))]
    fn protect(&self, k: i64) -> PyResult<Table> {
        Ok(Table(
            core::protect_table(&self.0, checked_k(k)?).map_err(to_py)?,
        ))
    }

    /// A table with the given cells and margins (None = hidden), e.g. one an analyst built and
    /// wants to audit.
    #[staticmethod]
    #[pyo3(signature = (name, *, rows, columns, cells, row_totals, column_totals, total))]
    #[allow(clippy::too_many_arguments)]
    fn from_cells(
        name: String,
        rows: Vec<String>,
        columns: Vec<String>,
        cells: Vec<Vec<Option<u64>>>,
        row_totals: Vec<Option<u64>>,
        column_totals: Vec<Option<u64>>,
        total: Option<u64>,
    ) -> PyResult<Table> {
        let cell = |c: Option<u64>| c.map_or(Cell::Suppressed, Cell::Count);
        let table = core::Table {
            title_sv: name.clone(),
            title_en: name.clone(),
            name,
            rows,
            columns,
            cells: cells
                .into_iter()
                .map(|r| r.into_iter().map(cell).collect())
                .collect(),
            row_totals: row_totals.into_iter().map(cell).collect(),
            column_totals: column_totals.into_iter().map(cell).collect(),
            total: cell(total),
        };
        table.check_shape().map_err(to_py)?;
        Ok(Table(table))
    }

    fn __repr__(&self) -> String {
        format!(
            "Table(name={:?}, rows={}, columns={}, total={})",
            self.0.name,
            self.0.rows.len(),
            self.0.columns.len(),
            self.0.total
        )
    }
}

type CellRef = (String, Option<String>, Option<String>);
/// `("=" or "<=", left cells, right cells)`.
type RelationTuple = (String, Vec<CellRef>, Vec<CellRef>);

/// Audits tables an analyst built (None = hidden, margins included) with the relations between
/// them: `relations` are `("=" or "<=", [(table, row, column), …], [(table, row, column), …])`,
/// Σ left = Σ right or Σ left ≤ Σ right; a row or column of None is that dimension's total.
#[pyfunction]
#[pyo3(signature = (tables, *, relations = None, k = 3))]
fn audit_tables(
    tables: Vec<Table>,
    relations: Option<Vec<RelationTuple>>,
    k: i64,
) -> PyResult<Audit> {
    let k = checked_k(k)?;
    let label = |(table, row, column): CellRef| crate::disclosure::CellLabel { table, row, column };
    let relations = relations
        .unwrap_or_default()
        .into_iter()
        .map(|(kind, left, right)| {
            let kind = match kind.as_str() {
                "=" => crate::disclosure::RelationKind::Equal,
                "<=" => crate::disclosure::RelationKind::AtMost,
                _ => {
                    return Err(invalid(format!(
                        "relations: expected \"=\" or \"<=\", got {:?}",
                        crate::privacy::shown(&kind)
                    )))
                }
            };
            Ok(core::TableRelation {
                kind,
                left: left.into_iter().map(label).collect(),
                right: right.into_iter().map(label).collect(),
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    let tables: Vec<core::Table> = tables.into_iter().map(|t| t.0).collect();
    Ok(core::audit_tables(&tables, &relations, k)
        .map_err(to_py)?
        .into())
}

/// Checks a published table's margins against its cells (e.g. seed 001 table 3, whose totals
/// row says 10 007 where the cells add up to 9 517).
#[pyfunction]
#[pyo3(signature = (cells, *, row_totals, column_totals, grand_total))]
fn check_margins(
    cells: Vec<Vec<i64>>,
    row_totals: Vec<i64>,
    column_totals: Vec<i64>,
    grand_total: i64,
) -> Vec<MarginProblem> {
    core::check_margins(&cells, &row_totals, &column_totals, grand_total)
        .into_iter()
        .map(|p| MarginProblem {
            margin: p.margin,
            published: p.published,
            computed: p.computed,
        })
        .collect()
}

/// A service's case register, validated on reading.
#[pyclass(frozen, module = "personligt_ombud")]
pub struct Register {
    inner: Arc<core::Register>,
    problems: Vec<core::Problem>,
}

#[pymethods]
impl Register {
    /// Reads the JSON form (the serde form; see `examples/data/synthetic-2023/register.json`).
    /// Any problem raises `InvalidRegisterError` with every problem in `.problems`.
    #[staticmethod]
    #[pyo3(signature = (text, *, file = "register.json"))]
    fn from_json(text: &str, file: &str) -> PyResult<Self> {
        let inner = core::read_register_json(text, file).map_err(to_py)?;
        Ok(Register {
            inner: Arc::new(inner),
            problems: Vec::new(),
        })
    }

    /// Reads CSV exports (bytes; UTF-8 or Windows-1252, `;` or `,`; national codes and labels
    /// and the local labels of `vocabulary`, a preset: `none` by default, or `varmland`).
    /// Strict by default: any
    /// problem raises `InvalidRegisterError`; `lenient=True` leaves bad rows out and lists them
    /// in `problems` (and in the report).
    #[staticmethod]
    #[pyo3(signature = (*, clients = None, intake = None, deviations = None, staff = None, survey = None, survey_sent = 0, lenient = false, vocabulary = "none"))]
    #[allow(clippy::too_many_arguments)]
    fn from_csv_bytes(
        clients: Option<Vec<u8>>,
        intake: Option<Vec<u8>>,
        deviations: Option<Vec<u8>>,
        staff: Option<Vec<u8>>,
        survey: Option<Vec<u8>>,
        survey_sent: i64,
        lenient: bool,
        vocabulary: &str,
    ) -> PyResult<Self> {
        let sent = u32::try_from(survey_sent).map_err(|_| {
            invalid(format!(
                "survey_sent: expected 0 or more, got {survey_sent}"
            ))
        })?;
        let files = RegisterCsv {
            clients: clients.as_deref(),
            intake: intake.as_deref(),
            deviations: deviations.as_deref(),
            staff: staff.as_deref(),
            survey: survey.as_deref(),
            survey_sent: sent,
        };
        let mode = if lenient { Mode::Lenient } else { Mode::Strict };
        // The service's own local labels: a named preset, none by default.
        let vocabulary = LocalVocabulary::preset(vocabulary).map_err(to_py)?;
        let (inner, problems) = core::read_register_csv(files, &vocabulary, mode).map_err(to_py)?;
        Ok(Register {
            inner: Arc::new(inner),
            problems,
        })
    }

    /// How many clients.
    #[getter]
    fn client_count(&self) -> usize {
        self.inner.clients.len()
    }

    /// How many intake visits, deviations and staff members.
    #[getter]
    fn counts(&self) -> BTreeMap<&'static str, usize> {
        BTreeMap::from([
            ("clients", self.inner.clients.len()),
            ("intake_visits", self.inner.intake_visits.len()),
            ("deviations", self.inner.deviations.len()),
            ("staff", self.inner.staff.len()),
            (
                "survey_responses",
                self.inner
                    .exit_survey
                    .as_ref()
                    .map_or(0, |s| s.responses.len()),
            ),
        ])
    }

    /// The rows a lenient import left out.
    #[getter]
    fn problems(&self) -> Vec<Problem> {
        self.problems.iter().cloned().map(Problem::from).collect()
    }

    /// The deviations of a period by counterpart, for the leadership group, protected with
    /// threshold `k` (or every count as it is with `unprotected=True`, not for publication).
    #[pyo3(signature = (from_date, to_date, *, k = 3, unprotected = false))]
    fn deviations_for_leadership_group(
        &self,
        from_date: Date,
        to_date: Date,
        k: i64,
        unprotected: bool,
    ) -> PyResult<Vec<CounterpartDeviations>> {
        let summary = core::deviations_for_leadership_group(
            &self.inner.deviations,
            from_date,
            to_date,
            protection(k, unprotected)?,
        )
        .map_err(to_py)?;
        Ok(summary
            .counterparts
            .into_iter()
            .map(|c| CounterpartDeviations {
                counterpart: c.counterpart.code().to_owned(),
                new: c.new.count(),
                raised: c.raised.count(),
                answered: c.answered.count(),
                open: c.open.count(),
                consequences: c.consequences,
            })
            .collect())
    }

    fn __repr__(&self) -> String {
        format!(
            "Register(clients={}, intake_visits={}, deviations={}, problems={})",
            self.inner.clients.len(),
            self.inner.intake_visits.len(),
            self.inner.deviations.len(),
            self.problems.len()
        )
    }
}

/// The annual report of one year (10 §).
#[pyclass(frozen, module = "personligt_ombud")]
pub struct AnnualReport(core::AnnualReport);

#[pymethods]
impl AnnualReport {
    /// The report year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }
    /// The service's name.
    #[getter]
    fn service_name(&self) -> &str {
        &self.0.service_name
    }
    /// The version of po that computed it.
    #[getter]
    fn library_version(&self) -> &str {
        &self.0.stamp.library_version
    }
    /// The version, the rules applied (10 § as in force, the disclosure control) and
    /// 31 December of the year.
    #[getter]
    fn stamp(&self) -> crate::boundary::rules::Stamp {
        self.0.stamp.clone().into()
    }
    /// Every table by name, in report order.
    #[getter]
    fn tables<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for t in self.0.tables() {
            d.set_item(&t.name, Table(t.clone()))?;
        }
        Ok(d)
    }
    /// One table by name (`active_clients`, `contact_reasons`, …).
    fn table(&self, name: &str) -> PyResult<Table> {
        Ok(Table(self.0.table(name).map_err(to_py)?.clone()))
    }
    /// Staff.
    #[getter]
    fn staff(&self) -> StaffSummary {
        let s = &self.0.staff;
        StaffSummary {
            positions: s.positions,
            ombud: s.ombud.count(),
            training: s
                .training
                .iter()
                .map(|(k, v)| (k.clone(), v.count()))
                .collect(),
            with_supervision: s.with_supervision.count(),
        }
    }
    /// Assignments per client.
    #[getter]
    fn assignments_per_client(&self) -> Ratio {
        self.0.assignments_per_client.into()
    }
    /// Clients per municipality against the population key.
    #[getter]
    fn clients_per_municipality(&self) -> Vec<MunicipalityRow> {
        self.0
            .clients_per_municipality
            .iter()
            .map(|m| MunicipalityRow {
                code: m.code.as_str().to_owned(),
                name: m.name.clone(),
                clients: m.clients.count(),
                client_share: m.client_share.into(),
                key_share: m.key_share.map(Ratio::from),
            })
            .collect()
    }
    /// Waiting days from application to start, of the clients started in the year.
    #[getter]
    fn waiting(&self) -> Waiting {
        let w = &self.0.waiting;
        Waiting {
            clients: w.clients.count(),
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }
    /// The priority policy named in the report.
    #[getter]
    fn priority_policy(&self) -> Option<String> {
        self.0.priority_policy.clone()
    }
    /// The leadership-group check, if one was given.
    #[getter]
    fn leadership(&self) -> Option<LeadershipCheck> {
        self.0.leadership.clone().map(LeadershipCheck::from)
    }
    /// Deviations with feedback received, percent (positive events not counted).
    #[getter]
    fn deviations_with_feedback(&self) -> Ratio {
        self.0.deviations_with_feedback.into()
    }
    /// Exit-survey response rate, percent.
    #[getter]
    fn survey_response_rate(&self) -> Option<Ratio> {
        self.0.survey_response_rate.map(Ratio::from)
    }
    /// The exit survey, question by question.
    #[getter]
    fn survey(&self) -> Vec<SurveyQuestion> {
        self.0
            .survey
            .iter()
            .map(|q| SurveyQuestion {
                question: q.question.clone(),
                respondents: q.respondents.count(),
                answers: q
                    .answers
                    .iter()
                    .map(|(k, v)| (k.clone(), Ratio::from(*v)))
                    .collect(),
            })
            .collect()
    }
    /// How many numbers each table hides (never which, nor why).
    #[getter]
    fn hidden_cells(&self) -> BTreeMap<String, u64> {
        self.0.hidden_cells.clone()
    }
    /// The protection applied: the threshold k, or None for an unprotected report.
    #[getter]
    fn k(&self) -> Option<u64> {
        self.0.protection.k()
    }
    /// The attacker's view of this report: every hidden cell's range by linear programming.
    fn audit(&self) -> PyResult<Audit> {
        Ok(self.0.audit().map_err(to_py)?.into())
    }
    /// Rows left out of the register.
    #[getter]
    fn input_problems(&self) -> Vec<Problem> {
        self.0
            .input_problems
            .iter()
            .cloned()
            .map(Problem::from)
            .collect()
    }
    /// Change of the headline measures against the previous year's report.
    fn change_against(&self, previous: &AnnualReport) -> Vec<Change> {
        core::change_against(&previous.0, &self.0)
            .into_iter()
            .map(|c| Change {
                measure: c.measure,
                previous: c.previous,
                current: c.current,
                difference: c.difference,
                percent: c.percent,
            })
            .collect()
    }
    /// The whole report as JSON (after its audit).
    fn to_json(&self) -> PyResult<String> {
        self.0.to_json().map_err(to_py)
    }
    /// The whole report as plain Python data (the JSON form parsed).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.to_json()?,))
    }
    /// The report as Markdown, `sv` or `en`.
    #[pyo3(signature = (language = "sv"))]
    fn to_markdown(&self, language: &str) -> PyResult<String> {
        let lang = Language::parse(language).map_err(to_py)?;
        core::to_markdown(&self.0, lang).map_err(to_py)
    }
    fn __repr__(&self) -> String {
        format!(
            "AnnualReport(year={}, service_name={:?}, active_clients={}, tables={})",
            self.0.year,
            self.0.service_name,
            self.0.active_clients.total,
            self.0.tables().len()
        )
    }
}

/// Computes the annual report (10 §) of `register` for `year`.
///
/// `population` maps kommunkod → (name, adults) for the key shares; `leadership_group` is a list
/// of `(role, organisation)` checked on 31 December of the year. Every count is protected
/// with threshold `k` (default 3: counts 1..k-1 hidden, and whatever else the audit needs);
/// `unprotected=True` shows every count and marks the report as not for publication.
#[pyfunction]
#[pyo3(signature = (register, *, year, service_name = "", k = 3, unprotected = false, priority_policy = None, population = None, leadership_group = None))]
#[allow(clippy::too_many_arguments)]
fn annual_report(
    register: &Register,
    year: i32,
    service_name: &str,
    k: i64,
    unprotected: bool,
    priority_policy: Option<&Bound<'_, PyAny>>,
    population: Option<BTreeMap<String, (String, i64)>>,
    leadership_group: Option<Vec<(String, String)>>,
) -> PyResult<AnnualReport> {
    let population = population
        .unwrap_or_default()
        .into_iter()
        .map(|(c, (name, adults))| {
            Ok((
                MunicipalityCode::parse_field(&c, "population").map_err(to_py)?,
                (name, count(adults, "population adults")?),
            ))
        })
        .collect::<PyResult<BTreeMap<_, _>>>()?;
    // Checked by po-core on 31 December of the year.
    let leadership_group = leadership_group
        .map(|members| {
            crate::boundary::organisation::group_of(super::organisation::members(members), None)
        })
        .transpose()?;
    let options = core::ReportOptions {
        year,
        service_name: service_name.to_owned(),
        protection: protection(k, unprotected)?,
        priority_policy: priority_policy
            .filter(|p| !p.is_none())
            .map(|p| policy_of(p).map(|p| p.0))
            .transpose()?,
        leadership_group,
        population,
        input_problems: register.problems.clone(),
    };
    Ok(AnnualReport(
        core::annual_report(&register.inner, &options).map_err(to_py)?,
    ))
}

/// Problems as a Python list (for `InvalidRegisterError.problems`).
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Ratio>()?;
    m.add_class::<StaffSummary>()?;
    m.add_class::<SurveyQuestion>()?;
    m.add_class::<MunicipalityRow>()?;
    m.add_class::<Waiting>()?;
    m.add_class::<CellRange>()?;
    m.add_class::<Audit>()?;
    m.add_class::<MarginProblem>()?;
    m.add_class::<Change>()?;
    m.add_class::<CounterpartDeviations>()?;
    m.add_class::<Table>()?;
    m.add_class::<Register>()?;
    m.add_class::<AnnualReport>()?;
    m.add_function(wrap_pyfunction!(check_margins, m)?)?;
    m.add_function(wrap_pyfunction!(audit_tables, m)?)?;
    m.add_function(wrap_pyfunction!(annual_report, m)?)?;
    Ok(())
}
