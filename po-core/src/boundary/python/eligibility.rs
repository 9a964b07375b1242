//! Eligibility (SFS 2013:522 2 §): `assess_eligibility(...)` → `Assessment`.

use crate::codes::CodeList;
use crate::eligibility::{self as core, ContactsReading, NeedsReading};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDict, PyString};
use time::Date;

use super::errors::{invalid, to_py};
use super::values::value_class;

value_class! {
    /// One criterion of a decision: met / not_met / unknown, why (sv, en) and the source.
    Finding {
        /// Machine name of the criterion (e.g. `member_region_psychiatry`).
        criterion: String,
        /// `met`, `not_met` or `unknown`.
        status: String,
        /// Why, in Swedish.
        reason_sv: String,
        /// Why, in English.
        reason_en: String,
        /// The legal or seed source of the criterion.
        source: String,
    }
}

impl From<crate::rules::Finding> for Finding {
    fn from(f: crate::rules::Finding) -> Self {
        Finding {
            criterion: f.criterion.into_owned(),
            status: f.status.code().to_owned(),
            reason_sv: f.reason_sv.into_owned(),
            reason_en: f.reason_en.into_owned(),
            source: f.source.into_owned(),
        }
    }
}

value_class! {
    /// A question the assessment still needs answered.
    Question {
        /// The criterion it settles.
        criterion: String,
        /// The question in Swedish.
        sv: String,
        /// The question in English.
        en: String,
    }
}

value_class! {
    /// How the statute's wording is read: how many life areas are "several", how many need
    /// areas are required (None = all four, the statute's "och"), and the contacts wording
    /// (`statute` or `stockholm_2021`, seed 002's "eller").
    Readings {
        /// "Olika livsområden": the least number of life areas with difficulties (2:
        /// "several" is more than one).
        min_life_areas: i64,
        /// How many of the four need areas are required; `None` = all four (the statute's "och").
        needs_at_least: Option<i64>,
        /// How "long-term contacts" is read: `statute` or `stockholm_2021` (seed 002's "eller").
        contacts: String,
    }
    methods {
        #[new]
        #[pyo3(signature = (*, min_life_areas = 2, needs_at_least = None, contacts = "statute"))]
        fn new(min_life_areas: i64, needs_at_least: Option<i64>, contacts: &str) -> PyResult<Self> {
            let r = Readings { min_life_areas, needs_at_least, contacts: contacts.to_owned() };
            r.to_core()?;
            Ok(r)
        }

        /// The named readings: `statute` or `stockholm_2021`.
        #[staticmethod]
        fn preset(name: &str) -> PyResult<Self> {
            core::Readings::preset(name).map(Readings::from).map_err(to_py)
        }
    }
}

impl From<core::Readings> for Readings {
    fn from(r: core::Readings) -> Self {
        Readings {
            min_life_areas: i64::from(r.min_life_areas),
            needs_at_least: r.needs.at_least().map(i64::from),
            contacts: r.contacts.code().to_owned(),
        }
    }
}

fn small(field: &str, v: i64) -> PyResult<u8> {
    u8::try_from(v).map_err(|_| invalid(format!("{field}: expected 1 to 255, got {v}")))
}

impl Readings {
    fn to_core(&self) -> PyResult<core::Readings> {
        Ok(core::Readings {
            min_life_areas: small("readings.min_life_areas", self.min_life_areas)?,
            needs: NeedsReading::from_at_least(
                self.needs_at_least
                    .map(|n| small("readings.needs_at_least", n))
                    .transpose()?,
            ),
            contacts: ContactsReading::from_code(&self.contacts).map_err(to_py)?,
        })
    }
}

value_class! {
    /// The outcome (`eligible`, `not_eligible`, `undetermined`), every finding, the open
    /// questions, the rule set and date applied, the readings, and the version of po.
    Assessment {
        /// `eligible`, `not_eligible` or `undetermined`.
        outcome: String,
        /// One finding per criterion, in the statute's order: age, psychiatric
        /// disability, difficulties, needs, long-term contacts.
        findings: Vec<Finding>,
        /// For an undetermined outcome, what to ask; otherwise empty.
        questions: Vec<Question>,
        /// The rule set in force on the assessment date.
        rule_set: String,
        /// The assessment date.
        as_of: Date,
        /// The readings used to derive answers from details.
        readings: Readings,
        /// The version of po.
        library_version: String,
    }
    methods {
        /// True when the outcome is `eligible`.
        #[getter]
        fn eligible(&self) -> bool {
            self.outcome == "eligible"
        }
    }
}

