//! Queue priority as Python calls it: `Applicant(...)` with keywords, a policy given by name
//! or as a `PriorityPolicy`. The records are the boundary's.

use super::errors::invalid;
use super::values::date_of;
use crate::priority::{self as shared, Applicant, PriorityPolicy, RankedApplicant};
use crate::rules::Stamp;
use pyo3::prelude::*;

#[pymethods]
impl Applicant {
    #[new]
    #[pyo3(signature = (id, birth_date, queued_on, *, area = None, left_queue_on = None, children_at_home = false, children_at_risk_of_harm = false, homeless_or_at_risk = false, lacking_contacts = false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: String,
        birth_date: &Bound<'_, PyAny>,
        queued_on: &Bound<'_, PyAny>,
        area: Option<String>,
        left_queue_on: Option<&Bound<'_, PyAny>>,
        children_at_home: bool,
        children_at_risk_of_harm: bool,
        homeless_or_at_risk: bool,
        lacking_contacts: bool,
    ) -> PyResult<Self> {
        // Dates as dates or ISO strings, read by po-core's one reading (issue 33).
        Ok(Applicant {
            id,
            birth_date: date_of(birth_date, "birth_date")?,
            queued_on: date_of(queued_on, "queued_on")?,
            area,
            left_queue_on: left_queue_on
                .filter(|d| !d.is_none())
                .map(|d| date_of(d, "left_queue_on"))
                .transpose()?,
            children_at_home,
            children_at_risk_of_harm,
            homeless_or_at_risk,
            lacking_contacts,
        })
    }
}

#[pymethods]
impl PriorityPolicy {
    /// A named preset: `national_2019`, `varmland_2023` or `stockholm_2021`.
    #[staticmethod]
    #[pyo3(name = "preset")]
    fn py_preset(name: &str) -> PyResult<Self> {
        Ok(Self::of_preset(name)?)
    }

    /// A policy from its JSON form, validated.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<Self> {
        Ok(Self::of_json(text)?)
    }

    /// The policy's name.
    #[getter(name)]
    fn py_name(&self) -> String {
        self.policy_name()
    }

    /// Where it comes from (seed or decision).
    #[getter(source)]
    fn py_source(&self) -> String {
        self.policy_source()
    }

    /// The group codes in order of precedence.
    #[getter(groups)]
    fn py_groups(&self) -> Vec<String> {
        self.group_codes()
    }

    fn __repr__(&self) -> String {
        format!(
            "PriorityPolicy(name={:?}, groups={:?})",
            self.policy_name(),
            self.group_codes()
        )
    }
}

/// A policy given as a preset name or a `PriorityPolicy`.
pub(crate) fn policy_of(policy: &Bound<'_, PyAny>) -> PyResult<PriorityPolicy> {
    if let Ok(p) = policy.cast::<PriorityPolicy>() {
        return Ok(p.get().clone());
    }
    let name: String = policy
        .extract()
        .map_err(|_| invalid("policy: expected a preset name or a PriorityPolicy"))?;
    Ok(PriorityPolicy::of_preset(&name)?)
}

/// The ranking as an .xlsx workbook (bytes); `policy` a preset name or a `PriorityPolicy`.
#[pyfunction]
#[pyo3(name = "_ranking_xlsx", signature = (applicants, policy, on, language = "sv"))]
fn ranking_xlsx<'py>(
    py: Python<'py>,
    applicants: Vec<Applicant>,
    policy: &Bound<'_, PyAny>,
    on: &Bound<'_, PyAny>,
    language: &str,
) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    let on = date_of(on, "on")?;
    let book = shared::ranking_xlsx(applicants, &policy_of(policy)?, on, language.to_owned())?;
    Ok(pyo3::types::PyBytes::new(py, &book))
}

/// The applicants of a frame (pandas, polars, pyarrow, DuckDB: anything with
/// `__arrow_c_stream__`), read by po-core's queue reader as the command reads `applicants.csv`:
/// every cell validated (flags, ISO dates, ids), problems at the frame's rows.
#[pyfunction]
#[pyo3(name = "_applicants_of_frame")]
fn applicants_of_frame(frame: &Bound<'_, PyAny>, file: &str) -> PyResult<Vec<Applicant>> {
    let frame = super::arrow::frame_of(frame, file)?;
    let read = po_core::io::read::read_applicants_csv(
        po_core::io::read::Input::Frame(&frame),
        file,
        po_core::input::Mode::Strict,
    )
    .map_err(super::errors::to_py)?;
    Ok(read.rows.into_iter().map(Applicant::from).collect())
}

/// A yes-or-no value as po reads it everywhere: `True`/`False` (numpy's too), or a word or
/// number read by po-core's one reading ([`po_core::input::flag_of`]: `ja`, `nej`, `yes`,
/// `no`, `true`, `false`, `1`, `0`, …). Python's `bool()` is never used: it makes any
/// non-empty text true, "nej" included.
#[pyfunction]
#[pyo3(name = "_flag")]
fn flag(value: &Bound<'_, PyAny>, field: &str) -> PyResult<bool> {
    if let Ok(b) = value.extract::<bool>() {
        return Ok(b);
    }
    let text = if let Ok(i) = value.extract::<i64>() {
        i.to_string()
    } else if let Ok(s) = value.extract::<String>() {
        s
    } else {
        let kind = value
            .get_type()
            .name()
            .map_or_else(|_| "value".into(), |n| n.to_string());
        return Err(invalid(format!(
            "{field}: expected ja or nej (or True or False), got a {kind}"
        )));
    };
    po_core::input::flag_of(&text).ok_or_else(|| {
        invalid(format!(
            "{field}: expected ja or nej (or True or False), got {:?}",
            po_core::privacy::shown(&text)
        ))
    })
}

/// The ranking's places and stamp (the package's `rank` makes them a `Ranking` of rows).
#[pyfunction]
#[pyo3(name = "_rank")]
fn rank(
    applicants: Vec<Applicant>,
    policy: &Bound<'_, PyAny>,
    on: &Bound<'_, PyAny>,
) -> PyResult<(Vec<RankedApplicant>, Stamp, Vec<String>)> {
    let ranking = shared::rank(applicants, &policy_of(policy)?, date_of(on, "on")?)?;
    Ok((ranking.applicants, ranking.stamp, ranking.not_ranked))
}

/// Waiting-time statistics on one day (`from_date == to_date`) or for a period; the dates as
/// `datetime.date` or ISO strings.
#[pyfunction]
#[pyo3(name = "_queue_statistics")]
fn queue_statistics(
    applicants: Vec<shared::Applicant>,
    from_date: &Bound<'_, PyAny>,
    to_date: &Bound<'_, PyAny>,
) -> PyResult<shared::QueueStatistics> {
    let from_date = super::values::date_of(from_date, "from_date")?;
    let to_date = super::values::date_of(to_date, "to_date")?;
    Ok(shared::queue_statistics(applicants, from_date, to_date)?)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Applicant>()?;
    m.add_class::<PriorityPolicy>()?;
    m.add_class::<RankedApplicant>()?;
    m.add_class::<shared::WaitingSummary>()?;
    m.add_class::<shared::QueueStatistics>()?;
    m.add_function(wrap_pyfunction!(shared::policy_presets, m)?)?;
    m.add_function(wrap_pyfunction!(rank, m)?)?;
    m.add_function(wrap_pyfunction!(flag, m)?)?;
    m.add_function(wrap_pyfunction!(applicants_of_frame, m)?)?;
    m.add_function(wrap_pyfunction!(ranking_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(queue_statistics, m)?)?;
    Ok(())
}
