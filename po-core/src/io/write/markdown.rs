//! Readable renderings of the annual report: Markdown in Swedish (the language it is submitted
//! in) or English.

use std::fmt::Write;

use super::compilation::{document, Section};
use crate::chain::Compilation;
use crate::disclosure::{Protection, Publishable};
use crate::io::text::{cell, decimal, label, municipality_name, ratio_text};
use crate::report::{AnnualReport, Cell, Ratio, ReportTable, Table};
use crate::rules::Status;
use crate::Language;

fn dec(d: Option<rust_decimal::Decimal>, sv: bool) -> String {
    d.map_or("..".to_owned(), |d| decimal(d, sv))
}

pub(crate) fn table_md(out: &mut String, t: &Table, lang: Language) {
    let sv = lang == Language::Sv;
    let (title, total) = match lang {
        Language::Sv => (&t.title_sv, "Totalt"),
        Language::En => (&t.title_en, "Total"),
    };
    let _ = writeln!(out, "\n**{title}**\n");
    let columns: Vec<String> = t.columns.iter().map(|c| label(c, sv)).collect();
    let _ = writeln!(out, "| | {} | {total} |", columns.join(" | "));
    let _ = writeln!(out, "|---|{}---:|", "---:|".repeat(t.columns.len()));
    for (i, row) in t.rows.iter().enumerate() {
        let cells: Vec<String> = t.cells[i].iter().map(|c| cell(*c, sv)).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            label(row, sv),
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

fn ratio(r: &Ratio, sv: bool) -> String {
    format!(
        "{} / {} = {}",
        cell(r.count, sv),
        cell(r.of, sv),
        ratio_text(r.value, sv)
    )
}

/// The protection in plain words: the rule, the method, how many numbers each table hides;
/// never which cells were small.
/// The report's title: the ordinance, the year and the service (without a service name the
/// title ends at the year — issue 18: never in "– ").
pub(crate) fn title(r: &AnnualReport, sv: bool) -> String {
    let t = crate::io::text::words(sv);
    let head = format!(
        "{} {}",
        t(
            "Redovisning enligt 10 § förordning (2013:522)",
            "Report under section 10 of ordinance 2013:522"
        ),
        r.year
    );
    match r.service_name.trim() {
        "" => head,
        name => format!("{head} – {name}"),
    }
}

pub(crate) fn protection_md(out: &mut String, r: &AnnualReport, sv: bool) {
    let t = crate::io::text::words(sv);
    let _ = writeln!(
        out,
        "\n## {}",
        t("Skydd mot röjande", "Protection against disclosure")
    );
    match r.protection {
        Protection::Unprotected => {
            let _ = writeln!(out, "\n{}", t(
                "Inget skydd: alla tal visas som de är, även små tal som kan peka ut personer. Rapporten får inte publiceras.",
                "No protection: every count is shown as it is, small counts that can identify people included. This report must not be published."));
        }
        Protection::Threshold { k } => {
            let _ = if sv {
                writeln!(out, "\nAntal från 1 till {} visas inte (gräns k = {k}); noll visas. Fler tal, även summor, är dolda så att inget dolt tal kan räknas ut ur det som publiceras, inte heller med kunskap om sambanden mellan tabellerna, och så att inget dolt tal kan visas vara mindre än {k}. Rapporten har granskats med linjärprogrammering innan den skrevs ut. Dolda tal visas som ..; det anges inte varför ett visst tal är dolt.", k - 1)
            } else {
                writeln!(out, "\nCounts from 1 to {} are not shown (threshold k = {k}); zero is shown. Further numbers, totals included, are hidden so that no hidden number can be computed from what is published, not even from the relations between the tables, and no hidden number can be shown to be below {k}. The report was audited by linear programming before it was written. Hidden numbers are shown as ..; why a given number is hidden is not said.", k - 1)
            };
            // In report order: the tables, then the other parts.
            let mut parts: Vec<(&String, &u64)> = r.hidden_cells.iter().collect();
            parts.sort_by_key(|(name, _)| {
                ReportTable::named(name).map_or(ReportTable::ALL.len(), |t| t as usize)
            });
            let hidden: Vec<String> = parts
                .into_iter()
                .filter(|(_, n)| **n > 0)
                .map(|(table, n)| format!("{} {n}", ReportTable::part_name(table, sv)))
                .collect();
            if !hidden.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{}: {}.",
                    t("Dolda tal per tabell", "Hidden numbers per table"),
                    hidden.join(", ")
                );
            }
        }
    }
}

