//! Issue 31 point 3: every relation listed where the report's tables are defined
//! (`po_core::report::protection`) holds for the true counts of any register — so the audit
//! tells the attacker nothing false — checked on random registers, small ones with many 0, 1
//! and 2 and larger SYNTHETIC ones. And a report whose numbers break one is told apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::attacker::random_register;
use po_core::codes::{CodeList, DeviationEventType, DeviationStatus};
use po_core::disclosure::{DisclosureError, Protection};
use po_core::report::{annual_report, Cell, Register, ReportOptions};

fn exact(register: &Register) -> po_core::report::AnnualReport {
    let options = ReportOptions {
        year: 2023,
        service_name: "Test".into(),
        protection: Protection::Unprotected,
        ..ReportOptions::default()
    };
    annual_report(register, &options).unwrap()
}

#[test]
fn every_listed_relation_holds_on_random_registers() {
    for seed in 0..300 {
        let r = exact(&random_register(seed));
        assert_eq!(r.check_relations(), Ok(()), "seed {seed}");
    }
    for seed in 0..5 {
        let register = po_examples::synthetic::varmland_like(2023, 2_000, seed);
        assert_eq!(
            exact(&register).check_relations(),
            Ok(()),
            "synthetic {seed}"
        );
    }
}

/// The example of a relation by definition: shortcomings with feedback are at least
/// the deviations whose status has feedback less the positive events. A report that shows
/// fewer breaks it, and is told apart.
#[test]
fn a_report_breaking_a_relation_is_told_apart() {
    let mut r = exact(&random_register(7));
    let with_feedback: u64 = DeviationStatus::ALL
        .iter()
        .zip(&r.deviations_by_counterpart.column_totals)
        .filter(|(s, _)| s.has_feedback())
        .map(|(_, c)| c.count().unwrap())
        .sum();
    assert!(
        with_feedback > 0,
        "the register has deviations with feedback"
    );
    r.deviations_with_feedback.count = Cell::Count(0);
    let positive: u64 = DeviationEventType::ALL
        .iter()
        .zip(&r.deviations_by_type.row_totals)
        .filter(|(t, _)| !t.is_shortcoming())
        .map(|(_, c)| c.count().unwrap())
        .sum();
    assert!(
        with_feedback > positive,
        "seed 7 breaks the relation when shown so"
    );
    {
        let e = r.check_relations().unwrap_err();
        assert!(
            matches!(&e, DisclosureError::Inconsistent { cells } if cells.iter().any(|c| c.contains("deviations_with_feedback"))),
            "{e}"
        );
    }
    // A protected report's hidden counts are gone: nothing to check.
    let protected = annual_report(
        &random_register(7),
        &ReportOptions {
            year: 2023,
            ..ReportOptions::default()
        },
    )
    .unwrap();
    assert!(protected.check_relations().is_err());
}
