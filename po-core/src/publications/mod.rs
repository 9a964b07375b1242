//! Published documents audited together (issue 31, point 4): what an attacker who holds every
//! one of them and a solver can find, so that a länsstyrelse (or a service) can check a set of
//! publications before it adds its own.
//!
//! Each document is read as published — the JSON po writes beside every rendering of an annual
//! report (`report-YEAR.json`) or a compilation (`compilation-YEAR-….json`), a report's CSV
//! tables (`tables-YEAR/`, placed by its `about.csv`), the workbook of a report or a
//! compilation (placed by its hidden sheet `po`; [`about`](About)) — and placed in one
//! [`Publication`] with every relation its readers know by the documents' definitions:
//!
//! - each document's own: a report's (`report::protection`: its tables' sums, subsets, …), a
//!   compilation's (its tables' sums and the relations between compiled tables);
//! - **the same count twice**: a cell of the same table, row and column in two reports of the
//!   same service and year is one unknown — unless the two show any count with different
//!   values: then they are two versions of the register, and nothing is assumed between them
//!   (what changed is not in the documents; the service's ledger protects a corrected report
//!   against the first when it is made);
//! - **a county is the sum of its services**: each compiled cell equals the same cell summed
//!   over the reports given of the services it lists, plus the rest (the services whose
//!   reports were not given): an unknown ≥ 0, at risk only when it can be shown to be 1..k-1
//!   (like a difference between versions, it is never published itself);
//! - **the nation is the sum of its counties** likewise, when the counties given list disjoint
//!   services (a service spanning two counties is compiled in both).
//!
//! A report's CSV tables and workbook are read for their tables, with the relations between
//! the tables (`report::protection::relate_tables`); its other figures (staff, waiting, the
//! survey, ratios) are audited from its JSON. The relations between the clients' and the
//! deviations' tables need all seven of them: a directory that publishes only some (po writes
//! every table) is audited with each table's own sums and the others that hold. What stays
//! out, said where the result is shown: the Markdown and HTML renderings (the same numbers as the JSON beside them), files written
//! by an earlier po without `about.csv` or the sheet `po`, relations between a
//! report and its year's meeting documents (kept in the service's ledger, which protects them
//! when they are made), and knowledge from outside the documents.

mod about;
mod files;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::chain::Compilation;
use crate::disclosure::{audit_risks, CellId, CellLabel, DisclosureError, Publication};
use crate::report::{published, relate_compiled, relate_tables, table_cells, AnnualReport, Table};

pub use about::{About, ABOUT_CSV, ABOUT_SHEET, SCHEMA};
pub use files::{read_documents, ReadDocuments};

/// One published document, as read back.
#[derive(Debug, Clone)]
pub enum Published {
    /// A service's annual report (10 §), from its JSON.
    Report(Box<AnnualReport>),
    /// A county's or the nation's compilation, from its JSON.
    Compilation(Box<Compilation>),
    /// The tables of a report or a compilation, from its CSV tables or its workbook.
    Tables(Box<PublishedTables>),
}

/// The tables a CSV directory or a workbook publishes, and what they are about.
#[derive(Debug, Clone)]
pub struct PublishedTables {
    /// What they are about (`about.csv`, the hidden sheet `po`).
    pub about: About,
    /// The tables, labels as the tables hold them (Swedish).
    pub tables: Vec<Table>,
}

/// A published document and the file it came from.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file, as the user named it.
    pub file: String,
    /// What it publishes.
    pub published: Published,
}

impl Document {
    /// The threshold the document was protected with (`None`: unprotected).
    pub fn threshold(&self) -> Option<u64> {
        let protection = match &self.published {
            Published::Report(r) => r.protection,
            Published::Compilation(c) => c.protection,
            Published::Tables(t) => t.about.protection,
        };
        match protection {
            crate::disclosure::Protection::Threshold { k } => Some(k),
            crate::disclosure::Protection::Unprotected => None,
        }
    }

