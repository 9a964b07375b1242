//! The assessment itself.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::Date;

use super::input::*;
use super::EligibilityError;
use crate::codes::CodeList;
use crate::identity::age_on;
use crate::rules::{overall, Finding, RuleSet, Status, Text};

/// The source of every criterion (2 § was not changed by SFS 2019:1094).
pub const SOURCE: &str = "SFS 2013:522 2 §";
/// No diagnosis is required (seed 002: "Det finns inget krav på att den enskilde ska ha en
/// psykiatrisk diagnos"; seed 003: "utan krav på diagnos").
const NO_DIAGNOSIS: &str = "SFS 2013:522 2 §; seeds 002, 003: ingen diagnos krävs";

/// Eligible, not eligible, or undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every criterion is met.
    Eligible,
    /// At least one criterion is not met.
    NotEligible,
    /// None is not met, but at least one is unknown: ask the questions.
    Undetermined,
}

impl Outcome {
    /// The machine code (`eligible`, `not_eligible`, `undetermined`), as in the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::NotEligible => "not_eligible",
            Outcome::Undetermined => "undetermined",
        }
    }
}

/// A question still to ask, for an undetermined assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The criterion it settles.
    pub criterion: Text,
    /// The question in Swedish.
    pub sv: Text,
    /// The question in English.
    pub en: Text,
}

/// The result of an assessment: outcome, one finding per criterion, the questions still to
/// ask, and what produced it (rule set, date, readings, library version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The outcome.
    pub outcome: Outcome,
    /// One finding per criterion, in the statute's order: age, psychiatric disability,
    /// difficulties, needs, long-term contacts.
    pub findings: Vec<Finding>,
    /// For an undetermined outcome, what to ask; otherwise empty.
    pub questions: Vec<Question>,
    /// The rule set in force on the assessment date.
    pub rule_set: RuleSet,
    /// The assessment date.
    pub as_of: Date,
    /// The readings used to derive answers from details.
    pub readings: Readings,
    /// The version of po (borrowed: an assessment allocates only what it must).
    pub library_version: std::borrow::Cow<'static, str>,
}

struct Verdict {
    status: Status,
    sv: Text,
    en: Text,
}

fn verdict(status: Status, sv: impl Into<Text>, en: impl Into<Text>) -> Verdict {
    Verdict {
        status,
        sv: sv.into(),
        en: en.into(),
    }
}

