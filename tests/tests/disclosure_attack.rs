//! Issue 13: an attacker with only the published report (its JSON) and an LP solver.
//!
//! The attacker here is written independently of po-core's suppressor and audit: it reads the
//! published JSON, makes one variable per published or hidden number (a count shown twice is two
//! variables with an equation), writes down the relations a reader of the report knows, and
//! computes each hidden number's range with its own LPs. It then checks what the issue demands:
//! no hidden number is exact, no hidden number is provably within 1..k-1, and no published count
//! is within 1..k-1. The property runs 10 000 random registers (20–80 clients) in the release
//! profile (`tests/run-all.sh`), 200 in a debug `cargo test`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_arithmetic
)]

use microlp::{ComparisonOp, OptimizationDirection, Problem};
use po_core::codes::{
    AssignmentCategory, CodeList, ContactReason, Counterpart, DeviationEventType, DeviationLevel,
    DeviationStatus, Gender, IntakeOutcome,
};
use po_core::disclosure::Protection;
use po_core::io::write::to_markdown;
use po_core::organisation::MunicipalityCode;
use po_core::report::{
    annual_report, Assignment, Client, Deviation, ExitSurvey, IntakeVisit, Register, ReportOptions,
    StaffMember, SurveyResponse,
};
use po_core::Language;
use rust_decimal::Decimal;
use serde_json::Value;
use time::{Date, Duration, Month};

// ---------------------------------------------------------------------------------------------
// The attacker.

/// Σ coefficient·x (= when true, else ≤) right-hand side.
type Equation = (Vec<(usize, f64)>, bool, f64);

#[derive(Default)]
struct Attack {
    /// Published value per variable; `None` = hidden.
    values: Vec<Option<u64>>,
    names: Vec<String>,
    /// Σ coefficient·x (= or ≤) rhs.
    equations: Vec<Equation>,
}

struct Grid {
    rows: Vec<String>,
    columns: Vec<String>,
    inner: Vec<Vec<usize>>,
    row_totals: Vec<usize>,
    column_totals: Vec<usize>,
    total: usize,
}

fn cell(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) if s == "suppressed" => None,
        Value::Object(o) => Some(o["count"].as_u64().unwrap()),
        other => panic!("not a cell: {other}"),
    }
}

impl Attack {
    fn var(&mut self, name: String, v: &Value) -> usize {
        self.values.push(cell(v));
        self.names.push(name);
        self.values.len() - 1
    }
    fn eq(&mut self, terms: Vec<(usize, f64)>) {
        self.equations.push((terms, true, 0.0));
    }
    fn same(&mut self, a: usize, b: usize) {
        self.eq(vec![(a, 1.0), (b, -1.0)]);
    }
    fn le(&mut self, small: &[usize], large: &[usize]) {
        let mut t: Vec<(usize, f64)> = small.iter().map(|&s| (s, 1.0)).collect();
        t.extend(large.iter().map(|&l| (l, -1.0)));
        self.equations.push((t, false, 0.0));
    }
    fn at_least_one(&mut self, a: usize) {
        self.equations.push((vec![(a, -1.0)], false, -1.0));
    }
    fn sum(&mut self, total: usize, parts: &[usize]) {
        let mut t: Vec<(usize, f64)> = parts.iter().map(|&p| (p, 1.0)).collect();
        t.push((total, -1.0));
        self.eq(t);
    }

