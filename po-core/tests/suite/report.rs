//! The annual report rebuilt from registers that match the seeds' published tables.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use po_core::codes::{AssignmentCategory, CodeList, ContactReason, Gender, IntakeOutcome};
use po_core::disclosure::Protection;
use po_core::input::*;
use po_core::io::read::*;
use po_core::io::write::*;
use po_core::report::*;
use po_core::Language;
use rust_decimal::Decimal;
use time::macros::date;
use time::Date;

fn client(id: String, gender: Gender, area: &str, started_on: Date) -> Client {
    Client {
        id,
        gender,
        birth_date: None,
        birth_year: Some(1980),
        age_band: None,
        municipality: None,
        area: Some(area.into()),
        applied_on: None,
        started_on,
        ended_on: None,
        children_at_home: false,
        priority_groups: vec![],
        contact_reasons: [].into(),
        assignments: vec![],
    }
}

fn options(year: i32) -> ReportOptions {
    ReportOptions {
        year,
        service_name: "Test".into(),
        // The seeds' tables are reproduced as published: unprotected, asked for explicitly.
        protection: Protection::Unprotected,
        ..ReportOptions::default()
    }
}

/// Seed 002: people supported in 2021 by area and gender, and contact reasons by gender.
fn stockholm_2021() -> Register {
    let areas = [
        ("Enheten för hemlösa", 14, 43),
        ("Söderort", 102, 54),
        ("Innerstaden", 92, 94),
        ("Hässelby-Vällingby och Bromma", 22, 17),
        ("Spånga-Tensta", 41, 41),
        ("Rinkeby-Kista", 38, 31),
    ];
    let mut clients = Vec::new();
    for (area, women, men) in areas {
        for (gender, n) in [(Gender::Woman, women), (Gender::Man, men)] {
            for i in 0..n {
                clients.push(client(
                    format!("{area}-{gender}-{i}"),
                    gender,
                    area,
                    date!(2021 - 03 - 01),
                ));
            }
        }
    }
    // Seed 002, "Kontaktorsak / Kvinnor / Män": the first n women (men) get the reason.
    let reasons = [
        (ContactReason::Economy, 92, 78),
        (ContactReason::Housing, 40, 43),
        (ContactReason::Occupation, 30, 24),
        (ContactReason::DailyStructure, 53, 38),
        (ContactReason::BreakingIsolation, 25, 16),
        (ContactReason::Relationships, 11, 4),
        (ContactReason::Existential, 21, 15),
        (ContactReason::Authorities, 151, 113),
        (ContactReason::HealthCare, 55, 41),
    ];
    for (reason, women, men) in reasons {
        for (gender, n) in [(Gender::Woman, women), (Gender::Man, men)] {
            for c in clients.iter_mut().filter(|c| c.gender == gender).take(n) {
                c.contact_reasons.insert(reason);
            }
        }
    }
    Register {
        clients,
        ..Register::default()
    }
}

#[test]
fn stockholm_2021_clients_by_area_and_gender() {
    let r = annual_report(&stockholm_2021(), &options(2021)).unwrap();
    let t = &r.clients_by_area;
    assert_eq!(t.total, Cell::Count(589));
    assert_eq!(t.get("Innerstaden", "Kvinna"), Some(92));
    assert_eq!(t.get("Enheten för hemlösa", "Man"), Some(43));
    let women = t.columns.iter().position(|c| c == "Kvinna").unwrap();
    let men = t.columns.iter().position(|c| c == "Man").unwrap();
    assert_eq!(
        (t.column_totals[women], t.column_totals[men]),
        (Cell::Count(309), Cell::Count(280))
    ); // 52 % and 48 %
    let innerstaden = t.rows.iter().position(|a| a == "Innerstaden").unwrap();
    assert_eq!(t.row_totals[innerstaden], Cell::Count(186));
    // Nobody is counted in a year they were not active.
    assert_eq!(
        annual_report(&stockholm_2021(), &options(2020))
            .unwrap()
            .clients_by_area
            .total,
        Cell::Count(0)
    );
}

#[test]
fn stockholm_2021_contact_reasons_by_gender() {
    let r = annual_report(&stockholm_2021(), &options(2021)).unwrap();
    let t = &r.contact_reasons;
    let row = |reason: ContactReason| t.rows.iter().position(|x| x == reason.label_sv()).unwrap();
    assert_eq!(t.row_totals[row(ContactReason::Economy)], Cell::Count(170));
    assert_eq!(
        t.row_totals[row(ContactReason::Authorities)],
        Cell::Count(264)
    );
    assert_eq!(t.get("Stöd i kontakten med sjukvården", "Kvinna"), Some(55));
    assert_eq!(t.get("Relationsfrågor", "Man"), Some(4));
    assert_eq!(
        t.total,
        Cell::Count(170 + 83 + 54 + 91 + 41 + 15 + 36 + 264 + 96)
    );
}

