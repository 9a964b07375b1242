//! The attacker, written apart from po-core's suppressor and audit: it reads published JSON,
//! makes one variable per published or hidden number (a count shown twice is two variables with
//! an equation), writes down the relations a reader knows, and computes each hidden number's
//! range with its own LPs. Shared by the attack tests of one report (`disclosure_attack.rs`) and
//! of families of publications (`family_attack.rs`).
#![allow(
    dead_code,
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
use po_core::organisation::MunicipalityCode;
use po_core::report::{
    Assignment, Client, Deviation, ExitSurvey, IntakeVisit, Register, StaffMember, SurveyResponse,
};
use po_examples::synthetic::Rng;
use rust_decimal::Decimal;
use serde_json::Value;
use time::{Date, Duration, Month};

/// Σ coefficient·x (= when true, else ≤) right-hand side.
pub(crate) type Equation = (Vec<(usize, f64)>, bool, f64);

#[derive(Default)]
pub(crate) struct Attack {
    /// Published value per variable; `None` = hidden.
    pub(crate) values: Vec<Option<u64>>,
    pub(crate) names: Vec<String>,
    /// Σ coefficient·x (= or ≤) rhs.
    pub(crate) equations: Vec<Equation>,
    /// Numbers never shown but computable from what is (the difference between two versions
    /// of a count): only a value within 1..k-1 gives someone away.
    pub(crate) derived: Vec<bool>,
}

/// What the attacker takes two publications of one population to be.
#[derive(Clone, Copy)]
pub(crate) enum Between {
    /// The same register published twice (at two k): a number in both is one unknown, known
    /// when either report shows it.
    Same,
    /// A later version with records added: a number in both grew by the records added to it.
    Added,
}

/// One group's linear program (`Attack::group`): each number's bounds and the relations of
/// two or more numbers, by their index in the group.
pub(crate) struct GroupLp {
    pub(crate) bounds: Vec<(f64, f64)>,
    pub(crate) rows: Vec<Equation>,
}

impl GroupLp {
    /// Optimises `objective` (one coefficient per number), each number within its bounds and
    /// at most its cap (`caps`, one per number, or none): the optimum and the point, `None`
    /// if unbounded. Caps only shrink the feasible set: every point found is a point of the
    /// uncapped problem too.
    pub(crate) fn optimise(
        &self,
        objective: &[f64],
        caps: &[f64],
        dir: OptimizationDirection,
    ) -> Option<(f64, Vec<f64>)> {
        let mut p = Problem::new(dir);
        let vars: Vec<_> = objective
            .iter()
            .zip(&self.bounds)
            .enumerate()
            .map(|(i, (&c, &(low, high)))| {
                let cap = caps.get(i).map_or(high, |&cap| cap.min(high).max(low));
                p.add_var(c, (low, cap))
            })
            .collect();
        for (terms, equal, rhs) in &self.rows {
            let t: Vec<_> = terms.iter().map(|&(i, c)| (vars[i], c)).collect();
            let op = if *equal {
                ComparisonOp::Eq
            } else {
                ComparisonOp::Le
            };
            p.add_constraint(t.as_slice(), op, *rhs);
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
}

pub(crate) struct Grid {
    pub(crate) rows: Vec<String>,
    pub(crate) columns: Vec<String>,
    pub(crate) inner: Vec<Vec<usize>>,
    pub(crate) row_totals: Vec<usize>,
    pub(crate) column_totals: Vec<usize>,
    pub(crate) total: usize,
}

/// Every cell of a table's JSON hidden.
fn hide(v: &mut Value) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(hide),
        other => *other = Value::String("suppressed".into()),
    }
}

pub(crate) fn cell(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) if s == "suppressed" => None,
        Value::Object(o) => Some(o["count"].as_u64().unwrap()),
        other => panic!("not a cell: {other}"),
    }
}

impl Attack {
    pub(crate) fn var(&mut self, name: String, v: &Value) -> usize {
        self.values.push(cell(v));
        self.names.push(name);
        self.derived.push(false);
        self.values.len() - 1
    }

