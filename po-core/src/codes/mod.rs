//! The code lists PO services record in.
//!
//! Every value has a stable ASCII machine code (its serde form, never changed once published), a
//! Swedish label, an English label and the source it comes from. Parsing accepts the code or
//! either label (and a few documented aliases, such as the plural forms the seeds' tables use),
//! ignoring case and surrounding white space, with å/ä/ö in composed or decomposed (NFD) form.
//!
//! Local vocabularies (a service's own labels, e.g. Värmland's "Stöd i kontakt med arbetsgivare
//! och ansöka om pension") are mapped to national codes with [`LabelMap`] and [`LocalVocabulary`].

mod assignment;
mod contact;
mod deviation;
mod intake;
mod local;
mod person;

pub use assignment::AssignmentCategory;
pub use contact::ContactReason;
pub use deviation::{Counterpart, DeviationEventType, DeviationLevel, DeviationStatus};
pub use intake::IntakeOutcome;
pub use local::{LabelMap, LocalVocabulary};
pub use person::{AgeBand, Gender};

use crate::text::{clip, fold};

/// What is known about one value of a code list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// Stable ASCII machine code; the serde form.
    pub code: &'static str,
    /// Label in Swedish, as the sources write it.
    pub label_sv: &'static str,
    /// Label in English.
    pub label_en: &'static str,
    /// Where the value comes from (seed file or statute section).
    pub source: &'static str,
    /// Further spellings accepted when parsing (e.g. plural forms used in published tables).
    pub aliases: &'static [&'static str],
}

/// A code list: a closed vocabulary whose values can be enumerated, labelled and parsed.
pub trait CodeList: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + Sized + 'static {
    /// Machine name of the list, used in error messages and exports (e.g. `contact_reason`).
    const LIST: &'static str;
    /// Every value, in the order the sources list them (the order for UIs and tables).
    const ALL: &'static [Self];

    /// The code, labels, source and aliases of this value.
    fn info(self) -> &'static CodeInfo;

    /// The value's place in [`CodeList::ALL`] (a table's row): the enum's discriminant, read
    /// without searching the list.
    fn index(self) -> usize;

    /// The stable machine code.
    fn code(self) -> &'static str {
        self.info().code
    }
    /// The Swedish label.
    fn label_sv(self) -> &'static str {
        self.info().label_sv
    }
    /// The English label.
    fn label_en(self) -> &'static str {
        self.info().label_en
    }
    /// The source of the value.
    fn source(self) -> &'static str {
        self.info().source
    }

    /// Parses a code, a Swedish or English label or an alias; see the module docs.
    fn parse(input: &str) -> Result<Self, UnknownCode> {
        // Fast path: exports written by po itself use the codes.
        if let Some(v) = exact::<Self>(input) {
            return Ok(v);
        }
        if let Some(v) = Self::parse_written(input) {
            return Ok(v);
        }
        crate::text::with_folded(input, Self::parse_folded)
            .ok_or_else(|| UnknownCode::new::<Self>(input))
    }

    /// Looks up an input already folded with the crate's text folding (codes, labels, aliases).
    /// The folded forms are computed once per list and kept for the life of the process.
    fn parse_folded(folded: &str) -> Option<Self>;

    /// Looks up a code, label or alias written exactly as the list writes it ("Kvinna"), with
    /// the value folding would give it: exports that use the labels skip folding.
    fn parse_written(input: &str) -> Option<Self>;
}

/// Every spelling of a value as its list writes it (code, labels, aliases).
fn spellings_of<T: CodeList>(v: T) -> impl Iterator<Item = &'static str> {
    let i = v.info();
    [i.code, i.label_sv, i.label_en]
        .into_iter()
        .chain(i.aliases.iter().copied())
}

/// Every spelling of a list's values, in the list's order.
pub(crate) fn spellings<T: CodeList>() -> impl Iterator<Item = &'static str> {
    T::ALL.iter().flat_map(|&v| spellings_of(v))
}

/// Builds the index of a list's spellings as written, each with the value its folded form
/// parses to (so that the shortcut and folding can never disagree); code_list! keeps one per
/// list in a `OnceLock`.
pub(crate) fn written_index<T: CodeList>() -> crate::text::FoldedMap<T> {
    spellings::<T>()
        .filter_map(|s| Some((s.to_owned(), T::parse_folded(&fold(s))?)))
        .collect()
}

/// The value whose code is `input` exactly: the fast path of parsing (exports written by po use
/// the codes). Lengths and first bytes are compared before whole codes: a validating import
/// parses millions of codes against lists of up to 15.
pub(crate) fn exact<T: CodeList>(input: &str) -> Option<T> {
    let first = *input.as_bytes().first()?;
    T::ALL.iter().copied().find(|v| {
        let code = v.code();
        code.len() == input.len() && code.as_bytes()[0] == first && code == input
    })
}

