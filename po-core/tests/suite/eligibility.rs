//! Target-group assessment (SFS 2013:522 2 §).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::eligibility::*;
use po_core::identity::IdentityNumber;
use po_core::rules::{RuleSet, Status};
use time::macros::date;
use time::Date;

fn all_yes(age: Age) -> TargetGroupInput {
    TargetGroupInput {
        age,
        psychiatric_disability: Answer::Yes,
        difficulties: Criterion::answer(Answer::Yes),
        needs: Criterion::answer(Answer::Yes),
        long_term_contacts: Criterion::answer(Answer::Yes),
    }
}

fn run(input: &TargetGroupInput, on: Date) -> Assessment {
    assess(input, on, Readings::statute()).unwrap()
}

fn statuses(a: &Assessment) -> Vec<Status> {
    a.findings.iter().map(|f| f.status).collect()
}

#[test]
fn every_criterion_met_is_eligible_with_reasons_and_sources() {
    let a = run(&all_yes(Age::Years(40)), date!(2023 - 05 - 01));
    assert_eq!(a.outcome, Outcome::Eligible);
    assert_eq!(statuses(&a), vec![Status::Met; 5]);
    let criteria: Vec<_> = a.findings.iter().map(|f| f.criterion.as_ref()).collect();
    assert_eq!(
        criteria,
        [
            "age_18_or_older",
            "psychiatric_disability",
            "difficulties_in_several_life_areas",
            "complex_and_extensive_needs",
            "long_term_contacts"
        ]
    );
    assert!(a
        .findings
        .iter()
        .all(|f| f.source.starts_with("SFS 2013:522 2 §")));
    assert!(a.findings[1].source.contains("ingen diagnos krävs"));
    assert_eq!(
        a.findings[0].reason_sv,
        "Personen är 40 år, alltså 18 år eller äldre."
    );
    assert_eq!(
        a.findings[0].reason_en,
        "The person is 40, i.e. 18 or older."
    );
    assert!(a.questions.is_empty());
    assert_eq!(a.rule_set, RuleSet::Sfs2019_1094);
    assert_eq!(a.library_version, po_core::VERSION);
    assert_eq!(a.as_of, date!(2023 - 05 - 01));
}

#[test]
fn any_criterion_not_met_is_not_eligible() {
    let on = date!(2023 - 05 - 01);
    let mut cases = Vec::new();
    let mut i = all_yes(Age::Years(17));
    cases.push((i.clone(), 0));
    i = all_yes(Age::Years(30));
    i.psychiatric_disability = Answer::No;
    cases.push((i.clone(), 1));
    i = all_yes(Age::Years(30));
    i.difficulties = Criterion::answer(Answer::No);
    cases.push((i.clone(), 2));
    i = all_yes(Age::Years(30));
    i.needs = Criterion::answer(Answer::No);
    cases.push((i.clone(), 3));
    i = all_yes(Age::Years(30));
    i.long_term_contacts = Criterion::answer(Answer::No);
    // A not-met criterion wins over unknown ones: no questions are asked.
    i.psychiatric_disability = Answer::Unknown;
    cases.push((i, 4));
    for (input, failing) in cases {
        let a = run(&input, on);
        assert_eq!(a.outcome, Outcome::NotEligible, "criterion {failing}");
        assert_eq!(a.findings[failing].status, Status::NotMet);
        assert!(a.questions.is_empty());
    }
}