    fn table(&mut self, t: &Value) -> Grid {
        let name = t["name"].as_str().unwrap().to_owned();
        let labels = |k: &str| -> Vec<String> {
            t[k].as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
                .collect()
        };
        let (rows, columns) = (labels("rows"), labels("columns"));
        let inner: Vec<Vec<usize>> = (0..rows.len())
            .map(|i| {
                (0..columns.len())
                    .map(|j| {
                        self.var(
                            format!("{name}/{}/{}", rows[i], columns[j]),
                            &t["cells"][i][j],
                        )
                    })
                    .collect()
            })
            .collect();
        let row_totals: Vec<usize> = (0..rows.len())
            .map(|i| self.var(format!("{name}/{}/total", rows[i]), &t["row_totals"][i]))
            .collect();
        let column_totals: Vec<usize> = (0..columns.len())
            .map(|j| {
                self.var(
                    format!("{name}/total/{}", columns[j]),
                    &t["column_totals"][j],
                )
            })
            .collect();
        let total = self.var(format!("{name}/total"), &t["total"]);
        for (i, row) in inner.iter().enumerate() {
            self.sum(row_totals[i], row);
        }
        for (j, &c) in column_totals.iter().enumerate() {
            let col: Vec<usize> = inner.iter().map(|r| r[j]).collect();
            self.sum(c, &col);
        }
        self.sum(total, &row_totals);
        Grid {
            rows,
            columns,
            inner,
            row_totals,
            column_totals,
            total,
        }
    }

    /// Every relation a reader of the 10 § report knows, from the published JSON.
    fn of_report(r: &Value) -> Attack {
        let mut a = Attack::default();
        let active = a.table(&r["active_clients"]);
        let new = a.table(&r["new_clients"]);
        let closed = a.table(&r["closed_clients"]);
        let area = a.table(&r["clients_by_area"]);
        let children = a.table(&r["children_at_home"]);
        let reasons = a.table(&r["contact_reasons"]);
        let assignments = a.table(&r["assignments"]);
        let intake = a.table(&r["intake_outcomes"]);
        let by_type = a.table(&r["deviations_by_type"]);
        let by_counterpart = a.table(&r["deviations_by_counterpart"]);
        let gender = |label: &str| active.rows.iter().position(|x| x == label).unwrap();
        // New and closed clients are among the active ones.
        for part in [&new, &closed] {
            for (i, row) in part.rows.iter().enumerate() {
                let wi = active.rows.iter().position(|x| x == row).unwrap();
                for (j, col) in part.columns.iter().enumerate() {
                    let wj = active.columns.iter().position(|x| x == col).unwrap();
                    a.le(&[part.inner[i][j]], &[active.inner[wi][wj]]);
                }
                a.le(&[part.row_totals[i]], &[active.row_totals[wi]]);
            }
            for (j, col) in part.columns.iter().enumerate() {
                let wj = active.columns.iter().position(|x| x == col).unwrap();
                a.le(&[part.column_totals[j]], &[active.column_totals[wj]]);
            }
            a.le(&[part.total], &[active.total]);
        }
        for g in [&active, &new, &closed] {
            if let Some(j) = g.columns.iter().position(|c| c == "Uppgift saknas") {
                a.at_least_one(g.column_totals[j]);
            }
        }
        // Areas: every active client once, the same gender totals; an area is listed because
        // someone lives there.
        for (j, col) in area.columns.iter().enumerate() {
            let i = gender(col);
            a.same(area.column_totals[j], active.row_totals[i]);
        }
        a.same(area.total, active.total);
        for &t in &area.row_totals {
            a.at_least_one(t);
        }
        for (i, row) in children.rows.iter().enumerate() {
            let g = gender(row);
            a.le(&[children.inner[i][0]], &[active.row_totals[g]]);
        }
        for (j, col) in reasons.columns.iter().enumerate() {
            let g = gender(col);
            for row in &reasons.inner {
                a.le(&[row[j]], &[active.row_totals[g]]);
            }
        }
        for &t in &intake.column_totals {
            a.at_least_one(t);
        }
        a.same(by_type.total, by_counterpart.total);

        let ratio = |a: &mut Attack, name: &str, v: &Value| {
            (
                a.var(format!("{name}.count"), &v["count"]),
                a.var(format!("{name}.of"), &v["of"]),
            )
        };
        let (count, of) = ratio(
            &mut a,
            "assignments_per_client",
            &r["assignments_per_client"],
        );
        a.same(count, assignments.total);
        a.same(of, active.total);

        let staff = &r["staff"];
        let ombud = a.var("ombud".into(), &staff["ombud"]);
        let supervision = a.var("supervision".into(), &staff["with_supervision"]);
        a.le(&[supervision], &[ombud]);
        for (name, v) in staff["training"].as_object().unwrap() {
            let t = a.var(format!("training {name}"), v);
            a.le(&[t], &[ombud]);
            a.at_least_one(t);
        }

        let with_municipality = a.var(
            "clients_with_municipality".into(),
            &r["clients_with_municipality"],
        );
        let mut per = Vec::new();
        for m in r["clients_per_municipality"].as_array().unwrap() {
            let code = m["code"].as_str().unwrap();
            let n = a.var(format!("municipality {code}"), &m["clients"]);
            if m["key_share"].is_null() {
                a.at_least_one(n);
            }
            let (count, of) = ratio(&mut a, code, &m["client_share"]);
            a.same(count, n);
            a.same(of, with_municipality);
            per.push(n);
        }
        a.sum(with_municipality, &per);
        a.le(&[with_municipality], &[active.total]);

        let waits = a.var("waiting".into(), &r["waiting"]["clients"]);
        a.le(&[waits], &[new.total]);

        let (feedback, shortcomings) = ratio(&mut a, "feedback", &r["deviations_with_feedback"]);
        let shortcoming_rows: Vec<usize> = by_type
            .rows
            .iter()
            .zip(&by_type.row_totals)
            .filter(|(label, _)| *label != DeviationEventType::PositiveEvent.label_sv())
            .map(|(_, &t)| t)
            .collect();
        a.sum(shortcomings, &shortcoming_rows);
        a.le(&[feedback], &[shortcomings]);
        let answered: Vec<usize> = by_counterpart
            .columns
            .iter()
            .zip(&by_counterpart.column_totals)
            .filter(|(label, _)| {
                DeviationStatus::ALL
                    .iter()
                    .any(|s| s.label_sv() == *label && s.has_feedback())
            })
            .map(|(_, &t)| t)
            .collect();
        a.le(&[feedback], &answered);

        let responses = (!r["survey_response_rate"].is_null()).then(|| {
            let (n, sent) = ratio(&mut a, "responses", &r["survey_response_rate"]);
            a.le(&[n], &[sent]);
            n
        });
        for q in r["survey"].as_array().unwrap() {
            let question = q["question"].as_str().unwrap();
            let respondents = a.var(question.into(), &q["respondents"]);
            let mut answers = Vec::new();
            for (answer, v) in q["answers"].as_object().unwrap() {
                let (count, of) = ratio(&mut a, &format!("{question}: {answer}"), v);
                a.same(of, respondents);
                a.at_least_one(count);
                answers.push(count);
            }
            a.sum(respondents, &answers);
            if let Some(n) = responses {
                a.le(&[respondents], &[n]);
            }
        }
        a
    }

