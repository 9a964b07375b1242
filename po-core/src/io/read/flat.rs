//! The flat form of a submission (issue 17), for services that do not use po: one CSV of
//! `section;row;column;value` lines, as a spreadsheet writes it. The header fields name the
//! service (`service`, `host`, `municipalities` separated by `|`, `year`, and optionally
//! `positions`, `ombud`, `priority_policy`, `positions_decided`, `grant_decided`, `grant_paid`,
//! `grant_repaid`, `provider` with `provider_type`, `deviation_routines` `ja`/`nej`);
//! every other section is a table of the report (`active_clients`, `new_clients`, …), one line
//! per cell, `Totalt` as the row or column of its margins, `..` for a hidden cell.
//!
//! A submission of exact counts (issue 31) has the field `confidential` (po writes
//! [`crate::chain::CONFIDENTIAL`]) and its tables hold exact counts; the service's report as
//! published follows in sections named `published/` and the table (`published/active_clients`),
//! `..` where it hid a count, with `published_k` (its threshold, 3 when not given) and
//! `published_ombud` (hidden when not given: never the exact count). A form that shows a count the primary rule hides but has no
//! `confidential` field is taken as exact counts of a service that published nothing.
//!
//! Decisions where the sources are silent: a margin the form leaves out is the sum of its
//! cells when they are all given, and hidden otherwise (never estimated); a section or field po
//! does not know, a number that is not one, or a line without four fields is an error naming
//! its line; a form without `positions` or `ombud` is read, each a finding
//! ([`Submission::missing`]): positions count as 0, ombud as unknown.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::chain::{GrantFigures, Submission, SubmissionError};
use crate::codes::CodeList;
use crate::disclosure::Protection;
use crate::organisation::MunicipalityCode;
use crate::report::{annual_report, AnnualReport, Cell, Register, ReportOptions, ReportTable};

/// The label of a margin (row or column) in the flat form.
pub(crate) const TOTAL: &str = "Totalt";

/// The fields of the flat form (lines with an empty row and column); any other is an error.
/// `service`, `host`, `municipalities` and `year` are required (an error when missing),
/// `positions` and `ombud` are figures of 10 § (a finding when missing).
pub(crate) const FIELDS: [&str; 17] = [
    "service",
    "host",
    "municipalities",
    "year",
    "positions",
    "ombud",
    "priority_policy",
    "positions_decided",
    "grant_decided",
    "grant_paid",
    "grant_repaid",
    "confidential",
    "published_k",
    "published_ombud",
    "provider",
    "provider_type",
    "deviation_routines",
];

/// The cells of one table as read: labels in the order first met, totals when given.
#[derive(Default)]
struct Cells {
    rows: Vec<String>,
    columns: Vec<String>,
    values: BTreeMap<(String, String), Cell>,
}

fn position(list: &mut Vec<String>, label: &str) {
    if label != TOTAL && !list.iter().any(|l| l == label) {
        list.push(label.to_owned());
    }
}

/// The sum of `cells` when all are given, hidden otherwise.
fn sum(cells: impl Iterator<Item = Cell>) -> Cell {
    cells.fold(Cell::Count(0), |a, c| match (a, c) {
        (Cell::Count(x), Cell::Count(y)) => Cell::Count(x + y),
        _ => Cell::Suppressed,
    })
}

/// The section of a line of annex 1: `shortcoming;<counterpart>;<shortcoming>;<consequence>`.
pub(crate) const SHORTCOMING: &str = "shortcoming";

/// The prefix of a section of the published report.
pub(crate) const PUBLISHED: &str = "published/";

/// Fills `template`'s tables from the sections read (named `prefix` and the table).
fn fill(template: &mut AnnualReport, tables: &mut BTreeMap<String, Cells>, prefix: &str) {
    for t in template.tables_mut() {
        let Some(c) = tables.remove(&format!("{prefix}{}", t.name)) else {
            // A form of schema 3 or earlier has no new clients' contact reasons: not reported
            // (a finding), never a table of zeros.
            if t.name == ReportTable::NewContactReasons.name() {
                *t = crate::report::new_contact_reasons_not_reported();
            }
            continue;
        };
        let get = |r: &str, col: &str| c.values.get(&(r.to_owned(), col.to_owned())).copied();
        let cells: Vec<Vec<Cell>> = c
            .rows
            .iter()
            .map(|r| {
                c.columns
                    .iter()
                    .map(|col| get(r, col).unwrap_or(Cell::Count(0)))
                    .collect()
            })
            .collect();
        t.row_totals = c
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| get(r, TOTAL).unwrap_or_else(|| sum(cells[i].iter().copied())))
            .collect();
        t.column_totals = c
            .columns
            .iter()
            .enumerate()
            .map(|(j, col)| get(TOTAL, col).unwrap_or_else(|| sum(cells.iter().map(|r| r[j]))))
            .collect();
        t.total = get(TOTAL, TOTAL).unwrap_or_else(|| sum(t.row_totals.iter().copied()));
        t.rows = c.rows.clone();
        t.columns = c.columns.clone();
        t.cells = cells;
    }
}

