//! How a value crosses the boundary, declared once for every language.
//!
//! - [`record!`](crate::record) declares a record: a uniffi `Record` (a Kotlin data
//!   class, a Swift struct) and a frozen Python class with read-only attributes, `==`, a
//!   `__repr__` of its fields and a recursive `to_dict()`. The Python class has the record's name.
//! - [`code_enum!`](crate::code_enum) gives a po-core code list or status a Kotlin
//!   enum and, in Python, its stable code as a `str` (what the `personligt_ombud.codes`
//!   str-enums compare equal to), parsed back from a code or label.
//!
//! Counts are signed (`i64`) at the boundary: Java has no unsigned types.

/// A po-core count as a boundary count (saturating; no register holds 2⁶³ of anything).
pub(crate) fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A boundary count as a po-core count: negative is refused with the field's name.
pub(crate) fn unsigned(n: i64, field: &str) -> Result<u64, super::error::PoError> {
    u64::try_from(n)
        .map_err(|_| super::error::invalid(format!("{field}: expected zero or more, got {n}")))
}

/// Text crossing the boundary: a `String` in Kotlin, Swift and Python, but po-core's own texts
/// (reasons, questions, sources, codes: `&'static str`) are borrowed rather than copied, so
/// that an eligibility assessment does not allocate twenty strings only to hand them over
/// (issue 15: one call from Python ≤ 1.5 µs).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(pub std::borrow::Cow<'static, str>);

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Self {
        Text(std::borrow::Cow::Borrowed(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(std::borrow::Cow::Owned(s))
    }
}

impl From<std::borrow::Cow<'static, str>> for Text {
    fn from(s: std::borrow::Cow<'static, str>) -> Self {
        Text(s)
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Text, String, {
    lower: |t| t.0.into_owned(),
    try_lift: |s| Ok(Text::from(s)),
});

#[cfg(feature = "python")]
impl<'py> pyo3::IntoPyObject<'py> for &Text {
    type Target = pyo3::types::PyString;
    type Output = pyo3::Bound<'py, pyo3::types::PyString>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(pyo3::types::PyString::new(py, &self.0))
    }
}

#[cfg(feature = "python")]
impl<'py> pyo3::IntoPyObject<'py> for Text {
    type Target = pyo3::types::PyString;
    type Output = pyo3::Bound<'py, pyo3::types::PyString>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

#[cfg(feature = "python")]
impl pyo3::FromPyObject<'_, '_> for Text {
    type Error = pyo3::PyErr;
    fn extract(ob: pyo3::Borrowed<'_, '_, pyo3::PyAny>) -> Result<Self, Self::Error> {
        Ok(Text::from(ob.extract::<String>()?))
    }
}

/// Declares a record crossing to every language (see the module docs). Extra Python methods go
/// in a `#[pymethods]` block of their own (the `python` feature enables pyo3's
/// `multiple-pymethods`).
macro_rules! record {
    (
        $(#[$doc:meta])*
        $name:ident { $($(#[$fattr:meta])* $field:ident : $ty:ty),* $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        #[cfg_attr(
            feature = "python",
            pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "personligt_ombud")
        )]
        pub struct $name { $($(#[$fattr])* pub $field: $ty),* }

        #[cfg(feature = "python")]
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
                $(d.set_item(
                    stringify!($field),
                    $crate::record::ToPlain::plain(&self.$field, py)?,
                )?;)*
                Ok(d)
            }
        }

        #[cfg(feature = "python")]
        impl $crate::record::ToPlain for $name {
            fn plain<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                Ok(self.to_dict(py)?.into_any())
            }
        }
    };
}
pub(crate) use record;

/// Gives a po-core enum with `code()` its boundary form: a mirror enum here (po-core carries no
/// binding code, and the orphan rule keeps foreign traits off its types), converted both ways by
/// exhaustive matches so that a variant added in po-core stops the build until it is mirrored.
/// In Kotlin it is an enum (`uniffi::Enum`); in Python its code, a `str` (what the
/// `personligt_ombud.codes` str-enums compare equal to).
macro_rules! code_enum {
    ($($(#[$doc:meta])* $name:ident = $core:path { $($(#[$vdoc:meta])* $variant:ident),* $(,)? })*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum $name { $($(#[$vdoc])* $variant),* }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                use $core as Core;
                match v { $(Core::$variant => $name::$variant),* }
            }
        }

        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                use $core as Core;
                match v { $($name::$variant => Core::$variant),* }
            }
        }

        impl $name {
            /// The machine code, as po-core writes it.
            pub fn code(self) -> &'static str {
                <$core>::from(self).code()
            }
        }

        #[cfg(feature = "python")]
        impl<'py> pyo3::IntoPyObject<'py> for $name {
            type Target = pyo3::types::PyString;
            type Output = pyo3::Bound<'py, pyo3::types::PyString>;
            type Error = std::convert::Infallible;
            fn into_pyobject(self, py: pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(pyo3::types::PyString::new(py, self.code()))
            }
        }

        #[cfg(feature = "python")]
        impl $crate::record::ToPlain for $name {
            fn plain<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                Ok(pyo3::types::PyString::new(py, self.code()).into_any())
            }
        }
    )*};
}
pub(crate) use code_enum;

#[cfg(feature = "python")]
pub(crate) use plain::ToPlain;

#[cfg(feature = "python")]
mod plain {
    use std::collections::BTreeMap;

    use pyo3::prelude::*;
    use pyo3::types::{PyDict, PyList};
    use pyo3::IntoPyObjectExt;
    use rust_decimal::Decimal;
    use time::Date;

    /// A value as plain Python data: nested records become dicts (what `to_dict()` returns).
    pub(crate) trait ToPlain {
        /// The plain form.
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
    plain_by_conversion!(String, bool, u8, i32, i64, u64, Decimal, Date);

    impl ToPlain for super::Text {
        fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            Ok(pyo3::types::PyString::new(py, &self.0).into_any())
        }
    }

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

    /// In key order, so that `to_dict()` is the same on every run.
    impl<T: ToPlain> ToPlain for std::collections::HashMap<String, T> {
        fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let d = PyDict::new(py);
            let mut keys: Vec<&String> = self.keys().collect();
            keys.sort();
            for k in keys {
                d.set_item(k, self[k].plain(py)?)?;
            }
            Ok(d.into_any())
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
}
