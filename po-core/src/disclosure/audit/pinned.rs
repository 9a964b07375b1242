//! Cells pinned by the relations, found by elimination rather than by linear programs (issue
//! 31's benchmark: in the first round of a family of services' published reports with their
//! counties, hundreds of hidden cells are at risk, and showing each one at risk took the dual
//! simplex to prove two probes infeasible — 40 ms a cell in a component of 2 000 cells, against
//! a few ms for a probe that finds a point).
//!
//! A hidden cell whose unit vector lies in the row space of the component's equations is the
//! same number in every solution of them: its range is one value whatever the bounds, so it is
//! at risk as [`super::RiskKind::Exact`] (a derived cell only where that value is 1..k-1).
//! Inequalities and bounds pin more (x + y = 0 with both ≥ 0): with the truth known, those
//! that no direction from it can leave (the tangent cone's implicit equalities, one linear
//! program) are equations too ([`at_truth`]), and then a cell is pinned exactly when the
//! equations pin it. The equations are brought to echelon form, and a random solution of the
//! homogeneous system (random values for the free cells, the others solved back) is zero at
//! every pinned cell and, but for a coincidence, nowhere else. The arithmetic is modulo the
//! prime 2⁶¹ − 1, in which the small whole coefficients of a publication's relations behave
//! as over the rationals unless the prime divides one of their determinants. What either
//! coincidence could do is call a cell pinned that is not, which hides a cell more than needed,
//! or leave a pinned cell uncalled, which the probes then find: a cell not called pinned goes
//! on to the probes and its own linear programs as before, and secondary suppression stops only
//! when the audit finds nothing.
#![allow(clippy::float_arithmetic)] // The constraints' coefficients are whole numbers in f64.

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

use super::{components, Component, EPS};
use crate::disclosure::{CellId, Publication, RelationKind};

/// The Mersenne prime 2⁶¹ − 1.
const P: u64 = (1 << 61) - 1;

/// The largest number of nonzeros the echelon form may hold, per equation: past it the
/// elimination stops and every cell goes on to the probes (fill-in that large would cost more
/// than it saves).
const FILL_PER_ROW: usize = 64;

fn mul(a: u64, b: u64) -> u64 {
    (u128::from(a) * u128::from(b) % u128::from(P)) as u64
}

fn sub(a: u64, b: u64) -> u64 {
    if a >= b {
        a - b
    } else {
        a + P - b
    }
}

/// `a^(P-2)`: the inverse of a nonzero `a`.
fn inverse(a: u64) -> u64 {
    let (mut base, mut e, mut r) = (a, P - 2, 1);
    while e > 0 {
        if e & 1 == 1 {
            r = mul(r, base);
        }
        base = mul(base, base);
        e >>= 1;
    }
    r
}

/// A whole coefficient as an element of the field; `None` when it is not whole.
fn element(a: f64) -> Option<u64> {
    if a.fract() != 0.0 || a.abs() >= 1e15 {
        return None;
    }
    let m = (a.abs() as u64) % P;
    Some(if a < 0.0 { sub(0, m) } else { m })
}

/// A sparse row: `(cell, coefficient)` by cell, no zero coefficients.
type Row = Vec<(usize, u64)>;

/// `row − f·pivot`, both sorted by cell.
fn eliminate(row: &Row, f: u64, pivot: &Row) -> Row {
    let mut out = Vec::with_capacity(row.len() + pivot.len());
    let (mut a, mut b) = (row.iter().peekable(), pivot.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&&(i, x)), Some(&&(j, y))) if i == j => {
                a.next();
                b.next();
                (i, sub(x, mul(f, y)))
            }
            (Some(&&(i, x)), Some(&&(j, _))) if i < j => {
                a.next();
                (i, x)
            }
            (_, Some(&&(j, y))) => {
                b.next();
                (j, sub(0, mul(f, y)))
            }
            (Some(&&(i, x)), None) => {
                a.next();
                (i, x)
            }
            (None, None) => return out,
        };
        if next.1 != 0 {
            out.push(next);
        }
    }
}

