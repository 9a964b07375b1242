//! Issue 31's benchmarks: publications protected together. Run:
//! `cargo bench -p po-examples --bench family`. Goals (the issue's): one service's year with
//! its four quarterly documents ≤ 100 ms; the SYNTHETIC nation's whole family (106 services'
//! reports, 21 counties, the nation) protected and audited ≤ 2 s on one core. Figures in
//! BENCHMARKS.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use divan::{black_box, Bencher};
use po_core::chain::{compile_family, Submission};
use po_core::disclosure::{Ledger, Population, Protection};
use po_core::io::write::{annual_summary_by_level_with_ledger, meeting_document_with_ledger};
use po_core::reference::sweden;
use po_core::report::{annual_report, ReportOptions};
use po_core::Language;
use po_examples::synthetic::{deviation_histories, varmland_like};
use time::macros::date;

fn main() {
    divan::main();
}

/// One service's year: four quarterly meeting documents and the year's summary by level, each
/// protected with the ledger of those before it [≤ 100 ms]. 84 deviations: Värmland's 2024
/// (seed 000).
#[divan::bench(sample_count = 5)]
fn service_year_with_ledger(b: Bencher) {
    let deviations = deviation_histories(2023, 84, 1);
    let meetings = [
        (date!(2022 - 12 - 31), date!(2023 - 03 - 31)),
        (date!(2023 - 03 - 31), date!(2023 - 06 - 30)),
        (date!(2023 - 06 - 30), date!(2023 - 09 - 30)),
        (date!(2023 - 09 - 30), date!(2023 - 12 - 31)),
    ];
    b.bench(|| {
        let mut ledger = Ledger::new(Population::new("service", "PO Test", 2023).unwrap());
        for (previous, meeting) in meetings {
            let (_, entry) = meeting_document_with_ledger(
                &deviations,
                previous,
                meeting,
                3,
                Language::Sv,
                &ledger,
            )
            .unwrap();
            ledger.record(entry);
        }
        black_box(
            annual_summary_by_level_with_ledger(&deviations, 2023, 3, Language::Sv, &ledger)
                .unwrap(),
        )
    });
}

/// `services` services with exact submissions, one municipality each, spread over the counties
/// in turn; each publishes its own protected report when `published`.
fn nation(services: usize, published: bool) -> Vec<Submission> {
    let municipalities = sweden::municipalities();
    (0..services)
        .map(|i| {
            // Every third municipality: services fall in many counties.
            let m = municipalities[(i * 3) % municipalities.len()].code;
            let register = varmland_like(2023, 40 + (i * 37) % 80, i as u64 + 1);
            let options = |protection| ReportOptions {
                year: 2023,
                service_name: format!("PO {}", i + 1),
                protection,
                ..ReportOptions::default()
            };
            let exact = annual_report(&register, &options(Protection::Unprotected)).unwrap();
            let own = published
                .then(|| annual_report(&register, &options(Protection::default())).unwrap());
            Submission::exact(m, vec![m], None, exact, own)
        })
        .collect()
}

/// The nation of 106 services that publish nothing of their own: every county and the nation
/// compiled from exact counts and protected together.
#[divan::bench(sample_count = 3)]
fn nation_106_unpublished(b: Bencher) {
    let submissions = nation(106, false);
    b.bench(|| black_box(compile_family(&submissions, None, 2023, Protection::default()).unwrap()));
}

/// Services that publish their own reports, with their counties and the nation, protected
/// together: how the time grows with the services (the goal is 106 in ≤ 2 s).
#[divan::bench(args = [2, 4, 8, 16, 32], sample_count = 1)]
fn family_with_published_reports(b: Bencher, services: usize) {
    let submissions = nation(services, true);
    b.bench(|| black_box(compile_family(&submissions, None, 2023, Protection::default()).unwrap()));
}
