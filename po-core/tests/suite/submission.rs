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
    let wrong = s.to_json().replace("po-submission/4", "po-submission/0");
    assert_eq!(
        Submission::from_json(&wrong).unwrap_err().to_string(),
        "submission: schema \"po-submission/0\", expected \"po-submission/4\""
    );
    // The earlier versions (1: no exact counts, no published report; 2: no provider, no
    // routines) are still read.
    for earlier in ["po-submission/1", "po-submission/2"] {
        let old = s.to_json().replace("po-submission/4", earlier);
        assert_eq!(Submission::from_json(&old).unwrap(), s);
    }
}

/// Issue 34 point 2: who runs the service and its routines for shortcomings, in the JSON and
/// the flat form alike; a provider's name holding an identity number is refused, unshown.
#[test]
fn the_provider_and_the_routines_read_back_in_both_forms() {
    use po_core::organisation::{Provider, ProviderType};
    let mut s = submission();
    s.provider = Some(Provider {
        name: "Stiftelsen Parasoll".into(),
        organisation: ProviderType::Foundation,
    });
    s.deviation_routines = Some(true);
    let back = Submission::from_json(&s.to_json()).unwrap();
    assert_eq!(
        (back.provider, back.deviation_routines),
        (s.provider.clone(), Some(true))
    );
    let flat = po_core::io::write::to_flat_csv(&s);
    assert!(
        flat.contains("provider;;;Stiftelsen Parasoll\nprovider_type;;;foundation\n"),
        "{flat}"
    );
    assert!(flat.contains("deviation_routines;;;ja\n"));
    let read = po_core::io::read::read_flat_submission(&flat).unwrap();
    assert_eq!(
        (read.provider, read.deviation_routines),
        (s.provider.clone(), Some(true))
    );
    // The kind by its Swedish label too; a name without its kind is an error.
    let swedish = flat.replace("provider_type;;;foundation", "provider_type;;;Stiftelse");
    assert_eq!(
        po_core::io::read::read_flat_submission(&swedish)
            .unwrap()
            .provider,
        s.provider
    );
    let alone = flat.replace("provider_type;;;foundation\n", "");
    assert_eq!(
        po_core::io::read::read_flat_submission(&alone)
            .unwrap_err()
            .to_string(),
        "submission: the field provider_type is missing"
    );
    let person = s
        .to_json()
        .replace("Stiftelsen Parasoll", "Kalle 19850412-1230");
    let e = Submission::from_json(&person).unwrap_err().to_string();
    assert!(
        e.starts_with("submission: provider.name: contains what looks like a personnummer"),
        "{e}"
    );
    assert!(!e.contains("1230"));
    let routines = flat.replace("deviation_routines;;;ja", "deviation_routines;;;kanske");
    assert!(po_core::io::read::read_flat_submission(&routines)
        .unwrap_err()
        .to_string()
        .contains("deviation_routines: expected ja or nej, got \"kanske\""));
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
            "2 submissions from one service: only the first is compiled"
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

#[test]
fn a_compilation_leaves_out_what_it_cannot_use_and_goes_on() {
    // Issue 34: one bad submission never stops a county's compilation.
    use po_core::chain::compile;
    use po_core::codes::CodeList;
    use po_core::disclosure::Protection;
    use po_core::organisation::County;
    let good = submission().in_file("varmland.json");
    let mut other = submission().in_file("kil.json");
    other.service = "PO Kil".into();
    other.host = code("1715");
    other.municipalities = vec![code("1715")];
    // A total that is not the sum of its cells: the error that used to stop everything.
    let mut contradicting = other.clone().in_file("torsby.json");
    contradicting.service = "PO Torsby".into();
    contradicting.municipalities = vec![code("1737")];
    contradicting.host = code("1737");
    contradicting.report.closed_clients.total = Cell::Count(999);
    let mut late = other.clone().in_file("sunne.json");
    late.service = "PO Sunne".into();
    late.year = 2022;
    let twice = good.clone().in_file("varmland-igen.json");
    let all = [good, contradicting, late, twice, other];
    for protection in [Protection::Unprotected, Protection::Threshold { k: 3 }] {
        let c = compile(&all, 2023, Some(County::parse("17").unwrap()), protection).unwrap();
        let names: Vec<&str> = c.services.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["PO Värmland (SYNTHETIC)", "PO Kil"]);
        let left: Vec<(&str, Option<&str>)> = c
            .left_out
            .iter()
            .map(|f| (f.about.as_str(), f.file.as_deref()))
            .collect();
        assert_eq!(
            left,
            [
                ("PO Torsby", Some("torsby.json")),
                ("PO Sunne", Some("sunne.json")),
                ("PO Värmland (SYNTHETIC)", Some("varmland-igen.json")),
            ]
        );
        let reasons: Vec<&str> = c.left_out.iter().map(|f| f.reason.as_str()).collect();
        assert!(
            reasons[0].starts_with(
                "left out of the compilation: its tables contradict themselves (closed_clients: "
            ),
            "{}",
            reasons[0]
        );
        assert!(reasons[1].ends_with("the submission is for 2022 (its report for 2023), not 2023"));
        assert!(reasons[2]
            .ends_with("a second submission from the service (the first, varmland.json, is used)"));
        // The sums are the two good services'.
        let active = c.tables[0].total.count();
        if protection == Protection::Unprotected {
            assert_eq!(active, Some(480));
        }
        // Findings name the file of the submission they are about.
        assert!(c
            .findings
            .iter()
            .filter(|f| f.about == "PO Kil")
            .all(|f| f.file.as_deref() == Some("kil.json")));
    }
}