    fn optimise(
        &self,
        hidden: &[usize],
        objective: usize,
        dir: OptimizationDirection,
    ) -> Option<(f64, Vec<f64>)> {
        let mut p = Problem::new(dir);
        let mut index = vec![usize::MAX; self.values.len()];
        let vars: Vec<_> = hidden
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                index[h] = i;
                p.add_var(if h == objective { 1.0 } else { 0.0 }, (0.0, f64::INFINITY))
            })
            .collect();
        for (terms, equal, rhs) in &self.equations {
            // Relations of another group of hidden numbers are that group's.
            let other = terms
                .iter()
                .any(|&(v, _)| self.values[v].is_none() && index[v] == usize::MAX);
            if other {
                continue;
            }
            let mut rhs = *rhs;
            let mut t = Vec::new();
            for &(v, c) in terms {
                match self.values[v] {
                    Some(x) => rhs -= c * x as f64,
                    None => t.push((vars[index[v]], c)),
                }
            }
            if t.is_empty() {
                assert!(
                    if *equal {
                        rhs.abs() < 1e-9
                    } else {
                        rhs > -1e-9
                    },
                    "published numbers contradict"
                );
                continue;
            }
            p.add_constraint(
                t.as_slice(),
                if *equal {
                    ComparisonOp::Eq
                } else {
                    ComparisonOp::Le
                },
                rhs,
            );
        }
        match p.solve() {
            Ok(o) => {
                let s = o.into_solution().unwrap();
                Some((
                    s.objective(),
                    vars.iter().map(|&v| s.var_value(v)).collect(),
                ))
            }
            Err(microlp::Error::Unbounded) => None,
            Err(e) => panic!("attacker's LP failed: {e}"),
        }
    }

    /// Groups of hidden numbers linked by relations: each group's ranges are its own LP.
    fn groups(&self) -> Vec<Vec<usize>> {
        let n = self.values.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                x = p[x];
            }
            x
        }
        for (terms, _, _) in &self.equations {
            let hidden: Vec<usize> = terms
                .iter()
                .map(|t| t.0)
                .filter(|&v| self.values[v].is_none())
                .collect();
            for w in hidden.windows(2) {
                let (a, b) = (root(&mut parent, w[0]), root(&mut parent, w[1]));
                parent[a] = b;
            }
        }
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for v in (0..n).filter(|&v| self.values[v].is_none()) {
            groups.entry(root(&mut parent, v)).or_default().push(v);
        }
        groups.into_values().collect()
    }

    /// The names of hidden numbers the attacker can compute or prove small, and of published
    /// counts within 1..k-1.
    fn findings(&self, k: u64) -> Vec<String> {
        let mut found: Vec<String> = self
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some_and(|v| (1..k).contains(&v)))
            .map(|(i, v)| format!("published {} = {v:?}", self.names[i]))
            .collect();
        let k = k as f64;
        for hidden in self.groups() {
            // Every LP solution is a feasible point: the lowest and highest value seen of each
            // number bound its range from inside, so a number seen at two whole values, one of
            // them 0 or ≥ k, needs no LP of its own.
            let mut low = vec![f64::INFINITY; hidden.len()];
            let mut high = vec![f64::NEG_INFINITY; hidden.len()];
            let mut exact_low = vec![None; hidden.len()];
            let mut exact_high = vec![None; hidden.len()];
            let seen = |point: Vec<f64>, low: &mut [f64], high: &mut [f64]| {
                for (i, x) in point.into_iter().enumerate() {
                    low[i] = low[i].min(x);
                    high[i] = high[i].max(x);
                }
            };
            let safe = |lo: f64, hi: f64| {
                let (lo, hi) = ((lo - 1e-6).ceil().max(0.0), (hi + 1e-6).floor());
                lo < hi && (lo == 0.0 || hi >= k)
            };
            for (i, &h) in hidden.iter().enumerate() {
                if safe(low[i], high[i]) {
                    continue;
                }
                match self.optimise(&hidden, h, OptimizationDirection::Maximize) {
                    Some((max, point)) => {
                        exact_high[i] = Some(max);
                        seen(point, &mut low, &mut high);
                    }
                    None => {
                        exact_high[i] = Some(f64::INFINITY);
                        high[i] = f64::INFINITY;
                    }
                }
                if safe(low[i], high[i]) {
                    continue;
                }
                let (min, point) = self
                    .optimise(&hidden, h, OptimizationDirection::Minimize)
                    .unwrap();
                exact_low[i] = Some(min);
                seen(point, &mut low, &mut high);
                let (lo, hi) = (
                    (min - 1e-6).ceil().max(0.0),
                    exact_high[i].map_or(f64::INFINITY, |m: f64| (m + 1e-6).floor()),
                );
                if lo == hi {
                    found.push(format!("{} is exactly {lo}", self.names[h]));
                } else if lo >= 1.0 && hi < k {
                    found.push(format!("{} is within {lo}..{hi}", self.names[h]));
                }
            }
        }
        found
    }
}

