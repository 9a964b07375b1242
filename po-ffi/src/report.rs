//! The annual report (SFS 2013:522 10 §) across the boundary. A register crosses as a document
//! (its JSON form or the CSV exports) into a `Register` object, because it has dozens of fields
//! that a service already exports; the report comes back as an `AnnualReport` object with typed
//! tables, ratios, JSON and Markdown. Every count is signed; a hidden one is none (`null`).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rust_decimal::Decimal;
use time::Date;

use po_core::codes::{CodeList, LocalVocabulary};
use po_core::disclosure::{CellLabel, Protection, RelationKind};
use po_core::input::Mode;
use po_core::io::read::{Input, RegisterCsv};
use po_core::report::{self as core, Cell};
use po_core::Language;

use super::error::{invalid, po, PoError, Problem};
use super::ledger::{threshold, threshold_of, Ledger};
use super::money::{population_key, Population};
use super::organisation::{group_of, LeadershipCheck, LeadershipMember};
use super::record::{record, signed, unsigned};
use super::rules::Stamp;

/// A published count at the boundary: none = hidden.
fn published(c: Cell) -> Option<i64> {
    c.count().map(signed)
}

record! {
    /// A count, what it is counted of, and the ratio as published (two decimals); none =
    /// hidden. The ratio is shown only when both counts are.
    Ratio {
        /// Numerator; none = hidden.
        count: Option<i64>,
        /// Denominator; none = hidden.
        of: Option<i64>,
        /// count / of, two decimals (half away from zero); none when `of` is 0 or either is
        /// hidden.
        value: Option<Decimal>,
    }
}

impl From<core::Ratio> for Ratio {
    fn from(r: core::Ratio) -> Self {
        Ratio {
            count: published(r.count),
            of: published(r.of),
            value: r.value,
        }
    }
}

record! {
    /// Waiting days from application to start; median and maximum only with their count.
    Waiting {
        /// Clients with a known wait; none = hidden.
        clients: Option<i64>,
        /// Median days; none when nobody or hidden.
        median_days: Option<Decimal>,
        /// Longest wait; none when nobody or hidden.
        max_days: Option<i64>,
    }
}

record! {
    /// Staff: positions (full-time equivalents), ombud, training and supervision.
    StaffSummary {
        /// Full-time positions (sum of FTE).
        positions: Decimal,
        /// Number of ombud; none = hidden.
        ombud: Option<i64>,
        /// Training → the number of ombud who had it (none = hidden).
        training: HashMap<String, Option<i64>>,
        /// Ombud with supervision; none = hidden.
        with_supervision: Option<i64>,
    }
}

record! {
    /// One exit-survey question: respondents and each answer's share.
    SurveyQuestion {
        /// The question.
        question: String,
        /// Respondents who answered it; none = hidden.
        respondents: Option<i64>,
        /// Answer → count and percent (two decimals).
        answers: HashMap<String, Ratio>,
    }
}

record! {
    /// Clients of a municipality against its share of the population key.
    MunicipalityRow {
        /// The code.
        code: String,
        /// The name (from the population given; empty if none).
        name: String,
        /// Active clients; none = hidden.
        clients: Option<i64>,
        /// Share of all active clients with a municipality, percent.
        client_share: Ratio,
        /// Share of the adult population key, percent (if populations were given).
        key_share: Option<Ratio>,
    }
}

