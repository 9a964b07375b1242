//! The leadership group's meeting document (Värmland raises its deviations four times a year,
//! seed 003; Stockholm twice, seed 002): what is new since the previous meeting, what awaits a
//! reply and what is overdue, by counterpart; consequences for individuals; positive events;
//! what was remedied. Every count goes through the disclosure control, alone or together with
//! every publication of the service's ledger (`*_with_ledger`, issue 31): the four quarterly
//! documents and the year's summary count the same shortcomings, so the summary's total is
//! the quarters' sum and is protected as such.
//!
//! What each count is, as the ledger names it (a [`crate::disclosure::CountKey`]'s table),
//! the same in every document that counts it: `shortcomings_documented` (by counterpart in the
//! meeting document, by level in the summary; their totals are one count of a period),
//! `shortcomings_remedied`, `shortcomings_sent`, `shortcomings_answered` (events of the period,
//! adding up over disjoint periods), `shortcomings_awaiting_reply` and `shortcomings_overdue`
//! (stocks on the meeting's day), `positive_events_documented`. Withdrawn deviations are no
//! shortcomings (DOMAIN § 5): counted nowhere, their texts never listed.

use std::fmt::Write;

use time::Date;

use crate::codes::{CodeList, Counterpart};
use crate::deviation::{Closing, Deviation, Event};
use crate::disclosure::{
    protect, protect_with_ledger, CellId, CellLabel, DisclosureError, Ledger, LedgerEntry, Period,
    Protection, Publication,
};
use crate::Language;

/// A column of the document: counts by row, and what they count.
struct Column {
    /// What it counts, as the ledger names it.
    key: &'static str,
    sv: &'static str,
    en: &'static str,
    counts: Vec<u64>,
    /// The days counted, and whether disjoint periods' counts add up.
    period: Period,
    additive: bool,
}

/// How a document is protected: on its own, or together with a ledger's publications.
#[derive(Clone, Copy)]
enum Guard<'a> {
    Alone(Protection),
    Ledger { ledger: &'a Ledger, k: u64 },
}

impl Guard<'_> {
    fn protection(self) -> Protection {
        match self {
            Guard::Alone(p) => p,
            Guard::Ledger { k, .. } => Protection::Threshold { k },
        }
    }
}

/// The days after `previous` up to and including `last`.
fn since(previous: Date, last: Date) -> Period {
    Period {
        from: previous.next_day().unwrap_or(previous),
        to: last,
    }
}

/// The meeting document for the meeting on `meeting`, covering what happened after
/// `previous_meeting` up to and including `meeting`, in Markdown, protected on its own.
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
    let guard = Guard::Alone(protection);
    meeting_with(deviations, previous_meeting, meeting, guard, lang).map(|(text, _)| text)
}

/// The meeting document protected with threshold `k` together with every publication of the
/// service's `ledger` (the earlier meetings' documents, the year's summary, the annual
/// report): returns the document and its ledger entry, to record once it is published.
///
/// # Errors
/// As [`crate::disclosure::protect_with_ledger`].
pub fn meeting_document_with_ledger(
    deviations: &[Deviation],
    previous_meeting: Date,
    meeting: Date,
    k: u64,
    lang: Language,
    ledger: &Ledger,
) -> Result<(String, LedgerEntry), DisclosureError> {
    meeting_with(
        deviations,
        previous_meeting,
        meeting,
        Guard::Ledger { ledger, k },
        lang,
    )
}

