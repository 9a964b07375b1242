//! The register and the annual report as Kotlin/Java call them: constructors and accessor
//! methods over the boundary's records.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;
use time::Date;

use crate::error::{PoError, Problem};
use crate::ledger::Ledger;
use crate::organisation::LeadershipCheck;
use crate::report::{
    audit, report, AnnualReport, Audit, CounterpartDeviations, MunicipalityRow, Ratio, Register,
    RegisterCsvFiles, ReportOptions, StaffSummary, SurveyQuestion, Table, TableRelation, Waiting,
};
use crate::rules::Stamp;

#[uniffi::export]
impl Register {
    /// Reads the JSON form; any problem raises `InvalidRegister` listing them all.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, PoError> {
        Self::of_json(&json, "register.json").map(Arc::new)
    }

    /// Reads the CSV exports. Strict (`lenient = false`): any problem raises `InvalidRegister`
    /// with every problem. Lenient: bad rows are left out and listed in `problems()`.
    #[uniffi::constructor(default(lenient = false))]
    pub fn from_csv(files: RegisterCsvFiles, lenient: bool) -> Result<Arc<Self>, PoError> {
        Self::of_csv(files, lenient).map(Arc::new)
    }

    /// Reads a workbook (.xlsx, .ods) with a sheet per export (clients/klienter,
    /// intake/nybesök, deviations/avvikelser or deviation_events/avvikelsehändelser,
    /// staff/personal). Problems name the sheet, the
    /// spreadsheet's row and the column; strict or lenient as `fromCsv`; `vocabulary` a preset.
    #[uniffi::constructor(default(lenient = false, vocabulary = None))]
    pub fn from_workbook(
        bytes: Vec<u8>,
        lenient: bool,
        vocabulary: Option<String>,
    ) -> Result<Arc<Self>, PoError> {
        Self::of_workbook(&bytes, "workbook.xlsx", vocabulary.as_deref(), lenient).map(Arc::new)
    }

    /// How many clients.
    pub fn client_count(&self) -> i64 {
        self.clients()
    }

    /// The rows a lenient import left out.
    pub fn problems(&self) -> Vec<Problem> {
        self.left_out()
    }

    /// The deviations of a period by counterpart, for the leadership group, protected. With a
    /// `ledger`, protected together with everything it records, and recorded there.
    #[uniffi::method(default(k = 3, unprotected = false, ledger = None))]
    pub fn deviations_for_leadership_group(
        &self,
        from_date: Date,
        to_date: Date,
        k: i64,
        unprotected: bool,
        ledger: Option<Arc<Ledger>>,
    ) -> Result<Vec<CounterpartDeviations>, PoError> {
        let ledger = ledger.as_deref();
        self.deviations_by_counterpart(from_date, to_date, k, unprotected, ledger)
    }
}

#[uniffi::export]
impl AnnualReport {
    /// The report year.
    pub fn year(&self) -> i32 {
        self.0.year
    }

    /// The service's name.
    pub fn service_name(&self) -> String {
        self.0.service_name.clone()
    }

    /// The version, the rules applied and 31 December of the year.
    pub fn stamp(&self) -> Stamp {
        self.stamped()
    }

    /// Every table, in report order.
    pub fn tables(&self) -> Vec<Table> {
        self.all_tables()
    }

    /// Staff: positions, ombud, training, supervision.
    pub fn staff(&self) -> StaffSummary {
        self.staff_summary()
    }

    /// Full-time positions.
    pub fn positions(&self) -> Decimal {
        self.0.staff.positions
    }

    /// Assignments per client.
    pub fn assignments_per_client(&self) -> Ratio {
        self.0.assignments_per_client.into()
    }

    /// Clients per municipality against the population key.
    pub fn clients_per_municipality(&self) -> Vec<MunicipalityRow> {
        self.municipality_rows()
    }

    /// Deviations with feedback, percent.
    pub fn deviations_with_feedback(&self) -> Ratio {
        self.0.deviations_with_feedback.into()
    }

    /// Exit-survey response rate, percent (null without a survey).
    pub fn survey_response_rate(&self) -> Option<Ratio> {
        self.0.survey_response_rate.map(Into::into)
    }

    /// The exit survey, question by question.
    pub fn survey(&self) -> Vec<SurveyQuestion> {
        self.survey_questions()
    }

    /// Waiting days from application to start of the clients started in the year.
    pub fn waiting(&self) -> Waiting {
        self.waiting_days()
    }

    /// The priority policy named in the report.
    pub fn priority_policy(&self) -> Option<String> {
        self.0.priority_policy.clone()
    }

