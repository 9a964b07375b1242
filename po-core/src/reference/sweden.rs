//! All 290 Swedish municipalities with their names and counties (SCB's "Län och kommuner i
//! kodnummerordning", bundled as `data/swedish-municipalities.csv`; see its README), for the
//! reporting chain's county and national tables (SFS 2013:522 12 and 14 §§).

use std::sync::OnceLock;

use crate::codes::CodeList;
use crate::organisation::{County, MunicipalityCode};

/// One municipality of Sweden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwedishMunicipality {
    /// The kommunkod.
    pub code: MunicipalityCode,
    /// The name.
    pub name: String,
    /// The county.
    pub county: County,
}

/// The 290 municipalities, by kommunkod. The bundled file is checked by a test (290 rows, 21
/// counties, every code in its county), so reading it cannot fail at run time; a row that did
/// not parse would be left out and the count test would say so.
pub fn municipalities() -> &'static [SwedishMunicipality] {
    static ALL: OnceLock<Vec<SwedishMunicipality>> = OnceLock::new();
    ALL.get_or_init(|| {
        let csv = include_str!("../../data/swedish-municipalities.csv");
        csv.lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split(',');
                let (code, name, county) = (f.next()?, f.next()?, f.next()?);
                Some(SwedishMunicipality {
                    code: MunicipalityCode::parse(code).ok()?,
                    name: name.to_owned(),
                    county: County::parse(county).ok()?,
                })
            })
            .collect()
    })
}

/// The municipality with this code, if it is one of the 290.
pub fn municipality(code: MunicipalityCode) -> Option<&'static SwedishMunicipality> {
    municipalities().iter().find(|m| m.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_290_municipalities_in_21_counties() {
        let all = municipalities();
        assert_eq!(all.len(), 290);
        let count = |c: County| all.iter().filter(|m| m.county == c).count();
        assert_eq!(County::ALL.iter().filter(|c| count(**c) > 0).count(), 21);
        // Seed 001 table 1, "Antal kommuner".
        assert_eq!(count(County::VastraGotaland), 49);
        assert_eq!(count(County::Skane), 33);
        assert_eq!(count(County::Stockholm), 26);
        assert_eq!(count(County::Gotland), 1);
        let karlstad = municipality(MunicipalityCode::parse("1780").unwrap()).unwrap();
        assert_eq!(
            (karlstad.name.as_str(), karlstad.county),
            ("Karlstad", County::Varmland)
        );
    }
}
