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

    /// The language of the environment's locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG`,
    /// the first set (as POSIX orders them); Swedish when it begins with `sv`. Decided:
    /// without a Swedish locale (`C`, `POSIX`, unset, any other language) English, as scripts
    /// and machines expect. What the command and the boundary's messages follow unless told.
    #[must_use]
    pub fn of_locale() -> Language {
        let swedish = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .is_some_and(|v| v.starts_with("sv"));
        if swedish {
            Language::Sv
        } else {
            Language::En
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
