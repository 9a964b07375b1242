//! The reporting chain as both languages call it: a county's or the nation's compilation of
//! the services' submissions (po's JSON or the flat CSV form), protected, with its findings and
//! its Markdown and HTML.

use rust_decimal::Decimal;

use super::error::{invalid, po, PoError};
use super::record::{record, signed};
use super::report::Table;
use po_core::chain as core;
use po_core::codes::CodeList;
use po_core::disclosure::Protection;
use po_core::organisation::County;
use po_core::Language;

record! {
    /// Something a county analyst would ask a service about, or the compilation found.
    ChainFinding {
        /// A service, a municipality code, or `total`.
        about: String,
        /// The submission it is about (`submissions[i]`), when it is about one.
        file: Option<String>,
        /// What was found.
        reason: String,
    }
}

record! {
    /// A row of seed 001's annex 1: a shortcoming the services reported, where it arises, its
    /// consequence for the individual and how many services reported it.
    AnnexRow {
        /// `health_care`, `social_services` or `other`.
        part: String,
        /// The shortcoming.
        shortcoming: String,
        /// Its consequence for the individual.
        consequence: String,
        /// Services that reported it.
        services: i64,
    }
}

record! {
    /// A county's or the nation's compilation (seed 001's figures from the submissions).
    Compilation {
        /// The year.
        year: i32,
        /// The county's code, or empty for the nation.
        county: String,
        /// Services compiled (each once).
        services: i64,
        /// Ombud; `None` when a service's count is hidden.
        ombud: Option<i64>,
        /// Full-time positions.
        positions: Decimal,
        /// The compiled tables, protected.
        tables: Vec<Table>,
        /// Services whose leadership group lacks a required member.
        leadership_lacking: i64,
        /// The grant decided, summed over the services that reported it.
        grant_decided: Decimal,
        /// Findings, each about a service, a municipality or the total.
        findings: Vec<ChainFinding>,
        /// Submissions left out of the sums, each with why (unreadable, another year, a second
        /// one from a service, tables that contradict themselves); the rest is compiled.
        left_out: Vec<ChainFinding>,
        /// Seed 001's annex 1: the shortcomings the services reported.
        shortcomings: Vec<AnnexRow>,
        /// The compilation as Markdown in the language asked for.
        markdown: String,
        /// The compilation as a self-contained HTML document (prints on A4).
        html: String,
        /// The findings and the submissions left out, for the analyst, in Markdown: not part
        /// of the publication.
        findings_markdown: String,
        /// The same for the analyst as a self-contained HTML document (prints on A4).
        findings_html: String,
    }
}

impl From<&core::ChainFinding> for ChainFinding {
    fn from(f: &core::ChainFinding) -> Self {
        ChainFinding {
            about: f.about.clone(),
            file: f.file.clone(),
            reason: f.reason.clone(),
        }
    }
}

/// Compiles submissions for `year`: each a document in po's submission JSON (`{"schema":
/// "po-submission/4", …}`) or the flat CSV form. `county` is a county's code or name (empty for
/// the nation); protected with threshold `k` unless `unprotected` (for the analyst's own
/// checks, never for publication); the Markdown in `language` (`sv` or `en`). `budget`: the
/// year's national budget as JSON (`year`, `total`, `socialstyrelsen_admin`,
/// `county_boards_admin`, `spent_socialstyrelsen`, `spent_county_boards`) for seed 001's table
/// 5 — the nation's only (an error with a county).
#[cfg_attr(
    feature = "uniffi",
    uniffi::export(default(county = "", k = 3, unprotected = false, language = "sv", budget = None))
)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
#[cfg_attr(
    feature = "python",
    pyo3(
        signature = (submissions, *, year, county = String::new(), k = 3, unprotected = false, language = "sv".to_owned(), budget = None),
        text_signature = "(submissions, *, year, county='', k=3, unprotected=False, language='sv', budget=None)"
    )
)]
pub fn compile_submissions(
    submissions: Vec<String>,
    year: i32,
    county: String,
    k: i64,
    unprotected: bool,
    language: String,
    budget: Option<String>,
) -> Result<Compilation, PoError> {
    let lang = Language::parse(&language).map_err(po)?;
    let protection = Protection::from_request(k, unprotected).map_err(po)?;
    let county = match county.trim() {
        "" => None,
        c => Some(County::parse(c).map_err(po)?),
    };
    let budget = budget_of(budget.as_deref())?;
    if budget.is_some() && county.is_some() {
        return Err(invalid(
            "budget: the budget is the nation's; compile the nation (county empty)",
        ));
    }
    let (read, unreadable) = read_submissions(&submissions);
    let mut c = core::compile(&read, year, county, protection).map_err(po)?;
    c.left_out.splice(0..0, unreadable);
    if let Some(account) = budget {
        c = c.with_budget(account).map_err(po)?;
    }
    converted(&c, lang)
}

