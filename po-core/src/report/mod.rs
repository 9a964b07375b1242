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
pub(crate) use counting::{new_contact_reasons_not_reported, UNKNOWN};
mod joint;
mod margins;
mod protection;
mod reasons;
mod register;
mod summary;
mod table;
mod tables;

pub use annual::{
    annual_report, AnnualReport, MunicipalityRow, Ratio, ReportOptions, StaffSummary,
    SurveyQuestion, Waiting,
};
pub(crate) use joint::{audit_linked, protect_linked, relate_compiled};
pub use joint::{audit_tables, protect_table, TableRelation};
pub use margins::{check_margins, MarginProblem};
pub use protection::{information_loss, InformationLoss};
pub(crate) use protection::{published, relate_tables, table_cells};
pub use reasons::ContactReasons;
pub use register::{
    Assignment, Client, Deviation, ExitSurvey, IntakeVisit, Register, StaffMember, SurveyResponse,
};
pub use summary::{
    change_against, deviations_for_leadership_group, deviations_for_leadership_group_with_ledger,
    Change, CounterpartDeviations, LeadershipSummary,
};
pub use table::{Cell, Table};
pub use tables::ReportTable;
