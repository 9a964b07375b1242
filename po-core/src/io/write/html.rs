//! The report as a document (issue 18): one self-contained HTML file that prints on A4, with
//! its charts as inline SVG, numbers written as Swedes write them in the Swedish report (a
//! decimal comma, a space between thousands) and as English readers do in the English one,
//! English labels throughout the English report, municipalities by name (all 290, bundled).
//! Written only after the same disclosure audit as every rendering; hidden cells are `..` in
//! the tables and no bar in the charts (never drawn as zero).

use std::fmt::Write;

use rust_decimal::Decimal;

use super::document::{of_report, Block, Grid};
use super::Value;
use crate::disclosure::Publishable;
use crate::io::text::{cell, count, decimal, label, ratio_text};
use crate::report::{AnnualReport, Cell, Table};
use crate::Language;

/// Escapes text for HTML.
pub(super) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar per row of the table's row totals; a hidden total gets no bar and `..`.
fn chart(t: &Table, sv: bool) -> String {
    let max = t
        .row_totals
        .iter()
        .filter_map(|c| c.count())
        .max()
        .unwrap_or(0)
        .max(1);
    // Room for the longest label (about 6 px a character at 8 pt; a label cut off at the
    // chart's left edge was a defect the print check found), the bars in the rest of 640 px
    // (the 180 mm body less the counts' room).
    let longest = t
        .rows
        .iter()
        .map(|r| label(r, sv).chars().count() as u64)
        .max()
        .unwrap_or(0);
    let label_w = (longest * 6 + 10).clamp(120, 340);
    let (bar_w, row_h) = (640 - 60 - label_w, 18u64);
    let height = row_h * t.rows.len() as u64 + 4;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        label_w + bar_w + 60,
        esc(if sv { &t.title_sv } else { &t.title_en })
    );
    for (i, (row, total)) in t.rows.iter().zip(&t.row_totals).enumerate() {
        let y = row_h * i as u64 + 2;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 6,
            y + 13,
            esc(&label(row, sv))
        );
        match total.count() {
            Some(n) => {
                let w = (bar_w * n).div_ceil(max).max(u64::from(n > 0));
                let _ = write!(
                    svg,
                    "<rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
                    y + 2,
                    row_h - 4,
                    label_w + w + 4,
                    y + 13,
                    count(n, sv)
                );
            }
            None => {
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\">..</text>",
                    label_w + 4,
                    y + 13
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A row as printed: its label, cells and total.
type Line<'a> = (&'a String, Vec<Cell>, Cell);

/// One of the report's tables with its chart, under a heading of `level` (`h2` in a
/// compilation, `h3` in a part of the report). A table with more than [`WIDE`] columns and
/// fewer rows than columns (the intake outcomes of a service with many areas: five outcomes)
/// is printed turned, its columns as rows, so that it fits the page's width whatever the
/// number of areas (issue 32 point 5). No table of the report has more than [`WIDE`] of both.
fn table_html(out: &mut String, t: &Table, sv: bool, level: &str) {
    let total = if sv { "Totalt" } else { "Total" };
    let turned = t.columns.len() > WIDE && t.columns.len() > t.rows.len();
    // The header's labels, then each body row's label, cells and total, then the totals.
    let (header, body, totals): (&[String], Vec<Line<'_>>, Vec<Cell>) = if turned {
        let body = t
            .columns
            .iter()
            .enumerate()
            .map(|(j, c)| {
                (
                    c,
                    t.cells.iter().map(|r| r[j]).collect(),
                    t.column_totals[j],
                )
            })
            .collect();
        (&t.rows, body, t.row_totals.clone())
    } else {
        let body = t
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r, t.cells[i].clone(), t.row_totals[i]))
            .collect();
        (&t.columns, body, t.column_totals.clone())
    };
    let _ = write!(
        out,
        "<section class=\"{}\"><{level}>{}</{level}><table><thead><tr><th></th>",
        if turned { "table turned" } else { "table" },
        esc(if sv { &t.title_sv } else { &t.title_en })
    );
    for c in header {
        let _ = write!(out, "<th>{}</th>", esc(&label(c, sv)));
    }
    let _ = write!(out, "<th>{total}</th></tr></thead><tbody>");
    for (name, cells, row_total) in body {
        let _ = write!(out, "<tr><th>{}</th>", esc(&label(name, sv)));
        for c in cells {
            let _ = write!(out, "<td>{}</td>", cell(c, sv));
        }
        let _ = write!(out, "<td>{}</td></tr>", cell(row_total, sv));
    }
    let _ = write!(out, "</tbody><tfoot><tr><th>{total}</th>");
    for c in totals {
        let _ = write!(out, "<td>{}</td>", cell(c, sv));
    }
    let _ = writeln!(
        out,
        "<td>{}</td></tr></tfoot></table>{}</section>",
        cell(t.total, sv),
        chart(t, sv)
    );
}

