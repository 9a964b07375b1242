//! Issue 31: an attacker who holds several publications about the same people and subtracts
//! one from another — a corrected report against the first, the report at k = 5 against k = 3.
//!
//! The attacker is `attacker/mod.rs`, written apart from po-core's protection: it reads the
//! published JSON of every report, relates a number shown in two of them as the scenario allows
//! (one unknown for the same register; the earlier plus the records added for a corrected one,
//! a difference it tries to pin), and computes ranges with its own LPs. Each scenario is run on
//! random registers protected with the publication ledger — nothing may be found — and, to show
//! the attack is real, without it, where it finds people.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::attacker::{client, random_register, Attack, Between};
use po_core::codes::{CodeList, Gender};
use po_core::disclosure::{Ledger, Population, Protection};
use po_core::report::{annual_report, AnnualReport, Register, ReportOptions};
use po_examples::synthetic::Rng;
use serde_json::Value;
use time::{Date, Duration, Month};

fn report(register: &Register, protection: Protection) -> AnnualReport {
    let options = ReportOptions {
        year: 2023,
        service_name: "Test".into(),
        protection,
        ..ReportOptions::default()
    };
    annual_report(register, &options).unwrap()
}

fn json(r: &AnnualReport) -> Value {
    serde_json::from_str(&po_core::io::write::to_json(r.publishable().unwrap())).unwrap()
}

fn population() -> Population {
    Population {
        scope: "service".into(),
        name: "Test".into(),
        year: 2023,
    }
}

/// The register with one client added late: started in the year, of a random gender, age,
/// area and municipality (the issue's corrected report).
fn with_late_client(r: &Register, seed: u64) -> Register {
    let mut rng = Rng(seed ^ 0x5eed);
    let mut out = r.clone();
    let gender = Gender::ALL[rng.below(2) as usize];
    let mut c = client(
        r.clients.len() + 1000,
        gender,
        18 + rng.below(70) as i32,
        rng.pick(&["Centrala", "Norra"]),
        rng.pick(&["1760", "1780"]),
    );
    c.started_on = Date::from_calendar_date(2023, Month::January, 1).unwrap()
        + Duration::days(rng.below(365) as i64);
    c.children_at_home = rng.below(2) == 0;
    out.clients.push(c);
    out
}

/// The reports of `registers` published one after another, each protected with threshold
/// `ks[i]` against the ledger of those before it.
fn published_with_ledger(registers: &[&Register], ks: &[u64]) -> Vec<Value> {
    let mut ledger = Ledger::new(population());
    let mut out = Vec::new();
    for (r, &k) in registers.iter().zip(ks) {
        let mut report = report(r, Protection::Unprotected);
        let entry = report.protect_with_ledger(k, &ledger).unwrap();
        ledger.record(entry);
        // The ledger reads back as written; the report passes its own audit too.
        ledger = Ledger::from_json(&ledger.to_json(), &population()).unwrap();
        out.push(json(&report));
    }
    out
}

/// Registers protected with the ledger (each a family protection, the slow part).
fn seeds() -> std::ops::Range<u64> {
    if cfg!(debug_assertions) {
        0..2
    } else {
        0..12
    }
}

/// Registers published without the ledger, to show the attack finds people (fast).
const WITHOUT: std::ops::Range<u64> = 0..40;

#[test]
fn a_corrected_report_does_not_give_the_late_client_away() {
    for seed in seeds() {
        let first = random_register(seed);
        let corrected = with_late_client(&first, seed);
        let reports = published_with_ledger(&[&first, &corrected], &[3, 3]);
        let found = Attack::of_reports(&reports, Between::Added).findings(3);
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
    }
}

#[test]
fn without_the_ledger_a_corrected_report_gives_the_late_client_away() {
    let mut pinned = 0;
    for seed in WITHOUT {
        let first = random_register(seed);
        let corrected = with_late_client(&first, seed);
        let reports = [
            json(&report(&first, Protection::Threshold { k: 3 })),
            json(&report(&corrected, Protection::Threshold { k: 3 })),
        ];
        pinned += Attack::of_reports(&reports, Between::Added)
            .findings(3)
            .len();
    }
    assert!(
        pinned > 0,
        "the attack found nothing: it would not notice a leak"
    );
}

#[test]
fn the_report_at_k_3_and_at_k_5_is_one_publication() {
    for seed in seeds() {
        let register = random_register(seed);
        let reports = published_with_ledger(&[&register, &register], &[3, 5]);
        let found = Attack::of_reports(&reports, Between::Same).findings(3);
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
        let documents: Vec<_> = reports
            .iter()
            .map(|r| po_core::publications::Document::from_json(&r.to_string(), "r").unwrap())
            .collect();
        let audit = po_core::publications::audit_documents(&documents, 3).unwrap();
        assert!(
            audit.is_safe(),
            "po audit, seed {seed}: {:#?}",
            audit.findings
        );
    }
}

#[test]
fn without_the_ledger_the_report_at_two_k_gives_cells_of_two_away() {
    use po_core::publications::{audit_documents, Document};
    let (mut pinned, mut audited) = (0, 0);
    for seed in WITHOUT {
        let register = random_register(seed);
        let reports = [
            json(&report(&register, Protection::Threshold { k: 3 })),
            json(&report(&register, Protection::Threshold { k: 5 })),
        ];
        pinned += Attack::of_reports(&reports, Between::Same)
            .findings(3)
            .len();
        // `po audit` over the same two documents finds them too.
        let documents: Vec<Document> = reports
            .iter()
            .enumerate()
            .map(|(i, r)| Document::from_json(&r.to_string(), &format!("k{i}.json")).unwrap())
            .collect();
        audited += audit_documents(&documents, 3).unwrap().findings.len();
    }
    assert!(
        pinned > 0,
        "the attack found nothing: it would not notice a leak"
    );
    assert!(
        audited > 0,
        "po audit found nothing where the attacker finds people"
    );
}

#[test]
fn a_ledger_of_another_population_or_edited_is_refused() {
    let register = random_register(7);
    let mut ledger = Ledger::new(population());
    let mut r = report(&register, Protection::Unprotected);
    ledger.record(r.protect_with_ledger(3, &ledger).unwrap());
    let text = ledger.to_json();
    let other = Population {
        year: 2024,
        ..population()
    };
    let e = Ledger::from_json(&text, &other).unwrap_err().to_string();
    assert!(e.contains("not of service \"Test\" for 2024"), "{e}");
    let edited = text.replacen("\"count\": ", "\"count\": 1", 1);
    let e = Ledger::from_json(&edited, &population())
        .unwrap_err()
        .to_string();
    assert!(e.contains("does not match its hash"), "{e}");
    // A protected report has lost its true counts: it cannot be protected against a ledger.
    let mut protected = report(&register, Protection::Threshold { k: 3 });
    assert!(protected.protect_with_ledger(3, &ledger).is_err());
    // Another service's report is not recorded in this service's ledger.
    let mut theirs = report(&register, Protection::Unprotected);
    theirs.service_name = "Another".into();
    let e = theirs
        .protect_with_ledger(3, &ledger)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(
            "records the publications of service \"Test\" for 2023, not of service \"Another\""
        ),
        "{e}"
    );
}