#[test]
fn varmland_2020_intake_by_area_and_assignments_per_client() {
    // Seed 004: outcomes of 108 intake visits per area, in the code list's order.
    let per_area = [
        ("Centrala", [26, 0, 15, 2, 1]),
        ("Västra", [10, 0, 3, 0, 3]),
        ("Östra", [19, 4, 3, 1, 0]),
        ("Norra", [16, 0, 2, 3, 0]),
    ];
    let mut register = Register::default();
    for (area, counts) in per_area {
        for (outcome, n) in IntakeOutcome::ALL.iter().zip(counts) {
            for _ in 0..n {
                register.intake_visits.push(IntakeVisit {
                    date: date!(2020 - 05 - 01),
                    area: area.into(),
                    outcome: *outcome,
                });
            }
        }
    }
    // 202 active clients with 944 assignments between them (4.67 per client).
    for i in 0..202u64 {
        let mut c = client(
            format!("c{i}"),
            Gender::Woman,
            "Centrala",
            date!(2019 - 06 - 01),
        );
        let n = if i < 136 { 5 } else { 4 }; // 136 × 5 + 66 × 4 = 944
        c.assignments = (0..n)
            .map(|k| Assignment {
                category: AssignmentCategory::ALL[k % 12],
                started_on: None,
                ended_on: None,
            })
            .collect();
        register.clients.push(c);
    }
    let r = annual_report(&register, &options(2020)).unwrap();
    let t = &r.intake_outcomes;
    assert_eq!(t.total, Cell::Count(108));
    assert_eq!(t.row_totals, [71, 4, 23, 6, 4].map(Cell::Count).to_vec());
    assert_eq!(t.get("Accepterad/köplacerad", "Centrala"), Some(26));
    assert_eq!(t.get("Tillhör ej målgruppen", "Norra"), Some(3));
    assert_eq!(
        r.assignments_per_client,
        Ratio {
            count: Cell::Count(944),
            of: Cell::Count(202),
            value: Some(Decimal::new(467, 2))
        }
    );
    assert_eq!(r.assignments.total, Cell::Count(944));
}

#[test]
fn varmland_2024_assignments_per_client() {
    // Seed 000: 1 338 assignments for 218 clients = 6.14.
    let mut register = Register::default();
    for i in 0..218u64 {
        let mut c = client(format!("c{i}"), Gender::Man, "Norra", date!(2024 - 02 - 01));
        let n = if i < 30 { 7 } else { 6 }; // 30 × 7 + 188 × 6 = 1 338
        c.assignments = vec![
            Assignment {
                category: AssignmentCategory::Economy,
                started_on: None,
                ended_on: None
            };
            n
        ];
        register.clients.push(c);
    }
    let r = annual_report(&register, &options(2024)).unwrap();
    assert_eq!(r.assignments_per_client.count, Cell::Count(1338));
    assert_eq!(r.assignments_per_client.value, Some(Decimal::new(614, 2)));
}

