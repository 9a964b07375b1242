//! Personligt ombud Värmland: its municipalities, areas and leadership group.
//!
//! Karlstad is the host (huvudman) of a county-wide service with four areas (seed 004, seed
//! 000); Hammarö took part in 2020 and left at the turn of 2020/21 (seed 004; the 2023 report,
//! seed 003, lists 15 participants). The table is `data/varmland-municipalities.csv`, copied from
//! `shared/reference/` with its README. **Caveat from that README:** the population columns are
//! TOTAL population on 31 December (SCB via RegionFakta), NOT the adults (18+) that the
//! cost-sharing key uses; anything that needs adults must take them as input.

use rust_decimal::Decimal;
use time::{macros::date, Date};

use crate::organisation::{
    LeadershipGroup, LeadershipMember, LeadershipRole, Municipality, MunicipalityCode, Participant,
    PoService,
};

/// One row of the bundled table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VarmlandMunicipality {
    /// Kommunkod.
    pub code: &'static str,
    /// Name.
    pub name: &'static str,
    /// Area (område) in 2020, `None` if not participating.
    pub area_2020: Option<&'static str>,
    /// Area (område) in 2023, `None` if not participating.
    pub area_2023: Option<&'static str>,
    /// TOTAL population on 2021-12-31 (not adults; see the module caveat).
    pub total_population_2021_12_31: u32,
    /// TOTAL population on 2023-12-31 (not adults; see the module caveat).
    pub total_population_2023_12_31: u32,
}

macro_rules! row {
    ($code:literal, $name:literal, $a20:expr, $a23:expr, $p21:literal, $p23:literal) => {
        VarmlandMunicipality {
            code: $code,
            name: $name,
            area_2020: $a20,
            area_2023: $a23,
            total_population_2021_12_31: $p21,
            total_population_2023_12_31: $p23,
        }
    };
}

const C: Option<&str> = Some("Centrala");
const N: Option<&str> = Some("Norra");
const V: Option<&str> = Some("Västra");
const O: Option<&str> = Some("Östra");

/// The 16 rows of `data/varmland-municipalities.csv`, in its order.
pub const MUNICIPALITIES: [VarmlandMunicipality; 16] = [
    row!("1784", "Arvika", V, V, 25854, 25682),
    row!("1730", "Eda", V, V, 8490, 8499),
    row!("1782", "Filipstad", O, O, 10403, 10034),
    row!("1763", "Forshaga", C, C, 11606, 11538),
    row!("1764", "Grums", C, C, 9091, 9057),
    row!("1783", "Hagfors", N, N, 11553, 11536),
    row!("1761", "Hammarö", C, None, 16765, 16940),
    row!("1780", "Karlstad", C, C, 95408, 97233),
    row!("1715", "Kil", C, C, 12134, 12085),
    row!("1781", "Kristinehamn", O, O, 24099, 23817),
    row!("1762", "Munkfors", N, N, 3680, 3669),
    row!("1760", "Storfors", O, O, 3948, 3801),
    row!("1766", "Sunne", N, N, 13355, 13366),
    row!("1785", "Säffle", V, V, 15396, 15011),
    row!("1737", "Torsby", N, N, 11472, 11387),
    row!("1765", "Årjäng", V, V, 9942, 9893),
];

/// The last day Hammarö took part (it left at the turn of 2020/21, seed 004).
pub const HAMMARO_LEFT: Date = date!(2020 - 12 - 31);

/// The host municipality, Karlstad (seeds 004, 000).
pub const HOST: &str = "1780";

/// The service over 2020–2023: 16 participants in 2020, 15 from 2021 (Hammarö left on
/// [`HAMMARO_LEFT`]), four areas, ten full-time positions (seeds 003, 004).
pub fn service() -> PoService {
    let participants = MUNICIPALITIES
        .iter()
        .filter_map(|m| {
            let code = MunicipalityCode::parse(m.code).ok()?;
            Some(Participant {
                municipality: Municipality {
                    code,
                    name: m.name.to_owned(),
                },
                area: m.area_2020.or(m.area_2023).map(str::to_owned),
                joined: None,
                left: if m.area_2023.is_none() {
                    Some(HAMMARO_LEFT)
                } else {
                    None
                },
            })
        })
        .collect();
    let host = MunicipalityCode::parse(HOST);
    match host
        .and_then(|h| PoService::new("Personligt ombud Värmland", h, participants, Decimal::TEN))
    {
        Ok(service) => service,
        // The table above is constant and checked by the tests below.
        Err(e) => unreachable!("bundled Värmland data is invalid: {e}"),
    }
}

