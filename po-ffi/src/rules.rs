//! What every decision carries across the boundary: its findings and its stamp.

use po_core::rules as core;

use super::record::{code_enum, record, Text};

code_enum! {
    /// Whether a criterion holds.
    Status = po_core::rules::Status {
        /// The criterion is met.
        Met,
        /// The criterion is not met.
        NotMet,
        /// Not enough is known to tell.
        Unknown,
    }
    /// Eligible, not eligible, or undetermined.
    Outcome = po_core::eligibility::Outcome {
        /// Every criterion is met.
        Eligible,
        /// At least one criterion is not met.
        NotEligible,
        /// None is not met, but at least one is unknown: ask the questions.
        Undetermined,
    }
    /// Yes, no, or not yet known.
    Answer = po_core::eligibility::Answer {
        /// Yes.
        Yes,
        /// No.
        No,
        /// Not yet known.
        Unknown,
    }
}

record! {
    /// What every result carries: the version of po, the rules applied and the date.
    Stamp {
        /// The version of po.
        library_version: String,
        /// The rules applied (rule set, policy, agreement or method, with sources).
        rules: String,
        /// The date they were applied on.
        as_of: time::Date,
    }
}

impl From<core::Stamp> for Stamp {
    fn from(s: core::Stamp) -> Self {
        Stamp {
            library_version: s.library_version,
            rules: s.rules,
            as_of: s.as_of,
        }
    }
}

record! {
    /// One criterion of a decision: met / not met / unknown, why (sv, en) and the source.
    Finding {
        /// Machine name of the criterion (e.g. `member_region_psychiatry`).
        criterion: Text,
        /// Met, not met or unknown (Python: `met`, `not_met`, `unknown`).
        status: Status,
        /// Why, in Swedish.
        reason_sv: Text,
        /// Why, in English.
        reason_en: Text,
        /// The legal or seed source of the criterion.
        source: Text,
    }
}

impl From<core::Finding> for Finding {
    fn from(f: core::Finding) -> Self {
        Finding {
            criterion: f.criterion.into(),
            status: f.status.into(),
            reason_sv: f.reason_sv.into(),
            reason_en: f.reason_en.into(),
            source: f.source.into(),
        }
    }
}

/// The findings of a decision, converted.
pub(crate) fn findings(f: Vec<core::Finding>) -> Vec<Finding> {
    f.into_iter().map(Finding::from).collect()
}

/// The version of po (po-core and every binding are released together).
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn library_version() -> String {
    po_core::VERSION.to_owned()
}

#[cfg(feature = "python")]
pub(crate) fn register(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    use pyo3::prelude::*;
    m.add("__version__", po_core::VERSION)?;
    m.add_class::<Stamp>()?;
    m.add_class::<Finding>()?;
    Ok(())
}