/// A constraint's terms as a row of the field; `None` when a coefficient is not whole.
fn row_of(terms: &[(usize, f64)]) -> Option<Row> {
    let mut row: Row = terms
        .iter()
        .map(|&(i, a)| Some((i, element(a)?)))
        .collect::<Option<_>>()?;
    row.sort_unstable();
    // A cell named twice is one term (back-substitution reads each cell once).
    let mut merged: Row = Vec::with_capacity(row.len());
    for (i, a) in row {
        match merged.last_mut() {
            Some((j, b)) if *j == i => *b = (*b + a) % P,
            _ => merged.push((i, a)),
        }
    }
    merged.retain(|&(_, a)| a != 0);
    Some(merged)
}

/// For each cell of the component, whether its equations alone (with the bounds that fix a
/// cell) pin it; `None` when a coefficient is not whole or the elimination grows too large.
fn by_equations(component: &Component) -> Option<Vec<bool>> {
    let mut equations: Vec<Row> = Vec::new();
    for c in &component.constraints {
        if c.kind == RelationKind::Equal {
            equations.push(row_of(&c.terms)?);
        }
    }
    for (i, &(low, high)) in component.bounds.iter().enumerate() {
        if low == high {
            equations.push(vec![(i, 1)]);
        }
    }
    pinned_by(component.cells.len(), equations)
}

/// Whether the equations pin `cell` with `published` as published (hidden: `None`).
fn pinned_in(publication: &Publication, published: &[Option<u64>], cell: CellId) -> Option<bool> {
    let component = components(publication, published)
        .ok()?
        .into_iter()
        .find(|c| c.cells.binary_search(&cell).is_ok())?;
    let i = component.cells.binary_search(&cell).ok()?;
    Some(by_equations(&component)?[i])
}

/// The first of `candidates` (published cells) whose hiding leaves `cell`, which the
/// equations pin, no longer pinned by them: a partner chosen by the linear algebra rather than
/// by nearness, where the nearest ones did not help (a county's cell pinned through the
/// nation's sum over every service is freed by the nation's cell or another county's, not by
/// its own table's, which secondary suppression hid one a round). `None` when the equations
/// do not pin `cell` (bounds do: the probes found it) or no candidate frees it.
pub(in crate::disclosure) fn unpinning(
    publication: &Publication,
    published: &[Option<u64>],
    cell: CellId,
    candidates: impl IntoIterator<Item = CellId>,
) -> Option<CellId> {
    if pinned_in(publication, published, cell) != Some(true) {
        return None;
    }
    let mut published = published.to_vec();
    candidates.into_iter().find(|&c| {
        let shown = published[c.0].take();
        let freed = pinned_in(publication, &published, cell) == Some(false);
        published[c.0] = shown;
        freed
    })
}

