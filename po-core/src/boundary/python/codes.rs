//! Code lists by name.

use crate::code_lists as by_name;
use crate::codes::CodeInfo;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::errors::to_py;

fn info_dict<'py>(py: Python<'py>, i: &CodeInfo) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", i.code)?;
    d.set_item("label_sv", i.label_sv)?;
    d.set_item("label_en", i.label_en)?;
    d.set_item("source", i.source)?;
    Ok(d)
}

/// The names of every code list.
#[pyfunction]
fn code_list_names() -> Vec<&'static str> {
    by_name::list_names()
}

/// Every value of a code list as dicts with code, label_sv, label_en, source.
#[pyfunction]
fn code_list<'py>(py: Python<'py>, list: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    by_name::values_of(list)
        .map_err(to_py)?
        .into_iter()
        .map(|i| info_dict(py, i))
        .collect()
}

/// The code of `value` (a code, Swedish or English label, any case, NFC or NFD) in `list`.
#[pyfunction]
fn parse_code(list: &str, value: &str) -> PyResult<&'static str> {
    by_name::parse_in(list, value)
        .map(|i| i.code)
        .map_err(to_py)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(code_list_names, m)?)?;
    m.add_function(wrap_pyfunction!(code_list, m)?)?;
    m.add_function(wrap_pyfunction!(parse_code, m)?)?;
    Ok(())
}
