//! Issue 13: an attacker with only the published report (its JSON) and an LP solver.
//!
//! The attacker here is written independently of po-core's suppressor and audit: it reads the
//! published JSON, makes one variable per published or hidden number (a count shown twice is two
//! variables with an equation), writes down the relations a reader of the report knows, and
//! computes each hidden number's range with its own LPs. It then checks what the issue demands:
//! no hidden number is exact, no hidden number is provably within 1..k-1, and no published count
//! is within 1..k-1. The property runs 10 000 random registers (20–80 clients) in the release
//! profile (`tests/run-all.sh`), 200 in a debug `cargo test`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_arithmetic
)]

use crate::attacker::{client, random_register, Attack};
use po_core::codes::Gender;
use po_core::disclosure::Protection;
use po_core::io::write::to_markdown;
use po_core::report::{annual_report, Register, ReportOptions, StaffMember};
use po_core::Language;
use rust_decimal::Decimal;
use serde_json::Value;
use time::{Date, Duration, Month};

// ---------------------------------------------------------------------------------------------
// The attacker.

fn attack(register: &Register, k: u64) -> (Value, Vec<String>) {
    let options = ReportOptions {
        year: 2023,
        service_name: "Test".into(),
        protection: Protection::Threshold { k },
        ..ReportOptions::default()
    };
    let report = annual_report(register, &options).unwrap();
    let json: Value =
        serde_json::from_str(&po_core::io::write::to_json(report.publishable().unwrap())).unwrap();
    let findings = Attack::of_report(&json).findings(k);
    (json, findings)
}

// ---------------------------------------------------------------------------------------------
// The property and the examples.