/// Reads the flat form of a submission. Errors name the line (header = 1).
///
/// # Errors
/// [`SubmissionError`] naming the line, or the field that is missing or malformed.
pub fn read_flat_submission(text: &str) -> Result<Submission, SubmissionError> {
    let mut reader = crate::text::csv_reader(text);
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut tables: BTreeMap<String, Cells> = BTreeMap::new();
    let mut shortcomings = Vec::new();
    // The report's tables, for their titles and to know the sections.
    let mut template = annual_report(&Register::default(), &ReportOptions::default())
        .map_err(|e| SubmissionError::new(e.to_string()))?;
    let known: Vec<String> = template.tables().iter().map(|t| t.name.clone()).collect();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let r = record.map_err(|e| SubmissionError::at(line, e.to_string()))?;
        if r.len() != 4 {
            return Err(SubmissionError::at(
                line,
                format!("expected section;row;column;value, got {} fields", r.len()),
            ));
        }
        let text = |i: usize| crate::text::unmark_text(r[i].trim());
        let (section, row, column, value) = (text(0), text(1), text(2), text(3));
        if section == SHORTCOMING {
            // Annex 1: where it arises; the shortcoming; its consequence.
            let s = crate::deviation::ReportedShortcoming {
                counterpart: crate::codes::Counterpart::parse(row)
                    .map_err(|e| SubmissionError::at(line, e.to_string()))?,
                shortcoming: column.to_owned(),
                consequence: value.to_owned(),
            };
            if s.text_naming_a_person().is_some() {
                return Err(SubmissionError::at(
                    line,
                    format!("{SHORTCOMING}: {}", crate::privacy::IN_FREE_TEXT),
                ));
            }
            shortcomings.push(s);
            continue;
        }
        if row.is_empty() && column.is_empty() {
            // A mistyped field (`antal_ombud`) would be silently ignored: an error, as an
            // unknown section is (issue 34).
            if !FIELDS.contains(&section) {
                return Err(SubmissionError::at(
                    line,
                    format!(
                        "unknown field {:?}; expected one of {}",
                        crate::text::clip(section),
                        FIELDS.join(", ")
                    ),
                ));
            }
            fields.insert(section.to_owned(), value.to_owned());
            continue;
        }
        if !known
            .iter()
            .any(|k| k == section.strip_prefix(PUBLISHED).unwrap_or(section))
        {
            return Err(SubmissionError::at(
                line,
                format!(
                    "unknown section {:?}; expected a field or one of {}",
                    crate::text::clip(section),
                    known.join(", ")
                ),
            ));
        }
        let cell = match value {
            ".." => Cell::Suppressed,
            v => Cell::Count(v.parse().map_err(|_| {
                SubmissionError::at(
                    line,
                    format!("expected a count or .., got {:?}", crate::text::clip(v)),
                )
            })?),
        };
        let t = tables.entry(section.to_owned()).or_default();
        position(&mut t.rows, row);
        position(&mut t.columns, column);
        t.values.insert((row.to_owned(), column.to_owned()), cell);
    }
    let field = |name: &str| -> Result<&String, SubmissionError> {
        fields
            .get(name)
            .ok_or_else(|| SubmissionError::new(format!("the field {name} is missing")))
    };
    let decimal = |name: &str| -> Result<Option<Decimal>, SubmissionError> {
        fields
            .get(name)
            .map(|v| {
                v.replace(',', ".").parse::<Decimal>().map_err(|_| {
                    SubmissionError::new(format!(
                        "{name}: expected a number, got {:?}",
                        crate::text::clip(v)
                    ))
                })
            })
            .transpose()
    };
    let code =
        |v: &str| MunicipalityCode::parse(v).map_err(|e| SubmissionError::new(e.to_string()));
    let host = code(field("host")?)?;
    let municipalities = field("municipalities")?
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(code)
        .collect::<Result<Vec<_>, _>>()?;
    let year: i32 = field("year")?
        .parse()
        .map_err(|_| SubmissionError::new("year: expected a year such as 2023"))?;
    template.year = year;
    template.service_name = field("service")?.clone();
    template.priority_policy = fields.get("priority_policy").cloned();
    // Positions and ombud are figures of 10 §: a form without them is a finding (`missing`),
    // never a silent zero; ombud left out are unknown (a sum with them is hidden).
    let mut missing = Vec::new();
    template.staff.positions = match decimal("positions")? {
        Some(p) => p,
        None => {
            missing.push("positions");
            Decimal::ZERO
        }
    };
    template.staff.ombud = match fields.get("ombud").map(String::as_str) {
        Some("..") => Cell::Suppressed,
        Some(v) => Cell::Count(v.parse().map_err(|_| {
            SubmissionError::new(format!(
                "ombud: expected a count, got {:?}",
                crate::text::clip(v)
            ))
        })?),
        None => {
            missing.push("ombud");
            Cell::Suppressed
        }
    };
    // The form says nothing of supervision: unknown, never 0 (the compilation sums it).
    template.staff.with_supervision = Cell::Suppressed;
    let mut published = match tables.keys().any(|t| t.starts_with(PUBLISHED)) {
        true => Some(template.clone()),
        false => None,
    };
    fill(&mut template, &mut tables, "");
    if let Some(p) = published.as_mut() {
        fill(p, &mut tables, PUBLISHED);
        let k = match fields.get("published_k") {
            Some(v) => v.parse().map_err(|_| {
                SubmissionError::new(format!(
                    "published_k: expected a threshold such as 3, got {:?}",
                    crate::text::clip(v)
                ))
            })?,
            None => 3,
        };
        p.protection = Protection::Threshold { k };
        // Ombud as published; hidden when the form does not say (never the exact count).
        p.staff.ombud = match fields.get("published_ombud").map(String::as_str) {
            Some(v) => match v.parse() {
                Ok(n) => Cell::Count(n),
                Err(_) => Cell::Suppressed,
            },
            None => Cell::Suppressed,
        };
    }
    let grant = match (
        decimal("grant_decided")?,
        decimal("grant_paid")?,
        decimal("grant_repaid")?,
    ) {
        (None, None, None) => None,
        (d, p, r) => Some(GrantFigures {
            decided: d.unwrap_or_default(),
            paid: p.unwrap_or_default(),
            repaid: r.unwrap_or_default(),
        }),
    };
    // A form showing a count the primary rule hides holds a service's true counts: it is
    // marked unprotected, so that a compilation protects it before a sum minus the published
    // submissions can give its counts away.
    let confidential = fields.get("confidential").cloned();
    if let Protection::Threshold { k } = template.protection {
        if confidential.is_some() || published.is_some() || template.tables_show_small_count(k) {
            template.set_protection(Protection::Unprotected);
        }
    }
    let mut s = Submission::new(
        host,
        municipalities,
        decimal("positions_decided")?,
        template,
    );
    s.grant = grant;
    s.published = published;
    s.confidential = confidential;
    s.provider = match (fields.get("provider"), fields.get("provider_type")) {
        (None, None) => None,
        (Some(name), Some(kind)) => Some(crate::organisation::Provider {
            name: name.clone(),
            organisation: crate::organisation::ProviderType::parse(kind)
                .map_err(|e| SubmissionError::new(e.to_string()))?,
        }),
        (Some(_), None) => return Err(SubmissionError::new("the field provider_type is missing")),
        (None, Some(_)) => return Err(SubmissionError::new("the field provider is missing")),
    };
    s.deviation_routines = fields
        .get("deviation_routines")
        .map(|v| {
            crate::input::flag_of(v).ok_or_else(|| {
                SubmissionError::new(format!(
                    "deviation_routines: expected ja or nej, got {:?}",
                    crate::text::clip(v)
                ))
            })
        })
        .transpose()?;
    s.shortcomings = shortcomings;
    s.check_free_text()?;
    s.tables_only = true;
    s.missing = missing;
    Ok(s)
}
