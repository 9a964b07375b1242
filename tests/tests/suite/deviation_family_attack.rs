//! Issue 31's first two examples: the deviations a service publishes through the year —
//! the leadership group's four quarterly meeting documents and the year's summary by level
//! (seeds 002, 003); the two half-year summaries by counterpart and status and the annual
//! report — read together by an attacker who subtracts one from another.
//!
//! The attacker (`attacker/mod.rs`'s LPs) reads the documents as published: the Markdown
//! tables of the meeting documents and the summary, the JSON of the half-year summaries and
//! of the annual report. It knows only what holds by the documents' definitions: each column
//! sums to its total, overdue ≤ awaiting a reply, the quarters' new shortcomings add up to the
//! year's documented ones and their remedied ones to the year's, the half-years' cells to the
//! annual report's. Each scenario runs on random registers protected with the service's
//! ledger — nothing may be found — and, to show the attack is real, protected one document at
//! a time, where it finds people.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use crate::attacker::{random_register, Attack};
use po_core::deviation::Deviation;
use po_core::disclosure::{Ledger, Population, Protection};
use po_core::io::write::{
    annual_summary_by_level, annual_summary_by_level_with_ledger, meeting_document,
    meeting_document_with_ledger,
};
use po_core::report::{
    annual_report, deviations_for_leadership_group, deviations_for_leadership_group_with_ledger,
    Register, ReportOptions,
};
use po_core::Language;
use serde_json::Value;
use time::macros::date;
use time::Date;

const K: u64 = 3;

fn population() -> Population {
    Population {
        scope: "service".into(),
        name: "Test".into(),
        year: 2023,
    }
}

/// The meetings at the quarters' ends, each after the one before (the first after the
/// previous year's last).
const MEETINGS: [(Date, Date); 4] = [
    (date!(2022 - 12 - 31), date!(2023 - 03 - 31)),
    (date!(2023 - 03 - 31), date!(2023 - 06 - 30)),
    (date!(2023 - 06 - 30), date!(2023 - 09 - 30)),
    (date!(2023 - 09 - 30), date!(2023 - 12 - 31)),
];

/// The four meeting documents and the year's summary, each protected with the ledger of
/// those before it (and recorded, read back as written).
fn published_with_ledger(deviations: &[Deviation]) -> Vec<String> {
    let mut ledger = Ledger::new(population());
    let mut out = Vec::new();
    for (previous, meeting) in MEETINGS {
        let (text, entry) =
            meeting_document_with_ledger(deviations, previous, meeting, K, Language::Sv, &ledger)
                .unwrap();
        ledger.record(entry);
        ledger = Ledger::from_json(&ledger.to_json(), &population()).unwrap();
        out.push(text);
    }
    let (text, _) =
        annual_summary_by_level_with_ledger(deviations, 2023, K, Language::Sv, &ledger).unwrap();
    out.push(text);
    out
}

/// The same documents, each protected on its own.
fn published_alone(deviations: &[Deviation]) -> Vec<String> {
    let k = Protection::Threshold { k: K };
    let mut out: Vec<String> = MEETINGS
        .iter()
        .map(|&(p, m)| meeting_document(deviations, p, m, k, Language::Sv).unwrap())
        .collect();
    out.push(annual_summary_by_level(deviations, 2023, k, Language::Sv).unwrap());
    out
}

/// A table row as published: its label and cells (`None` = `..`).
type Row = (String, Vec<Option<u64>>);

