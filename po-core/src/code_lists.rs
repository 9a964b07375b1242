//! Every code list of po by name, for callers that choose the list at run time (bindings, CSV
//! headers, UIs). Typed Rust code uses the enums directly. It sits above the domain modules
//! because it lists their code lists (statistics codes, eligibility areas, leadership roles,
//! counties); `codes` itself depends on none of them.

use crate::codes::{
    AgeBand, AssignmentCategory, CodeInfo, CodeList, ContactReason, Counterpart,
    DeviationEventType, DeviationLevel, DeviationStatus, Gender, IntakeOutcome, UnknownCode,
};
use crate::eligibility::{ContactArea, LifeArea, NeedArea};
use crate::organisation::{County, LeadershipRole, ProviderType};

struct Entry {
    name: &'static str,
    values: fn() -> Vec<&'static CodeInfo>,
    parse: fn(&str) -> Result<&'static CodeInfo, UnknownCode>,
}

fn values<T: CodeList>() -> Vec<&'static CodeInfo> {
    T::ALL.iter().map(|v| v.info()).collect()
}

fn parse<T: CodeList>(s: &str) -> Result<&'static CodeInfo, UnknownCode> {
    T::parse(s).map(|v| v.info())
}

macro_rules! entries {
    ($($t:ty),+ $(,)?) => {
        [$(Entry { name: <$t>::LIST, values: values::<$t>, parse: parse::<$t> }),+]
    };
}

static LISTS: [Entry; 15] = entries![
    ContactReason,
    AssignmentCategory,
    IntakeOutcome,
    Gender,
    AgeBand,
    DeviationLevel,
    Counterpart,
    DeviationEventType,
    DeviationStatus,
    LeadershipRole,
    County,
    ProviderType,
    LifeArea,
    NeedArea,
    ContactArea,
];

/// The machine names of every code list (e.g. `contact_reason`).
pub fn list_names() -> Vec<&'static str> {
    LISTS.iter().map(|e| e.name).collect()
}

fn find(list: &str) -> Result<&'static Entry, UnknownCode> {
    LISTS
        .iter()
        .find(|e| e.name == list.trim())
        .ok_or_else(|| UnknownCode {
            labelled: false,
            list: "code_list",
            value: crate::text::clip(list),
            accepted: list_names().join(", "),
        })
}

/// Every value of the list named `list`, in the list's order.
pub fn values_of(list: &str) -> Result<Vec<&'static CodeInfo>, UnknownCode> {
    find(list).map(|e| (e.values)())
}

/// Parses `value` in the list named `list` (code, label or alias; see [`CodeList::parse`]).
pub fn parse_in(list: &str, value: &str) -> Result<&'static CodeInfo, UnknownCode> {
    (find(list)?.parse)(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name() {
        assert_eq!(list_names().len(), 15);
        assert_eq!(
            parse_in("provider_type", "Stiftelse").unwrap().code,
            "foundation"
        );
        assert_eq!(values_of("intake_outcome").unwrap().len(), 5);
        assert_eq!(parse_in("gender", "Kvinnor").unwrap().code, "woman");
        assert_eq!(parse_in("county", "Värmlands län").unwrap().code, "17");
        let err = values_of("colour").unwrap_err();
        assert_eq!(err.list, "code_list");
        assert!(err
            .accepted
            .starts_with("contact_reason, assignment_category"));
        assert!(parse_in("gender", "x").is_err());
    }
}
