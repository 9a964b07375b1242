//! The attacker's view: each hidden cell's feasible range by linear programming.
//!
//! The attacker knows every published number, every relation of the [`Publication`], that
//! counts are whole numbers ≥ 0, and the rule (hidden cells may be 1..k-1). For each hidden cell
//! the audit minimises and maximises it subject to all of that (the LP relaxation, as τ-ARGUS's
//! audit, sdcTable's `attack()` and GaussSuppression's interval computation do), then rounds
//! inward to whole numbers. A cell is at risk when its range is one value (it is disclosed) or
//! lies within 1..k-1 (it is known to be small).
//!
//! Solver: `microlp`, a pure-Rust simplex (no C or C++ toolchain, builds in seconds on two cores,
//! maintained, warm-startable). A report's components have at most a few hundred cells; a
//! family's (services' published reports with their counties and the nation) thousands, where
//! the publisher, who knows the truth, probes whole values from one solved basis ([`probe`]),
//! shows cells safe by points near the truth ([`local`]) and finds the cells the relations pin
//! by elimination ([`pinned`]) before any cell's own linear programs.
#![allow(clippy::float_arithmetic)] // The LP is solved in f64; ranges are rounded inward to whole numbers.

use microlp::{ComparisonOp, Error as LpError, OptimizationDirection, Problem, Variable};
use serde::{Deserialize, Serialize};

use super::{CellId, CellLabel, DisclosureError, Publication, RelationKind};

mod local;
mod pinned;
mod probe;

pub(super) use pinned::unpinning;

use local::{Found, Neighbourhoods, Points, BUDGETS};
use probe::{Probed, Prober};

/// The largest component whose risk check starts from points of the whole component
/// ([`Component::spread`]): a report's components are smaller; a family's may have thousands
/// of cells, where a linear program over all of them costs more than the local ones it saves.
const SPREAD_CELLS: usize = 400;

/// Tolerance of the rounding of LP bounds to whole numbers (counts are below 10⁹, the solver's
/// feasibility tolerance is 10⁻⁷).
const EPS: f64 = 1e-6;

/// The largest component whose cells are each solved on their own rather than probed from one
/// solved basis ([`probe`]): their linear programs are small (the bundled register's reports).
const PROBE_CELLS: usize = 24;

/// The largest component whose cells are not first probed in neighbourhoods of
/// [`AROUND_BUDGET`] cells (the rest fixed at their true counts), each solved once for all the
/// open cells in it: a family of many services' published reports.
const AROUND_CELLS: usize = 1000;

/// The neighbourhoods' size, in cells.
const AROUND_BUDGET: usize = 400;

/// The fewest open cells for which the cells pinned by the equations are first found at once
/// ([`pinned`]: a linear program over the whole component, as costly as the probes' basis,
/// which saves two infeasible probes per cell pinned).
const PINNED_OPEN: usize = 32;

/// What the attacker can conclude about one hidden cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellRange {
    /// The cell.
    pub cell: CellId,
    /// Where it is shown.
    pub label: CellLabel,
    /// The smallest whole value consistent with everything published.
    pub low: u64,
    /// The largest; `None` when unbounded.
    pub high: Option<u64>,
}

/// Why a hidden cell is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    /// The range is a single value: the cell is disclosed.
    Exact,
    /// The range lies within 1..k-1: the cell is known to be small (somebody, but few).
    Small,
}

/// A hidden cell an attacker can pin down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtRisk {
    /// The cell's range.
    pub range: CellRange,
    /// Why.
    pub kind: RiskKind,
}

/// The result of an audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audit {
    /// The threshold k of the rule audited against.
    pub k: u64,
    /// Every hidden cell's range (empty when audited for risks only).
    pub ranges: Vec<CellRange>,
    /// The hidden cells at risk.
    pub at_risk: Vec<AtRisk>,
    /// The published counts within 1..k-1 (issue 33: an unprotected table, or one protected at
    /// a smaller k, shows them), each as a range whose low and high are the count.
    #[serde(default)]
    pub shown_small: Vec<CellRange>,
}

