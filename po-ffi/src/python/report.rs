//! The register and the annual report as Python calls them: attributes, keyword arguments,
//! DataFrames (`Table.to_pandas()`, `.to_polars()`), dicts of tables. The records and the
//! conversions are the boundary's (`crate::report`).

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::errors::invalid;
use super::organisation::members;
use super::priority::policy_of;
use crate::error::Problem;
use crate::ledger::Ledger;
use crate::money::Population;
use crate::organisation::LeadershipCheck;
use crate::report::{
    self as shared, audit, report, AnnualReport, Audit, CellRef, CounterpartDeviations,
    MarginProblem, MunicipalityRow, Ratio, Register, ReportOptions, StaffSummary, SurveyQuestion,
    Table, TableRelation, Waiting,
};
use crate::rules::Stamp;
use po_core::io::read::RegisterCsv;

#[pymethods]
impl Table {
    /// The count at (row, column); None if hidden.
    fn get(&self, row: &str, column: &str) -> PyResult<Option<i64>> {
        let i = self.rows.iter().position(|r| r == row);
        let j = self.columns.iter().position(|c| c == column);
        match (i, j) {
            (Some(i), Some(j)) => Ok(self.cells[i][j]),
            _ => Err(invalid(format!(
                "{}: no cell ({row:?}, {column:?}); rows are {:?}, columns {:?}",
                self.name, self.rows, self.columns
            ))),
        }
    }

    /// The table as `;`-separated CSV with totals; hidden cells as `..`.
    fn to_csv(&self) -> PyResult<String> {
        Ok(po_core::io::write::table_csv(
            &po_core::report::Table::try_from(self)?,
        ))
    }

    /// Column-oriented dict: `{"row": [...], column: [...], ...}` — `pandas.DataFrame(d)` and
    /// `polars.DataFrame(d)` take it as is.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("row", self.rows.clone())?;
        for (j, column) in self.columns.iter().enumerate() {
            let values: Vec<Option<i64>> = self.cells.iter().map(|r| r[j]).collect();
            d.set_item(column, values)?;
        }
        Ok(d)
    }

    /// The table as an Arrow stream (the PyCapsule interface): a `row` column of labels and one
    /// nullable Int64 column per column label (hidden = null), so that `pyarrow.table(t)`,
    /// `polars.DataFrame(t)` and DuckDB read it without a copy.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        use arrow_array::{ArrayRef, Int64Array, StringArray};
        let mut columns: Vec<(String, ArrayRef)> = vec![(
            "row".to_owned(),
            std::sync::Arc::new(StringArray::from(self.rows.clone())),
        )];
        for (j, column) in self.columns.iter().enumerate() {
            let values: Int64Array = self.cells.iter().map(|r| r[j]).collect();
            columns.push((column.clone(), std::sync::Arc::new(values)));
        }
        let table = super::arrow::table_object(py, super::arrow::batch(columns)?)?;
        table.call_method1("__arrow_c_stream__", (requested_schema,))
    }

    /// A pandas DataFrame indexed by the row labels (nullable integers; hidden = <NA>).
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
        Ok(shared::protect_table(self.clone(), k)?)
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
        cells: Vec<Vec<Option<i64>>>,
        row_totals: Vec<Option<i64>>,
        column_totals: Vec<Option<i64>>,
        total: Option<i64>,
    ) -> PyResult<Table> {
        let table = Table {
            title_sv: name.clone(),
            title_en: name.clone(),
            name,
            rows,
            columns,
            cells,
            row_totals,
            column_totals,
            total,
        };
        po_core::report::Table::try_from(&table)?;
        Ok(table)
    }

    fn __repr__(&self) -> String {
        format!(
            "Table(name={:?}, rows={}, columns={}, total={})",
            self.name,
            self.rows.len(),
            self.columns.len(),
            self.total.map_or("..".to_owned(), |t| t.to_string())
        )
    }
}

