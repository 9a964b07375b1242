//! The publication ledger: what has been published about one population (a service's register
//! and year, a county, the nation), so that every new publication about the same people is
//! protected and audited together with all of them (issue 31; DOMAIN § 12 on families of
//! publications).
//!
//! Each entry is one publication — the annual report, a corrected annual report, the same
//! report at another k, a meeting document, a summary — with every cell it showed or hid: what
//! the cell counts ([`CountKey`]: table, row, column, period, and whether counts of disjoint
//! periods add up), what was published (`shown`, `None` for `..`) and the true count.
//!
//! **The ledger is confidential.** It holds the true counts behind hidden cells, as the
//! register does, so that a later publication can be protected against the exact differences
//! it would reveal. It is kept beside the register and never published; po reads it back,
//! refusing a ledger of another population or one whose content hash no longer matches (edited
//! by hand, or damaged).
//!
//! File: JSON, schema `po-ledger/1` ([`LEDGER_SCHEMA`]), with a SHA-256 of its content.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::Date;

use super::{CellId, DisclosureError, Publication, Relation};

/// The schema name and version of the ledger file.
pub const LEDGER_SCHEMA: &str = "po-ledger/1";

/// Whose publications a ledger records: one register's year for a service, or a county's or
/// the nation's compilations of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    /// `service`, `county` or `nation`.
    pub scope: String,
    /// The service's name, the county's code, or `SE`.
    pub name: String,
    /// The year the publications are about.
    pub year: i32,
}

/// The scopes a ledger can be about.
pub const SCOPES: [&str; 3] = ["service", "county", "nation"];

impl Population {
    /// A population of `scope` (`service`, `county` or `nation`) called `name` (the service's
    /// name, the county's code, `SE`) for `year`.
    ///
    /// # Errors
    /// [`DisclosureError::Ledger`] for another scope, or a name that holds an identity number
    /// (never shown).
    pub fn new(scope: &str, name: &str, year: i32) -> Result<Population, DisclosureError> {
        if !SCOPES.contains(&scope) {
            return Err(DisclosureError::Ledger(format!(
                "scope: expected one of {}, got {:?}",
                SCOPES.join(", "),
                crate::privacy::shown(scope)
            )));
        }
        if crate::privacy::contains_identity_number(name) {
            return Err(DisclosureError::IdentityInText { field: "name" });
        }
        Ok(Population {
            scope: scope.to_owned(),
            name: name.to_owned(),
            year,
        })
    }
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// The first day.
    pub from: Date,
    /// The last day.
    pub to: Date,
}

impl Period {
    /// The whole of `year` (1 January to 31 December).
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: Date::from_ordinal_date(year, 1).ok()?,
            to: Date::from_calendar_date(year, time::Month::December, 31).ok()?,
        })
    }
}

/// What a published cell counts: two cells with the same key in two publications count the
/// same people (in two versions of the register, if it changed between them).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CountKey {
    /// The table (or group of figures).
    pub table: String,
    /// The row; `None` = the totals row.
    pub row: Option<String>,
    /// The column; `None` = the totals column.
    pub column: Option<String>,
    /// The days counted.
    pub period: Period,
}

/// One cell of a recorded publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerCell {
    /// What it counts.
    pub key: CountKey,
    /// Whether it is a total (secondary suppression hides totals last).
    pub margin: bool,
    /// Whether counts of disjoint periods add up to the count of their union (events such as
    /// new clients or deviations of the period; not stocks such as active clients).
    pub additive: bool,
    /// What was published; `None` = hidden (`..`).
    pub shown: Option<u64>,
    /// The true count (confidential: see the module's documentation).
    pub count: u64,
}

/// One publication as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// What it is (`annual_report`, `meeting_document`, …) and which (`annual_report 2023`).
    pub title: String,
    /// Its place in the ledger's order: 1 for the first publication, and so on.
    pub number: u32,
    /// The threshold it was protected with.
    pub k: u64,
    /// Its cells.
    pub cells: Vec<LedgerCell>,
    /// The relations between its cells that its readers know (sums, subsets), by cell index.
    pub relations: Vec<Relation>,
}

