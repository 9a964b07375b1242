//! Disclosure control for published counts (`../shared/DOMAIN.md` § 12).
//!
//! The 10 § report and the leadership group's summaries are published, and their subjects are
//! people with psychiatric disabilities (GDPR art. 9). Every published count is a cell of a
//! [`Publication`], margins included, with every linear relation an attacker knows: each
//! table's sums, totals shared between tables, subsets (new clients ≤ active clients, cell by
//! cell), and rows that exist only because someone is in them (≥ 1).
//!
//! - **Primary rule**: counts 1..k-1 are sensitive; zero identifies nobody ([`Protection`],
//!   k = 3 by default).
//! - **Secondary suppression** ([`protect`]) hides more cells until the **audit** ([`audit`])
//!   shows, by linear programming over everything published, that no hidden cell's range is a
//!   single value and no hidden cell's range lies within 1..k-1.
//! - **Nothing says why a cell is hidden**: outputs give the rule and how many cells each table
//!   hides, never which were small.
//!
//! Guarantee: against an attacker who knows the published numbers, the relations, that counts
//! are whole numbers ≥ 0 and the rule, and who computes ranges by linear programming rounded to
//! whole numbers — for one publication, and for every publication recorded in a [`Ledger`]
//! together (`family`: a publication protected with [`protect_with_ledger`] is audited with all
//! of them, with the relations between them).
//!
//! **Protected together** (issue 31): a service's annual report, a corrected report, the report
//! at another k (`AnnualReport::protect_with_ledger`), the leadership group's quarterly meeting
//! documents, the year's summary by level and the half-year summaries
//! (`io::write::meeting_document_with_ledger`, `annual_summary_by_level_with_ledger`,
//! `report::deviations_for_leadership_group_with_ledger`) — each count keyed by what it counts
//! ([`CountKey`]: table, row, column, period), so that the same count is one unknown, periods
//! add up and versions differ by what changed; and along the chain, every county and the
//! nation with the services' own published reports (`chain::compile_family`, from exact
//! submissions). **The ledger holds** each recorded publication's cells with what they count,
//! what was shown and the true counts: it is confidential, kept beside the register, and
//! refused when of another population or edited. **Checked afterwards**: any set of published
//! documents can be audited together (`publications::audit_documents`, `po audit`), read from
//! the files as published — JSON, a report's CSV tables (placed by their `about.csv`), the
//! workbooks (placed by their hidden sheet `po`; `publications::read_documents`).
//!
//! **Not covered**: an attacker who reasons about the suppression algorithm's choices,
//! integer-programming bounds tighter than the LP's where the relations are not totally
//! unimodular, publications po never saw or that were made without the ledger, relations
//! between documents beyond the shared keys (e.g. the year's summary by level against the
//! annual report's deviations by type and level, which count by other dates), and knowledge
//! from outside the publications (e.g. knowing one client personally).
//! Sources: τ-ARGUS manual (secondary suppression and audit), R sdcTable (`protectTable`,
//! `attack()`), Statistics Norway's GaussSuppression (candidate order, interval computation).

mod audit;
mod family;
mod ledger;
mod protect;
mod publication;
mod publishable;

pub use audit::{audit, AtRisk, Audit, CellRange, RiskKind};
pub(crate) use family::protect_beside;
pub use family::protect_with_ledger;
pub use ledger::{
    CountKey, Ledger, LedgerCell, LedgerEntry, Period, Population, LEDGER_SCHEMA, SCOPES,
};
pub(crate) use protect::{holds, satisfies};
pub use protect::{protect, protect_from, Protection};
pub use publication::{CellId, CellLabel, Publication, Relation, RelationKind, TableCells};
pub(crate) use publishable::Certificate;
pub use publishable::Publishable;

/// Why disclosure control could not be applied or a publication was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisclosureError {
    /// The threshold k must be at least 2 (k = 1 protects nothing).
    #[error("k: expected a threshold of 2 or more, got {0}")]
    Threshold(i64),
    /// A list of values does not match the cells.
    #[error("values: expected one per cell ({cells}), got {values}")]
    WrongLength {
        /// Cells in the publication.
        cells: usize,
        /// Values given.
        values: usize,
    },
    /// The published numbers contradict a relation (e.g. a total that is not the sum of its
    /// cells).
    #[error("the published numbers contradict a relation between {}", cells.join(", "))]
    Inconsistent {
        /// The cells of the relation.
        cells: Vec<String>,
    },
    /// The publication has cells at risk and was not rendered.
    #[error("refused to publish: {count} hidden cells can be computed or shown to be small (first: {first})")]
    AtRisk {
        /// How many cells.
        count: usize,
        /// The first cell's label.
        first: String,
    },
    /// A table whose cells or totals do not match its rows and columns.
    #[error("{0}")]
    Shape(String),
    /// A text to be published (the service's name) looks like it holds an identity number
    /// (issue 32 point 3): refused, and the text is never shown.
    #[error("{field}: {}", crate::privacy::IN_FREE_TEXT)]
    IdentityInText {
        /// The field, as the caller names it (`service_name`).
        field: &'static str,
    },
    /// A relation names a cell that is not published.
    #[error("relation: no cell {0}")]
    UnknownCell(String),
    /// The LP solver failed.
    #[error("the audit's LP solver failed: {0}")]
    Solver(String),
    /// A publication ledger that cannot be used: not a ledger, another population's, or
    /// edited since po wrote it.
    #[error("ledger: {0}")]
    Ledger(String),
}

/// Refuses a publication whose audit found a cell at risk.
pub fn ensure_safe(audit: &Audit) -> Result<(), DisclosureError> {
    match audit.at_risk.first() {
        None => Ok(()),
        Some(first) => Err(DisclosureError::AtRisk {
            count: audit.at_risk.len(),
            first: first.range.label.to_string(),
        }),
    }
}

/// Audits for risks only (no exact ranges of safe cells): what every rendering runs.
///
/// # Errors
/// As [`audit`].
pub fn audit_risks(
    publication: &Publication,
    published: &[Option<u64>],
    k: u64,
) -> Result<Audit, DisclosureError> {
    audit::run(publication, published, k, audit::Depth::Risks)
}

#[cfg(test)]
mod tests;
