//! Reading registers as Swedish spreadsheets export them, and every validation problem.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::codes::{AssignmentCategory, ContactReason, Gender, IntakeOutcome, LocalVocabulary};
use po_core::input::*;
use po_core::io::read::*;
use po_core::organisation::MunicipalityCode;
use po_core::report::*;
use time::macros::date;

/// The optional columns whose absence is a problem (issue 18), as header cells to append:
/// tests about something else give them (empty).
const ALL_OPTIONAL: &str =
    ";ended_on;birth_year;children_at_home;contact_reasons;assignments;municipality;area;applied_on";

fn varmland() -> LocalVocabulary {
    LocalVocabulary::varmland()
}

#[test]
fn utf8_bom_crlf_semicolons_swedish_headers_and_labels() {
    let csv = "\u{feff}id;Kön;Födelseår;Kommunkod;Område;Start;Slut;Hemmavarande barn;Kontaktorsaker;Uppdrag;Ansökt\r\n\
               k1;Kvinna;1985;1780;Centrala;2023-02-01;;ja;Ekonomi|Stöd i kontakt med arbetsgivare och ansöka om pension;ekonomi|God man\r\n\
               k2;man;1990;1784;Västra;2022-05-01;2023-06-30;nej;housing;\r\n";
    let got = read_clients_csv(
        csv.as_bytes(),
        "klienter.csv",
        &varmland(),
        None,
        Mode::Strict,
    )
    .unwrap();
    assert!(got.problems.is_empty());
    let k1 = &got.rows[0];
    assert_eq!(k1.gender, Gender::Woman);
    assert_eq!(k1.birth_year, Some(1985));
    assert_eq!(
        k1.municipality,
        Some(MunicipalityCode::parse("1780").unwrap())
    );
    assert!(k1.children_at_home);
    assert_eq!(
        k1.contact_reasons,
        [ContactReason::Economy, ContactReason::EmployerPension].into()
    );
    assert_eq!(
        k1.assignments
            .iter()
            .map(|a| a.category)
            .collect::<Vec<_>>(),
        vec![AssignmentCategory::Economy, AssignmentCategory::Guardian]
    );
    assert_eq!(got.rows[1].ended_on, Some(date!(2023 - 06 - 30)));
    assert!(!got.rows[1].children_at_home);
}

#[test]
fn windows_1252_and_commas() {
    // "Område" and "Östra" in Windows-1252: å = 0xE5, Ö = 0xD6, ä = 0xE4, ö = 0xF6.
    let mut bytes = b"date,Omr\xe5de,resultat\n".to_vec();
    bytes.extend_from_slice(b"2023-03-01,\xd6stra,Avs\xe4ger sig hj\xe4lp\n");
    bytes.extend_from_slice(b"2023-03-02,Norra,Bed\xf6ms ej tillh\xf6ra m\xe5lgrupp\n");
    let got = read_intake_csv(&bytes, "nybesok.csv", &varmland(), Mode::Strict).unwrap();
    assert_eq!(got.rows.len(), 2);
    assert_eq!(&*got.rows[0].area, "Östra");
    assert_eq!(got.rows[0].outcome, IntakeOutcome::Declined);
    assert_eq!(got.rows[1].outcome, IntakeOutcome::NotTargetGroup);
}

#[test]
fn an_intake_area_is_kept_once_for_all_its_visits() {
    let csv = "date,area,outcome\n2023-03-01,Norra,declined\n2023-03-02,Södra,declined\n\
               2023-03-03,Norra,declined\n";
    let got = read_intake_csv(csv.as_bytes(), "intake.csv", &varmland(), Mode::Strict).unwrap();
    let areas: Vec<&str> = got.rows.iter().map(|v| &*v.area).collect();
    assert_eq!(areas, ["Norra", "Södra", "Norra"]);
    assert!(std::sync::Arc::ptr_eq(&got.rows[0].area, &got.rows[2].area));
}

