//! The leadership group's meeting document (Värmland raises its deviations four times a year,
//! seed 003; Stockholm twice, seed 002): what is new since the previous meeting, what awaits a
//! reply and what is overdue, by counterpart; consequences for individuals; positive events;
//! what was remedied. Every count goes through the disclosure control.

use std::fmt::Write;

use time::Date;

use crate::codes::{CodeList, Counterpart};
use crate::deviation::{Closing, Deviation, Event};
use crate::disclosure::{protect, CellId, DisclosureError, Protection, Publication};
use crate::Language;

/// The columns of the document, per counterpart.
struct Column {
    sv: &'static str,
    en: &'static str,
    counts: Vec<u64>,
}

/// The meeting document for the meeting on `meeting`, covering what happened after
/// `previous_meeting` up to and including `meeting`, in Markdown.
///
/// # Errors
/// [`DisclosureError`] if protection fails or (never expected) the audit finds a cell at risk.
pub fn meeting_document(
    deviations: &[Deviation],
    previous_meeting: Date,
    meeting: Date,
    protection: Protection,
    lang: Language,
) -> Result<String, DisclosureError> {
    let sv = lang == Language::Sv;
    let t = crate::io::text::words(sv);
    let since = |d: Date| previous_meeting < d && d <= meeting;
    let n = Counterpart::ALL.len();
    let mut columns = [
        Column {
            sv: "Nya brister",
            en: "New shortcomings",
            counts: vec![0; n],
        },
        Column {
            sv: "Inväntar svar",
            en: "Awaiting a reply",
            counts: vec![0; n],
        },
        Column {
            sv: "Varav försenade",
            en: "Of which overdue",
            counts: vec![0; n],
        },
        Column {
            sv: "Åtgärdade",
            en: "Remedied",
            counts: vec![0; n],
        },
    ];
    let mut positive = 0u64;
    let mut consequences: Vec<Vec<&str>> = vec![Vec::new(); n];
    for d in deviations.iter().filter(|d| d.has_history) {
        let i = Counterpart::ALL
            .iter()
            .position(|c| *c == d.counterpart)
            .unwrap_or(0);
        let new = d.documented_on().is_some_and(since);
        if !d.event_type.is_shortcoming() {
            positive += u64::from(new);
            continue;
        }
        if new {
            columns[0].counts[i] += 1;
            if !d.consequence.is_empty() && !consequences[i].contains(&d.consequence.as_str()) {
                consequences[i].push(&d.consequence);
            }
        }
        let sent = d
            .events
            .iter()
            .any(|e| matches!(e, Event::Sent { on, .. } if *on <= meeting));
        let answered = d
            .events
            .iter()
            .any(|e| matches!(e, Event::Feedback { on, .. } if *on <= meeting));
        if sent && !answered && d.closed_by(meeting).is_none() {
            columns[1].counts[i] += 1;
            columns[2].counts[i] += u64::from(d.overdue_on(meeting));
        }
        if matches!(d.closed_by(meeting), Some((Closing::Remedied, on)) if since(on)) {
            columns[3].counts[i] += 1;
        }
    }

    let counts: Vec<&[u64]> = columns.iter().map(|c| c.counts.as_slice()).collect();
    let names: Vec<&str> = columns.iter().map(|c| c.en).collect();
    // Overdue ≤ awaiting, row by row and in total.
    let shown = ProtectedColumns::new(&names, &counts, &[(2, 1)], Some(positive), protection)?;
    let show = |column: usize, row: Option<usize>| shown.show(column, row);
    let positive_shown = shown.extra();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {meeting}",
        t(
            "Avvikelser till ledningsgruppens möte",
            "Deviations for the leadership group's meeting of"
        )
    );
    if let Some(banner) = protection.banner(sv) {
        let _ = writeln!(out, "\n{banner}");
    }
    let _ = writeln!(
        out,
        "\n{} {previous_meeting} {} {meeting} (SFS 2013:522 3 §, 10 § 5).",
        t("Sedan föregående möte", "Since the previous meeting on"),
        t("till och med", "up to and including")
    );
    let header: Vec<&str> = columns
        .iter()
        .map(|c| if sv { c.sv } else { c.en })
        .collect();
    let _ = writeln!(
        out,
        "\n| {} | {} |\n|---|{}",
        t("Motpart", "Counterpart"),
        header.join(" | "),
        "---:|".repeat(columns.len())
    );
    for (i, c) in Counterpart::ALL.iter().enumerate() {
        let cells: Vec<String> = (0..columns.len()).map(|j| show(j, Some(i))).collect();
        let label = if sv { c.label_sv() } else { c.label_en() };
        let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
    }
    let totals: Vec<String> = (0..columns.len()).map(|j| show(j, None)).collect();
    let _ = writeln!(
        out,
        "| **{}** | {} |",
        t("Totalt", "Total"),
        totals.join(" | ")
    );
    let _ = writeln!(
        out,
        "\n{}: {}",
        t(
            "Positiva händelser sedan föregående möte",
            "Positive events since the previous meeting"
        ),
        positive_shown
    );
    let _ = writeln!(
        out,
        "\n## {}",
        t(
            "Konsekvenser för den enskilde",
            "Consequences for the individual"
        )
    );
    let mut any = false;
    for (i, c) in Counterpart::ALL.iter().enumerate() {
        // Listed only under a published count: a consequence under a hidden one would say it
        // is not zero.
        if shown.is_hidden(0, Some(i)) || consequences[i].is_empty() {
            continue;
        }
        any = true;
        let label = if sv { c.label_sv() } else { c.label_en() };
        let _ = writeln!(out, "\n- {label}: {}", consequences[i].join("; "));
    }
    if !any {
        let _ = writeln!(
            out,
            "\n{}",
            t(
                "Inga att redovisa (eller dolda av skyddet mot röjande).",
                "None to report (or hidden by the disclosure control)."
            )
        );
    }
    protection_note(&mut out, protection, sv);
    Ok(out)
}

