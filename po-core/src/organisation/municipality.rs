//! Municipalities (kommuner) and counties (län).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::OrganisationError;
use crate::codes::{code_list, CodeList};
use crate::text::clip;

const SCB: &str = "SCB, kommun- och länskoder";

code_list! {
    /// A county (län), by the two-digit code that starts each of its municipalities' codes.
    pub enum County in "county" {
        /// 01 Stockholms län.
        Stockholm = "01", sv "Stockholms län", en "Stockholm County", source SCB;
        /// 03 Uppsala län.
        Uppsala = "03", sv "Uppsala län", en "Uppsala County", source SCB;
        /// 04 Södermanlands län.
        Sodermanland = "04", sv "Södermanlands län", en "Södermanland County", source SCB;
        /// 05 Östergötlands län.
        Ostergotland = "05", sv "Östergötlands län", en "Östergötland County", source SCB;
        /// 06 Jönköpings län.
        Jonkoping = "06", sv "Jönköpings län", en "Jönköping County", source SCB;
        /// 07 Kronobergs län.
        Kronoberg = "07", sv "Kronobergs län", en "Kronoberg County", source SCB;
        /// 08 Kalmar län.
        Kalmar = "08", sv "Kalmar län", en "Kalmar County", source SCB;
        /// 09 Gotlands län.
        Gotland = "09", sv "Gotlands län", en "Gotland County", source SCB;
        /// 10 Blekinge län.
        Blekinge = "10", sv "Blekinge län", en "Blekinge County", source SCB;
        /// 12 Skåne län.
        Skane = "12", sv "Skåne län", en "Skåne County", source SCB;
        /// 13 Hallands län.
        Halland = "13", sv "Hallands län", en "Halland County", source SCB;
        /// 14 Västra Götalands län.
        VastraGotaland = "14", sv "Västra Götalands län", en "Västra Götaland County",
            source SCB;
        /// 17 Värmlands län.
        Varmland = "17", sv "Värmlands län", en "Värmland County", source SCB;
        /// 18 Örebro län.
        Orebro = "18", sv "Örebro län", en "Örebro County", source SCB;
        /// 19 Västmanlands län.
        Vastmanland = "19", sv "Västmanlands län", en "Västmanland County", source SCB;
        /// 20 Dalarnas län.
        Dalarna = "20", sv "Dalarnas län", en "Dalarna County", source SCB;
        /// 21 Gävleborgs län.
        Gavleborg = "21", sv "Gävleborgs län", en "Gävleborg County", source SCB;
        /// 22 Västernorrlands län.
        Vasternorrland = "22", sv "Västernorrlands län", en "Västernorrland County",
            source SCB;
        /// 23 Jämtlands län.
        Jamtland = "23", sv "Jämtlands län", en "Jämtland County", source SCB;
        /// 24 Västerbottens län.
        Vasterbotten = "24", sv "Västerbottens län", en "Västerbotten County", source SCB;
        /// 25 Norrbottens län.
        Norrbotten = "25", sv "Norrbottens län", en "Norrbotten County", source SCB;
    }
}

/// A validated 4-digit kommunkod (e.g. `1780` Karlstad). The county is its first two digits.
///
/// Validation checks the shape and the county; the full list of 290 codes is not bundled, so a
/// well-formed code of a municipality that does not exist is accepted here. Registers check
/// codes against the service's participants instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MunicipalityCode {
    digits: [u8; 4],
    county: County,
}

impl County {
    /// The county's short name as seed 001's tables write it ("Stockholm", "Västra Götaland"):
    /// its English label without " County", which is the Swedish name without "län" and the
    /// genitive s.
    #[must_use]
    pub fn short_name(self) -> &'static str {
        let label = self.label_en();
        label.strip_suffix(" County").unwrap_or(label)
    }

    /// Every county in seed 001's order: its table 1 lists them alphabetically by short name
    /// as Swedish sorts them (å, ä, ö after z: Gotland before Gävleborg, Örebro last but one).
    #[must_use]
    pub fn in_seed_order() -> Vec<County> {
        let mut all: Vec<County> = County::ALL.to_vec();
        all.sort_by_key(|c| crate::text::swedish_order(c.short_name()));
        all
    }

    /// The county whose two-digit code is `number` (17 is Värmland): a table lookup, as a
    /// validating import reads one municipality code per client.
    fn of_number(number: usize) -> Option<County> {
        static BY_NUMBER: std::sync::OnceLock<[Option<County>; 100]> = std::sync::OnceLock::new();
        let table = BY_NUMBER.get_or_init(|| {
            let mut table = [None; 100];
            for &c in County::ALL {
                if let Ok(n) = c.code().parse::<usize>() {
                    if let Some(slot) = table.get_mut(n) {
                        *slot = Some(c);
                    }
                }
            }
            table
        });
        table.get(number).copied().flatten()
    }
}