    /// Reads a document po published, in its JSON form: an annual report or a compilation.
    ///
    /// # Errors
    /// [`DisclosureError::Shape`] naming the file when the text is neither.
    pub fn from_json(text: &str, file: &str) -> Result<Document, DisclosureError> {
        let not = |why: String| DisclosureError::Shape(format!("{file}: {why}"));
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| not(format!("not JSON ({e})")))?;
        let schema = value
            .get("schema")
            .and_then(|s| s.as_str())
            .unwrap_or_default();
        if schema.starts_with("po-submission") || schema.starts_with("po-ledger") {
            return Err(not(format!(
                "{schema} is confidential (exact counts), not a publication"
            )));
        }
        let published = if value.get("active_clients").is_some() {
            Published::Report(Box::new(
                serde_json::from_value(value)
                    .map_err(|e| not(format!("not an annual report as po writes it: {e}")))?,
            ))
        } else if value.get("tables").is_some() && value.get("services").is_some() {
            Published::Compilation(Box::new(
                serde_json::from_value(value)
                    .map_err(|e| not(format!("not a compilation as po writes it: {e}")))?,
            ))
        } else {
            return Err(not(
                "neither an annual report nor a compilation as po writes them (JSON)".into(),
            ));
        };
        Ok(Document {
            file: file.to_owned(),
            published,
        })
    }
}

/// Why a number is a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A hidden number whose value can be computed.
    Pinned,
    /// A hidden number (or the rest of a sum, never published) shown to be 1..k-1.
    ShownSmall,
    /// A published count within 1..k-1.
    PublishedSmall,
}

/// A number an attacker holding every document can pin or show to be small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The document (`file`), or the documents for the rest of a sum.
    pub file: String,
    /// The table (or figure), row and column.
    pub cell: CellLabel,
    /// Why.
    pub kind: FindingKind,
    /// The smallest whole value consistent with everything published.
    pub low: u64,
    /// The largest (`None`: unbounded).
    pub high: Option<u64>,
}

/// The audit of a set of documents together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyAudit {
    /// The threshold audited against.
    pub k: u64,
    /// How many documents, numbers (published or hidden) and relations were audited.
    pub documents: usize,
    /// Numbers.
    pub numbers: usize,
    /// Relations, their own and between documents.
    pub relations: usize,
    /// Relations between documents, in words (`PO A and PO A: the same counts`, …).
    pub links: Vec<String>,
    /// What can be pinned or shown small.
    pub findings: Vec<Finding>,
}

impl FamilyAudit {
    /// Whether nothing was found.
    pub fn is_safe(&self) -> bool {
        self.findings.is_empty()
    }
}

/// A document placed: its compiled tables' cells by (table, row, column), and what it is
/// about.
struct Placed {
    file: String,
    cells: BTreeMap<Key, CellId>,
    /// The service (a report) or the services compiled.
    services: Vec<String>,
    year: i32,
    /// `Some(county code)` for a county's compilation, `Some("")` for the nation's, `None` for
    /// a report.
    place: Option<String>,
}

/// What a number counts: its table, row and column (`None` for a margin).
type Key = (String, Option<String>, Option<String>);

fn keys<'a>(t: &'a Table, slots: &'a [CellId]) -> impl Iterator<Item = (Key, CellId)> + 'a {
    t.labelled(slots)
        .map(|((r, c), id)| ((t.name.clone(), r, c), id))
}

/// The threshold to audit documents at unless another is asked for: the smallest they were
/// protected with, the promise every one of them makes (a report at k = 3 publishes counts of
/// 3 and 4, which an audit at k = 5 would list); 3 when none was protected.
pub fn promised_threshold(documents: &[Document]) -> u64 {
    documents
        .iter()
        .filter_map(Document::threshold)
        .min()
        .unwrap_or(3)
}

