//! A county's or the nation's compilation of the services' submissions (issue 17; SFS 2013:522
//! 12 and 14 §§): seed 001's figures from what the services published — services and their
//! municipalities, ombud and positions, clients by gender × age band, new and closed, children
//! at home, contact reasons by gender, deviations by type and by counterpart, leadership groups
//! lacking a member (which role, how many) — each table the sum of the services' tables (a sum
//! with a hidden part hidden).
//!
//! Protection of exact submissions (issue 31; DOMAIN § 11: "exact counts travel up the
//! chain; protection belongs where numbers are published"): when every submission carries
//! exact counts (`po-submission/2`, [`Submission::exact`]), the counties and the nation are
//! compiled from them and protected in one run with every service's own published report
//! (its whole report, with all its relations) and with each other — a county is the sum of its
//! services, the nation the sum of all (`hierarchy`). A county minus its other services' reports,
//! the nation minus the other counties, or a county of one service against that service's
//! report then gives nothing away, and a sum is shown whenever that is safe, whatever the
//! services hid. A service that published nothing counts as all unknowns.
//!
//! Protection of protected submissions (as before): the eight compiled tables are one
//! publication with the relations a report's tables have (new and closed ≤ active clients cell by cell, children at home and contact
//! reasons ≤ the gender's clients, one deviation total), protected and audited together —
//! tables protected one by one can be undone through those relations (tested in
//! `report/joint.rs`). Submissions that are all unprotected (true counts sent to
//! länsstyrelsen, never published) are protected only as sums; a mix of published and
//! unpublished ones has each unpublished one protected first, since a compiled count minus
//! the published ones is the unpublished one's count.
//!
//! A service belongs to a county's compilation when one of its municipalities is in the county,
//! and counts once there (and once nationally) however many municipalities it has.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::admission::admit;
use super::compile::{add, sum_tables};
use super::hierarchy::{protect_hierarchy, Member};
use super::staff;
use super::submission::GrantFigures;
use super::{
    municipalities_offering, validate_submissions, ChainFinding, MunicipalitiesOffering,
    ServiceSubmission, Submission,
};
use crate::codes::CodeList;
use crate::disclosure::{ensure_safe, Audit, DisclosureError, Protection, Publishable};
use crate::organisation::{County, MunicipalityCode};
use crate::reference::sweden;
use crate::report::{audit_linked, protect_linked, Cell, ReportTable, Table};
use crate::rules::Status;

