//! Local certificates of safety (issue 31's benchmark: a family of 106 services' reports with
//! their counties and the nation is one component of thousands of hidden cells, and two linear
//! programs over all of it per cell grew faster than the family).
//!
//! When the publisher audits, the true counts are a feasible point. Fix every hidden cell
//! outside a neighbourhood of cell `i` at its true count and optimise `i` over the
//! neighbourhood alone: every point found, extended by the truth, satisfies every relation
//! (those outside the neighbourhood hold at the truth), so it is a feasible point of the whole
//! component. The neighbourhood's feasible set is a subset of the whole's, so what it shows
//! — that `i` can take two whole values, reach 0 or k, or grow without bound — holds for the
//! whole component too. What it cannot show is never concluded from it: the cell goes on to a
//! larger neighbourhood and finally to the whole component's own linear programs, so the
//! audit's answers are exactly those of the whole component (sdcTable and τ-ARGUS audit
//! hierarchies piece by piece in the same spirit; only the certificate of safety is local).
//!
//! And the points stay feasible as secondary suppression hides more cells (a cell newly hidden
//! is an unknown at its true count), so within one protection they are kept from round to round
//! ([`Points`]): a cell shown safe once is not solved again.

use std::collections::{HashMap, HashSet};

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

use super::{Component, Seen};
use crate::disclosure::{CellId, DisclosureError, RelationKind};

/// Neighbourhood sizes tried, in cells, before the whole component.
pub(super) const BUDGETS: [usize; 2] = [24, 160];

/// What feasible points around the truth showed about each cell, kept across the rounds of
/// one protection (the same relations, published values and truth; hidden cells only added).
#[derive(Default)]
pub(super) struct Points {
    pub(super) seen: HashMap<CellId, Seen>,
    pub(super) unbounded: HashSet<CellId>,
}

/// A component's cells with the constraints that touch each.
pub(super) struct Neighbourhoods<'a> {
    component: &'a Component,
    touching: Vec<Vec<usize>>,
}

/// What a local linear program found: a feasible point of the whole component (only the
/// neighbourhood's cells, the others at their true counts), or that the cell is unbounded.
pub(super) enum Found {
    /// `(cell, value)` for each cell of the neighbourhood.
    Point(Vec<(usize, f64)>),
    /// The cell grows without bound.
    Unbounded,
    /// The solver gave no answer (numerical trouble): nothing concluded.
    Nothing,
}

impl<'a> Neighbourhoods<'a> {
    pub(super) fn new(component: &'a Component) -> Self {
        let mut touching = vec![Vec::new(); component.cells.len()];
        for (r, c) in component.constraints.iter().enumerate() {
            for &(i, _) in &c.terms {
                touching[i].push(r);
            }
        }
        Neighbourhoods {
            component,
            touching,
        }
    }