record! {
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

/// Checks a published table's margins against its cells (e.g. seed 001 table 3, whose totals
/// row says 10 007 where the cells add up to 9 517).
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn check_margins(
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

record! {
    /// A measure this year against the previous year.
    Change {
        /// Machine name of the measure.
        measure: String,
        /// The previous year's value; none = hidden.
        previous: Option<Decimal>,
        /// This year's value; none = hidden.
        current: Option<Decimal>,
        /// current − previous; none if either is hidden.
        difference: Option<Decimal>,
        /// The difference in percent of the previous value, two decimals; none if that was 0
        /// or either is hidden.
        percent: Option<Decimal>,
    }
}

record! {
    /// Deviations with one counterpart in a period, for the leadership group.
    CounterpartDeviations {
        /// The counterpart.
        counterpart: String,
        /// Documented in the period; none = hidden.
        new: Option<i64>,
        /// Of those, raised with the leadership group (or further along); none = hidden.
        raised: Option<i64>,
        /// Of those, answered by the responsible organisation; none = hidden.
        answered: Option<i64>,
        /// Of those, not yet closed (neither remedied nor found not remedied); none = hidden.
        open: Option<i64>,
        /// The consequences for the individual recorded for them (seed 001 annex 1), distinct,
        /// in order of first appearance; only under a published count.
        consequences: Vec<String>,
    }
}

record! {
    /// One cell of a table by labels; a none row or column is that dimension's total.
    CellRef {
        /// The table's name.
        table: String,
        /// The row label; none = the totals row.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        row: Option<String>,
        /// The column label; none = the totals column.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        column: Option<String>,
    }
}

impl From<CellRef> for CellLabel {
    fn from(c: CellRef) -> Self {
        CellLabel {
            table: c.table,
            row: c.row,
            column: c.column,
        }
    }
}

record! {
    /// A relation between tables that an attacker knows: Σ left = Σ right, or Σ left ≤ Σ right.
    TableRelation {
        /// True: left ≤ right (a subset); false: left = right (a shared total).
        at_most: bool,
        /// Cells on the left.
        left: Vec<CellRef>,
        /// Cells on the right.
        right: Vec<CellRef>,
    }
}

impl From<TableRelation> for core::TableRelation {
    fn from(r: TableRelation) -> Self {
        core::TableRelation {
            kind: if r.at_most {
                RelationKind::AtMost
            } else {
                RelationKind::Equal
            },
            left: r.left.into_iter().map(Into::into).collect(),
            right: r.right.into_iter().map(Into::into).collect(),
        }
    }
}

record! {
    /// What an attacker can conclude about one hidden cell.
    CellRange {
        /// The table.
        table: String,
        /// The row label; none = the totals row.
        row: Option<String>,
        /// The column label; none = the totals column.
        column: Option<String>,
        /// Smallest value consistent with everything published.
        low: i64,
        /// Largest; none = unbounded.
        high: Option<i64>,
        /// Whether the cell can be computed or shown to be small (1..k-1).
        at_risk: bool,
    }
}

record! {
    /// The attacker's view of a publication: every hidden cell's range by linear programming.
    Audit {
        /// The threshold audited against.
        k: i64,
        /// Every hidden cell's range.
        ranges: Vec<CellRange>,
        /// The published counts within 1..k-1 (low = high = the count).
        shown_small: Vec<CellRange>,
        /// Whether the publication is safe: no hidden cell at risk and no published count
        /// within 1..k-1.
        safe: bool,
    }
}

impl From<po_core::disclosure::Audit> for Audit {
    fn from(a: po_core::disclosure::Audit) -> Self {
        let risky: Vec<_> = a.at_risk.iter().map(|r| r.range.cell).collect();
        let range = |r: po_core::disclosure::CellRange, at_risk: bool| CellRange {
            at_risk,
            table: r.label.table,
            row: r.label.row,
            column: r.label.column,
            low: signed(r.low),
            high: r.high.map(signed),
        };
        Audit {
            k: signed(a.k),
            safe: a.is_safe(),
            shown_small: a.shown_small.into_iter().map(|r| range(r, true)).collect(),
            ranges: a
                .ranges
                .into_iter()
                .map(|r| {
                    let at_risk = risky.contains(&r.cell);
                    range(r, at_risk)
                })
                .collect(),
        }
    }
}

/// A published table: counts by row and column with totals; a none cell or margin is hidden by
/// disclosure control.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "personligt_ombud")
)]
pub struct Table {
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
    /// Counts by row and column; none = hidden.
    pub cells: Vec<Vec<Option<i64>>>,
    /// Row totals; none = hidden.
    pub row_totals: Vec<Option<i64>>,
    /// Column totals; none = hidden.
    pub column_totals: Vec<Option<i64>>,
    /// Grand total; none = hidden.
    pub total: Option<i64>,
}

impl From<&core::Table> for Table {
    fn from(t: &core::Table) -> Self {
        let cells = |v: &[Cell]| v.iter().copied().map(published).collect::<Vec<_>>();
        Table {
            name: t.name.clone(),
            title_sv: t.title_sv.clone(),
            title_en: t.title_en.clone(),
            rows: t.rows.clone(),
            columns: t.columns.clone(),
            cells: t.cells.iter().map(|r| cells(r)).collect(),
            row_totals: cells(&t.row_totals),
            column_totals: cells(&t.column_totals),
            total: published(t.total),
        }
    }
}