/// The first Markdown table of a document: its column headings and each row's label and
/// cells (`..` = hidden).
fn markdown_table(doc: &str) -> (Vec<String>, Vec<Row>) {
    let mut lines = doc
        .lines()
        .skip_while(|l| !l.starts_with("| "))
        .take_while(|l| l.starts_with('|'));
    let cells = |l: &str| -> Vec<String> {
        l.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let header = cells(lines.next().unwrap());
    let rows = lines
        .filter(|l| !l.starts_with("|---"))
        .map(|l| {
            let c = cells(l);
            let values = c[1..]
                .iter()
                .map(|v| (v != "..").then(|| v.parse().unwrap()))
                .collect();
            (c[0].clone(), values)
        })
        .collect();
    (header[1..].to_vec(), rows)
}

/// A document's table as variables: each column's rows sum to its total row (`**Totalt**`,
/// the last). Returns each column's total's variable by heading, and the variables by
/// (row, column).
fn add_document(
    a: &mut Attack,
    doc: &str,
    name: &str,
) -> (BTreeMap<String, usize>, Vec<Vec<usize>>) {
    let (header, rows) = markdown_table(doc);
    let mut vars = Vec::new();
    for (label, values) in &rows {
        let row: Vec<usize> = values
            .iter()
            .zip(&header)
            .map(|(v, h)| {
                a.values.push(*v);
                a.names.push(format!("{name}: {label} / {h}"));
                a.derived.push(false);
                a.values.len() - 1
            })
            .collect();
        vars.push(row);
    }
    let (total, parts) = vars.split_last().unwrap();
    for (j, &t) in total.iter().enumerate() {
        let column: Vec<usize> = parts.iter().map(|r| r[j]).collect();
        a.sum(t, &column);
    }
    let totals = header.iter().cloned().zip(total.iter().copied()).collect();
    (totals, vars)
}

/// A count stated in a sentence (`Positiva händelser …: 4`), as a variable.
fn add_sentence(a: &mut Attack, doc: &str, starts: &str, name: &str) {
    let line = doc.lines().find(|l| l.starts_with(starts)).unwrap();
    let v = line.rsplit(": ").next().unwrap();
    a.values.push((v != "..").then(|| v.parse().unwrap()));
    a.names.push(format!("{name}: {starts}"));
    a.derived.push(false);
}

/// The attacker's view of the four meeting documents and the summary.
fn attack_quarters(docs: &[String]) -> Attack {
    let mut a = Attack::default();
    let mut new = Vec::new();
    let mut remedied = Vec::new();
    for (q, doc) in docs[..4].iter().enumerate() {
        let name = format!("meeting {}", q + 1);
        let (totals, vars) = add_document(&mut a, doc, &name);
        add_sentence(&mut a, doc, "Positiva händelser", &name);
        // Of which overdue ≤ awaiting a reply, row by row.
        for row in &vars {
            a.le(&[row[2]], &[row[1]]);
        }
        new.push(totals["Nya brister"]);
        remedied.push(totals["Åtgärdade"]);
    }
    let (year, _) = add_document(&mut a, &docs[4], "summary");
    a.sum(year["Dokumenterade"], &new);
    a.sum(year["Åtgärdade"], &remedied);
    a
}

fn histories(seed: u64) -> Vec<Deviation> {
    // Few deviations, so that small counts are common.
    let count = 8 + (seed as usize * 7) % 40;
    po_examples::synthetic::deviation_histories(2023, count, seed)
}

fn seeds() -> std::ops::Range<u64> {
    if cfg!(debug_assertions) {
        0..3
    } else {
        0..25
    }
}

#[test]
fn the_quarters_and_the_year_together_give_nobody_away() {
    for seed in seeds() {
        let docs = published_with_ledger(&histories(seed));
        let found = attack_quarters(&docs).findings(K);
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
    }
}

#[test]
fn protected_one_at_a_time_the_quarters_and_the_year_give_people_away() {
    let found: usize = (0..25)
        .map(|seed| {
            attack_quarters(&published_alone(&histories(seed)))
                .findings(K)
                .len()
        })
        .sum();
    assert!(
        found > 0,
        "the attack found nothing: it would not notice a leak"
    );
}

/// The example: new shortcomings 5, 4, 6 and 1 in the four quarters. Protected one
/// at a time the quarters show 5, 4, 6 and ".." and the year 16: the hidden quarter is 1.
/// With the ledger the year's total is not 16 beside them.
#[test]
fn the_year_does_not_tell_the_hidden_quarter() {
    let days = [
        date!(2023 - 02 - 01),
        date!(2023 - 05 - 01),
        date!(2023 - 08 - 01),
        date!(2023 - 11 - 01),
    ];
    let mut deviations = Vec::new();
    for (q, n) in [5, 4, 6, 1].into_iter().enumerate() {
        for i in 0..n {
            let mut d = histories(1)[0].clone();
            d.id = format!("AV-{q}-{i}");
            d.event_type = po_core::codes::DeviationEventType::AccessToCareAndSupport;
            d.events = vec![po_core::deviation::Event::Documented { on: days[q] }];
            deviations.push(d);
        }
    }
    let totals = |docs: &[String]| -> Vec<Option<u64>> {
        docs.iter()
            .map(|d| markdown_table(d).1.last().unwrap().1[0])
            .collect()
    };
    let alone = published_alone(&deviations);
    assert_eq!(totals(&alone), [Some(5), Some(4), Some(6), None, Some(16)]);
    let found = attack_quarters(&alone).findings(K);
    assert!(
        found.contains(&"meeting 4: **Totalt** / Nya brister is exactly 1".to_owned()),
        "{found:?}"
    );
    let together = published_with_ledger(&deviations);
    assert_eq!(totals(&together)[..4], [Some(5), Some(4), Some(6), None]);
    assert_eq!(totals(&together)[4], None);
    assert!(attack_quarters(&together).findings(K).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Half-years and the annual report.

fn options(protection: Protection) -> ReportOptions {
    ReportOptions {
        year: 2023,
        service_name: "Test".into(),
        protection,
        ..ReportOptions::default()
    }
}

const HALVES: [(Date, Date); 2] = [
    (date!(2023 - 01 - 01), date!(2023 - 06 - 30)),
    (date!(2023 - 07 - 01), date!(2023 - 12 - 31)),
];

/// The two half-years' tables and the annual report, as published JSON.
fn halves_with_ledger(register: &Register) -> (Vec<Value>, Value) {
    let mut ledger = Ledger::new(population());
    let mut halves = Vec::new();
    for (from, to) in HALVES {
        let (summary, entry) =
            deviations_for_leadership_group_with_ledger(&register.deviations, from, to, K, &ledger)
                .unwrap();
        ledger.record(entry);
        halves.push(serde_json::to_value(&summary.by_status).unwrap());
    }
    let mut report = annual_report(register, &options(Protection::Unprotected)).unwrap();
    report.protect_with_ledger(K, &ledger).unwrap();
    (halves, report_json(&report))
}

fn halves_alone(register: &Register) -> (Vec<Value>, Value) {
    let k = Protection::Threshold { k: K };
    let halves = HALVES
        .iter()
        .map(|&(from, to)| {
            let s = deviations_for_leadership_group(&register.deviations, from, to, k).unwrap();
            serde_json::to_value(&s.by_status).unwrap()
        })
        .collect();
    let report = annual_report(register, &options(k)).unwrap();
    (halves, report_json(&report))
}

fn report_json(r: &po_core::report::AnnualReport) -> Value {
    serde_json::from_str(&po_core::io::write::to_json(r.publishable().unwrap())).unwrap()
}

/// The attacker's view: the annual report with every relation of its own, and each cell of
/// its deviations by counterpart and status the sum of the half-years' same cells.
fn attack_halves(halves: &[Value], report: &Value) -> Attack {
    let mut a = Attack::default();
    let names = a.add_report(report, "annual report");
    let mut parts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (h, t) in halves.iter().enumerate() {
        let start = a.values.len();
        a.table(t);
        for v in start..a.values.len() {
            let cell = a.names[v].split_once('/').unwrap().1.to_owned();
            a.names[v] = format!("half-year {}: {}", h + 1, a.names[v]);
            parts.entry(cell).or_default().push(v);
        }
    }
    for (cell, vars) in parts {
        let whole = names[&format!("deviations_by_counterpart/{cell}")];
        a.sum(whole, &vars);
    }
    a
}

#[test]
fn the_half_years_and_the_year_together_give_nobody_away() {
    for seed in seeds() {
        let (halves, report) = halves_with_ledger(&random_register(seed));
        let found = attack_halves(&halves, &report).findings(K);
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
    }
}

#[test]
fn protected_one_at_a_time_the_half_years_and_the_year_give_people_away() {
    let found: usize = (0..25)
        .map(|seed| {
            let (halves, report) = halves_alone(&random_register(seed));
            attack_halves(&halves, &report).findings(K).len()
        })
        .sum();
    assert!(
        found > 0,
        "the attack found nothing: it would not notice a leak"
    );
}