#[test]
fn varmland_2023_intake_and_survey() {
    let mut register = Register::default();
    for (outcome, n) in IntakeOutcome::ALL.iter().zip([111, 4, 32, 5, 5]) {
        for _ in 0..n {
            register.intake_visits.push(IntakeVisit {
                date: date!(2023 - 09 - 01),
                area: "Värmland".into(),
                outcome: *outcome,
            });
        }
    }
    // Seed 003's exit survey: 18 respondents.
    let q_done = "Mitt personliga ombud och jag har fullföljt aktuellt uppdrag";
    let q_change = "Jag har uppnått en positiv förändring i min livssituation";
    let q_coop = "Myndigheter samverkar bättre";
    let q_recommend = "Jag kan tänka mig att rekommendera personligt ombud till andra";
    let answers = |i: usize| {
        let mut m = BTreeMap::new();
        m.insert(
            q_done.to_owned(),
            if i < 17 { "Ja" } else { "Nej" }.to_owned(),
        );
        m.insert(
            q_change.to_owned(),
            match i {
                0..=15 => "Ja",
                16 => "Delvis",
                _ => "Nej",
            }
            .to_owned(),
        );
        m.insert(
            q_coop.to_owned(),
            match i {
                0..=12 => "Ja",
                13 | 14 => "Nej",
                15 | 16 => "Delvis",
                _ => "Inte aktuellt",
            }
            .to_owned(),
        );
        m.insert(
            q_recommend.to_owned(),
            if i < 17 { "Ja" } else { "Ingen åsikt" }.to_owned(),
        );
        SurveyResponse { answers: m }
    };
    register.exit_survey = Some(ExitSurvey {
        sent: 95,
        responses: (0..18).map(answers).collect(),
    });
    let r = annual_report(&register, &options(2023)).unwrap();
    assert_eq!(r.intake_outcomes.total, Cell::Count(157));
    assert_eq!(r.intake_outcomes.row_totals[0], Cell::Count(111));
    let pct = |q: &str, a: &str| {
        r.survey.iter().find(|s| s.question == q).unwrap().answers[a]
            .value
            .unwrap()
    };
    assert_eq!(pct(q_done, "Ja"), Decimal::new(9444, 2));
    assert_eq!(pct(q_done, "Nej"), Decimal::new(556, 2));
    assert_eq!(pct(q_change, "Ja"), Decimal::new(8889, 2));
    assert_eq!(pct(q_change, "Delvis"), Decimal::new(556, 2));
    assert_eq!(pct(q_coop, "Ja"), Decimal::new(7222, 2));
    assert_eq!(pct(q_coop, "Delvis"), Decimal::new(1111, 2));
    assert_eq!(pct(q_coop, "Inte aktuellt"), Decimal::new(556, 2));
    assert_eq!(pct(q_recommend, "Ja"), Decimal::new(9444, 2));
    // Seed 003 prints "5,5 %" for the one respondent without an opinion: 1 of 18 is 5.56 %.
    assert_eq!(pct(q_recommend, "Ingen åsikt"), Decimal::new(556, 2));
    // "Låg svarsfrekvens (19%)": 18 of 95 sent (95 is this test's assumption) = 18.95 %.
    assert_eq!(
        r.survey_response_rate.unwrap().value,
        Some(Decimal::new(1895, 2))
    );
}

#[test]
fn age_on_31_december_and_suppression_in_the_report() {
    let mut register = Register::default();
    // Born 2005-12-31: 18 on the last day of 2023, so 18–29 for all of 2023.
    let mut young = client("y".into(), Gender::Man, "A", date!(2023 - 06 - 01));
    young.birth_year = None;
    young.birth_date = Some(date!(2005 - 12 - 31));
    register.clients.push(young);
    for i in 0..20 {
        register.clients.push(client(
            format!("w{i}"),
            Gender::Woman,
            "A",
            date!(2022 - 01 - 01),
        ));
    }
    let r = annual_report(&register, &options(2023)).unwrap();
    assert_eq!(r.active_clients.get("Man", "18–29 år"), Some(1));
    assert_eq!(r.active_clients.get("Kvinna", "30–49 år"), Some(20)); // born 1980: 43
    assert_eq!(r.new_clients.total, Cell::Count(1));
    let mut o = options(2023);
    o.protection = Protection::default();
    let r = annual_report(&register, &o).unwrap();
    assert_eq!(r.active_clients.get("Man", "18–29 år"), None);
    // His row total (1) is hidden too: margins are cells. The grand total 21 may be shown
    // only if nothing follows from it.
    assert_eq!(r.active_clients.row_totals[1], Cell::Suppressed);
    assert!(r.audit().unwrap().is_safe());
    // No identifier of any kind in the report.
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("\"w1\"") && !json.contains("\"y\""));
}