/// The report as Markdown, organised by the five points of SFS 2013:522 10 §: only an audited
/// report ([`AnnualReport::publishable`]).
pub fn to_markdown(r: Publishable<'_, AnnualReport>, lang: Language) -> String {
    let r = r.get();
    let sv = lang == Language::Sv;
    let t = crate::io::text::words(sv);
    let mut out = String::new();
    let _ = writeln!(out, "# {}", title(r, sv));
    if let Some(banner) = r.protection.banner(sv) {
        let _ = writeln!(out, "\n{banner}");
    }
    let _ = writeln!(
        out,
        "\n{} po {}.",
        t(
            "Beräknad ur ärenderegistret av",
            "Computed from the case register by"
        ),
        r.stamp.library_version
    );

    let _ = writeln!(
        out,
        "\n## 1. {}",
        t(
            "Tjänster, utbildning och handledning",
            "Positions, training and supervision"
        )
    );
    let _ = writeln!(
        out,
        "\n- {}: {}",
        t("Årsarbetare (heltid)", "Full-time positions"),
        r.staff.positions
    );
    let _ = writeln!(out, "- {}: {}", t("Ombud", "Ombud"), r.staff.ombud);
    let _ = writeln!(
        out,
        "- {}: {}",
        t("Ombud med handledning", "Ombud with supervision"),
        r.staff.with_supervision
    );
    for (training, n) in &r.staff.training {
        let _ = writeln!(out, "- {}: {training} ({n})", t("Utbildning", "Training"));
    }

    let _ = writeln!(
        out,
        "\n## 2. {}",
        t(
            "Vilka och hur många som fått stöd, vanligaste kontaktorsaker",
            "Who and how many got support, the most common contact reasons"
        )
    );
    let _ = writeln!(
        out,
        "\n{}",
        t(
            "Ålder räknas den 31 december.",
            "Age is taken on 31 December."
        )
    );
    for &table in ReportTable::ALL.iter().filter(|t| !t.about_deviations()) {
        table_md(&mut out, r.table_of(table), lang);
    }
    let _ = writeln!(
        out,
        "\n{}: {}",
        t(
            "Uppdrag per aktuell klient",
            "Assignments per active client"
        ),
        ratio(&r.assignments_per_client, sv)
    );
    if r.waiting.clients != Cell::Count(0) {
        let _ = writeln!(
            out,
            "\n{}: {} {}, median {} {}, max {} {}",
            t(
                "Väntetid från ansökan till start",
                "Waiting from application to start"
            ),
            r.waiting.clients,
            t("klienter", "clients"),
            dec(r.waiting.median_days, sv),
            t("dagar", "days"),
            r.waiting
                .max_days
                .map_or("..".to_owned(), |d| d.to_string()),
            t("dagar", "days")
        );
    }
    if !r.clients_per_municipality.is_empty() {
        // The population key's column only when a key was given (not "–" on every row).
        let keyed = r
            .clients_per_municipality
            .iter()
            .any(|m| m.key_share.is_some());
        let _ = if keyed {
            writeln!(
                out,
                "\n| {} | {} | % | {} |\n|---|---:|---:|---:|",
                t("Kommun", "Municipality"),
                t("Klienter", "Clients"),
                t("Andel av nyckeln %", "Share of key %")
            )
        } else {
            writeln!(
                out,
                "\n{}\n\n| {} | {} | % |\n|---|---:|---:|",
                t(
                    "Ingen befolkningsnyckel angiven: andelarna nedan är av klienterna.",
                    "No population key given: the shares below are of the clients."
                ),
                t("Kommun", "Municipality"),
                t("Klienter", "Clients")
            )
        };
        for m in &r.clients_per_municipality {
            let name = municipality_name(m);
            let key = match &m.key_share {
                Some(k) => format!(" {} |", ratio_text(k.value, sv)),
                None if keyed => " – |".to_owned(),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "| {name} ({}) | {} | {} |{key}",
                m.code,
                cell(m.clients, sv),
                ratio_text(m.client_share.value, sv)
            );
        }
    }

    let _ = writeln!(
        out,
        "\n## 3. {}",
        t(
            "Bedömningsriktlinjer och prioriteringsordning",
            "Assessment guidelines and priority order"
        )
    );
    let _ = writeln!(
        out,
        "\n{}",
        r.priority_policy.as_deref().unwrap_or(t(
            "Ingen prioriteringsordning angiven.",
            "No priority order given."
        ))
    );

    let _ = writeln!(
        out,
        "\n## 4. {}",
        t(
            "Organisation, ledning och samverkan",
            "Organisation, management and cooperation"
        )
    );
    match &r.leadership {
        Some(check) => {
            let verdict = match check.compliant {
                Status::Met => t("uppfyller 5 §", "meets 5 §"),
                Status::NotMet => t("uppfyller inte 5 §", "does not meet 5 §"),
                Status::Unknown => t("kan inte bedömas fullt ut", "cannot be fully assessed"),
            };
            let _ = writeln!(
                out,
                "\n{} {verdict} ({}).",
                t("Ledningsgruppen", "The leadership group"),
                check.rule_set.citation()
            );
            for f in &check.findings {
                let _ = writeln!(out, "- {}", if sv { &f.reason_sv } else { &f.reason_en });
            }
        }
        None => {
            let _ = writeln!(
                out,
                "\n{}",
                t(
                    "Ledningsgruppen har inte kontrollerats.",
                    "The leadership group was not checked."
                )
            );
        }
    }

    let _ = writeln!(
        out,
        "\n## 5. {}",
        t("Uppmärksammade brister", "Shortcomings noticed")
    );
    for &table in ReportTable::ALL.iter().filter(|t| t.about_deviations()) {
        table_md(&mut out, r.table_of(table), lang);
    }
    let fb = &r.deviations_with_feedback;
    let _ = writeln!(
        out,
        "\n{}: {} %",
        t("Brister med återkoppling", "Shortcomings with feedback"),
        ratio(fb, sv)
    );

    if let Some(rate) = &r.survey_response_rate {
        let _ = writeln!(out, "\n## {}", t("Avslutningsenkät", "Exit survey"));
        let _ = writeln!(
            out,
            "\n{}: {} %",
            t("Svarsfrekvens", "Response rate"),
            ratio(rate, sv)
        );
        for q in &r.survey {
            let _ = writeln!(
                out,
                "\n*{}* ({} {})",
                q.question,
                q.respondents,
                t("svar", "answers")
            );
            for (a, ratio) in &q.answers {
                let _ = writeln!(
                    out,
                    "- {a}: {} ({} %)",
                    ratio.count,
                    ratio_text(ratio.value, sv)
                );
            }
        }
    }
    if !r.input_problems.is_empty() {
        let _ = writeln!(
            out,
            "\n## {}",
            t("Rader som lämnats utanför", "Rows left out")
        );
        let _ = writeln!(
            out,
            "\n{} {}",
            r.input_problems.len(),
            t(
                "rader i indata hade fel och räknas inte:",
                "input rows had problems and are not counted:"
            )
        );
        for p in crate::io::text::problem_lines(&r.input_problems, sv) {
            let _ = writeln!(out, "- {p}");
        }
    }
    protection_md(&mut out, r, sv);
    out
}

/// The compilation as Markdown in `language`, laid out as the national report's tables.
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
    let section = |out: &mut String, s: &Section| {
        let _ = writeln!(
            out,
            "\n**{}**\n\n| {} |\n|---|{}",
            s.heading,
            s.columns.join(" | "),
            "---:|".repeat(s.columns.len() - 1)
        );
        for (name, values) in &s.rows {
            let cells: Vec<String> = values.iter().map(|v| v.text(sv)).collect();
            let _ = writeln!(out, "| {name} | {} |", cells.join(" | "));
        }
    };
    section(&mut out, &d.offering);
    for table in &c.tables {
        table_md(&mut out, table, language);
    }
    for s in &d.sections {
        section(&mut out, s);
    }
    for (heading, items) in &d.notes {
        let _ = writeln!(out, "\n## {heading}\n");
        for f in items {
            let _ = writeln!(out, "- {f}");
        }
    }
    out
}