fn core_cell(c: Option<i64>, field: &str) -> Result<Cell, PoError> {
    c.map_or(Ok(Cell::Suppressed), |n| {
        Ok(Cell::Count(unsigned(n, field)?))
    })
}

impl TryFrom<&Table> for core::Table {
    type Error = PoError;
    fn try_from(t: &Table) -> Result<Self, PoError> {
        let cells = |v: &[Option<i64>], field: &str| -> Result<Vec<Cell>, PoError> {
            v.iter().map(|c| core_cell(*c, field)).collect()
        };
        let table = core::Table {
            cells: t
                .cells
                .iter()
                .map(|r| cells(r, "cells"))
                .collect::<Result<_, _>>()?,
            row_totals: cells(&t.row_totals, "row_totals")?,
            column_totals: cells(&t.column_totals, "column_totals")?,
            total: core_cell(t.total, "total")?,
            name: t.name.clone(),
            title_sv: t.title_sv.clone(),
            title_en: t.title_en.clone(),
            rows: t.rows.clone(),
            columns: t.columns.clone(),
        };
        table.check_shape().map_err(po)?;
        Ok(table)
    }
}

/// The same table protected on its own: counts 1..k-1 hidden, and whatever else the audit
/// needs (margins included), so that no hidden cell can be computed or shown to be small.
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn protect_table(table: Table, k: i64) -> Result<Table, PoError> {
    let k = Protection::checked_k(k).map_err(po)?;
    let protected = core::protect_table(&core::Table::try_from(&table)?, k).map_err(po)?;
    Ok((&protected).into())
}

/// Audits tables an analyst built (none = hidden, margins included) and the relations between
/// them: every hidden cell's range, and whether any can be computed or shown to be small.
pub(crate) fn audit(
    tables: &[Table],
    relations: Vec<TableRelation>,
    k: i64,
) -> Result<Audit, PoError> {
    let k = Protection::checked_k(k).map_err(po)?;
    let tables: Vec<core::Table> = tables
        .iter()
        .map(core::Table::try_from)
        .collect::<Result<_, _>>()?;
    let relations: Vec<core::TableRelation> = relations.into_iter().map(Into::into).collect();
    Ok(core::audit_tables(&tables, &relations, k)
        .map_err(po)?
        .into())
}

record! {
    /// The CSV exports of a register (UTF-8, UTF-16 or Windows-1252; `;`, `,` or tab); any may
    /// be missing.
    RegisterCsvFiles {
        /// Clients.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        clients: Option<Vec<u8>>,
        /// Intake visits.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        intake: Option<Vec<u8>>,
        /// Deviations with their current status.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        deviations: Option<Vec<u8>>,
        /// Deviations with their dated histories (one row per event), instead of
        /// `deviations`: withdrawn ones are no shortcomings and are not counted.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        deviation_events: Option<Vec<u8>>,
        /// Staff.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        staff: Option<Vec<u8>>,
        /// Exit-survey answers.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        survey: Option<Vec<u8>>,
        /// How many exit surveys were sent.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        survey_sent: i64,
        /// The service's local labels: a preset name, `none` (national codes and labels only)
        /// or `varmland` (PO Värmland's labels, seeds 003–004); none given = `none`.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        vocabulary: Option<String>,
    }
}

/// A service's case register, validated on reading.
#[derive(Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "personligt_ombud"))]
pub struct Register {
    pub(crate) inner: Arc<core::Register>,
    pub(crate) problems: Vec<po_core::input::Problem>,
}

/// How many exit surveys were sent, as the count the import takes.
pub(crate) fn survey_sent(sent: i64) -> Result<u32, PoError> {
    u32::try_from(sent).map_err(|_| invalid(format!("survey_sent: expected 0 or more, got {sent}")))
}

impl Register {
    /// Reads the JSON form; any problem is an `InvalidRegister` error listing them all.
    pub(crate) fn of_json(json: &str, file: &str) -> Result<Self, PoError> {
        let inner = po_core::io::read::read_register_json(json, file).map_err(po)?;
        Ok(Register {
            inner: Arc::new(inner),
            problems: Vec::new(),
        })
    }

