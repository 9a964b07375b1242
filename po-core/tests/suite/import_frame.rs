//! A table given column by column (what the Python boundary builds over an Arrow stream) reads
#![allow(clippy::unwrap_used, clippy::expect_used)]
//! to the same register and the same located problems as its CSV export.

use po_core::codes::LocalVocabulary;
use po_core::input::Mode;
use po_core::io::read::{
    read_clients_csv, read_register_csv, Frame, Input, RegisterCsv, TextCells,
};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/data/synthetic-2023"
);

/// A CSV text as a frame of owned cells, cut into batches of `batch` rows (empty cells missing).
fn frame_of(csv: &str, batch: usize) -> Frame<'static> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(csv.as_bytes());
    let names: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let batches = records
        .chunks(batch)
        .map(|chunk| {
            (0..names.len())
                .map(|j| {
                    let cells: Vec<Option<String>> = chunk
                        .iter()
                        .map(|r| r.get(j).filter(|c| !c.is_empty()).map(str::to_owned))
                        .collect();
                    Box::new(cells) as Box<dyn TextCells>
                })
                .collect()
        })
        .collect();
    Frame {
        names,
        header_row: 1,
        batches,
    }
}

#[test]
fn the_bundled_register_reads_the_same_from_frames_as_from_csv() {
    let read = |name: &str| std::fs::read_to_string(format!("{DATA}/{name}.csv")).unwrap();
    let (clients, intake, deviations, staff) = (
        read("clients"),
        read("intake"),
        read("deviations"),
        read("staff"),
    );
    let vocabulary = LocalVocabulary::preset("none").unwrap();
    let (from_csv, csv_problems) = read_register_csv(
        RegisterCsv {
            clients: Some(clients.as_bytes().into()),
            intake: Some(intake.as_bytes().into()),
            deviations: Some(deviations.as_bytes().into()),
            staff: Some(staff.as_bytes().into()),
            ..RegisterCsv::default()
        },
        &vocabulary,
        Mode::Strict,
    )
    .unwrap();
    let frames = [&clients, &intake, &deviations, &staff].map(|t| frame_of(t, 50));
    let (from_frames, frame_problems) = read_register_csv(
        RegisterCsv {
            clients: Some(Input::Frame(&frames[0])),
            intake: Some(Input::Frame(&frames[1])),
            deviations: Some(Input::Frame(&frames[2])),
            staff: Some(Input::Frame(&frames[3])),
            ..RegisterCsv::default()
        },
        &vocabulary,
        Mode::Strict,
    )
    .unwrap();
    assert_eq!(from_csv.clients.len(), 240);
    assert_eq!(frames[0].rows(), 240);
    assert_eq!(from_csv, from_frames);
    assert_eq!(csv_problems, frame_problems);
}

#[test]
fn a_frame_gets_the_csv_problems_at_the_rows_of_its_csv_export() {
    let csv =
        "id;gender;birth_date;municipality;started_on;ended_on;children_at_home;contact_reasons\n\
               a;woman;1980-01-01;1780;2023-01-01;;ja;economy\n\
               b;woman;1980-01-01;1780;2023-03-01;2023-02-01;ja;economy\n\
               c;kvinna;2010-01-01;1780;2023-01-01;;true;economy\n\
               a;man;;1780;2023-01-01;;ja;economy\n\
               d;robot;;1780;2023-01-01;;ja;economy\n\
               g;woman;;1780;2023-13-01;;kanske;pengar\n\
               ;woman;;1780;;;;\n";
    let vocabulary = LocalVocabulary::preset("varmland").unwrap();
    let from_csv =
        read_clients_csv(csv.as_bytes(), "clients", &vocabulary, None, Mode::Lenient).unwrap();
    // Batches of 3 rows: the row numbers run on across them.
    let frame = frame_of(csv, 3);
    let from_frame = read_clients_csv(&frame, "clients", &vocabulary, None, Mode::Lenient).unwrap();
    assert_eq!(from_csv, from_frame);
    let located: Vec<(u64, &str)> = from_frame
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        located,
        vec![
            // The optional columns the table lacks (issue 18), then the rows.
            (1, "assignments"),
            (1, "area"),
            (1, "applied_on"),
            (3, "ended_on"),
            (4, "birth_date"),
            (5, "id"),
            (6, "gender"),
            (7, "started_on"),
            (7, "children_at_home"),
            (7, "contact_reasons"),
            (8, "id"),
            (8, "started_on"),
        ]
    );
    assert_eq!(from_frame.rows.len(), 1);
}

#[test]
fn a_frame_without_a_required_column_or_with_ragged_batches_is_refused() {
    let header = "id;gender;started_on;ended_on;birth_year;children_at_home;contact_reasons;assignments;municipality;area;applied_on";
    let mut frame = frame_of(&format!("{header}\na;woman;2023-01-01\n"), 10);
    let vocabulary = LocalVocabulary::preset("none").unwrap();
    // Swedish header names are read as in the CSV.
    frame.names[1] = "Kön".into();
    frame.names[2] = "startdatum".into();
    let ok = read_clients_csv(&frame, "clients", &vocabulary, None, Mode::Strict).unwrap();
    assert_eq!(ok.rows.len(), 1);
    frame.names[2] = "börjat".into();
    let err = read_clients_csv(&frame, "clients", &vocabulary, None, Mode::Strict).unwrap_err();
    assert_eq!(err.problems[0].row, 1);
    assert_eq!(err.problems[0].column, "started_on");
    frame.names[2] = "started_on".into();
    frame.batches[0].pop();
    let err = read_clients_csv(&frame, "clients", &vocabulary, None, Mode::Strict).unwrap_err();
    assert_eq!(
        err.problems[0].reason,
        "batch 0 of the table has 10 columns of lengths [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]; expected 11 columns of one length"
    );
}