    /// The leadership-group check, when a group was given.
    pub fn leadership(&self) -> Option<LeadershipCheck> {
        self.leadership_check()
    }

    /// Rows left out of the register, as listed in the report.
    pub fn input_problems(&self) -> Vec<Problem> {
        self.left_out()
    }

    /// How many numbers each table hides (never which, nor why).
    pub fn hidden_cells(&self) -> HashMap<String, i64> {
        self.hidden_per_table().into_iter().collect()
    }

    /// The threshold k of the protection applied; null for an unprotected report.
    pub fn k(&self) -> Option<i64> {
        self.threshold()
    }

    /// The report as Markdown, `sv` or `en`.
    #[uniffi::method(default(language = "sv"))]
    pub fn to_markdown(&self, language: String) -> Result<String, PoError> {
        self.markdown(&language)
    }

    /// The report as a self-contained HTML document that prints on A4, `sv` or `en`.
    #[uniffi::method(default(language = "sv"))]
    pub fn to_html(&self, language: String) -> Result<String, PoError> {
        self.html(&language)
    }

    /// The report as an .xlsx workbook, `sv` or `en`: a method sheet, a sheet per table
    /// (counts as numbers, hidden cells `..`).
    #[uniffi::method(default(language = "sv"))]
    pub fn to_xlsx(&self, language: String) -> Result<Vec<u8>, PoError> {
        self.xlsx(&language)
    }
}

/// Computes the annual report (10 §) of `register` for `options.year`.
#[uniffi::export]
pub fn annual_report(
    register: &Register,
    options: ReportOptions,
) -> Result<Arc<AnnualReport>, PoError> {
    report(register, &options, None, None).map(Arc::new)
}

/// The annual report protected with the options' k together with everything `ledger`
/// records (a corrected report, the report at another k, the year's other publications about
/// the same people), and recorded there. (A function of its own, so that Java's calls of
/// `annualReport(register, options)` stay as they are.)
#[uniffi::export]
pub fn annual_report_with_ledger(
    register: &Register,
    options: ReportOptions,
    ledger: Arc<Ledger>,
) -> Result<Arc<AnnualReport>, PoError> {
    report(register, &options, None, Some(&ledger)).map(Arc::new)
}

/// Audits tables an analyst built (null = hidden, margins included) and the relations between
/// them: every hidden cell's range, and whether any can be computed or shown to be small.
#[uniffi::export(default(relations = [], k = 3))]
pub fn audit_tables(
    tables: Vec<Table>,
    relations: Vec<TableRelation>,
    k: i64,
) -> Result<Audit, PoError> {
    audit(&tables, relations, k)
}

/// The options of a protected report (k = 3) of `year`, for Java: add the rest with the
/// `with…` methods (`reportOptions(2023).withServiceName("PO X").withK(5)`).
#[uniffi::export]
pub fn report_options(year: i32) -> ReportOptions {
    ReportOptions {
        year,
        service_name: None,
        k: None,
        unprotected: false,
        priority_policy: None,
        population: None,
        leadership_group: None,
    }
}

#[uniffi::export]
impl ReportOptions {
    /// The same options for the service called `name`.
    pub fn with_service_name(&self, name: String) -> ReportOptions {
        ReportOptions {
            service_name: Some(name),
            ..self.clone()
        }
    }

    /// The same options with disclosure threshold `k` (at least 2).
    pub fn with_k(&self, k: i64) -> ReportOptions {
        ReportOptions {
            k: Some(k),
            ..self.clone()
        }
    }

    /// The same options for the service's own use only: every count as it is, and the report
    /// says it must not be published.
    pub fn with_unprotected(&self) -> ReportOptions {
        ReportOptions {
            unprotected: true,
            ..self.clone()
        }
    }

    /// The same options naming the priority policy in force (a preset name or a policy's JSON).
    pub fn with_priority_policy(&self, policy: String) -> ReportOptions {
        ReportOptions {
            priority_policy: Some(policy),
            ..self.clone()
        }
    }

    /// The same options with adults per municipality, for the key shares.
    pub fn with_population(&self, population: Vec<crate::money::Population>) -> ReportOptions {
        ReportOptions {
            population: Some(population),
            ..self.clone()
        }
    }

    /// The same options with the leadership group, checked on 31 December of the year.
    pub fn with_leadership_group(
        &self,
        members: Vec<crate::organisation::LeadershipMember>,
    ) -> ReportOptions {
        ReportOptions {
            leadership_group: Some(members),
            ..self.clone()
        }
    }
}
