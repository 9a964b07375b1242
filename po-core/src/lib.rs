//! # po-core
//!
//! The open reference implementation of the rules and statistics of Swedish *personligt ombud*
//! (PO): a service in which an ombud supports adults with serious psychiatric disabilities in
//! their dealings with authorities, regulated by förordning (2013:522) om statsbidrag till kommuner
//! som bedriver verksamhet med personligt ombud (here "SFS 2013:522").
//!
//! This crate is pure: no I/O beyond parsing what it is given, no clock (every rule takes the date
//! it is applied on), no global state. Bindings (`po-python`, `po-ffi`) only convert.
//!
//! Modules are named after the domain:
//! - [`codes`]: the code lists PO services record in (contact reasons, assignments, deviations,
//!   intake outcomes, gender, age bands) and local label mappings;
//! - [`chain`]: the reporting chain (10, 12, 14 §§): county and national compilations;
//! - [`code_lists`]: every code list by name, for run-time choice (bindings, headers, UIs);
//! - [`eligibility`]: the target-group assessment (2 §) with reasons and questions;
//! - [`priority`]: priority policies as data, presets, queue ranking and statistics;
//! - [`money`]: the state grant and cost sharing between municipalities by adult population;
//! - [`identity`]: personnummer and samordningsnummer, keyed pseudonyms;
//! - [`organisation`]: municipalities, PO services and their areas, the leadership group check
//!   (5 §);
//! - [`deviation`]: the deviation register's life-cycle (documented → raised → sent → feedback
//!   → closed) and what happened in a period;
//! - [`disclosure`]: disclosure control of published counts (primary rule, secondary suppression,
//!   the LP audit);
//! - [`privacy`]: the one personal-data filter for every message that leaves po;
//! - [`publications`]: published documents read back and audited together;
//! - [`rules`]: dated rule sets and the findings every decision returns;
//! - [`io`]: the formats above the domain — readers (CSV, JSON, frames, workbooks) and writers
//!   (Markdown, HTML, workbooks), the domain never calling into them;
//! - [`input`]: problems located in an input, strict and lenient reading;
//! - [`language`]: Swedish and English;
//! - [`mod@reference`]: bundled reference data (Värmland's municipalities and areas).
#![forbid(unsafe_code)]

pub mod chain;
pub mod code_lists;
pub mod codes;
pub mod deviation;
pub mod disclosure;
pub mod eligibility;
pub mod error;
pub mod identity;
pub mod input;
pub mod io;
pub mod language;
pub mod money;
pub mod organisation;
pub mod priority;
pub mod privacy;
pub mod publications;
pub mod reference;
pub mod report;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
mod text;

pub use error::Error;
pub use language::Language;

/// The version of this library, carried by every decision so that a result can be traced to the
/// rules that produced it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