/// Audits `documents` together with threshold `k` (see the module's documentation).
///
/// # Errors
/// [`DisclosureError::Inconsistent`] when the documents contradict a relation (e.g. a county
/// smaller than the services given in it); the solver's errors.
pub fn audit_documents(documents: &[Document], k: u64) -> Result<FamilyAudit, DisclosureError> {
    let mut p = Publication::new();
    let mut values: Vec<Option<u64>> = Vec::new();
    let mut placed = Vec::new();
    for d in documents {
        let prefix = format!("{}: ", d.file);
        match &d.published {
            Published::Report(r) => {
                let (own, slots, shown) = published(&mut (**r).clone())?;
                let offset = p.append(&own, &prefix);
                values.extend(shown);
                // Every number by what it counts: the other figures by their labels (the same
                // count in another report of the service), the tables' cells by row and column,
                // margins included (which compilations sum; a one-column table's row totals
                // are its cells).
                let mut cells: BTreeMap<Key, CellId> = (0..own.len())
                    .map(|i| {
                        let l = own.label(CellId(i));
                        let key = (l.table.clone(), l.row.clone(), l.column.clone());
                        (key, CellId(i + offset))
                    })
                    .collect();
                for (_, t, ids) in table_cells(r, &slots, offset) {
                    cells.extend(keys(t, &ids));
                }
                placed.push(Placed {
                    file: d.file.clone(),
                    cells,
                    services: vec![r.service_name.clone()],
                    year: r.year,
                    place: None,
                });
            }
            Published::Compilation(c) => {
                let about = About::of_compilation(c);
                placed.push(place_tables(
                    &mut p,
                    &mut values,
                    d,
                    &prefix,
                    &c.tables,
                    about,
                )?);
            }
            Published::Tables(t) => {
                placed.push(place_tables(
                    &mut p,
                    &mut values,
                    d,
                    &prefix,
                    &t.tables,
                    t.about.clone(),
                )?);
            }
        }
    }
    let mut links = Vec::new();
    let as_published = values.clone();
    same_counts(&mut p, &mut values, &placed, &mut links);
    sums(&mut p, &mut values, &placed, &mut links);
    let audit = audit_risks(&p, &values, k)?;
    // The document a number is in, and the number's label without the document's name.
    let located = |label: &CellLabel| {
        placed
            .iter()
            .find_map(|d| {
                let table = label.table.strip_prefix(&format!("{}: ", d.file))?;
                Some((
                    d.file.clone(),
                    CellLabel {
                        table: table.to_owned(),
                        ..label.clone()
                    },
                ))
            })
            .unwrap_or_else(|| ("…".to_owned(), label.clone()))
    };
    // A count published small is a finding where it is published, not where another document
    // repeats it hidden.
    let mut findings: Vec<Finding> = audit
        .shown_small
        .iter()
        .filter(|r| as_published.get(r.cell.0).is_some_and(Option::is_some))
        .map(|r| {
            let (file, cell) = located(&r.label);
            Finding {
                file,
                cell,
                kind: FindingKind::PublishedSmall,
                low: r.low,
                high: r.high,
            }
        })
        .collect();
    findings.extend(
        audit
            .at_risk
            .iter()
            .map(|r| {
                let (file, cell) = located(&r.range.label);
                (file, cell, r)
            })
            .map(|(file, cell, r)| Finding {
                file,
                cell,
                kind: match r.kind {
                    crate::disclosure::RiskKind::Exact => FindingKind::Pinned,
                    crate::disclosure::RiskKind::Small => FindingKind::ShownSmall,
                },
                low: r.range.low,
                high: r.range.high,
            }),
    );
    Ok(FamilyAudit {
        k,
        documents: documents.len(),
        numbers: p.len(),
        relations: p.relations().len(),
        links,
        findings,
    })
}

/// Tables published together (a compilation's; a report's from its CSV tables or workbook)
/// placed in `p` with the relations between them by their definitions.
fn place_tables(
    p: &mut Publication,
    values: &mut Vec<Option<u64>>,
    d: &Document,
    prefix: &str,
    tables: &[Table],
    about: About,
) -> Result<Placed, DisclosureError> {
    let mut cells = BTreeMap::new();
    let mut placed_cells = Vec::new();
    for t in tables {
        t.check_shape()?;
        let mut named = t.clone();
        named.name = format!("{prefix}{}", t.name);
        let (tc, slots) = named.add_to(p);
        values.resize(p.len(), None);
        for (cell, id) in t.cells().zip(&slots) {
            values[id.0] = cell.count();
        }
        cells.extend(keys(t, &slots));
        placed_cells.push(tc);
    }
    if about.place.is_some() {
        relate_compiled(p, &placed_cells, tables);
    } else {
        let of = |t: crate::report::ReportTable| {
            let i = tables.iter().position(|x| x.name == t.name())?;
            Some((&tables[i], &placed_cells[i]))
        };
        relate_tables(p, of);
    }
    Ok(Placed {
        file: d.file.clone(),
        cells,
        services: about.services,
        year: about.year,
        place: about.place,
    })
}