/// The year's shortcomings by level for länsstyrelsen, as seed 002 publishes them
/// ("Uppmärksammade brister": handläggarnivå, lokal nivå, central nivå): a protected table of
/// shortcomings documented, sent, answered and remedied in the year per level, then each level's
/// shortcomings described (distinct descriptions, only under a published count). Positive
/// events are not shortcomings and are left out.
///
/// # Errors
/// As [`meeting_document`].
pub fn annual_summary_by_level(
    deviations: &[Deviation],
    year: i32,
    protection: Protection,
    lang: Language,
) -> Result<String, DisclosureError> {
    use crate::codes::DeviationLevel;
    let sv = lang == Language::Sv;
    let t = crate::io::text::words(sv);
    let in_year = |d: Date| d.year() == year;
    let n = DeviationLevel::ALL.len();
    let mut counts = vec![vec![0u64; n]; 4];
    let mut descriptions: Vec<Vec<&str>> = vec![Vec::new(); n];
    for d in deviations.iter().filter(|d| d.event_type.is_shortcoming()) {
        let i = DeviationLevel::ALL
            .iter()
            .position(|l| *l == d.level)
            .unwrap_or(0);
        if d.documented_on().is_some_and(in_year) {
            counts[0][i] += 1;
            let text = if d.description.is_empty() {
                &d.consequence
            } else {
                &d.description
            };
            if !text.is_empty() && !descriptions[i].contains(&text.as_str()) {
                descriptions[i].push(text);
            }
        }
        if !d.has_history {
            continue;
        }
        let step = |f: &dyn Fn(&Event) -> bool| d.events.iter().any(|e| f(e) && in_year(e.on()));
        counts[1][i] += u64::from(step(&|e| matches!(e, Event::Sent { .. })));
        counts[2][i] += u64::from(step(&|e| matches!(e, Event::Feedback { .. })));
        counts[3][i] += u64::from(step(&|e| {
            matches!(
                e,
                Event::Closed {
                    closing: Closing::Remedied,
                    ..
                }
            )
        }));
    }
    let names = ["Documented", "Sent", "Answered", "Remedied"];
    let labels = if sv {
        ["Dokumenterade", "Skickade", "Besvarade", "Åtgärdade"]
    } else {
        names
    };
    let slices: Vec<&[u64]> = counts.iter().map(Vec::as_slice).collect();
    let shown = ProtectedColumns::new(&names, &slices, &[], None, protection)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {year}",
        t("Uppmärksammade brister", "Shortcomings noticed")
    );
    if let Some(banner) = protection.banner(sv) {
        let _ = writeln!(out, "\n{banner}");
    }
    let _ = writeln!(
        out,
        "\n{}",
        t(
            "Bristerna redovisas i tre kategorier: på handläggarnivå (till exempel bemötande), på lokal nivå (organisatoriska brister) och på central nivå (lagstiftning, regelverk och resurser) (SFS 2013:522 10 § 5; som i seed 002).",
            "Shortcomings are reported in three categories: at caseworker level (e.g. how clients are met), at local level (organisational shortcomings) and at central level (legislation, regulations and resources) (SFS 2013:522 10 § 5; as in seed 002)."
        )
    );
    let _ = writeln!(
        out,
        "\n| {} | {} |\n|---|{}",
        t("Nivå", "Level"),
        labels.join(" | "),
        "---:|".repeat(labels.len())
    );
    for (i, level) in DeviationLevel::ALL.iter().enumerate() {
        let cells: Vec<String> = (0..labels.len()).map(|j| shown.show(j, Some(i))).collect();
        let label = if sv {
            level.label_sv()
        } else {
            level.label_en()
        };
        let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
    }
    let totals: Vec<String> = (0..labels.len()).map(|j| shown.show(j, None)).collect();
    let _ = writeln!(
        out,
        "| **{}** | {} |",
        t("Totalt", "Total"),
        totals.join(" | ")
    );
    for (i, level) in DeviationLevel::ALL.iter().enumerate() {
        if shown.is_hidden(0, Some(i)) || descriptions[i].is_empty() {
            continue;
        }
        let label = if sv {
            level.label_sv()
        } else {
            level.label_en()
        };
        let _ = writeln!(
            out,
            "\n{} {}:\n",
            t("Brister på", "Shortcomings at"),
            label.to_lowercase()
        );
        for text in &descriptions[i] {
            let _ = writeln!(out, "- {text}");
        }
    }
    protection_note(&mut out, protection, sv);
    Ok(out)
}