    /// Several reports of one population, in the order published: each read as
    /// [`Attack::of_report`], its numbers named by their report, and each number shown in two
    /// reports related as `between` says.
    pub(crate) fn of_reports(reports: &[Value], between: Between) -> Attack {
        let mut all = Attack::default();
        let mut first: Vec<std::collections::BTreeMap<String, usize>> = Vec::new();
        for (i, r) in reports.iter().enumerate() {
            let names = all.add_report(r, &format!("report {}", i + 1));
            for earlier in &first {
                for (name, &b) in &names {
                    let Some(&a) = earlier.get(name) else {
                        continue;
                    };
                    match between {
                        Between::Same => {
                            // One unknown: shown if either report shows it.
                            match (all.values[a], all.values[b]) {
                                (Some(v), None) => all.values[b] = Some(v),
                                (None, Some(v)) => all.values[a] = Some(v),
                                _ => {}
                            }
                            all.same(a, b);
                        }
                        Between::Added => {
                            all.values.push(None);
                            all.names
                                .push(format!("records added to {name} ({a} → {b})"));
                            all.derived.push(true);
                            let d = all.values.len() - 1;
                            all.eq(vec![(b, 1.0), (a, -1.0), (d, -1.0)]);
                        }
                    }
                }
            }
            first.push(names);
        }
        all
    }
    /// Adds one report read as [`Attack::of_report`], its numbers named `name: …`; returns
    /// each number's variable by its name in the report.
    pub(crate) fn add_report(
        &mut self,
        r: &Value,
        name: &str,
    ) -> std::collections::BTreeMap<String, usize> {
        let one = Attack::of_report(r);
        let offset = self.values.len();
        let mut names = std::collections::BTreeMap::new();
        for (v, number) in one.names.iter().enumerate() {
            names.entry(number.clone()).or_insert(v + offset);
            self.names.push(format!("{name}: {number}"));
        }
        self.values.extend(one.values);
        self.derived.extend(one.derived);
        self.equations
            .extend(one.equations.into_iter().map(|(t, eq, rhs)| {
                (
                    t.into_iter().map(|(v, c)| (v + offset, c)).collect(),
                    eq,
                    rhs,
                )
            }));
        names
    }

    /// Services' published reports and compilations of them (each with the services it
    /// sums, by index): every number of a compilation is the sum of the same number in its
    /// services' reports (a service without the row or column counts 0 there). The services
    /// are different people, so nothing else joins them.
    ///
    /// A service that published nothing (`None`) is every compiled number an unknown, with its
    /// tables' sums (shaped as the last compilation's tables), at risk only if shown 1..k-1. The
    /// staff counts a compilation shows (ombud, with supervision, by gender) are summed too.
    pub(crate) fn of_chain(
        services: &[Option<Value>],
        compilations: &[(Value, Vec<usize>)],
    ) -> Attack {
        let mut all = Attack::default();
        let mut by_name: Vec<std::collections::BTreeMap<String, usize>> = Vec::new();
        let shapes = compilations.last().map(|(c, _)| c["tables"].clone());
        for (i, r) in services.iter().enumerate() {
            let name = format!("service {}", i + 1);
            match r {
                Some(r) => by_name.push(all.add_report(r, &name)),
                None => {
                    let start = all.values.len();
                    for t in shapes.as_ref().unwrap().as_array().unwrap() {
                        let mut hidden = t.clone();
                        for key in ["cells", "row_totals", "column_totals", "total"] {
                            hide(&mut hidden[key]);
                        }
                        all.table(&hidden);
                    }
                    // Its staff, when compilations show staff: unknown ombud, by the genders
                    // the nation shows, those with supervision at most the ombud.
                    let nation = &compilations.last().unwrap().0;
                    if nation.get("ombud").is_some() {
                        let unknown = Value::String("suppressed".into());
                        let ombud = all.var("ombud".into(), &unknown);
                        let supervision = all.var("supervision".into(), &unknown);
                        all.le(&[supervision], &[ombud]);
                        let genders = nation["ombud_by_gender"].as_object().into_iter().flatten();
                        let parts: Vec<usize> = genders
                            .map(|(g, _)| all.var(format!("ombud {g}"), &unknown))
                            .collect();
                        all.le(&parts, &[ombud]);
                    }
                    let mut names = std::collections::BTreeMap::new();
                    for v in start..all.values.len() {
                        // Never published: like a derived number, only a count shown to be
                        // 1..k-1 gives someone away (a column it may not even have, pinned to
                        // 0, tells nothing).
                        all.derived[v] = true;
                        names.insert(all.names[v].clone(), v);
                        all.names[v] = format!("{name}: {}", all.names[v]);
                    }
                    by_name.push(names);
                }
            }
        }
        for (n, (c, parts)) in compilations.iter().enumerate() {
            let start = all.values.len();
            for t in c["tables"].as_array().unwrap() {
                all.table(t);
            }
            // Its staff counts, each the sum of its services' (by name, as in their reports),
            // when it shows them (a compilation of tables only does not).
            if let Some(ombud) = c.get("ombud") {
                all.var("ombud".into(), ombud);
                all.var("supervision".into(), &c["with_supervision"]);
                for (g, v) in c["ombud_by_gender"].as_object().into_iter().flatten() {
                    all.var(format!("ombud {g}"), v);
                }
            }
            for v in start..all.values.len() {
                let name = all.names[v].clone();
                let terms: Vec<usize> = parts
                    .iter()
                    .filter_map(|&p| by_name[p].get(&name).copied())
                    .collect();
                all.sum(v, &terms);
                all.names[v] = format!("compilation {}: {name}", n + 1);
            }
        }
        all
    }

