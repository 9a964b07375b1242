//! The annual report (SFS 2013:522 10 §) computed from case records, and the checks and
//! privacy protection its tables need.
//!
//! Counting rules (documented choices where the sources are silent):
//! - A client is *active* in a year if they had an ombud on any day of it (started on or before
//!   31 December, not ended before 1 January); *new* if they started in the year; *closed* if
//!   they ended in it.
//! - Age is taken **on 31 December of the report year**, so a birth year is as good as a birth
//!   date (the age reached during the year), and every client falls in one band for the whole
//!   report. A client known only by an age band keeps that band.
//! - Percentages are of respondents (or of the rows counted) with two decimals, rounded half
//!   away from zero (seed 003: 17 of 18 = 94.44 %).

mod annual;
mod counting;
mod html;
mod import;
mod joint;
mod margins;
mod protection;
mod reasons;
mod register;
mod render;
mod summary;
mod table;
#[cfg(feature = "excel")]
mod workbook;

pub use annual::{
    annual_report, AnnualReport, MunicipalityRow, Ratio, ReportOptions, StaffSummary,
    SurveyQuestion, Waiting,
};
pub use html::{compilation_to_html, to_html};
pub(crate) use html::{count as html_count, decimal as html_decimal};
pub use import::{
    column_reference, column_reference_markdown, decode, read_applicants_csv, read_cases_csv,
    read_clients_csv, read_deviation_events_csv, read_deviations_csv, read_deviations_json,
    read_intake_csv, read_register_csv, read_register_json, read_staff_csv, read_survey_csv,
    AllowedValue, ColumnReference, ColumnType, FileReference, Frame, ImportError, Imported, Input,
    Mode, Problem, RegisterCsv, TextCells, APPLICANT_CSV_COLUMNS, CASE_CSV_COLUMNS,
    CLIENT_CSV_COLUMNS, DEVIATION_CSV_COLUMNS, DEVIATION_EVENT_CODES, DEVIATION_EVENT_CSV_COLUMNS,
    INTAKE_CSV_COLUMNS, STAFF_CSV_COLUMNS,
};
pub(crate) use joint::{audit_linked, protect_linked, LINKED_TABLES};
pub use joint::{audit_tables, protect_table, TableRelation};
pub use margins::{check_margins, MarginProblem};
pub use protection::{information_loss, InformationLoss};
pub use reasons::ContactReasons;
pub use register::{
    Assignment, Client, Deviation, ExitSurvey, IntakeVisit, Register, StaffMember, SurveyResponse,
};
pub(crate) use render::table_md as table_markdown;
pub use render::{to_markdown, Language};
pub use summary::{
    change_against, deviations_for_leadership_group, Change, CounterpartDeviations,
    LeadershipSummary,
};
pub use table::{Cell, Table};
#[cfg(feature = "excel")]
pub use workbook::{
    compilation_to_xlsx, invoices_to_xlsx, ranking_to_xlsx, read_flat_submission_workbook,
    read_register_workbook, read_workbook, report_to_xlsx, rows_to_xlsx, Sheet, SheetCell,
    SheetRows,
};
