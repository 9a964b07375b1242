//! Arbitrary bytes as the deviation register's histories — the event export (CSV, one row per
//! event) and the JSON form — never panic; strict and lenient reading agree; what is read makes
//! a protected meeting document and a year's summary, and the quarters and the year protected
//! together with a ledger.
#![no_main]

use libfuzzer_sys::fuzz_target;
use po_core::codes::LocalVocabulary;
use po_core::disclosure::{Ledger, Population, Protection};
use po_core::io::read::{read_deviation_events_csv, read_deviations_json, Mode};
use po_core::io::write::{annual_summary_by_level_with_ledger, meeting_document};
use po_core::Language;
use time::macros::date;

fuzz_target!(|data: &[u8]| {
    let vocabulary = LocalVocabulary::default();
    let strict = read_deviation_events_csv(data, "events.csv", &vocabulary, Mode::Strict);
    let lenient = read_deviation_events_csv(data, "events.csv", &vocabulary, Mode::Lenient);
    if strict.is_ok() {
        assert!(lenient.as_ref().is_ok_and(|(_, p)| p.is_empty()));
    }
    let from_json = std::str::from_utf8(data)
        .ok()
        .and_then(|t| read_deviations_json(t, "deviations.json").ok());
    for deviations in lenient.ok().map(|(d, _)| d).into_iter().chain(from_json) {
        let k3 = Protection::Threshold { k: 3 };
        meeting_document(&deviations, date!(2023 - 03 - 31), date!(2023 - 06 - 30), k3, Language::Sv)
            .expect("a meeting document is always protected");
        let ledger = Ledger::new(Population::new("service", "PO Test", 2023).expect("population"));
        annual_summary_by_level_with_ledger(&deviations, 2023, 3, Language::Sv, &ledger)
            .expect("a summary with an empty ledger is always protected");
    }
});
