//! Eligibility as Python calls it: `assess_eligibility(...)` with keyword arguments that take
//! Python's own values (a date or an int for the age; True/False/None or a code for an answer;
//! a list of codes or a dict for a criterion). The records are the boundary's.

use crate::codes::CodeList;
use crate::eligibility::{self as core};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDict, PyString};
use time::Date;

use super::errors::{invalid, to_py};
use crate::boundary::eligibility::{assess, eligibility_readings, Assessment, Readings};

#[pymethods]
impl Readings {
    #[new]
    #[pyo3(signature = (*, min_life_areas = 2, needs_at_least = None, contacts = "statute"))]
    fn new(min_life_areas: i32, needs_at_least: Option<i32>, contacts: &str) -> PyResult<Self> {
        let r = Readings {
            min_life_areas,
            needs_at_least,
            contacts: contacts.to_owned(),
        };
        core::Readings::try_from(&r)?;
        Ok(r)
    }

    /// The named readings: `statute` or `stockholm_2021` (as `eligibility_readings`).
    #[staticmethod]
    fn preset(name: String) -> PyResult<Self> {
        Ok(eligibility_readings(name)?)
    }
}

#[pymethods]
impl Assessment {
    /// True when the outcome is `eligible`.
    #[getter]
    fn eligible(&self) -> bool {
        self.outcome == core::Outcome::Eligible
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
            Ok(r) => core::Readings::try_from(r.get())?,
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
    Ok(assess(&input, as_of, readings)?)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    use crate::boundary::eligibility as shared;
    m.add_class::<shared::Question>()?;
    m.add_class::<Readings>()?;
    m.add_class::<Assessment>()?;
    m.add_function(wrap_pyfunction!(shared::eligibility_readings, m)?)?;
    m.add_function(wrap_pyfunction!(assess_eligibility, m)?)?;
    Ok(())
}