/// For each cell of the component, whether it has one value in the linear programs, given a
/// feasible point `truth`: the equations with every inequality and bound that no direction
/// from the truth can leave (the tangent cone's implicit equalities, found by one linear
/// program), brought to echelon form. Near a point of the cone's relative interior the cone is
/// the subspace those equations leave, so a cell is pinned exactly when they pin it. `None`
/// when the solver or the elimination gives no answer.
pub(super) fn at_truth(component: &Component, truth: &[f64]) -> Option<Vec<bool>> {
    let n = component.cells.len();
    let mut p = Problem::new(OptimizationDirection::Maximize);
    // Directions from the truth, free; one slack in [0, 1] per inequality tight at the truth.
    let d: Vec<Variable> = (0..n)
        .map(|_| p.add_var(0.0, (f64::NEG_INFINITY, f64::INFINITY)))
        .collect();
    let mut equations: Vec<Row> = Vec::new();
    // Each tight inequality `a·d ≤ 0` with its slack, kept to read back.
    let mut tight: Vec<(Row, Variable)> = Vec::new();
    let add = |p: &mut Problem, terms: &[(usize, f64)], tight: &mut Vec<_>| -> Option<()> {
        let s = p.add_var(1.0, (0.0, 1.0));
        let mut lhs: Vec<(Variable, f64)> = terms.iter().map(|&(i, a)| (d[i], a)).collect();
        lhs.push((s, 1.0));
        p.add_constraint(lhs.as_slice(), ComparisonOp::Le, 0.0);
        tight.push((row_of(terms)?, s));
        Some(())
    };
    for c in &component.constraints {
        match c.kind {
            RelationKind::Equal => {
                let terms: Vec<(Variable, f64)> = c.terms.iter().map(|&(i, a)| (d[i], a)).collect();
                p.add_constraint(terms.as_slice(), ComparisonOp::Eq, 0.0);
                equations.push(row_of(&c.terms)?);
            }
            RelationKind::AtMost => {
                let at: f64 = c.terms.iter().map(|&(i, a)| a * truth[i]).sum();
                if at >= c.rhs - EPS {
                    add(&mut p, &c.terms, &mut tight)?;
                }
            }
        }
    }
    for (i, &(low, high)) in component.bounds.iter().enumerate() {
        if low == high {
            p.add_constraint([(d[i], 1.0)].as_slice(), ComparisonOp::Eq, 0.0);
            equations.push(vec![(i, 1)]);
            continue;
        }
        if truth[i] <= low + EPS {
            add(&mut p, &[(i, -1.0)], &mut tight)?;
        }
        if truth[i] >= high - EPS {
            add(&mut p, &[(i, 1.0)], &mut tight)?;
        }
    }
    if !tight.is_empty() {
        let solution = p.solve().ok()?.into_solution().ok()?;
        // At an optimum every inequality some direction leaves strictly has its slack at 1
        // (a sum of such directions, scaled, leaves them all at once); the rest are equalities.
        equations.extend(
            tight
                .into_iter()
                .filter(|(_, s)| solution.var_value(*s) < 0.5)
                .map(|(row, _)| row),
        );
    }
    pinned_by(n, equations)
}

