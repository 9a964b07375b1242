//! Eligibility as Python calls it: `assess_eligibility(...)` with keyword arguments that take
//! Python's own values (a date or an int for the age; True/False/None or a code for an answer;
//! a list of codes or a dict for a criterion). The records are the boundary's.

use po_core::codes::CodeList;
use po_core::eligibility::{self as core};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDict, PyString};

use super::errors::{invalid, to_py};
use super::values::date_of;
use crate::eligibility::{assess, eligibility_readings, Assessment, Readings};

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
        self.outcome == crate::rules::Outcome::Eligible
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
    // Words by po-core's one reading (issue 33): "ja", "nej", "vet ej", "yes", "no", … mean
    // here what they mean in a batch's cells and in every export.
    if let Ok(s) = v.cast::<PyString>() {
        if let Some(a) = po_core::input::answer_of(&s.to_cow()?) {
            return Ok(a);
        }
    }
    Err(invalid(format!(
        "{field}: expected True, False, None or a word such as 'ja', 'nej', 'vet ej', 'yes', \
         'no', got {}",
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
    // Each code is parsed where Python holds it (no String per item).
    let details = |d: &Bound<'_, PyAny>| -> PyResult<Vec<T>> {
        let wrong = || invalid(format!("{field}: expected a list of codes or labels"));
        if d.is_instance_of::<PyString>() {
            return Err(wrong());
        }
        d.try_iter()
            .map_err(|_| wrong())?
            .map(|item| {
                let item = item?;
                let code = item.cast::<PyString>().map_err(|_| wrong())?;
                T::parse(&code.to_cow()?).map_err(to_py)
            })
            .collect()
    };
    // An empty list says nothing, as an empty cell of a batch says nothing: not known (issue 33:
    // the single call and the batch give the same outcome for the same input).
    let known = |d: Vec<T>| (!d.is_empty()).then_some(d);
    if let Ok(d) = v.cast::<PyDict>() {
        return Ok(core::Criterion {
            answer: d
                .get_item("answer")?
                .map(|a| answer(&a, field))
                .transpose()?,
            details: d
                .get_item("details")?
                .map(|x| details(&x))
                .transpose()?
                .and_then(known),
        });
    }
    if v.is_instance_of::<PyBool>() || v.is_instance_of::<PyString>() {
        return Ok(core::Criterion::answer(answer(v, field)?));
    }
    Ok(match known(details(v)?) {
        Some(d) => core::Criterion::details(d),
        None => core::Criterion::default(),
    })
}

/// Assesses the target group (SFS 2013:522 2 §) as in force on `as_of`.
///
/// `age` is a birth date, whole years, or None (unknown). Each criterion is None (unknown),
/// True/False or a word ('ja', 'nej', 'vet ej', 'yes', 'no', 'unknown', … as every export is
/// read), a list of codes or labels (`life_area`, `need_area`, `contact_area`; an empty list is
/// not known, as an empty cell of a batch), or a dict with `answer` and `details`. `readings` is `statute` (default),
/// `stockholm_2021` or a `Readings`.
#[pyfunction]
#[pyo3(signature = (*, as_of, age = None, psychiatric_disability = None, difficulties = None, needs = None, long_term_contacts = None, readings = None))]
#[allow(clippy::too_many_arguments)]
fn assess_eligibility(
    as_of: &Bound<'_, PyAny>,
    age: Option<&Bound<'_, PyAny>>,
    psychiatric_disability: Option<&Bound<'_, PyAny>>,
    difficulties: Option<&Bound<'_, PyAny>>,
    needs: Option<&Bound<'_, PyAny>>,
    long_term_contacts: Option<&Bound<'_, PyAny>>,
    readings: Option<&Bound<'_, PyAny>>,
) -> PyResult<Assessment> {
    let age = match age.filter(|a| !a.is_none()) {
        None => core::Age::Unknown,
        Some(a) if a.is_instance_of::<PyDate>() => core::Age::BirthDate(date_of(a, "age")?),
        Some(a) if a.is_instance_of::<PyBool>() => {
            return Err(invalid("age: expected a date or whole years, got a bool"))
        }
        Some(a) => core::Age::Years(
            a.extract()
                .map_err(|_| invalid("age: expected a birth date, whole years or None"))?,
        ),
    };
    let as_of = date_of(as_of, "as_of")?;
    let readings = readings_of(readings)?;
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

/// The readings of a Python argument: None (the statute's), a preset name or a `Readings`.
fn readings_of(readings: Option<&Bound<'_, PyAny>>) -> PyResult<core::Readings> {
    Ok(match readings.filter(|r| !r.is_none()) {
        None => core::Readings::statute(),
        Some(r) => match r.cast::<Readings>() {
            Ok(r) => core::Readings::try_from(r.get())?,
            Err(_) => core::Readings::preset(&r.extract::<String>().map_err(|_| {
                invalid("readings: expected 'statute', 'stockholm_2021' or a Readings")
            })?)
            .map_err(to_py)?,
        },
    })
}

/// Assesses a table of cases (CSV bytes or an Arrow stream; columns as
/// `po_core::io::read::CASE_CSV_COLUMNS`) with `assess_batch`: one output row per input row, in
/// order — `row` (the input's position), `outcome`, `not_met`, `unknown`, `questions` (the
/// criteria to ask about), `problem` (why a row could not be assessed; its outcome is null).
/// Returns the table, the counts per outcome, the header's and rows' problems and the stamp.
#[pyfunction]
#[pyo3(name = "_assess_cases", signature = (cases, *, as_of, readings = None, lenient = true))]
fn assess_cases<'py>(
    py: Python<'py>,
    cases: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    readings: Option<&Bound<'py, PyAny>>,
    lenient: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let as_of = date_of(as_of, "as_of")?;
    use crate::error::Problem;
    use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
    use std::sync::Arc;
    let readings = readings_of(readings)?;
    let source = super::arrow::FileSource::of(cases, "cases.csv")?;
    let mode = if lenient {
        po_core::input::Mode::Lenient
    } else {
        po_core::input::Mode::Strict
    };
    let read = po_core::io::read::read_cases_csv(source.input(), "cases.csv", mode)
        .map_err(crate::error::po)?;
    let (lines, inputs): (Vec<u64>, Vec<core::TargetGroupInput>) = read.rows.into_iter().unzip();
    let batch = core::assess_batch(&inputs, as_of, readings).map_err(to_py)?;
    // Every row in input order: assessed, or left out with its problems (header problems,
    // row 1, are not rows). Both lists are in row order: merged, not sorted.
    let mut left_out: Vec<(u64, String)> = Vec::new();
    for p in read.problems.iter().filter(|p| p.row > 1) {
        let reason = format!("{}: {}", p.column, p.reason);
        match left_out.last_mut() {
            Some((row, text)) if *row == p.row => *text = format!("{text}; {reason}"),
            _ => left_out.push((p.row, reason)),
        }
    }
    let not_assessed = left_out.len();
    let mut assessed = lines
        .iter()
        .zip(&batch.results)
        .map(|(line, r)| (*line, r.as_ref().map_err(ToString::to_string)))
        .peekable();
    let mut left_out = left_out.into_iter().peekable();
    let rows = std::iter::from_fn(|| match (assessed.peek(), left_out.peek()) {
        (Some((a, _)), Some((b, _))) if b < a => left_out.next().map(|(l, t)| (l, Err(t))),
        (Some(_), _) => assessed.next(),
        (None, _) => left_out.next().map(|(l, t)| (l, Err(t))),
    });
    let (mut row, mut outcome, mut problem) = (
        Int64Builder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut lists = [(); 3].map(|_| ListBuilder::new(StringBuilder::new()));
    for (line, result) in rows {
        row.append_value(i64::try_from(line).unwrap_or(i64::MAX) - 2);
        match result {
            Ok(c) => {
                outcome.append_value(c.outcome.code());
                problem.append_null();
                let questions: Vec<String> = c
                    .questions()
                    .into_iter()
                    .map(|q| q.criterion.into_owned())
                    .collect();
                let items: [Vec<&str>; 3] = [
                    c.not_met().collect(),
                    c.unknown().collect(),
                    questions.iter().map(String::as_str).collect(),
                ];
                for (list, items) in lists.iter_mut().zip(items) {
                    for item in items {
                        list.values().append_value(item);
                    }
                    list.append(true);
                }
            }
            Err(text) => {
                outcome.append_null();
                problem.append_value(text);
                for list in &mut lists {
                    list.append(false);
                }
            }
        }
    }
    let [not_met, unknown, questions] = lists.map(|mut l| Arc::new(l.finish()) as _);
    let table = super::arrow::batch(vec![
        ("row".into(), Arc::new(row.finish())),
        ("outcome".into(), Arc::new(outcome.finish())),
        ("not_met".into(), not_met),
        ("unknown".into(), unknown),
        ("questions".into(), questions),
        ("problem".into(), Arc::new(problem.finish())),
    ])?;
    let out = PyDict::new(py);
    out.set_item("table", super::arrow::table_object(py, table)?)?;
    let counts = PyDict::new(py);
    for o in [
        core::Outcome::Eligible,
        core::Outcome::NotEligible,
        core::Outcome::Undetermined,
    ] {
        counts.set_item(o.code(), batch.count(o))?;
    }
    let errors = batch.errors().count();
    counts.set_item("not_assessed", not_assessed + errors)?;
    out.set_item("counts", counts)?;
    let problems: Vec<Problem> = read.problems.into_iter().map(Problem::from).collect();
    out.set_item("problems", problems)?;
    out.set_item("rule_set", batch.rule_set.code())?;
    out.set_item("as_of", batch.as_of)?;
    out.set_item(
        "readings",
        crate::eligibility::Readings::from(batch.readings),
    )?;
    out.set_item("library_version", batch.library_version)?;
    Ok(out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    use crate::eligibility as shared;
    m.add_class::<shared::Question>()?;
    m.add_class::<Readings>()?;
    m.add_class::<Assessment>()?;
    m.add_function(wrap_pyfunction!(shared::eligibility_readings, m)?)?;
    m.add_function(wrap_pyfunction!(assess_eligibility, m)?)?;
    m.add_function(wrap_pyfunction!(assess_cases, m)?)?;
    Ok(())
}
