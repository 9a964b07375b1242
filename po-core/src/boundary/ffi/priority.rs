//! Priority policies as Kotlin/Java construct them (`PriorityPolicy.preset`, `.fromJson`).

use std::sync::Arc;

use crate::boundary::error::PoError;
use crate::boundary::priority::PriorityPolicy;

#[uniffi::export]
impl PriorityPolicy {
    /// A named preset: `national_2019`, `varmland_2023` or `stockholm_2021`.
    #[uniffi::constructor]
    pub fn preset(name: String) -> Result<Arc<Self>, PoError> {
        Self::of_preset(&name).map(Arc::new)
    }

    /// A policy from its JSON form, validated.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, PoError> {
        Self::of_json(&json).map(Arc::new)
    }

    /// The policy's name.
    pub fn name(&self) -> String {
        self.policy_name()
    }

    /// Where it comes from (seed or decision).
    pub fn source(&self) -> String {
        self.policy_source()
    }

    /// The group codes in order of precedence.
    pub fn groups(&self) -> Vec<String> {
        self.group_codes()
    }
}