/// Elimination of `equations` over `n` cells: whether each cell is pinned by them.
fn pinned_by(n: usize, equations: Vec<Row>) -> Option<Vec<bool>> {
    // Echelon form: each pivot row starts at its cell with coefficient 1.
    let budget = FILL_PER_ROW * (equations.len() + 1);
    let mut held = 0;
    let mut pivots: Vec<Option<Row>> = vec![None; n];
    for mut row in equations {
        while let Some(&(lead, a)) = row.first() {
            match &pivots[lead] {
                Some(pivot) => row = eliminate(&row, a, pivot),
                None => {
                    let inv = inverse(a);
                    for t in &mut row {
                        t.1 = mul(t.1, inv);
                    }
                    held += row.len();
                    if held > budget {
                        return None;
                    }
                    pivots[lead] = Some(row);
                    break;
                }
            }
        }
    }
    // Two random solutions of the homogeneous equations, solved back from the last cell.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut random = move || loop {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        let z = (z ^ (z >> 31)) & P;
        if z != 0 && z != P {
            return z;
        }
    };
    let mut pinned = vec![true; n];
    for _ in 0..2 {
        let mut x = vec![0u64; n];
        for c in (0..n).rev() {
            x[c] = match &pivots[c] {
                None => random(),
                Some(row) => row[1..].iter().fold(0, |s, &(j, a)| sub(s, mul(a, x[j]))),
            };
            pinned[c] &= x[c] == 0;
        }
    }
    Some(pinned)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use microlp::OptimizationDirection;

    use super::super::local::tests::tables;
    use super::super::{components, EPS};
    use super::{at_truth, by_equations, inverse, mul, unpinning, P};
    use crate::disclosure::{CellId, CellLabel, Publication, Relation, RelationKind};

    /// x + y = s and z + w = u, x hidden: pinned, freed by hiding y or s, not z or w; not
    /// pinned with y hidden too.
    #[test]
    fn a_partner_frees_a_pinned_cell_only_if_the_equations_say_so() {
        let mut p = Publication::new();
        let [x, y, s, z, w, u] = ["x", "y", "s", "z", "w", "u"].map(|name| {
            let label = CellLabel {
                table: name.into(),
                row: None,
                column: None,
            };
            p.add_cell(label, false)
        });
        p.add_sum(s, &[x, y]);
        p.add_sum(u, &[z, w]);
        let mut published = vec![None, Some(4), Some(10), Some(5), Some(6), Some(11)];
        assert_eq!(unpinning(&p, &published, x, [z, w, u, y, s]), Some(y));
        assert_eq!(unpinning(&p, &published, x, [s, y]), Some(s));
        assert_eq!(unpinning(&p, &published, x, [z, w, u]), None);
        published[y.0] = None;
        assert_eq!(unpinning(&p, &published, x, [s]), None, "x is not pinned");
    }

    #[test]
    fn the_field_s_inverse_is_one() {
        for a in [1, 2, 3, P - 1, 12_345_678_901] {
            assert_eq!(mul(a, inverse(a)), 1);
        }
    }

    /// The tables of the local certificates' tests with inequalities that hold at the truth,
    /// some tight: subsets (a ≤ b, as new clients ≤ active ones, by pairs of cells) and rows
    /// that exist only because someone is in them (a ≥ 1).
    fn with_inequalities() -> Vec<(Publication, Vec<u64>, Vec<Option<u64>>)> {
        let mut seed: u64 = 0x1e55;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap()
        };
        tables()
            .into_iter()
            .map(|(mut p, values, published)| {
                for _ in 0..60 {
                    let (a, b) = (next(p.len()), next(p.len()));
                    if a != b && values[a] <= values[b] {
                        p.add_relation(Relation {
                            terms: vec![(CellId(a), 1), (CellId(b), -1)],
                            kind: RelationKind::AtMost,
                            constant: 0,
                        });
                    }
                    let c = next(p.len());
                    if values[c] >= 1 {
                        p.add_relation(Relation {
                            terms: vec![(CellId(c), -1)],
                            kind: RelationKind::AtMost,
                            constant: -1,
                        });
                    }
                }
                (p, values, published)
            })
            .collect()
    }

    /// A cell is called pinned exactly when its linear programs give it one value: on these
    /// tables (a table's sums with a row whose first cell is alone hidden; then with
    /// inequalities, some tight at the truth) many are, by the equations, by zeros' bounds and
    /// by tight inequalities.
    #[test]
    fn a_cell_is_called_pinned_exactly_when_it_has_one_value() {
        let (mut pinned, mut free, mut by_inequalities) = (0, 0, 0);
        for (p, values, published) in tables().into_iter().chain(with_inequalities()) {
            for component in components(&p, &published).unwrap() {
                let truth: Vec<f64> = component.cells.iter().map(|c| values[c.0] as f64).collect();
                let found = at_truth(&component, &truth).unwrap();
                let equations = by_equations(&component).unwrap();
                for (i, &is) in found.iter().enumerate() {
                    assert!(is || !equations[i], "the equations alone pin no more");
                    by_inequalities += usize::from(is && !equations[i]);
                    let mut objective = vec![0.0; component.cells.len()];
                    objective[i] = 1.0;
                    // Unbounded: as wide as can be.
                    let [high, low] = [
                        (OptimizationDirection::Maximize, f64::INFINITY),
                        (OptimizationDirection::Minimize, 0.0),
                    ]
                    .map(|(d, none)| {
                        let found = component.optimise(d, &objective).unwrap();
                        found.map_or(none, |(x, _)| x)
                    });
                    assert_eq!(is, high - low < EPS, "cell {i}: {low}..{high}");
                    if is {
                        pinned += 1;
                    } else {
                        free += 1;
                    }
                }
            }
        }
        assert!(
            pinned > 80 && free > 800 && by_inequalities > 10,
            "{pinned} pinned ({by_inequalities} by bounds or inequalities), {free} free"
        );
    }
}