impl Audit {
    /// Whether the publication is safe: no hidden cell at risk and no published count within
    /// 1..k-1. Both kinds are listed ([`Self::at_risk`], [`Self::shown_small`]).
    pub fn is_safe(&self) -> bool {
        self.at_risk.is_empty() && self.shown_small.is_empty()
    }
}

/// How much the audit computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// Exact ranges of every hidden cell (two LPs each).
    Ranges,
    /// Only whether each hidden cell is at risk: feasible points found on the way (every LP
    /// solution is one) settle most cells without their own LP.
    Risks,
}

/// Audits a publication: `published[i]` is cell i's published value, `None` if hidden.
/// Computes every hidden cell's range and the cells at risk under threshold `k`.
///
/// # Errors
/// [`DisclosureError::WrongLength`] when `published` does not match the publication,
/// [`DisclosureError::Inconsistent`] when the published numbers contradict a relation (e.g. a
/// total that is not the sum of its cells, as in seed 001 table 3), and
/// [`DisclosureError::Solver`] if the solver fails.
pub fn audit(
    publication: &Publication,
    published: &[Option<u64>],
    k: u64,
) -> Result<Audit, DisclosureError> {
    run(publication, published, k, Depth::Ranges)
}

pub(super) fn run(
    publication: &Publication,
    published: &[Option<u64>],
    k: u64,
    depth: Depth,
) -> Result<Audit, DisclosureError> {
    run_cached(
        publication,
        published,
        k,
        depth,
        &mut Solved::default(),
        None,
    )
}

/// Components solved before, by their hidden cells: secondary suppression audits again and
/// again while hiding a few cells a round, and a component whose hidden cells are the same has
/// the same constraints (a newly hidden cell joins every component it shares a relation with),
/// so its ranges are the same. For one publication and one `k`; with the truth, also what
/// feasible points around it showed about each cell ([`Points`]).
#[derive(Default)]
pub(super) struct Solved {
    components: std::collections::HashMap<Vec<CellId>, Vec<Range>>,
    points: Points,
    /// Without [`Component::spread`]: for the tests of what the local certificates find alone.
    pub(super) no_spread: bool,
}

/// A cell's whole-number range: `(cell, low, high)`, `high` `None` when unbounded.
type Range = (CellId, u64, Option<u64>);

/// As [`run`], reusing the ranges of components solved before (see [`Solved`]). `truth`, when
/// the caller is the publisher who knows every true count, is a feasible point of every
/// component: it settles many cells of a risk check without an LP of their own (it lies
/// within every range, so the ranges found are the same).
pub(super) fn run_cached(
    publication: &Publication,
    published: &[Option<u64>],
    k: u64,
    depth: Depth,
    solved: &mut Solved,
    truth: Option<&[u64]>,
) -> Result<Audit, DisclosureError> {
    if published.len() != publication.len() {
        return Err(DisclosureError::WrongLength {
            cells: publication.len(),
            values: published.len(),
        });
    }
    let mut audit = Audit {
        k,
        ranges: Vec::new(),
        at_risk: Vec::new(),
        shown_small: published
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let v = (*v).filter(|v| (1..k).contains(v))?;
                Some(CellRange {
                    cell: CellId(i),
                    label: publication.label(CellId(i)).clone(),
                    low: v,
                    high: Some(v),
                })
            })
            .collect(),
    };
    for component in components(publication, published)? {
        let ranges = match solved.components.get(&component.cells) {
            Some(r) => r.clone(),
            None => {
                let hint: Option<Vec<f64>> =
                    truth.map(|t| component.cells.iter().map(|c| t[c.0] as f64).collect());
                let points = truth.is_some().then_some(&mut solved.points);
                let r = component.solve(k, depth, hint, points, !solved.no_spread)?;
                solved.components.insert(component.cells.clone(), r.clone());
                r
            }
        };
        for (cell, low, high) in ranges {
            let range = CellRange {
                cell,
                label: publication.label(cell).clone(),
                low,
                high,
            };
            let small = low >= 1 && high.is_some_and(|h| h < k);
            let kind = if publication.is_derived(cell) {
                // A derived number is a published one in effect: only 1..k-1 is sensitive.
                small.then_some(if high == Some(low) {
                    RiskKind::Exact
                } else {
                    RiskKind::Small
                })
            } else if high == Some(low) {
                Some(RiskKind::Exact)
            } else if small {
                Some(RiskKind::Small)
            } else {
                None
            };
            if let Some(kind) = kind {
                audit.at_risk.push(AtRisk {
                    range: range.clone(),
                    kind,
                });
            }
            if depth == Depth::Ranges {
                audit.ranges.push(range);
            }
        }
    }
    audit.ranges.sort_by_key(|r| r.cell);
    audit.at_risk.sort_by_key(|r| r.range.cell);
    Ok(audit)
}