    /// The cells reached from `i` through constraints, nearest first, until `budget` cells (or
    /// all that can be reached). Crossing a constraint costs its number of cells, so a table's
    /// own sums (a few cells) are followed before a sum over many publications (a county's or
    /// the nation's): a service's hidden cells move together within its report, so a
    /// neighbourhood takes a report's cells before its neighbours'.
    fn around(&self, i: usize, budget: usize) -> Vec<usize> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let mut cells = Vec::new();
        let mut done: HashSet<usize> = HashSet::new();
        let mut used: HashSet<usize> = HashSet::new();
        let mut queue = BinaryHeap::from([(Reverse(0usize), i)]);
        while let Some((Reverse(distance), c)) = queue.pop() {
            if cells.len() >= budget {
                break;
            }
            if !done.insert(c) {
                continue;
            }
            cells.push(c);
            for &r in &self.touching[c] {
                if used.insert(r) {
                    let terms = &self.component.constraints[r].terms;
                    for &(t, _) in terms {
                        if !done.contains(&t) {
                            queue.push((Reverse(distance + terms.len()), t));
                        }
                    }
                }
            }
        }
        cells
    }

    /// Optimises cell `i` in `direction` over its neighbourhood of about `budget` cells, every
    /// other cell at its true count (`truth`, one per cell of the component).
    pub(super) fn optimise(
        &self,
        i: usize,
        budget: usize,
        direction: OptimizationDirection,
        truth: &[f64],
    ) -> Result<Found, DisclosureError> {
        let (p, vars, cells) = self.restricted(i, budget, direction, Some(i), truth);
        Ok(match p.solve() {
            Ok(outcome) => match outcome.into_solution() {
                Ok(s) => Found::Point(
                    cells
                        .iter()
                        .zip(&vars)
                        .map(|(&c, &v)| (c, s.var_value(v)))
                        .collect(),
                ),
                Err(_) => Found::Nothing,
            },
            Err(microlp::Error::Unbounded) => Found::Unbounded,
            // Infeasible cannot be (the truth is a point); the whole component decides.
            Err(_) => Found::Nothing,
        })
    }

    /// The linear program of the neighbourhood of about `budget` cells around cell `i`, every
    /// other cell at its true count: its variables, and the component's cell of each. `goal`
    /// is the cell optimised in `direction` (none: any feasible point).
    pub(super) fn restricted(
        &self,
        i: usize,
        budget: usize,
        direction: OptimizationDirection,
        goal: Option<usize>,
        truth: &[f64],
    ) -> (Problem, Vec<Variable>, Vec<usize>) {
        let cells = self.around(i, budget);
        let local: HashMap<usize, usize> = cells.iter().enumerate().map(|(l, &c)| (c, l)).collect();
        let mut p = Problem::new(direction);
        let vars: Vec<_> = cells
            .iter()
            .map(|&c| {
                let objective = if Some(c) == goal { 1.0 } else { 0.0 };
                p.add_var(objective, self.component.bounds[c])
            })
            .collect();
        let mut constraints: Vec<usize> = cells
            .iter()
            .flat_map(|&c| self.touching[c].iter().copied())
            .collect();
        constraints.sort_unstable();
        constraints.dedup();
        for r in constraints {
            let c = &self.component.constraints[r];
            let mut rhs = c.rhs;
            let mut terms = Vec::with_capacity(c.terms.len());
            for &(t, a) in &c.terms {
                match local.get(&t) {
                    Some(&l) => terms.push((vars[l], a)),
                    None => rhs -= a * truth[t],
                }
            }
            let op = match c.kind {
                RelationKind::Equal => ComparisonOp::Eq,
                RelationKind::AtMost => ComparisonOp::Le,
            };
            p.add_constraint(terms.as_slice(), op, rhs);
        }
        (p, vars, cells)
    }
}

#[cfg(test)]
pub(super) mod tests {
    #![allow(clippy::unwrap_used)]

    use microlp::OptimizationDirection;

    use super::super::probe::{Probed, Prober};
    use super::super::{components, run, run_cached, Component, Depth, Solved};
    use super::{Found, Neighbourhoods, BUDGETS};
    use crate::disclosure::{Audit, CellId, Publication, RelationKind};

    /// Random 12 × 12 tables with their sums, counts 0..3 and half the cells hidden
    /// (components of dozens of cells, beyond the first neighbourhood), each with a cell alone
    /// hidden in its column (so pinned) inside such a component: the publication, its true
    /// counts and what is published.
    pub(in crate::disclosure::audit) fn tables() -> Vec<(Publication, Vec<u64>, Vec<Option<u64>>)> {
        let mut seed: u64 = 0x5eed;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let names = |p: &str| (0..12).map(|i| format!("{p}{i}")).collect::<Vec<_>>();
        (0..40)
            .map(|_| {
                let mut p = Publication::new();
                let t = p.add_table("t", &names("r"), &names("c"));
                let mut values = vec![0u64; p.len()];
                for (i, row) in t.inner.iter().enumerate() {
                    for &c in row {
                        values[c.0] = next(4);
                    }
                    values[t.row_totals[i].0] = row.iter().map(|c| values[c.0]).sum();
                }
                for (j, &c) in t.column_totals.iter().enumerate() {
                    values[c.0] = t.inner.iter().map(|r| values[r[j].0]).sum();
                }
                values[t.total.0] = t.inner.iter().flatten().map(|c| values[c.0]).sum();
                let mut published: Vec<Option<u64>> = (0..p.len())
                    .map(|i| (next(2) != 0).then_some(values[i]))
                    .collect();
                let lone = usize::try_from(next(12)).unwrap();
                for (i, row) in t.inner.iter().enumerate() {
                    published[row[0].0] = (i != lone).then_some(values[row[0].0]);
                }
                published[t.column_totals[0].0] = Some(values[t.column_totals[0].0]);
                (p, values, published)
            })
            .collect()
    }