fn attack(register: &Register, k: u64) -> (Value, Vec<String>) {
    let options = ReportOptions {
        year: 2023,
        service_name: "Test".into(),
        protection: Protection::Threshold { k },
        ..ReportOptions::default()
    };
    let report = annual_report(register, &options).unwrap();
    let json: Value =
        serde_json::from_str(&po_core::io::write::to_json(report.publishable().unwrap())).unwrap();
    let findings = Attack::of_report(&json).findings(k);
    (json, findings)
}

// ---------------------------------------------------------------------------------------------
// Registers.

fn client(id: usize, gender: Gender, age: i32, area: &str, municipality: &str) -> Client {
    Client {
        id: format!("c{id}"),
        gender,
        birth_date: None,
        birth_year: Some(2023 - age),
        age_band: None,
        municipality: MunicipalityCode::parse(municipality).ok(),
        area: Some(area.into()),
        applied_on: None,
        started_on: Date::from_calendar_date(2022, Month::March, 1).unwrap(),
        ended_on: None,
        children_at_home: false,
        priority_groups: Vec::new(),
        contact_reasons: [ContactReason::Economy].into(),
        assignments: Vec::new(),
    }
}

use po_examples::synthetic::Rng;

/// A small random register: many cells of 0, 1 and 2.
fn random_register(seed: u64) -> Register {
    let mut rng = Rng(seed);
    let n = 20 + rng.below(61) as usize;
    let areas =
        ["Centrala", "Norra", "Västra", "Östra", "Södra"][..2 + rng.below(4) as usize].to_vec();
    let municipalities = ["1760", "1762", "1780", "1784", "1785"];
    let day = |rng: &mut Rng, year: i32| {
        Date::from_calendar_date(year, Month::January, 1).unwrap()
            + Duration::days(rng.below(365) as i64)
    };
    let mut r = Register::default();
    for i in 0..n {
        let gender =
            Gender::ALL[[0, 0, 0, 1, 1, 2][rng.below(6) as usize].min(Gender::ALL.len() - 1)];
        let mut c = client(
            i,
            gender,
            18 + rng.below(70) as i32,
            rng.pick(&areas),
            rng.pick(&municipalities),
        );
        if rng.below(15) == 0 {
            c.birth_year = None; // "Uppgift saknas"
        }
        if rng.below(10) == 0 {
            c.municipality = None;
        }
        let start_year = 2021 + rng.below(3) as i32;
        c.started_on = day(&mut rng, start_year);
        c.applied_on =
            (rng.below(2) == 0).then(|| c.started_on - Duration::days(rng.below(90) as i64));
        c.ended_on = (rng.below(3) == 0)
            .then(|| day(&mut rng, 2023))
            .filter(|e| *e >= c.started_on);
        c.children_at_home = rng.below(5) == 0;
        c.contact_reasons = (0..1 + rng.below(3))
            .map(|_| rng.pick(ContactReason::ALL))
            .collect();
        c.assignments = (0..rng.below(5))
            .map(|_| Assignment {
                category: rng.pick(AssignmentCategory::ALL),
                started_on: None,
                ended_on: None,
            })
            .collect();
        r.clients.push(c);
    }
    for _ in 0..rng.below(30) {
        r.intake_visits.push(IntakeVisit {
            date: day(&mut rng, 2023),
            area: (*rng.pick(&areas)).into(),
            outcome: rng.pick(IntakeOutcome::ALL),
        });
    }
    for _ in 0..rng.below(20) {
        r.deviations.push(Deviation {
            date: day(&mut rng, 2023),
            event_type: rng.pick(DeviationEventType::ALL),
            level: rng.pick(DeviationLevel::ALL),
            counterpart: rng.pick(Counterpart::ALL),
            status: rng.pick(DeviationStatus::ALL),
            consequence: None,
        });
    }
    if rng.below(2) == 0 {
        let responses = rng.below(12) as usize;
        r.exit_survey = Some(ExitSurvey {
            sent: (responses + rng.below(10) as usize) as u32,
            responses: (0..responses)
                .map(|_| SurveyResponse {
                    answers: [(
                        "Fick du stöd?".to_owned(),
                        rng.pick(&["Ja", "Nej", "Delvis"]).to_owned(),
                    )]
                    .into_iter()
                    .collect(),
                })
                .collect(),
        });
    }
    r.staff = (0..1 + rng.below(6))
        .map(|i| StaffMember {
            id: format!("o{i}"),
            fte: Decimal::ONE,
            training: if rng.below(2) == 0 {
                vec!["Introduktion".into()]
            } else {
                Vec::new()
            },
            supervision: (rng.below(3) > 0).then(|| "Extern".into()),
        })
        .collect();
    r
}

