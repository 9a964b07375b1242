//! Custom types: `time::Date` as an ISO 8601 string, `rust_decimal::Decimal` as a plain decimal
//! string; mapped to `LocalDate` / `BigDecimal` in Kotlin by `po-ffi/uniffi.toml` (Python's
//! conversions are pyo3's own). A malformed value raises [`PoError`], not uniffi's internal
//! error.

use rust_decimal::Decimal;
use time::{format_description::well_known::Iso8601, Date};

use po_core::privacy::shown;

use crate::error::invalid;

/// Why a decimal string was refused: too many digits is said as such (po's decimals hold 28
/// digits and are never rounded silently).
fn decimal_problem(s: &str) -> String {
    let t = s.trim().trim_start_matches(['-', '+']);
    let numeric = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1;
    let digits = t
        .trim_start_matches(['0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if numeric && digits > 28 {
        format!("decimal: more than 28 significant digits ({digits}); po's decimals hold 28 and an amount is never rounded silently")
    } else {
        format!(
            "decimal: expected a decimal number such as 1234.50, got {:?}",
            shown(s)
        )
    }
}

uniffi::custom_type!(Date, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Date::parse(&s, &Iso8601::DATE).map_err(|_| invalid(
        format!("date: expected an ISO date YYYY-MM-DD, got {:?}", shown(&s)),
    ).into()),
});

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| s.parse::<Decimal>().map_err(|_| invalid(decimal_problem(&s)).into()),
});
