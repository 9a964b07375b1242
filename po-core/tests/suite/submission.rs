//! A service's 10 § submission and the county analyst's checks of it (issue 17).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use po_core::chain::{validate_submission, validate_submissions, Submission};
use po_core::io::read::read_register_json;
use po_core::organisation::MunicipalityCode;
use po_core::priority::PriorityPolicy;
use po_core::report::{annual_report, AnnualReport, Cell, ReportOptions};
use rust_decimal::Decimal;

const REGISTER: &str = include_str!("../../../examples/data/synthetic-2023/register.json");

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

fn report() -> AnnualReport {
    let register = read_register_json(REGISTER, "register.json").unwrap();
    let options = ReportOptions {
        year: 2023,
        service_name: "PO Värmland (SYNTHETIC)".into(),
        priority_policy: Some(PriorityPolicy::varmland_2023()),
        leadership_group: Some(po_core::reference::varmland::leadership_group_2023()),
        ..ReportOptions::default()
    };
    annual_report(&register, &options).unwrap()
}

fn submission() -> Submission {
    let r = report();
    let positions = r.staff.positions;
    Submission::new(
        code("1780"),
        ["1780", "1784", "1715"].map(code).to_vec(),
        Some(positions),
        r,
    )
}

#[test]
fn a_complete_submission_has_no_findings_and_reads_back() {
    let s = submission();
    assert_eq!(validate_submission(&s, 2023), Vec::new());
    let back = Submission::from_json(&s.to_json()).unwrap();
    assert_eq!(back, s);
    let wrong = s.to_json().replace("po-submission/2", "po-submission/0");
    assert_eq!(
        Submission::from_json(&wrong).unwrap_err().to_string(),
        "submission: schema \"po-submission/0\", expected \"po-submission/2\""
    );
    // The first version (no exact counts, no published report) is still read.
    let first = s.to_json().replace("po-submission/2", "po-submission/1");
    assert_eq!(Submission::from_json(&first).unwrap(), s);
}

#[test]
fn every_kind_of_finding_is_located() {
    let mut s = submission();
    s.year = 2022;
    s.host = code("1761");
    s.positions_decided = Some(Decimal::from(12));
    s.grant = Some(po_core::chain::GrantFigures {
        decided: Decimal::from(100),
        paid: Decimal::from(120),
        repaid: Decimal::ZERO,
    });
    let r = &mut s.report;
    r.priority_policy = None;
    r.leadership = None;
    // A totals row that does not add up (as seed 001 table 3's), a new count above the
    // active one, a contact reason and clients with children above the gender's clients.
    r.active_clients.column_totals[0] = match r.active_clients.column_totals[0] {
        Cell::Count(n) => Cell::Count(n + 1),
        hidden => hidden,
    };
    r.new_clients.cells[0][0] = Cell::Count(999);
    r.contact_reasons.cells[0][0] = Cell::Count(998);
    r.children_at_home.cells[0][0] = Cell::Count(997);
    r.children_at_home.row_totals[0] = Cell::Count(997);
    let found: Vec<String> = validate_submission(&s, 2023)
        .iter()
        .map(|f| format!("{}: {}", f.about, f.reason))
        .collect();
    let has = |text: &str| found.iter().any(|f| f.contains(text));
    assert!(
        has("the submission is for 2022 (its report for 2023), not 2023"),
        "{found:#?}"
    );
    assert!(has("the host 1761 is not among its municipalities"));
    assert!(
        has("active_clients: column \"18–29 år\": the cells sum to"),
        "{found:#?}"
    );
    assert!(
        has("new_clients: Kvinna 18–29 år: 999, more than the"),
        "{found:#?}"
    );
    assert!(has("more than the 146 active Kvinna clients"), "{found:#?}");
    assert!(
        has("children_at_home: with children at home, Kvinna: 997 clients, more than the 146 active Kvinna clients"),
        "{found:#?}"
    );
    assert!(has("10 § 3 is missing"));
    assert!(has("10 § 4 is missing"));
    assert!(has("positions reported, the grant was decided for 12"));
    assert!(has(
        "the grant does not add up: decided 100, paid 120, repaid 0"
    ));
}

