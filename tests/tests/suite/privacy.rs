//! No personal data in any Debug, Display, error message or report: tested with real-looking
//! identity numbers (the Skatteverket test number 19121212-1212 and its variants) placed
//! wherever a careless export could put them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::code_lists as by_name;
use po_core::codes::LocalVocabulary;
use po_core::eligibility::{assess, Age, Readings, TargetGroupInput};
use po_core::identity::IdentityNumber;
use po_core::input::Mode;
use po_core::io::read::{read_clients_csv, read_register_json};
use po_core::io::write::to_markdown;
use po_core::priority::{rank, Applicant, PriorityPolicy};
use po_core::report::{annual_report, ReportOptions};
use po_core::Language;
use time::macros::date;

const SPELLINGS: [&str; 5] = [
    "19121212-1212",
    "121212-1212",
    "1212121212",
    "191212121212",
    "19121212-1213", // mistyped: still personal data
];

/// Neither the whole number nor its last 8 digits appear.
fn clean(text: &str) {
    for s in SPELLINGS {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        assert!(!text.contains(s), "{s} in {text}");
        assert!(!text.contains(&digits[digits.len() - 8..]), "{s} in {text}");
    }
}

#[test]
fn identity_numbers_hide_themselves() {
    for s in SPELLINGS {
        match IdentityNumber::parse(s, date!(2026 - 01 - 01)) {
            Ok(n) => {
                clean(&format!("{n:?} {n}"));
            }
            Err(e) => clean(&format!("{e:?} {e}")),
        }
    }
}

#[test]
fn a_number_in_a_code_field_is_not_echoed() {
    for s in SPELLINGS {
        let e = by_name::parse_in("gender", s).unwrap_err();
        clean(&format!("{e:?} {e}"));
        assert!(e.to_string().contains("not shown"), "{e}");
    }
}

#[test]
fn csv_problems_do_not_echo_numbers() {
    let mut csv =
        String::from("id;gender;birth_year;municipality;started_on;ended_on;contact_reasons\n");
    for s in SPELLINGS {
        // A number in every column where a careless export could put it.
        csv.push_str(&format!("{s};{s};{s};{s};{s};{s};{s}\n"));
    }
    let e = read_clients_csv(
        csv.as_bytes(),
        "klienter.csv",
        &LocalVocabulary::varmland(),
        None,
        Mode::Strict,
    )
    .unwrap_err();
    assert!(
        e.problems.len() >= SPELLINGS.len() * 5,
        "{:?}",
        e.problems.len()
    );
    clean(&format!("{e:?} {e}"));
    for p in &e.problems {
        clean(&p.to_string());
    }
}

#[test]
fn json_problems_do_not_echo_numbers() {
    let json =
        r#"{"clients": [{"id": "a", "gender": "19121212-1212", "started_on": "2023-01-01"}]}"#;
    let e = read_register_json(json, "register.json").unwrap_err();
    clean(&format!("{e:?} {e}"));
}

#[test]
fn reports_never_contain_client_ids() {
    // A service that (against advice) used personnummer as client ids: the report is aggregate.
    let clients: Vec<String> = SPELLINGS[..4]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(r#"{{"id": "{s}", "gender": "woman", "birth_year": 1980, "started_on": "2023-0{}-01", "contact_reasons": ["economy"]}}"#, i + 1)
        })
        .collect();
    let json = format!(r#"{{"clients": [{}]}}"#, clients.join(","));
    let register = read_register_json(&json, "register.json").unwrap();
    let report = annual_report(
        &register,
        &ReportOptions {
            year: 2023,
            ..ReportOptions::default()
        },
    )
    .unwrap();
    // Four women, all aged 43: protected by default, so the 4 is shown and nothing else leaks.
    assert_eq!(report.active_clients.total, po_core::report::Cell::Count(4));
    clean(&po_core::io::write::to_json(report.publishable().unwrap()));
    clean(&to_markdown(report.publishable().unwrap(), Language::Sv));
    clean(&format!("{report:?}"));
    for t in report.tables() {
        clean(&po_core::io::write::table_csv(t));
    }
}

#[test]
fn ranking_and_eligibility_errors_locate_without_echoing() {
    let a = |id: &str, born| Applicant {
        id: id.to_owned(),
        birth_date: born,
        area: None,
        queued_on: date!(2023 - 01 - 01),
        left_queue_on: None,
        children_at_home: false,
        children_at_risk_of_harm: false,
        homeless_or_at_risk: false,
        lacking_contacts: false,
    };
    let policy = PriorityPolicy::national_2019();
    let on = date!(2024 - 01 - 01);
    let dup = rank(
        &[
            a(SPELLINGS[0], date!(1990 - 01 - 01)),
            a(SPELLINGS[0], date!(1990 - 01 - 01)),
        ],
        &policy,
        on,
    )
    .unwrap_err();
    clean(&format!("{dup:?} {dup}"));
    let minor = rank(&[a(SPELLINGS[1], date!(2010 - 01 - 01))], &policy, on).unwrap_err();
    clean(&format!("{minor:?} {minor}"));
    assert!(!minor.to_string().contains("2010"), "{minor}");
    let unborn = TargetGroupInput {
        age: Age::BirthDate(date!(2030 - 01 - 01)),
        ..TargetGroupInput::default()
    };
    let e = assess(&unborn, on, Readings::statute()).unwrap_err();
    assert!(
        !e.to_string().contains("2030"),
        "the birth date is personal data: {e}"
    );
}
