//! The publication ledger as Python makes one: `Ledger(scope, name, year)` or
//! `Ledger.from_json(text, scope=…, name=…, year=…)`.

use pyo3::prelude::*;

use crate::ledger::Ledger;

#[pymethods]
impl Ledger {
    /// An empty ledger of what will be published about `scope` (`"service"`, `"county"`,
    /// `"nation"`) `name` (the service's name, the county's code, `"SE"`) in `year`.
    #[new]
    #[pyo3(signature = (scope, name, year))]
    fn py_new(scope: &str, name: &str, year: i32) -> PyResult<Self> {
        Ok(Self::create(scope, name, year)?)
    }

    /// A ledger po wrote (`to_json`), for the population given: refused with `InvalidInputError`
    /// when it is another population's or was edited since.
    #[staticmethod]
    #[pyo3(name = "from_json", signature = (text, *, scope, name, year))]
    fn py_from_json(text: &str, scope: &str, name: &str, year: i32) -> PyResult<Self> {
        Ok(Self::read(text, scope, name, year)?)
    }

    fn __repr__(&self) -> String {
        let l = self.lock();
        format!(
            "Ledger(scope={:?}, name={:?}, year={}, publications={})",
            l.population.scope,
            po_core::privacy::shown(&l.population.name),
            l.population.year,
            l.publications.len()
        )
    }
}
