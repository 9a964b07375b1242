//! The bundled SYNTHETIC example data (`examples/data/synthetic-2023/`) is exactly what the
//! generator makes, and its CSV export reads back into the same register. Regenerate the files
//! with `PO_REGENERATE=1 cargo test -p po-examples --test suite`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use po_core::codes::LocalVocabulary;
use po_core::input::Mode;
use po_core::io::read::{read_register_csv, read_register_json, RegisterCsv};
use po_examples::{bundled_register, export::register_to_csv};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/synthetic-2023")
}

#[test]
fn bundled_files_are_the_generators_output() {
    let register = bundled_register();
    let csv = register_to_csv(&register).unwrap();
    let json = serde_json::to_string(&register).unwrap() + "\n";
    let files = [
        ("register.json", json),
        ("clients.csv", csv.clients),
        ("intake.csv", csv.intake),
        ("deviations.csv", csv.deviations),
        ("staff.csv", csv.staff),
        ("survey.csv", csv.survey),
    ];
    for (name, content) in files {
        let path = dir().join(name);
        if std::env::var_os("PO_REGENERATE").is_some() {
            std::fs::write(&path, &content).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == content,
            "{name} differs from the generator: regenerate it"
        );
    }
}

#[test]
fn csv_export_reads_back_into_the_same_register() {
    let register = bundled_register();
    let csv = register_to_csv(&register).unwrap();
    let files = RegisterCsv {
        clients: Some(csv.clients.as_bytes().into()),
        intake: Some(csv.intake.as_bytes().into()),
        deviations: Some(csv.deviations.as_bytes().into()),
        staff: Some(csv.staff.as_bytes().into()),
        survey: Some(csv.survey.as_bytes()),
        survey_sent: csv.survey_sent,
        ..RegisterCsv::default()
    };
    let (read, problems) =
        read_register_csv(files, &LocalVocabulary::default(), Mode::Strict).unwrap();
    assert!(problems.is_empty());
    assert_eq!(read, register);
    let json = serde_json::to_string(&register).unwrap();
    assert_eq!(
        read_register_json(&json, "register.json").unwrap(),
        register
    );
}

/// Issue 13: the information loss of protecting the bundled report (k = 3), as BENCHMARKS.md
/// records it. Printed with `cargo test -p po-examples --test suite -- --nocapture`.
#[test]
fn information_loss_of_the_bundled_report() {
    use po_core::disclosure::Protection;
    use po_core::report::{annual_report, information_loss, ReportOptions};
    let register = po_examples::bundled_register();
    let options = |protection| ReportOptions {
        year: 2023,
        protection,
        ..ReportOptions::default()
    };
    let raw = annual_report(&register, &options(Protection::Unprotected)).unwrap();
    let protected = annual_report(&register, &options(Protection::default())).unwrap();
    let loss = information_loss(&raw, &protected).unwrap();
    let (mut cells, mut hidden, mut people, mut of) = (0, 0, 0, 0);
    for l in &loss {
        println!(
            "| {} | {} | {} | {} of {} |",
            l.table, l.cells, l.hidden, l.hidden_inner_sum, l.inner_sum
        );
        cells += l.cells;
        hidden += l.hidden;
        if !l.table.starts_with("deviations") {
            people += l.hidden_inner_sum;
            of += l.inner_sum;
        }
    }
    println!("| all | {cells} | {hidden} | {people} of {of} (people; deviations excluded) |");
    let clients = loss.iter().find(|l| l.table == "active_clients").unwrap();
    assert_eq!((clients.cells, clients.hidden), (20, 4));
    assert_eq!((cells, hidden), (339, 83));
}

/// Issue 16: the generator's deviation histories are all valid, and cover every step.
#[test]
fn generated_deviation_histories_are_valid() {
    let deviations = po_examples::synthetic::deviation_histories(2023, 300, 7);
    for d in &deviations {
        assert_eq!(d.validate(), Ok(()), "{}", d.id);
    }
    let codes: std::collections::BTreeSet<&str> = deviations
        .iter()
        .flat_map(|d| d.events.iter().map(po_core::deviation::Event::code))
        .collect();
    assert_eq!(codes.len(), 7, "{codes:?}");
}

#[test]
fn the_bundled_leadership_group_is_varmlands_of_2023() {
    // examples/data/varmland-2023-leadership.json is seed 003's group as po-core holds it.
    let path = dir().join("../varmland-2023-leadership.json");
    let group: po_core::organisation::LeadershipGroup =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(group, po_core::reference::varmland::leadership_group_2023());
}