impl LedgerEntry {
    /// A publication about to be protected: each cell of `publication` with its true count
    /// (`counts`, one per cell), what it counts from its label (table, row, column) and from
    /// `period_of(table)` the days it counts and whether counts of disjoint periods add up.
    /// `shown` is left empty (`None`) for [`super::protect_with_ledger`] to fill in.
    pub fn unprotected(
        title: impl Into<String>,
        publication: &Publication,
        counts: &[u64],
        period_of: impl Fn(&str) -> (Period, bool),
    ) -> LedgerEntry {
        let cells = (0..publication.len())
            .map(|i| {
                let label = publication.label(CellId(i));
                let (period, additive) = period_of(&label.table);
                LedgerCell {
                    key: CountKey {
                        table: label.table.clone(),
                        row: label.row.clone(),
                        column: label.column.clone(),
                        period,
                    },
                    margin: publication.is_margin(CellId(i)),
                    additive,
                    shown: None,
                    count: counts.get(i).copied().unwrap_or_default(),
                }
            })
            .collect();
        LedgerEntry {
            title: title.into(),
            number: 0,
            k: 0,
            cells,
            relations: publication.relations().to_vec(),
        }
    }

    /// Whether each cell is hidden (`..`), in cell order.
    pub fn hidden(&self) -> Vec<bool> {
        self.cells.iter().map(|c| c.shown.is_none()).collect()
    }
}

/// Everything in the ledger but its hash (what the hash is taken of).
#[derive(Serialize)]
struct Content<'a> {
    schema: &'a str,
    population: &'a Population,
    publications: &'a [LedgerEntry],
}

/// The publications about one population (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// [`LEDGER_SCHEMA`].
    pub schema: String,
    /// Whose publications.
    pub population: Population,
    /// The publications, oldest first.
    pub publications: Vec<LedgerEntry>,
    /// SHA-256 (hex) of the rest, as po wrote it.
    pub hash: String,
}

impl Ledger {
    /// An empty ledger for `population`.
    pub fn new(population: Population) -> Ledger {
        let mut l = Ledger {
            schema: LEDGER_SCHEMA.to_owned(),
            population,
            publications: Vec::new(),
            hash: String::new(),
        };
        l.hash = l.content_hash();
        l
    }

    fn content_hash(&self) -> String {
        let content = Content {
            schema: &self.schema,
            population: &self.population,
            publications: &self.publications,
        };
        // Strings, integers and dates only: serialising cannot fail.
        let text = serde_json::to_string(&content).unwrap_or_default();
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Records a publication (after it was protected against this ledger) and renews the hash.
    pub fn record(&mut self, mut entry: LedgerEntry) {
        entry.number = u32::try_from(self.publications.len() + 1).unwrap_or(u32::MAX);
        self.publications.push(entry);
        self.hash = self.content_hash();
    }

    /// The JSON form (what [`Ledger::from_json`] reads).
    pub fn to_json(&self) -> String {
        // Strings, integers and dates only: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a ledger for `population`.
    ///
    /// # Errors
    /// [`DisclosureError::Ledger`] when the document is not a ledger of this schema, is about
    /// another population (register, year or scope), or its content no longer matches its hash.
    pub fn from_json(text: &str, population: &Population) -> Result<Ledger, DisclosureError> {
        let wrong = |reason: String| DisclosureError::Ledger(reason);
        let l: Ledger = serde_json::from_str(text).map_err(|e| wrong(e.to_string()))?;
        if l.schema != LEDGER_SCHEMA {
            return Err(wrong(format!(
                "schema {:?}, expected {LEDGER_SCHEMA:?}",
                crate::privacy::shown(&l.schema)
            )));
        }
        if &l.population != population {
            return Err(wrong(format!(
                "it records the publications of {} {:?} for {}, not of {} {:?} for {}",
                l.population.scope,
                crate::privacy::shown(&l.population.name),
                l.population.year,
                population.scope,
                crate::privacy::shown(&population.name),
                population.year
            )));
        }
        if l.hash != l.content_hash() {
            return Err(wrong(
                "its content does not match its hash: it was edited or damaged since po wrote it"
                    .into(),
            ));
        }
        Ok(l)
    }
}
