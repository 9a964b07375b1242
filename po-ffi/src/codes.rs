//! Code lists by name (`po_core::code_lists`): the same three functions in every language.

use po_core::code_lists as by_name;
use po_core::codes::CodeInfo;

use super::error::{po, PoError};
use super::record::record;

record! {
    /// One value of a code list: its stable code, its labels and its source.
    CodeValue {
        /// Stable machine code, e.g. `met_otherwise`.
        code: String,
        /// Swedish label.
        label_sv: String,
        /// English label.
        label_en: String,
        /// Source (seed file or statute section).
        source: String,
    }
}

impl From<&CodeInfo> for CodeValue {
    fn from(i: &CodeInfo) -> Self {
        CodeValue {
            code: i.code.to_owned(),
            label_sv: i.label_sv.to_owned(),
            label_en: i.label_en.to_owned(),
            source: i.source.to_owned(),
        }
    }
}

/// The names of every code list (e.g. `contact_reason`).
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn code_list_names() -> Vec<String> {
    by_name::list_names()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Every value of a code list, in order.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn code_list(list: String) -> Result<Vec<CodeValue>, PoError> {
    Ok(by_name::values_of(&list)
        .map_err(po)?
        .into_iter()
        .map(CodeValue::from)
        .collect())
}

/// The value of a code, or of a Swedish or English label (any case, NFC or NFD), in a code
/// list.
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pyfunction)]
pub fn parse_code(list: String, value: String) -> Result<CodeValue, PoError> {
    by_name::parse_in(&list, &value)
        .map(CodeValue::from)
        .map_err(po)
}

#[cfg(feature = "python")]
pub(crate) fn register(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    use pyo3::prelude::*;
    m.add_class::<CodeValue>()?;
    m.add_function(wrap_pyfunction!(code_list_names, m)?)?;
    m.add_function(wrap_pyfunction!(code_list, m)?)?;
    m.add_function(wrap_pyfunction!(parse_code, m)?)?;
    Ok(())
}
