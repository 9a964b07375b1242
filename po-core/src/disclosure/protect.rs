//! The primary rule and secondary suppression until the audit finds nothing.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::audit::{run_cached, unpinning, Depth, Solved};
use super::RiskKind;
use super::{CellId, DisclosureError, Publication, Relation, RelationKind};

/// How published counts are protected. Publication outputs protect by default (k = 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Protection {
    /// Counts 1..k-1 are sensitive (zero identifies nobody); secondary suppression hides more
    /// until the audit shows that no hidden cell can be computed and no sensitive cell can be
    /// shown to be small. `k` ≥ 2.
    Threshold {
        /// The threshold.
        k: u64,
    },
    /// Every count as it is: for the service's own use, never for publication; every rendering
    /// says so in its own text.
    Unprotected,
}

impl Default for Protection {
    /// k = 3: the smallest threshold at which "one or two people" are never shown.
    fn default() -> Self {
        Protection::Threshold { k: 3 }
    }
}

impl Protection {
    /// The line every rendering of an unprotected output starts with (`None` when protected),
    /// in Swedish or English.
    pub fn banner(self, swedish: bool) -> Option<&'static str> {
        match self {
            Protection::Threshold { .. } => None,
            Protection::Unprotected if swedish => Some("**OSKYDDAD – FÅR INTE PUBLICERAS.**"),
            Protection::Unprotected => Some("**UNPROTECTED – NOT FOR PUBLICATION.**"),
        }
    }

    /// A threshold as a caller gives it (bindings carry signed integers): at least 2.
    ///
    /// # Errors
    /// [`DisclosureError::Threshold`] below 2.
    pub fn checked_k(k: i64) -> Result<u64, DisclosureError> {
        u64::try_from(k)
            .ok()
            .filter(|&k| k >= 2)
            .ok_or(DisclosureError::Threshold(k))
    }

    /// Protection at threshold `k`, or none when `unprotected` is asked for.
    ///
    /// # Errors
    /// As [`Protection::checked_k`] (only when protected).
    pub fn from_request(k: i64, unprotected: bool) -> Result<Protection, DisclosureError> {
        if unprotected {
            Ok(Protection::Unprotected)
        } else {
            Ok(Protection::Threshold {
                k: Protection::checked_k(k)?,
            })
        }
    }

    /// The threshold, `None` when unprotected.
    pub fn k(self) -> Option<u64> {
        match self {
            Protection::Threshold { k } => Some(k),
            Protection::Unprotected => None,
        }
    }
}

/// Which cells to hide. `values` are the true counts; returns a flag per cell (`true` =
/// hidden) such that the audit under `k` finds no cell at risk.
///
/// Method (written for this library after τ-ARGUS's modular and hypercube methods and
/// GaussSuppression's greedy candidate order): hide every count 1..k-1 (primary); then, until
/// nothing changes, in every equation with exactly one hidden cell hide its cheapest published
/// cell; then audit, and for each cell at risk hide the cheapest published cell that shares a
/// relation with it (a cell at risk again, pinned by the equations, gets the cheapest of the
/// 48 cheapest cells up to three relations away that elimination shows frees it); repeat.
/// Cheapest = a cell that hidden could still move before a zero that a relation pins at 0 the
/// moment it is hidden (its published side sums to 0), an inner cell before a total, a
/// non-zero before a zero, a small value before a large one, one related to more cells at risk
/// first. Each round hides at least one cell and a publication with every
/// cell hidden is safe, so the loop ends, and it ends only with an audit that found nothing.
///
/// # Errors
/// [`DisclosureError::Threshold`] for k < 2, [`DisclosureError::WrongLength`], and the audit's
/// errors.
pub fn protect(
    publication: &Publication,
    values: &[u64],
    k: u64,
) -> Result<Vec<bool>, DisclosureError> {
    protect_from(publication, values, &vec![false; values.len()], k)
}

/// As [`protect`], starting from cells hidden already (`hidden[i]`), e.g. a compilation whose
/// submissions hid cells of unknown value (give them any value: they stay hidden and cost
/// nothing to choose). Returns every cell hidden, those given included.
///
/// # Errors
/// As [`protect`]; [`DisclosureError::WrongLength`] also for `hidden`.
pub fn protect_from(
    publication: &Publication,
    values: &[u64],
    hidden: &[bool],
    k: u64,
) -> Result<Vec<bool>, DisclosureError> {
    let none = vec![false; hidden.len()];
    protect_fixed(publication, values, hidden, &none, &none, &none, k)
}