#[test]
fn every_problem_names_file_row_column_and_reason() {
    let csv =
        "id;gender;birth_date;municipality;started_on;ended_on;children_at_home;contact_reasons;assignments;area;applied_on\n\
               a;woman;1980-01-01;1780;2023-01-01;;ja;economy\n\
               b;woman;1980-01-01;1780;2023-03-01;2023-02-01;ja;economy\n\
               c;kvinna;2010-01-01;1780;2023-01-01;;ja;economy\n\
               a;man;;1780;2023-01-01;;ja;economy\n\
               d;robot;;1780;2023-01-01;;ja;economy\n\
               e;woman;;1761;2023-01-01;;ja;economy\n\
               f;woman;;17800;2023-01-01;;ja;economy\n\
               g;woman;;1780;2023-13-01;;kanske;pengar\n\
               ;woman;;1780;;;;\n";
    let only_2023 = [
        MunicipalityCode::parse("1780").unwrap(),
        MunicipalityCode::parse("1784").unwrap(),
    ];
    let err = read_clients_csv(
        csv.as_bytes(),
        "klienter.csv",
        &varmland(),
        Some(&only_2023),
        Mode::Strict,
    )
    .unwrap_err();
    let found: Vec<(u64, &str)> = err
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "ended_on"),         // end before start
            (4, "birth_date"),       // a child as a client
            (5, "id"),               // duplicate id
            (6, "gender"),           // unknown code
            (7, "municipality"),     // not a participant (Hammarö left in 2020)
            (8, "municipality"),     // not a kommunkod
            (9, "started_on"),       // not a date
            (9, "children_at_home"), // not ja/nej
            (9, "contact_reasons"),  // unknown code
            (10, "id"),              // missing
            (10, "started_on"),      // missing
        ]
    );
    let text: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        text[0],
        "klienter.csv, row 3, column \"ended_on\": ends 2023-02-01, before it starts 2023-03-01"
    );
    assert_eq!(text[1], "klienter.csv, row 4, column \"birth_date\": the client was under 18 when starting on 2023-01-01 (PO is for adults, SFS 2013:522 2 §)");
    assert_eq!(
        text[2],
        "klienter.csv, row 5, column \"id\": the same id as row 2"
    );
    assert!(text[3].contains("unknown gender \"robot\": expected one of woman, man, other"));
    assert!(text[4].ends_with("1761 is not a municipality of this service"));
    assert!(text[6].ends_with("expected a date YYYY-MM-DD, got \"2023-13-01\""));
    assert!(text[7].ends_with("expected ja or nej, got \"kanske\""));
    assert!(err
        .to_string()
        .starts_with("11 problem(s) in the input; the first: klienter.csv, row 3"));
    // Lenient: the good row is kept, every bad row is listed, nothing is silently dropped.
    let got = read_clients_csv(
        csv.as_bytes(),
        "klienter.csv",
        &varmland(),
        Some(&only_2023),
        Mode::Lenient,
    )
    .unwrap();
    assert_eq!(got.rows.len(), 1);
    assert_eq!(got.rows[0].id, "a");
    assert_eq!(got.problems.len(), 11);
}

#[test]
fn deviations_and_json() {
    let csv = "datum;händelsetyp;nivå;motpart;status;konsekvens\n\
               2023-04-01;Tillgång till vård och stöd;Lokal nivå;Psykiatrin;Lyft i ledningsgruppen;Lång väntan\n\
               2023-04-02;Positiv händelse;central;FK;remedied;\n\
               2023-04-03;okänd;central;FK;remedied;\n";
    let err = read_deviations_csv(csv.as_bytes(), "avvikelser.csv", &varmland(), Mode::Strict)
        .unwrap_err();
    assert_eq!(
        (err.problems[0].row, err.problems[0].column.as_str()),
        (4, "händelsetyp") // as the header wrote it (issue 32 point 2)
    );
    let got =
        read_deviations_csv(csv.as_bytes(), "avvikelser.csv", &varmland(), Mode::Lenient).unwrap();
    assert_eq!(got.rows.len(), 2);
    assert_eq!(got.rows[0].consequence.as_deref(), Some("Lång väntan"));

    let json = r#"{"clients": [
        {"id": "x", "gender": "Kvinna", "birth_year": 1980, "started_on": "2023-01-01"},
        {"id": "x", "gender": "man", "started_on": "2023-01-01", "ended_on": "2022-01-01"}]}"#;
    let err = read_register_json(json, "register.json").unwrap_err();
    let columns: Vec<&str> = err.problems.iter().map(|p| p.column.as_str()).collect();
    assert_eq!(columns, ["clients[1].id", "clients[1].ended_on"]);
    let bad = r#"{"clients": [{"id": "x", "gender": "robot", "started_on": "2023-01-01"}]}"#;
    assert!(read_register_json(bad, "register.json")
        .unwrap_err()
        .to_string()
        .contains("unknown gender"));
}

