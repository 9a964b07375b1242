//! Readable renderings of the annual report: Markdown in Swedish (the language it is submitted
//! in) or English.

use std::fmt::Write;

use super::compilation::document;
use super::document::{of_report, Block, Grid};
use crate::chain::Compilation;
use crate::disclosure::Publishable;
use crate::io::text::{cell, label};
use crate::report::{AnnualReport, Table};
use crate::Language;

pub(crate) fn table_md(out: &mut String, t: &Table, lang: Language) {
    let sv = lang == Language::Sv;
    let (title, total) = match lang {
        Language::Sv => (&t.title_sv, "Totalt"),
        Language::En => (&t.title_en, "Total"),
    };
    let _ = writeln!(out, "\n**{title}**\n");
    let columns: Vec<String> = t.columns.iter().map(|c| md_cell(&label(c, sv))).collect();
    let _ = writeln!(out, "| | {} | {total} |", columns.join(" | "));
    let _ = writeln!(out, "|---|{}---:|", "---:|".repeat(t.columns.len()));
    for (i, row) in t.rows.iter().enumerate() {
        let cells: Vec<String> = t.cells[i].iter().map(|c| cell(*c, sv)).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md_cell(&label(row, sv)),
            cells.join(" | "),
            cell(t.row_totals[i], sv)
        );
    }
    let totals: Vec<String> = t.column_totals.iter().map(|c| cell(*c, sv)).collect();
    let _ = writeln!(
        out,
        "| **{total}** | {} | **{}** |",
        totals.join(" | "),
        cell(t.total, sv)
    );
}

/// A table cell's text as Markdown holds it: a `|` typed into an area's name would end the
/// cell.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn grid_md(out: &mut String, g: &Grid, sv: bool) {
    let header: Vec<String> = g.header.iter().map(|h| md_cell(h)).collect();
    // Text columns (the survey's answers) to the left, numbers to the right.
    let align: String = (1..g.header.len())
        .map(|j| {
            let text = g.rows.first().and_then(|(_, v)| v.get(j - 1));
            if matches!(text, Some(super::Value::Text(_))) {
                "---|"
            } else {
                "---:|"
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "\n**{}**\n\n| {} |\n|---|{align}",
        md_cell(&g.title),
        header.join(" | "),
    );
    for (name, values) in &g.rows {
        let cells: Vec<String> = values.iter().map(|v| md_cell(&v.text(sv))).collect();
        let _ = writeln!(out, "| {} | {} |", md_cell(name), cells.join(" | "));
    }
}

/// The report as Markdown, organised by the five points of SFS 2013:522 10 § (the parts of
/// the one document model, `io::write::document`, as every format): only an audited report
/// ([`AnnualReport::publishable`]).
pub fn to_markdown(r: Publishable<'_, AnnualReport>, lang: Language) -> String {
    let d = of_report(r.get(), lang == Language::Sv);
    let mut out = format!("# {}\n", d.title);
    if let Some(banner) = d.banner {
        let _ = writeln!(out, "\n{banner}");
    }
    let _ = writeln!(out, "\n{}", d.stamp);
    for part in &d.parts {
        let _ = writeln!(out, "\n## {}", part.heading);
        for block in &part.blocks {
            match block {
                Block::Text(text) => {
                    let _ = writeln!(out, "\n{text}");
                }
                Block::Items(items) => {
                    out.push('\n');
                    for item in items {
                        let _ = writeln!(out, "- {item}");
                    }
                }
                Block::Table(t) => table_md(&mut out, t, lang),
                Block::Grid(g) => grid_md(&mut out, g, lang == Language::Sv),
            }
        }
    }
    out
}

/// The compilation as Markdown in `language`, laid out as the national report's tables (seed
/// 001): the legend of `..` and `–`, each table with its source line. The findings are not
/// here: see [`compilation_findings_markdown`].
pub fn compilation_markdown(c: Publishable<'_, Compilation>, language: Language) -> String {
    let c = c.get();
    let sv = language == Language::Sv;
    let d = document(c, sv);
    let mut out = format!("# {}\n\n", d.title);
    for (label, value) in &d.figures {
        let _ = writeln!(out, "- {label}: {}", value.text(sv));
    }
    out.push('\n');
    for (service, municipalities) in &d.services {
        let _ = writeln!(out, "- {service}: {municipalities}");
    }
    let _ = writeln!(out, "\n{}  \n{}", d.legend[0], d.legend[1]);
    let source = |out: &mut String| {
        let _ = writeln!(out, "\n{}", d.source);
    };
    grid_md(&mut out, &d.offering, sv);
    source(&mut out);
    // Seed 001's order: tables 1, 2, 3, 5.
    if let Some(grid) = &d.providers {
        grid_md(&mut out, grid, sv);
        source(&mut out);
    }
    for table in &d.tables {
        table_md(&mut out, table, language);
        source(&mut out);
    }
    if let Some((grid, source)) = &d.budget {
        grid_md(&mut out, grid, sv);
        let _ = writeln!(out, "\n{source}");
    }
    for s in &d.sections {
        grid_md(&mut out, s, sv);
        source(&mut out);
    }
    out
}

/// What the analyst compiling asks the services about, apart from the publication (issue 34
/// point 3): the submissions left out of the sums and the findings, each naming its service
/// and file, in `language`; empty lists are left out, and a compilation with neither says so.
/// The same in HTML and Excel: [`super::compilation_findings_html`] and
/// `compilation_findings_to_xlsx` (the `excel` feature).
pub fn compilation_findings_markdown(c: &Compilation, language: Language) -> String {
    let f = super::compilation::findings(c, language == Language::Sv);
    let mut out = format!("# {}\n\n{}\n", f.title, f.note);
    if let Some(none) = f.none {
        let _ = writeln!(out, "\n{none}");
    }
    for (heading, items) in f.lists {
        let _ = writeln!(out, "\n## {heading}\n");
        for item in items {
            let _ = writeln!(out, "- {item}");
        }
    }
    out
}
