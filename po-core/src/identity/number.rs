//! Personnummer (folkbokföringslagen 18 §) and samordningsnummer (lag 2022:1697 8 §).

use std::fmt;

use time::{Date, Month};

use super::age::age_on;
use crate::codes::Gender;

/// Whether a number is a personnummer or a samordningsnummer (day + 60).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdentityKind {
    /// Personnummer, folkbokföringslagen (1991:481) 18 §.
    Personnummer,
    /// Samordningsnummer, lag (2022:1697) 8 §: the day of birth plus 60.
    Samordningsnummer,
}

impl IdentityKind {
    /// The code: `personnummer` or `samordningsnummer`.
    pub fn code(self) -> &'static str {
        match self {
            IdentityKind::Personnummer => "personnummer",
            IdentityKind::Samordningsnummer => "samordningsnummer",
        }
    }
}

/// Why a string is not a valid identity number. The messages never contain the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    /// Not one of the accepted shapes.
    #[error(
        "identity number: expected 10 or 12 digits (YYMMDDNNNC or YYYYMMDDNNNC), optionally with \
         '-' or '+' before the last four digits; got {length} characters"
    )]
    Format {
        /// Length of the input in characters (after trimming surrounding white space).
        length: usize,
    },
    /// The birth date part (after subtracting 60 from a samordningsnummer's day) is no date.
    #[error("identity number: the birth date part is not a valid calendar date")]
    InvalidDate,
    /// The birth number is 000, which is never assigned.
    #[error("identity number: the birth number (digits 7–9) is 000, which is never assigned")]
    ZeroBirthNumber,
    /// The Luhn check digit does not match.
    #[error("identity number: the check digit does not match (Luhn over YYMMDDNNN)")]
    CheckDigit,
    /// A birth date after the reference date, or 200 years or more before it (which no living
    /// person has and the 10-digit form cannot write). Found by fuzzing: a 12-digit number
    /// of the year 1212 had no 10-digit form that read back to it.
    #[error(
        "identity number: the birth date is after the date it was written, or 200 years or \
         more before it"
    )]
    BirthDateOutOfRange,
}

/// A valid personnummer or samordningsnummer.
///
/// `Debug` and `Display` never show the number. Use [`IdentityNumber::to_long`] or
/// [`IdentityNumber::to_short_on`] where the number itself must be written (and nowhere near a
/// log or a report), or a [`super::Pseudonym`] instead.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdentityNumber {
    /// Birth date (for a samordningsnummer, the day without the +60).
    birth: Date,
    /// Birth number (födelsenummer / individnummer), 001–999.
    serial: u16,
    /// Check digit.
    check: u8,
    kind: IdentityKind,
}