/// One compilation: a county (`county`) or the nation (`None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compilation {
    /// The year.
    pub year: i32,
    /// The county; `None` for the nation.
    pub county: Option<County>,
    /// The services compiled, with their municipalities (each service once).
    pub services: Vec<(String, Vec<MunicipalityCode>)>,
    /// Ombud (a sum with a hidden part is hidden).
    pub ombud: Cell,
    /// Ombud by gender (seed 001: "ca 70 procent är kvinnor"), summed like `ombud` over the
    /// services whose staff export gave genders (`ombud_by_gender_reported` of them).
    #[serde(default)]
    pub ombud_by_gender: BTreeMap<String, Cell>,
    /// Services whose report gives their ombud by gender.
    #[serde(default)]
    pub ombud_by_gender_reported: u64,
    /// Ombud with supervision (the staff export's `supervision` given; seed 001: "Nästan
    /// samtliga ombud har deltagit i kontinuerlig handledning"), summed like `ombud`; hidden
    /// when a part is, or for a compilation written before it was compiled.
    #[serde(default = "unknown")]
    pub with_supervision: Cell,
    /// The training the ombud took part in (seed 001 lists the courses), each name once with
    /// the number of services whose ombud took it; names as the services wrote them (screened
    /// for identity numbers when the staff export or the submission was read).
    #[serde(default)]
    pub training: BTreeMap<String, u64>,
    /// Full-time positions.
    pub positions: Decimal,
    /// The compiled tables, in the reports' order: active, new and closed clients, children
    /// at home, contact reasons, the new clients' contact reasons (seed 001's figure 1; blank,
    /// with no rows, when a service's submission lacks them), deviations by type and by
    /// counterpart.
    pub tables: Vec<Table>,
    /// The disclosure control the tables went through.
    pub protection: Protection,
    /// Services whose leadership group lacks a required member (5 §).
    pub leadership_lacking: u64,
    /// Of those, how many lack each role (by role code).
    pub missing_roles: BTreeMap<String, u64>,
    /// Services that reported no leadership group at all (10 § 4; each also a finding): not
    /// among those lacking a member, since nothing is known of their group.
    #[serde(default)]
    pub leadership_unreported: u64,
    /// The grant summed over the services that reported it, and how many did.
    pub grant: GrantFigures,
    /// Services that reported their grant.
    pub grant_reported: u64,
    /// The grant per county, each service's under its host municipality's county (whose
    /// länsstyrelse decides and pays it, SFS 2013:522 8 §); counties without a reported grant
    /// are left out.
    pub grants: Vec<CountyGrant>,
    /// Against the previous year's compilation, when its submissions were given: the change in
    /// services and in active clients (`None` where either year's total is hidden).
    pub change: Option<Change>,
    /// Seed 001 table 1 from the same submissions: municipalities offering PO per county (all
    /// 21 counties and the nation, whatever the compilation's county).
    pub offering: MunicipalitiesOffering,
    /// The submissions' findings and the compilation's own.
    pub findings: Vec<ChainFinding>,
    /// Submissions left out of the sums, each with why: another year, a second one from a
    /// service, tables that contradict themselves (issue 34; `po compile` adds the files it
    /// could not read). The compilation of the others is written all the same.
    #[serde(default)]
    pub left_out: Vec<ChainFinding>,
    /// The year's national budget and its administration's spending, when given
    /// ([`Compilation::with_budget`]): seed 001 table 5 beside the services' grants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<crate::money::BudgetAccount>,
    /// Seed 001 table 2: the organisations running services on their municipalities' behalf,
    /// each once with the counties its services work in (seed order).
    #[serde(default)]
    pub providers: Vec<ProviderRow>,
    /// Services with assessment guidelines or a priority order (10 § 3; seed 001: 100 of 106).
    #[serde(default)]
    pub with_priority_order: u64,
    /// Services with routines for reporting shortcomings to the leadership group (seed 001:
    /// 101 of 106), of the `deviation_routines_reported` that said.
    #[serde(default)]
    pub with_deviation_routines: u64,
    /// Seed 001 annex 1: the shortcomings the services reported, by where they arise.
    #[serde(default)]
    pub shortcomings: Vec<super::AnnexRow>,
    /// Services whose submission said whether they have such routines.
    #[serde(default)]
    pub deviation_routines_reported: u64,
}

/// One row of seed 001 table 2: an organisation running services, its kind and counties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderRow {
    /// The organisation.
    pub provider: crate::organisation::Provider,
    /// The counties its services have municipalities in, in seed 001's order.
    pub counties: Vec<County>,
}

/// Seed 001 table 2 from the submissions: each provider once (by name and kind), with the
/// counties of all its services' municipalities, by name.
fn providers(submissions: &[&Submission]) -> Vec<ProviderRow> {
    let order = County::in_seed_order();
    let mut rows: Vec<ProviderRow> = Vec::new();
    for s in submissions {
        let Some(p) = &s.provider else { continue };
        let counties = s
            .municipalities
            .iter()
            .filter_map(|m| sweden::municipality(*m).map(|m| m.county));
        let at = match rows.iter().position(|r| r.provider == *p) {
            Some(at) => at,
            None => {
                rows.push(ProviderRow {
                    provider: p.clone(),
                    counties: Vec::new(),
                });
                rows.len() - 1
            }
        };
        for c in counties {
            if !rows[at].counties.contains(&c) {
                rows[at].counties.push(c);
            }
        }
    }
    for r in &mut rows {
        r.counties
            .sort_by_key(|c| order.iter().position(|o| o == c));
    }
    // Seed 001 follows no order a reader could find again; decided: by name, as Swedish sorts.
    rows.sort_by_key(|r| crate::text::swedish_order(&r.provider.name));
    rows
}

impl Compilation {
    /// Checks a change in the number of municipalities offering PO that a report's text
    /// states against table 1 — the compilation's county's row, or the nation's total — and
    /// adds a finding when they differ, or when there is no previous year to check against
    /// (seed 001 says "sju" in its text and "Sex kommuner tillkom" in its comments; its table
    /// sums to +7). Returns whether the stated change agrees.
    pub fn check_stated_change(&mut self, stated: i64) -> bool {
        let row = match self.county {
            Some(k) => self.offering.counties.iter().find(|r| r.county == Some(k)),
            None => Some(&self.offering.total),
        };
        match super::stated_change(row.and_then(|r| r.change), stated) {
            None => true,
            Some(mut finding) => {
                if let Some(k) = self.county {
                    finding.about = k.label_sv().to_owned();
                }
                self.findings.push(finding);
                false
            }
        }
    }

