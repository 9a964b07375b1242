//! The `po` command as a user runs it: the built binary on the bundled exports and on a
//! service's own (bad) files; exit codes, messages, the files written.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/synthetic-2023");

pub(crate) fn po(args: &[&str]) -> Output {
    po_in(args, "C")
}

/// `po` run in the locale `lang` (`LANG`; the other locale variables unset), which chooses the
/// language it speaks unless `--lang` does (issue 32 point 2).
pub(crate) fn po_in(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_po"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("po runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn report_on_the_bundled_exports_writes_markdown_json_and_tables() {
    let out = scratch("report");
    let files: Vec<String> = ["clients", "intake", "deviations", "staff", "survey"]
        .iter()
        .map(|f| format!("{DATA}/{f}.csv"))
        .collect();
    let mut args: Vec<&str> = vec!["report"];
    args.extend(files.iter().map(String::as_str));
    let o = out.to_str().unwrap();
    args.extend([
        "--year",
        "2023",
        "--survey-sent",
        "95",
        "--lang",
        "sv,en",
        "--service",
        "PO Test",
        "--out",
        o,
    ]);
    let r = po(&args);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    // `--lang sv,en`: the documents in both, the messages in the first (issue 32 point 2).
    assert!(
        text(&r.stdout).starts_with("Redovisningen för 2023 av 240 klienter, skyddad med k = 3"),
        "{}",
        text(&r.stdout)
    );
    let sv = std::fs::read_to_string(out.join("report-2023.sv.md")).unwrap();
    assert!(sv.starts_with("# Redovisning enligt 10 § förordning (2013:522) 2023 – PO Test\n"));
    let en = std::fs::read_to_string(out.join("report-2023.en.md")).unwrap();
    assert!(en.starts_with("# Report under section 10"));
    // Issue 18's defects of the documents: a decimal comma and grouped thousands in Swedish,
    // English labels in English, municipalities by name, no key column without a key.
    assert!(sv.contains("Uppdrag per aktuell klient: 1\u{a0}364 / 240 = 5,68"));
    assert!(en.contains("Assignments per active client: 1,364 / 240 = 5.68"));
    assert!(en.contains("| Woman | 19 | 63 | 50 | 14 | 146 |"));
    assert!(!en.contains("Kvinna") && !en.contains("18–29 år"));
    assert!(sv.contains("| Kil (1715) | 10 | 4,17 |\n"));
    assert!(sv.contains("Ingen befolkningsnyckel angiven"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report-2023.json")).unwrap())
            .unwrap();
    assert_eq!(json["year"], 2023);
    assert!(out.join("tables-2023/active_clients.csv").is_file());
    // The document: self-contained (no link, script or stylesheet fetched), A4, charts inline.
    let html = std::fs::read_to_string(out.join("report-2023.sv.html")).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("@page{size:A4"));
    assert!(html.contains("<svg"));
    for outside in ["<link", "<script", "src=", "href="] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("Uppdrag per klient</th><td>5,"));
    // The directory (which holds register.json) gives the same report as its CSV files.
    let from_dir = scratch("report-dir");
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--format",
        "json,md",
        "--out",
        from_dir.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(from_dir.join("report-2023.json")).unwrap())
            .unwrap();
    assert_eq!(again["tables"], json["tables"]);
    // Without a service name the title ends at the year.
    let bare = std::fs::read_to_string(from_dir.join("report-2023.sv.md")).unwrap();
    assert_eq!(
        bare.lines().next().unwrap(),
        "# Redovisning enligt 10 § förordning (2013:522) 2023"
    );
}

