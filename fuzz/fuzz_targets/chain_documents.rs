//! Arbitrary text as the reporting chain's documents never panics: a flat submission (CSV), a
//! submission's JSON, a leadership group's JSON, a publication ledger and a published document
//! for `po audit`. A submission that is read writes JSON that reads back the same; a ledger is
//! read only when its hash holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use po_core::chain::Submission;
use po_core::disclosure::{Ledger, Population};
use po_core::io::read::read_flat_submission;
use po_core::organisation::LeadershipGroup;
use po_core::publications::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for read in [read_flat_submission(text), Submission::from_json(text)] {
        if let Ok(s) = read {
            let again = Submission::from_json(&s.to_json()).expect("po reads what it writes");
            assert_eq!(again.to_json(), s.to_json());
        }
    }
    let _ = serde_json::from_str::<LeadershipGroup>(text);
    let population = Population::new("service", "PO Test", 2023).expect("a population");
    if let Ok(ledger) = Ledger::from_json(text, &population) {
        assert_eq!(Ledger::from_json(&ledger.to_json(), &population), Ok(ledger));
    }
    if let Ok(d) = Document::from_json(text, "document.json") {
        let _ = po_core::publications::audit_documents(&[d], 3);
    }
});