/// As [`protect_from`], with cells whose state is fixed (`fixed[i]`): published before (shown
/// or hidden, as `hidden[i]` says) or derived, so secondary suppression never chooses them and
/// the primary rule does not apply to them; and cells whose risk was there before this
/// publication (`known[i]`: what earlier publications give away already, which no choice now
/// can undo), not counted against it (`disclosure::family`); and cells preferred last among
/// the candidates at hand (`last[i]`: the nation's, beside its counties, as τ-ARGUS's
/// hierarchical method keeps the higher level).
///
/// # Errors
/// As [`protect`]; [`DisclosureError::AtRisk`] when a cell is at risk and no cell that may
/// still be hidden can protect it (what was published before already gives it away).
pub(crate) fn protect_fixed(
    publication: &Publication,
    values: &[u64],
    hidden: &[bool],
    fixed: &[bool],
    known: &[bool],
    last: &[bool],
    k: u64,
) -> Result<Vec<bool>, DisclosureError> {
    if [hidden.len(), fixed.len(), known.len(), last.len()]
        .iter()
        .any(|&n| n != publication.len())
    {
        return Err(DisclosureError::WrongLength {
            cells: publication.len(),
            values: hidden.len(),
        });
    }
    if k < 2 {
        return Err(DisclosureError::Threshold(
            i64::try_from(k).unwrap_or(i64::MAX),
        ));
    }
    if values.len() != publication.len() {
        return Err(DisclosureError::WrongLength {
            cells: publication.len(),
            values: values.len(),
        });
    }
    let mut hidden: Vec<bool> = values
        .iter()
        .zip(hidden)
        .zip(fixed)
        .map(|((&v, &h), &f)| h || (!f && (1..k).contains(&v)))
        .collect();
    let free = |c: CellId, hidden: &[bool]| !hidden[c.0] && !fixed[c.0];
    // The values as a feasible point for the audit, when they are the truth: a caller may give
    // any value for a cell hidden already whose count it does not know (a compilation of
    // protected submissions), and a point that breaks a relation would settle cells wrongly.
    let truth = satisfies(publication, values).then_some(values);
    let mut solved = Solved::default();
    // Relations of each cell, for the candidates next to a cell at risk.
    let mut related: Vec<Vec<usize>> = vec![Vec::new(); publication.len()];
    for (r, relation) in publication.relations().iter().enumerate() {
        for &(c, _) in &relation.terms {
            related[c.0].push(r);
        }
    }
    // A zero that one relation pins at 0 the moment it is hidden (its published side sums to
    // 0, or it is at most a published 0) protects nothing and is at risk itself: a county's
    // row of zeros given as partners through the nation's sum started a cascade of rounds.
    let pinned_when_hidden = |c: CellId, hidden: &[bool]| {
        values[c.0] == 0
            && related[c.0].iter().any(|&r| {
                let relation = &publication.relations()[r];
                let a: i128 = relation
                    .terms
                    .iter()
                    .filter(|t| t.0 == c)
                    .map(|t| i128::from(t.1))
                    .sum();
                let sign = match (relation.kind, a.signum()) {
                    (_, 0) => return false,
                    (RelationKind::AtMost, -1) => return false,
                    (_, s) => s,
                };
                let mut rest = i128::from(relation.constant);
                for &(o, b) in relation.terms.iter().filter(|t| t.0 != c) {
                    if hidden[o.0] {
                        // Another hidden cell on the same side only lowers c's bound.
                        if i128::from(b.signum()) != sign && b != 0 {
                            return false;
                        }
                    } else {
                        rest -= i128::from(b) * i128::from(values[o.0]);
                    }
                }
                // c ≤ rest / |a| (after the sign), below 1: c is 0 and known.
                sign * rest < a.abs()
            })
    };
    let cost = |c: CellId, score: usize, hidden: &[bool]| {
        (
            last[c.0],
            pinned_when_hidden(c, hidden),
            publication.is_margin(c),
            values[c.0] == 0,
            values[c.0],
            usize::MAX - score,
            c,
        )
    };
    // The cells at risk in the round before, to see which stay at risk after their partner.
    let mut before: BTreeSet<CellId> = BTreeSet::new();
    loop {
        close_equations(publication, &mut hidden, fixed, &cost);
        let published: Vec<Option<u64>> = values
            .iter()
            .zip(&hidden)
            .map(|(&v, &h)| (!h).then_some(v))
            .collect();
        let mut audit = run_cached(publication, &published, k, Depth::Risks, &mut solved, truth)?;
        audit.at_risk.retain(|r| !known[r.range.cell.0]);
        // Hidden cells only: the counts shown small are primary suppression's (fixed cells
        // were published before, at their own k).
        if audit.at_risk.is_empty() {
            return Ok(hidden);
        }
        let at_risk: BTreeSet<CellId> = audit.at_risk.iter().map(|r| r.range.cell).collect();
        let exact: BTreeSet<CellId> = audit
            .at_risk
            .iter()
            .filter(|r| r.kind == RiskKind::Exact)
            .map(|r| r.range.cell)
            .collect();
        let mut newly: Vec<CellId> = Vec::new();
        for &risk in &at_risk {
            let neighbours = |c: CellId| -> BTreeSet<CellId> {
                related[c.0]
                    .iter()
                    .flat_map(|&r| publication.relations()[r].terms.iter().map(|t| t.0))
                    .collect()
            };
            let near = neighbours(risk);
            if newly.iter().any(|n| near.contains(n)) {
                continue; // Already given a new partner this round; audit again first.
            }
            let score = |c: CellId| neighbours(c).intersection(&at_risk).count();
            // At risk again and pinned: the partner the equations say frees it, among the cells
            // a few relations away, cheapest first.
            let freeing = (before.contains(&risk) && exact.contains(&risk))
                .then(|| {
                    let mut candidates = published_within(
                        publication,
                        &related,
                        &hidden,
                        fixed,
                        risk,
                        FREEING_LAYERS,
                    );
                    candidates.sort_by_key(|&c| cost(c, 0, &hidden));
                    candidates.truncate(FREEING_CANDIDATES);
                    // As published now: with the partners this round has hidden so far.
                    let now: Vec<Option<u64>> = values
                        .iter()
                        .zip(&hidden)
                        .map(|(&v, &h)| (!h).then_some(v))
                        .collect();
                    unpinning(publication, &now, risk, candidates)
                })
                .flatten();
            let choice = freeing
                .or_else(|| {
                    near.iter()
                        .filter(|&&c| free(c, &hidden))
                        .min_by_key(|&&c| cost(c, score(c), &hidden))
                        .copied()
                })
                .or_else(|| nearest_published(publication, &related, &hidden, fixed, risk, &cost));
            if let Some(c) = choice {
                hidden[c.0] = true;
                newly.push(c);
            }
        }
        before = at_risk;
        if newly.is_empty() {
            // Every cell that could protect a cell at risk is fixed: either what was published
            // before gives it away already, or (never expected without fixed cells) hiding
            // every free cell is the answer.
            let before = hidden.clone();
            for (h, &f) in hidden.iter_mut().zip(fixed) {
                *h = *h || !f;
            }
            if hidden == before {
                let first = audit.at_risk.first().map(|r| r.range.label.to_string());
                return Err(DisclosureError::AtRisk {
                    count: audit.at_risk.len(),
                    first: first.unwrap_or_default(),
                });
            }
        }
    }
}

