//! The leadership group's meeting document (Värmland raises its deviations four times a year,
//! seed 003; Stockholm twice, seed 002): what is new since the previous meeting, what awaits a
//! reply and what is overdue, by counterpart; consequences for individuals; positive events;
//! what was remedied. Every count goes through the disclosure control.

use std::fmt::Write;

use time::Date;

use super::{Closing, Deviation, Event};
use crate::codes::{CodeList, Counterpart};
use crate::disclosure::{
    audit_risks, ensure_safe, protect, CellId, DisclosureError, Protection, Publication,
};
use crate::report::Language;

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
    let t = |s: &'static str, e: &'static str| if sv { s } else { e };
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

    // Every shown count a cell: each column a one-column table with its total, overdue ≤
    // awaiting row by row, and the positive events on their own.
    let rows: Vec<String> = Counterpart::ALL
        .iter()
        .map(|c| c.label_sv().to_owned())
        .collect();
    let mut p = Publication::new();
    let tables: Vec<_> = columns
        .iter()
        .map(|c| p.add_table(c.en, &rows, &[c.en.to_owned()]))
        .collect();
    for i in 0..n {
        p.add_at_most(&[tables[2].inner[i][0]], &[tables[1].inner[i][0]]);
    }
    p.add_at_most(&[tables[2].total], &[tables[1].total]);
    let positive_cell = p.add_cell(
        crate::disclosure::CellLabel {
            table: "positive events".into(),
            row: None,
            column: None,
        },
        false,
    );
    let mut values = vec![0u64; p.len()];
    for (c, table) in columns.iter().zip(&tables) {
        for i in 0..n {
            values[table.inner[i][0].0] = c.counts[i];
        }
        values[table.total.0] = c.counts.iter().sum();
    }
    values[positive_cell.0] = positive;
    let hidden = match protection {
        Protection::Threshold { k } => {
            let hidden = protect(&p, &values, k)?;
            let shown: Vec<Option<u64>> = values
                .iter()
                .zip(&hidden)
                .map(|(&v, &h)| (!h).then_some(v))
                .collect();
            ensure_safe(&audit_risks(&p, &shown, k)?)?;
            hidden
        }
        Protection::Unprotected => vec![false; p.len()],
    };
    let show = |cell: CellId| {
        if hidden[cell.0] {
            "..".to_owned()
        } else {
            values[cell.0].to_string()
        }
    };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {meeting}",
        t(
            "Avvikelser till ledningsgruppens möte",
            "Deviations for the leadership group's meeting of"
        )
    );
    if protection == Protection::Unprotected {
        let _ = writeln!(
            out,
            "\n**{}**",
            t(
                "OSKYDDAD – FÅR INTE PUBLICERAS.",
                "UNPROTECTED – NOT FOR PUBLICATION."
            )
        );
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
        let cells: Vec<String> = tables.iter().map(|t| show(t.inner[i][0])).collect();
        let label = if sv { c.label_sv() } else { c.label_en() };
        let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
    }
    let totals: Vec<String> = tables.iter().map(|t| show(t.total)).collect();
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
        show(positive_cell)
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
        if hidden[tables[0].inner[i][0].0] || consequences[i].is_empty() {
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
    if let Protection::Threshold { k } = protection {
        let _ = writeln!(
            out,
            "\n{} {} {}. {}",
            t("Antal från 1 till", "Counts from 1 to"),
            k - 1,
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
    Ok(out)
}