    /// Reads the CSV exports: national codes and labels, and the local labels of
    /// `files.vocabulary` (a preset; none by default). Strict: any problem is an
    /// `InvalidRegister` error. Lenient: bad rows are left out and listed in `problems` (and in
    /// the report).
    // Python reads its files through `of_inputs` (bytes or Arrow frames); Kotlin through this.
    #[cfg_attr(not(feature = "uniffi"), allow(dead_code))]
    pub(crate) fn of_csv(files: RegisterCsvFiles, lenient: bool) -> Result<Self, PoError> {
        let sent = survey_sent(files.survey_sent)?;
        let csv = RegisterCsv {
            clients: files.clients.as_deref().map(Input::Csv),
            intake: files.intake.as_deref().map(Input::Csv),
            deviations: files.deviations.as_deref().map(Input::Csv),
            staff: files.staff.as_deref().map(Input::Csv),
            deviation_events: files.deviation_events.as_deref().map(Input::Csv),
            survey: files.survey.as_deref(),
            survey_sent: sent,
        };
        Self::of_inputs(csv, files.vocabulary.as_deref(), lenient)
    }

    /// [`Register::of_csv`] over inputs already made (CSV bytes, or frames a binding built over
    /// its columns): the one place where a register's files are read.
    pub(crate) fn of_inputs(
        files: RegisterCsv<'_>,
        vocabulary: Option<&str>,
        lenient: bool,
    ) -> Result<Self, PoError> {
        let mode = if lenient { Mode::Lenient } else { Mode::Strict };
        let vocabulary = LocalVocabulary::preset(vocabulary.unwrap_or("none")).map_err(po)?;
        let (inner, problems) =
            po_core::io::read::read_register_csv(files, &vocabulary, mode).map_err(po)?;
        Ok(Register {
            inner: Arc::new(inner),
            problems,
        })
    }

    /// Reads a workbook (.xlsx, .ods) with a sheet per export (clients/klienter, intake/nybesök,
    /// deviations/avvikelser or deviation_events/avvikelsehändelser, staff/personal); problems
    /// name `file [sheet]`, the spreadsheet's
    /// row and the column. Strict or lenient as [`Register::of_csv`].
    pub(crate) fn of_workbook(
        bytes: &[u8],
        file: &str,
        vocabulary: Option<&str>,
        lenient: bool,
    ) -> Result<Self, PoError> {
        let mode = if lenient { Mode::Lenient } else { Mode::Strict };
        let vocabulary = LocalVocabulary::preset(vocabulary.unwrap_or("none")).map_err(po)?;
        let (inner, problems) =
            po_core::io::read::read_register_workbook(bytes, file, &vocabulary, mode)
                .map_err(po)?;
        Ok(Register {
            inner: Arc::new(inner),
            problems,
        })
    }

    /// How many clients.
    pub(crate) fn clients(&self) -> i64 {
        signed(self.inner.clients.len() as u64)
    }

    /// The rows a lenient import left out.
    pub(crate) fn left_out(&self) -> Vec<Problem> {
        self.problems.iter().cloned().map(Problem::from).collect()
    }

    /// The deviations of a period by counterpart, for the leadership group, protected with
    /// threshold `k` (or every count as it is when `unprotected`, not for publication); with a
    /// `ledger`, together with everything it records (the other half-year, the annual
    /// report), and recorded there.
    pub(crate) fn deviations_by_counterpart(
        &self,
        from_date: Date,
        to_date: Date,
        k: i64,
        unprotected: bool,
        ledger: Option<&Ledger>,
    ) -> Result<Vec<CounterpartDeviations>, PoError> {
        let deviations = &self.inner.deviations;
        let summary = match ledger {
            None => core::deviations_for_leadership_group(
                deviations,
                from_date,
                to_date,
                Protection::from_request(k, unprotected).map_err(po)?,
            )
            .map_err(po)?,
            Some(ledger) => {
                let k = threshold(k, unprotected)?;
                ledger.publish(|l| {
                    core::deviations_for_leadership_group_with_ledger(
                        deviations, from_date, to_date, k, l,
                    )
                    .map_err(po)
                })?
            }
        };
        Ok(summary
            .counterparts
            .into_iter()
            .map(|c| CounterpartDeviations {
                counterpart: c.counterpart.code().to_owned(),
                new: published(c.new),
                raised: published(c.raised),
                answered: published(c.answered),
                open: published(c.open),
                consequences: c.consequences,
            })
            .collect())
    }
}

