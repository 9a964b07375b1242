//! The publication ledger as both languages hold it (issue 31; `po_core::disclosure::ledger`):
//! what has been published about one population, kept beside the register and passed to every
//! function that makes a publication about the same people (`ledger=` in Python, `ledger` in
//! Kotlin). Such a function protects the new publication together with everything the ledger
//! records and **records it** there: save the ledger (`to_json`) when the publication is
//! published, and not otherwise. The ledger holds the true counts behind hidden cells: it is as
//! confidential as the register and is never published.

use std::sync::{Mutex, MutexGuard};

use po_core::disclosure as core;

use super::error::{po, PoError};
use super::record::signed;

/// What has been published about one population (a service's register and year, a county,
/// the nation).
#[derive(Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "personligt_ombud"))]
pub struct Ledger(Mutex<core::Ledger>);

impl Ledger {
    /// An empty ledger for `scope` (`service`, `county`, `nation`) `name` and `year`.
    pub(crate) fn create(scope: &str, name: &str, year: i32) -> Result<Self, PoError> {
        let population = core::Population::new(scope, name, year).map_err(po)?;
        Ok(Ledger(Mutex::new(core::Ledger::new(population))))
    }

    /// A ledger po wrote, for `scope`, `name` and `year`: refused when it is another
    /// population's, or was edited since.
    pub(crate) fn read(text: &str, scope: &str, name: &str, year: i32) -> Result<Self, PoError> {
        let population = core::Population::new(scope, name, year).map_err(po)?;
        let ledger = core::Ledger::from_json(text, &population).map_err(po)?;
        Ok(Ledger(Mutex::new(ledger)))
    }

    /// The ledger, for one call. A panic while it was held elsewhere cannot leave it half
    /// changed (recording is one push), so a poisoned lock is taken as it is.
    pub(crate) fn lock(&self) -> MutexGuard<'_, core::Ledger> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Protects a publication about this ledger's population with threshold `k` together with
    /// everything recorded (`protect` does it, given the ledger) and records it.
    pub(crate) fn publish<T>(
        &self,
        protect: impl FnOnce(&core::Ledger) -> Result<(T, core::LedgerEntry), PoError>,
    ) -> Result<T, PoError> {
        let mut ledger = self.lock();
        let (published, entry) = protect(&ledger)?;
        ledger.record(entry);
        Ok(published)
    }
}

/// The threshold a publication with a ledger is protected with: `k`, never unprotected (a
/// ledger records publications, and an unprotected document is not one).
pub(crate) fn threshold(k: i64, unprotected: bool) -> Result<u64, PoError> {
    threshold_of(core::Protection::from_request(k, unprotected).map_err(po)?)
}

/// The threshold of a protection asked for with a ledger (see [`threshold`]).
pub(crate) fn threshold_of(protection: core::Protection) -> Result<u64, PoError> {
    match protection {
        core::Protection::Threshold { k } => Ok(k),
        core::Protection::Unprotected => Err(PoError::InvalidInput {
            reason: "ledger: an unprotected document is not for publication and is not recorded; \
                     leave out the ledger or the unprotected flag"
                .into(),
        }),
    }
}

#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "python", pyo3::pymethods)]
impl Ledger {
    /// The ledger as po writes it (`po-ledger/1`, with its content hash), to keep beside the
    /// register: confidential, never published.
    pub fn to_json(&self) -> String {
        self.lock().to_json()
    }

    /// The publications recorded, oldest first, by title (`annual report 2023`, `meeting
    /// document 2023-03-31`, …).
    pub fn publications(&self) -> Vec<String> {
        self.lock()
            .publications
            .iter()
            .map(|p| p.title.clone())
            .collect()
    }

    /// How many numbers the publications recorded show or hide in all.
    pub fn cell_count(&self) -> i64 {
        signed(
            self.lock()
                .publications
                .iter()
                .map(|p| p.cells.len() as u64)
                .sum(),
        )
    }
}

/// Adds the ledger to the native module.
#[cfg(feature = "python")]
pub(crate) fn register(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    use pyo3::prelude::*;
    m.add_class::<Ledger>()?;
    Ok(())
}
