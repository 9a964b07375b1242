//! Compilations protected with what was published below them (issue 31, point 2; DOMAIN §§
//! 11–12): exact counts travel up the chain, and the counties and the nation are protected
//! together, as one publication, with the services' own published reports — as τ-ARGUS
//! protects hierarchical and linked tables in one run.
//!
//! The publication holds every service's whole report with every relation a report has (an
//! attacker reads them all: a relation through the clients by area or the shortcomings with
//! feedback pinned a service's hidden deviation row once only the compiled tables were
//! placed), every compilation's tables (active, new and closed clients, children at home,
//! contact reasons, deviations by type and by counterpart) with their relations, and each
//! compiled cell equal to the sum of its services' cells with the same labels. A service's
//! report is fixed as it published it (its hidden cells are unknowns to the attacker; a service
//! that published nothing is all unknowns). A submission of tables only (the flat form) is
//! placed with its tables' relations only: what else that service published, po never saw. The
//! compilations' cells are chosen by secondary suppression until the audit over the whole
//! family finds nothing: a county minus its other services' reports, the nation minus the
//! other counties, a county of one service against that service's report (secondary
//! suppression starts from each county protected with its own services alone: `warm_start`).
//! The staff counts (the ombud, by gender, and those with supervision: counts of people too)
//! travel the same way, as two small tables after the compiled ones (`chain::staff`).

use std::collections::BTreeMap;

use super::staff;
use crate::disclosure::{protect_beside, CellId, DisclosureError, Publication};
use crate::report::{published, relate_compiled, table_cells, AnnualReport, Cell, Table};

/// A member of the family.
pub(crate) enum Member<'a> {
    /// A service that published its report: its exact report and the report as published.
    /// Fixed: placed whole, with every relation its report has (services that published
    /// nothing are [`Member::Unpublished`]).
    Service {
        /// Its name, for the cells' labels.
        name: &'a str,
        /// Exact counts.
        exact: &'a AnnualReport,
        /// As published.
        published: &'a AnnualReport,
        /// Whether its reports hold the tables only (a flat form): their relations only.
        tables_only: bool,
    },
    /// Services that published nothing, as one: the sum of their compiled and staff tables,
    /// every count an unknown (fixed hidden).
    Unpublished {
        /// Its name, for the cells' labels.
        name: String,
        /// The exact sums.
        exact: Vec<Table>,
    },
    /// A compilation protected now: its exact compiled tables, in the order of
    /// [`crate::report::ReportTable::compiled_tables`], then its staff tables.
    Compilation {
        /// Its name, for the cells' labels (e.g. "Värmlands län").
        name: String,
        /// The exact sums.
        exact: Vec<Table>,
    },
}

/// Each compiled table's cells by (row, column) labels (`None` for a margin), from the table
/// and the cell of each of its numbers in the order of [`Table::cells`].
type Keyed = BTreeMap<(Option<String>, Option<String>), CellId>;

fn keyed(t: &Table, slots: &[CellId]) -> Keyed {
    t.labelled(slots).collect()
}

fn shape(name: &str, why: &str) -> DisclosureError {
    DisclosureError::Shape(format!("{name}: {why}"))
}

/// A report placed whole: its staff cells (from its publication's labels, placed at `offset`)
/// keyed as its staff tables lay them out ([`staff::tables`]): the ombud as the ombud table's
/// row and total, each gender as its cell and column — with no genders given, the ombud as the
/// one column too — and those with supervision as all of the supervision table.
fn staff_keyed(
    own: &Publication,
    offset: usize,
    r: &AnnualReport,
    name: &str,
) -> Result<Vec<Keyed>, DisclosureError> {
    let find = |table: &str, row: &str| {
        (0..own.len())
            .find(|&i| {
                let l = own.label(CellId(i));
                l.table == table && l.row.as_deref() == Some(row) && l.column.is_none()
            })
            .map(|i| CellId(i + offset))
            .ok_or_else(|| shape(name, "its report has no staff cell for its staff table"))
    };
    let [ombud_table, supervision_table] = staff::tables(&r.staff);
    let ombud = find("staff", staff::OMBUD_ROW)?;
    let genders = ombud_table
        .columns
        .iter()
        .map(|g| match g.as_str() {
            staff::NOT_REPORTED => Ok(ombud),
            g => find("staff: gender", g),
        })
        .collect::<Result<Vec<_>, _>>()?;
    // In the order of `Table::labelled`: the cells, the row, the columns, the total.
    let slots: Vec<CellId> = [&genders[..], &[ombud], &genders[..], &[ombud]].concat();
    let supervision = find("staff", staff::SUPERVISION_ROW)?;
    Ok(vec![
        keyed(&ombud_table, &slots),
        keyed(&supervision_table, &[supervision; 4]),
    ])
}

