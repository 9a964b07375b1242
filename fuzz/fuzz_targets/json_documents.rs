//! Arbitrary JSON as a register, a priority policy or a cost-sharing agreement never panics;
//! what is accepted can be used (a report, a ranking, an allocation whose checks hold).
#![no_main]

use libfuzzer_sys::fuzz_target;
use po_core::money::{allocate, Agreement};
use po_core::priority::{rank, PriorityPolicy};
use po_core::io::read::read_register_json;
use po_core::report::{annual_report, ReportOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(register) = read_register_json(text, "register.json") {
        let report = annual_report(&register, &ReportOptions { year: 2023, ..ReportOptions::default() })
            .expect("protection");
        report.publishable().expect("a protected report passes its audit");
    }
    if let Ok(policy) = PriorityPolicy::from_json(text) {
        assert_eq!(PriorityPolicy::from_json(&policy.to_json()).unwrap(), policy);
        let on = time::macros::date!(2024 - 01 - 01);
        let _ = rank(&[], &policy, on);
    }
    if let Ok(agreement) = Agreement::from_json(text) {
        if let Ok(allocation) = allocate(&agreement) {
            assert!(allocation.checks.iter().all(|c| c.holds), "{:?}", allocation.checks);
        }
    }
});