    /// That `x` (one value per cell) satisfies every constraint and bound of `component`, and
    /// is nowhere below zero.
    pub(in crate::disclosure::audit) fn assert_point_of(component: &Component, x: &[f64]) {
        for c in &component.constraints {
            let sum: f64 = c.terms.iter().map(|&(t, a)| a * x[t]).sum();
            let holds = match c.kind {
                RelationKind::Equal => (sum - c.rhs).abs() < 1e-6,
                RelationKind::AtMost => sum <= c.rhs + 1e-6,
            };
            assert!(holds, "a local point breaks a constraint");
        }
        for (v, &(low, high)) in x.iter().zip(&component.bounds) {
            assert!(*v >= low - 1e-6 && *v <= high + 1e-6, "out of bounds");
        }
        assert!(x.iter().all(|&v| v >= -1e-6), "a local point below zero");
    }

    /// The invariant everything rests on: every point a neighbourhood's linear program finds,
    /// extended by the truth, satisfies every constraint of the whole component; and so does
    /// every point a neighbourhood's prober finds (`probe`), which never claims a range.
    #[test]
    fn every_local_point_is_a_point_of_the_whole_component() {
        let mut checked = 0;
        for (p, values, published) in tables() {
            for component in components(&p, &published).unwrap() {
                let truth: Vec<f64> = component.cells.iter().map(|c| values[c.0] as f64).collect();
                let around = Neighbourhoods::new(&component);
                for i in 0..component.cells.len() {
                    let prober = Prober::around(&around, i, 12, &truth).unwrap();
                    for &c in prober.cells().unwrap() {
                        match prober.probe(c, truth[c], 3, component.derived[c]) {
                            Probed::Point(x) => {
                                assert_point_of(&component, &x);
                                checked += 1;
                            }
                            Probed::Range(..) => panic!("a neighbourhood claimed a range"),
                            Probed::Unknown => {}
                        }
                    }
                    for budget in BUDGETS.into_iter().filter(|&b| b < component.cells.len()) {
                        for direction in [
                            OptimizationDirection::Maximize,
                            OptimizationDirection::Minimize,
                        ] {
                            let Found::Point(moved) =
                                around.optimise(i, budget, direction, &truth).unwrap()
                            else {
                                continue;
                            };
                            let mut x = truth.clone();
                            for (c, v) in moved {
                                x[c] = v;
                            }
                            assert_point_of(&component, &x);
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked} points checked");
    }

    /// With the truth, local certificates settle the cells of large components (alone, and
    /// after the whole component's capped points); without it, the whole components' linear
    /// programs do. The cells at risk must be the same.
    #[test]
    fn local_certificates_find_the_same_cells_at_risk_as_the_whole_component() {
        let mut compared = 0;
        for (p, values, published) in tables() {
            let cells =
                |a: &Audit| -> Vec<CellId> { a.at_risk.iter().map(|r| r.range.cell).collect() };
            let without = run(&p, &published, 3, Depth::Risks).unwrap();
            for no_spread in [true, false] {
                let mut solved = Solved {
                    no_spread,
                    ..Solved::default()
                };
                let with = run_cached(&p, &published, 3, Depth::Risks, &mut solved, Some(&values))
                    .unwrap();
                assert_eq!(cells(&with), cells(&without));
            }
            compared += without.at_risk.len();
        }
        assert!(compared > 0, "some cells at risk were compared");
    }
}