impl MunicipalityCode {
    /// Parses a kommunkod; `field` names the input in the error.
    pub fn parse_field(
        value: &str,
        field: &'static str,
    ) -> Result<MunicipalityCode, OrganisationError> {
        let err = || OrganisationError::InvalidMunicipalityCode {
            field,
            value: clip(value),
        };
        let t = value.trim().as_bytes();
        let digits: [u8; 4] = t.try_into().map_err(|_| err())?;
        if !digits.iter().all(u8::is_ascii_digit) || &digits[2..] == b"00" {
            return Err(err());
        }
        let county =
            County::of_number(usize::from(digits[0] - b'0') * 10 + usize::from(digits[1] - b'0'))
                .ok_or_else(err)?;
        Ok(MunicipalityCode { digits, county })
    }

    /// Parses a kommunkod (field name `kommunkod` in errors).
    pub fn parse(value: &str) -> Result<MunicipalityCode, OrganisationError> {
        Self::parse_field(value, "kommunkod")
    }

    /// The code as four digits.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this never falls back.
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// The county (län) the municipality lies in.
    pub fn county(&self) -> County {
        self.county
    }

    /// The code as a number below 10 000 (1780 for "1780"): an index for counting by
    /// municipality without a map.
    pub(crate) fn number(&self) -> usize {
        self.digits
            .iter()
            .fold(0, |n, &d| n * 10 + usize::from(d.wrapping_sub(b'0') % 10))
    }
}

impl TryFrom<String> for MunicipalityCode {
    type Error = OrganisationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        MunicipalityCode::parse(&value)
    }
}

impl From<MunicipalityCode> for String {
    fn from(code: MunicipalityCode) -> String {
        code.as_str().to_owned()
    }
}

impl fmt::Display for MunicipalityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for MunicipalityCode {
    type Err = OrganisationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MunicipalityCode::parse(s)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for MunicipalityCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MunicipalityCode".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}$",
            "description": "A municipality code (kommunkod), four digits, e.g. 1780",
        })
    }
}

/// A municipality: its code and name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Municipality {
    /// The kommunkod.
    pub code: MunicipalityCode,
    /// The name, e.g. "Karlstad".
    pub name: String,
}

impl Municipality {
    /// A municipality from a code string and a name.
    pub fn new(code: &str, name: &str) -> Result<Municipality, OrganisationError> {
        Ok(Municipality {
            code: MunicipalityCode::parse(code)?,
            name: name.to_owned(),
        })
    }

    /// The county the municipality lies in.
    pub fn county(&self) -> County {
        self.code.county()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_counties() {
        let k = MunicipalityCode::parse(" 1780 ").unwrap();
        assert_eq!(k.as_str(), "1780");
        assert_eq!(k.county(), County::Varmland);
        assert_eq!(k.county().label_sv(), "Värmlands län");
        assert_eq!(
            MunicipalityCode::parse("0180").unwrap().county(),
            County::Stockholm
        );
        for bad in ["178", "17800", "1100", "9980", "17a0", "1700", "", "١٧٨٠"] {
            let err = MunicipalityCode::parse(bad).unwrap_err();
            assert!(
                matches!(err, OrganisationError::InvalidMunicipalityCode { .. }),
                "{bad}"
            );
        }
        assert_eq!(
            MunicipalityCode::parse("1100").unwrap_err().to_string(),
            "kommunkod: expected a 4-digit kommunkod whose first two digits are a county code \
             (01–25) and last two are not 00, got \"1100\""
        );
        assert_eq!(County::ALL.len(), 21);
        // Every county by its two digits, and only those (02, 11, 15, 16 and 26–99 are none).
        for n in 0..100 {
            let want = County::ALL.iter().find(|c| c.code() == format!("{n:02}"));
            let got = MunicipalityCode::parse(&format!("{n:02}01")).ok();
            assert_eq!(got.map(|k| k.county()), want.copied(), "{n:02}");
        }
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, "\"1780\"");
        assert!(serde_json::from_str::<MunicipalityCode>("\"2600\"").is_err());
    }
}
