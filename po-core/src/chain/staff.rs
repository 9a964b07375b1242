//! A service's staff counts (10 § 1: its ombud, by gender, and those with supervision) as two
//! small tables, so that exact submissions carry them up the chain and the family protects
//! them as it protects the compiled tables (issue 34: seed 001 gives the nation's ombud, "ca 70
//! procent är kvinnor", and their change; issue 31: the counts of people in them are protected
//! against the services' own reports, the counties and the nation together).
//!
//! The ombud table has one row and a column per gender the staff export gave, "Uppgift saknas"
//! among them for those it left without one (as the report counts them); a service whose export
//! gave no genders at all has one column, [`NOT_REPORTED`], holding all its ombud, so that every
//! table's total is the service's ombud and a compilation's is the sum of its services'. The
//! supervision table is one cell; those with supervision are at most the ombud ([`relate`]).

use crate::disclosure::{Publication, TableCells};
use crate::report::{AnnualReport, Cell, StaffSummary, Table};

/// The ombud table's name.
pub(crate) const OMBUD: &str = "staff_ombud";
/// The supervision table's name.
pub(crate) const SUPERVISION: &str = "staff_with_supervision";
/// The ombud table's row, and the supervision table's.
pub(crate) const OMBUD_ROW: &str = "ombud";
pub(crate) const SUPERVISION_ROW: &str = "with_supervision";
const COUNT: &str = "count";
/// The ombud column of services whose staff export gave no genders: not a gender, so left out
/// of a compilation's ombud by gender (which counts the services that gave them).
pub(crate) const NOT_REPORTED: &str = "gender not reported";

/// The two staff tables of a report's staff, cells as the report has them (hidden where it hid
/// them). With no genders given, the one column is the ombud themselves.
pub(crate) fn tables(staff: &StaffSummary) -> [Table; 2] {
    let (columns, cells): (Vec<String>, Vec<Cell>) = if staff.ombud_by_gender.is_empty() {
        (vec![NOT_REPORTED.to_owned()], vec![staff.ombud])
    } else {
        staff
            .ombud_by_gender
            .iter()
            .map(|(g, c)| (g.clone(), *c))
            .unzip()
    };
    let ombud = Table {
        name: OMBUD.to_owned(),
        title_sv: "Ombud efter kön".to_owned(),
        title_en: "Ombud by gender".to_owned(),
        rows: vec![OMBUD_ROW.to_owned()],
        column_totals: cells.clone(),
        cells: vec![cells],
        columns,
        row_totals: vec![staff.ombud],
        total: staff.ombud,
    };
    let supervision = Table {
        name: SUPERVISION.to_owned(),
        title_sv: "Ombud med handledning".to_owned(),
        title_en: "Ombud with supervision".to_owned(),
        rows: vec![SUPERVISION_ROW.to_owned()],
        columns: vec![COUNT.to_owned()],
        cells: vec![vec![staff.with_supervision]],
        row_totals: vec![staff.with_supervision],
        column_totals: vec![staff.with_supervision],
        total: staff.with_supervision,
    };
    [ombud, supervision]
}

/// Which of the two staff tables of `r` are known, in their order: the ombud's (the ombud and,
/// when given, their genders) and the supervision's. A flat form never gives supervision, and
/// one without its `ombud` line not the ombud: unknown in the sums.
pub(crate) fn known(r: &AnnualReport) -> [bool; 2] {
    let s = &r.staff;
    let ombud = std::iter::once(&s.ombud)
        .chain(s.ombud_by_gender.values())
        .all(|c| c.count().is_some());
    [ombud, s.with_supervision.count().is_some()]
}

/// What a family carries of one report: its compiled tables (in the order of
/// [`crate::report::ReportTable::compiled_tables`]), then its two staff tables — each as zeros
/// when it is not [`known`]: the places the report is part of then hide that table
/// (`chain::compilation`), as a sum with an unknown part.
pub(crate) fn family_tables(r: &AnnualReport) -> Vec<Table> {
    let [ombud, supervision] = known(r);
    let mut staff = r.staff.clone();
    if !ombud {
        staff.ombud = Cell::Count(0);
        staff.ombud_by_gender.clear();
    }
    if !supervision {
        staff.with_supervision = Cell::Count(0);
    }
    compiled_with(r, &staff)
}

/// What a report as published shows of the same tables: hidden where it hid them (unknown to
/// a reader, never zeros as [`family_tables`] places for counts it does not know).
pub(crate) fn shown_tables(r: &AnnualReport) -> Vec<Table> {
    compiled_with(r, &r.staff)
}

/// `r`'s compiled tables, then the staff tables of `staff`.
fn compiled_with(r: &AnnualReport, staff: &StaffSummary) -> Vec<Table> {
    crate::report::ReportTable::compiled_tables()
        .map(|t| r.table_of(t).clone())
        .chain(tables(staff))
        .collect()
}

/// A compilation's staff, read back from its protected staff tables (the last two of a
/// family's tables): the ombud, by gender (without [`NOT_REPORTED`]) and with supervision.
pub(crate) fn read_back(ombud: &Table, supervision: &Table) -> Staff {
    let by_gender = ombud
        .columns
        .iter()
        .zip(&ombud.column_totals)
        .filter(|(g, _)| *g != NOT_REPORTED)
        .map(|(g, c)| (g.clone(), *c))
        .collect();
    Staff {
        ombud: ombud.total,
        by_gender,
        with_supervision: supervision.total,
    }
}

/// A compilation's staff counts as protected.
pub(crate) struct Staff {
    pub ombud: Cell,
    pub by_gender: std::collections::BTreeMap<String, Cell>,
    pub with_supervision: Cell,
}

impl Staff {
    /// Every count hidden, none guessed.
    pub(crate) fn hidden() -> Staff {
        Staff {
            ombud: Cell::Suppressed,
            by_gender: std::collections::BTreeMap::new(),
            with_supervision: Cell::Suppressed,
        }
    }
}

/// States what holds between the staff tables among `tables` (placed as `cells`): those with
/// supervision are at most the ombud. The tables' own sums are stated where they are placed.
pub(crate) fn relate(p: &mut Publication, cells: &[TableCells], tables: &[Table]) {
    let placed = |name: &str| {
        let i = tables.iter().position(|t| t.name == name)?;
        cells.get(i)
    };
    if let (Some(ombud), Some(supervision)) = (placed(OMBUD), placed(SUPERVISION)) {
        p.add_at_most(&[supervision.total], &[ombud.total]);
    }
}