#[test]
fn staff_and_survey_from_csv() {
    let staff = "id;tjänstgöringsgrad;utbildning;handledning\nO1;1,0;Introduktionsutbildning|Motiverande samtal;Extern\nO2;0.5;;\nO3;två;;\n";
    let err = read_staff_csv(staff.as_bytes(), "personal.csv", Mode::Strict).unwrap_err();
    // The column as the file's header wrote it (issue 32 point 2).
    assert_eq!(err.problems[0].to_string(), "personal.csv, row 4, column \"tjänstgöringsgrad\": expected a full-time equivalent from 0 to 1.5, got \"två\"");
    let got = read_staff_csv(staff.as_bytes(), "personal.csv", Mode::Lenient).unwrap();
    assert_eq!(got.rows.len(), 2);
    assert_eq!(got.rows[0].training.len(), 2);
    assert_eq!(
        got.rows
            .iter()
            .map(|s| s.fte)
            .sum::<rust_decimal::Decimal>(),
        rust_decimal::Decimal::new(15, 1)
    );

    let survey = "Fullföljt uppdrag;Rekommenderar\nJa;Ja\nNej;\n;\n";
    let err = read_survey_csv(survey.as_bytes(), "enkat.csv", 95, Mode::Strict).unwrap_err();
    assert_eq!(
        err.problems[0].to_string(),
        "enkat.csv, row 4, column \"\": no question is answered"
    );
    let (s, problems) = read_survey_csv(survey.as_bytes(), "enkat.csv", 95, Mode::Lenient).unwrap();
    assert_eq!((s.sent, s.responses.len(), problems.len()), (95, 2, 1));
    assert_eq!(s.responses[1].answers.len(), 1);
    assert!(read_survey_csv(survey.as_bytes(), "enkat.csv", 1, Mode::Lenient).is_err());
}

#[test]
fn a_whole_register_from_csv_reports_the_problems_of_every_file() {
    let clients =
        "id;gender;birth_year;started_on;ended_on;children_at_home;contact_reasons;assignments;municipality;area;applied_on\n\
         k1;woman;1980;2023-01-10\nk2;x;1980;2023-01-10\n";
    let intake = "date;area;outcome\n2023-03-01;Norra;nope\n2023-03-02;Norra;accepted\n";
    let files = RegisterCsv {
        clients: Some(clients.as_bytes().into()),
        intake: Some(intake.as_bytes().into()),
        ..RegisterCsv::default()
    };
    let err = read_register_csv(files, &varmland(), Mode::Strict).unwrap_err();
    let located: Vec<(&str, u64, &str)> = err
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        located,
        vec![("clients.csv", 3, "gender"), ("intake.csv", 2, "outcome")]
    );
    let (register, problems) = read_register_csv(files, &varmland(), Mode::Lenient).unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(register.clients.len(), 1);
    assert_eq!(register.intake_visits.len(), 1);
    assert_eq!(register.intake_visits[0].outcome, IntakeOutcome::Accepted);
    assert!(register.exit_survey.is_none() && register.staff.is_empty());
}

#[test]
fn headers_are_checked_nothing_is_ignored_silently() {
    // No rows, but the required columns are missing: the file is unreadable, not empty.
    let err = read_clients_csv(
        b"\xff\xfegarbage\n",
        "c.csv",
        &varmland(),
        None,
        Mode::Lenient,
    )
    .unwrap_err();
    let missing: Vec<&str> = err.problems.iter().map(|p| p.column.as_str()).collect();
    assert_eq!(missing, vec!["id", "gender", "started_on"]);
    assert!(err.problems[0]
        .reason
        .starts_with("the required column is missing"));
    // A mistyped column: an error when strict, listed (and the rest read) when lenient.
    let csv =
        format!("id;gender;started_on;kontaktorsak{ALL_OPTIONAL}\nk1;woman;2023-01-01;Ekonomi\n");
    let strict =
        read_clients_csv(csv.as_bytes(), "c.csv", &varmland(), None, Mode::Strict).unwrap_err();
    assert_eq!(
        (strict.problems[0].row, strict.problems[0].column.as_str()),
        (1, "kontaktorsak")
    );
    assert!(strict.problems[0]
        .reason
        .contains("expected one of id, gender"));
    let lenient =
        read_clients_csv(csv.as_bytes(), "c.csv", &varmland(), None, Mode::Lenient).unwrap();
    assert_eq!((lenient.rows.len(), lenient.problems.len()), (1, 1));
}

