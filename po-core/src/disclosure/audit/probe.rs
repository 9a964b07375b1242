//! Probes of whole numbers from one solved basis (issue 31's benchmark: a family of services'
//! published reports with their counties and the nation is one component of thousands of hidden
//! cells, where two linear programs of their own per cell grew faster than the family).
//!
//! When the publisher audits, the true counts are known, and what a risk check needs of a cell
//! is whether it can take a few whole values next to its true count: its count ± 1 (two values),
//! 0 or k (it can reach them). Each is a question of feasibility with the cell fixed at that
//! value, which the dual simplex answers from the basis of one solved problem in a few pivots
//! (microlp's `fix_var` on a copy of the solution) instead of a linear program from scratch.
//! Every answer is exact: a value is feasible or it is not, and the relaxation's range is an
//! interval, so
//!
//! - a count v ≥ k with v − 1 and v + 1 both infeasible has the range {v} (disclosed);
//! - a count v in 1..k-1 with 0 and k both infeasible has a range within 1..k-1 (small), whose
//!   whole values are found by probing each of them;
//! - a count 0 with 1 infeasible has the range {0}.
//!
//! Every feasible probe is a point of the whole component, so it also settles other cells (they
//! move too). A probe the solver cannot answer (numerical trouble) leaves the cell to its own
//! linear programs, so the answers are those of the whole component's own linear programs.
#![allow(clippy::float_arithmetic)] // The LP is solved in f64; probes are at whole values.

use microlp::{Error as LpError, OptimizationDirection, Solution, Variable};

use super::local::Neighbourhoods;
use super::Component;

/// What the probes found for one cell.
pub(super) enum Probed {
    /// A feasible point (one value per cell of the component).
    Point(Vec<f64>),
    /// The cell's range of whole values, `(low, high)`: every value probed outside it was
    /// infeasible (the cell is at risk, or a derived cell that is not).
    Range(f64, f64),
    /// The solver gave no answer: the cell's own linear programs decide.
    Unknown,
}

/// One solved basis of a component, or of a neighbourhood within it, probed again and again.
pub(super) struct Prober {
    base: Solution,
    vars: Vec<Variable>,
    /// A neighbourhood's: the component's cell of each variable, and the truth the other cells
    /// are fixed at. Its feasible set is a subset of the component's (see [`super::local`]):
    /// a value feasible there is feasible in the component; one infeasible there may not be.
    around: Option<(Vec<usize>, Vec<f64>)>,
}

impl Prober {
    /// Solves the component once for a feasible point (no objective); `None` when the solver
    /// cannot.
    pub(super) fn new(component: &Component) -> Option<Prober> {
        let zero = vec![0.0; component.cells.len()];
        let (p, vars) = component.problem(OptimizationDirection::Minimize, &zero, &[]);
        let base = p.solve().ok()?.into_solution().ok()?;
        Some(Prober {
            base,
            vars,
            around: None,
        })
    }

    /// Solves the neighbourhood of about `budget` cells around cell `i` once, every other cell
    /// at its true count: a prober whose feasible answers are points of the whole component and
    /// whose others decide nothing. `None` when the solver cannot.
    pub(super) fn around(
        neighbourhoods: &Neighbourhoods<'_>,
        i: usize,
        budget: usize,
        truth: &[f64],
    ) -> Option<Prober> {
        let (p, vars, cells) =
            neighbourhoods.restricted(i, budget, OptimizationDirection::Minimize, None, truth);
        let base = p.solve().ok()?.into_solution().ok()?;
        Some(Prober {
            base,
            vars,
            around: Some((cells, truth.to_vec())),
        })
    }

    /// The component's cells this prober moves (all for a whole component's).
    pub(super) fn cells(&self) -> Option<&[usize]> {
        self.around.as_ref().map(|(cells, _)| cells.as_slice())
    }

