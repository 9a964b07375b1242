//! The leadership group (ledningsgrupp), SFS 2013:522 5 § second paragraph.
//!
//! As issued (2013-08-01) the paragraph required representatives of "kommunen, landstingets
//! primärvård och psykiatri, Arbetsförmedlingen och Försäkringskassan" and that "patient-,
//! brukar- och närståendeorganisationer ska erbjudas att delta" (quoted in seed 001). SFS
//! 2019:1094 (in force 2020-01-01) wrote "regionens" and "anhörigorganisationer"
//! (`shared/reference/sfs-2013-522.txt`). The roles are the same; the wording of the findings
//! follows the text in force on the date checked.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::codes::{code_list, src, CodeList};
use crate::rules::{overall, Finding, NoRuleSet, RuleSet, Status};

const FIVE: &str = "SFS 2013:522 5 § andra stycket";

code_list! {
    /// The role a member of the leadership group represents.
    pub enum LeadershipRole in "leadership_role" {
        /// Kommunen.
        Municipality = "municipality", sv "Kommunen", en "The municipality", source FIVE;
        /// Regionens (landstingets) primärvård.
        RegionPrimaryCare = "region_primary_care", sv "Regionens primärvård",
            en "The region's primary care", source FIVE,
            aliases ["Landstingets primärvård", "Primärvården"];
        /// Regionens (landstingets) psykiatri.
        RegionPsychiatry = "region_psychiatry", sv "Regionens psykiatri",
            en "The region's psychiatry", source FIVE,
            aliases ["Landstingets psykiatri", "Psykiatrin"];
        /// Arbetsförmedlingen.
        Arbetsformedlingen = "arbetsformedlingen", sv "Arbetsförmedlingen",
            en "Public Employment Service (Arbetsförmedlingen)", source FIVE;
        /// Försäkringskassan.
        Forsakringskassan = "forsakringskassan", sv "Försäkringskassan",
            en "Social Insurance Agency (Försäkringskassan)", source FIVE;
        /// Patientorganisation.
        PatientOrganisation = "patient_organisation", sv "Patientorganisation",
            en "Patient organisation", source FIVE;
        /// Brukarorganisation.
        UserOrganisation = "user_organisation", sv "Brukarorganisation",
            en "User organisation", source FIVE;
        /// Anhörigorganisation (närståendeorganisation before 2020).
        RelativesOrganisation = "relatives_organisation", sv "Anhörigorganisation",
            en "Relatives' organisation", source FIVE, aliases ["Närståendeorganisation"];
        /// Others, e.g. the county board as co-opted member (seed 003).
        Other = "other", sv "Övrig", en "Other", source src::SEED_003, aliases ["Övriga"];
    }
}

impl LeadershipRole {
    /// The five roles 5 § requires ("ska det finnas en ledningsgrupp med representanter för").
    pub const REQUIRED: [LeadershipRole; 5] = [
        LeadershipRole::Municipality,
        LeadershipRole::RegionPrimaryCare,
        LeadershipRole::RegionPsychiatry,
        LeadershipRole::Arbetsformedlingen,
        LeadershipRole::Forsakringskassan,
    ];

    /// Whether the role is a patient, user or relatives' organisation (5 §: "ska erbjudas att
    /// delta").
    pub fn is_organisation(self) -> bool {
        matches!(
            self,
            LeadershipRole::PatientOrganisation
                | LeadershipRole::UserOrganisation
                | LeadershipRole::RelativesOrganisation
        )
    }

    /// The statute's wording of the role under `rule_set` (Swedish, English).
    fn wording(self, rule_set: RuleSet) -> (&'static str, &'static str) {
        let old = rule_set == RuleSet::Sfs2013_522;
        match self {
            LeadershipRole::RegionPrimaryCare if old => (
                "landstingets primärvård",
                "the county council's primary care",
            ),
            LeadershipRole::RegionPsychiatry if old => {
                ("landstingets psykiatri", "the county council's psychiatry")
            }
            LeadershipRole::RegionPrimaryCare => {
                ("regionens primärvård", "the region's primary care")
            }
            LeadershipRole::RegionPsychiatry => ("regionens psykiatri", "the region's psychiatry"),
            other => (other.label_sv(), other.label_en()),
        }
    }
}

