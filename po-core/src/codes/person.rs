//! Gender and age bands, as the published statistics count clients (seeds 001–004).

use super::{code_list, src};

code_list! {
    /// Gender as PO statistics record it: woman, man, or other ("Annat: personer som inte
    /// identifierar sig som man/kvinna", seed 003). Not the legal gender of a personnummer,
    /// which is only ever woman or man (see `IdentityNumber::legal_gender`).
    pub enum Gender in "gender" {
        /// Kvinna.
        Woman = "woman", sv "Kvinna", en "Woman", source src::SEED_001,
            aliases ["Kvinnor", "K", "Women", "Female", "F"];
        /// Man.
        Man = "man", sv "Man", en "Man", source src::SEED_001,
            aliases ["Män", "M", "Men", "Male"];
        /// Annat.
        Other = "other", sv "Annat", en "Other", source src::SEED_003, aliases ["Annan"];
    }
}

code_list! {
    /// The age bands of the published statistics (seed 001 table 3; seeds 002, 003).
    pub enum AgeBand in "age_band" {
        /// 18–29 år.
        From18To29 = "18_29", sv "18–29 år", en "18–29 years", source src::SEED_001,
            aliases ["18-29"];
        /// 30–49 år.
        From30To49 = "30_49", sv "30–49 år", en "30–49 years", source src::SEED_001,
            aliases ["30-49"];
        /// 50–64 år.
        From50To64 = "50_64", sv "50–64 år", en "50–64 years", source src::SEED_001,
            aliases ["50-64"];
        /// 65 år och äldre.
        From65 = "65_plus", sv "65 år-", en "65 years and over", source src::SEED_001,
            aliases ["65+", "65-", "65 år och äldre", "65 år eller äldre"];
    }
}

impl AgeBand {
    /// The band of an age in whole years; `None` under 18 (not in the target group, 2 §).
    pub fn for_age(age: i32) -> Option<AgeBand> {
        match age {
            i32::MIN..=17 => None,
            18..=29 => Some(AgeBand::From18To29),
            30..=49 => Some(AgeBand::From30To49),
            50..=64 => Some(AgeBand::From50To64),
            _ => Some(AgeBand::From65),
        }
    }

    /// The youngest age in the band.
    pub fn min_age(self) -> i32 {
        match self {
            AgeBand::From18To29 => 18,
            AgeBand::From30To49 => 30,
            AgeBand::From50To64 => 50,
            AgeBand::From65 => 65,
        }
    }

    /// The oldest age in the band, `None` for the open band 65+.
    pub fn max_age(self) -> Option<i32> {
        match self {
            AgeBand::From18To29 => Some(29),
            AgeBand::From30To49 => Some(49),
            AgeBand::From50To64 => Some(64),
            AgeBand::From65 => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AgeBand;

    #[test]
    fn bands_cover_adults_without_gaps() {
        assert_eq!(AgeBand::for_age(17), None);
        assert_eq!(AgeBand::for_age(18), Some(AgeBand::From18To29));
        assert_eq!(AgeBand::for_age(29), Some(AgeBand::From18To29));
        assert_eq!(AgeBand::for_age(30), Some(AgeBand::From30To49));
        assert_eq!(AgeBand::for_age(64), Some(AgeBand::From50To64));
        assert_eq!(AgeBand::for_age(65), Some(AgeBand::From65));
        assert_eq!(AgeBand::for_age(120), Some(AgeBand::From65));
        for age in 18..=130 {
            let band = AgeBand::for_age(age).expect("adult");
            assert!(band.min_age() <= age && band.max_age().is_none_or(|m| age <= m));
        }
    }
}