fn meeting_with(
    deviations: &[Deviation],
    previous_meeting: Date,
    meeting: Date,
    guard: Guard<'_>,
    lang: Language,
) -> Result<(String, LedgerEntry), DisclosureError> {
    let protection = guard.protection();
    let sv = lang == Language::Sv;
    let t = crate::io::text::words(sv);
    let in_period = |d: Date| previous_meeting < d && d <= meeting;
    let (period, day) = (
        since(previous_meeting, meeting),
        Period {
            from: meeting,
            to: meeting,
        },
    );
    let n = Counterpart::ALL.len();
    let column = |key, sv, en, period, additive| Column {
        key,
        sv,
        en,
        counts: vec![0; n],
        period,
        additive,
    };
    let mut columns = [
        column(
            "shortcomings_documented",
            "Nya brister",
            "New shortcomings",
            period,
            true,
        ),
        column(
            "shortcomings_awaiting_reply",
            "Inväntar svar",
            "Awaiting a reply",
            day,
            false,
        ),
        column(
            "shortcomings_overdue",
            "Varav försenade",
            "Of which overdue",
            day,
            false,
        ),
        column(
            "shortcomings_remedied",
            "Åtgärdade",
            "Remedied",
            period,
            true,
        ),
    ];
    let mut positive = 0u64;
    let mut consequences: Vec<Vec<&str>> = vec![Vec::new(); n];
    for d in deviations {
        let i = Counterpart::ALL
            .iter()
            .position(|c| *c == d.counterpart)
            .unwrap_or(0);
        let new = d.documented_on().is_some_and(in_period);
        if !d.event_type.is_shortcoming() {
            positive += u64::from(new);
            continue;
        }
        if !d.is_shortcoming() {
            continue; // Withdrawn.
        }
        if new {
            columns[0].counts[i] += 1;
            if !d.consequence.is_empty() && !consequences[i].contains(&d.consequence.as_str()) {
                consequences[i].push(&d.consequence);
            }
        }
        // The rest follows the deviation's steps, which only a history records.
        if !d.has_history {
            continue;
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
        if matches!(d.closed_by(meeting), Some((Closing::Remedied, on)) if in_period(on)) {
            columns[3].counts[i] += 1;
        }
    }

    let rows: Vec<String> = Counterpart::ALL
        .iter()
        .map(|c| c.label_sv().to_owned())
        .collect();
    let title = format!("meeting document {meeting}");
    let extra = Extra {
        key: "positive_events_documented",
        count: positive,
        period,
    };
    // Overdue ≤ awaiting, row by row and in total.
    let (shown, entry) =
        ProtectedColumns::new(&title, &rows, &columns, &[(2, 1)], Some(extra), guard)?;
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
    Ok((out, entry))
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
    summary_with(deviations, year, Guard::Alone(protection), lang).map(|(text, _)| text)
}

/// The year's summary by level protected with threshold `k` together with every publication
/// of the service's `ledger` (the year's meeting documents above all: the summary's total of
/// shortcomings documented is the sum of theirs); returns the summary and its ledger entry, to
/// record once it is published.
///
/// # Errors
/// As [`crate::disclosure::protect_with_ledger`].
pub fn annual_summary_by_level_with_ledger(
    deviations: &[Deviation],
    year: i32,
    k: u64,
    lang: Language,
    ledger: &Ledger,
) -> Result<(String, LedgerEntry), DisclosureError> {
    summary_with(deviations, year, Guard::Ledger { ledger, k }, lang)
}

fn summary_with(
    deviations: &[Deviation],
    year: i32,
    guard: Guard<'_>,
    lang: Language,
) -> Result<(String, LedgerEntry), DisclosureError> {
    use crate::codes::DeviationLevel;
    let protection = guard.protection();
    let sv = lang == Language::Sv;
    let t = crate::io::text::words(sv);
    let in_year = |d: Date| d.year() == year;
    let whole = Period::year(year)
        .ok_or_else(|| DisclosureError::Shape(format!("year {year}: not a calendar year")))?;
    let n = DeviationLevel::ALL.len();
    let column = |key, sv, en| Column {
        key,
        sv,
        en,
        counts: vec![0; n],
        period: whole,
        additive: true,
    };
    let mut columns = [
        column("shortcomings_documented", "Dokumenterade", "Documented"),
        column("shortcomings_sent", "Skickade", "Sent"),
        column("shortcomings_answered", "Besvarade", "Answered"),
        column("shortcomings_remedied", "Åtgärdade", "Remedied"),
    ];
    let mut descriptions: Vec<Vec<&str>> = vec![Vec::new(); n];
    for d in deviations.iter().filter(|d| d.is_shortcoming()) {
        let i = DeviationLevel::ALL
            .iter()
            .position(|l| *l == d.level)
            .unwrap_or(0);
        if d.documented_on().is_some_and(in_year) {
            columns[0].counts[i] += 1;
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
        columns[1].counts[i] += u64::from(step(&|e| matches!(e, Event::Sent { .. })));
        columns[2].counts[i] += u64::from(step(&|e| matches!(e, Event::Feedback { .. })));
        columns[3].counts[i] += u64::from(step(&|e| {
            matches!(
                e,
                Event::Closed {
                    closing: Closing::Remedied,
                    ..
                }
            )
        }));
    }
    let labels: Vec<&str> = columns
        .iter()
        .map(|c| if sv { c.sv } else { c.en })
        .collect();
    let rows: Vec<String> = DeviationLevel::ALL
        .iter()
        .map(|l| l.label_sv().to_owned())
        .collect();
    let title = format!("summary by level {year}");
    let (shown, entry) = ProtectedColumns::new(&title, &rows, &columns, &[], None, guard)?;
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
    Ok((out, entry))
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

/// A count on its own beside the columns (positive events).
struct Extra {
    key: &'static str,
    count: u64,
    period: Period,
}

/// Counts by row (a code list's values) in named columns, each column a one-column table with
/// its total, protected together (with `at_most` relations between columns, row by row and in
/// total, and an optional extra count on its own) and audited — alone, or with a ledger.
struct ProtectedColumns {
    tables: Vec<crate::disclosure::TableCells>,
    extra: Option<CellId>,
    values: Vec<u64>,
    hidden: Vec<bool>,
}

impl ProtectedColumns {
    /// The columns protected as `guard` says, and their ledger entry (`title`; with `shown`
    /// filled in).
    fn new(
        title: &str,
        rows: &[String],
        columns: &[Column],
        at_most: &[(usize, usize)],
        extra: Option<Extra>,
        guard: Guard<'_>,
    ) -> Result<(Self, LedgerEntry), DisclosureError> {
        let n = rows.len();
        let mut p = Publication::new();
        let tables: Vec<_> = columns
            .iter()
            .map(|c| p.add_table(c.key, rows, &[c.key.to_owned()]))
            .collect();
        for &(small, large) in at_most {
            for i in 0..n {
                p.add_at_most(&[tables[small].inner[i][0]], &[tables[large].inner[i][0]]);
            }
            p.add_at_most(&[tables[small].total], &[tables[large].total]);
        }
        let extra_cell = extra.as_ref().map(|e| {
            p.add_cell(
                CellLabel {
                    table: e.key.into(),
                    row: None,
                    column: None,
                },
                false,
            )
        });
        let mut values = vec![0u64; p.len()];
        for (column, table) in columns.iter().zip(&tables) {
            for i in 0..n {
                values[table.inner[i][0].0] = column.counts[i];
            }
            values[table.total.0] = column.counts.iter().sum();
        }
        if let (Some(cell), Some(e)) = (extra_cell, &extra) {
            values[cell.0] = e.count;
        }
        let period_of = |table: &str| {
            columns
                .iter()
                .find(|c| c.key == table)
                .map(|c| (c.period, c.additive))
                .or_else(|| extra.as_ref().map(|e| (e.period, true)))
                .unwrap_or((columns[0].period, false))
        };
        let mut entry = LedgerEntry::unprotected(title, &p, &values, period_of);
        let hidden = match guard {
            Guard::Ledger { ledger, k } => {
                entry = protect_with_ledger(ledger, &entry, k)?;
                entry.hidden()
            }
            // `protect` ends only with an audit that finds nothing.
            Guard::Alone(Protection::Threshold { k }) => {
                let hidden = protect(&p, &values, k)?;
                for (cell, &h) in entry.cells.iter_mut().zip(&hidden) {
                    cell.shown = (!h).then_some(cell.count);
                }
                entry.k = k;
                hidden
            }
            Guard::Alone(Protection::Unprotected) => {
                for cell in &mut entry.cells {
                    cell.shown = Some(cell.count);
                }
                vec![false; p.len()]
            }
        };
        let columns = ProtectedColumns {
            tables,
            extra: extra_cell,
            values,
            hidden,
        };
        Ok((columns, entry))
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
