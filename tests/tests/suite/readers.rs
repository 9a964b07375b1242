//! Issue 33 point 7, on stable Rust in the test command: no reader panics, or returns more than
//! its limits allow, on bytes drawn at random — whole random inputs and the bundled exports and
//! documents mutated (bytes flipped, inserted, deleted, runs repeated). The fuzz targets
//! (`fuzz/`, nightly) search the same readers far longer, guided by coverage.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use po_core::chain::Submission;
use po_core::codes::LocalVocabulary;
use po_core::disclosure::{Ledger, Population};
use po_core::io::read::{
    read_applicants_csv, read_deviation_events_csv, read_deviations_json, read_flat_submission,
    read_flat_submission_workbook, read_register_csv, read_register_json, read_register_workbook,
    read_workbook, Mode, RegisterCsv,
};
use po_core::money::Agreement;
use po_core::organisation::LeadershipGroup;
use po_core::priority::PriorityPolicy;
use po_core::publications::Document;
use po_examples::synthetic::Rng;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");
const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors");

/// Excel's row limit, which every reader keeps (`io::read::limits`).
const MAX_ROWS: usize = 1_048_576;

fn file(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The seeds: every kind of input po reads, as bundled.
fn seeds() -> Vec<Vec<u8>> {
    let events =
        serde_json::from_slice::<serde_json::Value>(&file(&format!("{VECTORS}/deviations.json")))
            .unwrap()["events_csv"]
            .as_str()
            .unwrap()
            .as_bytes()
            .to_vec();
    let register = read_register_json(
        &String::from_utf8(file(&format!("{DATA}/synthetic-2023/register.json"))).unwrap(),
        "register.json",
    )
    .unwrap();
    let report = po_core::report::annual_report(
        &register,
        &po_core::report::ReportOptions {
            year: 2023,
            ..Default::default()
        },
    )
    .unwrap();
    let workbook =
        po_core::io::write::report_to_xlsx(report.publishable().unwrap(), po_core::Language::Sv)
            .unwrap();
    let mut out: Vec<Vec<u8>> = [
        "clients.csv",
        "intake.csv",
        "deviations.csv",
        "staff.csv",
        "survey.csv",
        "applicants.csv",
        "register.json",
    ]
    .iter()
    .map(|f| file(&format!("{DATA}/synthetic-2023/{f}")))
    .collect();
    out.push(file(&format!("{DATA}/varmland-2023-leadership.json")));
    out.push(file(&format!("{DATA}/varmland-2023-agreement.json")));
    out.push(events);
    out.push(workbook);
    out.push(
        b"section;row;column;value\nservice;;;PO Egen\nhost;;;1761\nmunicipalities;;;1761\n\
          year;;;2023\nactive_clients;Kvinna;18\xe2\x80\x9329 \xc3\xa5r;4\n"
            .to_vec(),
    );
    out.push(po_core::io::write::to_json(report.publishable().unwrap()).into_bytes());
    // A report's CSV tables as published: one table and what they are about.
    for (name, csv) in po_core::io::write::tables_csv(report.publishable().unwrap()) {
        if name == "active_clients" || name == "about" {
            out.push(csv.into_bytes());
        }
    }
    out
}

/// One mutation of `bytes`: a byte flipped, inserted or deleted, or a run repeated.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.push(rng.below(256) as u8);
        return;
    }
    let at = rng.below(bytes.len() as u64) as usize;
    match rng.below(4) {
        0 => bytes[at] ^= 1 << rng.below(8),
        1 => bytes.insert(
            at,
            [b';', b'\n', b'"', 0, b'1', 0xC3][rng.below(6) as usize],
        ),
        2 => {
            bytes.remove(at);
        }
        _ => {
            let end = (at + 1 + rng.below(64) as usize).min(bytes.len());
            let run = bytes[at..end].to_vec();
            for _ in 0..rng.below(4) {
                bytes.splice(at..at, run.iter().copied());
            }
        }
    }
}

/// Every reader on `bytes`: none may panic; what a reader accepts stays within its limits.
fn read_everything(bytes: &[u8]) {
    let vocabulary = LocalVocabulary::varmland();
    for mode in [Mode::Strict, Mode::Lenient] {
        let csv = RegisterCsv {
            clients: Some(bytes.into()),
            intake: Some(bytes.into()),
            deviations: Some(bytes.into()),
            staff: Some(bytes.into()),
            deviation_events: Some(bytes.into()),
            survey: Some(bytes),
            survey_sent: 10,
        };
        if let Ok((register, _)) = read_register_csv(csv, &vocabulary, mode) {
            assert!(register.clients.len() <= MAX_ROWS);
        }
        if let Ok(imported) = read_applicants_csv(bytes, "applicants.csv", mode) {
            assert!(imported.rows.len() <= MAX_ROWS);
        }
        let _ = read_deviation_events_csv(bytes, "events.csv", &vocabulary, mode);
        if let Ok((register, _)) = read_register_workbook(bytes, "export.xlsx", &vocabulary, mode) {
            assert!(register.clients.len() <= MAX_ROWS);
        }
    }
    if let Ok(sheets) = read_workbook(bytes, "export.xlsx") {
        assert!(sheets.iter().all(|s| s.frame.rows() <= MAX_ROWS));
    }
    // A published workbook and a report's CSV tables, read back for `po audit`.
    let _ = Document::from_workbook(bytes, "report.xlsx");
    let text = String::from_utf8_lossy(bytes).into_owned();
    let about = "schema;po-published/1\nkind;report\nservice;PO A\nyear;2023\nk;3\n";
    for files in [
        vec![("about.csv".to_owned(), text.clone())],
        vec![
            ("about.csv".to_owned(), about.to_owned()),
            ("active_clients.csv".to_owned(), text.clone()),
        ],
    ] {
        let _ = Document::from_csv_tables("tables-2023", &files);
    }
    let _ = read_flat_submission_workbook(bytes, "submission.xlsx");
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = read_register_json(text, "register.json");
    let _ = read_deviations_json(text, "deviations.json");
    for s in [read_flat_submission(text), Submission::from_json(text)]
        .into_iter()
        .flatten()
    {
        Submission::from_json(&s.to_json()).expect("po reads the submission it writes");
    }
    let _ = serde_json::from_str::<LeadershipGroup>(text);
    let _ = PriorityPolicy::from_json(text);
    let _ = Agreement::from_json(text);
    let population = Population::new("service", "PO Test", 2023).unwrap();
    let _ = Ledger::from_json(text, &population);
    let _ = Document::from_json(text, "document.json");
}

#[test]
fn no_reader_panics_on_random_or_mutated_input() {
    let mut rng = Rng(0x0bad_f11e);
    for _ in 0..200 {
        let n = rng.below(512) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| rng.below(256) as u8).collect();
        read_everything(&bytes);
    }
    for seed in seeds() {
        for _ in 0..40 {
            let mut bytes = seed.clone();
            for _ in 0..1 + rng.below(8) {
                mutate(&mut rng, &mut bytes);
            }
            read_everything(&bytes);
        }
    }
}