#[test]
fn leadership_group_summary_for_a_quarter() {
    use po_core::codes::{Counterpart, DeviationEventType, DeviationLevel, DeviationStatus};
    let d = |date: Date, counterpart, status, consequence: Option<&str>| Deviation {
        date,
        event_type: DeviationEventType::AccessToCareAndSupport,
        level: DeviationLevel::Local,
        counterpart,
        status,
        consequence: consequence.map(str::to_owned),
    };
    let deviations = vec![
        d(
            date!(2023 - 01 - 10),
            Counterpart::Psychiatry,
            DeviationStatus::Documented,
            Some("Lång väntan på utredning"),
        ),
        d(
            date!(2023 - 02 - 10),
            Counterpart::Psychiatry,
            DeviationStatus::FeedbackReceived,
            Some("Lång väntan på utredning"),
        ),
        d(
            date!(2023 - 03 - 10),
            Counterpart::Psychiatry,
            DeviationStatus::Remedied,
            Some("Ingen läkarkontakt"),
        ),
        d(
            date!(2023 - 03 - 20),
            Counterpart::Forsakringskassan,
            DeviationStatus::Raised,
            None,
        ),
        d(
            date!(2023 - 04 - 02),
            Counterpart::Forsakringskassan,
            DeviationStatus::Raised,
            None,
        ), // next quarter
    ];
    let (from, to) = (date!(2023 - 01 - 01), date!(2023 - 03 - 31));
    let q1 =
        deviations_for_leadership_group(&deviations, from, to, Protection::Unprotected).unwrap();
    assert_eq!(q1.counterparts.len(), 2);
    let p = &q1.counterparts[0];
    assert_eq!(p.counterpart, Counterpart::Psychiatry);
    let c = Cell::Count;
    assert_eq!(
        (p.new, p.raised, p.answered, p.open),
        (c(3), c(2), c(2), c(2))
    );
    assert_eq!(
        p.consequences,
        ["Lång väntan på utredning", "Ingen läkarkontakt"]
    );
    let fk = &q1.counterparts[1];
    assert_eq!(
        (fk.new, fk.raised, fk.answered, fk.open),
        (c(1), c(1), c(0), c(1))
    );
    // Published (k = 3): the one Försäkringskassan deviation is not shown, nor is the
    // psychiatry row's consequence list under a hidden count; no count of 1 or 2 is shown.
    let q1 = deviations_for_leadership_group(&deviations, from, to, Protection::default()).unwrap();
    assert!(q1
        .counterparts
        .iter()
        .all(|p| p.new == Cell::Suppressed && p.consequences.is_empty()));
    assert!(q1
        .by_status
        .cells
        .iter()
        .flatten()
        .chain(&q1.by_status.row_totals)
        .chain(&q1.by_status.column_totals)
        .all(|c| !matches!(c, Cell::Count(1 | 2))));
}

#[test]
fn change_against_the_previous_year_and_markdown() {
    let reg = stockholm_2021();
    let mut later = reg.clone();
    for i in 0..11 {
        later.clients.push(client(
            format!("n{i}"),
            Gender::Other,
            "Söderort",
            date!(2022 - 02 - 01),
        ));
    }
    let previous = annual_report(&reg, &options(2021)).unwrap();
    let current = annual_report(&later, &options(2022)).unwrap();
    let changes = change_against(&previous, &current);
    let active = changes
        .iter()
        .find(|c| c.measure == "active_clients")
        .unwrap();
    assert_eq!(
        (active.previous, active.current, active.difference),
        (
            Some(Decimal::from(589)),
            Some(Decimal::from(600)),
            Some(Decimal::from(11))
        )
    );
    assert_eq!(active.percent, Some(Decimal::new(187, 2))); // 11 / 589 = 1.87 %
    let new = changes.iter().find(|c| c.measure == "new_clients").unwrap();
    assert_eq!(new.percent, Some(Decimal::new(-9813, 2))); // 589 new in 2021, 11 in 2022

    let md = to_markdown(previous.publishable().unwrap(), Language::Sv);
    assert!(md.contains("OSKYDDAD – FÅR INTE PUBLICERAS"));
    assert!(md.starts_with("# Redovisning enligt 10 § förordning (2013:522) 2021 – Test"));
    for heading in ["## 1. ", "## 2. ", "## 3. ", "## 4. ", "## 5. "] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("| Innerstaden | 92 | 94 | 0 | 186 |"));
    assert!(md.contains("| **Totalt** | 309 | 280 | 0 | **589** |"));
    let en = to_markdown(previous.publishable().unwrap(), Language::En);
    assert!(en.contains("UNPROTECTED – NOT FOR PUBLICATION"));
    assert!(en.contains("## 5. Shortcomings noticed"));
    assert!(en.contains("| **Total** | 309 | 280 | 0 | **589** |"));
    // CSV for a spreadsheet: totals row and column, ';'.
    let csv = po_core::io::write::table_csv(&previous.clients_by_area);
    assert!(csv.contains("Innerstaden;92;94;0;186\r\n"));
    assert!(csv.ends_with("Totalt;309;280;0;589\r\n"));
}