    pub(crate) fn eq(&mut self, terms: Vec<(usize, f64)>) {
        self.equations.push((terms, true, 0.0));
    }
    pub(crate) fn same(&mut self, a: usize, b: usize) {
        self.eq(vec![(a, 1.0), (b, -1.0)]);
    }
    pub(crate) fn le(&mut self, small: &[usize], large: &[usize]) {
        let mut t: Vec<(usize, f64)> = small.iter().map(|&s| (s, 1.0)).collect();
        t.extend(large.iter().map(|&l| (l, -1.0)));
        self.equations.push((t, false, 0.0));
    }
    pub(crate) fn at_least_one(&mut self, a: usize) {
        self.equations.push((vec![(a, -1.0)], false, -1.0));
    }
    pub(crate) fn sum(&mut self, total: usize, parts: &[usize]) {
        let mut t: Vec<(usize, f64)> = parts.iter().map(|&p| (p, 1.0)).collect();
        t.push((total, -1.0));
        self.eq(t);
    }

    pub(crate) fn table(&mut self, t: &Value) -> Grid {
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
    pub(crate) fn of_report(r: &Value) -> Attack {
        let mut a = Attack::default();
        let active = a.table(&r["active_clients"]);
        let new = a.table(&r["new_clients"]);
        let closed = a.table(&r["closed_clients"]);
        let area = a.table(&r["clients_by_area"]);
        let children = a.table(&r["children_at_home"]);
        let reasons = a.table(&r["contact_reasons"]);
        let new_reasons = a.table(&r["new_contact_reasons"]);
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
        // New clients' reasons: among all clients' reasons, and a gender's at most its new
        // clients.
        for (i, row) in new_reasons.rows.iter().enumerate() {
            let wi = reasons.rows.iter().position(|x| x == row).unwrap();
            for (j, col) in new_reasons.columns.iter().enumerate() {
                let wj = reasons.columns.iter().position(|x| x == col).unwrap();
                a.le(&[new_reasons.inner[i][j]], &[reasons.inner[wi][wj]]);
                let g = new.rows.iter().position(|x| x == col).unwrap();
                a.le(&[new_reasons.inner[i][j]], &[new.row_totals[g]]);
                // The clients who are not new with this reason are among those not new.
                let ag = gender(col);
                a.le(
                    &[reasons.inner[wi][wj], new.row_totals[g]],
                    &[new_reasons.inner[i][j], active.row_totals[ag]],
                );
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
        // Ombud by gender, when given: every ombud once, each gender listed because someone
        // has it.
        if let Some(genders) = staff.get("ombud_by_gender").and_then(Value::as_object) {
            let parts: Vec<usize> = genders
                .iter()
                .map(|(g, v)| a.var(format!("ombud {g}"), v))
                .collect();
            for &g in &parts {
                a.at_least_one(g);
            }
            a.sum(ombud, &parts);
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

    /// The linear program of one group of hidden numbers (`hidden`): the relations with its
    /// numbers and no other group's, published numbers moved to the right-hand side; a
    /// relation of one hidden number is that number's bounds.
    pub(crate) fn group(&self, hidden: &[usize]) -> GroupLp {
        let mut index = vec![usize::MAX; self.values.len()];
        for (i, &h) in hidden.iter().enumerate() {
            index[h] = i;
        }
        let mut lp = GroupLp {
            bounds: vec![(0.0, f64::INFINITY); hidden.len()],
            rows: Vec::new(),
        };
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
                    None => t.push((index[v], c)),
                }
            }
            match t[..] {
                [] => assert!(
                    if *equal {
                        rhs.abs() < 1e-9
                    } else {
                        rhs > -1e-9
                    },
                    "published numbers contradict"
                ),
                [(i, c)] if c != 0.0 => {
                    let (low, high) = &mut lp.bounds[i];
                    let v = rhs / c;
                    if *equal || c > 0.0 {
                        *high = high.min(v);
                    }
                    if *equal || c < 0.0 {
                        *low = low.max(v);
                    }
                    assert!(*low <= *high + 1e-9, "published numbers contradict");
                }
                _ => lp.rows.push((t, *equal, rhs)),
            }
        }
        lp
    }

    /// Groups of hidden numbers linked by relations: each group's ranges are its own LP.
    pub(crate) fn groups(&self) -> Vec<Vec<usize>> {
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
    pub(crate) fn findings(&self, k: u64) -> Vec<String> {
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
            // Points first: every number as small as it can be; then, while that settles some,
            // the numbers not yet settled as large as they can be, up to k (a number of the
            // first point above k keeps its value as its cap, so the first point stays feasible).
            let lp = self.group(&hidden);
            let all = vec![1.0; hidden.len()];
            let Some((_, first)) = lp.optimise(&all, &[], OptimizationDirection::Minimize) else {
                unreachable!("a minimum of numbers ≥ 0 is bounded")
            };
            let caps: Vec<f64> = first.iter().map(|&x| x.max(k)).collect();
            seen(first, &mut low, &mut high);
            loop {
                let open: Vec<f64> = (0..hidden.len())
                    .map(|i| if safe(low[i], high[i]) { 0.0 } else { 1.0 })
                    .collect();
                let before = open.iter().sum::<f64>();
                if before == 0.0 {
                    break;
                }
                let Some((_, point)) = lp.optimise(&open, &caps, OptimizationDirection::Maximize)
                else {
                    break;
                };
                seen(point, &mut low, &mut high);
                let after = (0..hidden.len())
                    .filter(|&i| !safe(low[i], high[i]))
                    .count() as f64;
                if after == before {
                    break;
                }
            }
            for (i, &h) in hidden.iter().enumerate() {
                if safe(low[i], high[i]) {
                    continue;
                }
                let mut objective = vec![0.0; hidden.len()];
                objective[i] = 1.0;
                match lp.optimise(&objective, &[], OptimizationDirection::Maximize) {
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
                let (min, point) = lp
                    .optimise(&objective, &[], OptimizationDirection::Minimize)
                    .unwrap();
                exact_low[i] = Some(min);
                seen(point, &mut low, &mut high);
                let (lo, hi) = (
                    (min - 1e-6).ceil().max(0.0),
                    exact_high[i].map_or(f64::INFINITY, |m: f64| (m + 1e-6).floor()),
                );
                if self.derived[h] {
                    if lo >= 1.0 && hi < k {
                        found.push(format!("{} is within {lo}..{hi}", self.names[h]));
                    }
                } else if lo == hi {
                    found.push(format!("{} is exactly {lo}", self.names[h]));
                } else if lo >= 1.0 && hi < k {
                    found.push(format!("{} is within {lo}..{hi}", self.names[h]));
                }
            }
        }
        found
    }
}

// ---------------------------------------------------------------------------------------------
// Registers.

pub(crate) fn client(
    id: usize,
    gender: Gender,
    age: i32,
    area: &str,
    municipality: &str,
) -> Client {
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

/// A small random register: many cells of 0, 1 and 2.
pub(crate) fn random_register(seed: u64) -> Register {
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
            gender: match rng.below(4) {
                0 => None,
                1 => Some(po_core::codes::Gender::Man),
                _ => Some(po_core::codes::Gender::Woman),
            },
        })
        .collect();
    r
}