fn protection_note(out: &mut String, protection: Protection, sv: bool) {
    let t = crate::io::text::words(sv);
    if let Protection::Threshold { k } = protection {
        let _ = writeln!(
            out,
            "\n{} {} {}. {}",
            t("Antal från 1 till", "Counts from 1 to"),
            k.saturating_sub(1),
            t(
                "visas inte, och fler tal är dolda så att inget dolt tal kan räknas ut",
                "are not shown, and further numbers are hidden so that no hidden number can be computed"
            ),
            t(
                "Dolda tal visas som ..; det anges inte varför ett visst tal är dolt.",
                "Hidden numbers are shown as ..; why a given number is hidden is not said."
            )
        );
    }
}

/// Counts by row (a code list's values) in named columns, each column a one-column table with
/// its total, protected together (with `at_most` relations between columns, row by row and in
/// total, and an optional extra count on its own) and audited.
struct ProtectedColumns {
    tables: Vec<crate::disclosure::TableCells>,
    extra: Option<CellId>,
    values: Vec<u64>,
    hidden: Vec<bool>,
}

impl ProtectedColumns {
    fn new(
        names: &[&str],
        counts: &[&[u64]],
        at_most: &[(usize, usize)],
        extra: Option<u64>,
        protection: Protection,
    ) -> Result<Self, DisclosureError> {
        let n = counts.first().map_or(0, |c| c.len());
        let rows: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        let mut p = Publication::new();
        let tables: Vec<_> = names
            .iter()
            .map(|name| p.add_table(name, &rows, &[(*name).to_owned()]))
            .collect();
        for &(small, large) in at_most {
            for i in 0..n {
                p.add_at_most(&[tables[small].inner[i][0]], &[tables[large].inner[i][0]]);
            }
            p.add_at_most(&[tables[small].total], &[tables[large].total]);
        }
        let extra_cell = extra.map(|_| {
            p.add_cell(
                crate::disclosure::CellLabel {
                    table: "extra".into(),
                    row: None,
                    column: None,
                },
                false,
            )
        });
        let mut values = vec![0u64; p.len()];
        for (column, table) in counts.iter().zip(&tables) {
            for i in 0..n {
                values[table.inner[i][0].0] = column[i];
            }
            values[table.total.0] = column.iter().sum();
        }
        if let (Some(cell), Some(v)) = (extra_cell, extra) {
            values[cell.0] = v;
        }
        let hidden = match protection {
            // `protect` ends only with an audit that finds nothing.
            Protection::Threshold { k } => protect(&p, &values, k)?,
            Protection::Unprotected => vec![false; p.len()],
        };
        Ok(ProtectedColumns {
            tables,
            extra: extra_cell,
            values,
            hidden,
        })
    }

    fn cell(&self, column: usize, row: Option<usize>) -> CellId {
        let t = &self.tables[column];
        row.map_or(t.total, |i| t.inner[i][0])
    }

    fn is_hidden(&self, column: usize, row: Option<usize>) -> bool {
        self.hidden[self.cell(column, row).0]
    }

    fn shown(&self, cell: CellId) -> String {
        if self.hidden[cell.0] {
            "..".to_owned()
        } else {
            self.values[cell.0].to_string()
        }
    }

    /// A cell as shown: its count, or `..` when hidden.
    fn show(&self, column: usize, row: Option<usize>) -> String {
        self.shown(self.cell(column, row))
    }

    /// The extra count as shown.
    fn extra(&self) -> String {
        self.extra.map_or_else(String::new, |c| self.shown(c))
    }
}
