//! Which submissions a compilation can use (issue 34: one bad submission must not stop a
//! county's or the nation's compilation). A submission is left out of the sums, with a finding
//! naming the service, its file and why, when it
//! - is for another year (its own year or its report's);
//! - is a second one from a service already admitted (the first, in the order given, is used:
//!   `po compile` reads a directory's files in name order);
//! - has tables that contradict themselves ([`super::contradictions`]), or, for exact counts,
//!   a published report that does not fit them ([`super::hierarchy::placeable`]): a sum with
//!   such a part would be wrong, and protection, which relies on those relations, would fail.
//!
//! Everything else a service should be asked about is a finding and the submission is used.
//! Decision where the sources are silent: duplicates are recognised by the service's name, as
//! länsstyrelsen names a service in its compilation.

use super::hierarchy::{placeable, Member};
use super::submission::other_year;
use super::{contradictions, ChainFinding, Submission};

/// The submissions a compilation uses, in their order, and those left out with why.
pub(crate) struct Admitted<'a> {
    /// Used.
    pub used: Vec<&'a Submission>,
    /// Left out: each with one finding, about the service, in its file.
    pub left_out: Vec<(&'a Submission, ChainFinding)>,
}

/// Sorts `submissions` for `year` into used and left out (see the module's doc). `exact`:
/// whether the compilation is protected, so that exact submissions are placed with, or
/// compiled as, their published reports (then a report that does not fit its exact counts is
/// left out too).
pub(crate) fn admit(submissions: &[Submission], year: i32, exact: bool) -> Admitted<'_> {
    let mut used: Vec<&Submission> = Vec::new();
    let mut left_out = Vec::new();
    for s in submissions {
        let why = if let Some(why) = other_year(s, year) {
            Some(why)
        } else if let Some(first) = used.iter().find(|u| u.service == s.service) {
            Some(match &first.file {
                Some(f) => {
                    format!("a second submission from the service (the first, {f}, is used)")
                }
                None => "a second submission from the service (the first is used)".to_owned(),
            })
        } else {
            contradiction(s, exact)
        };
        match why {
            Some(why) => left_out.push((
                s,
                ChainFinding::left_out(&s.service, s.file.as_deref(), why),
            )),
            None => used.push(s),
        }
    }
    Admitted { used, left_out }
}

/// Why the submission's figures cannot be summed, if they cannot.
fn contradiction(s: &Submission, exact: bool) -> Option<String> {
    let found: Vec<ChainFinding> = std::iter::once(&s.report)
        .chain(&s.published)
        .flat_map(contradictions)
        .collect();
    if let Some(first) = found.first() {
        return Some(format!(
            "its tables contradict themselves ({}: {}{})",
            first.about,
            first.reason,
            match found.len() {
                1 => String::new(),
                n => format!("; {} more", n - 1),
            }
        ));
    }
    if !(exact && s.is_exact()) {
        return None;
    }
    let member = match &s.published {
        Some(published) => Member::Service {
            name: &s.service,
            exact: &s.report,
            published,
            tables_only: s.tables_only,
        },
        None => Member::Unpublished {
            name: s.service.clone(),
            exact: super::staff::family_tables(&s.report),
        },
    };
    placeable(&member)
        .err()
        .map(|e| format!("its exact counts and its published report do not fit ({e})"))
}
