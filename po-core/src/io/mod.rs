//! The formats, each in its own place above the domain (as polars keeps every format in
//! polars-io): the domain modules never call into them, they call the domain.
//!
//! - [`mod@read`]: registers from CSV exports, JSON, Arrow-like frames and workbooks (`excel`),
//!   the flat form of a submission, the column reference of every export;
//! - [`mod@write`]: Markdown, HTML (A4), workbooks (`excel`) and the flat CSV form; every rendering
//!   of a report or a compilation takes a [`crate::disclosure::Publishable`] value, which only
//!   the audit gives, so nothing renders before the audit, by type;
//! - `text`: numbers and labels as each language writes them (`1 234`, `2,5` in Swedish);
//! - `reasons`: the problems' reasons in Swedish, one list of templates.
//!
//! Where a new format goes: a reader in `read/` (one file per export or format), a writer in
//! `write/`, behind a feature of its own if it needs a dependency.

pub mod read;
pub(crate) mod reasons;
pub(crate) mod text;
pub mod write;