/// Builds the index of folded codes, labels and aliases of a list; code_list! keeps one per
/// list in a `OnceLock`, so parsing folds only its input.
pub(crate) fn folded_index<T: CodeList>() -> crate::text::FoldedMap<T> {
    let mut index = crate::text::FoldedMap::default();
    // Reverse order so that, should two values share a spelling, the first listed wins.
    for &v in T::ALL.iter().rev() {
        for s in spellings_of(v) {
            index.insert(fold(s), v);
        }
    }
    index
}

/// A value that is not in a code list. The message lists what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {list} {value:?}: expected one of {accepted}{}", if *labelled { " (or its Swedish or English label)" } else { "" })]
pub struct UnknownCode {
    /// The list that was searched (e.g. `contact_reason`).
    pub list: &'static str,
    /// The value given, shortened to 60 characters.
    pub value: String,
    /// The accepted codes, comma separated.
    pub accepted: String,
    /// Whether the list's values also have Swedish and English labels (the code lists do;
    /// languages, table names, presets and rounding codes do not).
    pub labelled: bool,
}

impl UnknownCode {
    /// The error for `value` not found in list `T`.
    pub fn new<T: CodeList>(value: &str) -> Self {
        UnknownCode {
            list: T::LIST,
            value: clip(value),
            accepted: T::ALL
                .iter()
                .map(|v| v.code())
                .collect::<Vec<_>>()
                .join(", "),
            labelled: true,
        }
    }
}

/// Defines a code-list enum with its [`CodeInfo`] table, serde as the code, `FromStr` and
/// `Display` (the code). Kept as one macro so that every list behaves identically.
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $list:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal, sv $sv:literal, en $en:literal, source $src:expr
                    $(, aliases [$($alias:literal),* $(,)?])? ;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $crate::codes::CodeList for $name {
            const LIST: &'static str = $list;
            const ALL: &'static [Self] = &[ $( $name::$variant, )+ ];
            fn index(self) -> usize {
                // The variants have no explicit discriminants and `ALL` lists them in order.
                self as usize
            }
            fn info(self) -> &'static $crate::codes::CodeInfo {
                match self {
                    $( $name::$variant => &$crate::codes::CodeInfo {
                        code: $code,
                        label_sv: $sv,
                        label_en: $en,
                        source: $src,
                        aliases: &[$($($alias),*)?],
                    }, )+
                }
            }
            fn parse_folded(folded: &str) -> Option<Self> {
                $name::folded_index_static().get(folded).copied()
            }
            fn parse_written(input: &str) -> Option<Self> {
                static INDEX: ::std::sync::OnceLock<$crate::text::FoldedMap<$name>> =
                    ::std::sync::OnceLock::new();
                INDEX
                    .get_or_init($crate::codes::written_index::<$name>)
                    .get(input)
                    .copied()
            }
        }

        impl $name {
            fn folded_index_static() -> &'static $crate::text::FoldedMap<$name> {
                static INDEX: ::std::sync::OnceLock<$crate::text::FoldedMap<$name>> =
                    ::std::sync::OnceLock::new();
                INDEX.get_or_init($crate::codes::folded_index::<$name>)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::codes::CodeList::code(*self))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::codes::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::codes::CodeList>::parse(s)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::codes::CodeList::code(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                <$name as $crate::codes::CodeList>::parse(&s).map_err(::serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                $crate::codes::code_schema::<$name>()
            }
        }
    };
}
pub(crate) use code_list;

/// The JSON Schema of a code list: one of its codes (the serde form; the reader also takes
/// the Swedish and English labels, listed in the description).
#[cfg(feature = "schema")]
pub(crate) fn code_schema<T: CodeList>() -> schemars::Schema {
    let codes: Vec<&str> = T::ALL.iter().map(|v| v.code()).collect();
    let labels: Vec<String> = T::ALL
        .iter()
        .map(|v| format!("{} / {}", v.label_sv(), v.label_en()))
        .collect();
    schemars::json_schema!({
        "type": "string",
        "enum": codes,
        "description": format!("A code of the list {}; its labels are read too: {}", T::LIST, labels.join(", ")),
    })
}

/// Source citations shared by the code lists (seed files are in `shared/seeds/`).
pub(crate) mod src {
    pub const SEED_000: &str = "seed 000 (PO Värmland, Erfarenhetsrapport 2024)";
    pub const SEED_001: &str = "seed 001 (Socialstyrelsen, Lägesrapport PO 2019)";
    pub const SEED_002: &str = "seed 002 (Stockholms stad, Årsrapport PO 2022, avser 2021)";
    pub const SEED_003: &str = "seed 003 (PO Värmland, Verksamhetsberättelse 2023)";
    pub const SEED_004: &str = "seed 004 (PO Värmland, Verksamhetsberättelse 2020)";
    pub const SFS_2013_522_3: &str = "SFS 2013:522 3 §";
    pub const PO: &str = "po (this library's catch-all)";
}