/// A constraint on hidden cells only: published cells moved to the right-hand side.
struct Constraint {
    terms: Vec<(usize, f64)>,
    kind: RelationKind,
    rhs: f64,
}

/// Hidden cells linked by relations, audited together.
struct Component {
    cells: Vec<CellId>,
    /// Whether each cell is derived (at risk only within 1..k-1).
    derived: Vec<bool>,
    /// Each cell's bounds: 0 and none, tightened by every relation in which it is the only
    /// hidden cell ("≥ 1", "≤ a published total"), so that the linear programs carry them as
    /// bounds rather than as rows (in the 10 000-register property, 43 % of the relations that
    /// touch hidden cells; protection 17 % faster).
    bounds: Vec<(f64, f64)>,
    constraints: Vec<Constraint>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Splits the hidden cells into independent components and checks relations among published
/// cells only.
fn components(
    publication: &Publication,
    published: &[Option<u64>],
) -> Result<Vec<Component>, DisclosureError> {
    let n = publication.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for r in publication.relations() {
        let mut hidden = r.terms.iter().filter(|(c, _)| published[c.0].is_none());
        if let Some(&(first, _)) = hidden.next() {
            for &(other, _) in hidden {
                let (a, b) = (find(&mut parent, first.0), find(&mut parent, other.0));
                parent[a] = b;
            }
        }
    }
    let mut index_of_root = vec![usize::MAX; n];
    let mut local = vec![usize::MAX; n];
    let mut comps: Vec<Component> = Vec::new();
    for (i, value) in published.iter().enumerate() {
        if value.is_none() {
            let root = find(&mut parent, i);
            if index_of_root[root] == usize::MAX {
                index_of_root[root] = comps.len();
                comps.push(Component {
                    cells: Vec::new(),
                    derived: Vec::new(),
                    bounds: Vec::new(),
                    constraints: Vec::new(),
                });
            }
            let comp = &mut comps[index_of_root[root]];
            local[i] = comp.cells.len();
            comp.cells.push(CellId(i));
            comp.derived.push(publication.is_derived(CellId(i)));
            comp.bounds.push((0.0, f64::INFINITY));
        }
    }
    for r in publication.relations() {
        let mut rhs = r.constant as f64;
        let mut terms = Vec::new();
        for &(c, coefficient) in &r.terms {
            match published[c.0] {
                Some(v) => rhs -= coefficient as f64 * v as f64,
                // A cell named twice is one term (the solver refuses a repeated variable).
                None => match terms.iter_mut().find(|(l, _)| *l == local[c.0]) {
                    Some((_, a)) => *a += coefficient as f64,
                    None => terms.push((local[c.0], coefficient as f64)),
                },
            }
        }
        terms.retain(|&(_, a)| a != 0.0);
        let hidden = r.terms.iter().find(|(c, _)| published[c.0].is_none());
        // Hidden cells that cancel out leave a relation of published cells only.
        match hidden.filter(|_| !terms.is_empty()) {
            Some(&(c, _)) => {
                let comp = &mut comps[index_of_root[find(&mut parent, c.0)]];
                if let [(cell, a)] = terms[..] {
                    if comp.tighten(cell, a, r.kind, rhs) {
                        continue;
                    }
                }
                comp.constraints.push(Constraint {
                    terms,
                    kind: r.kind,
                    rhs,
                });
            }
            None => {
                let holds = match r.kind {
                    RelationKind::Equal => rhs.abs() < EPS,
                    RelationKind::AtMost => rhs > -EPS,
                };
                if !holds {
                    return Err(DisclosureError::Inconsistent {
                        cells: r
                            .terms
                            .iter()
                            .map(|(c, _)| publication.label(*c).to_string())
                            .collect(),
                    });
                }
            }
        }
    }
    Ok(comps)
}

/// Widens each cell's values seen by a feasible point (one value per cell).
fn note(seen: &mut [Seen], point: &[f64]) {
    for (s, &x) in seen.iter_mut().zip(point) {
        s.low = s.low.min(x);
        s.high = s.high.max(x);
    }
}

/// The lowest and highest values seen for a cell in feasible points.
#[derive(Clone, Copy)]
struct Seen {
    low: f64,
    high: f64,
}

impl Component {
    /// Takes `a·x (= or ≤) rhs` of one cell as its bounds; `false` (nothing changed) where the
    /// bounds would cross at all, so that the relation stays a row and the solver decides,
    /// within its own tolerance, as it did before bounds.
    fn tighten(&mut self, cell: usize, a: f64, kind: RelationKind, rhs: f64) -> bool {
        if a == 0.0 {
            return false;
        }
        let (mut low, mut high) = self.bounds[cell];
        let v = rhs / a;
        match kind {
            RelationKind::Equal => (low, high) = (low.max(v), high.min(v)),
            RelationKind::AtMost if a > 0.0 => high = high.min(v),
            RelationKind::AtMost => low = low.max(v),
        }
        if low > high {
            return false;
        }
        self.bounds[cell] = (low, high);
        true
    }