/// A member of the leadership group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeadershipMember {
    /// The role represented.
    pub role: LeadershipRole,
    /// The organisation or function, e.g. "Region Värmland, psykiatriöppenvård".
    #[serde(default)]
    pub organisation: String,
}

/// A leadership group as recorded: its members and whether patient, user and relatives'
/// organisations were offered a seat.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeadershipGroup {
    /// The members.
    pub members: Vec<LeadershipMember>,
    /// Whether the organisations were offered a seat; `None` if not recorded. When an
    /// organisation is a member, the offer was evidently made whatever this says.
    #[serde(default)]
    pub organisations_offered_seat: Option<bool>,
}

/// The result of checking a leadership group against 5 § as in force on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeadershipCheck {
    /// The date checked.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub as_of: Date,
    /// The rule set in force on that date.
    pub rule_set: RuleSet,
    /// The version of po that checked.
    pub library_version: String,
    /// Met if every requirement is met, not met if any is not, otherwise unknown.
    pub compliant: Status,
    /// Required roles with no member.
    pub missing: Vec<LeadershipRole>,
    /// One finding per required role, then one for the offer to organisations.
    pub findings: Vec<Finding>,
}

impl LeadershipGroup {
    /// Checks the group against 5 § as in force on `as_of` (before 2013-08-01 is an error).
    pub fn check(&self, as_of: Date) -> Result<LeadershipCheck, NoRuleSet> {
        let rule_set = RuleSet::in_force_on(as_of, "as_of")?;
        let source = format!("{FIVE}, {}", rule_set.citation());
        let has = |role: LeadershipRole| self.members.iter().any(|m| m.role == role);

        let mut findings = Vec::with_capacity(6);
        let mut missing = Vec::new();
        for role in LeadershipRole::REQUIRED {
            let (sv, en) = role.wording(rule_set);
            let (status, reason_sv, reason_en) = if has(role) {
                (
                    Status::Met,
                    format!("Ledningsgruppen har en representant för {sv}."),
                    format!("The leadership group has a representative of {en}."),
                )
            } else {
                missing.push(role);
                (
                    Status::NotMet,
                    format!("Representant för {sv} saknas; 5 § kräver en sådan."),
                    format!("No representative of {en}; 5 § requires one."),
                )
            };
            findings.push(Finding {
                criterion: format!("member_{}", role.code()).into(),
                status,
                reason_sv: reason_sv.into(),
                reason_en: reason_en.into(),
                source: source.clone().into(),
            });
        }

        let orgs_sv = if rule_set == RuleSet::Sfs2013_522 {
            "patient-, brukar- och närståendeorganisationer"
        } else {
            "patient-, brukar- och anhörigorganisationer"
        };
        let (status, reason_sv, reason_en) =
            if self.members.iter().any(|m| m.role.is_organisation()) {
                (
                    Status::Met,
                    format!("En eller flera av {orgs_sv} deltar, så plats har erbjudits."),
                    "A patient, user or relatives' organisation takes part, so a seat was offered."
                        .to_owned(),
                )
            } else {
                match self.organisations_offered_seat {
                    Some(true) => (
                        Status::Met,
                        format!("Plats har erbjudits {orgs_sv}, som inte deltar."),
                        "A seat was offered to patient, user and relatives' organisations; none \
                         takes part."
                            .to_owned(),
                    ),
                    Some(false) => (
                        Status::NotMet,
                        format!("Plats har inte erbjudits {orgs_sv}; 5 § kräver det."),
                        "No seat was offered to patient, user and relatives' organisations; 5 § \
                         requires it."
                            .to_owned(),
                    ),
                    None => (
                        Status::Unknown,
                        format!("Okänt om plats har erbjudits {orgs_sv}: fråga verksamheten."),
                        "Unknown whether patient, user and relatives' organisations were offered \
                         a seat: ask the service."
                            .to_owned(),
                    ),
                }
            };
        findings.push(Finding {
            criterion: "organisations_offered_seat".into(),
            status,
            reason_sv: reason_sv.into(),
            reason_en: reason_en.into(),
            source: source.into(),
        });

        let compliant = overall(&findings);
        Ok(LeadershipCheck {
            as_of,
            rule_set,
            library_version: crate::VERSION.to_owned(),
            compliant,
            missing,
            findings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn group(roles: &[LeadershipRole], offered: Option<bool>) -> LeadershipGroup {
        LeadershipGroup {
            members: roles
                .iter()
                .map(|&role| LeadershipMember {
                    role,
                    organisation: String::new(),
                })
                .collect(),
            organisations_offered_seat: offered,
        }
    }

    #[test]
    fn missing_primary_care_the_commonest_gap_in_seed_001() {
        use LeadershipRole::*;
        let g = group(
            &[
                Municipality,
                RegionPsychiatry,
                Arbetsformedlingen,
                Forsakringskassan,
            ],
            Some(true),
        );
        let c = g.check(date!(2019 - 06 - 30)).unwrap();
        assert_eq!(c.rule_set, RuleSet::Sfs2013_522);
        assert_eq!(c.compliant, Status::NotMet);
        assert_eq!(c.missing, vec![RegionPrimaryCare]);
        let f = &c.findings[1];
        assert_eq!(f.criterion, "member_region_primary_care");
        assert_eq!(f.status, Status::NotMet);
        assert_eq!(
            f.reason_sv,
            "Representant för landstingets primärvård saknas; 5 § kräver en sådan."
        );
        assert!(f
            .source
            .starts_with("SFS 2013:522 5 § andra stycket, SFS 2013:522 (ursprunglig"));
    }

    #[test]
    fn wording_changes_on_2020_01_01() {
        use LeadershipRole::*;
        let g = group(&[Municipality, Arbetsformedlingen, Forsakringskassan], None);
        let before = g.check(date!(2019 - 12 - 31)).unwrap();
        let after = g.check(date!(2020 - 01 - 01)).unwrap();
        assert_eq!(before.rule_set, RuleSet::Sfs2013_522);
        assert_eq!(after.rule_set, RuleSet::Sfs2019_1094);
        assert!(before.findings[2]
            .reason_sv
            .contains("landstingets psykiatri"));
        assert!(after.findings[2].reason_sv.contains("regionens psykiatri"));
        assert!(before.findings[5]
            .reason_sv
            .contains("närståendeorganisationer"));
        assert!(after.findings[5]
            .reason_sv
            .contains("anhörigorganisationer"));
        assert_eq!(before.missing, after.missing);
        assert_eq!(after.findings[5].status, Status::Unknown);
        assert!(g.check(date!(2013 - 07 - 31)).is_err());
    }

    #[test]
    fn offer_to_organisations() {
        use LeadershipRole::*;
        let five = [
            Municipality,
            RegionPrimaryCare,
            RegionPsychiatry,
            Arbetsformedlingen,
            Forsakringskassan,
        ];
        assert_eq!(
            group(&five, Some(true))
                .check(date!(2023 - 01 - 01))
                .unwrap()
                .compliant,
            Status::Met
        );
        assert_eq!(
            group(&five, Some(false))
                .check(date!(2023 - 01 - 01))
                .unwrap()
                .compliant,
            Status::NotMet
        );
        assert_eq!(
            group(&five, None)
                .check(date!(2023 - 01 - 01))
                .unwrap()
                .compliant,
            Status::Unknown
        );
        let mut with_org = five.to_vec();
        with_org.push(UserOrganisation);
        // A member organisation proves the offer even if the flag says otherwise.
        let c = group(&with_org, Some(false))
            .check(date!(2023 - 01 - 01))
            .unwrap();
        assert_eq!(c.compliant, Status::Met);
        assert!(c.missing.is_empty());
    }
}