#[test]
fn no_random_register_can_be_undone() {
    // PO_REGISTERS=N runs the first N only (to measure or profile); CI runs them all.
    let registers: u64 = std::env::var("PO_REGISTERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 16 } else { 10_000 });
    // Each thread takes the next register: seeds alternate k = 3 and 5, so a fixed split of
    // even and odd seeds gave each thread one k, and one finished 90 s before the other.
    let next = std::sync::atomic::AtomicU64::new(0);
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let mut failures = Vec::new();
                    loop {
                        let seed = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if seed >= registers {
                            break;
                        }
                        // Half at k = 3, half at k = 5.
                        let k = if seed.is_multiple_of(2) { 3 } else { 5 };
                        let (_, found) = attack(&random_register(seed), k);
                        if !found.is_empty() {
                            failures.push(format!("seed {seed}, k = {k}: {found:?}"));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} registers undone, e.g. {}",
        failures.len(),
        failures[0]
    );
}

#[test]
fn closed_clients_five_five_one_two() {
    // Issue 13's example: closed clients, women 5 5 1 2 and men 4 4 0 0 across the age bands.
    let mut r = Register::default();
    let mut id = 0;
    for (gender, counts) in [(Gender::Woman, [5, 5, 1, 2]), (Gender::Man, [4, 4, 0, 0])] {
        for (age, n) in [20, 40, 55, 70].into_iter().zip(counts) {
            for _ in 0..n {
                let mut c = client(id, gender, age, "Centrala", "1780");
                c.ended_on = Some(Date::from_calendar_date(2023, Month::June, 1).unwrap());
                r.clients.push(c);
                id += 1;
            }
        }
    }
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    let closed = &json["closed_clients"];
    // The column totals 1 and 2 are small themselves: hidden.
    assert_eq!(closed["column_totals"][2], "suppressed");
    assert_eq!(closed["column_totals"][3], "suppressed");
}

#[test]
fn one_man_aged_65_in_municipality_1762() {
    // 20 women and one man aged 65+ living in 1762, k = 3: his row total, his age band's
    // total, his area's count and his municipality's count were all published as 1.
    let mut r = Register::default();
    for i in 0..20 {
        r.clients
            .push(client(i, Gender::Woman, 40, "Centrala", "1780"));
    }
    r.clients.push(client(20, Gender::Man, 70, "Norra", "1762"));
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    let active = &json["active_clients"];
    assert_eq!(active["row_totals"][1], "suppressed");
    assert_eq!(active["column_totals"][3], "suppressed");
    let area = &json["clients_by_area"];
    let norra = area["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r == "Norra")
        .unwrap();
    assert_eq!(area["row_totals"][norra], "suppressed");
    let m = json["clients_per_municipality"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "1762")
        .unwrap();
    assert_eq!(m["clients"], "suppressed");
}

#[test]
fn one_column_tables_do_not_publish_the_total_that_reveals_a_cell() {
    let mut r = Register::default();
    for i in 0..30 {
        let mut c = client(
            i,
            if i < 25 { Gender::Woman } else { Gender::Man },
            40,
            "Centrala",
            "1780",
        );
        c.children_at_home = i < 12 || i == 25 || i == 26; // women 12, men 2
        r.clients.push(c);
    }
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    // The men's 2 is hidden, and never as the only hidden cell under a published total (the
    // old output hid it and published the total, flagged "revealed by total").
    let children = &json["children_at_home"];
    assert_eq!(children["cells"][1][0], "suppressed");
    let hidden = children["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row[0] == "suppressed")
        .count();
    assert!(children["total"] == "suppressed" || hidden >= 2);
}

#[test]
fn the_bundled_report_leaks_nothing() {
    let register = po_examples::bundled_register();
    let (json, found) = attack(&register, 3);
    assert!(found.is_empty(), "{found:?}");
    // Issue 13's examples from the bundled report: the "Annat" row total of active clients
    // (2), the intake total "Avsäger sig hjälp" (2) and municipality 1762 (2) are hidden.
    let active = &json["active_clients"];
    assert_eq!(active["row_totals"][2], "suppressed");
    let intake = &json["intake_outcomes"];
    assert_eq!(intake["row_totals"][1], "suppressed");
    let m1762 = json["clients_per_municipality"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "1762")
        .unwrap();
    assert_eq!(m1762["clients"], "suppressed");
    // Nothing says which hidden cells were small.
    let text = json.to_string();
    for word in ["primary", "secondary", "revealed"] {
        assert!(!text.to_lowercase().contains(word), "{word}");
    }
    let options = ReportOptions {
        year: 2023,
        ..ReportOptions::default()
    };
    let report = annual_report(&register, &options).unwrap();
    // (Code-list labels such as "Primary care" may appear; words about suppression may not.)
    for lang in [Language::Sv, Language::En] {
        let md = to_markdown(report.publishable().unwrap(), lang);
        let html = po_core::io::write::to_html(report.publishable().unwrap(), lang);
        for word in [
            "primary suppression",
            "secondary suppression",
            "Primary suppression",
            "Secondary suppression",
            "primär",
            "sekundär",
            "Sekundär",
        ] {
            assert!(!md.contains(word), "{word}");
            assert!(!html.contains(word), "{word}");
        }
    }
    let md = to_markdown(report.publishable().unwrap(), Language::Sv);
    assert!(md.contains("Antal från 1 till 2 visas inte (gräns k = 3)"));
    let en = to_markdown(report.publishable().unwrap(), Language::En);
    assert!(en.contains("Counts from 1 to 2 are not shown (threshold k = 3)"));
}

#[test]
fn a_changed_report_is_refused() {
    // A protected report whose hidden cell was filled in again (or read from an edited file)
    // is refused by every rendering.
    let register = po_examples::bundled_register();
    let mut report = annual_report(
        &register,
        &ReportOptions {
            year: 2023,
            ..ReportOptions::default()
        },
    )
    .unwrap();
    let man_65 = report
        .active_clients
        .rows
        .iter()
        .position(|r| r == "Annat")
        .unwrap();
    report.active_clients.row_totals[man_65] = po_core::report::Cell::Count(2);
    // No writer can be reached: the audit refuses to vouch for the changed report.
    let e = report.publishable().unwrap_err();
    assert!(e.to_string().contains("refused to publish"), "{e}");
}

#[test]
fn a_report_changed_after_protection_is_audited_again() {
    // Protection certifies the numbers its last audit passed, so that a rendering right after
    // it need not audit them again; a change after that (here every hidden count that is 0 or
    // at least k shown again: no count of 1..k-1, so only the audit can see what it gives away)
    // is not covered by the certificate and is refused.
    let register = po_examples::bundled_register();
    let options = |protection| ReportOptions {
        year: 2023,
        protection,
        ..ReportOptions::default()
    };
    let exact = annual_report(&register, &options(Protection::Unprotected)).unwrap();
    let mut report = annual_report(&register, &options(Protection::default())).unwrap();
    report.publishable().unwrap();
    let mut shown = 0;
    let tables = [
        (&mut report.active_clients, &exact.active_clients),
        (&mut report.new_clients, &exact.new_clients),
        (&mut report.closed_clients, &exact.closed_clients),
        (&mut report.contact_reasons, &exact.contact_reasons),
        (&mut report.new_contact_reasons, &exact.new_contact_reasons),
    ];
    for (t, e) in tables {
        for (cell, truth) in t.cells_mut().zip(e.cells()) {
            let v = truth.count().unwrap();
            if cell.count().is_none() && !(1..3).contains(&v) {
                *cell = po_core::report::Cell::Count(v);
                shown += 1;
            }
        }
    }
    assert!(shown > 10, "{shown} hidden counts shown again");
    let e = report.publishable().unwrap_err();
    assert!(e.to_string().contains("refused to publish"), "{e}");
    // The same numbers read back from JSON carry no certificate: audited in full.
    let protected = annual_report(&register, &options(Protection::default())).unwrap();
    let json = po_core::io::write::to_json(protected.publishable().unwrap());
    let read: po_core::report::AnnualReport = serde_json::from_str(&json).unwrap();
    assert_eq!(read, protected);
    read.publishable().unwrap();
}

#[test]
fn a_median_over_two_people_and_a_training_of_one_are_not_published() {
    let mut r = Register::default();
    for i in 0..30 {
        let mut c = client(i, Gender::Woman, 40, "Centrala", "1780");
        if i < 2 {
            // Two new clients with a known wait: their median would be one of them.
            c.started_on = Date::from_calendar_date(2023, Month::May, 1).unwrap();
            c.applied_on = Some(c.started_on - Duration::days(40 + i as i64));
        }
        r.clients.push(c);
    }
    r.staff = (0..4)
        .map(|i| StaffMember {
            id: format!("o{i}"),
            fte: Decimal::ONE,
            training: if i == 0 {
                vec!["Motiverande samtal".into()]
            } else {
                Vec::new()
            },
            supervision: Some("Extern".into()),
            gender: None,
        })
        .collect();
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(json["waiting"]["clients"], "suppressed");
    assert!(json["waiting"]["median_days"].is_null() && json["waiting"]["max_days"].is_null());
    assert_eq!(
        json["staff"]["training"]["Motiverande samtal"],
        "suppressed"
    );
}