fn answer(v: &Bound<'_, PyAny>, field: &str) -> PyResult<core::Answer> {
    if v.is_none() {
        return Ok(core::Answer::Unknown);
    }
    if v.is_instance_of::<PyBool>() {
        return Ok(if v.extract::<bool>()? {
            core::Answer::Yes
        } else {
            core::Answer::No
        });
    }
    if let Ok(s) = v.cast::<PyString>() {
        match s.to_cow()?.as_ref() {
            "yes" => return Ok(core::Answer::Yes),
            "no" => return Ok(core::Answer::No),
            "unknown" => return Ok(core::Answer::Unknown),
            _ => {}
        }
    }
    Err(invalid(format!(
        "{field}: expected True, False, None or 'yes', 'no', 'unknown', got {}",
        v.repr()?
    )))
}

/// None, an answer (bool or 'yes'/'no'/'unknown'), a list of codes, or a dict with `answer`
/// and/or `details`.
fn criterion<T: CodeList>(
    v: Option<&Bound<'_, PyAny>>,
    field: &str,
) -> PyResult<core::Criterion<T>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(core::Criterion::default());
    };
    let details = |d: &Bound<'_, PyAny>| -> PyResult<Vec<T>> {
        let items: Vec<String> = d
            .extract()
            .map_err(|_| invalid(format!("{field}: expected a list of codes or labels")))?;
        items.iter().map(|s| T::parse(s).map_err(to_py)).collect()
    };
    if let Ok(d) = v.cast::<PyDict>() {
        return Ok(core::Criterion {
            answer: d
                .get_item("answer")?
                .map(|a| answer(&a, field))
                .transpose()?,
            details: d.get_item("details")?.map(|x| details(&x)).transpose()?,
        });
    }
    if v.is_instance_of::<PyBool>() || v.is_instance_of::<PyString>() {
        return Ok(core::Criterion::answer(answer(v, field)?));
    }
    Ok(core::Criterion::details(details(v)?))
}

/// Assesses the target group (SFS 2013:522 2 §) as in force on `as_of`.
///
/// `age` is a birth date, whole years, or None (unknown). Each criterion is None (unknown),
/// True/False or 'yes'/'no'/'unknown', a list of codes or labels (`life_area`, `need_area`,
/// `contact_area`), or a dict with `answer` and `details`. `readings` is `statute` (default),
/// `stockholm_2021` or a `Readings`.
#[pyfunction]
#[pyo3(signature = (*, as_of, age = None, psychiatric_disability = None, difficulties = None, needs = None, long_term_contacts = None, readings = None))]
#[allow(clippy::too_many_arguments)]
fn assess_eligibility(
    as_of: Date,
    age: Option<&Bound<'_, PyAny>>,
    psychiatric_disability: Option<&Bound<'_, PyAny>>,
    difficulties: Option<&Bound<'_, PyAny>>,
    needs: Option<&Bound<'_, PyAny>>,
    long_term_contacts: Option<&Bound<'_, PyAny>>,
    readings: Option<&Bound<'_, PyAny>>,
) -> PyResult<Assessment> {
    let age = match age.filter(|a| !a.is_none()) {
        None => core::Age::Unknown,
        Some(a) if a.is_instance_of::<PyDate>() => core::Age::BirthDate(a.extract()?),
        Some(a) if a.is_instance_of::<PyBool>() => {
            return Err(invalid("age: expected a date or whole years, got a bool"))
        }
        Some(a) => core::Age::Years(
            a.extract()
                .map_err(|_| invalid("age: expected a birth date, whole years or None"))?,
        ),
    };
    let readings = match readings.filter(|r| !r.is_none()) {
        None => core::Readings::statute(),
        Some(r) => match r.cast::<Readings>() {
            Ok(r) => r.get().to_core()?,
            Err(_) => core::Readings::preset(&r.extract::<String>().map_err(|_| {
                invalid("readings: expected 'statute', 'stockholm_2021' or a Readings")
            })?)
            .map_err(to_py)?,
        },
    };
    let input = core::TargetGroupInput {
        age,
        psychiatric_disability: psychiatric_disability.map_or(Ok(core::Answer::Unknown), |a| {
            answer(a, "psychiatric_disability")
        })?,
        difficulties: criterion(difficulties, "difficulties")?,
        needs: criterion(needs, "needs")?,
        long_term_contacts: criterion(long_term_contacts, "long_term_contacts")?,
    };
    let a = core::assess(&input, as_of, readings).map_err(to_py)?;
    Ok(Assessment {
        outcome: a.outcome.code().to_owned(),
        findings: a.findings.into_iter().map(Finding::from).collect(),
        questions: a
            .questions
            .into_iter()
            .map(|q| Question {
                criterion: q.criterion.into_owned(),
                sv: q.sv.into_owned(),
                en: q.en.into_owned(),
            })
            .collect(),
        rule_set: a.rule_set.code().to_owned(),
        as_of: a.as_of,
        readings: a.readings.into(),
        library_version: a.library_version,
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Finding>()?;
    m.add_class::<Question>()?;
    m.add_class::<Readings>()?;
    m.add_class::<Assessment>()?;
    m.add_function(wrap_pyfunction!(assess_eligibility, m)?)?;
    Ok(())
}
