//! Arbitrary bytes as a workbook (.xlsx or .ods) never panic and never make po use memory or
//! time out of proportion (issue 33): a zip whose parts would inflate beyond `MAX_INFLATION`
//! times the file is refused before it is inflated; what is read stays within Excel's limits;
//! a register or a flat submission is read from it strictly and leniently without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use po_core::codes::LocalVocabulary;
use po_core::io::read::{
    read_flat_submission_workbook, read_register_workbook, read_workbook, Mode,
};

fuzz_target!(|data: &[u8]| {
    for file in ["export.xlsx", "export.ods"] {
        if let Ok(sheets) = read_workbook(data, file) {
            for sheet in &sheets {
                assert!(sheet.frame.rows() <= 1_048_576, "{} rows", sheet.frame.rows());
                assert!(sheet.frame.names.len() <= 16_384, "{} columns", sheet.frame.names.len());
            }
        }
        let vocabulary = LocalVocabulary::default();
        let strict = read_register_workbook(data, file, &vocabulary, Mode::Strict);
        let lenient = read_register_workbook(data, file, &vocabulary, Mode::Lenient);
        if strict.is_ok() {
            assert!(lenient.is_ok());
        }
        let _ = read_flat_submission_workbook(data, file);
    }
});