    /// Whether cell `i` can be `value`: `Some(point)` if so, `None` if not, `Err(())` when the
    /// solver gave no answer.
    fn at(&self, i: usize, value: f64) -> Result<Option<Vec<f64>>, ()> {
        let var = match &self.around {
            None => self.vars[i],
            Some((cells, _)) => self.vars[cells.iter().position(|&c| c == i).ok_or(())?],
        };
        match self.base.clone().fix_var(var, value) {
            Ok(outcome) => match outcome.into_solution() {
                Ok(s) => Ok(Some(match &self.around {
                    None => self.vars.iter().map(|&v| s.var_value(v)).collect(),
                    Some((cells, truth)) => {
                        let mut point = truth.clone();
                        for (&c, &v) in cells.iter().zip(&self.vars) {
                            point[c] = s.var_value(v);
                        }
                        point
                    }
                })),
                Err(_) => Err(()),
            },
            Err(LpError::Infeasible) => Ok(None),
            Err(_) => Err(()),
        }
    }

    /// Probes cell `i`, whose true count is `v`, for what a risk check under `k` needs: the
    /// first feasible value among its targets, or, when none is, its range of whole values.
    /// `derived` cells need only reach 0 or k.
    pub(super) fn probe(&self, i: usize, v: f64, k: u64, derived: bool) -> Probed {
        let k = k as f64;
        let targets: Vec<f64> = if (1.0..k).contains(&v) {
            vec![0.0, k]
        } else if derived && self.around.is_none() {
            return Probed::Range(v, v); // 0 or ≥ k already: never at risk (the range is unused).
        } else if derived {
            return Probed::Unknown;
        } else if v == 0.0 {
            vec![1.0]
        } else {
            vec![v + 1.0, v - 1.0]
        };
        for t in targets {
            match self.at(i, t) {
                Ok(Some(point)) => return Probed::Point(point),
                Ok(None) => {}
                Err(()) => return Probed::Unknown,
            }
        }
        if self.around.is_some() {
            return Probed::Unknown; // Infeasible in a neighbourhood decides nothing.
        }
        if !(1.0..k).contains(&v) {
            return Probed::Range(v, v);
        }
        // Within 1..k-1: which whole values, for the range reported.
        let mut feasible = Vec::new();
        let mut w = 1.0;
        while w < k {
            match self.at(i, w) {
                Ok(Some(_)) => feasible.push(w),
                Ok(None) => {}
                Err(()) => return Probed::Unknown,
            }
            w += 1.0;
        }
        match (feasible.first(), feasible.last()) {
            (Some(&low), Some(&high)) => Probed::Range(low, high),
            // The truth is feasible; no answer here is numerical trouble.
            _ => Probed::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use microlp::OptimizationDirection;

    use super::super::local::tests::tables;
    use super::super::{components, EPS};
    use super::{Probed, Prober};

    /// Every probe agrees with the cell's own two linear programs: a point it finds moves the
    /// cell to another whole value within its range, and a range it gives is the cell's whole
    /// range (so a cell is at risk exactly when the linear programs say so).
    #[test]
    fn probes_agree_with_each_cell_s_own_linear_programs() {
        let (mut points, mut ranges) = (0, 0);
        for (p, values, published) in tables() {
            for component in components(&p, &published).unwrap() {
                let prober = Prober::new(&component).unwrap();
                for (i, cell) in component.cells.iter().enumerate() {
                    let v = values[cell.0] as f64;
                    let mut objective = vec![0.0; component.cells.len()];
                    objective[i] = 1.0;
                    let high = component
                        .optimise(OptimizationDirection::Maximize, &objective)
                        .unwrap()
                        .map(|(h, _)| (h + EPS).floor());
                    let (low, _) = component
                        .optimise(OptimizationDirection::Minimize, &objective)
                        .unwrap()
                        .unwrap();
                    let low = (low - EPS).ceil().max(0.0);
                    match prober.probe(i, v, 3, component.derived[i]) {
                        Probed::Point(point) => {
                            let x = point[i].round();
                            assert!(x != v, "a probe's point moves the cell");
                            assert!(x >= low && high.is_none_or(|h| x <= h), "within range");
                            points += 1;
                        }
                        Probed::Range(l, h) => {
                            assert_eq!((l, Some(h)), (low, high), "cell {i}, true count {v}");
                            ranges += 1;
                        }
                        Probed::Unknown => panic!("no answer for cell {i}"),
                    }
                }
            }
        }
        assert!(
            points > 100 && ranges > 10,
            "{points} points, {ranges} ranges"
        );
    }
}