/// Assesses `input` against 2 § as in force on `as_of`, deriving answers from details by
/// `readings`. Errors: a date before 2013-08-01, a birth date after `as_of`, an age outside
/// 0..=130, an answer contradicting its details, a zero minimum in the readings.
pub fn assess(
    input: &TargetGroupInput,
    as_of: Date,
    readings: Readings,
) -> Result<Assessment, EligibilityError> {
    let rule_set = checked_rules(as_of, readings)?;

    let age = age_verdict(input.age, as_of)?;
    let disability = answer_verdict(
        input.psychiatric_disability,
        (
            "Personen har en psykisk funktionsnedsättning (ingen diagnos krävs).",
            "The person has a psychiatric disability (no diagnosis is required).",
        ),
        (
            "Personen har ingen psykisk funktionsnedsättning.",
            "The person has no psychiatric disability.",
        ),
        (
            "Okänt om personen har en psykisk funktionsnedsättning.",
            "Unknown whether the person has a psychiatric disability.",
        ),
    );
    let difficulties = criterion_verdict(
        "difficulties",
        &input.difficulties,
        |areas| {
            let n = areas.len();
            let min = usize::from(readings.min_life_areas);
            (
                difficulties_met(n, readings),
                format!(
                    "svårigheter inom {n} livsområden ({}); minst {min} krävs",
                    labels_sv(areas)
                ),
                format!(
                    "difficulties in {n} areas of life ({}); at least {min} required",
                    labels_en(areas)
                ),
            )
        },
        sentences!(
            "betydande och väsentliga svårigheter på flera livsområden",
            "significant and substantial difficulties in several areas of life",
        ),
    )?;
    let needs = criterion_verdict("needs", &input.needs, |areas| {
        let n = areas.len();
        let ok = needs_met(n, readings);
        let (rule_sv, rule_en) = match readings.needs {
            NeedsReading::AllOf => ("alla fyra krävs (lagens \"och\")".to_owned(), "all four required (the statute's \"och\")".to_owned()),
            NeedsReading::AtLeast { min } => (format!("minst {min} krävs"), format!("at least {min} required")),
        };
        (ok, format!("behov av {} av vård, stöd och service, rehabilitering, sysselsättning ({}); {rule_sv}", n, labels_sv(areas)),
         format!("needs in {n} of care, support and service, rehabilitation, occupation ({}); {rule_en}", labels_en(areas)))
    }, sentences!("sammansatta och omfattande behov av vård, stöd och service, rehabilitering och sysselsättning",
        "complex and extensive needs of care, support and service, rehabilitation and occupation"))?;
    let contacts = criterion_verdict("long_term_contacts", &input.long_term_contacts, |areas| {
        let ok = contacts_met(|a| areas.contains(&a), readings);
        let (rule_sv, rule_en) = match readings.contacts {
            ContactsReading::Statute => (
                "lagens lydelse (\"och\"): socialtjänst, primärvård, specialiserad psykiatri och andra myndigheter",
                "the statute's wording (\"och\"): social services, primary care, specialised psychiatry and other authorities",
            ),
            ContactsReading::Stockholm2021 => (
                "Stockholms lydelse (\"eller\", seed 002): socialtjänst, primärvård eller specialiserad psykiatri, och andra myndigheter",
                "Stockholm's wording (\"eller\", seed 002): social services, primary care or specialised psychiatry, and other authorities",
            ),
        };
        (ok, format!("långvariga kontakter med {}; {rule_sv}", labels_sv(areas)),
         format!("long-term contacts with {}; {rule_en}", labels_en(areas)))
    }, sentences!("behov av långvariga kontakter med socialtjänsten, primärvården, den specialiserade psykiatrin och andra myndigheter",
        "need of long-term contacts with social services, primary care, specialised psychiatry and other authorities"))?;

    let verdicts = [
        ("age_18_or_older", SOURCE, age),
        ("psychiatric_disability", NO_DIAGNOSIS, disability),
        ("difficulties_in_several_life_areas", SOURCE, difficulties),
        ("complex_and_extensive_needs", SOURCE, needs),
        ("long_term_contacts", SOURCE, contacts),
    ];
    let findings: Vec<Finding> = verdicts
        .into_iter()
        .map(|(criterion, source, v)| Finding {
            criterion: Text::Borrowed(criterion),
            status: v.status,
            reason_sv: v.sv,
            reason_en: v.en,
            source: cited(source, rule_set),
        })
        .collect();
    let outcome = match overall(&findings) {
        Status::NotMet => Outcome::NotEligible,
        Status::Unknown => Outcome::Undetermined,
        Status::Met => Outcome::Eligible,
    };
    let questions = if outcome == Outcome::Undetermined {
        findings
            .iter()
            .filter(|f| f.status == Status::Unknown)
            .map(|f| question(&f.criterion))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Assessment {
        outcome,
        findings,
        questions,
        rule_set,
        as_of,
        readings,
        library_version: std::borrow::Cow::Borrowed(crate::VERSION),
    })
}

fn age_verdict(age: Age, as_of: Date) -> Result<Verdict, EligibilityError> {
    let Some(years) = age_years(age, as_of)? else {
        return Ok(verdict(
            Status::Unknown,
            "Åldern är okänd; personen måste vara minst 18 år.",
            "The age is unknown; the person must be 18 or older.",
        ));
    };
    Ok(if years >= 18 {
        verdict(
            Status::Met,
            format!("Personen är {years} år, alltså 18 år eller äldre."),
            format!("The person is {years}, i.e. 18 or older."),
        )
    } else {
        verdict(
            Status::NotMet,
            format!(
                "Personen är {years} år; PO riktar sig till personer som är 18 år eller äldre."
            ),
            format!("The person is {years}; PO is for people aged 18 or older."),
        )
    })
}

/// The fixed sentences of a criterion answered yes, no or unknown (Swedish, English).
struct Sentences {
    yes: (&'static str, &'static str),
    no: (&'static str, &'static str),
    unknown: (&'static str, &'static str),
}

/// The three sentences of a criterion from its Swedish and English phrase, as fixed text.
macro_rules! sentences {
    ($sv:literal, $en:literal $(,)?) => {
        Sentences {
            yes: (
                concat!("Personen har ", $sv, "."),
                concat!("The person has ", $en, "."),
            ),
            no: (
                concat!("Personen har inte ", $sv, "."),
                concat!("The person does not have ", $en, "."),
            ),
            unknown: (
                concat!("Okänt om personen har ", $sv, "."),
                concat!("Unknown whether the person has ", $en, "."),
            ),
        }
    };
}
use sentences;