/// Issue 32 point 5: every table fits an A4 page's width — tables in 9 pt with narrow
/// padding, headers wrapping at their spaces, and a table of more than [`WIDE`] columns (and
/// fewer rows) turned ([`table_html`]).
const STYLE: &str = "@page{size:A4;margin:16mm 14mm}
body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;color:#111;max-width:180mm;margin:auto}
h1{font-size:16pt;margin:0 0 4mm}h2{font-size:12pt;margin:6mm 0 2mm}h3{font-size:10.5pt;margin:4mm 0 1.5mm}
td.text{text-align:left}
p.stamp{color:#444;font-size:8.5pt}
p.source{color:#444;font-size:8pt;margin:0 0 3mm}p.legend{font-size:8.5pt}
table{border-collapse:collapse;margin:1mm 0 2mm;font-size:9pt;max-width:100%}
th,td{border-bottom:1px solid #ccc;padding:1mm 1.8mm;text-align:right;font-variant-numeric:tabular-nums}
thead th{border-bottom:1.5px solid #333;vertical-align:bottom}tbody th,tfoot th{text-align:left;font-weight:normal}
tfoot td,tfoot th{font-weight:bold;border-top:1.5px solid #333}
section.table{break-inside:avoid;page-break-inside:avoid}
svg.chart{display:block;font-size:8pt}svg.chart rect{fill:#3a6ea5}
.banner{border:1px solid #b00;padding:2mm;color:#b00}";

/// A table of more columns than this is printed turned: more do not fit A4's width in 9 pt
/// when their headers are names (the intake outcomes' areas).
const WIDE: usize = 8;

/// A grid of a document under a heading of `level`: its title, header and rows (text columns
/// left, numbers right).
fn grid_html(out: &mut String, g: &Grid, sv: bool, level: &str) {
    let _ = write!(
        out,
        "<section class=\"table\"><{level}>{}</{level}><table><thead><tr>",
        esc(&g.title)
    );
    for h in &g.header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for (name, values) in &g.rows {
        let _ = write!(out, "<tr><th>{}</th>", esc(name));
        for v in values {
            let class = if matches!(v, Value::Text(_)) {
                " class=\"text\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(&v.text(sv)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>\n");
}

/// A document's start: its language, title and style (A4), and the title as its heading.
fn head(language: Language, title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        language.code(),
        esc(title),
        esc(title)
    )
}

/// The report as one self-contained HTML document in `language` (see the module's doc), with
/// the parts of the one document model (`io::write::document`) as every format has them, after a summary "in brief":
/// only an audited report ([`AnnualReport::publishable`]).
pub fn to_html(r: Publishable<'_, AnnualReport>, language: Language) -> String {
    let r = r.get();
    let sv = language == Language::Sv;
    let t = crate::io::text::words(sv);
    let d = of_report(r, sv);
    let mut out = head(language, &d.title);
    let _ = writeln!(
        out,
        "<p class=\"stamp\">{} · {}</p>",
        esc(&d.stamp),
        esc(&r.stamp.rules)
    );
    if let Some(banner) = d.banner {
        let _ = writeln!(out, "<p class=\"banner\">{}</p>", esc(banner));
    }
    if !r.input_problems.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"banner\">{} {}</p>",
            r.input_problems.len(),
            t(
                "problem i indata; raderna det gäller räknas inte (se «Rader som lämnats utanför»).",
                "problems in the input; the rows concerned are not counted (see “Rows left out”)."
            )
        );
    }
    let ratio = |v: Option<Decimal>| ratio_text(v, sv);
    let _ = writeln!(
        out,
        "<h2>{}</h2><table><tbody><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr></tbody></table>",
        t("I korthet", "In brief"),
        t("Ombud", "Ombud"),
        cell(r.staff.ombud, sv),
        t("Årsarbetskrafter", "Full-time equivalents"),
        decimal(r.staff.positions, sv),
        t("Uppdrag per klient", "Assignments per client"),
        ratio(r.assignments_per_client.value),
        t("Väntetid, median (dagar)", "Waiting time, median (days)"),
        r.waiting
            .median_days
            .map_or("..".to_owned(), |d| decimal(d.normalize(), sv)),
    );
    for part in &d.parts {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&part.heading));
        for block in &part.blocks {
            match block {
                Block::Text(text) => {
                    let _ = writeln!(out, "<p>{}</p>", esc(text));
                }
                Block::Items(items) => {
                    out.push_str("<ul>");
                    for item in items {
                        let _ = write!(out, "<li>{}</li>", esc(item));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(table) => table_html(&mut out, table, sv, "h3"),
                Block::Grid(g) => grid_html(&mut out, g, sv, "h3"),
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// A county's or the nation's compilation as one self-contained HTML document (A4, the same
/// style as the report), with what the Markdown shows: the legend, each table with its source
/// line; the findings apart ([`super::compilation_findings_markdown`]).
pub fn compilation_to_html(
    c: Publishable<'_, crate::chain::Compilation>,
    language: Language,
) -> String {
    let c = c.get();
    let sv = language == Language::Sv;
    let d = super::document(c, sv);
    let mut out = head(language, &d.title);
    out.push_str("<ul>");
    for (label, value) in &d.figures {
        let _ = write!(out, "<li>{}: {}</li>", esc(label), value.text(sv));
    }
    out.push_str("</ul>\n<ul>");
    for (service, municipalities) in &d.services {
        let _ = write!(out, "<li>{}: {}</li>", esc(service), esc(municipalities));
    }
    out.push_str("</ul>\n");
    let _ = writeln!(
        out,
        "<p class=\"legend\">{}<br>{}</p>",
        esc(&d.legend[0]),
        esc(&d.legend[1])
    );
    let source = format!("<p class=\"source\">{}</p>\n", esc(&d.source));
    grid_html(&mut out, &d.offering, sv, "h2");
    out.push_str(&source);
    // Seed 001's order: tables 1, 2, 3, 5.
    if let Some(grid) = &d.providers {
        grid_html(&mut out, grid, sv, "h2");
        out.push_str(&source);
    }
    for table in &d.tables {
        table_html(&mut out, table, sv, "h2");
        out.push_str(&source);
    }
    if let Some((grid, budget_source)) = &d.budget {
        grid_html(&mut out, grid, sv, "h2");
        let _ = writeln!(out, "<p class=\"source\">{}</p>", esc(budget_source));
    }
    for s in &d.sections {
        grid_html(&mut out, s, sv, "h2");
        out.push_str(&source);
    }
    out.push_str("</body></html>\n");
    out
}

/// The analyst's findings of a compilation as one self-contained HTML document in the same
/// style (A4): what [`super::compilation_findings_markdown`] holds, marked not for publication.
/// Not a publication (the findings may quote a service's exact counts): nothing here goes
/// through the disclosure control, and nothing here is written into the compilation's own
/// documents.
pub fn compilation_findings_html(c: &crate::chain::Compilation, language: Language) -> String {
    let f = super::compilation::findings(c, language == Language::Sv);
    let mut out = head(language, &f.title);
    let _ = writeln!(out, "<p class=\"banner\">{}</p>", esc(f.note));
    if let Some(none) = f.none {
        let _ = writeln!(out, "<p>{}</p>", esc(none));
    }
    for (heading, items) in f.lists {
        let _ = write!(out, "<h2>{}</h2>\n<ul>", esc(heading));
        for item in items {
            let _ = write!(out, "<li>{}</li>", esc(&item));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 32 point 5: a table of many columns (the intake outcomes of 12 areas) is printed
    /// turned, each area a row; a narrow one as it is.
    #[test]
    fn wide_tables_are_turned() {
        let areas: Vec<String> = (1..=12).map(|i| format!("Område {i}")).collect();
        let counts = vec![(1..=12).collect::<Vec<u64>>(), vec![0; 12]];
        let t = Table::from_counts(
            "t",
            "T",
            "T",
            vec!["Ja".into(), "Nej".into()],
            areas,
            counts,
        );
        let mut out = String::new();
        table_html(&mut out, &t, true, "h3");
        assert!(out.starts_with("<section class=\"table turned\">"), "{out}");
        assert!(out.contains("<thead><tr><th></th><th>Ja</th><th>Nej</th><th>Totalt</th></tr>"));
        assert!(out.contains("<tr><th>Område 12</th><td>12</td><td>0</td><td>12</td></tr>"));
        assert!(out.contains("<tfoot><tr><th>Totalt</th><td>78</td><td>0</td><td>78</td>"));
        let narrow = Table::from_counts(
            "t",
            "T",
            "T",
            vec!["Ja".into()],
            vec!["A".into()],
            vec![vec![1]],
        );
        let mut out = String::new();
        table_html(&mut out, &narrow, true, "h3");
        assert!(out.starts_with("<section class=\"table\">"), "{out}");
    }

    #[test]
    fn numbers_as_swedes_and_english_readers_write_them() {
        assert_eq!(count(1234567, true), "1\u{a0}234\u{a0}567");
        assert_eq!(count(1234567, false), "1,234,567");
        assert_eq!(count(999, true), "999");
        assert_eq!(decimal(Decimal::new(275, 2), true), "2,75");
        assert_eq!(decimal(Decimal::new(568, 2), false), "5.68");
        assert_eq!(decimal(Decimal::new(-12345, 1), true), "-1\u{a0}234,5");
        assert_eq!(label("Kvinna", false), "Woman");
        assert_eq!(label("Kvinna", true), "Kvinna");
        assert_eq!(label("Totalt", false), "Total");
        assert_eq!(label("Centrala", false), "Centrala");
    }
}