impl IdentityNumber {
    /// Parses a number in any accepted spelling: `YYMMDDNNNC`, `YYMMDD-NNNC`, `YYMMDD+NNNC`,
    /// `YYYYMMDDNNNC`, `YYYYMMDD-NNNC` (surrounding white space is ignored; any other character
    /// is an error).
    ///
    /// A 10-digit form has no century; it is inferred from `reference`, the date the number was
    /// written on (folkbokföringslagen 18 §: the '-' becomes '+' in the year the person turns
    /// 100): with '-' or no separator, the latest year ending in YY not after the reference
    /// year; with '+', the latest such year at least 100 years before the reference year. A
    /// 12-digit form states its century and ignores `reference` (its separator is not checked).
    pub fn parse(input: &str, reference: Date) -> Result<IdentityNumber, IdentityError> {
        let s = input.trim();
        let bytes = s.as_bytes();
        let length = s.chars().count();
        let format = IdentityError::Format { length };
        if !s.is_ascii() {
            return Err(format);
        }
        // Split off an optional separator before the last four digits.
        let (body, separator) = match bytes.len() {
            11 | 13 if matches!(bytes[bytes.len() - 5], b'-' | b'+') => {
                let sep = bytes[bytes.len() - 5];
                let mut v = bytes[..bytes.len() - 5].to_vec();
                v.extend_from_slice(&bytes[bytes.len() - 4..]);
                (v, Some(sep))
            }
            10 | 12 => (bytes.to_vec(), None),
            _ => return Err(format),
        };
        if !body.iter().all(u8::is_ascii_digit) {
            return Err(format);
        }
        let d: Vec<u32> = body.iter().map(|b| u32::from(b - b'0')).collect();
        let num = |range: std::ops::Range<usize>| d[range].iter().fold(0, |acc, x| acc * 10 + x);
        // The last ten digits are the same in both forms.
        let off = d.len() - 10;
        let yy = num(off..off + 2) as i32;
        let month = num(off + 2..off + 4) as u8;
        let day_written = num(off + 4..off + 6) as u8;
        let serial = num(off + 6..off + 9) as u16;
        let check = d[off + 9] as u8;

        let (day, kind) = if day_written > 60 {
            (day_written - 60, IdentityKind::Samordningsnummer)
        } else {
            (day_written, IdentityKind::Personnummer)
        };
        let month = Month::try_from(month).map_err(|_| IdentityError::InvalidDate)?;

        let year = if off == 2 {
            num(0..4) as i32
        } else {
            // Skatteverket writes '+' from the year a person turns 100: '-' (or none) is the
            // latest year ending in YY up to the reference year, '+' a century before that.
            let latest = match separator {
                Some(b'+') => reference.year() - 100,
                _ => reference.year(),
            };
            latest - (latest - yy).rem_euclid(100)
        };
        let birth =
            Date::from_calendar_date(year, month, day).map_err(|_| IdentityError::InvalidDate)?;
        if birth > reference || reference.year() - birth.year() >= 200 {
            return Err(IdentityError::BirthDateOutOfRange);
        }
        if serial == 0 {
            return Err(IdentityError::ZeroBirthNumber);
        }
        if luhn(&d[off..off + 9]) != u32::from(check) {
            return Err(IdentityError::CheckDigit);
        }
        Ok(IdentityNumber {
            birth,
            serial,
            check,
            kind,
        })
    }

    /// Personnummer or samordningsnummer.
    pub fn kind(&self) -> IdentityKind {
        self.kind
    }

    /// The birth date (for a samordningsnummer, with 60 subtracted from the day).
    pub fn birth_date(&self) -> Date {
        self.birth
    }

    /// The legal gender the birth number encodes: odd for men, even for women
    /// (folkbokföringslagen 18 §, lag 2022:1697 8 §).
    pub fn legal_gender(&self) -> Gender {
        if self.serial % 2 == 1 {
            Gender::Man
        } else {
            Gender::Woman
        }
    }

    /// Age in completed years on `on` (see [`super::age_on`]).
    pub fn age_on(&self, on: Date) -> i32 {
        age_on(self.birth, on)
    }

    /// The day as written in the number (day + 60 for a samordningsnummer).
    fn day_written(&self) -> u8 {
        match self.kind {
            IdentityKind::Personnummer => self.birth.day(),
            IdentityKind::Samordningsnummer => self.birth.day() + 60,
        }
    }

    /// The 12-digit form `YYYYMMDDNNNC` that registers store (folkbokföringslagen 18 §, third
    /// paragraph). Personal data: never log it.
    pub fn to_long(&self) -> String {
        format!(
            "{:04}{:02}{:02}{:03}{}",
            self.birth.year(),
            self.birth.month() as u8,
            self.day_written(),
            self.serial,
            self.check
        )
    }

    /// The 10-digit form `YYMMDD-NNNC` as written on `on`: the separator is '+' from the year
    /// the person turns 100. Personal data: never log it.
    pub fn to_short_on(&self, on: Date) -> String {
        let sep = if on.year() - self.birth.year() >= 100 {
            '+'
        } else {
            '-'
        };
        format!(
            "{:02}{:02}{:02}{}{:03}{}",
            self.birth.year().rem_euclid(100),
            self.birth.month() as u8,
            self.day_written(),
            sep,
            self.serial,
            self.check
        )
    }
}