    /// The same compilation with the year's national budget (seed 001 table 5: the budget,
    /// and the outcome — the administrations' spending from `account`, the grant paid and
    /// repaid from the services' submissions). When a service reported no grant, a finding
    /// says how many of the services the outcome covers.
    ///
    /// # Errors
    /// [`crate::money::MoneyError`] for a negative amount (the budget is checked again).
    pub fn with_budget(
        mut self,
        account: crate::money::BudgetAccount,
    ) -> Result<Compilation, crate::money::MoneyError> {
        if account.budget.year != self.year {
            return Err(crate::money::MoneyError::BudgetYear {
                budget: account.budget.year,
                year: self.year,
            });
        }
        account.check()?;
        account.budget.outcome(
            account.spent_socialstyrelsen,
            account.spent_county_boards,
            self.grant.paid,
            self.grant.repaid,
        )?;
        let services = self.services.len() as u64;
        if self.grant_reported < services {
            self.findings.push(ChainFinding::new(
                "total",
                format!(
                    "table 5's grant outcome covers the {} of {services} services that reported \
                     their grant",
                    self.grant_reported
                ),
            ));
        }
        self.budget = Some(account);
        Ok(self)
    }

    /// The attacker's view of the compiled tables, as one publication with the relations
    /// between them: every hidden cell's range and those at risk under the compilation's
    /// threshold (k = 3 for an unprotected compilation, whose every count is shown).
    ///
    /// # Errors
    /// As [`crate::disclosure::audit`].
    pub fn audit(&self) -> Result<Audit, DisclosureError> {
        audit_linked(&self.tables, self.protection.k().unwrap_or(3))
    }

    /// The compilation, audited for rendering: a protected compilation must still pass its
    /// audit and show no count of 1..k-1 in its compiled tables (it may have been changed or
    /// read from a file since); an unprotected one (the analyst's own check, said in every
    /// rendering) is rendered as it is.
    ///
    /// # Errors
    /// [`DisclosureError::AtRisk`] naming the first cell at risk.
    pub fn publishable(&self) -> Result<Publishable<'_, Compilation>, DisclosureError> {
        if let Protection::Threshold { k } = self.protection {
            // The staff counts are counts of people too (`chain::staff`).
            let staff = [
                ("ombud", &self.ombud),
                ("with_supervision", &self.with_supervision),
            ]
            .into_iter()
            .chain(
                self.ombud_by_gender
                    .values()
                    .map(|c| ("ombud_by_gender", c)),
            );
            let small = self
                .tables
                .iter()
                .flat_map(|t| t.cells().map(move |c| (t.name.as_str(), c)))
                .chain(staff)
                .filter(|(_, c)| c.count().is_some_and(|v| (1..k).contains(&v)))
                .map(|(name, _)| name.to_owned())
                .collect::<Vec<_>>();
            if let Some(first) = small.first() {
                return Err(DisclosureError::AtRisk {
                    count: small.len(),
                    first: first.clone(),
                });
            }
            ensure_safe(&self.audit()?)?;
        }
        Ok(Publishable::audited(self))
    }
}

/// A count a compilation written before it was compiled does not know: hidden, never 0.
fn unknown() -> Cell {
    Cell::Suppressed
}

