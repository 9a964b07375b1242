//! Every value of every code list: codes, labels, NFD, case, serde, uniqueness, errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use po_core::codes::*;
use po_core::organisation::{County, LeadershipRole};

/// Decomposes å, ä, ö, é (and capitals) the way NFD writes them.
fn nfd(s: &str) -> String {
    s.chars()
        .flat_map(|c| match c {
            'å' => vec!['a', '\u{30a}'],
            'ä' => vec!['a', '\u{308}'],
            'ö' => vec!['o', '\u{308}'],
            'Å' => vec!['A', '\u{30a}'],
            'Ä' => vec!['A', '\u{308}'],
            'Ö' => vec!['O', '\u{308}'],
            'é' => vec!['e', '\u{301}'],
            other => vec![other],
        })
        .collect()
}

fn check_list<T>() -> usize
where
    T: CodeList + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Display,
{
    let mut codes = HashSet::new();
    let mut labels = HashSet::new();
    for (i, &v) in T::ALL.iter().enumerate() {
        // A table's rows are indexed by `index()`: it must be the place in `ALL`.
        assert_eq!(v.index(), i, "{}: {v:?}", T::LIST);
        let code = v.code();
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{}: code {code:?} is not lowercase ASCII",
            T::LIST
        );
        assert!(codes.insert(code), "{}: duplicate code {code}", T::LIST);
        assert!(
            labels.insert(v.label_sv().to_lowercase()),
            "{}: duplicate label",
            T::LIST
        );
        assert!(!v.label_en().is_empty() && !v.source().is_empty());
        for s in [
            code.to_owned(),
            v.label_sv().to_owned(),
            v.label_en().to_owned(),
            v.label_sv().to_uppercase(),
            format!("  {}\t", v.label_en().to_lowercase()),
            nfd(v.label_sv()),
            nfd(&v.label_sv().to_uppercase()),
        ] {
            assert_eq!(T::parse(&s), Ok(v), "{}: {s:?}", T::LIST);
        }
        for alias in v.info().aliases {
            assert_eq!(T::parse(alias), Ok(v), "{}: alias {alias:?}", T::LIST);
        }
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, format!("\"{code}\""));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
        assert_eq!(v.to_string(), code);
    }
    let err = T::parse("no such value").unwrap_err();
    assert_eq!(err.list, T::LIST);
    assert_eq!(err.value, "no such value");
    for code in &codes {
        assert!(err.accepted.contains(code));
    }
    T::ALL.len()
}

#[test]
fn every_list() {
    assert_eq!(check_list::<ContactReason>(), 11);
    assert_eq!(check_list::<AssignmentCategory>(), 12);
    assert_eq!(check_list::<DeviationLevel>(), 3);
    assert_eq!(check_list::<Counterpart>(), 9);
    assert_eq!(check_list::<DeviationEventType>(), 5);
    assert_eq!(check_list::<DeviationStatus>(), 5);
    assert_eq!(check_list::<IntakeOutcome>(), 5);
    assert_eq!(check_list::<Gender>(), 3);
    assert_eq!(check_list::<AgeBand>(), 4);
    assert_eq!(check_list::<LeadershipRole>(), 9);
    assert_eq!(check_list::<County>(), 21);
}

#[test]
fn unknown_value_error_lists_what_is_accepted() {
    let err = IntakeOutcome::parse("Godkänd").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown intake_outcome \"Godkänd\": expected one of accepted, declined, met_otherwise, \
         not_target_group, missing (or its Swedish or English label)"
    );
    let long = "x".repeat(500);
    assert_eq!(Gender::parse(&long).unwrap_err().value.chars().count(), 61);
}

#[test]
fn seed_spellings_read() {
    // Seed 004 writes the intake outcomes in the plural and at length.
    let seed_004 = [
        ("Accepterade/köplacerade", IntakeOutcome::Accepted),
        ("Avsäger sig hjälp", IntakeOutcome::Declined),
        (
            "Tillgodoses behovet på annat sätt",
            IntakeOutcome::MetOtherwise,
        ),
        ("Bedöms ej tillhöra målgrupp", IntakeOutcome::NotTargetGroup),
        (
            "Resultat saknas/finns ej dokumenterat i statistik",
            IntakeOutcome::Missing,
        ),
    ];
    for (label, outcome) in seed_004 {
        assert_eq!(IntakeOutcome::parse(label), Ok(outcome));
    }
    // Seed 001's table header and seed 002's column headers.
    assert_eq!(AgeBand::parse("65 år-"), Ok(AgeBand::From65));
    assert_eq!(AgeBand::parse("18–29 år"), Ok(AgeBand::From18To29));
    assert_eq!(AgeBand::parse("18-29"), Ok(AgeBand::From18To29));
    assert_eq!(Gender::parse("Kvinnor"), Ok(Gender::Woman));
    assert_eq!(Gender::parse("MÄN"), Ok(Gender::Man));
    assert_eq!(Gender::parse(&nfd("Män")), Ok(Gender::Man));
    assert!(DeviationStatus::FeedbackReceived.has_feedback());
    assert!(!DeviationStatus::Raised.has_feedback());
    assert!(!DeviationEventType::PositiveEvent.is_shortcoming());
}
