//! JSON Schema of the JSON documents po reads (issue 18): the register, a cost-sharing
//! agreement and a priority policy, generated from the types that read them (schemars), so that
//! it cannot drift. Codes are listed as their codes; the readers take their labels too.

/// The JSON Schemas by document: `register`, `agreement`, `policy`.
pub fn document_schemas() -> Vec<(&'static str, serde_json::Value)> {
    fn of<T: schemars::JsonSchema>(title: &str) -> serde_json::Value {
        let mut schema = schemars::schema_for!(T).to_value();
        if let Some(o) = schema.as_object_mut() {
            o.insert("title".into(), title.into());
        }
        schema
    }
    vec![
        (
            "register",
            of::<crate::report::Register>("A service's case register (po's register.json)"),
        ),
        (
            "agreement",
            of::<crate::money::Agreement>(
                "A cost-sharing agreement between the municipalities of a PO service",
            ),
        ),
        (
            "policy",
            of::<crate::priority::PriorityPolicy>(
                "A priority policy: the groups ranked first, in order",
            ),
        ),
        (
            "leadership",
            of::<crate::organisation::LeadershipGroup>(
                "A service's leadership group (SFS 2013:522 5 §): its members by role",
            ),
        ),
        (
            "submission",
            of::<crate::chain::Submission>(
                "One service's 10 § submission to länsstyrelsen (po-submission/4): the service, \
                 its municipalities, the year, who runs it, its exact counts and its report as \
                 published",
            ),
        ),
    ]
}