/// Submissions as compiled under `protection`: when some were published protected and others
/// sent unprotected (never published), the published ones' cells subtracted from a compiled
/// sum would leave the unpublished ones' counts, however the sum is protected; so each
/// unprotected submission is first protected as its service would have done. When all are
/// unprotected, the sums alone are protected (fewer cells hidden); when all are protected,
/// the compiled tables' relations are sums of the services' own, so they tell an attacker who
/// has every submission nothing new about any service. An exact submission with the report its
/// service published is compiled as that report.
fn protect_unpublished<'a>(
    chosen: &[&'a Submission],
    protection: Protection,
) -> Result<Vec<Cow<'a, Submission>>, DisclosureError> {
    let published = |s: &Submission| s.report.protection != Protection::Unprotected;
    let mixed = chosen.iter().any(|s| published(s)) && chosen.iter().any(|s| !published(s));
    chosen
        .iter()
        .map(|&s| match (protection, &s.published) {
            (Protection::Threshold { .. }, Some(own)) if mixed && !published(s) => {
                // What it published is what an attacker holds: compiled as that.
                let mut s = s.clone();
                s.report = own.clone();
                Ok(Cow::Owned(s))
            }
            (Protection::Threshold { k }, _) if mixed && !published(s) => {
                // Its compiled tables, protected together as a compilation's are.
                let mut s = s.clone();
                let tables: Vec<Table> = ReportTable::compiled_tables()
                    .map(|t| s.report.table_of(t).clone())
                    .collect();
                let protected = protect_linked(&tables, k)?;
                for (t, p) in ReportTable::compiled_tables().zip(protected) {
                    let t = s.report.table_of_mut(t);
                    *t = p;
                }
                // Its staff counts were never published either: unknown in the sums (a county
                // of this one service would otherwise show them exactly, "Man 1").
                let staff = &mut s.report.staff;
                staff.ombud = Cell::Suppressed;
                staff.with_supervision = Cell::Suppressed;
                staff
                    .ombud_by_gender
                    .values_mut()
                    .for_each(|c| *c = Cell::Suppressed);
                Ok(Cow::Owned(s))
            }
            _ => Ok(Cow::Borrowed(s)),
        })
        .collect()
}

/// The compiled tables of every county with a service among `submissions` and of the nation
/// (`None`), protected together with every service's own published report (`hierarchy`): the
/// same submissions give every county and the nation one consistent choice of hidden cells,
/// whichever is compiled first.
fn protect_family(
    submissions: &[Submission],
    k: u64,
) -> Result<BTreeMap<Option<County>, Vec<Table>>, DisclosureError> {
    let counties_of = |s: &Submission| -> BTreeSet<County> {
        County::ALL
            .iter()
            .copied()
            .filter(|&c| s.municipalities.iter().any(|m| in_county(*m, c)))
            .collect()
    };
    let sets: Vec<BTreeSet<County>> = submissions.iter().map(counties_of).collect();
    // The compiled tables and the staff tables of each service, summed table by table.
    let carried: Vec<Vec<Table>> = submissions
        .iter()
        .map(|s| staff::family_tables(&s.report))
        .collect();
    let sum_of = |parts: &[usize]| -> Vec<Table> {
        (0..carried.first().map_or(0, Vec::len))
            .map(|n| sum_tables(&parts.iter().map(|&i| &carried[i][n]).collect::<Vec<_>>()))
            .collect()
    };
    // Services that published nothing are unknowns an attacker never sees one by one: those of
    // one set of counties are one unknown (their sum). A county whose services all published
    // nothing and lie in it alone is itself the lowest level (its cells are free, and the
    // nation sums it), as τ-ARGUS takes a hierarchy's base table.
    let opaque = |c: County| {
        (0..submissions.len())
            .filter(|&i| sets[i].contains(&c))
            .all(|i| submissions[i].published.is_none() && sets[i].len() == 1)
    };
    let mut members: Vec<Member<'_>> = Vec::new();
    let mut below: Vec<(BTreeSet<County>, usize)> = Vec::new();
    let mut groups: BTreeMap<&BTreeSet<County>, Vec<usize>> = BTreeMap::new();
    for (i, s) in submissions.iter().enumerate() {
        match &s.published {
            Some(p) => {
                below.push((sets[i].clone(), members.len()));
                members.push(Member::Service {
                    name: &s.service,
                    exact: &s.report,
                    published: p,
                    tables_only: s.tables_only,
                });
            }
            None if sets[i].len() == 1 && sets[i].iter().all(|&c| opaque(c)) => {}
            None => groups.entry(&sets[i]).or_default().push(i),
        }
    }
    for (set, parts) in groups {
        below.push((set.clone(), members.len()));
        members.push(Member::Unpublished {
            name: format!("{} unpublished", parts.len()),
            exact: sum_of(&parts),
        });
    }
    let mut sums = Vec::new();
    let mut places = Vec::new();
    let mut nation_parts = Vec::new();
    for &c in County::ALL {
        let parts: Vec<usize> = (0..submissions.len())
            .filter(|&i| sets[i].contains(&c))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let me = members.len();
        places.push((me, Some(c)));
        members.push(Member::Compilation {
            name: c.label_sv().to_owned(),
            exact: sum_of(&parts),
        });
        if opaque(c) {
            nation_parts.push(me);
        } else {
            let below: Vec<usize> = below
                .iter()
                .filter(|(set, _)| set.contains(&c))
                .map(|&(_, m)| m)
                .collect();
            sums.push((me, below));
        }
    }
    nation_parts.extend(below.iter().map(|&(_, m)| m));
    let all: Vec<usize> = (0..submissions.len()).collect();
    members.push(Member::Compilation {
        name: "Riket".to_owned(),
        exact: sum_of(&all),
    });
    sums.push((members.len() - 1, nation_parts));
    places.push((members.len() - 1, None));
    let mut protected = protect_hierarchy(&members, &sums, k)?;
    Ok(places
        .into_iter()
        .filter_map(|(i, place)| {
            let mut tables = protected[i].take()?;
            // A staff table with an unknown part (a service's, placed as zeros): hidden in
            // every place the service is part of (hiding more than the protection chose is
            // safe).
            let n = tables.len().saturating_sub(2);
            for (j, t) in tables[n..].iter_mut().enumerate() {
                let unknown = submissions.iter().zip(&sets).any(|(s, set)| {
                    !staff::known(&s.report)[j] && place.is_none_or(|c| set.contains(&c))
                });
                if unknown {
                    t.cells_mut().for_each(|c| *c = Cell::Suppressed);
                }
            }
            Some((place, tables))
        })
        .collect())
}