#[test]
fn check_lists_every_problem_located_and_exits_1() {
    let r = po(&["check", DATA]);
    assert_eq!(r.status.code(), Some(0));
    assert_eq!(
        text(&r.stdout),
        "No problems: 240 clients, 180 intake visits, 96 deviations, 10 staff.\n"
    );
    let dir = scratch("check");
    let clients = dir.join("klienter.csv");
    std::fs::write(
        &clients,
        "id;Kön;födelseår;start;slut;hemmavarande barn;kontaktorsaker;uppdrag;kommun;område;ansökt\n\
         k1;Kvinna;1980;2023-01-10;;ja;Ekonomi;;1780;Norra;\n\n\
         k2;robot;1980;2023-13-01;;kanske;;;1780;Norra;\n",
    )
    .unwrap();
    let r = po(&["check", clients.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    let lines: Vec<String> = text(&r.stdout).lines().map(str::to_owned).collect();
    // Row 4 as the spreadsheet shows it (the blank line counts); the file and the columns as
    // the user named them (issue 32 point 2).
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(
        lines[0].starts_with("klienter.csv, row 4, column \"Kön\": unknown gender \"robot\""),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("klienter.csv, row 4, column \"start\""));
    assert!(lines[2].starts_with("klienter.csv, row 4, column \"hemmavarande barn\""));
    assert_eq!(lines[3], "3 problem(s) in 1 file(s).");
    // The report refuses (strict) and says how to go on; lenient writes it with the problems.
    let out = scratch("check-report");
    let o = out.to_str().unwrap();
    let r = po(&[
        "report",
        clients.to_str().unwrap(),
        "--year",
        "2023",
        "--out",
        o,
    ]);
    assert_eq!(r.status.code(), Some(1));
    assert!(text(&r.stderr).contains("no report written (--lenient"));
    let r = po(&[
        "report",
        clients.to_str().unwrap(),
        "--year",
        "2023",
        "--out",
        o,
        "--lenient",
    ]);
    assert_eq!(r.status.code(), Some(0));
    let md = std::fs::read_to_string(out.join("report-2023.sv.md")).unwrap();
    assert!(md.contains("robot"), "the problems are in the report");
}

#[test]
fn queue_ranks_by_the_policy_and_names_who_left() {
    let r = po(&[
        "queue",
        &format!("{DATA}/applicants.csv"),
        "--policy",
        "varmland_2023",
        "--date",
        "2023-10-02",
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let out = text(&r.stdout);
    assert!(out.contains("Inte rangordnade, har lämnat kön senast 2023-10-02: Q-106"));
    // Swedish throughout (issue 32): the heading and the deciding group by its name.
    assert!(
        out.starts_with("Prioriteringsordning PO Värmland 2023"),
        "{out}"
    );
    assert!(
        out.contains("| 1 | Q-101 | Centrala | barnfamiljer (hemmavarande barn) | 49 |"),
        "{out}"
    );
    assert!(!out.contains("children_at_home"), "{out}");
    let places: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("| ") && l.as_bytes()[2].is_ascii_digit())
        .map(|l| l.split(" | ").nth(1).unwrap())
        .collect();
    assert_eq!(
        places,
        ["Q-101", "Q-105", "Q-102", "Q-103", "Q-104", "Q-107"]
    );
    let r = po(&[
        "queue",
        &format!("{DATA}/applicants.csv"),
        "--policy",
        "nope",
        "--date",
        "2023-10-02",
    ]);
    assert_eq!(r.status.code(), Some(2));
}

#[test]
fn costs_are_invoices_that_add_up_to_the_municipal_net() {
    let agreement = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/varmland-2023-agreement.json"
    );
    let r = po(&["costs", agreement, "--format", "csv"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let out = text(&r.stdout);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(';').collect())
        .collect();
    assert_eq!(rows.len(), 15);
    let fees: i64 = rows.iter().map(|r| r[4].parse::<i64>().unwrap()).sum();
    // Seed 003's budget arithmetic gives 3 042 151 kr (its report says 3 042 150).
    assert_eq!(fees, 3_042_151);
    let admin: i64 = rows.iter().map(|r| r[5].parse::<i64>().unwrap()).sum();
    assert_eq!(admin, 212_951);
}

#[test]
fn schema_prints_every_file_and_column_and_usage_errors_exit_2() {
    let md = text(&po(&["schema"]).stdout);
    for file in [
        "clients.csv",
        "intake.csv",
        "deviations.csv",
        "staff.csv",
        "applicants.csv",
        "cases.csv",
    ] {
        assert!(md.contains(&format!("## {file}")), "{file}");
    }
    for column in po_core::io::read::CLIENT_CSV_COLUMNS {
        assert!(md.contains(&format!("| `{column}` |")), "{column}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&po(&["schema", "--format", "json"]).stdout).unwrap();
    assert_eq!(json[0]["file"], "clients.csv");
    assert_eq!(json[0]["columns"][1]["code_list"], "gender");
    for command in ["report", "check", "queue", "costs", "schema"] {
        let r = po(&[command, "--help"]);
        assert_eq!(r.status.code(), Some(0), "{command}");
        assert!(text(&r.stdout).starts_with(&format!("Usage: po {command}")));
    }
    let r = po(&["report", DATA]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).starts_with("po report: --year is required"));
    assert_eq!(po(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(po(&[]).status.code(), Some(2));
    let r = po(&["check", "/no/such/dir"]);
    assert_eq!(r.status.code(), Some(3));
    assert!(text(&r.stderr).contains("no such file or directory"));
}

#[test]
fn the_column_reference_in_the_docs_is_the_generated_one() {
    // examples/COLUMNS.md is `po schema`'s output, committed so that it can be read on the
    // forge; regenerate with `cargo run -p po-examples --bin po -- schema > examples/COLUMNS.md`.
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/COLUMNS.md")).unwrap();
    assert!(
        committed == po_core::io::read::column_reference_markdown(po_core::Language::En),
        "examples/COLUMNS.md is stale: regenerate it with `po schema > examples/COLUMNS.md`"
    );
}

/// A sheet named `name` holding a `;`-separated CSV's cells as text (as a spreadsheet that
/// opened the export holds them).
pub(crate) fn sheet_of_csv(book: &mut rust_xlsxwriter::Workbook, name: &str, csv: &str) {
    let sheet = book.add_worksheet().set_name(name).unwrap();
    for (i, line) in csv.lines().enumerate() {
        for (j, cell) in line.split(';').enumerate() {
            if !cell.is_empty() {
                let (r, c) = (u32::try_from(i).unwrap(), u16::try_from(j).unwrap());
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
}

#[test]
fn a_workbook_of_exports_is_checked_and_reported_and_the_report_is_a_workbook() {
    let dir = scratch("workbook");
    let mut book = rust_xlsxwriter::Workbook::new();
    for (sheet_name, file) in [("klienter", "clients"), ("Nybesök", "intake")] {
        let text = std::fs::read_to_string(format!("{DATA}/{file}.csv")).unwrap();
        sheet_of_csv(&mut book, sheet_name, &text);
    }
    let path = dir.join("export.xlsx");
    book.save(&path).unwrap();
    let r = po(&["check", path.to_str().unwrap()]);
    assert_eq!(
        text(&r.stdout),
        "No problems: 240 clients, 180 intake visits, 0 deviations, 0 staff.\n"
    );
    let out = dir.join("out");
    let r = po(&[
        "report",
        path.to_str().unwrap(),
        "--year",
        "2023",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let written = std::fs::read(out.join("report-2023.sv.xlsx")).unwrap();
    let sheets = po_core::io::read::read_workbook(&written, "report").unwrap();
    assert_eq!(sheets[0].name, "Redovisning");
    // The document, the eleven tables, the clients per municipality (no survey in a
    // workbook) and the hidden sheet po.
    assert_eq!(sheets.len(), 14, "and the hidden sheet po");
}

#[test]
fn the_queue_and_the_invoices_as_workbooks() {
    let dir = scratch("xlsx-out");
    let queue = dir.join("queue.xlsx");
    let r = po(&[
        "queue",
        &format!("{DATA}/applicants.csv"),
        "--policy",
        "varmland_2023",
        "--date",
        "2023-10-02",
        "--xlsx",
        queue.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let sheets = po_core::io::read::read_workbook(&std::fs::read(&queue).unwrap(), "q").unwrap();
    assert_eq!(sheets[0].name, "Kö");
    let cells = &sheets[0].frame.batches[0];
    // Frame row 1 is the header row; places follow, as numbers.
    assert_eq!(cells[0].cell(1), Some("Plats"));
    assert_eq!(
        (cells[0].cell(2), cells[1].cell(2)),
        (Some("1"), Some("Q-101"))
    );
    let invoices = dir.join("invoices.xlsx");
    let agreement = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/varmland-2023-agreement.json"
    );
    let r = po(&["costs", agreement, "--xlsx", invoices.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let sheets = po_core::io::read::read_workbook(&std::fs::read(&invoices).unwrap(), "c").unwrap();
    let cells = &sheets[0].frame.batches[0];
    let last = cells[0].len() - 1;
    assert_eq!(cells[0].cell(last), Some("Summa"));
    assert_eq!(cells[4].cell(last), Some("3042151"));
    assert_eq!(cells[6].cell(last), Some("3255102"));
    // Its title in the workbook's language (was the stamp's English words; issue 32).
    assert_eq!(sheets[0].name, "Fakturor");
    let title = &sheets[0].frame.names[0];
    assert!(
        title.starts_with("Kostnadsfördelning 2023: kommunernas nettokostnad"),
        "{title}"
    );
}

#[test]
fn files_not_read_are_named() {
    let r = po(&["check", DATA]);
    assert_eq!(
        text(&r.stderr),
        "po: not read: applicants.csv, clients.csv, deviations.csv, intake.csv, staff.csv, \
         survey.csv (register.json is read, so neither the exports beside it nor files of other \
         names are)\n"
    );
}

#[test]
fn queue_reads_a_workbook_too() {
    let dir = scratch("queue-xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Kö").unwrap();
    let csv = std::fs::read_to_string(format!("{DATA}/applicants.csv")).unwrap();
    for (i, line) in csv.lines().enumerate() {
        for (j, cell) in line.split(';').enumerate() {
            if !cell.is_empty() {
                let (r, c) = (u32::try_from(i).unwrap(), u16::try_from(j).unwrap());
                let cell = if (i, j) == (3, 1) { "1961-02-30" } else { cell };
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    let path = dir.join("queue.xlsx");
    book.save(&path).unwrap();
    let args = [
        "queue",
        path.to_str().unwrap(),
        "--policy",
        "varmland_2023",
        "--date",
        "2023-10-02",
    ];
    let r = po(&args);
    // Row 4 of the sheet has an impossible birth date: located by sheet, row and column.
    assert_eq!(r.status.code(), Some(1), "{}", text(&r.stderr));
    assert!(text(&r.stdout).starts_with(
        "queue.xlsx [Kö], row 4, column \"birth_date\": expected a date YYYY-MM-DD, got \"1961-02-30\""
    ), "{}", text(&r.stdout));
}

#[test]
fn services_write_submissions_and_the_county_compiles_them() {
    // Two services of Värmland submit (the bundled exports, under two names and
    // municipalities); a third submission is the flat form with the wrong year.
    let submissions = scratch("submissions");
    for (name, municipalities) in [("PO Karlstad", "1780,1761"), ("PO Arvika", "1784")] {
        let out = scratch(&format!("report-{municipalities}"));
        let r = po(&[
            "report",
            DATA,
            "--year",
            "2023",
            "--survey-sent",
            "95",
            "--service",
            name,
            "--municipalities",
            municipalities,
            "--positions-decided",
            "2,5",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
        assert!(text(&r.stdout).contains("submission-2023.json"));
        let json = std::fs::read_to_string(out.join("submission-2023.json")).unwrap();
        assert!(json.contains("\"schema\": \"po-submission/4\""), "{json}");
        // Exact counts, marked, with the report as published beside them.
        let s = po_core::chain::Submission::from_json(&json).unwrap();
        assert!(s.is_exact() && s.confidential.as_deref() == Some(po_core::chain::CONFIDENTIAL));
        let published = s.published.as_ref().unwrap();
        assert_eq!(
            published.protection,
            po_core::disclosure::Protection::Threshold { k: 3 }
        );
        assert_eq!(
            s.report.active_clients.total,
            published.active_clients.total
        );
        let csv = std::fs::read_to_string(out.join("submission-2023.csv")).unwrap();
        assert!(csv.starts_with("\u{feff}section;row;column;value\nservice;;;"));
        assert!(csv.contains("\nconfidential;;;Konfidentiellt"), "{csv}");
        // The flat form carries the same: exact counts and the published report.
        let flat = po_core::io::read::read_flat_submission(&csv).unwrap();
        assert_eq!(flat.report.active_clients, s.report.active_clients);
        assert_eq!(
            flat.published.as_ref().unwrap().deviations_by_counterpart,
            published.deviations_by_counterpart
        );
        let stem = municipalities.replace(',', "-");
        std::fs::copy(
            out.join("submission-2023.json"),
            submissions.join(format!("{stem}.json")),
        )
        .unwrap();
        if name == "PO Arvika" {
            // The flat form of the same service, a year late: a finding, and counted once more.
            let late = csv.replace("year;;;2023", "year;;;2022");
            std::fs::write(submissions.join("late.csv"), late).unwrap();
        }
    }
    let out = scratch("compilation");
    let r = po(&[
        "compile",
        submissions.to_str().unwrap(),
        "--year",
        "2023",
        "--county",
        "Värmlands län",
        "--format",
        "md,html,xlsx,json",
        "--out",
        out.to_str().unwrap(),
    ]);
    let (stdout, stderr) = (text(&r.stdout), text(&r.stderr));
    // Issue 34: the late flat form (2022) is left out, named with its file, and the two others
    // are compiled and written; the status says a submission was left out.
    assert_eq!(r.status.code(), Some(1), "{stderr}{stdout}");
    assert!(
        stdout.contains("3 submission(s), 2 compiled (protected at k = 3), 1 left out"),
        "{stdout}"
    );
    assert!(
        stderr.contains("late.csv): left out of the compilation: the submission is for 2022 (its report for 2022), not 2023"),
        "{stderr}"
    );
    // Findings name the service and its file.
    assert!(
        stdout.contains("1780-1761.json): 10 § 3 is missing"),
        "{stdout}"
    );
    let md = std::fs::read_to_string(out.join("compilation-2023-17.sv.md")).unwrap();
    // Issue 34 point 3: what was left out and the findings are the analyst's, in a file of
    // their own, not in the publication.
    let findings = std::fs::read_to_string(out.join("compilation-2023-17.findings.sv.md")).unwrap();
    assert!(
        findings.contains("## Lämnades utanför summorna\n\n- PO Arvika ("),
        "{findings}"
    );
    assert!(findings.contains("Publiceras inte."), "{findings}");
    assert!(
        !md.contains("Lämnades utanför") && !md.contains("10 § 3 saknas"),
        "{md}"
    );
    // Neither service reported a leadership group: said as such, not as "lacking: 0" alone.
    assert!(
        md.contains("- Verksamheter som inte redovisat någon ledningsgrupp (10 § 4): 2\n"),
        "{md}"
    );
    assert!(
        md.starts_with("# Redovisning av verksamhet med personligt ombud 2023 – Värmlands län\n"),
        "{md}"
    );
    assert!(md.contains("- PO Karlstad: Karlstad, Hammarö"), "{md}");
    let html = std::fs::read_to_string(out.join("compilation-2023-17.sv.html")).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    let book = std::fs::read(out.join("compilation-2023-17.sv.xlsx")).unwrap();
    assert_eq!(&book[..2], b"PK");
    // The analyst's findings in each document format asked for, apart from the publication.
    let html = std::fs::read_to_string(out.join("compilation-2023-17.findings.sv.html")).unwrap();
    assert!(
        html.contains("<h2>Lämnades utanför summorna</h2>\n<ul><li>PO Arvika (")
            && html.contains("Publiceras inte.")
            && html.contains("<html lang=\"sv\">"),
        "{html}"
    );
    let book = std::fs::read(out.join("compilation-2023-17.findings.sv.xlsx")).unwrap();
    let sheets = po_core::io::read::read_workbook(&book, "findings.xlsx").unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].name, "Fynd");
    let frame = &sheets[0].frame;
    assert_eq!(
        frame.names,
        ["Redovisning av verksamhet med personligt ombud 2023 – Värmlands län"]
    );
    let rows: Vec<&str> = frame
        .batches
        .iter()
        .flat_map(|b| (0..b[0].len()).filter_map(|r| b[0].cell(r)))
        .collect();
    let left = rows.iter().position(|r| *r == "Lämnades utanför summorna");
    let item = left.and_then(|i| rows.get(i + 1)).copied().unwrap_or("");
    assert!(item.starts_with("PO Arvika ("), "{rows:?}");
    assert!(
        rows.iter().any(|r| r.contains("): 10 § 3 saknas")),
        "{rows:?}"
    );
    // And not in the publication's own workbook.
    let published = po_core::io::read::read_workbook(
        &std::fs::read(out.join("compilation-2023-17.sv.xlsx")).unwrap(),
        "compilation.xlsx",
    )
    .unwrap();
    assert!(published.iter().all(|s| s.name != "Fynd"));
    let json = std::fs::read_to_string(out.join("compilation-2023-17.json")).unwrap();
    assert!(json.contains("\"protection\""), "{json}");

    // Every county and the nation in one run, protected together.
    let all = scratch("compilation-all");
    let r = po(&[
        "compile",
        submissions.to_str().unwrap(),
        "--year",
        "2023",
        "--county",
        "all",
        "--format",
        "json",
        "--out",
        all.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(1), "{}", text(&r.stderr));
    for place in ["17", "riket"] {
        let c: po_core::chain::Compilation = serde_json::from_slice(
            &std::fs::read(all.join(format!("compilation-2023-{place}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(c.services.len(), 2);
        // What was left out is in the analyst's file, not in the published JSON.
        let analyst: serde_json::Value = serde_json::from_slice(
            &std::fs::read(all.join(format!("compilation-2023-{place}.findings.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(analyst["left_out"].as_array().unwrap().len(), 1, "{place}");
        // The county is the nation here: one choice of hidden cells, the county's as above.
        let county: po_core::chain::Compilation = serde_json::from_str(&json).unwrap();
        assert_eq!(c.tables, county.tables, "{place}");
    }

    // A submission that cannot be read is left out and named; the rest is compiled.
    std::fs::write(submissions.join("broken.json"), "{").unwrap();
    let broken = scratch("compilation-broken");
    let r = po(&[
        "compile",
        submissions.to_str().unwrap(),
        "--year",
        "2023",
        "--format",
        "json",
        "--out",
        broken.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        text(&r.stderr).contains("broken.json): left out of the compilation: it cannot be read"),
        "{}",
        text(&r.stderr)
    );
    let c: po_core::chain::Compilation =
        serde_json::from_slice(&std::fs::read(broken.join("compilation-2023-riket.json")).unwrap())
            .unwrap();
    // The published JSON has no findings (issue 34 point 3); the analyst's file has them.
    assert_eq!(
        (c.services.len(), c.left_out.len(), c.findings.len()),
        (2, 0, 0)
    );
    let analyst: serde_json::Value = serde_json::from_slice(
        &std::fs::read(broken.join("compilation-2023-riket.findings.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(analyst["left_out"].as_array().unwrap().len(), 2);
    assert!(!analyst["findings"].as_array().unwrap().is_empty());
    let r = po(&["compile", submissions.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("--year is required"));
}

#[test]
fn the_report_states_policy_leadership_and_population_key_when_given() {
    // 10 § 3 and 4 and the population key come from files a service has beside its exports.
    let dir = scratch("report-given");
    let population = dir.join("befolkning.csv");
    std::fs::write(
        &population,
        "region;ålder;2023\n1715 Kil;17 år;500\n1715 Kil;18 år;9 000\n1780 Karlstad;40 år;91000\n",
    )
    .unwrap();
    let out = dir.join("out");
    let leadership = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/varmland-2023-leadership.json"
    );
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--format",
        "md",
        "--policy",
        "varmland_2023",
        "--leadership",
        leadership,
        "--population",
        population.to_str().unwrap(),
        "--municipalities",
        "1780",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let md = std::fs::read_to_string(out.join("report-2023.sv.md")).unwrap();
    assert!(!md.contains("Ingen prioriteringsordning angiven"), "{md}");
    assert!(md.contains("PO Värmland 2023 (seed 003"), "{md}");
    assert!(md.contains("Ledningsgruppen uppfyller 5 §"), "{md}");
    // Kil has 9 000 of the key's 100 000 adults (the 17-year-olds are not in it); a
    // municipality with clients but no row in the key shows "–".
    assert!(md.contains("| Kil (1715) | 10 | 4,17 | 9,00 |\n"), "{md}");
    assert!(md.contains("| Arvika (1784) |"), "{md}");
    assert!(!md.contains("Ingen befolkningsnyckel angiven"), "{md}");
    // Its submission lacks no part of 10 §: compiled alone, no finding says so.
    let subs = dir.join("subs");
    std::fs::create_dir_all(&subs).unwrap();
    std::fs::copy(out.join("submission-2023.json"), subs.join("s.json")).unwrap();
    let compiled = dir.join("compiled");
    let r = po(&[
        "compile",
        subs.to_str().unwrap(),
        "--year",
        "2023",
        "--out",
        compiled.to_str().unwrap(),
    ]);
    let stdout = text(&r.stdout);
    assert_eq!(r.status.code(), Some(0), "{}{stdout}", text(&r.stderr));
    assert!(!stdout.contains("10 § 3 is missing"), "{stdout}");
    assert!(!stdout.contains("10 § 4 is missing"), "{stdout}");

    // The leadership file must be one; a policy that is neither a file nor a preset is usage.
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--leadership",
        population.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(3));
    assert!(
        text(&r.stderr).contains("not a leadership group"),
        "{}",
        text(&r.stderr)
    );
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--policy",
        "no_such_policy",
    ]);
    assert_eq!(r.status.code(), Some(2), "{}", text(&r.stderr));
}

/// Issue 31: `po report --ledger` protects a report together with what was published before
/// and records it; a ledger that exists is not passed over silently, nor read when edited.
#[test]
fn report_with_a_ledger_records_each_publication_and_refuses_to_pass_it_over() {
    let out = scratch("ledger");
    let o = out.to_str().unwrap();
    let ledger = out.join("po-ledger-2023.json");
    let l = ledger.to_str().unwrap();
    let base = [
        "report", DATA, "--year", "2023", "--format", "json", "--out", o,
    ];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend(extra);
        po(&args)
    };
    let r = with(&["--ledger", l]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert!(text(&r.stdout).contains("po-ledger-2023.json"));
    // The same report at k = 5, protected with the first: recorded as the second publication.
    let r = with(&["--ledger", l, "--k", "5"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ledger).unwrap()).unwrap();
    assert_eq!(json["schema"], "po-ledger/1");
    assert_eq!(json["publications"].as_array().unwrap().len(), 2);
    assert_eq!(json["publications"][1]["k"], 5);
    // The ledger exists: publishing without it is a choice made by name.
    let r = with(&[]);
    assert_eq!(r.status.code(), Some(2));
    assert!(
        text(&r.stderr).contains("--without-ledger"),
        "{}",
        text(&r.stderr)
    );
    let r = with(&["--without-ledger"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    // An edited ledger is refused.
    let edited =
        std::fs::read_to_string(&ledger)
            .unwrap()
            .replacen("\"count\": ", "\"count\": 9", 1);
    std::fs::write(&ledger, edited).unwrap();
    let r = with(&["--ledger", l]);
    assert_eq!(r.status.code(), Some(3));
    assert!(
        text(&r.stderr).contains("does not match its hash"),
        "{}",
        text(&r.stderr)
    );
}

/// Issue 31 point 4: `po audit` reads published reports together: the report at k = 3 and at
/// k = 5 as one register's (every count both show is one number), audited by default at the
/// smallest k they promise; at k = 5 the k = 3 report's counts of 3 and 4 are listed where they
/// are published. A ledger is confidential: refused when named, skipped in a directory.
#[test]
fn audit_reads_published_reports_together() {
    let out = scratch("audit");
    let ledger = out.join("po-ledger-2023.json");
    let l = ledger.to_str().unwrap().to_owned();
    let report = |dir: &str, extra: &[&str]| {
        let d = out.join(dir);
        let mut args = vec![
            "report",
            DATA,
            "--year",
            "2023",
            "--format",
            "json",
            "--out",
            d.to_str().unwrap(),
            "--ledger",
            &l,
        ];
        args.extend(extra);
        let r = po(&args);
        assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
        d.to_str().unwrap().to_owned()
    };
    let dirs = [report("k3", &[]), report("k5", &["--k", "5"])];
    let r = po(&["audit", &dirs[0], &dirs[1]]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stdout));
    let stdout = text(&r.stdout);
    assert!(
        stdout.contains("2 documents") && stdout.contains("k = 3"),
        "{stdout}"
    );
    assert!(
        stdout.contains("counts of the same service and year taken as one"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Nothing can be computed or shown to be 1..2."),
        "{stdout}"
    );
    let r = po(&["audit", &dirs[0], &dirs[1], "--k", "5"]);
    assert_eq!(r.status.code(), Some(1), "{}", text(&r.stderr));
    let stdout = text(&r.stdout);
    assert!(
        stdout.contains("k3/report-2023.json: ") && stdout.contains("is published as 3"),
        "{stdout}"
    );
    assert!(
        !stdout
            .lines()
            .any(|l| l.contains("k5/report-2023.json: ") && l.contains("is published")),
        "{stdout}"
    );
    // The ledger is confidential: refused when named, skipped in a directory.
    let r = po(&["audit", &l]);
    assert_eq!(r.status.code(), Some(3));
    assert!(
        text(&r.stderr).contains("confidential"),
        "{}",
        text(&r.stderr)
    );
    std::fs::copy(&ledger, out.join("k3").join("po-ledger-2023.json")).unwrap();
    let r = po(&["audit", &dirs[0]]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert!(text(&r.stderr).contains("skipped"), "{}", text(&r.stderr));
}

/// Issue 31 point 4: `po audit` reads what `po report` publishes in every form — the JSON, the
/// CSV tables (their directory, placed by about.csv) and the workbooks — as one service's
/// numbers; the CSV tables alone at k = 5 list their counts of 3 and 4 where they are.
#[test]
fn audit_reads_csv_tables_and_workbooks() {
    let out = scratch("audit-forms");
    let dir = out.join("published");
    let d = dir.to_str().unwrap();
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--format",
        "json,csv,xlsx",
        "--out",
        d,
        "--without-ledger",
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert!(dir.join("tables-2023").join("about.csv").is_file());
    let books = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "xlsx")
        })
        .count();
    assert!(books >= 1);
    let r = po(&["audit", d]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stdout));
    let stdout = text(&r.stdout);
    assert!(
        stdout.contains(&format!("{} documents", 2 + books)),
        "{stdout}"
    );
    let joined = stdout.matches("taken as one").count();
    assert_eq!(joined, (2 + books) * (1 + books) / 2, "{stdout}");
    // Every pair shares its counts (labels read back from English as the tables hold them).
    assert!(!stdout.contains(": 0 counts"), "{stdout}");
    let tables = dir.join("tables-2023");
    let r = po(&["audit", tables.to_str().unwrap(), "--k", "5"]);
    assert_eq!(r.status.code(), Some(1), "{}", text(&r.stderr));
    let stdout = text(&r.stdout);
    assert!(
        stdout.contains("tables-2023: ") && stdout.contains("is published as 3"),
        "{stdout}"
    );
    let csv = tables.join("active_clients.csv");
    let r = po(&["audit", csv.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(3));
    assert!(
        text(&r.stderr).contains("read with its directory"),
        "{}",
        text(&r.stderr)
    );
}

/// Issue 32: the exports named one by one, the survey among them, without the number of
/// surveys sent: the command says which option to pass, not "row 0, column sent".
#[test]
fn the_survey_without_its_sent_count_names_the_option() {
    let files: Vec<String> = ["clients", "survey"]
        .iter()
        .map(|f| format!("{DATA}/{f}.csv"))
        .collect();
    let r = po(&["check", &files[0], &files[1]]);
    assert_eq!(r.status.code(), Some(2), "{}", text(&r.stdout));
    assert!(
        text(&r.stderr).contains("pass --survey-sent N"),
        "{}",
        text(&r.stderr)
    );
    let r = po(&["check", &files[0], &files[1], "--survey-sent", "95"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
}

/// Issue 32 point 6: an export as Excel leaves it — a trailing empty column on every line and
/// rows of only separators below the data — reports as the clean export does (the same JSON);
/// a value under the unnamed column is a problem naming its row and the column's place.
#[test]
fn a_careless_export_reports_as_the_clean_one() {
    let dir = scratch("careless");
    let clean = std::fs::read_to_string(format!("{DATA}/clients.csv")).unwrap();
    let separators = ";".repeat(clean.lines().next().unwrap().matches(';').count() + 1);
    let careless: String = clean
        .lines()
        .map(|l| format!("{l};\n"))
        .chain([format!("{separators}\n"), format!("{separators}\n")])
        .collect();
    std::fs::write(dir.join("clients.csv"), &careless).unwrap();
    let report = |clients: &str, out: &str| {
        let o = po(&[
            "report", clients, "--year", "2023", "--format", "json", "--out", out,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        std::fs::read_to_string(Path::new(out).join("report-2023.json")).unwrap()
    };
    let (a, b) = (dir.join("a"), dir.join("b"));
    assert_eq!(
        report(&format!("{DATA}/clients.csv"), a.to_str().unwrap()),
        report(
            dir.join("clients.csv").to_str().unwrap(),
            b.to_str().unwrap()
        )
    );
    let oops: String = careless
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 2 {
                format!("{l}oops\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(dir.join("clients.csv"), oops).unwrap();
    let o = po(&["check", dir.join("clients.csv").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let column = clean.lines().next().unwrap().matches(';').count() + 2;
    assert!(
        out.contains(&format!(
            "clients.csv, row 3, column \"{column} (no name)\""
        )),
        "{out}"
    );
}

/// Issue 32 point 2: a Swedish document names its parts in Swedish and an English one in
/// English — the hidden numbers per table and the workbook's sheets, never po's machine names
/// (`active_clients` …), which the JSON keeps.
#[test]
fn documents_name_their_tables_in_their_language() {
    let out = scratch("languages");
    let o = out.to_str().unwrap();
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--survey-sent",
        "95",
        "--format",
        "md,xlsx",
        "--lang",
        "sv,en",
        "--out",
        o,
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let machine: Vec<&str> = po_core::report::ReportTable::ALL
        .iter()
        .map(|t| t.name())
        .chain(["clients_per_municipality", "survey"])
        .collect();
    for (lang, hidden, first) in [
        (
            "sv",
            "Dolda tal per tabell: Aktuella klienter 4, Nya klienter 4,",
            "Aktuella klienter",
        ),
        (
            "en",
            "Hidden numbers per table: Active clients 4, New clients 4,",
            "Active clients",
        ),
    ] {
        let md = std::fs::read_to_string(out.join(format!("report-2023.{lang}.md"))).unwrap();
        assert!(md.contains(hidden), "{md}");
        // English prose says "survey" and "assignments" as words; machine names have `_`.
        for name in machine.iter().filter(|n| lang == "sv" || n.contains('_')) {
            assert!(!md.contains(name), "{lang}: {name} in the Markdown");
        }
        let xlsx = std::fs::read(out.join(format!("report-2023.{lang}.xlsx"))).unwrap();
        let sheets = po_core::io::read::read_workbook(&xlsx, "report.xlsx").unwrap();
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names.get(1), Some(&first), "{names:?}");
        // The document, the eleven tables, the clients per municipality, the survey and the
        // hidden sheet po.
        assert_eq!(names.len(), 15);
        for name in &machine {
            assert!(!names.contains(name), "{lang}: sheet {name}");
        }
    }
}

/// Issue 34 point 4: anyone can compile the SYNTHETIC nation — `po synthetic-nation` writes 106
/// exact submissions and `po compile` reads them into the national report, every service
/// compiled.
#[test]
fn the_synthetic_nation_compiles_from_the_command() {
    let dir = scratch("synthetic-nation");
    let submissions = dir.join("submissions");
    let r = po(&["synthetic-nation", "--out", submissions.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert!(text(&r.stdout).starts_with("106 SYNTHETIC submissions for 2023"));
    assert_eq!(std::fs::read_dir(&submissions).unwrap().count(), 106);
    let compile_into = |out: &std::path::Path, more: &[&str]| {
        let mut args = vec!["compile", submissions.to_str().unwrap(), "--year", "2023"];
        args.extend(more);
        args.extend(["--out", out.to_str().unwrap()]);
        po(&args)
    };
    let out = dir.join("national");
    let r = compile_into(&out, &["--format", "md,json"]);
    let stdout = text(&r.stdout);
    assert!(
        stdout.contains("106 submission(s), 106 compiled (protected at k = 3), 0 left out"),
        "{stdout}{}",
        text(&r.stderr)
    );
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(written.iter().any(|f| f.ends_with(".md")), "{written:?}");
    // Seed 001's table 2 and its counts from what the SYNTHETIC submissions say (issue 34):
    // seven services run by six organisations, 100 of 106 with a priority order and routines.
    let md = std::fs::read_to_string(out.join("compilation-2023-riket.sv.md")).unwrap();
    assert!(
        md.contains("| SYNTETISKA stiftelsen Diakoni | Stiftelse | Uppsala, Västra Götaland |"),
        "{md}"
    );
    assert_eq!(md.matches("| SYNTETISKA ").count(), 6, "{md}");
    assert!(md.contains("(10 § 3): 100 av 106\n"), "{md}");
    assert!(md.contains("till ledningsgruppen: 100 av 106\n"), "{md}");
    assert!(
        md.contains("- Statsbidrag beviljat (106 verksamheter), kr: "),
        "{md}"
    );
    // The ombud by gender and annex 1 from the same submissions.
    assert!(md.contains("Ombud efter kön: "), "{md}");
    assert_eq!(
        md.matches("**Bilaga 1. Rapporterade brister från verksamheterna: ")
            .count(),
        3
    );
    assert!(md.contains("| Svårt att få god man | Klienter som behöver stöd med sin ekonomi hamnar i skulder. |"), "{md}");
    // With the national budget, table 5: the grant paid is the services' (10 positions each
    // at 300 180 kr), a tenth repaid by every tenth service.
    let budget = dir.join("budget-2023.json");
    std::fs::write(
        &budget,
        r#"{"year": 2023, "total": "330000000", "socialstyrelsen_admin": "1500000",
            "county_boards_admin": "3000000", "spent_socialstyrelsen": "1500000",
            "spent_county_boards": "3000000"}"#,
    )
    .unwrap();
    let with_budget = dir.join("with-budget");
    let r = compile_into(
        &with_budget,
        &["--format", "md", "--budget", budget.to_str().unwrap()],
    );
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let md = std::fs::read_to_string(with_budget.join("compilation-2023-riket.sv.md"))
        .unwrap()
        .replace('\u{a0}', " ");
    // 106 × 3 001 800 = 318 190 800 paid; 10 services repay 300 180 each = 3 001 800.
    assert!(
        md.contains("| Ombudstjänster, statsbidrag | 325 500 000 | 318 190 800 |"),
        "{md}"
    );
    assert!(md.contains("| Återbetalning |  | -3 001 800 |"), "{md}");
}

/// Issue 32 point 6: a client starting after the report year is in no table of it, and the
/// command says so (the published report does not: a count of one); a start after today is a
/// problem of its row (a mistyped year; 2099 here, so that the test holds for decades).
#[test]
fn clients_of_other_years_are_said_and_future_starts_are_problems() {
    let dir = scratch("other-years");
    let clean = std::fs::read_to_string(format!("{DATA}/clients.csv")).unwrap();
    let column = clean
        .lines()
        .next()
        .unwrap()
        .split(';')
        .position(|c| c == "started_on")
        .unwrap();
    let with_start = |start: &str| -> String {
        clean
            .lines()
            .enumerate()
            .map(|(i, l)| {
                let mut f: Vec<&str> = l.split(';').collect();
                if i == 3 {
                    f[column] = start;
                }
                f.join(";") + "\n"
            })
            .collect()
    };
    let clients = dir.join("clients.csv");
    std::fs::write(&clients, with_start("2024-02-26")).unwrap();
    let out = dir.join("out");
    let r = po(&[
        "report",
        clients.to_str().unwrap(),
        "--year",
        "2023",
        "--format",
        "md",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert!(
        text(&r.stderr).contains(
            "239 of 240 clients are counted for 2023; 1 started after 2023 and 0 ended before it"
        ),
        "{}",
        text(&r.stderr)
    );
    assert!(text(&r.stdout).starts_with("The 2023 report of 239 clients"));
    std::fs::write(&clients, with_start("2099-02-26")).unwrap();
    let r = po(&["check", clients.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        text(&r.stdout)
            .contains("clients.csv, row 4, column \"started_on\": starts 2099-02-26, after today"),
        "{}",
        text(&r.stdout)
    );
}

/// Issue 34 point 2: `po report --municipalities` puts who runs the service and its routines
/// into the submission, and says what the national report asks for that it lacks.
#[test]
fn the_submission_says_who_runs_the_service_and_what_it_lacks() {
    let out = scratch("submission-provider");
    let args = [
        "report",
        DATA,
        "--year",
        "2023",
        "--survey-sent",
        "95",
        "--municipalities",
        "1780",
        "--provider",
        "Stiftelsen Parasoll",
        "--provider-type",
        "Stiftelse",
        "--format",
        "json",
        "--out",
    ];
    let mut args = args.to_vec();
    args.push(out.to_str().unwrap());
    let r = po(&args);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let stderr = text(&r.stderr);
    assert!(
        stderr.contains("po report: the submission lacks whether the service has routines for reporting shortcomings to its leadership group (--deviation-routines ja|nej)"),
        "{stderr}"
    );
    assert!(stderr.contains("the submission lacks the priority order (--policy)"));
    let json = std::fs::read_to_string(out.join("submission-2023.json")).unwrap();
    let s = po_core::chain::Submission::from_json(&json).unwrap();
    let provider = s.provider.unwrap();
    assert_eq!(
        (provider.name.as_str(), provider.organisation),
        (
            "Stiftelsen Parasoll",
            po_core::organisation::ProviderType::Foundation
        )
    );
    assert_eq!(s.deviation_routines, None);
    // Said: no note; a name without its kind, or an identity number in it, is refused.
    args.extend(["--deviation-routines", "ja", "--policy", "national_2019"]);
    let r = po(&args);
    assert!(
        !text(&r.stderr).contains("routines for reporting"),
        "{}",
        text(&r.stderr)
    );
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--municipalities",
        "1780",
        "--provider",
        "X",
    ]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("--provider and --provider-type go together"));
    let person: Vec<&str> = args
        .iter()
        .map(|&a| match a {
            "Stiftelsen Parasoll" => "Kalle 19850412-1230",
            a => a,
        })
        .collect();
    let r = po(&person);
    assert_eq!(r.status.code(), Some(2));
    assert!(
        text(&r.stderr)
            .starts_with("po report: --provider: contains what looks like a personnummer"),
        "{}",
        text(&r.stderr)
    );
    assert!(!text(&r.stderr).contains("1230"), "{}", text(&r.stderr));
    // Without a submission the details would go nowhere: refused.
    let r = po(&[
        "report",
        DATA,
        "--year",
        "2023",
        "--deviation-routines",
        "ja",
    ]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("give --municipalities"));
}

/// Issue 34 point 2: `po report --shortcomings FILE` puts the service's shortcomings for
/// seed 001's annex 1 into the submission (JSON and flat form); a file with an identity number
/// in a text is refused naming the file, row and column as written, never the number; without
/// it, the submission's note says it lacks them.
#[test]
fn the_submission_carries_the_shortcomings_for_annex_1() {
    let out = scratch("submission-shortcomings");
    let file = out.join("brister.csv");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        &file,
        "Motpart;Brist;Konsekvens för den enskilde\n\
         Psykiatrin;Brist på läkartider;Långa väntetider\n\
         Försäkringskassan;Höga krav på läkarintyg;Avslag på ansökningar\n",
    )
    .unwrap();
    let base = [
        "report",
        DATA,
        "--year",
        "2023",
        "--municipalities",
        "1780",
        "--format",
        "json",
        "--out",
    ];
    let mut args = base.to_vec();
    args.push(out.to_str().unwrap());
    let r = po(&args);
    assert!(
        text(&r.stderr).contains("the submission lacks the shortcomings for the national report's annex 1 (--shortcomings FILE)"),
        "{}",
        text(&r.stderr)
    );
    args.extend(["--shortcomings", file.to_str().unwrap()]);
    let r = po(&args);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert!(!text(&r.stderr).contains("annex 1"), "{}", text(&r.stderr));
    let json = std::fs::read_to_string(out.join("submission-2023.json")).unwrap();
    let s = po_core::chain::Submission::from_json(&json).unwrap();
    assert_eq!(s.shortcomings.len(), 2);
    assert_eq!(
        s.shortcomings[1].counterpart,
        po_core::codes::Counterpart::Forsakringskassan
    );
    let flat = std::fs::read_to_string(out.join("submission-2023.csv")).unwrap();
    assert!(flat
        .contains("shortcoming;forsakringskassan;Höga krav på läkarintyg;Avslag på ansökningar\n"));
    std::fs::write(
        &file,
        "Motpart;Brist;Konsekvens för den enskilde\nPsykiatrin;Brist;Gäller 19850412-1230\n",
    )
    .unwrap();
    let r = po(&args);
    assert_eq!(r.status.code(), Some(2));
    let stderr = text(&r.stderr);
    assert!(
        stderr.contains("brister.csv")
            && stderr.contains("row 2")
            && stderr.contains("Konsekvens för den enskilde"),
        "{stderr}"
    );
    assert!(!stderr.contains("1230"), "{stderr}");
}
