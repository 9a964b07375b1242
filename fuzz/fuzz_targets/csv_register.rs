//! Importing arbitrary bytes as a register's CSV files never panics, strict or lenient; a
//! lenient import keeps only rows without problems, and a report can always be computed.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use po_core::codes::LocalVocabulary;
use po_core::report::{annual_report, read_register_csv, Mode, RegisterCsv, ReportOptions};

/// Built once: the same for every input, and not what is being fuzzed.
static VOCABULARY: LazyLock<LocalVocabulary> = LazyLock::new(LocalVocabulary::varmland);

fuzz_target!(|data: &[u8]| {
    // Split the input into up to five files at 0xFF bytes (never in UTF-8 text).
    let mut files = data.split(|&b| b == 0xFF);
    let mut next = || files.next().filter(|f| !f.is_empty());
    let csv = RegisterCsv {
        clients: next(),
        intake: next(),
        deviations: next(),
        staff: next(),
        survey: next(),
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
        report.to_json().expect("a protected report passes its audit");
    }
});