/// The family's publication as it is built: each cell's exact count, whether it is hidden and
/// whether it is fixed (published before).
struct Placed<'a> {
    p: &'a mut Publication,
    values: &'a mut Vec<u64>,
    hidden: &'a mut Vec<bool>,
    fixed: &'a mut Vec<bool>,
}

impl Placed<'_> {
    fn push(&mut self, value: u64, hidden: bool, fixed: bool) {
        self.values.push(value);
        self.hidden.push(hidden);
        self.fixed.push(fixed);
    }

    /// A service's whole report, every relation its report has; fixed, hidden where it
    /// published `..`. Returns its compiled tables, keyed.
    fn report(
        &mut self,
        name: &str,
        exact: &AnnualReport,
        as_published: &AnnualReport,
    ) -> Result<Vec<Keyed>, DisclosureError> {
        let (own, own_slots, exact_values) = published(&mut exact.clone())?;
        let (theirs, _, shown) = published(&mut as_published.clone())?;
        if theirs.len() != own.len()
            || (0..own.len()).any(|i| own.label(CellId(i)) != theirs.label(CellId(i)))
        {
            return Err(shape(name, "the published report is not the exact one"));
        }
        // A shown count that is not the exact one (a report published before a correction)
        // would be a relation this model does not state: refused.
        if shown
            .iter()
            .zip(&exact_values)
            .any(|(s, e)| s.is_some() && s != e)
        {
            return Err(shape(
                name,
                "the published report shows a count that is not the exact one",
            ));
        }
        let hidden: Vec<bool> = shown.iter().map(Option::is_none).collect();
        let offset = self.p.append(&own, &format!("{name}: "));
        for (v, h) in exact_values.into_iter().zip(hidden) {
            self.push(
                v.ok_or_else(|| shape(name, "exact counts are needed"))?,
                h,
                true,
            );
        }
        let mut tables: Vec<Keyed> = table_cells(exact, &own_slots, offset)
            .filter(|(t, _, _)| t.compiled())
            .map(|(_, table, ids)| keyed(table, &ids))
            .collect();
        tables.extend(staff_keyed(&own, offset, exact, name)?);
        Ok(tables)
    }

    /// Compiled tables with the relations between them: free when `shown` is `None`, else
    /// fixed as they were published (`Some(None)`: not at all, every count hidden). Returns
    /// them keyed, and each one's cells in table order.
    fn tables(
        &mut self,
        name: &str,
        exact: &[Table],
        shown: Option<Option<&[Table]>>,
    ) -> Result<(Vec<Keyed>, Vec<Vec<CellId>>), DisclosureError> {
        let (mut cells, mut slots, mut tables) = (Vec::new(), Vec::new(), Vec::new());
        for (n, t) in exact.iter().enumerate() {
            t.check_shape()?;
            let mut named = t.clone();
            named.name = format!("{name}: {}", t.name);
            let (c, s) = named.add_to(self.p);
            let start = self.values.len();
            for _ in start..self.p.len() {
                self.push(0, false, shown.is_some());
            }
            let theirs: Vec<Cell> = match shown {
                Some(Some(tables)) => match tables.get(n) {
                    Some(p)
                        if p.rows == t.rows
                            && p.columns == t.columns
                            && p.cells()
                                .zip(t.cells())
                                .all(|(a, b)| *a == Cell::Suppressed || a == b) =>
                    {
                        p.cells().copied().collect()
                    }
                    _ => {
                        return Err(shape(
                            name,
                            "the published tables are not the exact ones as protected",
                        ))
                    }
                },
                Some(None) => vec![Cell::Suppressed; s.len()],
                None => vec![Cell::Count(0); s.len()],
            };
            for ((cell, &id), theirs) in t.cells().zip(&s).zip(theirs) {
                self.values[id.0] = cell
                    .count()
                    .ok_or_else(|| shape(name, "exact counts are needed"))?;
                self.hidden[id.0] |= theirs == Cell::Suppressed;
            }
            tables.push(keyed(t, &s));
            cells.push(c);
            slots.push(s);
        }
        relate_compiled(self.p, &cells, exact);
        staff::relate(self.p, &cells, exact);
        Ok((tables, slots))
    }

    /// Places one member: its compiled tables keyed, and a compilation's cells in table order
    /// (empty for the others, which are fixed).
    fn member(
        &mut self,
        m: &Member<'_>,
    ) -> Result<(Vec<Keyed>, Vec<Vec<CellId>>), DisclosureError> {
        match m {
            Member::Service {
                name,
                exact,
                published: as_published,
                tables_only,
            } => {
                // A flat form holds its tables only: their relations only.
                let tables = match tables_only {
                    false => self.report(name, exact, as_published)?,
                    true => {
                        let shown = staff::shown_tables(as_published);
                        self.tables(name, &staff::family_tables(exact), Some(Some(&shown)))?
                            .0
                    }
                };
                Ok((tables, Vec::new()))
            }
            Member::Unpublished { name, exact } => {
                Ok((self.tables(name, exact, Some(None))?.0, Vec::new()))
            }
            Member::Compilation { name, exact } => self.tables(name, exact, None),
        }
    }
}

