//! The shortcomings a service reports to länsstyrelsen for the national report's annex 1
//! (seed 001: "Bilaga 1. Rapporterade brister från verksamheterna", three tables of a
//! shortcoming and its "Konsekvens för den enskilde": in contact with health care, with the
//! social services, and other). 10 § 5 asks each service for the shortcomings it found; the
//! annex summarises them by where they arise.
//!
//! Decided where the sources are silent: the texts are the service's own summary (a line per
//! shortcoming, as a verksamhetsberättelse writes them, seeds 000 and 002–004), never the
//! register's per-deviation texts, which are about one client each; the part of the annex is
//! the counterpart's (`Counterpart`: health care, psychiatry and primary care are health care;
//! the social services theirs; every other counterpart "other"). A text that holds what looks
//! like an identity number is refused, naming its place and never the text.

use serde::{Deserialize, Serialize};

use crate::codes::Counterpart;

/// One shortcoming a service reports, with where it arises and its consequence for the
/// individual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportedShortcoming {
    /// Where it arises (the deviation register's code list).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub counterpart: Counterpart,
    /// The shortcoming (seed 001: "Brist på läkare och läkartider inom psykiatrin").
    pub shortcoming: String,
    /// Its consequence for the individual (seed 001: "Långa väntetider för utredning och
    /// behandling").
    pub consequence: String,
}

impl ReportedShortcoming {
    /// The first of its texts (`shortcoming`, `consequence`) that holds what looks like an
    /// identity number: the one check of every entry point.
    #[must_use]
    pub fn text_naming_a_person(&self) -> Option<&'static str> {
        [
            ("shortcoming", &self.shortcoming),
            ("consequence", &self.consequence),
        ]
        .into_iter()
        .find(|(_, text)| crate::privacy::contains_identity_number(text))
        .map(|(field, _)| field)
    }

    /// The part of annex 1 it belongs to.
    #[must_use]
    pub fn part(&self) -> AnnexPart {
        AnnexPart::of(self.counterpart)
    }
}

/// The three parts of seed 001's annex 1, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnnexPart {
    /// "Brister i kontakt med hälso- och sjukvården".
    HealthCare,
    /// "Brister i kontakt med socialtjänsten".
    SocialServices,
    /// "Övriga rapporterade brister".
    Other,
}

impl AnnexPart {
    /// Every part, in seed 001's order.
    pub const ALL: [AnnexPart; 3] = [
        AnnexPart::HealthCare,
        AnnexPart::SocialServices,
        AnnexPart::Other,
    ];

    /// The part of a counterpart's shortcomings.
    #[must_use]
    pub fn of(counterpart: Counterpart) -> AnnexPart {
        match counterpart {
            Counterpart::HealthCare | Counterpart::Psychiatry | Counterpart::PrimaryCare => {
                AnnexPart::HealthCare
            }
            Counterpart::SocialServices => AnnexPart::SocialServices,
            _ => AnnexPart::Other,
        }
    }

    /// Its code, as its JSON writes it (`health_care`, `social_services`, `other`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            AnnexPart::HealthCare => "health_care",
            AnnexPart::SocialServices => "social_services",
            AnnexPart::Other => "other",
        }
    }

    /// Its heading, seed 001's words in Swedish.
    #[must_use]
    pub fn heading(self, sv: bool) -> &'static str {
        match (self, sv) {
            (AnnexPart::HealthCare, true) => "Brister i kontakt med hälso- och sjukvården",
            (AnnexPart::HealthCare, false) => "Shortcomings in contact with health care",
            (AnnexPart::SocialServices, true) => "Brister i kontakt med socialtjänsten",
            (AnnexPart::SocialServices, false) => {
                "Shortcomings in contact with the social services"
            }
            (AnnexPart::Other, true) => "Övriga rapporterade brister",
            (AnnexPart::Other, false) => "Other shortcomings reported",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_counterpart_falls_in_seed_001_s_part_and_a_person_s_number_is_found() {
        for part in AnnexPart::ALL {
            let json = serde_json::to_string(&part).unwrap();
            assert_eq!(json, format!("\"{}\"", part.code()));
        }
        assert_eq!(
            AnnexPart::of(Counterpart::Psychiatry),
            AnnexPart::HealthCare
        );
        assert_eq!(
            AnnexPart::of(Counterpart::SocialServices),
            AnnexPart::SocialServices
        );
        assert_eq!(
            AnnexPart::of(Counterpart::Forsakringskassan),
            AnnexPart::Other
        );
        let mut s = ReportedShortcoming {
            counterpart: Counterpart::SocialServices,
            shortcoming: "Svårt att få god man".into(),
            consequence: "Klienter hamnar i skulder".into(),
        };
        assert_eq!(s.text_naming_a_person(), None);
        s.consequence = "Gäller 19811218-9876".into();
        assert_eq!(s.text_naming_a_person(), Some("consequence"));
    }
}
