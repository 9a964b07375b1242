//! The two languages po speaks: Swedish, the language reports are submitted in (SFS 2013:522
//! 10 §, seeds 001–003), and English. Every finding carries its reason in both; every document
//! is written in one of them, throughout. The wording itself lives with the formats
//! ([`crate::io`]).

/// The language of a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl Language {
    /// From its code, `sv` or `en` (ISO 639-1).
    ///
    /// # Errors
    /// [`crate::codes::UnknownCode`] naming the two codes.
    pub fn parse(code: &str) -> Result<Language, crate::codes::UnknownCode> {
        match code.trim() {
            "sv" => Ok(Language::Sv),
            "en" => Ok(Language::En),
            other => Err(crate::codes::UnknownCode {
                labelled: false,
                list: "language",
                value: crate::privacy::shown(other),
                accepted: "sv, en".into(),
            }),
        }
    }

    /// Its code, `sv` or `en` (in file names such as `report-2023.sv.md`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::En => "en",
        }
    }
}