#[test]
fn json_clients_get_the_same_checks_as_csv() {
    // The date checks are written once (import/clients.rs) and apply to JSON too: here the
    // start before the application, which the JSON reader used to miss.
    let json = r#"{"clients": [
        {"id": "a", "gender": "woman", "started_on": "2023-01-10", "applied_on": "2023-02-01"},
        {"id": "a", "gender": "man", "started_on": "2023-03-01", "ended_on": "2023-02-01"}
    ]}"#;
    let e = read_register_json(json, "register.json").unwrap_err();
    let found: Vec<(&str, &str)> = e
        .problems
        .iter()
        .map(|p| (p.column.as_str(), p.reason.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "clients[0].started_on",
                "starts 2023-01-10, before the application 2023-02-01"
            ),
            ("clients[1].id", "the same id as clients[0]"),
            (
                "clients[1].ended_on",
                "ends 2023-02-01, before it starts 2023-03-01"
            ),
        ]
    );
}

/// Issue 18's defects of spreadsheet exports, each a test.
mod spreadsheet_exports {
    use super::*;

    fn clients(csv: &[u8]) -> Result<Imported<Client>, ImportError> {
        read_clients_csv(
            csv,
            "klienter.csv",
            &LocalVocabulary::default(),
            None,
            Mode::Strict,
        )
    }

    #[test]
    fn excel_sep_line_is_honoured() {
        let csv = format!(
            "sep=;\nid;gender;started_on{ALL_OPTIONAL}\nk1;woman;2023-01-01\nk2;robot;2023-01-01\n"
        );
        let e = clients(csv.as_bytes()).unwrap_err();
        // The header is row 1 and k2 row 3, as Excel shows them (the sep line is no row).
        assert_eq!(
            (e.problems[0].row, e.problems[0].column.as_str()),
            (3, "gender")
        );
        assert_eq!(e.problems.len(), 1);
        let header = format!("id,gender,started_on{}", ALL_OPTIONAL.replace(';', ","));
        let ok = clients(format!("sep=,\n{header}\nk1,woman,2023-01-01\n").as_bytes()).unwrap();
        assert_eq!(ok.rows.len(), 1);
    }

    #[test]
    fn row_numbers_count_blank_lines() {
        let csv = format!(
            "id;gender;started_on{ALL_OPTIONAL}\n\n\nk1;woman;2023-01-01\nk2;robot;2023-01-01\n"
        );
        let e = clients(csv.as_bytes()).unwrap_err();
        assert_eq!(e.problems[0].row, 5);
    }

    #[test]
    fn excel_unicode_text_utf16_with_tabs() {
        let header = format!("id\tgender\tstarted_on{}", ALL_OPTIONAL.replace(';', "\t"));
        let text = format!("{header}\r\nk1\twoman\t2023-01-01\r\nk2\tman\t2023-02-01\r\n");
        let mut bytes = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let got = clients(&bytes).unwrap();
        assert_eq!(got.rows.len(), 2);
        assert_eq!(got.rows[1].gender, Gender::Man);
    }

    #[test]
    fn a_column_given_twice_is_an_error() {
        let csv = "id;gender;started_on;municipality;Kommun\nk1;woman;2023-01-01;1780;1784\n";
        let e = clients(csv.as_bytes()).unwrap_err();
        // The second, as the header wrote it (issue 32 point 2).
        assert_eq!(e.problems[0].column, "Kommun");
        assert_eq!(
            e.problems[0].reason,
            "the column is given twice (as \"municipality\" and \"Kommun\"); keep one"
        );
    }

    #[test]
    fn the_missing_column_message_is_never_cut_mid_word() {
        let csv = "identitet;kön;kommun;område;ansökt;hemmavarande barn;kontaktorsaker;uppdrag;födelseår\nk1;woman;1780;A;2023-01-01;nej;economy;;1980\n";
        let e = clients(csv.as_bytes()).unwrap_err();
        let reason = &e
            .problems
            .iter()
            .find(|p| p.column == "started_on")
            .unwrap()
            .reason;
        // Whole names only, as the header wrote them, and how many more there are.
        assert_eq!(
            reason,
            "the required column is missing; the header has identitet, kön, kommun, område, \
             ansökt, hemmavarande barn, kontaktorsaker, … (2 more)"
        );
    }
}