/// The national budget's JSON, when given (`None` or empty: none).
fn budget_of(text: Option<&str>) -> Result<Option<po_core::money::BudgetAccount>, PoError> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| po_core::money::BudgetAccount::from_json(t).map_err(po))
        .transpose()
}

/// Compiles submissions for `year` into every county with a service among them (in county-code
/// order) and then the nation, protected together in one run (issue 31): with exact
/// submissions, each county and the nation against the services' own published reports and
/// against each other, so that no county minus its services, and no nation minus a county,
/// gives anyone away. Otherwise as `compile_submissions`, once a place; `budget` gives the
/// nation's compilation its table 5.
#[cfg_attr(
    feature = "uniffi",
    uniffi::export(default(k = 3, unprotected = false, language = "sv", budget = None))
)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
#[cfg_attr(
    feature = "python",
    pyo3(
        signature = (submissions, *, year, k = 3, unprotected = false, language = "sv".to_owned(), budget = None),
        text_signature = "(submissions, *, year, k=3, unprotected=False, language='sv', budget=None)"
    )
)]
pub fn compile_family(
    submissions: Vec<String>,
    year: i32,
    k: i64,
    unprotected: bool,
    language: String,
    budget: Option<String>,
) -> Result<Vec<Compilation>, PoError> {
    let lang = Language::parse(&language).map_err(po)?;
    let protection = Protection::from_request(k, unprotected).map_err(po)?;
    let budget = budget_of(budget.as_deref())?;
    let (read, unreadable) = read_submissions(&submissions);
    let mut family = core::compile_family(&read, None, year, protection).map_err(po)?;
    if let (Some(account), Some(nation)) = (budget, family.last_mut()) {
        *nation = nation.clone().with_budget(account).map_err(po)?;
    }
    family
        .iter_mut()
        .map(|c| {
            c.left_out.splice(0..0, unreadable.iter().cloned());
            converted(c, lang)
        })
        .collect()
}

/// The submissions, each named by its place in the list (`submissions[i]`); one that cannot be
/// read is left out with why, and the others are compiled (issue 34).
fn read_submissions(submissions: &[String]) -> (Vec<core::Submission>, Vec<core::ChainFinding>) {
    let (mut read, mut unreadable) = (Vec::new(), Vec::new());
    for (i, text) in submissions.iter().enumerate() {
        let name = format!("submissions[{i}]");
        let parsed = if text.trim_start().starts_with('{') {
            core::Submission::from_json(text)
        } else {
            po_core::io::read::read_flat_submission(text)
        };
        match parsed {
            Ok(s) => read.push(s.in_file(name)),
            Err(e) => unreadable.push(core::ChainFinding::left_out(
                &name,
                Some(&name),
                format!("it cannot be read: {e}"),
            )),
        }
    }
    (read, unreadable)
}

/// The boundary's record of a compilation, with its documents in `lang`.
fn converted(c: &core::Compilation, lang: Language) -> Result<Compilation, PoError> {
    let publishable = c.publishable().map_err(po)?;
    Ok(Compilation {
        year: c.year,
        county: c.county.map_or_else(String::new, |c| c.code().to_owned()),
        services: signed(c.services.len() as u64),
        ombud: c.ombud.count().map(signed),
        positions: c.positions,
        tables: c.tables.iter().map(Table::from).collect(),
        leadership_lacking: signed(c.leadership_lacking),
        grant_decided: c.grant.decided,
        findings: c.findings.iter().map(ChainFinding::from).collect(),
        left_out: c.left_out.iter().map(ChainFinding::from).collect(),
        shortcomings: c
            .shortcomings
            .iter()
            .map(|r| AnnexRow {
                part: r.part.code().to_owned(),
                shortcoming: r.shortcoming.clone(),
                consequence: r.consequence.clone(),
                services: signed(r.services),
            })
            .collect(),
        markdown: po_core::io::write::compilation_markdown(publishable, lang),
        html: po_core::io::write::compilation_to_html(publishable, lang),
        findings_markdown: po_core::io::write::compilation_findings_markdown(c, lang),
        findings_html: po_core::io::write::compilation_findings_html(c, lang),
    })
}

/// Adds the chain's records and function to the native module.
#[cfg(feature = "python")]
pub(crate) fn register(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    use pyo3::prelude::*;
    m.add_class::<ChainFinding>()?;
    m.add_class::<AnnexRow>()?;
    m.add_class::<Compilation>()?;
    m.add_function(wrap_pyfunction!(compile_submissions, m)?)?;
    m.add_function(wrap_pyfunction!(compile_family, m)?)?;
    Ok(())
}