#[test]
fn unknown_answers_give_undetermined_and_the_questions_to_ask() {
    let input = TargetGroupInput {
        age: Age::Years(25),
        psychiatric_disability: Answer::Yes,
        ..TargetGroupInput::default()
    };
    let a = run(&input, date!(2023 - 05 - 01));
    assert_eq!(a.outcome, Outcome::Undetermined);
    assert_eq!(
        statuses(&a),
        [
            Status::Met,
            Status::Met,
            Status::Unknown,
            Status::Unknown,
            Status::Unknown
        ]
    );
    let asked: Vec<_> = a.questions.iter().map(|q| q.criterion.as_ref()).collect();
    assert_eq!(
        asked,
        [
            "difficulties_in_several_life_areas",
            "complex_and_extensive_needs",
            "long_term_contacts"
        ]
    );
    assert!(a.questions[0].sv.starts_with("Inom vilka livsområden"));
    // Nothing known at all: five questions, the first about age.
    let a = run(&TargetGroupInput::default(), date!(2023 - 05 - 01));
    assert_eq!(a.questions.len(), 5);
    assert_eq!(a.questions[0].en, "How old is the person (date of birth)?");
}

#[test]
fn the_eighteenth_birthday_including_29_february() {
    let birthday = all_yes(Age::BirthDate(date!(2005 - 06 - 15)));
    assert_eq!(
        run(&birthday, date!(2023 - 06 - 14)).outcome,
        Outcome::NotEligible
    );
    assert_eq!(
        run(&birthday, date!(2023 - 06 - 15)).outcome,
        Outcome::Eligible
    );
    // Born on a leap day: 18 on 1 March 2022, a common year (see identity::age_on).
    let leap = all_yes(Age::BirthDate(date!(2004 - 02 - 29)));
    let before = run(&leap, date!(2022 - 02 - 28));
    assert_eq!(before.outcome, Outcome::NotEligible);
    assert_eq!(
        before.findings[0].reason_sv,
        "Personen är 17 år; PO riktar sig till personer som är 18 år eller äldre."
    );
    assert_eq!(run(&leap, date!(2022 - 03 - 01)).outcome, Outcome::Eligible);
    // From an identity number: only its birth date is used.
    let n = IdentityNumber::parse("20040229-0000", date!(2022 - 01 - 01));
    assert!(n.is_err()); // birth number 000 is never assigned
    let n = IdentityNumber::parse("040229-1231", date!(2022 - 01 - 01)).unwrap();
    let from_number = all_yes(Age::from_identity_number(&n));
    assert_eq!(
        run(&from_number, date!(2022 - 03 - 01)).outcome,
        Outcome::Eligible
    );
}

#[test]
fn rule_set_by_date() {
    let input = all_yes(Age::Years(40));
    assert_eq!(
        run(&input, date!(2013 - 08 - 01)).rule_set,
        RuleSet::Sfs2013_522
    );
    assert_eq!(
        run(&input, date!(2019 - 12 - 31)).rule_set,
        RuleSet::Sfs2013_522
    );
    let after = run(&input, date!(2020 - 01 - 01));
    assert_eq!(after.rule_set, RuleSet::Sfs2019_1094);
    assert!(after.findings[0].source.contains("SFS 2019:1094"));
    let err = assess(&input, date!(2013 - 07 - 31), Readings::statute()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "as_of 2013-07-31 is before SFS 2013:522 came into force (2013-08-01)"
    );
}

