//! Seed 001's annex 1 from the submissions: the shortcomings the services reported, by the
//! part of the annex where they arise, each text once with how many services reported it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Submission;
use crate::deviation::AnnexPart;

/// One row of annex 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnnexRow {
    /// The part of the annex (health care, the social services, other).
    pub part: AnnexPart,
    /// The shortcoming, as the services wrote it.
    pub shortcoming: String,
    /// Its consequence for the individual.
    pub consequence: String,
    /// How many services reported this shortcoming with this consequence.
    pub services: u64,
}

/// The annex of `submissions`: in seed 001's order of parts, within a part the shortcomings
/// most services reported first (then by text). Identical texts (the same shortcoming and
/// consequence, spaces trimmed) are one row; a service that lists one twice counts once.
pub(crate) fn annex(submissions: &[&Submission]) -> Vec<AnnexRow> {
    let mut rows: BTreeMap<(AnnexPart, &str, &str), Vec<&str>> = BTreeMap::new();
    for s in submissions {
        for r in &s.shortcomings {
            let services = rows
                .entry((r.part(), r.shortcoming.trim(), r.consequence.trim()))
                .or_default();
            if !services.contains(&s.service.as_str()) {
                services.push(&s.service);
            }
        }
    }
    let mut out: Vec<AnnexRow> = rows
        .into_iter()
        .map(|((part, shortcoming, consequence), services)| AnnexRow {
            part,
            shortcoming: shortcoming.to_owned(),
            consequence: consequence.to_owned(),
            services: services.len() as u64,
        })
        .collect();
    // The map gave them in text order; a stable sort keeps it among equals.
    out.sort_by_key(|r| (r.part, std::cmp::Reverse(r.services)));
    out
}