/// The leadership group as listed in the 2023 report (seed 003): municipal heads, Region
/// Värmland's psychiatric out-patient care and primary care, the head of the adult department,
/// Försäkringskassan, Arbetsförmedlingen, two user organisations, and the county board co-opted.
pub fn leadership_group_2023() -> LeadershipGroup {
    use LeadershipRole::*;
    let members = [
        (Municipality, "Kommunala förvaltningschefer"),
        (
            RegionPsychiatry,
            "Region Värmland, område psykiatriöppenvård",
        ),
        (RegionPrimaryCare, "Region Värmland, primärvård"),
        (
            Municipality,
            "Avdelningschef vuxenavdelningen (Karlstads kommun)",
        ),
        (Forsakringskassan, "Försäkringskassan"),
        (Arbetsformedlingen, "Arbetsförmedlingen"),
        (UserOrganisation, "Autism- och Aspergerföreningen Värmland"),
        (UserOrganisation, "Hjärnkoll"),
        (Other, "Länsstyrelsen, tjänsteperson adjungerad"),
    ];
    LeadershipGroup {
        members: members
            .iter()
            .map(|&(role, org)| LeadershipMember {
                role,
                organisation: org.to_owned(),
            })
            .collect(),
        organisations_offered_seat: Some(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organisation::County;
    use crate::rules::Status;

    /// The constant table is the bundled CSV, row for row.
    #[test]
    fn table_matches_bundled_csv() {
        let csv = include_str!("../../data/varmland-municipalities.csv");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), MUNICIPALITIES.len());
        for (r, m) in rows.iter().zip(MUNICIPALITIES.iter()) {
            let opt = |s: &str| {
                if s.is_empty() {
                    None
                } else {
                    Some(s.to_owned())
                }
            };
            assert_eq!(&r[0], m.code);
            assert_eq!(&r[1], m.name);
            assert_eq!(opt(&r[2]), m.area_2020.map(str::to_owned));
            assert_eq!(opt(&r[3]), m.area_2023.map(str::to_owned));
            assert_eq!(&r[4] == "ja", m.area_2020.is_some());
            assert_eq!(&r[5] == "ja", m.area_2023.is_some());
            assert_eq!(r[6].parse::<u32>().unwrap(), m.total_population_2021_12_31);
            assert_eq!(r[7].parse::<u32>().unwrap(), m.total_population_2023_12_31);
            // Areas did not change for those who stayed, so one participation each suffices.
            if m.area_2023.is_some() {
                assert_eq!(m.area_2020, m.area_2023);
            }
        }
    }

    #[test]
    fn participants_2020_and_2023() {
        let s = service();
        assert_eq!(s.host().as_str(), "1780");
        assert_eq!(s.positions(), Decimal::TEN);
        assert_eq!(s.participants_on(date!(2020 - 12 - 31)).len(), 16);
        assert_eq!(s.participants_on(date!(2021 - 01 - 01)).len(), 15);
        assert_eq!(s.participants_on(date!(2023 - 06 - 30)).len(), 15);
        let areas = s.areas_on(date!(2023 - 06 - 30));
        let names = |a: &str| areas[a].iter().map(|m| m.name.as_str()).collect::<Vec<_>>();
        // Seed 003: "Centrala – Karlstad (kontor), Forshaga, Grums, Kil" (order of the table).
        assert_eq!(names("Centrala"), ["Forshaga", "Grums", "Karlstad", "Kil"]);
        assert_eq!(names("Östra"), ["Filipstad", "Kristinehamn", "Storfors"]);
        assert_eq!(areas.len(), 4);
        let hammaro = MunicipalityCode::parse("1761").unwrap();
        assert_eq!(s.area_of(hammaro, date!(2020 - 06 - 30)), Some("Centrala"));
        assert_eq!(s.area_of(hammaro, date!(2023 - 06 - 30)), None);
        assert!(s
            .participants()
            .iter()
            .all(|p| p.municipality.county() == County::Varmland));
    }

    #[test]
    fn leadership_group_2023_is_compliant() {
        let c = leadership_group_2023()
            .check(date!(2023 - 12 - 31))
            .unwrap();
        assert_eq!(c.compliant, Status::Met);
        assert!(c.missing.is_empty());
    }
}
