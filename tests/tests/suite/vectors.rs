//! The shared vectors (`tests/vectors/*.json`), checked in Rust. The same files are checked by
//! po-python's pytest suite and by the JUnit tests of po-ffi/jvm on the JVM.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use po_core::code_lists as by_name;
use po_core::codes::CodeList;
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
        let key = PseudonymKey::new(&key).unwrap();
        let pseudonym = match case["input"].as_str() {
            Some(text) => key.pseudonym(&IdentityNumber::parse(text, reference).unwrap()),
            None => key.pseudonym_of_id(case["id"].as_str().unwrap()),
        };
        assert_eq!(pseudonym.as_str(), case["pseudonym"]);
    }
}

// ---- Vectors of the domain functions. A vector with "?" as an expected value fails and prints
// the actual value, which is how a new vector's expectations are first read (then checked by
// hand against the seeds or by reasoning before they are written in).

use po_core::disclosure::Protection;
use po_core::eligibility::{assess, Age, Answer, Criterion, Readings, TargetGroupInput};
use po_core::io::read::read_register_json;
use po_core::money::{allocate, amount_per_position, repayment, service_grant, Agreement, Waiver};
use po_core::priority::{rank, Applicant, PriorityPolicy};
use po_core::report::{annual_report, ReportOptions};
use po_core::Error;
use rust_decimal::Decimal;

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{}/vectors/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Compares an expected string with the actual one ("?" = not yet written: fail and show it).
fn same(case: &Value, key: &str, actual: &str) {
    let expected = case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {case}"));
    assert!(expected != "?", "FILL {} / {key}: {actual:?}", case["name"]);
    assert_eq!(actual, expected, "{} / {key}", case["name"]);
}