type CellTuple = (String, Option<String>, Option<String>);
/// `("=" or "<=", left cells, right cells)`.
type RelationTuple = (String, Vec<CellTuple>, Vec<CellTuple>);

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
    let cell = |(table, row, column): CellTuple| CellRef { table, row, column };
    let relations = relations
        .unwrap_or_default()
        .into_iter()
        .map(|(kind, left, right)| {
            let at_most = match kind.as_str() {
                "=" => false,
                "<=" => true,
                _ => {
                    return Err(invalid(format!(
                        "relations: expected \"=\" or \"<=\", got {:?}",
                        po_core::privacy::shown(&kind)
                    )))
                }
            };
            Ok(TableRelation {
                at_most,
                left: left.into_iter().map(cell).collect(),
                right: right.into_iter().map(cell).collect(),
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(audit(&tables, relations, k)?)
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
    shared::check_margins(cells, row_totals, column_totals, grand_total)
}

#[pymethods]
impl Register {
    /// Reads the JSON form (the serde form; see `examples/data/synthetic-2023/register.json`).
    /// Any problem raises `InvalidRegisterError` with every problem in `.problems`.
    #[staticmethod]
    #[pyo3(name = "from_json", signature = (text, *, file = "register.json"))]
    fn py_from_json(text: &str, file: &str) -> PyResult<Self> {
        Ok(Self::of_json(text, file)?)
    }

    /// Reads a workbook (bytes of an .xlsx or .ods) with a sheet per export (clients/klienter,
    /// intake/nybesök, deviations/avvikelser or deviation_events/avvikelsehändelser,
    /// staff/personal); problems name `file [sheet]`,
    /// the spreadsheet's row and the column. Strict by default, as `from_csv_bytes`.
    #[staticmethod]
    #[pyo3(name = "from_workbook", signature = (data, *, file = "workbook.xlsx", lenient = false, vocabulary = "none"))]
    fn py_from_workbook(
        data: &[u8],
        file: &str,
        lenient: bool,
        vocabulary: &str,
    ) -> PyResult<Self> {
        Ok(Self::of_workbook(data, file, Some(vocabulary), lenient)?)
    }

    /// Reads CSV exports (bytes; UTF-8, UTF-16 or Windows-1252, `;`, `,` or tab; national codes
    /// and labels and the local labels of `vocabulary`, a preset: `none` by default, or
    /// `varmland`) or, for every file but the survey, an Arrow stream: any object with
    /// `__arrow_c_stream__` (a pandas ≥ 2.2 or polars DataFrame, a pyarrow table, a DuckDB
    /// result) or its capsule, read column by column with the same validation (the frame's row
    /// `i` is row `i + 2`, as in its CSV export). Strict by default: any problem raises
    /// `InvalidRegisterError`; `lenient=True` leaves bad rows out and lists them in `problems`
    /// (and in the report).
    #[staticmethod]
    #[pyo3(signature = (*, clients = None, intake = None, deviations = None, staff = None, survey = None, survey_sent = 0, lenient = false, vocabulary = "none", deviation_events = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_csv_bytes(
        clients: Option<Bound<'_, PyAny>>,
        intake: Option<Bound<'_, PyAny>>,
        deviations: Option<Bound<'_, PyAny>>,
        staff: Option<Bound<'_, PyAny>>,
        survey: Option<Vec<u8>>,
        survey_sent: i64,
        lenient: bool,
        vocabulary: &str,
        deviation_events: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let sources = [
            (clients, "clients.csv"),
            (intake, "intake.csv"),
            (deviations, "deviations.csv"),
            (staff, "staff.csv"),
            (deviation_events, "deviation_events.csv"),
        ]
        .map(|(source, file)| {
            source
                .map(|s| super::arrow::FileSource::of(&s, file))
                .transpose()
        });
        let [clients, intake, deviations, staff, events] = sources;
        let (clients, intake, deviations, staff, events) =
            (clients?, intake?, deviations?, staff?, events?);
        let files = RegisterCsv {
            clients: clients.as_ref().map(super::arrow::FileSource::input),
            intake: intake.as_ref().map(super::arrow::FileSource::input),
            deviations: deviations.as_ref().map(super::arrow::FileSource::input),
            staff: staff.as_ref().map(super::arrow::FileSource::input),
            deviation_events: events.as_ref().map(super::arrow::FileSource::input),
            survey: survey.as_deref(),
            survey_sent: shared::survey_sent(survey_sent)?,
        };
        Ok(Self::of_inputs(files, Some(vocabulary), lenient)?)
    }

    /// How many clients.
    #[getter(client_count)]
    fn py_client_count(&self) -> i64 {
        self.clients()
    }

    /// How many intake visits, deviations and staff members.
    #[getter(counts)]
    fn py_counts(&self) -> BTreeMap<&'static str, usize> {
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
    #[getter(problems)]
    fn py_problems(&self) -> Vec<Problem> {
        self.left_out()
    }

    /// The deviations of a period by counterpart, for the leadership group, protected with
    /// threshold `k` (or every count as it is with `unprotected=True`, not for publication).
    /// With a `ledger`, protected together with everything it records, and recorded there.
    #[pyo3(name = "deviations_for_leadership_group", signature = (from_date, to_date, *, k = 3, unprotected = false, ledger = None))]
    fn py_deviations_for_leadership_group(
        &self,
        from_date: &Bound<'_, PyAny>,
        to_date: &Bound<'_, PyAny>,
        k: i64,
        unprotected: bool,
        ledger: Option<&Ledger>,
    ) -> PyResult<Vec<CounterpartDeviations>> {
        let from_date = super::values::date_of(from_date, "from_date")?;
        let to_date = super::values::date_of(to_date, "to_date")?;
        Ok(self.deviations_by_counterpart(from_date, to_date, k, unprotected, ledger)?)
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

#[pymethods]
impl AnnualReport {
    /// The report year.
    #[getter(year)]
    fn py_year(&self) -> i32 {
        self.0.year
    }
    /// The service's name.
    #[getter(service_name)]
    fn py_service_name(&self) -> &str {
        &self.0.service_name
    }
    /// The version of po that computed it.
    #[getter(library_version)]
    fn py_library_version(&self) -> &str {
        &self.0.stamp.library_version
    }
    /// The version, the rules applied (10 § as in force, the disclosure control) and
    /// 31 December of the year.
    #[getter(stamp)]
    fn py_stamp(&self) -> Stamp {
        self.stamped()
    }
    /// Every table by name, in report order.
    #[getter(tables)]
    fn py_tables<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for t in self.all_tables() {
            d.set_item(t.name.clone(), t)?;
        }
        Ok(d)
    }
    /// Staff.
    #[getter(staff)]
    fn py_staff(&self) -> StaffSummary {
        self.staff_summary()
    }
    /// Assignments per client.
    #[getter(assignments_per_client)]
    fn py_assignments_per_client(&self) -> Ratio {
        self.0.assignments_per_client.into()
    }
    /// Clients per municipality against the population key.
    #[getter(clients_per_municipality)]
    fn py_clients_per_municipality(&self) -> Vec<MunicipalityRow> {
        self.municipality_rows()
    }
    /// Waiting days from application to start, of the clients started in the year.
    #[getter(waiting)]
    fn py_waiting(&self) -> Waiting {
        self.waiting_days()
    }
    /// The priority policy named in the report.
    #[getter(priority_policy)]
    fn py_priority_policy(&self) -> Option<String> {
        self.0.priority_policy.clone()
    }
    /// The leadership-group check, if one was given.
    #[getter(leadership)]
    fn py_leadership(&self) -> Option<LeadershipCheck> {
        self.leadership_check()
    }
    /// Deviations with feedback received, percent (positive events not counted).
    #[getter(deviations_with_feedback)]
    fn py_deviations_with_feedback(&self) -> Ratio {
        self.0.deviations_with_feedback.into()
    }
    /// Exit-survey response rate, percent.
    #[getter(survey_response_rate)]
    fn py_survey_response_rate(&self) -> Option<Ratio> {
        self.0.survey_response_rate.map(Ratio::from)
    }
    /// The exit survey, question by question.
    #[getter(survey)]
    fn py_survey(&self) -> Vec<SurveyQuestion> {
        self.survey_questions()
    }
    /// How many numbers each table hides (never which, nor why).
    #[getter(hidden_cells)]
    fn py_hidden_cells(&self) -> BTreeMap<String, i64> {
        self.hidden_per_table().into_iter().collect()
    }
    /// The protection applied: the threshold k, or None for an unprotected report.
    #[getter(k)]
    fn py_k(&self) -> Option<i64> {
        self.threshold()
    }
    /// Rows left out of the register.
    #[getter(input_problems)]
    fn py_input_problems(&self) -> Vec<Problem> {
        self.left_out()
    }
    /// The whole report as plain Python data (the JSON form parsed).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.to_json()?,))
    }
    /// The report as Markdown, `sv` or `en`.
    #[pyo3(name = "to_markdown", signature = (language = "sv"))]
    fn py_to_markdown(&self, language: &str) -> PyResult<String> {
        Ok(self.markdown(language)?)
    }
    /// The report as a self-contained HTML document that prints on A4, `sv` or `en`.
    #[pyo3(name = "to_html", signature = (language = "sv"))]
    fn py_to_html(&self, language: &str) -> PyResult<String> {
        Ok(self.html(language)?)
    }
    /// The report as an .xlsx workbook (bytes), `sv` or `en`: a method sheet, a sheet per
    /// table (counts as numbers, hidden cells `..`).
    #[pyo3(name = "to_xlsx", signature = (language = "sv"))]
    fn py_to_xlsx<'py>(&self, py: Python<'py>, language: &str) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.xlsx(language)?))
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
/// `unprotected=True` shows every count and marks the report as not for publication. With a
/// `ledger` (`Ledger`), protected together with everything it records (a corrected report,
/// the report at another k, the year's other publications), and recorded there.
#[pyfunction]
#[pyo3(signature = (register, *, year, service_name = "", k = 3, unprotected = false, priority_policy = None, population = None, leadership_group = None, ledger = None))]
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
    ledger: Option<&Ledger>,
) -> PyResult<AnnualReport> {
    let options = ReportOptions {
        year,
        service_name: Some(service_name.to_owned()),
        k: Some(k),
        unprotected,
        priority_policy: None,
        population: population.map(|p| {
            p.into_iter()
                .map(|(code, (name, adults))| Population { code, name, adults })
                .collect()
        }),
        leadership_group: leadership_group.map(members),
    };
    let policy = priority_policy
        .filter(|p| !p.is_none())
        .map(|p| policy_of(p).map(|p| p.0))
        .transpose()?;
    Ok(report(register, &options, policy, ledger)?)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Ratio>()?;
    m.add_class::<StaffSummary>()?;
    m.add_class::<SurveyQuestion>()?;
    m.add_class::<MunicipalityRow>()?;
    m.add_class::<Waiting>()?;
    m.add_class::<shared::CellRange>()?;
    m.add_class::<Audit>()?;
    m.add_class::<MarginProblem>()?;
    m.add_class::<shared::Change>()?;
    m.add_class::<CounterpartDeviations>()?;
    m.add_class::<Table>()?;
    m.add_class::<Register>()?;
    m.add_class::<AnnualReport>()?;
    m.add_function(wrap_pyfunction!(check_margins, m)?)?;
    m.add_function(wrap_pyfunction!(audit_tables, m)?)?;
    m.add_function(wrap_pyfunction!(annual_report, m)?)?;
    Ok(())
}

/// A table inside a record's `to_dict()`: its column dict (as `Table.to_dict()`).
impl crate::record::ToPlain for Table {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.to_dict(py)?.into_any())
    }
}