#[test]
fn clients_per_municipality_and_skipped_rows_in_the_report() {
    use po_core::codes::LocalVocabulary;
    use po_core::organisation::MunicipalityCode;
    let csv =
        "id;gender;municipality;started_on;ended_on;birth_year;children_at_home;contact_reasons;assignments;area;applied_on\n\
         k1;woman;1780;2023-01-01\nk2;man;1780;2023-01-01\n\
               k3;man;1784;2023-01-01\nk4;robot;1784;2023-01-01\n";
    let imported = read_clients_csv(
        csv.as_bytes(),
        "klienter.csv",
        &LocalVocabulary::default(),
        None,
        Mode::Lenient,
    )
    .unwrap();
    let register = Register {
        clients: imported.rows,
        ..Register::default()
    };
    let karlstad = MunicipalityCode::parse("1780").unwrap();
    let arvika = MunicipalityCode::parse("1784").unwrap();
    let mut o = options(2023);
    o.population.insert(karlstad, ("Karlstad".into(), 75));
    o.population.insert(arvika, ("Arvika".into(), 25));
    o.input_problems = imported.problems;
    let r = annual_report(&register, &o).unwrap();
    let k = &r.clients_per_municipality[0]; // ordered by kommunkod
    assert_eq!(
        (k.code, k.name.as_str(), k.clients),
        (karlstad, "Karlstad", Cell::Count(2))
    );
    assert_eq!(k.client_share.value, Some(Decimal::new(6667, 2))); // 2 of 3
    assert_eq!(k.key_share.as_ref().unwrap().value, Some(Decimal::from(75)));
    assert_eq!(r.input_problems.len(), 1);
    let md = to_markdown(r.publishable().unwrap(), Language::En);
    assert!(md.contains("## Rows left out"));
    assert!(md.contains("klienter.csv, row 5, column \"gender\": unknown gender \"robot\""));
}

#[test]
fn every_report_is_stamped() {
    let r = annual_report(&stockholm_2021(), &options(2021)).unwrap();
    assert_eq!(r.stamp.as_of, date!(2021 - 12 - 31));
    assert_eq!(r.stamp.library_version, po_core::VERSION);
    assert!(r.stamp.rules.contains("SFS 2019:1094"), "{}", r.stamp.rules);
    assert!(r
        .stamp
        .rules
        .contains("no disclosure control (not for publication)"));
    let mut o = options(2021);
    o.protection = Protection::default();
    let r = annual_report(&stockholm_2021(), &o).unwrap();
    assert!(
        r.stamp.rules.contains("counts 1..2 hidden"),
        "{}",
        r.stamp.rules
    );
    // The leadership group is checked by po-core on 31 December of the year.
    o.leadership_group = Some(po_core::reference::varmland::leadership_group_2023());
    let r = annual_report(&stockholm_2021(), &o).unwrap();
    assert_eq!(r.leadership.unwrap().as_of, date!(2021 - 12 - 31));
}

#[test]
fn areas_and_survey_answers_are_compared_after_folding() {
    // Issue 18: "Östra" written in NFC and in NFD, and "östra", are one area shown as first
    // written; survey answers "Ja", "ja" and "JA" are one answer.
    let nfd = "O\u{308}stra";
    let mut register = Register::default();
    for (i, area) in ["Östra", nfd, "östra", " Östra ", "Norra"]
        .iter()
        .enumerate()
    {
        register.clients.push(client(
            format!("c{i}"),
            Gender::Woman,
            area,
            date!(2023 - 01 - 01),
        ));
        register.intake_visits.push(IntakeVisit {
            date: date!(2023 - 02 - 01),
            area: (*area).into(),
            outcome: IntakeOutcome::Accepted,
        });
    }
    let answers = |a: &str| SurveyResponse {
        answers: [("Fick du stöd?".to_owned(), a.to_owned())]
            .into_iter()
            .collect(),
    };
    register.exit_survey = Some(ExitSurvey {
        sent: 5,
        responses: vec![answers("Ja"), answers("ja"), answers("JA "), answers("Nej")],
    });
    let r = annual_report(&register, &options(2023)).unwrap();
    assert_eq!(r.clients_by_area.rows, ["Norra", "Östra"]);
    assert_eq!(r.clients_by_area.get("Östra", "Kvinna"), Some(4));
    assert_eq!(r.intake_outcomes.columns, ["Norra", "Östra"]);
    let q = &r.survey[0];
    assert_eq!(q.answers.keys().collect::<Vec<_>>(), ["Ja", "Nej"]);
    assert_eq!(q.answers["Ja"].count, Cell::Count(3));
}

#[test]
fn a_service_name_with_an_identity_number_is_refused_and_never_shown() {
    // Issue 32 point 3: the name is printed on every page, so it gets the free-text screen.
    for name in ["PO Kalle 19850412-1230", "PO 8504121230", "PO Värmland"] {
        let o = ReportOptions {
            service_name: name.into(),
            ..options(2021)
        };
        match annual_report(&stockholm_2021(), &o) {
            Ok(r) => assert_eq!(name, "PO Värmland", "{}", r.service_name),
            Err(e) => {
                let text = e.to_string();
                assert!(
                    text.starts_with("service_name: contains what looks like"),
                    "{text}"
                );
                assert!(
                    !text.contains("8504121230") && !text.contains("0412-1230"),
                    "{text}"
                );
            }
        }
    }
}
