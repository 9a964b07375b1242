//! A PO service (verksamhet): alone or jointly run by municipalities, grouped in areas.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{Municipality, MunicipalityCode, OrganisationError};

/// A municipality's participation in a joint service for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The municipality.
    pub municipality: Municipality,
    /// The area (område) it belongs to in this period, if the service has areas.
    #[serde(default)]
    pub area: Option<String>,
    /// First day of participation; `None` = since before the records start.
    #[serde(default)]
    pub joined: Option<Date>,
    /// Last day of participation (inclusive; e.g. 2020-12-31 for a municipality that left at
    /// the turn of 2020/21, seed 004); `None` = still participating.
    #[serde(default)]
    pub left: Option<Date>,
}

impl Participant {
    /// Whether the municipality takes part on `date`.
    pub fn active_on(&self, date: Date) -> bool {
        self.joined.is_none_or(|j| j <= date) && self.left.is_none_or(|l| date <= l)
    }

    fn overlaps(&self, other: &Participant) -> bool {
        let starts_before_other_ends = match (self.joined, other.left) {
            (Some(j), Some(l)) => j <= l,
            _ => true,
        };
        let other_starts_before_self_ends = match (other.joined, self.left) {
            (Some(j), Some(l)) => j <= l,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }
}

/// A PO service: its host municipality, participants over time, areas and positions.
/// Constructed only through validation ([`PoService::new`], or serde which calls it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PoServiceData")]
pub struct PoService {
    name: String,
    host: MunicipalityCode,
    participants: Vec<Participant>,
    positions: Decimal,
}

/// The unvalidated form of [`PoService`] that serde reads.
#[derive(Deserialize)]
struct PoServiceData {
    name: String,
    host: MunicipalityCode,
    participants: Vec<Participant>,
    positions: Decimal,
}

impl TryFrom<PoServiceData> for PoService {
    type Error = OrganisationError;
    fn try_from(d: PoServiceData) -> Result<Self, Self::Error> {
        PoService::new(d.name, d.host, d.participants, d.positions)
    }
}

impl PoService {
    /// Validates and builds a service: at least one participant, no inverted periods, no
    /// municipality twice in overlapping periods, the host among the participants, positions
    /// (full-time equivalents, part-time counted proportionally) not negative.
    pub fn new(
        name: impl Into<String>,
        host: MunicipalityCode,
        participants: Vec<Participant>,
        positions: Decimal,
    ) -> Result<PoService, OrganisationError> {
        if participants.is_empty() {
            return Err(OrganisationError::NoParticipants);
        }
        for p in &participants {
            if let (Some(joined), Some(left)) = (p.joined, p.left) {
                if left < joined {
                    return Err(OrganisationError::InvertedPeriod {
                        municipality: p.municipality.code.to_string(),
                        joined,
                        left,
                    });
                }
            }
        }
        for (i, a) in participants.iter().enumerate() {
            if participants[i + 1..]
                .iter()
                .any(|b| b.municipality.code == a.municipality.code && a.overlaps(b))
            {
                return Err(OrganisationError::DuplicateParticipant {
                    municipality: a.municipality.code.to_string(),
                });
            }
        }
        if !participants.iter().any(|p| p.municipality.code == host) {
            return Err(OrganisationError::HostNotParticipant {
                municipality: host.to_string(),
            });
        }
        if positions.is_sign_negative() && !positions.is_zero() {
            return Err(OrganisationError::NegativePositions {
                value: positions.to_string(),
            });
        }
        Ok(PoService {
            name: name.into(),
            host,
            participants,
            positions,
        })
    }

    /// The service's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The host municipality (employs the ombud, keeps the accounts).
    pub fn host(&self) -> MunicipalityCode {
        self.host
    }

    /// Every participation, as given.
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }

    /// Full-time positions (årsanställningar, SFS 2013:522 8 § 2).
    pub fn positions(&self) -> Decimal {
        self.positions
    }

    /// The participants on `date`, in the order given.
    pub fn participants_on(&self, date: Date) -> Vec<&Participant> {
        self.participants
            .iter()
            .filter(|p| p.active_on(date))
            .collect()
    }

    /// The participation of `code` on `date`, if it took part then.
    pub fn participant_on(&self, code: MunicipalityCode, date: Date) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.municipality.code == code && p.active_on(date))
    }

    /// The area `code` belonged to on `date`.
    pub fn area_of(&self, code: MunicipalityCode, date: Date) -> Option<&str> {
        self.participant_on(code, date)
            .and_then(|p| p.area.as_deref())
    }

    /// Areas on `date` with their municipalities (those without an area are left out).
    pub fn areas_on(&self, date: Date) -> BTreeMap<&str, Vec<&Municipality>> {
        let mut areas: BTreeMap<&str, Vec<&Municipality>> = BTreeMap::new();
        for p in self.participants_on(date) {
            if let Some(area) = p.area.as_deref() {
                areas.entry(area).or_default().push(&p.municipality);
            }
        }
        areas
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn participant(code: &str, joined: Option<Date>, left: Option<Date>) -> Participant {
        Participant {
            municipality: Municipality::new(code, code).unwrap(),
            area: Some("A".into()),
            joined,
            left,
        }
    }

    #[test]
    fn validation_errors() {
        let host = MunicipalityCode::parse("1780").unwrap();
        let ten = Decimal::TEN;
        assert_eq!(
            PoService::new("x", host, vec![], ten),
            Err(OrganisationError::NoParticipants)
        );
        let inverted = participant(
            "1780",
            Some(date!(2021 - 01 - 01)),
            Some(date!(2020 - 01 - 01)),
        );
        assert!(matches!(
            PoService::new("x", host, vec![inverted], ten),
            Err(OrganisationError::InvertedPeriod { .. })
        ));
        let twice = vec![
            participant("1780", None, None),
            participant("1780", Some(date!(2020 - 01 - 01)), None),
        ];
        assert_eq!(
            PoService::new("x", host, twice, ten)
                .unwrap_err()
                .to_string(),
            "participants: municipality 1780 is listed twice for overlapping periods"
        );
        // Leaving and rejoining later is not a duplicate.
        let rejoined = vec![
            participant("1780", None, Some(date!(2019 - 12 - 31))),
            participant("1780", Some(date!(2022 - 01 - 01)), None),
        ];
        assert!(PoService::new("x", host, rejoined, ten).is_ok());
        let other = vec![participant("1784", None, None)];
        assert!(matches!(
            PoService::new("x", host, other, ten),
            Err(OrganisationError::HostNotParticipant { .. })
        ));
        let neg = PoService::new("x", host, vec![participant("1780", None, None)], -ten);
        assert!(matches!(
            neg,
            Err(OrganisationError::NegativePositions { .. })
        ));
    }

    #[test]
    fn serde_validates() {
        let json = r#"{"name":"x","host":"1780","positions":"2.5",
            "participants":[{"municipality":{"code":"1784","name":"Arvika"}}]}"#;
        let err = serde_json::from_str::<PoService>(json)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("host: municipality 1780 is not among the participants"),
            "{err}"
        );
    }
}