fn decimal(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

/// The error case of a vector: kind and exact message.
fn same_error(case: &Value, e: Error) {
    assert_eq!(
        po_ffi::PoError::from(e.clone()).kind(),
        case["error"],
        "{}: {e}",
        case["name"]
    );
    same(case, "message", &e.to_string());
}

fn criterion<T: CodeList>(v: &Value) -> Criterion<T> {
    Criterion {
        answer: v.get("answer").map(answer),
        details: v.get("details").map(|d| {
            d.as_array()
                .unwrap()
                .iter()
                .map(|x| T::parse(x.as_str().unwrap()))
                .collect::<Result<Vec<T>, _>>()
                .unwrap_or_default()
        }),
    }
}

fn answer(v: &Value) -> Answer {
    serde_json::from_value(v.clone()).unwrap()
}

#[test]
fn eligibility_vectors() {
    for case in load("eligibility.json")["cases"].as_array().unwrap() {
        let i = &case["input"];
        // Unknown codes are an error of parsing the details, before any assessment.
        let unknown = ["difficulties", "needs", "long_term_contacts"]
            .iter()
            .filter_map(|c| i.get(*c)?.get("details")?.as_array())
            .flatten()
            .map(|d| d.as_str().unwrap())
            .find(|d| {
                po_core::eligibility::LifeArea::parse(d).is_err()
                    && po_core::eligibility::NeedArea::parse(d).is_err()
                    && po_core::eligibility::ContactArea::parse(d).is_err()
            });
        if let Some(d) = unknown {
            let e = po_core::eligibility::LifeArea::parse(d).unwrap_err();
            same_error(case, e.into());
            continue;
        }
        let input = TargetGroupInput {
            age: match (i.get("birth_date"), i.get("age_years")) {
                (Some(d), None) => Age::BirthDate(date(d)),
                (None, Some(y)) => Age::Years(y.as_i64().unwrap() as i32),
                _ => Age::Unknown,
            },
            psychiatric_disability: i
                .get("psychiatric_disability")
                .map_or(Answer::Unknown, answer),
            difficulties: criterion(&i["difficulties"]),
            needs: criterion(&i["needs"]),
            long_term_contacts: criterion(&i["long_term_contacts"]),
        };
        let result = Readings::preset(case["readings"].as_str().unwrap())
            .map_err(Error::from)
            .and_then(|r| assess(&input, date(&case["as_of"]), r).map_err(Error::from));
        match result {
            Ok(a) => {
                assert!(case.get("error").is_none(), "{}: no error", case["name"]);
                same(case, "outcome", a.outcome.code());
                let statuses: serde_json::Map<String, Value> = a
                    .findings
                    .iter()
                    .map(|f| (f.criterion.to_string(), Value::from(f.status.code())))
                    .collect();
                assert_eq!(Value::from(statuses), case["findings"], "{}", case["name"]);
                let asked: Vec<&str> = a.questions.iter().map(|q| q.criterion.as_ref()).collect();
                assert_eq!(
                    serde_json::json!(asked),
                    case["questions"],
                    "{}",
                    case["name"]
                );
            }
            Err(e) => same_error(case, e),
        }
    }
}

fn applicant(v: &Value) -> Applicant {
    let flag = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
    Applicant {
        id: v["id"].as_str().unwrap().to_owned(),
        birth_date: date(&v["birth_date"]),
        area: v.get("area").and_then(Value::as_str).map(str::to_owned),
        queued_on: date(&v["queued_on"]),
        left_queue_on: v.get("left_queue_on").map(date),
        children_at_home: flag("children_at_home"),
        children_at_risk_of_harm: flag("children_at_risk_of_harm"),
        homeless_or_at_risk: flag("homeless_or_at_risk"),
        lacking_contacts: flag("lacking_contacts"),
    }
}

#[test]
fn ranking_vectors() {
    let v = load("ranking.json");
    let applicants: Vec<Applicant> = v["applicants"]
        .as_array()
        .unwrap()
        .iter()
        .map(applicant)
        .collect();
    for case in v["cases"].as_array().unwrap() {
        let policy = match (case.get("policy"), case.get("policy_json")) {
            (Some(name), None) => PriorityPolicy::preset(name.as_str().unwrap()),
            (None, Some(json)) => PriorityPolicy::from_json(json.as_str().unwrap()),
            _ => panic!("policy or policy_json"),
        };
        let result = policy
            .and_then(|p| rank(&applicants, &p, date(&case["on"])).map(|r| r.applicants))
            .map_err(Error::from);
        match result {
            Ok(ranked) => {
                assert!(case.get("error").is_none(), "{}: no error", case["name"]);
                let ids: Vec<&str> = ranked.iter().map(|r| r.id.as_str()).collect();
                assert_eq!(serde_json::json!(ids), case["order"], "{}", case["name"]);
                let deciding: Vec<Option<&str>> =
                    ranked.iter().map(|r| r.deciding_group.as_deref()).collect();
                assert_eq!(
                    serde_json::json!(deciding),
                    case["deciding"],
                    "{}",
                    case["name"]
                );
                let days: Vec<i64> = ranked.iter().map(|r| r.days_waited).collect();
                assert_eq!(
                    serde_json::json!(days),
                    case["days_waited"],
                    "{}",
                    case["name"]
                );
            }
            Err(e) => same_error(case, e),
        }
    }
}

#[test]
fn grant_vectors() {
    for case in load("grant.json")["cases"].as_array().unwrap() {
        let d = |k: &str| decimal(&case[k]);
        let result: Result<Vec<(&str, Decimal)>, Error> =
            match case["function"].as_str().unwrap() {
                "amount_per_position" => {
                    amount_per_position(d("money_for_positions"), d("positions"))
                        .map(|a| vec![("expected", a)])
                }
                "service_grant" => service_grant(d("amount_per_position"), d("positions"))
                    .map(|a| vec![("expected", a)]),
                "repayment" => {
                    let waiver = case["waived"]
                        .as_str()
                        .map_or(Waiver::None, |w| Waiver::Partial(w.parse().unwrap()));
                    repayment(
                        d("received"),
                        d("used_for_purpose"),
                        case["report_submitted"].as_bool().unwrap(),
                        waiver,
                        date(&case["decided_on"]),
                    )
                    .map(|r| vec![("liable", r.liable), ("amount", r.amount)])
                }
                other => panic!("unknown function {other}"),
            }
            .map_err(Error::from);
        match result {
            Ok(values) => {
                assert!(case.get("error").is_none(), "{}: no error", case["name"]);
                for (key, value) in values {
                    same(case, key, &value.to_string());
                }
            }
            Err(e) => same_error(case, e),
        }
    }
}

#[test]
fn allocation_vectors() {
    for case in load("allocation.json")["cases"].as_array().unwrap() {
        let json = text(&format!(
            "agreements/{}",
            case["agreement"].as_str().unwrap()
        ));
        let result = Agreement::from_json(&json)
            .and_then(|a| allocate(&a))
            .map_err(Error::from);
        match result {
            Ok(a) => {
                assert!(case.get("error").is_none(), "{}: no error", case["name"]);
                same(case, "municipal_net", &a.municipal_net.to_string());
                same(
                    case,
                    "rounding_difference",
                    &a.rounding_difference.to_string(),
                );
                for (key, field) in [("fees", "fee"), ("totals", "total")] {
                    for (code, expected) in case[key].as_object().unwrap() {
                        let p = a
                            .participants
                            .iter()
                            .find(|p| p.code.as_str() == code)
                            .unwrap();
                        let actual = if field == "fee" { p.fee } else { p.total };
                        assert_eq!(
                            actual.to_string(),
                            expected.as_str().unwrap(),
                            "{} {code}",
                            case["name"]
                        );
                    }
                }
                assert!(a.checks.iter().all(|c| c.holds));
            }
            Err(e) => same_error(case, e),
        }
    }
}

#[test]
fn report_vectors() {
    for case in load("report.json")["cases"].as_array().unwrap() {
        let json = text(&format!("registers/{}", case["register"].as_str().unwrap()));
        let register = read_register_json(&json, "register.json").unwrap();
        let report = annual_report(
            &register,
            &ReportOptions {
                year: case["year"].as_i64().unwrap() as i32,
                service_name: case["service_name"].as_str().unwrap().to_owned(),
                // "k": null asks for an unprotected report, a number protects at that k.
                protection: case["k"]
                    .as_u64()
                    .map_or(Protection::Unprotected, |k| Protection::Threshold { k }),
                ..ReportOptions::default()
            },
        )
        .unwrap();
        let table = |name: &str| *report.tables().iter().find(|t| t.name == name).unwrap();
        for cell in case["cells"].as_array().unwrap() {
            let t = table(cell["table"].as_str().unwrap());
            let i = t
                .rows
                .iter()
                .position(|r| r == cell["row"].as_str().unwrap())
                .unwrap();
            let j = t
                .columns
                .iter()
                .position(|c| c == cell["column"].as_str().unwrap())
                .unwrap();
            assert_eq!(
                serde_json::json!(t.cells[i][j].count()),
                cell["value"],
                "{} {cell}",
                case["name"]
            );
        }
        for (name, total) in case["totals"].as_object().unwrap() {
            assert_eq!(
                serde_json::json!(table(name).total.count()),
                *total,
                "{} {name}",
                case["name"]
            );
        }
        let ratio = |r: Option<Decimal>| r.map(|d| d.to_string()).unwrap_or_default();
        same(
            case,
            "assignments_per_client",
            &ratio(report.assignments_per_client.value),
        );
        same(
            case,
            "deviations_with_feedback",
            &ratio(report.deviations_with_feedback.value),
        );
        same(
            case,
            "survey_response_rate",
            &ratio(report.survey_response_rate.and_then(|r| r.value)),
        );
        assert_eq!(
            serde_json::json!(report.waiting.clients.count()),
            case["waiting_count"]
        );
        same(
            case,
            "waiting_median_days",
            &ratio(report.waiting.median_days),
        );
        assert_eq!(
            serde_json::json!(report.waiting.max_days),
            case["waiting_max_days"]
        );
        same(case, "positions", &report.staff.positions.to_string());
        assert_eq!(
            serde_json::json!(report.hidden_cells.values().sum::<u64>()),
            case["hidden_cells"],
            "{}",
            case["name"]
        );
    }
}

#[test]
fn the_example_agreement_is_the_vector_agreement() {
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/varmland-2023-agreement.json"
    ))
    .unwrap();
    assert_eq!(example, text("agreements/varmland-2023.json"));
}

