//! Local labels: the words an organisation's own system exports, mapped to national codes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    AssignmentCategory, CodeList, ContactReason, Counterpart, DeviationEventType, DeviationLevel,
    DeviationStatus, Gender, IntakeOutcome, UnknownCode,
};
use crate::text::{fold, FoldedMap};

/// A mapping from an organisation's local labels to the values of one code list.
///
/// Parsing tries the local labels first (folded the same way as national labels: case, space,
/// NFD), then the national codes and labels. In JSON it is an object `{ "local label": "code" }`.
#[derive(Clone, PartialEq, Eq)]
pub struct LabelMap<T: CodeList> {
    /// Local label as given → value.
    labels: BTreeMap<String, T>,
    /// Folded label → value, for lookup.
    folded: BTreeMap<String, T>,
    /// Every local label and national spelling as written → the value parsing it by folding
    /// gives (local labels first): the shortcut for exports that write the labels as they are.
    written: FoldedMap<T>,
}

impl<T: CodeList> Default for LabelMap<T> {
    fn default() -> Self {
        LabelMap {
            labels: BTreeMap::new(),
            folded: BTreeMap::new(),
            written: FoldedMap::default(),
        }
    }
}

impl<T: CodeList> std::fmt::Debug for LabelMap<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The lookup tables are the labels' functions: the labels say it all.
        f.debug_map().entries(self.labels.iter()).finish()
    }
}

impl<T: CodeList> LabelMap<T> {
    /// An empty map: parsing then accepts the national codes and labels only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a local label.
    pub fn insert(&mut self, label: &str, value: T) {
        self.labels.insert(label.to_owned(), value);
        self.folded.insert(fold(label), value);
        // A new label can shadow a national spelling or an earlier label: all recomputed (a
        // few dozen spellings, once per label).
        let spellings: Vec<String> = self
            .labels
            .keys()
            .cloned()
            .chain(super::spellings::<T>().map(str::to_owned))
            .collect();
        self.written = spellings
            .into_iter()
            .filter_map(|s| {
                let v = self.parse_folding(&s)?;
                Some((s, v))
            })
            .collect();
    }

    /// Builder form of [`LabelMap::insert`].
    pub fn with(mut self, label: &str, value: T) -> Self {
        self.insert(label, value);
        self
    }

    /// The local labels and their values.
    pub fn entries(&self) -> impl Iterator<Item = (&str, T)> {
        self.labels.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// Parses a national code (exactly as written: the fast path for exports that use codes),
    /// else a local label, else a national label. A code always means itself: a local label
    /// cannot redefine one.
    pub fn parse(&self, input: &str) -> Result<T, UnknownCode> {
        if let Some(v) = super::exact::<T>(input) {
            return Ok(v);
        }
        // Without local labels nothing shadows the national spellings (and `written`, filled
        // by `insert`, is empty).
        let written = if self.labels.is_empty() {
            T::parse_written(input)
        } else {
            self.written.get(input).copied()
        };
        if let Some(v) = written {
            return Ok(v);
        }
        self.parse_folding(input)
            .ok_or_else(|| UnknownCode::new::<T>(input))
    }

    /// A local label, else a national label, by their folded forms.
    fn parse_folding(&self, input: &str) -> Option<T> {
        crate::text::with_folded(input, |folded| {
            self.folded
                .get(folded)
                .copied()
                .or_else(|| T::parse_folded(folded))
        })
    }
}

impl<T: CodeList + Serialize> Serialize for LabelMap<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.labels.serialize(s)
    }
}

impl<'de, T: CodeList + Deserialize<'de>> Deserialize<'de> for LabelMap<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let labels = BTreeMap::<String, T>::deserialize(d)?;
        let mut map = LabelMap::new();
        for (label, value) in labels {
            map.insert(&label, value);
        }
        Ok(map)
    }
}

/// An organisation's local vocabulary for every code list, given as data so that its exports
/// read. Lists not mentioned in the JSON are empty (national labels only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LocalVocabulary {
    /// Name of the organisation or preset.
    pub name: String,
    /// Local labels of contact reasons.
    pub contact_reasons: LabelMap<ContactReason>,
    /// Local labels of assignment categories.
    pub assignment_categories: LabelMap<AssignmentCategory>,
    /// Local labels of intake outcomes.
    pub intake_outcomes: LabelMap<IntakeOutcome>,
    /// Local labels of genders.
    pub genders: LabelMap<Gender>,
    /// Local labels of deviation levels.
    pub deviation_levels: LabelMap<DeviationLevel>,
    /// Local labels of counterparts.
    pub counterparts: LabelMap<Counterpart>,
    /// Local labels of deviation event types.
    pub deviation_event_types: LabelMap<DeviationEventType>,
    /// Local labels of deviation statuses.
    pub deviation_statuses: LabelMap<DeviationStatus>,
}

