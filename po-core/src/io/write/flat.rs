//! The flat form of a submission (issue 17), for services that do not use po: one CSV of
//! `section;row;column;value` lines, as a spreadsheet writes it. The header fields name the
//! service (`service`, `host`, `municipalities` separated by `|`, `year`, and optionally
//! `positions`, `ombud`, `priority_policy`, `positions_decided`, `grant_decided`, `grant_paid`,
//! `grant_repaid`, `provider` with `provider_type`, `deviation_routines`); annex 1's
//! shortcomings as `shortcoming;<counterpart code>;<shortcoming>;<consequence>` lines;
//! every other section is a table of the report (`active_clients`, `new_clients`, …), one line
//! per cell, `Totalt` as the row or column of its margins, `..` for a hidden cell.
//!
//! Decisions where the sources are silent: a margin the form leaves out is the sum of its
//! cells when they are all given, and hidden otherwise (never estimated); a section po does not
//! know, a number that is not one, or a line without four fields is an error naming its line.

use super::data::{field as csv, BOM};
use crate::chain::Submission;
use crate::codes::CodeList;
use crate::io::read::flat::{PUBLISHED, SHORTCOMING, TOTAL};
use crate::report::Cell;

fn cell_text(c: Cell) -> String {
    c.count().map_or("..".to_owned(), |n| n.to_string())
}

/// The submission in its flat form (what [`crate::io::read::read_flat_submission`] reads).
pub fn to_flat_csv(s: &Submission) -> String {
    let mut out = format!("{BOM}section;row;column;value\n");
    let mut field =
        |name: &str, value: String| out.push_str(&format!("{name};;;{}\n", csv(&value)));
    field("service", s.service.clone());
    field("host", s.host.to_string());
    let codes: Vec<String> = s.municipalities.iter().map(ToString::to_string).collect();
    field("municipalities", codes.join("|"));
    field("year", s.year.to_string());
    field("positions", s.report.staff.positions.to_string());
    field("ombud", cell_text(s.report.staff.ombud));
    if let Some(p) = &s.report.priority_policy {
        field("priority_policy", p.clone());
    }
    if let Some(p) = s.positions_decided {
        field("positions_decided", p.to_string());
    }
    if let Some(g) = s.grant {
        field("grant_decided", g.decided.to_string());
        field("grant_paid", g.paid.to_string());
        field("grant_repaid", g.repaid.to_string());
    }
    if let Some(c) = &s.confidential {
        field("confidential", c.clone());
    }
    if let Some(p) = &s.provider {
        field("provider", p.name.clone());
        field("provider_type", p.organisation.code().to_owned());
    }
    if let Some(d) = s.deviation_routines {
        field(
            "deviation_routines",
            if d { "ja" } else { "nej" }.to_owned(),
        );
    }
    if let Some(p) = &s.published {
        if let Some(k) = p.protection.k() {
            field("published_k", k.to_string());
        }
        field("published_ombud", cell_text(p.staff.ombud));
    }
    for r in &s.shortcomings {
        out.push_str(&format!(
            "{SHORTCOMING};{};{};{}\n",
            r.counterpart.code(),
            csv(&r.shortcoming),
            csv(&r.consequence)
        ));
    }
    write_tables(&mut out, &s.report, "");
    if let Some(p) = &s.published {
        write_tables(&mut out, p, PUBLISHED);
    }
    out
}

/// One line per cell of every table of `r`, in sections named `prefix` and the table.
fn write_tables(out: &mut String, r: &crate::report::AnnualReport, prefix: &str) {
    for t in r.tables() {
        for (i, row) in t.rows.iter().enumerate() {
            for (j, column) in t.columns.iter().enumerate() {
                out.push_str(&format!(
                    "{prefix}{};{};{};{}\n",
                    t.name,
                    csv(row),
                    csv(column),
                    cell_text(t.cells[i][j])
                ));
            }
            out.push_str(&format!(
                "{prefix}{};{};{TOTAL};{}\n",
                t.name,
                csv(row),
                cell_text(t.row_totals[i])
            ));
        }
        for (j, column) in t.columns.iter().enumerate() {
            out.push_str(&format!(
                "{prefix}{};{TOTAL};{};{}\n",
                t.name,
                csv(column),
                cell_text(t.column_totals[j])
            ));
        }
        out.push_str(&format!(
            "{prefix}{};{TOTAL};{TOTAL};{}\n",
            t.name,
            cell_text(t.total)
        ));
    }
}