record! {
    /// What the report needs besides the register. The priority policy is named (a preset
    /// name or a policy's JSON form), so that the options own nothing they refer to.
    ReportOptions {
        /// The report year.
        year: i32,
        /// The service's name.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        service_name: Option<String>,
        /// Disclosure control: counts 1..k-1 are hidden, and whatever else the audit needs
        /// (none = 3; at least 2).
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        k: Option<i64>,
        /// Publish every count as it is, for the service's own use only: the report then says
        /// it must not be published. Must be asked for.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        unprotected: bool,
        /// The priority policy in force, named in the report: a preset name or a policy's JSON.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        priority_policy: Option<String>,
        /// Adults per municipality, for the key shares.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        population: Option<Vec<Population>>,
        /// The leadership group, checked against 5 § on 31 December of the year.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        leadership_group: Option<Vec<LeadershipMember>>,
    }
}

impl ReportOptions {
    /// po-core's options, every field checked; the policy given as an object where the
    /// language has one.
    pub(crate) fn to_core(
        &self,
        policy: Option<po_core::priority::PriorityPolicy>,
        register: &Register,
    ) -> Result<core::ReportOptions, PoError> {
        let policy = match (policy, &self.priority_policy) {
            (Some(p), _) => Some(p),
            (None, Some(text)) => {
                Some(po_core::priority::PriorityPolicy::named_or_json(text).map_err(po)?)
            }
            (None, None) => None,
        };
        Ok(core::ReportOptions {
            year: self.year,
            service_name: self.service_name.clone().unwrap_or_default(),
            // No k given: po-core's default protection (k = 3).
            protection: match self.k {
                None if !self.unprotected => Protection::default(),
                k => Protection::from_request(k.unwrap_or(0), self.unprotected).map_err(po)?,
            },
            priority_policy: policy,
            // Checked by po-core on 31 December of the year.
            leadership_group: self
                .leadership_group
                .clone()
                .map(|members| group_of(members, None))
                .transpose()?,
            population: population_key(self.population.clone().unwrap_or_default())?,
            input_problems: register.problems.clone(),
        })
    }
}

/// The annual report of one year (10 §).
#[derive(Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "personligt_ombud"))]
pub struct AnnualReport(pub(crate) core::AnnualReport);

/// Computes the annual report (10 §) of `register` for `options.year`; with a `ledger`,
/// protected with the options' k together with everything the ledger records (a corrected
/// report, the report at another k, the year's other publications), and recorded there.
pub(crate) fn report(
    register: &Register,
    options: &ReportOptions,
    policy: Option<po_core::priority::PriorityPolicy>,
    ledger: Option<&Ledger>,
) -> Result<AnnualReport, PoError> {
    let mut options = options.to_core(policy, register)?;
    let Some(ledger) = ledger else {
        return Ok(AnnualReport(
            core::annual_report(&register.inner, &options).map_err(po)?,
        ));
    };
    let k = threshold_of(options.protection)?;
    options.protection = Protection::Unprotected;
    let mut report = core::annual_report(&register.inner, &options).map_err(po)?;
    ledger.publish(|l| {
        let entry = report.protect_with_ledger(k, l).map_err(po)?;
        Ok(((), entry))
    })?;
    Ok(AnnualReport(report))
}

