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

/// A value as plain Python data: nested value objects become dicts (what `to_dict()` returns).
pub(crate) trait ToPlain {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! plain_by_conversion {
    ($($t:ty),*) => {$(
        impl ToPlain for $t {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.clone().into_bound_py_any(py)
            }
        }
    )*};
}
plain_by_conversion!(String, bool, i32, i64, u64, Decimal, Date);

impl<T: ToPlain> ToPlain for Option<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.plain(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: ToPlain> ToPlain for Vec<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.plain(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

impl<T: ToPlain> ToPlain for BTreeMap<String, T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        for (k, v) in self {
            d.set_item(k, v.plain(py)?)?;
        }
        Ok(d.into_any())
    }
}

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

value_class! {
    /// What every result carries: the version of po, the rules applied and the date.
    Stamp {
        /// The version of po.
        library_version: String,
        /// The rules applied (rule set, policy, agreement or method, with sources).
        rules: String,
        /// The date they were applied on.
        as_of: Date,
    }
}

impl From<crate::rules::Stamp> for Stamp {
    fn from(s: crate::rules::Stamp) -> Self {
        Stamp {
            library_version: s.library_version,
            rules: s.rules,
            as_of: s.as_of,
        }
    }
}