    fn problem(
        &self,
        direction: OptimizationDirection,
        objective: &[f64],
        caps: &[f64],
    ) -> (Problem, Vec<Variable>) {
        let mut p = Problem::new(direction);
        let vars: Vec<Variable> = objective
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let (low, high) = self.bounds[i];
                let cap = caps.get(i).map_or(high, |&cap| cap.min(high).max(low));
                p.add_var(c, (low, cap))
            })
            .collect();
        for c in &self.constraints {
            let terms: Vec<(Variable, f64)> = c.terms.iter().map(|&(i, a)| (vars[i], a)).collect();
            let op = match c.kind {
                RelationKind::Equal => ComparisonOp::Eq,
                RelationKind::AtMost => ComparisonOp::Le,
            };
            p.add_constraint(terms.as_slice(), op, c.rhs);
        }
        (p, vars)
    }

    /// Optimises `objective`; returns the optimum and the point, or `None` if unbounded.
    fn optimise(
        &self,
        direction: OptimizationDirection,
        objective: &[f64],
    ) -> Result<Option<(f64, Vec<f64>)>, DisclosureError> {
        self.optimise_capped(direction, objective, &[])
    }

    /// As [`Self::optimise`], each cell at most its cap (`caps`, one per cell, or none).
    fn optimise_capped(
        &self,
        direction: OptimizationDirection,
        objective: &[f64],
        caps: &[f64],
    ) -> Result<Option<(f64, Vec<f64>)>, DisclosureError> {
        let (p, vars) = self.problem(direction, objective, caps);
        match p.solve() {
            Ok(outcome) => {
                let solution = outcome
                    .into_solution()
                    .map_err(|_| DisclosureError::Solver("the solve was interrupted".into()))?;
                let point = vars.iter().map(|&v| solution.var_value(v)).collect();
                Ok(Some((solution.objective(), point)))
            }
            Err(LpError::Unbounded) => Ok(None),
            Err(LpError::Infeasible) => Err(DisclosureError::Inconsistent {
                cells: self.cells.iter().map(|c| format!("cell {}", c.0)).collect(),
            }),
            Err(e) => Err(DisclosureError::Solver(e.to_string())),
        }
    }

    /// Feasible points that settle many cells of a risk check at once: while that settles
    /// more, the cells not yet settled as large as they can be up to k. A cell's cap is k or a
    /// feasible point's value where that is larger (the truth when known, else a point where
    /// every cell is as small as it can be, which settles many cells too), so the capped
    /// problem always has a point; caps only shrink the feasible set, so every point is one of
    /// the component. A cell that stays unsettled goes on to its own linear programs: the
    /// answers are the same, sooner (the 10 000-register property's reports of 20–80 clients,
    /// 200 of them: the audit of a protected report 6.8 s → 2.4 s, protection 7.7 s → 6.9 s).
    fn spread(
        &self,
        k: u64,
        truth: Option<&[f64]>,
        seen: &mut [Seen],
        unbounded: &[bool],
        settled: &impl Fn(usize, &Seen, bool) -> bool,
    ) {
        let n = self.cells.len();
        let open = |seen: &[Seen]| -> Vec<f64> {
            (0..n)
                .map(|i| f64::from(u8::from(!settled(i, &seen[i], unbounded[i]))))
                .collect()
        };
        if !open(seen).contains(&1.0) {
            return;
        }
        let caps: Vec<f64> = match truth {
            Some(truth) => truth.iter().map(|&x| x.max(k as f64)).collect(),
            None => {
                let all = vec![1.0; n];
                // Only for speed: whatever goes wrong here, each cell's own LPs decide.
                let Ok(Some((_, first))) = self.optimise(OptimizationDirection::Minimize, &all)
                else {
                    return;
                };
                note(seen, &first);
                first.iter().map(|&x| x.max(k as f64)).collect()
            }
        };
        loop {
            let objective = open(seen);
            let before = objective.iter().sum::<f64>();
            if before == 0.0 {
                return;
            }
            let Ok(Some((_, point))) =
                self.optimise_capped(OptimizationDirection::Maximize, &objective, &caps)
            else {
                return;
            };
            note(seen, &point);
            if open(seen).iter().sum::<f64>() == before {
                return;
            }
        }
    }

    /// Each cell's whole-number range `(cell, low, high)`. `hint` is the truth when known;
    /// `points`, what points around it showed in earlier rounds (read, and added to); `spread`,
    /// whether to start from [`Self::spread`]'s points.
    fn solve(
        &self,
        k: u64,
        depth: Depth,
        hint: Option<Vec<f64>>,
        points: Option<&mut Points>,
        spread: bool,
    ) -> Result<Vec<Range>, DisclosureError> {
        let n = self.cells.len();
        let none = Seen {
            low: f64::INFINITY,
            high: f64::NEG_INFINITY,
        };
        let mut seen: Vec<Seen> = match &points {
            Some(p) => self
                .cells
                .iter()
                .map(|c| p.seen.get(c).copied().unwrap_or(none))
                .collect(),
            None => vec![none; n],
        };
        let mut unbounded: Vec<bool> = match &points {
            Some(p) => self.cells.iter().map(|c| p.unbounded.contains(c)).collect(),
            None => vec![false; n],
        };
        // Local certificates first, where the truth is known and the component is large.
        let local = match (&hint, depth) {
            (Some(truth), Depth::Risks) if n > BUDGETS[0] => {
                Some((Neighbourhoods::new(self), truth.as_slice()))
            }
            _ => None,
        };
        // A cell is settled for the risk check once feasible points show it can take two whole
        // values and can reach 0 or k; a derived cell once it can reach 0 or k.
        let settled = |i: usize, s: &Seen, unbounded: bool| {
            let low = (s.low - EPS).ceil().max(0.0);
            let high = if unbounded {
                f64::INFINITY
            } else {
                (s.high + EPS).floor()
            };
            let reaches = low <= 0.0 || high >= k as f64;
            reaches && (high > low || self.derived[i])
        };
        let mut exact_low = vec![None; n];
        let mut exact_high = vec![None; n];
        if depth == Depth::Risks {
            // The truth when known; then, where certificates are not local, points of the whole
            // component that settle many cells at once (each cell's own local optima instead,
            // where they are).
            if let Some(point) = &hint {
                note(&mut seen, point);
            }
            if spread && (local.is_none() || n <= SPREAD_CELLS) {
                self.spread(k, hint.as_deref(), &mut seen, &unbounded, &settled);
            }
        }
        // In a very large component, first the neighbourhoods' own solved bases: a cell shown
        // safe there needs no probe of the whole component's, whose pivots grow with it.
        if let (Some((around, truth)), true) = (&local, n > AROUND_CELLS) {
            let mut tried = vec![false; n];
            for i in 0..n {
                if tried[i] || settled(i, &seen[i], unbounded[i]) {
                    continue;
                }
                let Some(p) = Prober::around(around, i, AROUND_BUDGET, truth) else {
                    continue;
                };
                for &c in p.cells().unwrap_or_default() {
                    if std::mem::replace(&mut tried[c], true) || settled(c, &seen[c], unbounded[c])
                    {
                        continue;
                    }
                    if let Probed::Point(point) = p.probe(c, truth[c], k, self.derived[c]) {
                        note(&mut seen, &point);
                    }
                }
            }
        }
        // A component with the truth: whole values probed from one solved basis ([`probe`]),
        // built only if a cell is still open; a cell the probes cannot decide goes on to the
        // local certificates and its own linear programs.
        let mut probed = vec![false; n];
        if let (Some(truth), Depth::Risks, true) = (&hint, depth, n > PROBE_CELLS) {
            // Cells at risk because the relations pin them need no probes to show it.
            let open: Vec<usize> = (0..n)
                .filter(|&i| !settled(i, &seen[i], unbounded[i]))
                .collect();
            if open.len() >= PINNED_OPEN {
                if let Some(pinned) = pinned::at_truth(self, truth) {
                    for i in open.into_iter().filter(|&i| pinned[i]) {
                        (exact_low[i], exact_high[i], probed[i]) =
                            (Some(truth[i]), Some(truth[i]), true);
                    }
                }
            }
            let mut prober: Option<Option<Prober>> = None;
            for i in 0..n {
                if probed[i] || settled(i, &seen[i], unbounded[i]) {
                    continue;
                }
                let built = prober.get_or_insert_with(|| Prober::new(self));
                let Some(p) = built else {
                    break; // The solver could not: each cell's own linear programs decide.
                };
                match p.probe(i, truth[i], k, self.derived[i]) {
                    Probed::Point(point) => {
                        note(&mut seen, &point);
                        probed[i] = settled(i, &seen[i], unbounded[i]);
                    }
                    Probed::Range(low, high) => {
                        (exact_low[i], exact_high[i], probed[i]) = (Some(low), Some(high), true);
                    }
                    Probed::Unknown => {}
                }
            }
        }
        'cells: for i in 0..n {
            if probed[i] || depth == Depth::Risks && settled(i, &seen[i], unbounded[i]) {
                continue;
            }
            if let Some((around, truth)) = &local {
                for budget in BUDGETS.into_iter().filter(|&b| b < n) {
                    for direction in [
                        OptimizationDirection::Maximize,
                        OptimizationDirection::Minimize,
                    ] {
                        match around.optimise(i, budget, direction, truth)? {
                            Found::Point(point) => {
                                for (c, x) in point {
                                    seen[c].low = seen[c].low.min(x);
                                    seen[c].high = seen[c].high.max(x);
                                }
                            }
                            Found::Unbounded => unbounded[i] = true,
                            Found::Nothing => {}
                        }
                        if settled(i, &seen[i], unbounded[i]) {
                            continue 'cells;
                        }
                    }
                }
            }
            let mut objective = vec![0.0; n];
            objective[i] = 1.0;
            match self.optimise(OptimizationDirection::Maximize, &objective)? {
                Some((max, point)) => {
                    note(&mut seen, &point);
                    exact_high[i] = Some(max);
                }
                None => unbounded[i] = true,
            }
            if depth == Depth::Risks && settled(i, &seen[i], unbounded[i]) {
                continue;
            }
            if let Some((min, point)) =
                self.optimise(OptimizationDirection::Minimize, &objective)?
            {
                note(&mut seen, &point);
                exact_low[i] = Some(min);
            }
        }
        if let Some(p) = points {
            for (i, &c) in self.cells.iter().enumerate() {
                if seen[i].low <= seen[i].high {
                    p.seen.insert(c, seen[i]);
                }
                if unbounded[i] {
                    p.unbounded.insert(c);
                }
            }
        }
        Ok((0..n)
            .map(|i| {
                // Exact bounds where solved; otherwise what the points showed (enough to know
                // the cell is not at risk).
                let low = exact_low[i].unwrap_or(seen[i].low);
                let low = (low - EPS).ceil().max(0.0) as u64;
                let high = if unbounded[i] {
                    None
                } else {
                    let high = exact_high[i].unwrap_or(seen[i].high);
                    Some((high + EPS).floor().max(0.0) as u64)
                };
                (self.cells[i], low, high)
            })
            .collect())
    }
}