// The methods both languages call by the same name (Python's attributes are in
// `python::report`, Kotlin's accessors in `ffi::report`; both read the helpers below).
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl AnnualReport {
    /// One table by name (`active_clients`, `contact_reasons`, …).
    pub fn table(&self, name: String) -> Result<Table, PoError> {
        Ok(self.0.table(&name).map_err(po)?.into())
    }

    /// The attacker's view of this report: every hidden cell's range by linear programming;
    /// `safe` when none can be computed or shown to be small.
    pub fn audit(&self) -> Result<Audit, PoError> {
        Ok(self.0.audit().map_err(po)?.into())
    }

    /// The whole report as JSON (after its audit).
    pub fn to_json(&self) -> Result<String, PoError> {
        Ok(po_core::io::write::to_json(
            self.0.publishable().map_err(po)?,
        ))
    }

    /// The report's tables as the CSV files `po report` publishes (after its audit): each
    /// table's file name (`active_clients.csv`, …) and text, and `about.csv`, which says what
    /// they are about so that `audit_published_files` can read the directory back.
    pub fn to_csv_tables(&self) -> Result<std::collections::HashMap<String, String>, PoError> {
        Ok(
            po_core::io::write::tables_csv(self.0.publishable().map_err(po)?)
                .into_iter()
                .map(|(name, csv)| (format!("{name}.csv"), csv))
                .collect(),
        )
    }

    /// Change of the headline measures against the previous year's report (only what both
    /// years published).
    pub fn change_against(&self, previous: &AnnualReport) -> Vec<Change> {
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
}

impl AnnualReport {
    /// The report as an .xlsx workbook in `language` (`sv` or `en`), after its audit.
    pub(crate) fn xlsx(&self, language: &str) -> Result<Vec<u8>, PoError> {
        let lang = Language::parse(language).map_err(po)?;
        po_core::io::write::report_to_xlsx(self.0.publishable().map_err(po)?, lang).map_err(po)
    }

    /// The report as a self-contained HTML document for A4 in `language` (`sv` or `en`), after
    /// its audit (issue 32: every format from Python and Kotlin as from the command).
    pub(crate) fn html(&self, language: &str) -> Result<String, PoError> {
        let lang = Language::parse(language).map_err(po)?;
        Ok(po_core::io::write::to_html(
            self.0.publishable().map_err(po)?,
            lang,
        ))
    }

    /// The report as Markdown in `language` (`sv` or `en`), after its audit.
    pub(crate) fn markdown(&self, language: &str) -> Result<String, PoError> {
        let lang = Language::parse(language).map_err(po)?;
        Ok(po_core::io::write::to_markdown(
            self.0.publishable().map_err(po)?,
            lang,
        ))
    }

    /// Every table, in report order.
    pub(crate) fn all_tables(&self) -> Vec<Table> {
        self.0.tables().into_iter().map(Into::into).collect()
    }

    /// The version, the rules applied (10 § as in force, the disclosure control) and
    /// 31 December of the year.
    pub(crate) fn stamped(&self) -> Stamp {
        self.0.stamp.clone().into()
    }

    /// Staff.
    pub(crate) fn staff_summary(&self) -> StaffSummary {
        let s = &self.0.staff;
        StaffSummary {
            positions: s.positions,
            ombud: published(s.ombud),
            training: s
                .training
                .iter()
                .map(|(k, v)| (k.clone(), published(*v)))
                .collect(),
            with_supervision: published(s.with_supervision),
        }
    }

    /// Clients per municipality against the population key.
    pub(crate) fn municipality_rows(&self) -> Vec<MunicipalityRow> {
        self.0
            .clients_per_municipality
            .iter()
            .map(|m| MunicipalityRow {
                code: m.code.as_str().to_owned(),
                name: m.name.clone(),
                clients: published(m.clients),
                client_share: m.client_share.into(),
                key_share: m.key_share.map(Ratio::from),
            })
            .collect()
    }

    /// Waiting days from application to start of the clients started in the year.
    pub(crate) fn waiting_days(&self) -> Waiting {
        let w = &self.0.waiting;
        Waiting {
            clients: published(w.clients),
            median_days: w.median_days,
            max_days: w.max_days,
        }
    }

    /// The exit survey, question by question.
    pub(crate) fn survey_questions(&self) -> Vec<SurveyQuestion> {
        self.0
            .survey
            .iter()
            .map(|q| SurveyQuestion {
                question: q.question.clone(),
                respondents: published(q.respondents),
                answers: q
                    .answers
                    .iter()
                    .map(|(k, v)| (k.clone(), Ratio::from(*v)))
                    .collect(),
            })
            .collect()
    }

    /// The leadership-group check, when a group was given.
    pub(crate) fn leadership_check(&self) -> Option<LeadershipCheck> {
        self.0.leadership.clone().map(Into::into)
    }

    /// Rows left out of the register, as listed in the report.
    pub(crate) fn left_out(&self) -> Vec<Problem> {
        self.0
            .input_problems
            .iter()
            .cloned()
            .map(Problem::from)
            .collect()
    }

    /// How many numbers each table hides (never which, nor why).
    pub(crate) fn hidden_per_table(&self) -> BTreeMap<String, i64> {
        self.0
            .hidden_cells
            .iter()
            .map(|(table, n)| (table.clone(), signed(*n)))
            .collect()
    }

    /// The threshold k of the protection applied; none for an unprotected report.
    pub(crate) fn threshold(&self) -> Option<i64> {
        self.0.protection.k().map(signed)
    }
}