// ---------------------------------------------------------------------------------------------
// The property and the examples.

#[test]
fn no_random_register_can_be_undone() {
    let registers: u64 = if cfg!(debug_assertions) { 16 } else { 10_000 };
    let threads = 2;
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    let mut failures = Vec::new();
                    for seed in (t..registers).step_by(threads as usize) {
                        // Half at k = 3, half at k = 5.
                        let k = if seed % 2 == 0 { 3 } else { 5 };
                        let (_, found) = attack(&random_register(seed), k);
                        if !found.is_empty() {
                            failures.push(format!("seed {seed}, k = {k}: {found:?}"));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} registers undone, e.g. {}",
        failures.len(),
        failures[0]
    );
}

#[test]
fn closed_clients_five_five_one_two() {
    // Issue 13's example: closed clients, women 5 5 1 2 and men 4 4 0 0 across the age bands.
    let mut r = Register::default();
    let mut id = 0;
    for (gender, counts) in [(Gender::Woman, [5, 5, 1, 2]), (Gender::Man, [4, 4, 0, 0])] {
        for (age, n) in [20, 40, 55, 70].into_iter().zip(counts) {
            for _ in 0..n {
                let mut c = client(id, gender, age, "Centrala", "1780");
                c.ended_on = Some(Date::from_calendar_date(2023, Month::June, 1).unwrap());
                r.clients.push(c);
                id += 1;
            }
        }
    }
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    let closed = &json["closed_clients"];
    // The column totals 1 and 2 are small themselves: hidden.
    assert_eq!(closed["column_totals"][2], "suppressed");
    assert_eq!(closed["column_totals"][3], "suppressed");
}

