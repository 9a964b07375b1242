//! Priority policies as Kotlin/Java construct them (`PriorityPolicy.preset`, `.fromJson`).

use std::sync::Arc;

use crate::error::PoError;
use crate::priority::{Applicant, PriorityPolicy};

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

/// An applicant in no priority group, for Java: add the rest with the `with…` methods
/// (`applicant("a", born, queued).withHomelessOrAtRisk(true)`).
#[uniffi::export]
pub fn applicant(id: String, birth_date: time::Date, queued_on: time::Date) -> Applicant {
    Applicant {
        id,
        birth_date,
        queued_on,
        area: None,
        left_queue_on: None,
        children_at_home: false,
        children_at_risk_of_harm: false,
        homeless_or_at_risk: false,
        lacking_contacts: false,
    }
}

// Java has no named arguments: each field that has a default is set by a method returning a
// changed copy (a record's methods, uniffi ≥ 0.29).
#[uniffi::export]
impl Applicant {
    /// The same applicant in `area`.
    pub fn with_area(&self, area: String) -> Applicant {
        Applicant {
            area: Some(area),
            ..self.clone()
        }
    }

    /// The same applicant, who left the queue on `left_queue_on`.
    pub fn with_left_queue_on(&self, left_queue_on: time::Date) -> Applicant {
        Applicant {
            left_queue_on: Some(left_queue_on),
            ..self.clone()
        }
    }

    /// The same applicant, with children at home (and whether they risk harm).
    pub fn with_children_at_home(&self, at_risk_of_harm: bool) -> Applicant {
        Applicant {
            children_at_home: true,
            children_at_risk_of_harm: at_risk_of_harm,
            ..self.clone()
        }
    }

    /// The same applicant, homeless or at risk of it.
    pub fn with_homeless_or_at_risk(&self) -> Applicant {
        Applicant {
            homeless_or_at_risk: true,
            ..self.clone()
        }
    }

    /// The same applicant, lacking contacts, services or a network.
    pub fn with_lacking_contacts(&self) -> Applicant {
        Applicant {
            lacking_contacts: true,
            ..self.clone()
        }
    }
}