/// A source with the rule set's citation; the four combinations of 2 § are fixed text.
fn cited(source: &'static str, rule_set: RuleSet) -> Text {
    match (source, rule_set) {
        (SOURCE, RuleSet::Sfs2013_522) => {
            Text::Borrowed("SFS 2013:522 2 § (SFS 2013:522 (ursprunglig lydelse, från 2013-08-01))")
        }
        (SOURCE, RuleSet::Sfs2019_1094) => Text::Borrowed(
            "SFS 2013:522 2 § (SFS 2013:522 i lydelse enligt SFS 2019:1094 (från 2020-01-01))",
        ),
        (NO_DIAGNOSIS, RuleSet::Sfs2013_522) => Text::Borrowed(
            "SFS 2013:522 2 §; seeds 002, 003: ingen diagnos krävs (SFS 2013:522 (ursprunglig lydelse, från 2013-08-01))",
        ),
        (NO_DIAGNOSIS, RuleSet::Sfs2019_1094) => Text::Borrowed(
            "SFS 2013:522 2 §; seeds 002, 003: ingen diagnos krävs (SFS 2013:522 i lydelse enligt SFS 2019:1094 (från 2020-01-01))",
        ),
        _ => Text::Owned(format!("{source} ({})", rule_set.citation())),
    }
}

fn answer_verdict(
    answer: Answer,
    yes: (&'static str, &'static str),
    no: (&'static str, &'static str),
    unknown: (&'static str, &'static str),
) -> Verdict {
    match answer {
        Answer::Yes => verdict(Status::Met, yes.0, yes.1),
        Answer::No => verdict(Status::NotMet, no.0, no.1),
        Answer::Unknown => verdict(Status::Unknown, unknown.0, unknown.1),
    }
}

/// A criterion from its answer and/or details. `rule` derives (met, reason sv, reason en) from
/// the distinct details; `what` names the criterion in Swedish and English.
fn criterion_verdict<T: CodeList>(
    field: &'static str,
    c: &Criterion<T>,
    rule: impl Fn(&BTreeSet<T>) -> (bool, String, String),
    what: Sentences,
) -> Result<Verdict, EligibilityError> {
    let derived = c.details.as_ref().map(|d| {
        let set: BTreeSet<T> = d.iter().copied().collect();
        let (ok, sv, en) = rule(&set);
        (if ok { Answer::Yes } else { Answer::No }, sv, en)
    });
    let status = criterion_status(
        field,
        c.answer,
        derived.as_ref().map(|d| d.0 == Answer::Yes),
    )?;
    Ok(match derived {
        Some((_, sv, en)) => verdict(status, capitalise(sv), capitalise(en)),
        None => answer_verdict(
            c.answer.unwrap_or_default(),
            what.yes,
            what.no,
            what.unknown,
        ),
    })
}

/// The rule set in force on `as_of`, once the readings are checked (no minimum of zero).
pub(super) fn checked_rules(as_of: Date, readings: Readings) -> Result<RuleSet, EligibilityError> {
    let rule_set = RuleSet::in_force_on(as_of, "as_of")?;
    if readings.min_life_areas == 0 {
        return Err(EligibilityError::ZeroMinimum {
            field: "min_life_areas",
        });
    }
    if readings.needs == (NeedsReading::AtLeast { min: 0 }) {
        return Err(EligibilityError::ZeroMinimum { field: "needs.min" });
    }
    Ok(rule_set)
}

/// The age in whole years on `as_of`; `None` when unknown. A birth after `as_of` or an age
/// outside 0..=130 is an error.
pub(super) fn age_years(age: Age, as_of: Date) -> Result<Option<i32>, EligibilityError> {
    match age {
        Age::Unknown => Ok(None),
        Age::BirthDate(birth) if birth > as_of => {
            Err(EligibilityError::BornAfterAssessment { as_of })
        }
        Age::BirthDate(birth) => Ok(Some(age_on(birth, as_of))),
        Age::Years(y) if !(0..=130).contains(&y) => {
            Err(EligibilityError::ImplausibleAge { value: y })
        }
        Age::Years(y) => Ok(Some(y)),
    }
}

/// A criterion's status from its direct answer and what its details give (`Some(met)`): the
/// details decide; an answer that contradicts them is an error; without details the answer
/// (unknown when not given).
pub(super) fn criterion_status(
    field: &'static str,
    answer: Option<Answer>,
    derived: Option<bool>,
) -> Result<Status, EligibilityError> {
    let derived_answer = |met: bool| if met { Answer::Yes } else { Answer::No };
    match (answer, derived) {
        (Some(a), Some(met)) if a != Answer::Unknown && a != derived_answer(met) => {
            Err(EligibilityError::Contradiction {
                field,
                answer: a.code(),
                derived: derived_answer(met).code(),
            })
        }
        (_, Some(true)) => Ok(Status::Met),
        (_, Some(false)) => Ok(Status::NotMet),
        (None | Some(Answer::Unknown), None) => Ok(Status::Unknown),
        (Some(Answer::Yes), None) => Ok(Status::Met),
        (Some(Answer::No), None) => Ok(Status::NotMet),
    }
}

