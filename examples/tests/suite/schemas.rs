//! The JSON Schemas of the JSON documents (issue 18): the committed files are the generated
//! ones, and the bundled documents conform to them (a small checker: properties, required
//! keys, types, enums, `$ref`, arrays, `oneOf`/`anyOf`), so neither can drift.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas");

/// Why `value` does not conform to `schema` (empty: it conforms).
fn check(value: &Value, schema: &Value, root: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return check(value, &root["$defs"][name], root, at, out);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let fits = options.iter().any(|o| {
                let mut e = Vec::new();
                check(value, o, root, at, &mut e);
                e.is_empty()
            });
            if !fits {
                out.push(format!("{at}: fits none of {key}"));
            }
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            out.push(format!("{at}: {value} not in the enum"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            out.push(format!("{at}: {value} is not {c}"));
        }
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let number_ok = kind == "integer" && types.contains(&"number");
    if !types.is_empty() && !types.contains(&kind) && !number_ok {
        out.push(format!("{at}: a {kind}, expected {types:?}"));
        return;
    }
    match value {
        Value::Object(map) => {
            let props = schema.get("properties").and_then(Value::as_object);
            for key in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !map.contains_key(key) {
                    out.push(format!("{at}: {key} is required"));
                }
            }
            for (k, v) in map {
                match props.and_then(|p| p.get(k)) {
                    Some(s) => check(v, s, root, &format!("{at}.{k}"), out),
                    None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                        out.push(format!("{at}: {k} is not a property"));
                    }
                    None => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(s) = schema.get("items") {
                for (i, v) in items.iter().enumerate() {
                    check(v, s, root, &format!("{at}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

fn conforms(document: &Value, name: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{DIR}/{name}.schema.json")).unwrap(),
    )
    .unwrap();
    let mut out = Vec::new();
    check(document, &schema, &schema, name, &mut out);
    out
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for (name, schema) in po_core::schema::document_schemas() {
        let committed = std::fs::read_to_string(format!("{DIR}/{name}.schema.json")).unwrap();
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        assert!(
            committed == generated,
            "examples/schemas/{name}.schema.json is stale: regenerate it with \
             `cargo run -p po-examples --bin po -- schema --format json-schema --out examples/schemas`"
        );
    }
}

#[test]
fn the_bundled_documents_conform_and_a_wrong_one_does_not() {
    let read = |p: &str| -> Value {
        serde_json::from_str(
            &std::fs::read_to_string(format!("{}/data/{p}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        )
        .unwrap()
    };
    let register = read("synthetic-2023/register.json");
    assert_eq!(conforms(&register, "register"), Vec::<String>::new());
    let agreement = read("varmland-2023-agreement.json");
    assert_eq!(conforms(&agreement, "agreement"), Vec::<String>::new());
    let leadership = read("varmland-2023-leadership.json");
    assert_eq!(conforms(&leadership, "leadership"), Vec::<String>::new());
    let mut no_role = leadership.clone();
    no_role["members"][0]["role"] = "chair".into();
    assert_eq!(
        conforms(&no_role, "leadership"),
        vec!["leadership.members[0].role: \"chair\" not in the enum"]
    );
    for (name, policy) in po_core::priority::PriorityPolicy::presets() {
        let json: Value = serde_json::from_str(&policy.to_json()).unwrap();
        assert_eq!(conforms(&json, "policy"), Vec::<String>::new(), "{name}");
    }
    // The checker is not blind: a wrong gender, a missing start, an unknown key.
    let mut wrong = register.clone();
    wrong["clients"][0]["gender"] = "robot".into();
    wrong["clients"][1]
        .as_object_mut()
        .unwrap()
        .remove("started_on");
    let found = conforms(&wrong, "register");
    assert!(
        found.iter().any(|e| e.contains("clients[0].gender")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.contains("clients[1]: started_on is required")),
        "{found:?}"
    );
    let mut policy: Value = serde_json::from_str(
        &po_core::priority::PriorityPolicy::preset("varmland_2023")
            .unwrap()
            .to_json(),
    )
    .unwrap();
    policy["colour"] = "red".into();
    assert_eq!(
        conforms(&policy, "policy"),
        vec!["policy: colour is not a property"]
    );
}

#[test]
fn a_submission_conforms_to_its_versioned_schema() {
    // The bundled register's report with all five points of 10 § and hidden cells, submitted.
    use po_core::chain::Submission;
    use po_core::organisation::MunicipalityCode;
    use po_core::report::{annual_report, ReportOptions};
    let register = po_examples::bundled_register();
    let options = ReportOptions {
        year: 2023,
        service_name: "PO Värmland (SYNTETISKA DATA)".into(),
        priority_policy: Some(po_core::priority::PriorityPolicy::varmland_2023()),
        leadership_group: Some(po_core::reference::varmland::leadership_group_2023()),
        ..ReportOptions::default()
    };
    let report = annual_report(&register, &options).unwrap();
    assert!(report.hidden_cells.values().sum::<u64>() > 0);
    let karlstad = MunicipalityCode::parse("1780").unwrap();
    let mut submission = Submission::new(
        karlstad,
        vec![karlstad],
        Some(2.5.try_into().unwrap()),
        report,
    );
    submission.grant = Some(po_core::chain::GrantFigures::default());
    let json: Value = serde_json::from_str(&submission.to_json()).unwrap();
    assert_eq!(conforms(&json, "submission"), Vec::<String>::new());
    // Another schema version is not this one.
    let mut other = json.clone();
    other["schema"] = "po-submission/5".into();
    assert_eq!(
        conforms(&other, "submission"),
        vec!["submission.schema: \"po-submission/5\" is not \"po-submission/4\""]
    );
    // A cell is a count or "suppressed", nothing else (a reason would tell which are small).
    let mut small = json.clone();
    small["report"]["active_clients"]["cells"][0][0] = "small".into();
    assert_eq!(
        conforms(&small, "submission"),
        vec!["submission.report.active_clients.cells[0][0]: fits none of oneOf"]
    );
}