/// The counts of a period view as the vector names them.
fn counts_json(c: &po_core::deviation::Counts) -> Value {
    serde_json::json!({
        "new": c.new, "raised": c.raised, "sent": c.sent, "answered": c.answered,
        "remedied": c.remedied, "not_remedied": c.not_remedied, "withdrawn": c.withdrawn,
        "open_at_end": c.open_at_end, "overdue_at_end": c.overdue_at_end, "positive": c.positive,
    })
}

#[test]
fn deviation_period_vectors() {
    use po_core::codes::LocalVocabulary;
    use po_core::input::Mode;
    use po_core::io::read::read_deviation_events_csv;
    let v = load("deviations.json");
    let csv = v["events_csv"].as_str().unwrap().as_bytes();
    let (deviations, problems) = read_deviation_events_csv(
        csv,
        "deviations.csv",
        &LocalVocabulary::preset("none").unwrap(),
        Mode::Strict,
    )
    .unwrap();
    assert!(problems.is_empty());
    assert_eq!(deviations.len(), 5);
    for case in v["cases"].as_array().unwrap() {
        let name = &case["name"];
        let view =
            po_core::deviation::period_view(&deviations, date(&case["from"]), date(&case["to"]));
        assert_eq!(counts_json(&view.total), case["total"], "{name}: total");
        for l in &view.by_level {
            assert_eq!(
                counts_json(&l.counts),
                case["by_level"][l.level.code()],
                "{name}: {:?}",
                l.level
            );
        }
        let dec = |d: Option<Decimal>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
        assert_eq!(
            dec(view.median_days_to_raised),
            case["median_days_to_raised"],
            "{name}"
        );
        assert_eq!(
            dec(view.median_days_to_answered),
            case["median_days_to_answered"],
            "{name}"
        );
        assert_eq!(dec(view.feedback_rate), case["feedback_rate"], "{name}");
        assert_eq!(
            view.stamp.as_of,
            date(&case["to"]),
            "{name}: stamped with the last day"
        );
    }
}

