//! The publication ledger as Kotlin/Java make one.

use std::sync::Arc;

use crate::error::PoError;
use crate::ledger::Ledger;

#[uniffi::export]
impl Ledger {
    /// An empty ledger of what will be published about `scope` (`"service"`, `"county"`,
    /// `"nation"`) `name` (the service's name, the county's code, `"SE"`) in `year`.
    #[uniffi::constructor]
    pub fn new(scope: String, name: String, year: i32) -> Result<Arc<Self>, PoError> {
        Self::create(&scope, &name, year).map(Arc::new)
    }

    /// A ledger po wrote (`toJson`), for the population given: refused when it is another
    /// population's or was edited since.
    #[uniffi::constructor]
    pub fn from_json(
        json: String,
        scope: String,
        name: String,
        year: i32,
    ) -> Result<Arc<Self>, PoError> {
        Self::read(&json, &scope, &name, year).map(Arc::new)
    }
}