#[test]
fn one_man_aged_65_in_municipality_1762() {
    // 20 women and one man aged 65+ living in 1762, k = 3: his row total, his age band's
    // total, his area's count and his municipality's count were all published as 1.
    let mut r = Register::default();
    for i in 0..20 {
        r.clients
            .push(client(i, Gender::Woman, 40, "Centrala", "1780"));
    }
    r.clients.push(client(20, Gender::Man, 70, "Norra", "1762"));
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    let active = &json["active_clients"];
    assert_eq!(active["row_totals"][1], "suppressed");
    assert_eq!(active["column_totals"][3], "suppressed");
    let area = &json["clients_by_area"];
    let norra = area["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r == "Norra")
        .unwrap();
    assert_eq!(area["row_totals"][norra], "suppressed");
    let m = json["clients_per_municipality"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "1762")
        .unwrap();
    assert_eq!(m["clients"], "suppressed");
}

#[test]
fn one_column_tables_do_not_publish_the_total_that_reveals_a_cell() {
    let mut r = Register::default();
    for i in 0..30 {
        let mut c = client(
            i,
            if i < 25 { Gender::Woman } else { Gender::Man },
            40,
            "Centrala",
            "1780",
        );
        c.children_at_home = i < 12 || i == 25 || i == 26; // women 12, men 2
        r.clients.push(c);
    }
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    // The men's 2 is hidden, and never as the only hidden cell under a published total (the
    // old output hid it and published the total, flagged "revealed by total").
    let children = &json["children_at_home"];
    assert_eq!(children["cells"][1][0], "suppressed");
    let hidden = children["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row[0] == "suppressed")
        .count();
    assert!(children["total"] == "suppressed" || hidden >= 2);
}

#[test]
fn the_bundled_report_leaks_nothing() {
    let register = po_examples::bundled_register();
    let (json, found) = attack(&register, 3);
    assert!(found.is_empty(), "{found:?}");
    // Issue 13's examples from the bundled report: the "Annat" row total of active clients
    // (2), the intake total "Avsäger sig hjälp" (2) and municipality 1762 (2) are hidden.
    let active = &json["active_clients"];
    assert_eq!(active["row_totals"][2], "suppressed");
    let intake = &json["intake_outcomes"];
    assert_eq!(intake["row_totals"][1], "suppressed");
    let m1762 = json["clients_per_municipality"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "1762")
        .unwrap();
    assert_eq!(m1762["clients"], "suppressed");
    // Nothing says which hidden cells were small.
    let text = json.to_string();
    for word in ["primary", "secondary", "revealed"] {
        assert!(!text.to_lowercase().contains(word), "{word}");
    }
    let options = ReportOptions {
        year: 2023,
        ..ReportOptions::default()
    };
    let report = annual_report(&register, &options).unwrap();
    // (Code-list labels such as "Primary care" may appear; words about suppression may not.)
    for lang in [Language::Sv, Language::En] {
        let md = to_markdown(report.publishable().unwrap(), lang);
        let html = po_core::io::write::to_html(report.publishable().unwrap(), lang);
        for word in [
            "primary suppression",
            "secondary suppression",
            "Primary suppression",
            "Secondary suppression",
            "primär",
            "sekundär",
            "Sekundär",
        ] {
            assert!(!md.contains(word), "{word}");
            assert!(!html.contains(word), "{word}");
        }
    }
    let md = to_markdown(report.publishable().unwrap(), Language::Sv);
    assert!(md.contains("Antal från 1 till 2 visas inte (gräns k = 3)"));
    let en = to_markdown(report.publishable().unwrap(), Language::En);
    assert!(en.contains("Counts from 1 to 2 are not shown (threshold k = 3)"));
}

#[test]
fn a_changed_report_is_refused() {
    // A protected report whose hidden cell was filled in again (or read from an edited file)
    // is refused by every rendering.
    let register = po_examples::bundled_register();
    let mut report = annual_report(
        &register,
        &ReportOptions {
            year: 2023,
            ..ReportOptions::default()
        },
    )
    .unwrap();
    let man_65 = report
        .active_clients
        .rows
        .iter()
        .position(|r| r == "Annat")
        .unwrap();
    report.active_clients.row_totals[man_65] = po_core::report::Cell::Count(2);
    // No writer can be reached: the audit refuses to vouch for the changed report.
    let e = report.publishable().unwrap_err();
    assert!(e.to_string().contains("refused to publish"), "{e}");
}

#[test]
fn a_median_over_two_people_and_a_training_of_one_are_not_published() {
    let mut r = Register::default();
    for i in 0..30 {
        let mut c = client(i, Gender::Woman, 40, "Centrala", "1780");
        if i < 2 {
            // Two new clients with a known wait: their median would be one of them.
            c.started_on = Date::from_calendar_date(2023, Month::May, 1).unwrap();
            c.applied_on = Some(c.started_on - Duration::days(40 + i as i64));
        }
        r.clients.push(c);
    }
    r.staff = (0..4)
        .map(|i| StaffMember {
            id: format!("o{i}"),
            fte: Decimal::ONE,
            training: if i == 0 {
                vec!["Motiverande samtal".into()]
            } else {
                Vec::new()
            },
            supervision: Some("Extern".into()),
        })
        .collect();
    let (json, found) = attack(&r, 3);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(json["waiting"]["clients"], "suppressed");
    assert!(json["waiting"]["median_days"].is_null() && json["waiting"]["max_days"].is_null());
    assert_eq!(
        json["staff"]["training"]["Motiverande samtal"],
        "suppressed"
    );
}