#[test]
fn a_flat_form_without_its_figures_is_read_with_findings_and_a_mistyped_field_is_an_error() {
    use po_core::io::read::read_flat_submission;
    let form = "section;row;column;value\nservice;;;PO Egen\nhost;;;1761\nmunicipalities;;;1761\n\
                year;;;2023\nactive_clients;Kvinna;18–29 år;4\n";
    let s = read_flat_submission(form).unwrap();
    assert_eq!(s.missing, ["positions", "ombud"]);
    assert_eq!(
        s.report.staff.ombud,
        Cell::Suppressed,
        "unknown, never a silent 0"
    );
    let found: Vec<String> = validate_submission(&s, 2023)
        .into_iter()
        .map(|f| f.reason)
        .collect();
    assert!(found.contains(&"the form has no positions line: counted as 0".to_owned()));
    assert!(found.contains(
        &"the form has no ombud line: its ombud are unknown in the sums (hidden)".to_owned()
    ));
    let typo = form.replace("year;;;2023\n", "year;;;2023\nantal_ombud;;;3\n");
    let e = read_flat_submission(&typo).unwrap_err().to_string();
    assert!(
        e.contains("line 6") && e.contains("unknown field \"antal_ombud\""),
        "{e}"
    );
}

#[test]
fn an_exact_submission_whose_published_report_does_not_fit_is_left_out() {
    use po_core::chain::compile;
    use po_core::disclosure::Protection;
    let register = read_register_json(REGISTER, "register.json").unwrap();
    let options = |service: &str, protection| ReportOptions {
        year: 2023,
        service_name: service.into(),
        protection,
        ..ReportOptions::default()
    };
    let exact = |service: &str, host: &str| {
        let exact = annual_report(&register, &options(service, Protection::Unprotected)).unwrap();
        let published =
            annual_report(&register, &options(service, Protection::Threshold { k: 3 })).unwrap();
        Submission::exact(code(host), vec![code(host)], None, exact, Some(published))
    };
    let good = exact("PO Kil", "1715");
    let mut bad = exact("PO Torsby", "1737").in_file("torsby.json");
    // A report published before a correction: a shown count that is not the exact one.
    let published = bad.published.as_mut().unwrap();
    let shown = published.active_clients.cells[0]
        .iter()
        .position(|c| c.count().is_some_and(|n| n > 0))
        .unwrap();
    // One more woman in that cell, its margins moved with it: consistent, but not the truth.
    let t = &mut published.active_clients;
    for cell in [
        &mut t.cells[0][shown],
        &mut t.row_totals[0],
        &mut t.column_totals[shown],
        &mut t.total,
    ] {
        if let Cell::Count(n) = cell {
            *n += 1;
        }
    }
    let c = compile(&[good, bad], 2023, None, Protection::Threshold { k: 3 }).unwrap();
    assert_eq!(c.services.len(), 1);
    assert_eq!(c.left_out.len(), 1);
    assert!(
        c.left_out[0].reason.contains("do not fit")
            && c.left_out[0].file.as_deref() == Some("torsby.json"),
        "{:?}",
        c.left_out
    );
}

/// Issue 34 point 2: the shortcomings a service reports for seed 001's annex 1 read back in the
/// JSON and the flat form; a text holding an identity number is refused in either, with its
/// place (the field, the line) and never the number.
#[test]
fn the_shortcomings_for_annex_1_read_back_in_both_forms_and_a_person_s_number_is_refused() {
    use po_core::codes::Counterpart;
    use po_core::deviation::ReportedShortcoming;
    let mut s = submission();
    s.shortcomings = vec![
        ReportedShortcoming {
            counterpart: Counterpart::Psychiatry,
            shortcoming: "Brist på läkare och läkartider inom psykiatrin".into(),
            consequence: "Långa väntetider för utredning och behandling".into(),
        },
        ReportedShortcoming {
            counterpart: Counterpart::SocialServices,
            shortcoming: "Svårt att få god man; brist på gode män".into(),
            consequence: "Klienter hamnar i skulder".into(),
        },
    ];
    let back = Submission::from_json(&s.to_json()).unwrap();
    assert_eq!(back.shortcomings, s.shortcomings);
    let flat = po_core::io::write::to_flat_csv(&s);
    assert!(
        flat.contains(
            "shortcoming;psychiatry;Brist på läkare och läkartider inom psykiatrin;Långa \
             väntetider för utredning och behandling\n"
        ),
        "{flat}"
    );
    let read = po_core::io::read::read_flat_submission(&flat).unwrap();
    assert_eq!(read.shortcomings, s.shortcomings);
    // The counterpart by its Swedish label too.
    let swedish = flat.replace("shortcoming;psychiatry;", "shortcoming;Psykiatrin;");
    assert_eq!(
        po_core::io::read::read_flat_submission(&swedish)
            .unwrap()
            .shortcomings,
        s.shortcomings
    );
    let person = s
        .to_json()
        .replace("Klienter hamnar i skulder", "Gäller 19850412-1230");
    let e = Submission::from_json(&person).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "submission: shortcomings[1].consequence: contains what looks like a personnummer"
        ),
        "{e}"
    );
    assert!(!e.contains("1230"));
    let person = flat.replace("Klienter hamnar i skulder", "Gäller 19850412-1230");
    let line = 1 + person.lines().position(|l| l.contains("19850412")).unwrap();
    let e = po_core::io::read::read_flat_submission(&person)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(&format!("line {line}")) && e.contains("shortcoming: contains what looks like"),
        "{e}"
    );
    assert!(!e.contains("1230"));
}
