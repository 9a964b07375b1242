//! Code lists across the boundary.

use crate::code_lists as by_name;
use crate::codes::CodeInfo;

use super::error::po;
use super::PoError;

/// One value of a code list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CodeValue {
    /// Stable machine code.
    pub code: String,
    /// Swedish label.
    pub label_sv: String,
    /// English label.
    pub label_en: String,
    /// Source (seed file or statute section).
    pub source: String,
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
#[uniffi::export]
pub fn code_list_names() -> Vec<String> {
    by_name::list_names()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Every value of a code list, in order.
#[uniffi::export]
pub fn code_list(list: String) -> Result<Vec<CodeValue>, PoError> {
    Ok(by_name::values_of(&list)
        .map_err(po)?
        .into_iter()
        .map(CodeValue::from)
        .collect())
}

/// Parses a code, a Swedish or English label (any case, NFC or NFD) in a code list.
#[uniffi::export]
pub fn parse_code(list: String, value: String) -> Result<CodeValue, PoError> {
    by_name::parse_in(&list, &value)
        .map(CodeValue::from)
        .map_err(po)
}
