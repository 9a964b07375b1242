//! Identity-number parsing never panics; a number that parses formats and parses back to
//! itself; its Debug and Display never show the digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use po_core::identity::IdentityNumber;
use time::{Date, Duration};

fuzz_target!(|data: &[u8]| {
    let (day, text) = match data.split_first() {
        Some((d, rest)) => (*d, rest),
        None => return,
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    // Reference dates across two centuries, so both '-' and '+' forms are exercised.
    let reference = Date::from_calendar_date(1950, time::Month::January, 1).unwrap()
        + Duration::days(i64::from(day) * 365);
    if let Ok(n) = IdentityNumber::parse(text, reference) {
        let long = n.to_long();
        assert_eq!(IdentityNumber::parse(&long, reference).unwrap(), n);
        let short = n.to_short_on(reference);
        assert_eq!(IdentityNumber::parse(&short, reference).unwrap(), n);
        let shown = format!("{n:?} {n}");
        assert!(!shown.contains(&long[4..]), "{shown}");
        let _ = n.age_on(reference);
    }
});
