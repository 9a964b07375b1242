//! Issue 32 point 7: the deviations' event histories are one of the register's exports — in a
//! directory, named alone, as a workbook's sheet — and the annual report counts from them,
//! withdrawn deviations left out (DOMAIN § 5).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::Path;

use super::cli::{po, scratch, sheet_of_csv, DATA};

/// The bundled flat deviations as event histories (each step on its documentation day, as a
/// module that exports its history would), and four withdrawn deviations besides.
fn histories() -> String {
    let flat = std::fs::read_to_string(format!("{DATA}/deviations.csv")).unwrap();
    let mut out = String::from("id;date;event;event_type;level;counterpart;consequence\n");
    for (i, line) in flat.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split(';').collect();
        let (date, status) = (f[0], f[4]);
        let id = format!("A{i}");
        out += &format!(
            "{id};{date};documented;{};{};{};{}\n",
            f[1], f[2], f[3], f[5]
        );
        let steps: &[&str] = match status {
            "documented" => &[],
            "raised" => &["raised"],
            "feedback_received" => &["raised", "sent", "feedback"],
            "remedied" => &["raised", "sent", "feedback", "remedied"],
            "not_remedied" => &["raised", "sent", "feedback", "not_remedied"],
            other => unreachable!("status {other}"),
        };
        for step in steps {
            out += &format!("{id};{date};{step};;;;\n");
        }
    }
    for i in 0..4 {
        out += &format!(
            "W{i};2023-0{}-10;documented;access_to_care_and_support;local;social_services;\n\
             W{i};2023-0{}-20;withdrawn;;;;\n",
            i + 3,
            i + 3
        );
    }
    out
}

#[test]
fn the_report_counts_from_histories_as_from_the_flat_export() {
    let dir = scratch("histories");
    let flat = dir.join("flat");
    let events = dir.join("events");
    for d in [&flat, &events] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::copy(format!("{DATA}/clients.csv"), d.join("clients.csv")).unwrap();
    }
    std::fs::copy(
        format!("{DATA}/deviations.csv"),
        flat.join("deviations.csv"),
    )
    .unwrap();
    let file = events.join("deviation_events.csv");
    std::fs::write(&file, histories()).unwrap();

    // Named alone, and in a directory (it was "not an export po knows").
    let r = po(&["check", file.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "No problems: 0 clients, 0 intake visits, 96 deviations, 0 staff.\n"
    );
    let report = |dir: &Path| {
        let out = dir.join("out");
        let r = po(&[
            "report",
            dir.to_str().unwrap(),
            "--year",
            "2023",
            "--format",
            "json,md",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            r.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&r.stderr)
        );
        let json = std::fs::read_to_string(out.join("report-2023.json")).unwrap();
        let md = std::fs::read_to_string(out.join("report-2023.sv.md")).unwrap();
        (json, md)
    };
    let (from_flat, flat_md) = report(&flat);
    let (from_events, events_md) = report(&events);
    // The four withdrawn deviations count nowhere: the same report, cell for cell.
    assert_eq!(from_events, from_flat);
    assert_eq!(events_md, flat_md);
    assert!(
        flat_md.contains("Brister med återkoppling: 36 / 91"),
        "{flat_md}"
    );

    // Both files beside each other: one account of the deviations is asked for.
    std::fs::copy(
        format!("{DATA}/deviations.csv"),
        events.join("deviations.csv"),
    )
    .unwrap();
    let r = po(&["check", events.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&r.stdout).contains("deviations are given twice"),
        "{}",
        String::from_utf8_lossy(&r.stdout)
    );
}

#[test]
fn a_workbook_sheet_of_histories_is_read() {
    let dir = scratch("histories-workbook");
    let mut book = rust_xlsxwriter::Workbook::new();
    sheet_of_csv(&mut book, "Avvikelsehändelser", &histories());
    let path = dir.join("export.xlsx");
    book.save(&path).unwrap();
    let r = po(&["check", path.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "No problems: 0 clients, 0 intake visits, 96 deviations, 0 staff.\n"
    );
}