/// The same count in two reports of one service and year: one unknown, unless both show it
/// with different values (two versions).
fn same_counts(
    p: &mut Publication,
    values: &mut [Option<u64>],
    placed: &[Placed],
    links: &mut Vec<String>,
) {
    let reports: Vec<&Placed> = placed.iter().filter(|d| d.place.is_none()).collect();
    for (i, a) in reports.iter().enumerate() {
        for b in &reports[i + 1..] {
            if a.services != b.services || a.year != b.year {
                continue;
            }
            // Two versions of the register (a count shown in both with two values): what
            // changed between them is not in the documents, so nothing is assumed.
            let versions = a.cells.iter().any(|(key, &x)| {
                b.cells.get(key).is_some_and(
                    |&y| matches!((values[x.0], values[y.0]), (Some(u), Some(v)) if u != v),
                )
            });
            if versions {
                links.push(format!(
                    "{} and {}: two versions of the service's register; not related (the \
                     service's ledger protects a corrected report against the first)",
                    a.file, b.file
                ));
                continue;
            }
            let mut joined = 0;
            for (key, &x) in &a.cells {
                let Some(&y) = b.cells.get(key) else { continue };
                match (values[x.0], values[y.0]) {
                    // Shown in one: published, whatever the other hides.
                    (Some(u), None) => values[y.0] = Some(u),
                    (None, Some(v)) => values[x.0] = Some(v),
                    _ => {}
                }
                p.add_sum(x, &[y]);
                joined += 1;
            }
            links.push(format!(
                "{} and {}: {joined} counts of the same service and year taken as one",
                a.file, b.file
            ));
        }
    }
}

/// Each compilation as the sum of the documents below it that were given, plus the rest.
fn sums(
    p: &mut Publication,
    values: &mut Vec<Option<u64>>,
    placed: &[Placed],
    links: &mut Vec<String>,
) {
    for whole in placed {
        let Some(place) = &whole.place else { continue };
        let parts: Vec<&Placed> = if place.is_empty() {
            // The nation: its counties, when they list disjoint services.
            let counties: Vec<&Placed> = placed
                .iter()
                .filter(|d| d.year == whole.year && d.place.as_ref().is_some_and(|c| !c.is_empty()))
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            let disjoint = counties
                .iter()
                .flat_map(|c| &c.services)
                .all(|s| seen.insert(s));
            if disjoint && !counties.is_empty() {
                counties
            } else {
                reports_in(placed, whole)
            }
        } else {
            reports_in(placed, whole)
        };
        if parts.is_empty() {
            continue;
        }
        for (key, &total) in &whole.cells {
            let terms: Vec<CellId> = parts
                .iter()
                .filter_map(|d| d.cells.get(key))
                .copied()
                .collect();
            let rest = p.add_derived_cell(CellLabel {
                table: format!("{}: the rest of {}", whole.file, key.0),
                row: key.1.clone(),
                column: key.2.clone(),
            });
            values.push(None);
            let mut all = terms;
            all.push(rest);
            p.add_sum(total, &all);
        }
        links.push(format!(
            "{} is the sum of {} and the rest",
            whole.file,
            parts
                .iter()
                .map(|d| d.file.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// The reports given of the services a compilation lists, of its year: one a service, the
/// last given (a corrected report after the first; which version a county compiled cannot be
/// told from the documents, and the relations between versions are the same-count ones).
fn reports_in<'a>(placed: &'a [Placed], whole: &Placed) -> Vec<&'a Placed> {
    let mut by_service: BTreeMap<&str, &Placed> = BTreeMap::new();
    for d in placed {
        if d.place.is_none() && d.year == whole.year && whole.services.contains(&d.services[0]) {
            by_service.insert(&d.services[0], d);
        }
    }
    by_service.into_values().collect()
}