/// "Olika livsområden": difficulties in `n` distinct life areas, by the readings' minimum.
pub(super) fn difficulties_met(n: usize, readings: Readings) -> bool {
    n >= usize::from(readings.min_life_areas)
}

/// Needs in `n` distinct areas of the four, by the needs reading.
pub(super) fn needs_met(n: usize, readings: Readings) -> bool {
    match readings.needs {
        NeedsReading::AllOf => n == NeedArea::ALL.len(),
        NeedsReading::AtLeast { min } => n >= usize::from(min),
    }
}

/// Long-term contacts with the areas `has` tells, by the contacts reading: the statute's "och"
/// (all four) or Stockholm's "eller" (seed 002: one of the first three, and other authorities).
pub(super) fn contacts_met(has: impl Fn(ContactArea) -> bool, readings: Readings) -> bool {
    use ContactArea::*;
    match readings.contacts {
        ContactsReading::Statute => ContactArea::ALL.iter().all(|&a| has(a)),
        ContactsReading::Stockholm2021 => {
            (has(SocialServices) || has(PrimaryCare) || has(SpecialisedPsychiatry))
                && has(OtherAuthorities)
        }
    }
}

pub(super) fn question(criterion: &Text) -> Question {
    let (sv, en): (&'static str, &'static str) = match criterion.as_ref() {
        "age_18_or_older" => ("Hur gammal är personen (födelsedatum)?", "How old is the person (date of birth)?"),
        "psychiatric_disability" => (
            "Har personen en psykisk funktionsnedsättning? (Ingen diagnos behövs.)",
            "Does the person have a psychiatric disability? (No diagnosis is needed.)",
        ),
        "difficulties_in_several_life_areas" => (
            "Inom vilka livsområden har personen betydande och väsentliga svårigheter att utföra aktiviteter?",
            "In which areas of life does the person have significant and substantial difficulties carrying out activities?",
        ),
        "complex_and_extensive_needs" => (
            "Har personen sammansatta och omfattande behov av vård, stöd och service, rehabilitering och sysselsättning?",
            "Does the person have complex and extensive needs of care, support and service, rehabilitation and occupation?",
        ),
        _ => (
            "Behöver personen långvariga kontakter med socialtjänsten, primärvården, den specialiserade psykiatrin och andra myndigheter?",
            "Does the person need long-term contacts with social services, primary care, specialised psychiatry and other authorities?",
        ),
    };
    Question {
        criterion: criterion.clone(),
        sv: Text::Borrowed(sv),
        en: Text::Borrowed(en),
    }
}

/// The labels of a set of values, lower case, comma separated; `none` for an empty set.
/// Written straight into the sentence that shows them (`format!` with it allocates once).
struct Labels<'a, T> {
    set: &'a BTreeSet<T>,
    label: fn(T) -> &'static str,
    none: &'static str,
}

impl<T: CodeList> std::fmt::Display for Labels<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        if self.set.is_empty() {
            return f.write_str(self.none);
        }
        for (i, &v) in self.set.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            // Runs without capitals are written whole; only capitals are lowered one by one.
            let label = (self.label)(v);
            let mut start = 0;
            for (i, c) in label.char_indices() {
                if c.is_uppercase() {
                    f.write_str(&label[start..i])?;
                    for l in c.to_lowercase() {
                        f.write_char(l)?;
                    }
                    start = i + c.len_utf8();
                }
            }
            f.write_str(&label[start..])?;
        }
        Ok(())
    }
}

fn labels_sv<T: CodeList>(set: &BTreeSet<T>) -> Labels<'_, T> {
    Labels {
        set,
        label: T::label_sv,
        none: "inga",
    }
}

fn labels_en<T: CodeList>(set: &BTreeSet<T>) -> Labels<'_, T> {
    Labels {
        set,
        label: T::label_en,
        none: "none",
    }
}

/// The sentence with a capital first letter and a full stop, reusing its buffer.
fn capitalise(mut s: String) -> String {
    match s.chars().next() {
        Some(first) if first.is_ascii() => s[..1].make_ascii_uppercase(),
        Some(first) => {
            let upper: String = first.to_uppercase().collect();
            s.replace_range(..first.len_utf8(), &upper);
        }
        None => return s,
    }
    s.push('.');
    s
}