#[test]
fn a_municipality_claimed_by_two_services_is_a_finding() {
    let a = submission();
    let mut b = submission();
    b.service = "PO Grannkommunerna".into();
    b.host = code("1715");
    b.municipalities = vec![code("1715")];
    let found = validate_submissions(&[a, b], 2023);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].about, "1715");
    assert_eq!(
        found[0].reason,
        "claimed by two services: PO Värmland (SYNTHETIC) and PO Grannkommunerna"
    );
    // One service submitting twice is not two services: it would count twice.
    let found = validate_submissions(&[submission(), submission()], 2023);
    let reasons: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.about.as_str(), f.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [(
            "PO Värmland (SYNTHETIC)",
            "2 submissions from one service: each is compiled, so it counts 2 times"
        )]
    );
}

#[test]
fn the_flat_form_reads_back_to_the_same_figures() {
    use po_core::io::read::read_flat_submission;
    use po_core::io::write::to_flat_csv;
    let mut s = submission();
    s.grant = Some(po_core::chain::GrantFigures {
        decided: Decimal::from(3_948_730),
        paid: Decimal::from(3_948_730),
        repaid: Decimal::from(12_000),
    });
    let flat = to_flat_csv(&s);
    // A byte-order mark first, for Excel on Swedish Windows (issue 32 point 4).
    assert!(
        flat.starts_with("\u{feff}section;row;column;value\nservice;;;PO Värmland (SYNTHETIC)\n")
    );
    assert!(flat.contains("\nactive_clients;Kvinna;18–29 år;19\n"));
    assert!(flat.contains("\nactive_clients;Totalt;Totalt;240\n"));
    assert!(flat.contains(";..\n"), "hidden cells are written as ..");
    let back = read_flat_submission(&flat).unwrap();
    assert_eq!(back.service, s.service);
    assert_eq!(
        (back.host, &back.municipalities),
        (s.host, &s.municipalities)
    );
    assert_eq!(
        (back.year, back.grant, back.positions_decided),
        (2023, s.grant, s.positions_decided)
    );
    assert_eq!(back.report.staff.positions, s.report.staff.positions);
    for (a, b) in back.report.tables().iter().zip(s.report.tables()) {
        assert_eq!(*a, b, "{}", b.name);
    }
    // A name with the separator is quoted, and one a spreadsheet would run as a formula is
    // marked as text; both read back as they were.
    for name in [
        "=HYPERLINK(\"http://x\";\"PO\")",
        "PO Norr; Syd",
        "-2+3",
        "@SUM(1)",
    ] {
        let mut named = s.clone();
        named.service = name.to_owned();
        let flat = to_flat_csv(&named);
        let line = flat.lines().nth(1).unwrap();
        assert!(
            !line.contains(";=") && !line.contains(";-") && !line.contains(";@"),
            "{line}"
        );
        assert_eq!(read_flat_submission(&flat).unwrap().service, name);
    }
    // The same validation as po's own submissions: only 10 § 4 (no leadership group in the
    // flat form) is asked about.
    let found = validate_submission(&back, 2023);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].reason.starts_with("10 § 4 is missing"));
    // A service without po: margins left out are summed when every cell is given.
    let own = "section;row;column;value\nservice;;;PO Egen\nhost;;;0180\nmunicipalities;;;0180\nyear;;;2023\n\
               active_clients;Kvinna;18–29 år;4\nactive_clients;Man;18–29 år;5\nactive_clients;Man;30–49 år;..\n";
    let t = read_flat_submission(own).unwrap();
    let active = &t.report.active_clients;
    assert_eq!(active.column_totals[0], Cell::Count(9));
    assert_eq!(active.row_totals[1], Cell::Suppressed);
    assert_eq!(active.total, Cell::Suppressed);
    let bad = own.replace(";..\n", ";fem\n");
    let e = read_flat_submission(&bad).unwrap_err();
    assert_eq!(e.line, Some(8));
    assert_eq!(e.to_string(), "line 8: expected a count or .., got \"fem\"");
    let unknown = own.replace("active_clients;Man;30", "aktiva;Man;30");
    assert!(read_flat_submission(&unknown)
        .unwrap_err()
        .to_string()
        .starts_with("line 8: unknown section \"aktiva\""));
}
