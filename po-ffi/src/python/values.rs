//! Values from Python: amounts (money must never be a float) and dates.

use std::str::FromStr;

use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString};
use rust_decimal::Decimal;

use super::errors::invalid;

/// A `datetime.date` (or `datetime.datetime`, a pandas `Timestamp`: its date) from Python, by
/// one call of its `toordinal()` — the stable ABI has no C accessors for dates, and three
/// attribute lookups (`year`, `month`, `day`) are most of what a date costs one eligibility
/// call — or an ISO date string, read by po-core's one reading of dates
/// ([`po_core::input::date_of`]) as every export's cells are (issue 33).
pub(crate) fn date_of(value: &Bound<'_, PyAny>, field: &str) -> PyResult<time::Date> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return po_core::input::date_of(text.trim()).ok_or_else(|| {
            invalid(format!(
                "{field}: expected an ISO date such as 2024-03-01, got {:?}",
                po_core::privacy::shown(&text)
            ))
        });
    }
    if !value.is_instance_of::<pyo3::types::PyDate>() {
        return Err(invalid(format!(
            "{field}: expected a datetime.date or an ISO date string, got {}",
            value.get_type().name()?
        )));
    }
    let ordinal: i32 = value
        .call_method0(pyo3::intern!(value.py(), "toordinal"))?
        .extract()?;
    // Python's ordinal 1 is 0001-01-01, Julian day 1 721 426.
    time::Date::from_julian_day(ordinal + 1_721_425)
        .map_err(|_| invalid(format!("{field}: a date out of range")))
}

/// Money or another exact amount from Python: `decimal.Decimal`, `int` or a decimal string.
/// A float is refused (binary floats cannot hold öre exactly), and so are NaN, infinities and
/// values beyond 28 significant digits — each with the field's name.
pub(crate) fn exact(value: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    let refuse = |what: String| invalid(format!("{field}: {what}"));
    if value.is_instance_of::<PyFloat>() {
        return Err(refuse(
            "expected a decimal.Decimal, an int or a decimal string, got a float (money is never a float)".into(),
        ));
    }
    let text: String = if value.is_instance_of::<PyString>() {
        value.extract()?
    } else {
        let decimal = value.py().import("decimal")?.getattr("Decimal")?;
        if !(value.is_instance(&decimal)? || value.is_instance_of::<pyo3::types::PyInt>())
            || value.is_instance_of::<pyo3::types::PyBool>()
        {
            return Err(refuse(format!(
                "expected a decimal.Decimal, an int or a decimal string, got {}",
                value.get_type().name()?
            )));
        }
        value.str()?.extract()?
    };
    let t = text.trim();
    Decimal::from_str(t)
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| {
            refuse(format!(
                "expected a finite decimal number of at most 28 significant digits, got {:?}",
                po_core::privacy::shown(t)
            ))
        })
}
