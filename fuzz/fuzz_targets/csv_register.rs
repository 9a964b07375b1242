//! Importing arbitrary bytes as a register's CSV files never panics, strict or lenient; a
//! lenient import keeps only rows without problems, and a report can always be computed.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use po_core::codes::LocalVocabulary;
use po_core::io::read::{read_register_csv, Mode, RegisterCsv};
use po_core::report::{annual_report, ReportOptions};

/// Built once: the same for every input, and not what is being fuzzed.
static VOCABULARY: LazyLock<LocalVocabulary> = LazyLock::new(LocalVocabulary::varmland);

fuzz_target!(|data: &[u8]| {
    // Split the input into up to six files at 0xFF bytes (never in UTF-8 text).
    let files: Vec<&[u8]> = data.split(|&b| b == 0xFF).collect();
    let file = |i: usize| files.get(i).copied().filter(|f| !f.is_empty());
    let csv = RegisterCsv {
        clients: file(0).map(Into::into),
        intake: file(1).map(Into::into),
        deviations: file(2).map(Into::into),
        staff: file(3).map(Into::into),
        deviation_events: file(5).map(Into::into),
        survey: file(4),
        survey_sent: data.len() as u32 % 50,
    };
    let vocabulary = &*VOCABULARY;
    let strict = read_register_csv(csv, vocabulary, Mode::Strict);
    let lenient = read_register_csv(csv, vocabulary, Mode::Lenient);
    if strict.is_ok() {
        assert!(lenient.as_ref().is_ok_and(|(_, p)| p.is_empty()));
    }
    if let Ok((register, problems)) = lenient {
        let options = ReportOptions {
            year: 2023,
            input_problems: problems,
            ..ReportOptions::default() // protected at k = 3
        };
        // Protection never fails on a valid register, and its output passes its own audit.
        let report = annual_report(&register, &options).expect("protection");
        report.publishable().expect("a protected report passes its audit");
    }
});