/// The Luhn check digit over YYMMDDNNN: weights 2,1,2,1,…, digits of products summed.
fn luhn(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let p = if i % 2 == 0 { d * 2 } else { d };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

impl fmt::Debug for IdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdentityNumber")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for IdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            IdentityKind::Personnummer => "[personnummer]",
            IdentityKind::Samordningsnummer => "[samordningsnummer]",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const REF: Date = date!(2026 - 11 - 23);

    /// `yymmddnnn` with its Luhn check digit.
    fn with_check(nine: &str) -> String {
        let d: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
        format!("{nine}{}", luhn(&d))
    }

    #[test]
    fn fuzz_regression_year_1212_has_no_short_form() {
        // cargo fuzz (identity_number): 12 digits with the century 12 parsed, but no 10-digit
        // form reads back to the year 1212. Such a birth date is now refused.
        let reference = date!(1950 - 01 - 01) + time::Duration::days(70 * 365);
        assert_eq!(
            IdentityNumber::parse("12121212+1212", reference),
            Err(IdentityError::BirthDateOutOfRange)
        );
        assert_eq!(
            IdentityNumber::parse("20991231-9816", REF),
            Err(IdentityError::BirthDateOutOfRange)
        );
    }

    #[test]
    fn the_plus_sign_comes_in_the_year_of_the_hundredth_birthday() {
        // Written on 2025-03-01: with '-', 251231 would be born later this year — refused;
        // with '+' it is 1925-12-31, 99 years old and turning 100 this year, which is when
        // Skatteverket starts writing '+'. The short form reads back to the same number.
        let on = date!(2025 - 03 - 01);
        let nine = "251231123";
        let ten = with_check(nine);
        assert_eq!(
            IdentityNumber::parse(&ten, on),
            Err(IdentityError::BirthDateOutOfRange)
        );
        let plus = format!("{}+{}", &ten[..6], &ten[6..]);
        let n = IdentityNumber::parse(&plus, on).unwrap();
        assert_eq!((n.birth_date(), n.age_on(on)), (date!(1925 - 12 - 31), 99));
        assert_eq!(n.to_short_on(on), plus);
        assert_eq!(IdentityNumber::parse(&n.to_short_on(on), on).unwrap(), n);
    }

    #[test]
    fn century_inference_from_reference_date() {
        let p = IdentityNumber::parse("121212-1212", REF).unwrap();
        assert_eq!(p.birth_date(), date!(2012 - 12 - 12));
        let p = IdentityNumber::parse("121212+1212", REF).unwrap();
        assert_eq!(p.birth_date(), date!(1912 - 12 - 12));
        // Same digits, the reference year decides: in 2011 "12" can only be 1912.
        let p = IdentityNumber::parse("1212121212", date!(2011 - 01 - 01)).unwrap();
        assert_eq!(p.birth_date(), date!(1912 - 12 - 12));
        assert_eq!(p.to_short_on(date!(2011 - 01 - 01)), "121212-1212");
        assert_eq!(p.to_short_on(date!(2012 - 01 - 01)), "121212+1212");
        assert_eq!(p.to_long(), "191212121212");
    }

    #[test]
    fn samordningsnummer_day_plus_60() {
        let s = IdentityNumber::parse("19730674-9982", REF).unwrap();
        assert_eq!(s.kind(), IdentityKind::Samordningsnummer);
        assert_eq!(s.birth_date(), date!(1973 - 06 - 14));
        assert_eq!(s.to_long(), "197306749982");
        assert_eq!(s.legal_gender(), Gender::Woman);
    }

    #[test]
    fn errors_name_the_problem_never_the_number() {
        let cases = [
            ("19121212-1213", IdentityError::CheckDigit),
            ("121313-1212", IdentityError::InvalidDate),
            ("20150916-0006", IdentityError::ZeroBirthNumber),
            ("121212 1212", IdentityError::Format { length: 11 }),
            ("12121212", IdentityError::Format { length: 8 }),
            (
                "１２１２１２-１２１２",
                IdentityError::Format { length: 11 },
            ),
        ];
        for (input, expected) in cases {
            let err = IdentityNumber::parse(input, REF).unwrap_err();
            assert_eq!(err, expected, "{input}");
            let msg = err.to_string();
            assert!(!msg.contains("1212") && !msg.contains("0916"), "{msg}");
        }
        // A leap day only exists in leap years: 1900 is not one, 2000 is.
        assert_eq!(
            IdentityNumber::parse("000229+0000", REF),
            Err(IdentityError::InvalidDate)
        );
    }

    #[test]
    fn debug_and_display_hide_the_number() {
        let p = IdentityNumber::parse("19121212-1212", REF).unwrap();
        assert_eq!(
            format!("{p:?}"),
            "IdentityNumber { kind: Personnummer, .. }"
        );
        assert_eq!(p.to_string(), "[personnummer]");
    }
}
