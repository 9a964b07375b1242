//! Issue 31 point 4: published files read back for `po audit` — a report's CSV tables and its
//! workbooks in both languages, a compilation's workbook — as the tables they show, placed by
//! what they say about themselves (`about.csv`, the hidden sheet `po`), and audited as the
//! JSON form is.
#![cfg(feature = "excel")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};

use po_core::chain::{compile, Compilation, Submission};
use po_core::codes::CodeList;
use po_core::disclosure::{CellId, CellLabel, Protection};
use po_core::io::read::read_register_json;
use po_core::io::write::{compilation_to_xlsx, report_to_xlsx, tables_csv, to_json};
use po_core::organisation::{County, MunicipalityCode};
use po_core::publications::{
    audit_documents, read_documents, About, Document, FindingKind, Published,
};
use po_core::report::{annual_report, AnnualReport, ReportOptions, Table};
use po_core::Language;

const REGISTER: &str = include_str!("../../../examples/data/synthetic-2023/register.json");

fn report(protection: Protection) -> AnnualReport {
    let register = read_register_json(REGISTER, "register.json").unwrap();
    let options = ReportOptions {
        year: 2023,
        service_name: "PO Värmland (SYNTHETIC)".into(),
        protection,
        ..ReportOptions::default()
    };
    annual_report(&register, &options).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("published")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The CSV tables as `po report` writes them: `tables-2023/NAME.csv`.
fn write_tables(r: &AnnualReport, dir: &Path) -> PathBuf {
    write_tables_in(r, &dir.join("tables-2023"))
}

fn write_tables_in(r: &AnnualReport, tables: &Path) -> PathBuf {
    let tables = tables.to_owned();
    std::fs::create_dir_all(&tables).unwrap();
    for (name, csv) in tables_csv(r.publishable().unwrap()) {
        std::fs::write(tables.join(format!("{name}.csv")), csv).unwrap();
    }
    tables
}

fn tables_of(d: &Document) -> (&About, Vec<Table>) {
    match &d.published {
        Published::Tables(t) => (&t.about, t.tables.clone()),
        other => panic!("not tables: {other:?}"),
    }
}

/// Tables compared one by one (a difference shows one table, not all).
fn same_tables(read: &[Table], expected: &[Table], what: &str) {
    for (a, b) in read.iter().zip(expected) {
        assert_eq!(a, b, "{what}");
    }
    assert_eq!(read.len(), expected.len(), "{what}");
}

fn own_tables(r: &AnnualReport) -> Vec<Table> {
    r.tables().into_iter().cloned().collect()
}

#[test]
fn a_reports_csv_tables_and_workbooks_read_back_as_its_tables() {
    let r = report(Protection::Threshold { k: 3 });
    let hidden = r
        .tables()
        .iter()
        .flat_map(|t| t.cells())
        .filter(|c| c.count().is_none())
        .count();
    assert!(hidden > 20, "{hidden}");
    let dir = scratch("report");
    let tables = write_tables(&r, &dir);
    let from_csv = Document::from_path(&tables).unwrap();
    let (about, read) = tables_of(&from_csv);
    assert_eq!(*about, About::of_report(&r));
    same_tables(&read, &own_tables(&r), "csv");
    // Named by its about.csv as well.
    let again = Document::from_path(&tables.join("about.csv")).unwrap();
    same_tables(&tables_of(&again).1, &own_tables(&r), "about.csv");
    for language in [Language::Sv, Language::En] {
        let book = report_to_xlsx(r.publishable().unwrap(), language).unwrap();
        let d = Document::from_workbook(&book, "report-2023.xlsx").unwrap();
        let (about, read) = tables_of(&d);
        assert_eq!(*about, About::of_report(&r), "{language:?}");
        same_tables(&read, &own_tables(&r), &format!("{language:?}"));
    }
}

/// The JSON, the CSV tables and both workbooks of one report: the same counts taken as one,
/// nothing found at the k they were protected with; at k = 5 the counts of 3 and 4 each
/// shows are listed where they are published, the same cells in every form.
#[test]
fn every_form_of_a_report_audits_as_its_json() {
    let r = report(Protection::Threshold { k: 3 });
    let dir = scratch("forms");
    std::fs::write(
        dir.join("report-2023.json"),
        to_json(r.publishable().unwrap()),
    )
    .unwrap();
    write_tables(&r, &dir);
    for (language, code) in [(Language::Sv, "sv"), (Language::En, "en")] {
        let book = report_to_xlsx(r.publishable().unwrap(), language).unwrap();
        std::fs::write(dir.join(format!("report-2023.{code}.xlsx")), book).unwrap();
    }
    std::fs::write(dir.join("report-2023.sv.md"), "# not read").unwrap();
    let read = read_documents(std::slice::from_ref(&dir)).unwrap();
    assert_eq!(read.documents.len(), 4, "{:?}", read.skipped);
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let audit = audit_documents(&read.documents, 3).unwrap();
    assert!(audit.is_safe(), "{:?}", audit.findings);
    let joined = audit
        .links
        .iter()
        .filter(|l| l.contains("taken as one"))
        .count();
    assert_eq!(joined, 6, "{:?}", audit.links);
    assert!(
        !audit.links.iter().any(|l| l.contains(": 0 counts")),
        "{:?}",
        audit.links
    );
    let strict = audit_documents(&read.documents, 5).unwrap();
    let small = |file: &str| -> Vec<String> {
        let mut cells: Vec<String> = strict
            .findings
            .iter()
            .filter(|f| f.file.ends_with(file) && f.kind == FindingKind::PublishedSmall)
            .map(|f| f.cell.to_string())
            .collect();
        cells.sort();
        cells
    };
    let csv = small("tables-2023");
    assert!(!csv.is_empty());
    assert_eq!(small("report-2023.sv.xlsx"), csv);
    assert_eq!(small("report-2023.en.xlsx"), csv);
    let json = small("report-2023.json");
    assert!(csv.iter().all(|c| json.contains(c)), "{csv:?}\n{json:?}");
    // What else the k = 5 audit finds (a count shown to be 1..4) is found in every form.
    let others = |file: &str| -> Vec<String> {
        let mut cells: Vec<String> = strict
            .findings
            .iter()
            .filter(|f| f.file.ends_with(file) && f.kind != FindingKind::PublishedSmall)
            .map(|f| format!("{} {:?} {}", f.cell, f.kind, f.low))
            .collect();
        cells.sort();
        cells
    };
    assert_eq!(others("tables-2023"), others("report-2023.json"));
    assert_eq!(others("report-2023.sv.xlsx"), others("report-2023.json"));
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

/// Two services' submissions of exact counts, each carrying its protected report, compiled
/// for county 17 with `protection`.
fn county(protection: Protection) -> (Compilation, AnnualReport) {
    let published = report(Protection::Threshold { k: 3 });
    let exact = report(Protection::Unprotected);
    let mut a = Submission::new(code("1780"), vec![code("1780")], None, exact.clone());
    a.published = Some(published.clone());
    let mut b = a.clone();
    b.service = "PO Kil".into();
    b.report.service_name = "PO Kil".into();
    b.host = code("1715");
    b.municipalities = vec![code("1715")];
    if let Some(p) = &mut b.published {
        p.service_name = "PO Kil".into();
    }
    let c = compile(
        &[a, b],
        2023,
        Some(County::parse("17").unwrap()),
        protection,
    )
    .unwrap();
    (c, published)
}

#[test]
fn a_compilations_workbook_reads_back_as_its_tables() {
    let (c, _) = county(Protection::Threshold { k: 3 });
    for language in [Language::Sv, Language::En] {
        let book = compilation_to_xlsx(c.publishable().unwrap(), language).unwrap();
        let d = Document::from_workbook(&book, "compilation.xlsx").unwrap();
        let (about, read) = tables_of(&d);
        assert_eq!(*about, About::of_compilation(&c));
        assert_eq!(about.place.as_deref(), Some("17"));
        same_tables(&read, &c.tables, &format!("{language:?}"));
    }
}

/// The county published without protection beside its two services' CSV tables, one
/// protected, the other not: the county less the second service's counts gives away what the
/// first hid — found from the workbook and the CSV tables as from the JSON forms.
#[test]
fn a_county_and_its_services_tables_are_audited_as_a_sum() {
    let (c, published) = county(Protection::Unprotected);
    let mut kil = report(Protection::Unprotected);
    kil.service_name = "PO Kil".into();
    let dir = scratch("county");
    write_tables(&published, &dir);
    write_tables_in(&kil, &dir.join("kil-tables-2023"));
    let book = compilation_to_xlsx(c.publishable().unwrap(), Language::Sv).unwrap();
    std::fs::write(dir.join("compilation-2023-17.sv.xlsx"), book).unwrap();
    let files = read_documents(std::slice::from_ref(&dir))
        .unwrap()
        .documents;
    assert_eq!(files.len(), 3);
    let audit = audit_documents(&files, 3).unwrap();
    assert!(
        audit.links.iter().any(|l| l.contains("sum")),
        "{:?}",
        audit.links
    );
    let pinned = |audit: &po_core::publications::FamilyAudit| -> Vec<String> {
        let mut cells: Vec<String> = audit
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Pinned && f.file.ends_with("/tables-2023"))
            .map(|f| format!("{} = {}", f.cell, f.low))
            .collect();
        cells.sort();
        cells
    };
    let from_files = pinned(&audit);
    // Every number the first service hid in a table the county compiles is given away.
    for t in published.tables() {
        if !po_core::report::ReportTable::named(&t.name).is_some_and(|t| t.compiled()) {
            continue;
        }
        let ids: Vec<CellId> = (0..t.cells().count()).map(CellId).collect();
        let hidden = t
            .labelled(&ids)
            .zip(t.cells())
            .filter(|(_, c)| c.count().is_none());
        for (((row, column), _), _) in hidden {
            let label = CellLabel {
                table: t.name.clone(),
                row,
                column,
            };
            assert!(
                from_files
                    .iter()
                    .any(|f| f.starts_with(&format!("{label} = "))),
                "{label}: {from_files:?}"
            );
        }
    }
    // The same from the JSON forms.
    let dir = dir.display();
    let json = [
        Document::from_json(
            &to_json(published.publishable().unwrap()),
            &format!("{dir}/tables-2023"),
        )
        .unwrap(),
        Document::from_json(&to_json(kil.publishable().unwrap()), "kil").unwrap(),
        Document::from_json(&serde_json::to_string(&c).unwrap(), "county").unwrap(),
    ];
    let from_json = audit_documents(&json, 3).unwrap();
    let json_pinned = pinned(&from_json);
    assert!(
        from_files.iter().all(|f| json_pinned.contains(f)),
        "{from_files:?}\n{json_pinned:?}"
    );
}

/// The tables written beside the JSON in one directory (as `po-demo` writes them, and as a
/// caller of `to_csv_tables` may): the directory is the CSV document and its JSON is read too;
/// named twice, each is read once.
#[test]
fn tables_beside_the_json_are_both_read() {
    let r = report(Protection::Threshold { k: 3 });
    let dir = scratch("beside");
    write_tables_in(&r, &dir);
    std::fs::write(
        dir.join("report-2023.json"),
        to_json(r.publishable().unwrap()),
    )
    .unwrap();
    let read = read_documents(&[dir.clone(), dir.join("report-2023.json"), dir.clone()]).unwrap();
    assert_eq!(read.documents.len(), 2, "{:?}", read.skipped);
    let audit = audit_documents(&read.documents, 3).unwrap();
    assert!(audit.is_safe());
    assert!(
        !audit.links.iter().any(|l| l.contains(": 0 counts"))
            && audit.links.iter().any(|l| l.contains("taken as one")),
        "{:?}",
        audit.links
    );
}

#[test]
fn what_cannot_be_read_is_named() {
    let r = report(Protection::Threshold { k: 3 });
    let dir = scratch("bad");
    let tables = write_tables(&r, &dir);
    let error = |path: &Path| Document::from_path(path).unwrap_err().to_string();
    let active = tables.join("active_clients.csv");
    let text = std::fs::read_to_string(&active).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut cells: Vec<&str> = lines[2].split(';').collect();
    cells[2] = "sju";
    lines[2] = cells.join(";");
    std::fs::write(&active, lines.join("\r\n")).unwrap();
    let e = error(&tables);
    assert!(
        e.contains("active_clients.csv, row 3, column \"30–49 år\": \"sju\" is neither a count"),
        "{e}"
    );
    // Rows named as the file has them, blank lines counted.
    lines.insert(1, String::new());
    std::fs::write(&active, lines.join("\r\n")).unwrap();
    let e = error(&tables);
    assert!(e.contains("active_clients.csv, row 4, column"), "{e}");
    // A header without a column is no table.
    std::fs::write(&active, "\u{feff};Totalt\r\nKvinna;3\r\nTotalt;3\r\n").unwrap();
    assert!(error(&tables).contains("no header of the table's columns"));
    std::fs::write(&active, text).unwrap();
    std::fs::write(tables.join("notes.csv"), "a;b").unwrap();
    assert!(error(&tables).contains("notes.csv: not a table po publishes"));
    std::fs::remove_file(tables.join("notes.csv")).unwrap();
    std::fs::remove_file(tables.join("about.csv")).unwrap();
    assert!(error(&active).contains("read with its directory"));
    // A directory of tables without about.csv (an earlier po's) is not read, and says so.
    let read = read_documents(std::slice::from_ref(&tables)).unwrap();
    assert!(read.documents.is_empty(), "{:?}", read.documents);
    assert_eq!(read.skipped.len(), 1, "{:?}", read.skipped);
    assert!(read.skipped[0].contains("without about.csv"));
    let read = read_documents(std::slice::from_ref(&dir)).unwrap();
    assert!(
        read.documents.is_empty() && read.skipped.len() == 1,
        "{:?}",
        read.skipped
    );
    assert!(error(&tables).contains("no about.csv"));
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write_string(0, 0, "Redovisning")
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = Document::from_workbook(&bytes, "other.xlsx")
        .unwrap_err()
        .to_string();
    assert!(e.contains("other.xlsx: no sheet \"po\""), "{e}");
}
