//! Every entry and spelling of the personnummer project's shared test data
//! (`vectors/personnummer-meta-list.json`, copied from `shared/reference/`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::codes::Gender;
use po_core::identity::{IdentityKind, IdentityNumber};
use serde::Deserialize;
use time::macros::date;
use time::Date;

#[derive(Deserialize)]
struct Entry {
    integer: u64,
    long_format: String,
    short_format: String,
    separated_format: String,
    separated_long: String,
    valid: bool,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "isMale")]
    is_male: bool,
    #[serde(rename = "isFemale")]
    is_female: bool,
}

/// A fixed reference date after every birth date in the list, so century inference is
/// deterministic (the README of the list warns that it depends on the reference date).
const REF: Date = date!(2026 - 01 - 01);

fn entries() -> Vec<Entry> {
    let text = include_str!("../../vectors/personnummer-meta-list.json");
    serde_json::from_str(text).expect("the vector file parses")
}

#[test]
fn every_entry_and_spelling_agrees() {
    let entries = entries();
    assert_eq!(entries.len(), 13);
    let mut checked = 0;
    for e in &entries {
        let mut spellings = vec![
            ("long_format", e.long_format.clone()),
            ("short_format", e.short_format.clone()),
            ("separated_format", e.separated_format.clone()),
            ("separated_long", e.separated_long.clone()),
        ];
        // integer 0 means "no integer form".
        if e.integer != 0 {
            spellings.push(("integer", e.integer.to_string()));
        }
        for (form, s) in spellings {
            let parsed = IdentityNumber::parse(&s, REF);
            assert_eq!(parsed.is_ok(), e.valid, "{form} {s}: {parsed:?}");
            checked += 1;
            let Ok(p) = parsed else { continue };
            let kind = if e.kind == "con" {
                IdentityKind::Samordningsnummer
            } else {
                IdentityKind::Personnummer
            };
            assert_eq!(p.kind(), kind, "{form} {s}");
            assert_eq!(p.legal_gender() == Gender::Man, e.is_male, "{form} {s}");
            assert_eq!(p.legal_gender() == Gender::Woman, e.is_female, "{form} {s}");
            // A 10-digit number without separator carries no century: "0905271474" is read as
            // 2009 on REF, not 1909 (the list's own implementations skip this form too).
            if form != "short_format" {
                assert_eq!(p.to_long(), e.long_format, "{form} {s}");
                assert_eq!(p.to_short_on(REF), e.separated_format, "{form} {s}");
            }
        }
    }
    assert_eq!(checked, 4 * 13 + 12);
}

#[test]
fn short_form_without_separator_reads_latest_century() {
    let p = IdentityNumber::parse("0905271474", REF).unwrap();
    assert_eq!(p.birth_date(), date!(2009 - 05 - 27));
    let p = IdentityNumber::parse("090527+1474", REF).unwrap();
    assert_eq!(p.birth_date(), date!(1909 - 05 - 27));
    assert_eq!(p.age_on(REF), 116);
    // 1879 with '+': turned 100 long ago, and still '+'.
    let p = IdentityNumber::parse("791221+9990", REF).unwrap();
    assert_eq!(p.birth_date(), date!(1879 - 12 - 21));
}
