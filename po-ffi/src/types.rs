//! Custom types: `time::Date` as an ISO 8601 string, `rust_decimal::Decimal` as a plain decimal
//! string; mapped to `LocalDate` / `BigDecimal` in Kotlin and `datetime.date` /
//! `decimal.Decimal` in Python by `uniffi.toml`. A malformed value raises [`PoError`], not
//! uniffi's internal error.

use rust_decimal::Decimal;
use time::{format_description::well_known::Iso8601, Date};

use crate::PoError;

uniffi::custom_type!(Date, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Date::parse(&s, &Iso8601::DATE).map_err(|_| PoError::InvalidInput {
        reason: format!("date: expected an ISO date YYYY-MM-DD, got {s:?}"),
    }.into()),
});

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| s.parse::<Decimal>().map_err(|_| PoError::InvalidInput {
        reason: format!("decimal: expected a decimal number, got {s:?}"),
    }.into()),
});