/// Row numbers are the spreadsheet's rows, header = 1, blank lines counted, with LF and CRLF
/// line ends, in a file read line by line (no quotes) and one read by the CSV parser (quotes):
/// `csv`'s own count said row 1 for the first data row of a CRLF file.
#[test]
fn row_numbers_are_the_spreadsheets_with_any_line_end() {
    for end in ["\n", "\r\n"] {
        for quote in ["", "\""] {
            let csv = [
                format!("id;gender;started_on{ALL_OPTIONAL}"),
                format!("{quote}k1{quote};woman;2023-01-01"),
                String::new(),
                String::new(),
                "k2;man;2023-13-01".to_owned(),
                "k3;woman;2023-02-01".to_owned(),
                "k1;man;2023-03-01".to_owned(),
            ]
            .join(end);
            let err = read_clients_csv(csv.as_bytes(), "c.csv", &varmland(), None, Mode::Strict)
                .unwrap_err();
            let rows: Vec<(u64, &str)> = err
                .problems
                .iter()
                .map(|p| (p.row, p.column.as_str()))
                .collect();
            assert_eq!(rows, [(5, "started_on"), (7, "id")], "{end:?} {quote:?}");
            assert_eq!(err.problems[1].reason, "the same id as row 2");
        }
    }
    let survey = "Fråga 1;Fråga 2\r\nJa;Nej\r\n\r\n;\r\n";
    let err = read_survey_csv(survey.as_bytes(), "s.csv", 5, Mode::Strict).unwrap_err();
    assert_eq!(err.problems[0].row, 4);
}

/// Issue 18: without `ended_on` the 12 clients who left in 2022 would count as active (252
/// instead of 240) and closed clients would be 0 — never silently: the missing column is an
/// error when strict and a listed problem (shown in the report) when lenient.
#[test]
fn a_missing_optional_column_is_a_problem_naming_what_it_would_empty() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/synthetic-2023/clients.csv"
    );
    let full = std::fs::read_to_string(path).unwrap();
    // The same export without its ended_on column.
    let mut lines = full.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let at = header.iter().position(|h| *h == "ended_on").unwrap();
    let without: String = std::iter::once(full.lines().next().unwrap())
        .chain(lines)
        .map(|l| {
            let cells: Vec<&str> = l.split(';').collect();
            let kept: Vec<&str> = cells
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != at)
                .map(|(_, c)| *c)
                .collect();
            kept.join(";") + "\n"
        })
        .collect();
    let vocabulary = LocalVocabulary::default();
    let strict = read_clients_csv(
        without.as_bytes(),
        "clients.csv",
        &vocabulary,
        None,
        Mode::Strict,
    )
    .unwrap_err();
    assert_eq!(strict.problems.len(), 1);
    let p = &strict.problems[0];
    assert_eq!((p.row, p.column.as_str()), (1, "ended_on"));
    assert!(p.reason.starts_with("the column ended_on is missing: every client who left counts as active and no one as closed (active_clients, closed_clients)"));
    let lenient = read_clients_csv(
        without.as_bytes(),
        "clients.csv",
        &vocabulary,
        None,
        Mode::Lenient,
    )
    .unwrap();
    assert_eq!(lenient.problems, strict.problems);
    assert_eq!(lenient.rows.len(), 240); // every row read, the problem listed beside them
    let with = read_clients_csv(
        full.as_bytes(),
        "clients.csv",
        &vocabulary,
        None,
        Mode::Strict,
    )
    .unwrap();
    assert!(with.rows.iter().filter(|c| c.ended_on.is_some()).count() >= 12);
    // Any one of the age columns is enough; none of them is a problem naming all three.
    let err = read_clients_csv(
        b"id;gender;started_on;ended_on;children_at_home;contact_reasons;assignments;municipality;area;applied_on\n",
        "c.csv",
        &vocabulary,
        None,
        Mode::Strict,
    )
    .unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert!(err.problems[0]
        .reason
        .starts_with("none of the columns birth_date, birth_year, age_band is given"));
}