impl LocalVocabulary {
    /// The named presets: `none` (national codes and labels only) and `varmland`.
    pub const PRESETS: &'static [&'static str] = &["none", "varmland"];

    /// A named preset (see [`LocalVocabulary::PRESETS`]); a service's own mapping is data too
    /// (this struct's JSON form). No local vocabulary is assumed: a service reads its own.
    ///
    /// # Errors
    /// [`UnknownCode`] listing the presets.
    pub fn preset(name: &str) -> Result<Self, UnknownCode> {
        match name.trim() {
            "none" => Ok(LocalVocabulary::default()),
            "varmland" => Ok(LocalVocabulary::varmland()),
            other => Err(UnknownCode {
                labelled: false,
                list: "local_vocabulary",
                value: crate::privacy::shown(other),
                accepted: Self::PRESETS.join(", "),
            }),
        }
    }

    /// Värmland's labels as its reports write them (seeds 003 and 004).
    pub fn varmland() -> Self {
        const EMPLOYER_PENSION: &str = "Stöd i kontakt med arbetsgivare och ansöka om pension";
        LocalVocabulary {
            name: "PO Värmland".to_owned(),
            // Seed 003, footnote to the contact-reason chart.
            contact_reasons: LabelMap::new()
                .with(EMPLOYER_PENSION, ContactReason::EmployerPension)
                .with(
                    "Stöd i kontakt med myndighet och sjukvård",
                    ContactReason::Authorities,
                ),
            assignment_categories: LabelMap::new()
                .with(EMPLOYER_PENSION, AssignmentCategory::EmployerPension),
            // Seed 004 writes the outcomes in the plural and at length; the national aliases
            // already cover them, listed here so the preset is explicit about what it reads.
            intake_outcomes: LabelMap::new()
                .with("Accepterade/köplacerade", IntakeOutcome::Accepted)
                .with(
                    "Tillgodoses behovet på annat sätt",
                    IntakeOutcome::MetOtherwise,
                )
                .with("Bedöms ej tillhöra målgrupp", IntakeOutcome::NotTargetGroup)
                .with(
                    "Resultat saknas/finns ej dokumenterat i statistik",
                    IntakeOutcome::Missing,
                ),
            ..LocalVocabulary::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varmland_label_reads_as_national_code() {
        let v = LocalVocabulary::varmland();
        let label = "  stöd i kontakt med ARBETSGIVARE och ansöka om pension ";
        assert_eq!(
            v.contact_reasons.parse(label),
            Ok(ContactReason::EmployerPension)
        );
        // Without the mapping, the national list does not know the local label.
        assert!(ContactReason::parse(label).is_err());
        // National labels still read through a local map.
        assert_eq!(
            v.contact_reasons.parse("Ekonomi"),
            Ok(ContactReason::Economy)
        );
    }

    #[test]
    fn a_label_as_written_reads_as_folding_reads_it() {
        // A local label shadowing a national one, and two local labels folding alike (the
        // later wins): the as-written shortcut gives what folding gives, in every spelling.
        let map = LabelMap::new()
            .with("Ekonomi", ContactReason::Authorities)
            .with("Bostad", ContactReason::Economy)
            .with("BOSTAD", ContactReason::Housing)
            .with("housing", ContactReason::Economy);
        for (input, want) in [
            ("Ekonomi", ContactReason::Authorities),
            ("ekonomi", ContactReason::Authorities),
            ("Bostad", ContactReason::Housing),
            ("bostad", ContactReason::Housing),
        ] {
            assert_eq!(map.parse(input), Ok(want), "{input}");
            assert_eq!(map.parse_folding(input), Some(want), "{input}");
        }
        // A code always means itself, whatever a local label folding alike says.
        assert_eq!(map.parse("housing"), Ok(ContactReason::Housing));
        assert_eq!(map.parse_folding("housing"), Some(ContactReason::Economy));
        assert_eq!(map.parse("Housing"), Ok(ContactReason::Economy));
        // Every national spelling as written, through Värmland's map, an empty one and none.
        let varmland = LocalVocabulary::varmland();
        for s in crate::codes::spellings::<ContactReason>() {
            let folded = varmland.contact_reasons.parse_folding(s);
            assert_eq!(varmland.contact_reasons.parse(s).ok(), folded, "{s}");
            let empty = LabelMap::<ContactReason>::new();
            assert_eq!(empty.parse(s).ok(), empty.parse_folding(s), "{s}");
            assert_eq!(
                ContactReason::parse(s).ok(),
                ContactReason::parse_folded(&fold(s))
            );
        }
        // Debug shows the labels only.
        assert_eq!(
            format!(
                "{:?}",
                LabelMap::new().with("Pengar", ContactReason::Economy)
            ),
            "{\"Pengar\": Economy}"
        );
    }

    #[test]
    fn json_round_trip_and_unknown_code_in_json() {
        let v = LocalVocabulary::varmland();
        let json = serde_json::to_string(&v).unwrap();
        let back: LocalVocabulary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
        let bad = r#"{"contact_reasons": {"Pengar": "money"}}"#;
        let err = serde_json::from_str::<LocalVocabulary>(bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown contact_reason \"money\""), "{err}");
        let ok: LocalVocabulary =
            serde_json::from_str(r#"{"name": "X", "contact_reasons": {"Pengar": "economy"}}"#)
                .unwrap();
        assert_eq!(
            ok.contact_reasons.parse("PENGAR"),
            Ok(ContactReason::Economy)
        );
    }
}