/// How many layers of relations away from a cell still pinned the partners that would free it
/// are looked for ([`published_within`]): a county's cell pinned through the nation's sum is
/// two away from the nation's cell (its services' cells between).
const FREEING_LAYERS: usize = 3;

/// How many of those, cheapest first, are tried: each is an elimination of the component.
const FREEING_CANDIDATES: usize = 48;

/// The cells that may still be hidden within `layers` layers of `start` (as
/// [`nearest_published`] walks them), each once.
fn published_within(
    publication: &Publication,
    related: &[Vec<usize>],
    hidden: &[bool],
    fixed: &[bool],
    start: CellId,
    layers: usize,
) -> Vec<CellId> {
    let mut all: Vec<CellId> = Layers::new(publication, related, hidden, fixed, start)
        .take(layers)
        .flatten()
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The cells reachable from a cell through relations over hidden cells, in layers: each layer
/// the cells that may still be hidden in the relations of the hidden cells the layer before
/// reached for the first time (first: `start`'s own relations), until none is left to walk.
struct Layers<'a> {
    publication: &'a Publication,
    related: &'a [Vec<usize>],
    hidden: &'a [bool],
    fixed: &'a [bool],
    seen: BTreeSet<CellId>,
    layer: Vec<CellId>,
}

impl<'a> Layers<'a> {
    fn new(
        publication: &'a Publication,
        related: &'a [Vec<usize>],
        hidden: &'a [bool],
        fixed: &'a [bool],
        start: CellId,
    ) -> Self {
        Layers {
            publication,
            related,
            hidden,
            fixed,
            seen: BTreeSet::from([start]),
            layer: vec![start],
        }
    }
}

