//! The report as data: its JSON form (which reads back with serde) and one CSV per table, as
//! Swedish spreadsheets read them (`;`-separated, hidden cells `..`, SCB's convention).
//!
//! A cell that a spreadsheet would take for a formula — text beginning with `=`, `+`, `-`,
//! `@`, a tab or a carriage return, as an area name typed into an export can (OWASP, "CSV
//! Injection") — is written with a leading `'`, which Excel and LibreOffice show as text. Every
//! CSV po writes starts with a byte-order mark, without which Excel on Swedish Windows reads
//! UTF-8 as Windows-1252 ("VÃ¤rmland"); po's readers skip it.

use crate::disclosure::Publishable;
use crate::report::{AnnualReport, Table};

/// The JSON form of the whole report: only an audited report.
pub fn to_json(r: Publishable<'_, AnnualReport>) -> String {
    // Strings, integers, decimals and dates only: serialising cannot fail.
    serde_json::to_string_pretty(r.get()).unwrap_or_default()
}

/// Every table as CSV (`(name, text)`, see [`table_csv`]), then `about` ([`about_csv`]: what
/// the tables are about, so that `po audit` can read them back): only an audited report.
pub fn tables_csv(r: Publishable<'_, AnnualReport>) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = r
        .get()
        .tables()
        .into_iter()
        .map(|t| (t.name.clone(), table_csv(t)))
        .collect();
    files.push((
        "about".to_owned(),
        about_csv(&crate::publications::About::of_report(r.get())),
    ));
    files
}

/// What published tables are about as CSV (`about.csv`; `crate::publications::about`): a key
/// and a value a row.
pub fn about_csv(about: &crate::publications::About) -> String {
    let mut out = String::from(BOM);
    for (key, value) in about.rows() {
        out.push_str(&format!("{key};{}\r\n", field(&value)));
    }
    out
}

/// The byte-order mark every CSV po writes starts with.
pub(crate) const BOM: &str = "\u{feff}";

/// A cell's text, quoted where the separator, a quote or a line break needs it, and kept from
/// being read as a formula (po's readers take the `'` off again: [`crate::text::unmark_text`]).
pub(crate) fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One table as CSV with a totals row and column; hidden cells `..`. It writes what it is
/// given: a table of an audited report passed its audit; audit a table built by hand with
/// [`crate::disclosure::audit`] (or [`crate::report::audit_tables`]) before publishing it.
pub fn table_csv(t: &Table) -> String {
    let mut out = String::from(BOM);
    for c in &t.columns {
        out.push(';');
        out.push_str(&field(c));
    }
    out.push_str(";Totalt\r\n");
    for (i, r) in t.rows.iter().enumerate() {
        out.push_str(&field(r));
        for c in &t.cells[i] {
            out.push(';');
            out.push_str(&c.to_string());
        }
        out.push_str(&format!(";{}\r\n", t.row_totals[i]));
    }
    out.push_str("Totalt");
    for c in &t.column_totals {
        out.push_str(&format!(";{c}"));
    }
    out.push_str(&format!(";{}\r\n", t.total));
    out
}

#[cfg(test)]
mod tests {
    use super::table_csv;
    use crate::report::Table;

    #[test]
    fn labels_that_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
        let rows = [
            "=HYPERLINK(\"http://x\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1)",
            "Ost",
        ];
        let t = Table::from_counts(
            "clients_by_area",
            "Klienter efter område",
            "Clients by area",
            rows.iter().map(|r| (*r).to_owned()).collect(),
            vec!["Kvinna".into()],
            vec![vec![3]; rows.len()],
        );
        let csv = table_csv(&t);
        let firsts: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(';').next().unwrap_or(""))
            .collect();
        assert_eq!(
            firsts,
            [
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
                "'+cmd|' /C calc'!A0",
                "'-2+3",
                "'@SUM(1)",
                "Ost",
                "Totalt"
            ]
        );
        // A byte-order mark first: Excel on Swedish Windows reads UTF-8 by it.
        assert!(csv.starts_with("\u{feff};Kvinna;Totalt\r\n"));
    }
}