#[test]
fn answers_derived_from_details() {
    let on = date!(2023 - 05 - 01);
    let mut input = all_yes(Age::Years(30));
    input.difficulties = Criterion::details(vec![LifeArea::Housing, LifeArea::Housing]);
    let a = run(&input, on);
    assert_eq!(
        a.findings[2].status,
        Status::NotMet,
        "one distinct area is not several"
    );
    assert_eq!(
        a.findings[2].reason_en,
        "Difficulties in 1 areas of life (housing); at least 2 required."
    );
    input.difficulties = Criterion::details(vec![LifeArea::Housing, LifeArea::Economy]);
    assert_eq!(run(&input, on).findings[2].status, Status::Met);

    input.needs = Criterion::details(vec![NeedArea::Care, NeedArea::SupportAndService]);
    assert_eq!(
        run(&input, on).findings[3].status,
        Status::NotMet,
        "statute: all four"
    );
    let composite = Readings {
        needs: NeedsReading::AtLeast { min: 2 },
        ..Readings::statute()
    };
    assert_eq!(
        assess(&input, on, composite).unwrap().findings[3].status,
        Status::Met
    );

    input.needs = Criterion::answer(Answer::Yes);
    input.long_term_contacts = Criterion::details(vec![
        ContactArea::SocialServices,
        ContactArea::OtherAuthorities,
    ]);
    let statute = run(&input, on);
    assert_eq!(statute.outcome, Outcome::NotEligible);
    assert!(statute.findings[4]
        .reason_sv
        .contains("lagens lydelse (\"och\")"));
    let stockholm = assess(&input, on, Readings::stockholm_2021()).unwrap();
    assert_eq!(stockholm.outcome, Outcome::Eligible);
    assert!(stockholm.findings[4].reason_sv.contains("seed 002"));
    input.long_term_contacts = Criterion::details(vec![ContactArea::SocialServices]);
    let without_authorities = assess(&input, on, Readings::stockholm_2021()).unwrap();
    assert_eq!(without_authorities.findings[4].status, Status::NotMet);
}

#[test]
fn errors_name_the_field() {
    let on = date!(2023 - 05 - 01);
    let mut input = all_yes(Age::Years(30));
    input.difficulties = Criterion {
        answer: Some(Answer::Yes),
        details: Some(vec![LifeArea::Housing]),
    };
    assert_eq!(
        assess(&input, on, Readings::statute())
            .unwrap_err()
            .to_string(),
        "difficulties: the answer yes contradicts the details, which give no"
    );
    let unborn = all_yes(Age::BirthDate(date!(2024 - 01 - 01)));
    assert_eq!(
        assess(&unborn, on, Readings::statute()).unwrap_err(),
        EligibilityError::BornAfterAssessment { as_of: on }
    );
    let old = all_yes(Age::Years(131));
    assert_eq!(
        assess(&old, on, Readings::statute())
            .unwrap_err()
            .to_string(),
        "age.years: expected an age in whole years from 0 to 130, got 131"
    );
    let zero = Readings {
        min_life_areas: 0,
        ..Readings::statute()
    };
    assert!(matches!(
        assess(&input, on, zero),
        Err(EligibilityError::ZeroMinimum {
            field: "min_life_areas"
        })
    ));
}

#[test]
fn json_input_and_output() {
    let json = r#"{
        "age": {"birth_date": "1990-04-01"},
        "psychiatric_disability": "yes",
        "difficulties": {"details": ["housing", "Ekonomi"]},
        "needs": {"answer": "yes"},
        "long_term_contacts": {"answer": "unknown"}
    }"#;
    let input: TargetGroupInput = serde_json::from_str(json).unwrap();
    let a = run(&input, date!(2023 - 05 - 01));
    assert_eq!(a.outcome, Outcome::Undetermined);
    let out = serde_json::to_value(&a).unwrap();
    assert_eq!(out["outcome"], "undetermined");
    assert_eq!(out["rule_set"], "sfs_2019_1094");
    assert_eq!(out["findings"][2]["status"], "met");
    assert_eq!(out["readings"]["contacts"], "statute");
    let back: Assessment = serde_json::from_value(out).unwrap();
    assert_eq!(back, a);
}

#[test]
fn intake_outcome_recorded_with_date_and_area() {
    use po_core::codes::IntakeOutcome;
    let r = IntakeRecord {
        date: date!(2023 - 09 - 01),
        area: "Östra".into(),
        outcome: IntakeOutcome::MetOtherwise,
    };
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(
        json,
        r#"{"date":"2023-09-01","area":"Östra","outcome":"met_otherwise"}"#
    );
    let back: IntakeRecord = serde_json::from_str(
        r#"{"date":"2023-09-01","area":"Östra","outcome":"Tillgodoses på annat sätt"}"#,
    )
    .unwrap();
    assert_eq!(back, r);
}