/// A client's contact reasons are a set: a reason named twice (even spelt differently) is one
/// reason, so the client counts once in the contact-reason table, from CSV and from JSON alike.
#[test]
fn a_contact_reason_named_twice_is_one_reason() {
    let csv = format!(
        "id;gender;started_on{ALL_OPTIONAL}\n\
         k1;woman;2023-02-01;;;;Bostad|Ekonomi|ekonomi|Boende;;;;\n"
    );
    let got = read_clients_csv(csv.as_bytes(), "k.csv", &varmland(), None, Mode::Strict).unwrap();
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    let reasons = got.rows[0].contact_reasons;
    assert_eq!(reasons.len(), 2);
    assert_eq!(
        reasons.iter().collect::<Vec<_>>(),
        [ContactReason::Economy, ContactReason::Housing]
    );
    let json: ContactReasons = serde_json::from_str(r#"["housing","economy","housing"]"#).unwrap();
    assert_eq!(json, reasons);
    assert_eq!(
        serde_json::to_string(&reasons).unwrap(),
        r#"["economy","housing"]"#
    );
}

#[test]
fn children_at_home_as_written_or_in_any_case() {
    let mut csv = String::from("id,gender,started_on,children_at_home,ended_on\n");
    let answers = [
        "ja", "nej", "Ja", "NEJ", " JA ", "x", "1", "Yes", "no", "", "kanske",
    ];
    for (i, a) in answers.iter().enumerate() {
        csv.push_str(&format!("k{i},kvinna,2023-01-01,{a},\n"));
    }
    let got = read_clients_csv(csv.as_bytes(), "k.csv", &varmland(), None, Mode::Lenient).unwrap();
    let flags: Vec<bool> = got.rows.iter().map(|c| c.children_at_home).collect();
    // "kanske" is neither: a problem, and its row is left out.
    let want = [
        true, false, true, false, true, true, true, true, false, false,
    ];
    assert_eq!(flags, want);
    let flagged: Vec<u64> = got
        .problems
        .iter()
        .filter(|p| p.column == "children_at_home")
        .map(|p| p.row)
        .collect();
    assert_eq!(flagged, [12], "only \"kanske\" (row 12) is a problem");
}

/// Issue 32: a personnummer typed into free text is refused where it was typed — file, row,
/// column — never echoed, in every reader; lenient reading leaves the row out and says so.
#[test]
fn an_identity_number_in_free_text_is_refused_at_its_cell_and_never_shown() {
    let number = "19850412-1230";
    let csv = format!(
        "id;gender;started_on{ALL_OPTIONAL}\n\
         k1;Kvinna;2023-02-01;;1985;nej;;;1780;Kalle {number};\n\
         k2;Man;2023-03-01;;1990;nej;;;1780;Centrala;\n"
    );
    let e = read_clients_csv(
        csv.as_bytes(),
        "clients.csv",
        &LocalVocabulary::default(),
        None,
        Mode::Strict,
    )
    .unwrap_err();
    assert_eq!(e.problems.len(), 1);
    let p = &e.problems[0];
    assert_eq!((p.row, p.column.as_str()), (2, "area"));
    assert!(
        p.reason.contains("personnummer or samordningsnummer"),
        "{p}"
    );
    assert!(!e.to_string().contains("1230") && !e.to_string().contains("Kalle"));
    let lenient = read_clients_csv(
        csv.as_bytes(),
        "clients.csv",
        &LocalVocabulary::default(),
        None,
        Mode::Lenient,
    )
    .unwrap();
    assert_eq!(lenient.rows.len(), 1);
    assert_eq!(lenient.problems.len(), 1);
    // The same screen in every reader: deviations' consequences, staff, the survey, JSON.
    let deviations = format!(
        "date;event_type;level;counterpart;status;consequence\n\
         2023-03-01;management_organisation_routine;caseworker;housing;documented;Svar om klient {number}\n"
    );
    let e = read_deviations_csv(
        deviations.as_bytes(),
        "deviations.csv",
        &LocalVocabulary::default(),
        Mode::Strict,
    )
    .unwrap_err();
    assert_eq!(
        (e.problems.len(), e.problems[0].column.as_str()),
        (1, "consequence")
    );
    let staff = format!("id;fte;training;supervision\ns1;1;Grundutbildning;Handledare {number}\n");
    let e = read_staff_csv(staff.as_bytes(), "staff.csv", Mode::Strict).unwrap_err();
    assert_eq!(e.problems[0].column, "supervision");
    let survey = format!("Hur nöjd är du?;Övrigt\nNöjd;Ring mig på {number}\n");
    let e = read_survey_csv(survey.as_bytes(), "survey.csv", 5, Mode::Strict).unwrap_err();
    assert_eq!(
        (e.problems[0].row, e.problems[0].column.as_str()),
        (2, "Övrigt")
    );
    let json = format!(
        r#"{{"clients": [{{"id": "k1", "gender": "woman", "started_on": "2023-01-01", "area": "Kalle {number}"}}]}}"#
    );
    let e = read_register_json(&json, "register.json").unwrap_err();
    assert_eq!(e.problems[0].column, "clients[0].area");
    assert!(!e.to_string().contains("1230"));
}
