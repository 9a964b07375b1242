//! Issue 33: bad input never wins. Hostile files, generated here (never committed), are refused
//! at the format's limits with a problem naming the file, the row and the column, in time and
//! memory in proportion to the file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::codes::LocalVocabulary;
use po_core::input::Mode;
use po_core::io::read::limits::{MAX_CELL_CHARS, MAX_COLUMNS};
use po_core::io::read::read_clients_csv;

const HEADER: &str = "id;gender;birth_year;municipality;area;started_on;ended_on;\
                      children_at_home;contact_reasons;assignments;applied_on";

fn read(
    csv: &str,
) -> Result<po_core::input::Imported<po_core::report::Client>, po_core::input::ImportError> {
    read_clients_csv(
        csv.as_bytes(),
        "klienter.csv",
        &LocalVocabulary::varmland(),
        None,
        Mode::Lenient,
    )
}

#[test]
fn a_header_of_200_000_columns_is_refused_at_once() {
    // 1.2 MB of header took 29 s (quadratic) before the limit.
    let header: Vec<String> = (0..200_000).map(|i| format!("c{i}")).collect();
    let csv = format!("{}\n", header.join(";"));
    let t = std::time::Instant::now();
    let e = read(&csv).unwrap_err();
    assert_eq!(e.problems.len(), 1);
    assert_eq!(
        (e.problems[0].file.as_str(), e.problems[0].row),
        ("klienter.csv", 1)
    );
    assert!(
        e.problems[0]
            .reason
            .contains("200000 columns; a sheet holds at most 16 384"),
        "{}",
        e.problems[0].reason
    );
    // Not a timed test: a bound far above any machine's time, against a quadratic regression.
    assert!(t.elapsed().as_secs() < 20);
    // At the limit, a header of unknown columns is read (each one a problem, none twice).
    let header: Vec<String> = (0..MAX_COLUMNS).map(|i| format!("c{i}")).collect();
    let csv = format!("{HEADER};{}\n", header[11..].join(";"));
    let got = read(&csv).unwrap();
    assert_eq!(got.problems.len(), MAX_COLUMNS - 11);
}

#[test]
fn a_control_character_or_an_overlong_cell_is_a_problem_at_its_cell() {
    let row = |area: &str| format!("k1;Kvinna;1985;1780;{area};2023-02-01;;nej;;;\n");
    let csv = format!(
        "{HEADER}\n{}{}{}",
        row("Cent\0rala"),
        row(&"a".repeat(MAX_CELL_CHARS + 1)),
        row("Norra\tväst")
    );
    let got = read(&csv).unwrap();
    // The third row is read: a tab is text.
    assert_eq!(got.rows.len(), 1);
    let found: Vec<(u64, &str, &str)> = got
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.reason.as_str()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (2, "area"));
    assert!(found[0].2.contains("U+0000"), "{}", found[0].2);
    assert_eq!((found[1].0, found[1].1), (3, "area"));
    assert!(found[1].2.contains("32768 characters"), "{}", found[1].2);
    // A 64 MB area name is refused the same way, without echoing it.
    let csv = format!("{HEADER}\n{}", row(&"x".repeat(64 << 20)));
    let got = read(&csv).unwrap();
    assert!(got.rows.is_empty() && got.problems[0].reason.len() < 200);
}

#[test]
fn a_file_of_more_rows_than_a_sheet_holds_is_refused() {
    let row = "k;Kvinna;1985;1780;Norra;2023-02-01;;nej;;;\n";
    let rows = po_core::io::read::limits::MAX_ROWS as usize; // The header is row 1.
    let csv = format!("{HEADER}\n{}", row.repeat(rows));
    let e = read(&csv).unwrap_err();
    assert_eq!(e.problems.len(), 1, "{:?}", &e.problems[..1]);
    assert_eq!(e.problems[0].row, 1_048_577);
    assert!(e.problems[0].reason.contains("more than 1 048 576 rows"));
    // One row fewer is read (every row a duplicate id but the first: problems, not a refusal).
    let csv = format!("{HEADER}\n{}", row.repeat(rows - 1));
    assert!(read(&csv).is_ok());
}

#[test]
fn json_nested_beyond_128_levels_is_refused_by_every_json_reader() {
    // 100 000 open brackets: a recursive reader without a limit overflows its stack.
    let deep = "[".repeat(100_000);
    let register = format!("{{\"clients\": {deep}");
    let e = po_core::io::read::read_register_json(&register, "register.json").unwrap_err();
    assert!(e.problems[0].reason.contains("recursion limit"), "{e}");
    // The typed documents refuse it too (whichever error comes first), without a crash.
    assert!(po_core::chain::Submission::from_json(&deep).is_err());
    assert!(po_core::priority::PriorityPolicy::from_json(&deep).is_err());
    assert!(po_core::money::Agreement::from_json(&deep).is_err());
    let nested = format!("{{\"name\": {deep}");
    assert!(po_core::priority::PriorityPolicy::from_json(&nested).is_err());
}

#[test]
fn a_json_list_longer_than_a_sheet_is_not_read() {
    // 1 048 576 empty records: one more than a sheet holds below its header.
    let items = vec!["{}"; po_core::io::read::limits::MAX_ROWS as usize].join(",");
    let register = format!("{{\"intake_visits\": [{items}]}}");
    let e = po_core::io::read::read_register_json(&register, "register.json").unwrap_err();
    assert_eq!(
        e.problems.len(),
        1,
        "only the list's size, not a million records"
    );
    assert_eq!(e.problems[0].column, "intake_visits");
    assert!(e.problems[0].reason.starts_with("1048576 records"), "{e}");
}

#[test]
fn problems_are_shown_at_most_twenty_of_a_kind_and_the_rest_counted() {
    // 30 000 rows with an unknown gender and one with a bad date: 30 001 problems, all kept for
    // a program, 22 lines for a reader (issue 33: thirty million lines were printed).
    let mut csv = format!("{HEADER}\n");
    for i in 0..30_000 {
        csv.push_str(&format!("k{i};robot{i};1980;;;2023-01-01;;;;;\n"));
    }
    csv.push_str("x;woman;1980;;;2023-13-01;;;;;\n");
    let read = read(&csv).unwrap();
    assert_eq!(read.problems.len(), 30_001);
    let lines = po_core::io::write::problem_lines(&read.problems, po_core::Language::En);
    assert_eq!(lines.len(), 22, "{lines:?}");
    assert!(lines[0].starts_with("klienter.csv, row 2, column \"gender\": unknown gender"));
    assert!(lines[20].contains("started_on"), "{}", lines[20]);
    assert_eq!(
        lines[21],
        "… and 29,980 more of the same in klienter.csv, column \"gender\""
    );
    let sv = po_core::io::write::problem_lines(&read.problems, po_core::Language::Sv);
    assert_eq!(
        sv[21],
        "… och 29\u{a0}980 till av samma slag i klienter.csv, kolumn \"gender\""
    );
}