/// Issue 32 point 7: the annual report counts deviations from their histories as they stand
/// now; a withdrawn one counts in no figure (DOMAIN § 5). The same vector in Python and Kotlin.
#[test]
fn the_annual_report_from_deviation_histories() {
    use po_core::codes::LocalVocabulary;
    use po_core::input::Mode;
    use po_core::io::read::{read_register_csv, RegisterCsv};
    let v = load("deviations.json");
    let expected = &v["report"];
    let csv = v["events_csv"].as_str().unwrap().as_bytes();
    let files = RegisterCsv {
        deviation_events: Some(csv.into()),
        ..RegisterCsv::default()
    };
    let (register, problems) =
        read_register_csv(files, &LocalVocabulary::default(), Mode::Strict).unwrap();
    assert!(problems.is_empty());
    let report = annual_report(
        &register,
        &ReportOptions {
            year: expected["year"].as_i64().unwrap() as i32,
            protection: Protection::Unprotected,
            ..ReportOptions::default()
        },
    )
    .unwrap();
    let t = &report.deviations_by_counterpart;
    assert_eq!(t.total.count(), expected["deviations"].as_u64());
    assert_eq!(
        report.deviations_by_type.total.count(),
        expected["deviations"].as_u64()
    );
    for c in expected["by_counterpart_and_status"].as_array().unwrap() {
        let i = t.rows.iter().position(|r| r == &c[0]).unwrap();
        let j = t.columns.iter().position(|x| x == &c[1]).unwrap();
        assert_eq!(t.cells[i][j].count(), c[2].as_u64(), "{c}");
    }
    let fb = &report.deviations_with_feedback;
    assert_eq!(
        (fb.count.count(), fb.of.count()),
        (
            expected["with_feedback"]["count"].as_u64(),
            expected["with_feedback"]["of"].as_u64()
        )
    );
    // Flat and histories together: the histories are read and the flat file is left out,
    // with a problem that says so (strict: refused).
    let flat = b"date;event_type;level;counterpart;status\n2024-02-01;positive_event;central;health_care;documented\n";
    let both = RegisterCsv {
        deviations: Some(flat.into()),
        deviation_events: Some(csv.into()),
        ..RegisterCsv::default()
    };
    let e = read_register_csv(both, &LocalVocabulary::default(), Mode::Strict).unwrap_err();
    assert_eq!(e.problems.len(), 1);
    assert_eq!(e.problems[0].file, "deviation_events.csv");
    assert!(
        e.problems[0].reason.contains("given twice"),
        "{}",
        e.problems[0]
    );
    let (lenient, _) = read_register_csv(both, &LocalVocabulary::default(), Mode::Lenient).unwrap();
    assert_eq!(lenient.deviations, register.deviations);
}
