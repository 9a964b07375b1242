//! The shared vectors (`tests/vectors/*.json`), checked in Rust. The same files are checked by
//! po-python's pytest suite and by the Kotlin program on the JVM.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::codes::{by_name, CodeList};
use po_core::identity::{IdentityKind, IdentityNumber, PseudonymKey};
use serde_json::Value;
use time::format_description::well_known::Iso8601;
use time::Date;

fn load(name: &str) -> Value {
    let path = format!("{}/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(v: &Value) -> Date {
    Date::parse(v.as_str().unwrap(), &Iso8601::DATE).unwrap()
}

#[test]
fn identity_vectors() {
    let v = load("identity.json");
    let reference = date(&v["reference_date"]);
    let cases = v["cases"].as_array().unwrap();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        match IdentityNumber::parse(input, reference) {
            Ok(n) => {
                let kind = match n.kind() {
                    IdentityKind::Personnummer => "personnummer",
                    IdentityKind::Samordningsnummer => "samordningsnummer",
                };
                assert_eq!(kind, case["kind"], "{input}");
                assert_eq!(n.birth_date(), date(&case["birth_date"]), "{input}");
                assert_eq!(n.legal_gender().code(), case["legal_gender"], "{input}");
                assert_eq!(
                    i64::from(n.age_on(reference)),
                    case["age"].as_i64().unwrap(),
                    "{input}"
                );
            }
            Err(e) => assert_eq!(
                e.to_string(),
                case["error"].as_str().unwrap_or("(valid)"),
                "{input}"
            ),
        }
    }
    assert!(cases.len() >= 12);
}

#[test]
fn code_vectors() {
    for case in load("codes.json")["cases"].as_array().unwrap() {
        let (list, input) = (
            case["list"].as_str().unwrap(),
            case["input"].as_str().unwrap(),
        );
        match by_name::parse_in(list, input) {
            Ok(info) => assert_eq!(info.code, case["code"], "{list} {input}"),
            Err(e) => assert_eq!(
                e.to_string(),
                case["error"].as_str().unwrap_or("(valid)"),
                "{list} {input}"
            ),
        }
    }
}

#[test]
fn pseudonym_vectors() {
    let v = load("pseudonyms.json");
    let reference = date(&v["reference_date"]);
    for case in v["cases"].as_array().unwrap() {
        let hex = case["key_hex"].as_str().unwrap();
        let key: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let n = IdentityNumber::parse(case["input"].as_str().unwrap(), reference).unwrap();
        assert_eq!(
            PseudonymKey::new(&key).unwrap().pseudonym(&n).as_str(),
            case["pseudonym"]
        );
    }
}