/// The organisation part of a submission, as table 1 reads it.
fn organisation(s: &Submission) -> ServiceSubmission {
    ServiceSubmission {
        service: s.service.clone(),
        year: s.year,
        municipalities: s.municipalities.clone(),
    }
}

/// One county's row of the grant: the services whose host municipality is in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountyGrant {
    /// The county.
    pub county: County,
    /// Services that reported their grant.
    pub services: u64,
    /// Their grant, summed.
    pub grant: GrantFigures,
}

/// The change against the previous year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Services, this year minus last.
    pub services: i64,
    /// Active clients, this year minus last; `None` if either total is hidden.
    pub active_clients: Option<i64>,
    /// Clients with children at home, this year minus last (seed 001: "en ökning med 132
    /// klienter"); `None` if either total is hidden.
    #[serde(default)]
    pub children_at_home: Option<i64>,
    /// Ombud, this year minus last (seed 001: "en ökning med 14 ombud"); `None` if either
    /// is hidden.
    #[serde(default)]
    pub ombud: Option<i64>,
}

/// The grant per county: each service's grant under its host municipality's county.
pub(crate) fn grants_by_county(submissions: &[&Submission]) -> Vec<CountyGrant> {
    let mut by: std::collections::BTreeMap<County, CountyGrant> = Default::default();
    for s in submissions {
        let (Some(g), Some(county)) = (s.grant, sweden::municipality(s.host).map(|m| m.county))
        else {
            continue;
        };
        let e = by.entry(county).or_insert(CountyGrant {
            county,
            services: 0,
            grant: GrantFigures::default(),
        });
        e.services += 1;
        e.grant.decided += g.decided;
        e.grant.paid += g.paid;
        e.grant.repaid += g.repaid;
    }
    by.into_values().collect()
}

fn in_county(m: MunicipalityCode, county: County) -> bool {
    sweden::municipality(m).is_some_and(|s| s.county == county)
}

/// Compiles `submissions` for `year`, for a county or (`None`) the nation, protected by
/// `protection` (a threshold for publication; unprotected only for the analyst's own checks).
///
/// # Errors
/// [`DisclosureError`] from the protection of a compiled table.
pub fn compile(
    submissions: &[Submission],
    year: i32,
    county: Option<County>,
    protection: Protection,
) -> Result<Compilation, DisclosureError> {
    compile_against(submissions, None, year, county, protection)
}

