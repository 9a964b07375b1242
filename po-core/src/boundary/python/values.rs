//! Immutable value objects: `value_class!` declares a frozen pyclass with read-only attributes,
//! `__eq__`, a `__repr__` of its fields and a recursive `to_dict()`; and the conversions of
//! Python input that po-core cannot take as is (money, which must never be a float).

use std::collections::BTreeMap;
use std::str::FromStr;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use pyo3::IntoPyObjectExt;
use rust_decimal::Decimal;
use time::Date;

use super::errors::invalid;

pub(crate) use crate::boundary::record::ToPlain;

/// Declares a value class. Extra `#[pymethods]` (constructors, properties) go in `methods {}`.
macro_rules! value_class {
    (
        $(#[$doc:meta])*
        $name:ident { $($(#[$fdoc:meta])* $field:ident : $ty:ty),* $(,)? }
        $(methods { $($methods:tt)* })?
    ) => {
        $(#[$doc])*
        #[pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "personligt_ombud")]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name { $($(#[$fdoc])* pub $field: $ty),* }

        #[pyo3::pymethods]
        impl $name {
            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                use pyo3::types::PyAnyMethods;
                let parts: Vec<String> = vec![$(
                    format!(
                        "{}={}",
                        stringify!($field),
                        pyo3::IntoPyObjectExt::into_bound_py_any(self.$field.clone(), py)?.repr()?
                    )
                ),*];
                Ok(format!("{}({})", stringify!($name), parts.join(", ")))
            }

            /// The fields as a dict; nested values become dicts too.
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
                use pyo3::types::PyDictMethods;
                let d = pyo3::types::PyDict::new(py);
                $(d.set_item(stringify!($field), $crate::boundary::python::values::ToPlain::plain(&self.$field, py)?)?;)*
                Ok(d)
            }

            $($($methods)*)?
        }

        impl $crate::boundary::python::values::ToPlain for $name {
            fn plain<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                Ok(self.to_dict(py)?.into_any())
            }
        }
    };
}
pub(crate) use value_class;

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
                crate::privacy::shown(t)
            ))
        })
}

/// A count that must not be negative, for po-core's unsigned fields.
pub(crate) fn count(value: i64, field: &str) -> PyResult<u64> {
    u64::try_from(value)
        .map_err(|_| invalid(format!("{field}: expected zero or more, got {value}")))
}
