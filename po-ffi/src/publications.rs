//! Published documents audited together as both languages call it (issue 31 point 4;
//! `po_core::publications`): what an attacker holding all of them can compute.

use po_core::publications as core;

use super::error::{po, PoError};
use super::record::{record, signed};

record! {
    /// A number an attacker holding every document can compute or show to be small.
    PublicationFinding {
        /// The document (`documents[i]`).
        file: String,
        /// The table or figure.
        table: String,
        /// The row (`None`: the totals).
        row: Option<String>,
        /// The column (`None`: the totals).
        column: Option<String>,
        /// `pinned`, `shown_small` or `published_small`.
        kind: String,
        /// The smallest whole value consistent with everything published.
        low: i64,
        /// The largest (`None`: unbounded).
        high: Option<i64>,
    }
}

record! {
    /// The audit of a set of published documents together.
    PublicationsAudit {
        /// The threshold audited against.
        k: i64,
        /// Documents, numbers and relations audited.
        documents: i64,
        /// Numbers.
        numbers: i64,
        /// Relations.
        relations: i64,
        /// The relations between documents, in words.
        links: Vec<String>,
        /// What can be computed or shown small.
        findings: Vec<PublicationFinding>,
        /// Whether nothing was found.
        safe: bool,
    }
}

/// Audits published documents together — each the JSON po writes beside an annual report or a
/// compilation, named `documents[i]` — with threshold `k` (none: the smallest the documents
/// were protected with, the promise all of them make). Submissions and ledgers are refused:
/// they are confidential, not publications.
#[cfg_attr(feature = "uniffi", uniffi::export(default(k = None)))]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
#[cfg_attr(
    feature = "python",
    pyo3(signature = (documents, *, k = None), text_signature = "(documents, *, k=None)")
)]
pub fn audit_publications(
    documents: Vec<String>,
    k: Option<i64>,
) -> Result<PublicationsAudit, PoError> {
    let read = documents
        .iter()
        .enumerate()
        .map(|(i, text)| core::Document::from_json(text, &format!("documents[{i}]")))
        .collect::<Result<Vec<_>, _>>()
        .map_err(po)?;
    audited(&read, k)
}

/// Audits published documents together as po wrote them to files: each path a report's or a
/// compilation's JSON, a workbook (`.xlsx`), a report's directory of CSV tables (`tables-YEAR`,
/// with `about.csv`), or a directory of any of these (submissions and ledgers there, which are
/// confidential, are passed over and named in `links`); `k` as in
/// [`audit_publications`]. The CSV tables and workbooks are read for their tables.
#[cfg_attr(feature = "uniffi", uniffi::export(default(k = None)))]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
#[cfg_attr(
    feature = "python",
    pyo3(signature = (paths, *, k = None), text_signature = "(paths, *, k=None)")
)]
pub fn audit_published_files(
    paths: Vec<String>,
    k: Option<i64>,
) -> Result<PublicationsAudit, PoError> {
    let paths: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    let read = core::read_documents(&paths).map_err(po)?;
    let mut audit = audited(&read.documents, k)?;
    audit
        .links
        .extend(read.skipped.into_iter().map(|why| format!("skipped {why}")));
    Ok(audit)
}

/// The audit of documents read, at `k` or the threshold they promise.
fn audited(read: &[core::Document], k: Option<i64>) -> Result<PublicationsAudit, PoError> {
    let k = match k {
        None => core::promised_threshold(read),
        Some(k) => {
            u64::try_from(k)
                .ok()
                .filter(|k| *k >= 2)
                .ok_or_else(|| PoError::InvalidInput {
                    reason: format!("k: expected a threshold of 2 or more, got {k}"),
                })?
        }
    };
    let audit = core::audit_documents(read, k).map_err(po)?;
    Ok(PublicationsAudit {
        k: signed(audit.k),
        documents: signed(audit.documents as u64),
        numbers: signed(audit.numbers as u64),
        relations: signed(audit.relations as u64),
        links: audit.links.clone(),
        safe: audit.is_safe(),
        findings: audit
            .findings
            .into_iter()
            .map(|f| PublicationFinding {
                file: f.file,
                table: f.cell.table,
                row: f.cell.row,
                column: f.cell.column,
                kind: match f.kind {
                    core::FindingKind::Pinned => "pinned",
                    core::FindingKind::ShownSmall => "shown_small",
                    core::FindingKind::PublishedSmall => "published_small",
                }
                .to_owned(),
                low: signed(f.low),
                high: f.high.map(signed),
            })
            .collect(),
    })
}

/// Adds the audit's records and function to the native module.
#[cfg(feature = "python")]
pub(crate) fn register(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    use pyo3::prelude::*;
    m.add_class::<PublicationFinding>()?;
    m.add_class::<PublicationsAudit>()?;
    m.add_function(wrap_pyfunction!(audit_publications, m)?)?;
    m.add_function(wrap_pyfunction!(audit_published_files, m)?)?;
    Ok(())
}