/// [`compile`] with the change against the previous year's submissions (`previous`).
///
/// # Errors
/// [`DisclosureError`] from the protection of a compiled table.
pub fn compile_against(
    submissions: &[Submission],
    previous: Option<&[Submission]>,
    year: i32,
    county: Option<County>,
    protection: Protection,
) -> Result<Compilation, DisclosureError> {
    let (now, before, left_out) = admitted(submissions, previous, year, protection);
    let family = match protection {
        Protection::Threshold { k } if all_exact(&now) => protect_family(&now, k)?.remove(&county),
        _ => None,
    };
    let last_year = match &before {
        Some(p) => Some(compile_against(p, None, year - 1, county, protection)?),
        None => None,
    };
    let mut c = assemble(
        (&now, before.as_deref()),
        year,
        county,
        protection,
        family,
        last_year.as_ref(),
    )?;
    c.left_out = left_out_of(&left_out, county);
    Ok(c)
}

/// The submissions of this year and last (`previous`) that a compilation uses, and those left
/// out with why (see `admission`), each with its municipalities; last year's named as such.
fn admitted(
    submissions: &[Submission],
    previous: Option<&[Submission]>,
    year: i32,
    protection: Protection,
) -> (Vec<Submission>, Option<Vec<Submission>>, Vec<LeftOut>) {
    // Exact submissions of a protected compilation are checked against their published
    // reports whichever way they are compiled: a report that does not fit its exact counts
    // cannot be placed beside them, nor stand in for them.
    let protected = protection != Protection::Unprotected;
    let now = admit(submissions, year, protected);
    let mut left_out: Vec<LeftOut> = now
        .left_out
        .into_iter()
        .map(|(s, f)| (s.municipalities.clone(), f))
        .collect();
    let before = previous.map(|p| {
        let before = admit(p, year - 1, protected);
        left_out.extend(before.left_out.into_iter().map(|(s, mut f)| {
            f.reason = format!("last year's submission {}", f.reason);
            (s.municipalities.clone(), f)
        }));
        before.used.into_iter().cloned().collect()
    });
    (now.used.into_iter().cloned().collect(), before, left_out)
}

/// A submission left out: its municipalities (to list it in its counties) and why.
type LeftOut = (Vec<MunicipalityCode>, ChainFinding);

/// The left-out submissions a place lists: those with a municipality in the county; the
/// nation lists all.
fn left_out_of(left_out: &[LeftOut], place: Option<County>) -> Vec<ChainFinding> {
    left_out
        .iter()
        .filter(|(municipalities, _)| {
            place.is_none_or(|c| municipalities.iter().any(|m| in_county(*m, c)))
        })
        .map(|(_, f)| f.clone())
        .collect()
}

/// Every county with a service among `submissions` (in county-code order) and then the nation,
/// compiled and protected together in one run: with exact submissions, against the services'
/// own published reports and against each other (see [`compile`]); otherwise each as
/// [`compile_against`] compiles it.
///
/// # Errors
/// [`DisclosureError`] from the protection of the compiled tables.
pub fn compile_family(
    submissions: &[Submission],
    previous: Option<&[Submission]>,
    year: i32,
    protection: Protection,
) -> Result<Vec<Compilation>, DisclosureError> {
    let (now, before, left_out) = admitted(submissions, previous, year, protection);
    let mut family = match protection {
        Protection::Threshold { k } if all_exact(&now) => Some(protect_family(&now, k)?),
        _ => None,
    };
    let mut places: Vec<Option<County>> = County::ALL
        .iter()
        .filter(|&&c| {
            now.iter()
                .any(|s| s.municipalities.iter().any(|m| in_county(*m, c)))
        })
        .map(|&c| Some(c))
        .collect();
    places.push(None);
    // Last year's family once, for the change against it (not once a place).
    let last_years = match &before {
        Some(p) => Some(compile_family(p, None, year - 1, protection)?),
        None => None,
    };
    places
        .into_iter()
        .map(|place| {
            let tables = family.as_mut().and_then(|f| f.remove(&place));
            let last_year = last_years
                .iter()
                .flatten()
                .find(|c| c.county == place)
                .cloned()
                .map(Ok)
                .or_else(|| {
                    // A county with no service last year: compiled alone (no tables).
                    before
                        .as_deref()
                        .map(|p| compile_against(p, None, year - 1, place, protection))
                })
                .transpose()?;
            let mut c = assemble(
                (&now, before.as_deref()),
                year,
                place,
                protection,
                tables,
                last_year.as_ref(),
            )?;
            c.left_out = left_out_of(&left_out, place);
            Ok(c)
        })
        .collect()
}