/// Whether one member can take its place in a family: exact counts throughout, a published
/// report of the same shape whose shown counts are the exact ones, and counts that satisfy
/// every relation its tables state. What [`protect_hierarchy`] would refuse, found for one
/// submission, so that a compilation leaves that one out and goes on (issue 34).
///
/// # Errors
/// [`DisclosureError::Shape`] or [`DisclosureError::Inconsistent`] saying why.
pub(crate) fn placeable(m: &Member<'_>) -> Result<(), DisclosureError> {
    let mut p = Publication::new();
    let (mut values, mut hidden, mut fixed) = (Vec::new(), Vec::new(), Vec::new());
    Placed {
        p: &mut p,
        values: &mut values,
        hidden: &mut hidden,
        fixed: &mut fixed,
    }
    .member(m)?;
    if crate::disclosure::satisfies(&p, &values) {
        Ok(())
    } else {
        Err(DisclosureError::Inconsistent {
            cells: vec![
                "its exact counts contradict a relation between its tables (its staff's \
                 among them: the ombud by gender sum to the ombud, those with supervision are \
                 at most the ombud)"
                    .into(),
            ],
        })
    }
}

/// Protects the compilations with threshold `k`, each (`sums`: a member and the members it is
/// the sum of) equal, cell by cell, to the sum of its parts. Returns, for each member, its
/// protected tables when it is a compilation.
///
/// # Errors
/// [`DisclosureError::Shape`] when an exact report has a hidden cell or a published one another
/// shape than its exact counts; [`DisclosureError::AtRisk`] when what the services published
/// already gives a count away and no compiled cell can help; the audit's errors.
pub(crate) fn protect_hierarchy(
    members: &[Member<'_>],
    sums: &[(usize, Vec<usize>)],
    k: u64,
) -> Result<Vec<Option<Vec<Table>>>, DisclosureError> {
    let mut p = Publication::new();
    let (mut values, mut hidden, mut fixed) = (Vec::new(), Vec::new(), Vec::new());
    // Each member's compiled tables, keyed, and a compilation's cells in table order.
    let mut compiled: Vec<Vec<Keyed>> = Vec::new();
    let mut slots: Vec<Vec<Vec<CellId>>> = Vec::new();
    let mut placed = Placed {
        p: &mut p,
        values: &mut values,
        hidden: &mut hidden,
        fixed: &mut fixed,
    };
    // Each member's cells: `cells[m]..cells[m + 1]`.
    let mut cells = vec![0];
    for m in members {
        let (tables, member_slots) = placed.member(m)?;
        compiled.push(tables);
        slots.push(member_slots);
        cells.push(placed.values.len());
    }
    for (total, parts) in sums {
        for (n, cells) in compiled[*total].iter().enumerate() {
            for (key, &id) in cells {
                let found: Vec<CellId> = parts
                    .iter()
                    .filter_map(|&m| compiled[m].get(n)?.get(key).copied())
                    .collect();
                p.add_sum(id, &found);
            }
        }
    }
    // The compilation over every other's parts (the nation) is the last to give up a cell:
    // the counties' cells are hidden first where either would do, so that the nation
    // publishes what seed 001 publishes in full wherever it can. Only where counties are sums
    // too (services that published their reports): a nation of counties whose services all
    // published nothing is the one sum here, and is not marked (marked, that family took 9.0 s
    // instead of 8.2 s, 2026-12-07).
    let mut last = vec![false; values.len()];
    for (total, parts) in sums {
        let above = sums.len() > 1
            && sums
                .iter()
                .all(|(other, below)| other == total || below.iter().all(|m| parts.contains(m)));
        if above {
            for id in slots[*total].iter().flatten() {
                last[id.0] = true;
            }
        }
    }
    let start = warm_start(&p, &values, &hidden, &fixed, &cells, sums, &last, k);
    let hidden = protect_beside(&p, &values, &start, &fixed, &last, k)?;
    Ok(members
        .iter()
        .zip(&slots)
        .map(|(m, member_slots)| match m {
            Member::Service { .. } | Member::Unpublished { .. } => None,
            Member::Compilation { exact, .. } => Some(
                exact
                    .iter()
                    .zip(member_slots)
                    .map(|(t, s)| {
                        let mut t = t.clone();
                        for (cell, id) in t.cells_mut().zip(s) {
                            if hidden[id.0] {
                                *cell = Cell::Suppressed;
                            }
                        }
                        t
                    })
                    .collect(),
            ),
        })
        .collect())
}

/// Where a compilation's parts are summed again above (counties, beneath the nation), each is
/// first protected with its parts alone, and the whole family starts from the cells those hid:
/// a small publication's audit is cheap, and a start that is safe within each county leaves the
/// whole family's first audit few cells at risk, each of which costs two linear programs' worth
/// of probes in a component of thousands of cells (issue 31's benchmark). HiTaS, in τ-ARGUS,
/// protects a hierarchy's subtables one by one in the same spirit. What the start hides stays
/// hidden (secondary suppression only adds), so it shapes the result: the counties hide what
/// protects their own services, and the nation, protected last, is left to publish (the
/// SYNTHETIC nation's tables of seed 001 in full beside the services' reports; BENCHMARKS.md).
/// Safety is not the start's: the family's protection stops only when its audit over
/// everything finds nothing. A county whose protection alone fails starts from what it has.
#[allow(clippy::too_many_arguments)]
fn warm_start(
    p: &Publication,
    values: &[u64],
    hidden: &[bool],
    fixed: &[bool],
    cells: &[usize],
    sums: &[(usize, Vec<usize>)],
    last: &[bool],
    k: u64,
) -> Vec<bool> {
    let mut start = hidden.to_vec();
    // Summed again above: another sum's parts hold all of this one's and more (the nation
    // sums the services of every county; a county that holds every service is the nation's
    // equal, not beneath it).
    let lower = sums.iter().filter(|(_, parts)| {
        sums.iter()
            .any(|(_, all)| all.len() > parts.len() && parts.iter().all(|m| all.contains(m)))
    });
    for (total, parts) in lower {
        let mut kept = vec![false; values.len()];
        for m in parts.iter().chain([total]) {
            kept[cells[*m]..cells[m + 1]].fill(true);
        }
        let sub = p.restricted_to(&kept);
        // The rest are published constants in no relation.
        let sub_hidden: Vec<bool> = hidden.iter().zip(&kept).map(|(&h, &k)| h && k).collect();
        let sub_fixed: Vec<bool> = fixed.iter().zip(&kept).map(|(&f, &k)| f || !k).collect();
        if let Ok(h) = protect_beside(&sub, values, &sub_hidden, &sub_fixed, last, k) {
            for i in cells[*total]..cells[total + 1] {
                start[i] |= h[i];
            }
        }
    }
    start
}