impl Iterator for Layers<'_> {
    type Item = BTreeSet<CellId>;

    fn next(&mut self) -> Option<BTreeSet<CellId>> {
        if self.layer.is_empty() {
            return None;
        }
        let mut candidates = BTreeSet::new();
        let mut next = Vec::new();
        for c in std::mem::take(&mut self.layer) {
            for &r in &self.related[c.0] {
                for &(other, _) in &self.publication.relations()[r].terms {
                    if !self.hidden[other.0] {
                        if !self.fixed[other.0] {
                            candidates.insert(other);
                        }
                    } else if self.seen.insert(other) {
                        next.push(other);
                    }
                }
            }
        }
        self.layer = next;
        Some(candidates)
    }
}

/// Whether `values` satisfy every relation of the publication (counts are ≥ 0 by type).
pub(crate) fn satisfies(publication: &Publication, values: &[u64]) -> bool {
    publication.relations().iter().all(|r| holds(r, values))
}

/// Whether one relation holds for `values` (one per cell).
pub(crate) fn holds(r: &Relation, values: &[u64]) -> bool {
    let sum: i128 = r
        .terms
        .iter()
        .map(|&(c, a)| i128::from(a) * i128::from(values.get(c.0).copied().unwrap_or(0)))
        .sum();
    match r.kind {
        RelationKind::Equal => sum == i128::from(r.constant),
        RelationKind::AtMost => sum <= i128::from(r.constant),
    }
}

/// Hides one more cell in every equation with exactly one hidden cell, until none is left:
/// such a cell is its equation's published cells subtracted from each other (the classic
/// "total minus the rest").
fn close_equations<C, K>(publication: &Publication, hidden: &mut [bool], fixed: &[bool], cost: &C)
where
    C: Fn(CellId, usize, &[bool]) -> K,
    K: Ord,
{
    loop {
        let mut changed = false;
        for relation in publication.relations() {
            if relation.kind != RelationKind::Equal {
                continue;
            }
            let mut hidden_here = relation.terms.iter().filter(|(c, _)| hidden[c.0]);
            let (Some(lone), None) = (hidden_here.next(), hidden_here.next()) else {
                continue;
            };
            if publication.is_derived(lone.0) {
                continue; // A derived number may be known; the audit says when it must not be.
            }
            if let Some(c) = relation
                .terms
                .iter()
                .map(|t| t.0)
                .filter(|c| !hidden[c.0] && !fixed[c.0])
                .min_by_key(|&c| cost(c, 0, hidden))
            {
                hidden[c.0] = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// The cheapest published cell among the nearest reachable from `start` through relations over
/// hidden cells: the hidden cells are walked in layers (those sharing a relation with `start`,
/// then theirs, …), and the first layer whose relations hold a cell that may still be hidden
/// gives the choice. The nearest first: a cell far away along a chain of hidden cells rarely
/// changes what pins `start` (a family's county total, pinned through the nation's sum, was
/// given partners across the whole nation, one a round, for forty rounds).
fn nearest_published<C, K>(
    publication: &Publication,
    related: &[Vec<usize>],
    hidden: &[bool],
    fixed: &[bool],
    start: CellId,
    cost: &C,
) -> Option<CellId>
where
    C: Fn(CellId, usize, &[bool]) -> K,
    K: Ord,
{
    Layers::new(publication, related, hidden, fixed, start)
        .find_map(|candidates| candidates.into_iter().min_by_key(|&c| cost(c, 0, hidden)))
}