fn all_exact(submissions: &[Submission]) -> bool {
    !submissions.is_empty() && submissions.iter().all(Submission::is_exact)
}

/// One compilation of `county` (or the nation); `family`: its tables protected with the
/// family, when the submissions are exact; `last_year`: the same place compiled from the
/// previous year's submissions (`previous`), for the change.
fn assemble(
    (submissions, previous): (&[Submission], Option<&[Submission]>),
    year: i32,
    county: Option<County>,
    protection: Protection,
    family: Option<Vec<Table>>,
    last_year: Option<&Compilation>,
) -> Result<Compilation, DisclosureError> {
    let chosen: Vec<&Submission> = submissions
        .iter()
        .filter(|s| county.is_none_or(|c| s.municipalities.iter().any(|m| in_county(*m, c))))
        .collect();
    let findings = validate_submissions(
        &chosen.iter().map(|s| (*s).clone()).collect::<Vec<_>>(),
        year,
    );
    let exact = all_exact(submissions);
    let protected = match exact {
        true => chosen.iter().map(|&s| Cow::Borrowed(s)).collect(),
        false => protect_unpublished(&chosen, protection)?,
    };
    let chosen: Vec<&Submission> = protected.iter().map(|s| &**s).collect();
    let mut tables: Vec<Table> = ReportTable::compiled_tables()
        .map(|t| {
            sum_tables(
                &chosen
                    .iter()
                    .map(|s| s.report.table_of(t))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    // The family's last two tables are the staff's (`staff::family_tables`).
    let mut family = family;
    let family_staff = family
        .as_mut()
        .filter(|f| f.len() == tables.len() + 2)
        .map(|f| f.split_off(tables.len()));
    if let Protection::Threshold { k } = protection {
        tables = match family {
            Some(protected) => protected,
            None => protect_linked(&tables, k)?,
        };
    }
    // Seed 001's figure 1 counts every service's new clients or none: a submission without
    // their reasons (schema 3 or earlier; a finding) would make the sums undercount, so the
    // table is left blank (no rows; hiding more is always safe) and the documents leave it out.
    if chosen
        .iter()
        .any(|s| super::submission::lacks_figure_1(&s.report))
    {
        let figure_1 =
            ReportTable::compiled_tables().position(|t| t == ReportTable::NewContactReasons);
        if let Some(t) = figure_1.and_then(|i| tables.get_mut(i)) {
            t.rows.clear();
            t.columns.clear();
            t.cells.clear();
            t.row_totals.clear();
            t.column_totals.clear();
            t.total = Cell::Suppressed;
        }
    }
    // Exact staff counts: summed unprotected, or as the family protected them (issue 34: the
    // nation's ombud, by gender, from services that published nothing of their own).
    let exact_staff = match (exact, protection) {
        (false, _) => None,
        (true, Protection::Unprotected) => {
            let each: Vec<[Table; 2]> = chosen
                .iter()
                .map(|s| staff::tables(&s.report.staff))
                .collect();
            let [ombud, supervision] =
                [0, 1].map(|n| sum_tables(&each.iter().map(|t| &t[n]).collect::<Vec<_>>()));
            Some(staff::read_back(&ombud, &supervision))
        }
        (true, Protection::Threshold { .. }) => family_staff
            .as_deref()
            .map(|t| staff::read_back(&t[0], &t[1])),
    };
    let mut ombud = Cell::Count(0);
    let mut ombud_by_gender: BTreeMap<String, Cell> = BTreeMap::new();
    let mut ombud_by_gender_reported = 0;
    let mut with_supervision = Cell::Count(0);
    let mut training: BTreeMap<String, u64> = BTreeMap::new();
    let mut missing_roles = BTreeMap::new();
    let mut leadership_lacking = 0;
    let mut leadership_unreported = 0;
    for s in &chosen {
        if !s.report.staff.ombud_by_gender.is_empty() {
            ombud_by_gender_reported += 1;
        }
        if !exact {
            // Staff as each service published them (a sum with a hidden part stays hidden).
            let staff = &s.report.staff;
            ombud = add(ombud, staff.ombud);
            with_supervision = add(with_supervision, staff.with_supervision);
            for (gender, &n) in &staff.ombud_by_gender {
                let sum = ombud_by_gender
                    .entry(gender.clone())
                    .or_insert(Cell::Count(0));
                *sum = add(*sum, n);
            }
        }
        for name in s.report.staff.training.keys() {
            *training.entry(name.clone()).or_insert(0) += 1;
        }
        if s.report.leadership.is_none() {
            leadership_unreported += 1;
        }
        if let Some(l) = &s.report.leadership {
            if l.compliant != Status::Met {
                leadership_lacking += 1;
                for role in &l.missing {
                    *missing_roles.entry(role.code().to_owned()).or_insert(0) += 1;
                }
            }
        }
    }
    if let (false, Protection::Threshold { k }) = (exact, protection) {
        // Summed as the services sent them: a flat form's ombud line is the service's own
        // count, which it may not have published. A count of 1..k-1 hides the place's staff
        // whole (every figure of it, so that none is left to subtract from).
        let small = |c: &Cell| c.count().is_some_and(|v| (1..k).contains(&v));
        if [&ombud, &with_supervision]
            .into_iter()
            .chain(ombud_by_gender.values())
            .any(small)
        {
            ombud = Cell::Suppressed;
            with_supervision = Cell::Suppressed;
            ombud_by_gender
                .values_mut()
                .for_each(|c| *c = Cell::Suppressed);
        }
    }
    if exact && !chosen.is_empty() {
        // Without the family's tables (never expected): hidden, not guessed.
        let s = exact_staff.unwrap_or_else(staff::Staff::hidden);
        (ombud, ombud_by_gender, with_supervision) = (s.ombud, s.by_gender, s.with_supervision);
    }
    let mut grant = GrantFigures::default();
    let mut grant_reported = 0;
    for g in chosen.iter().filter_map(|s| s.grant) {
        grant.decided += g.decided;
        grant.paid += g.paid;
        grant.repaid += g.repaid;
        grant_reported += 1;
    }
    let change = match (previous, last_year) {
        (Some(_), Some(before)) => {
            let difference = |now: Cell, then: Cell| {
                now.count()
                    .zip(then.count())
                    .map(|(a, b)| a as i64 - b as i64)
            };
            // A place with no service last year compiled no tables: its counts were 0.
            let total = |tables: &[Table], name: &str| {
                let none = match before.services.is_empty() {
                    true => Cell::Count(0),
                    false => Cell::Suppressed,
                };
                tables
                    .iter()
                    .find(|t| t.name == name)
                    .map_or(none, |t| t.total)
            };
            let of = |name: &str| difference(total(&tables, name), total(&before.tables, name));
            Some(Change {
                services: chosen.len() as i64 - before.services.len() as i64,
                active_clients: of("active_clients"),
                children_at_home: of("children_at_home"),
                ombud: difference(ombud, before.ombud),
            })
        }
        _ => None,
    };
    let now: Vec<ServiceSubmission> = submissions.iter().map(organisation).collect();
    let before: Option<Vec<ServiceSubmission>> =
        previous.map(|p| p.iter().map(organisation).collect());
    let offering = municipalities_offering(year, &now, before.as_deref());
    // Municipality codes that are not among the 290 and services spanning counties are found by
    // table 1: findings wherever findings are shown (issue 34).
    let mut findings = findings;
    for f in &offering.findings {
        if !findings.contains(f) {
            findings.push(f.clone());
        }
    }
    Ok(Compilation {
        grants: grants_by_county(&chosen),
        offering,
        grant,
        grant_reported,
        change,
        year,
        county,
        services: chosen
            .iter()
            .map(|s| (s.service.clone(), s.municipalities.clone()))
            .collect(),
        ombud,
        ombud_by_gender,
        ombud_by_gender_reported,
        with_supervision,
        training,
        protection,
        positions: chosen.iter().map(|s| s.report.staff.positions).sum(),
        tables,
        leadership_lacking,
        missing_roles,
        leadership_unreported,
        findings,
        left_out: Vec::new(),
        budget: None,
        providers: providers(&chosen),
        with_priority_order: chosen
            .iter()
            .filter(|s| s.report.priority_policy.is_some())
            .count() as u64,
        with_deviation_routines: chosen
            .iter()
            .filter(|s| s.deviation_routines == Some(true))
            .count() as u64,
        deviation_routines_reported: chosen
            .iter()
            .filter(|s| s.deviation_routines.is_some())
            .count() as u64,
        shortcomings: super::annex::annex(&chosen),
    })
}
