//! A client's contact reasons as a set held in two bytes.
//!
//! SFS 2013:522 10 § 2 asks for the most common contact reasons; the report counts clients per
//! reason (seed 002, table "Kontaktorsak"), so a client either has a reason or not. A list on
//! the heap cost one allocation per client in the import and a pointer to follow in the report
//! (issue 15); a bit per reason costs neither.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::codes::{CodeList, ContactReason};

/// A client's contact reasons: each reason of the code list at most once, iterated in the code
/// list's order. A reason named twice in an export counts once (the table counts clients).
/// Serialised as a list of codes; built from a list, an array or an iterator of reasons.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ContactReasons(u16);

// Every reason needs its own bit.
const _: () = assert!(ContactReason::ALL.len() <= 16);

impl ContactReasons {
    /// No reasons.
    pub const fn new() -> Self {
        ContactReasons(0)
    }

    /// Adds `reason`; false if it was already there.
    pub fn insert(&mut self, reason: ContactReason) -> bool {
        let bit = 1 << reason as u16;
        let new = self.0 & bit == 0;
        self.0 |= bit;
        new
    }

    /// Whether `reason` is one of them.
    pub fn contains(&self, reason: ContactReason) -> bool {
        self.0 & (1 << reason as u16) != 0
    }

    /// How many reasons.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The reasons, in the code list's order.
    pub fn iter(&self) -> impl Iterator<Item = ContactReason> + '_ {
        // The set bits, lowest first: one step per reason, not one per code.
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let i = bits.trailing_zeros() as usize;
            let reason = ContactReason::ALL.get(i).copied()?;
            bits &= bits - 1;
            Some(reason)
        })
    }
}

impl FromIterator<ContactReason> for ContactReasons {
    fn from_iter<I: IntoIterator<Item = ContactReason>>(items: I) -> Self {
        let mut set = ContactReasons::new();
        set.extend(items);
        set
    }
}

impl Extend<ContactReason> for ContactReasons {
    fn extend<I: IntoIterator<Item = ContactReason>>(&mut self, items: I) {
        for r in items {
            self.insert(r);
        }
    }
}

impl From<Vec<ContactReason>> for ContactReasons {
    fn from(reasons: Vec<ContactReason>) -> Self {
        reasons.into_iter().collect()
    }
}

impl<const N: usize> From<[ContactReason; N]> for ContactReasons {
    fn from(reasons: [ContactReason; N]) -> Self {
        reasons.into_iter().collect()
    }
}

impl fmt::Debug for ContactReasons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for ContactReasons {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for ContactReasons {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<ContactReason>::deserialize(deserializer).map(ContactReasons::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContactReason::*;

    #[test]
    fn a_set_in_code_list_order() {
        let mut set = ContactReasons::from([Other, Economy, Housing]);
        assert!(!set.insert(Economy), "already there");
        assert!(set.insert(HealthCare));
        assert_eq!(set.len(), 4);
        assert!(set.contains(Housing) && !set.contains(Occupation));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Economy, Housing, HealthCare, Other]
        );
        assert_eq!(format!("{set:?}"), "[Economy, Housing, HealthCare, Other]");
        assert!(ContactReasons::new().is_empty());
    }

    #[test]
    fn serialised_as_a_list_of_codes() {
        let set = ContactReasons::from(vec![Other, Economy, Other]);
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["economy","other"]"#);
        assert_eq!(serde_json::from_str::<ContactReasons>(&json).unwrap(), set);
        assert!(serde_json::from_str::<ContactReasons>(r#"["pengar"]"#).is_err());
    }
}
