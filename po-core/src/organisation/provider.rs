//! Who runs a PO service. Most services are run by their municipalities themselves; seed 001
//! (table 2, "Övriga utförare av verksamhet med personligt ombud") lists the seven run in 2019
//! by another organisation on the municipalities' behalf — municipal federations, a non-profit
//! association, foundations and regions — with the counties they work in. The service's report
//! to länsstyrelsen says which (issue 34 point 2).

use serde::{Deserialize, Serialize};

use crate::codes::{code_list, src};

code_list! {
    /// The kind of organisation running a service for its municipalities (seed 001 table 2's
    /// "Organisation" column).
    pub enum ProviderType in "provider_type" {
        /// Kommunalförbund (Cura Individutveckling, Lapplands kommunalförbund).
        MunicipalFederation = "municipal_federation", sv "Kommunalförbund",
            en "Municipal federation", source src::SEED_001;
        /// Ideell förening (PO-Skåne).
        NonProfitAssociation = "non_profit_association", sv "Ideell förening",
            en "Non-profit association", source src::SEED_001;
        /// Stiftelse (Bräcke Diakoni, Parasoll).
        Foundation = "foundation", sv "Stiftelse", en "Foundation", source src::SEED_001;
        /// Region (Kommunal utveckling; Personligt ombud Kronoberg, "Regionen i samarbete med
        /// 8 kommuner").
        Region = "region", sv "Region", en "Region", source src::SEED_001,
            aliases ["Regionen", "Landstinget"];
        /// Another kind of organisation.
        Other = "other", sv "Annan", en "Other", source src::PO;
    }
}

/// The organisation running a service on its municipalities' behalf (seed 001 table 2): its
/// name and kind. A service run by its municipality has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provider {
    /// The organisation's name (e.g. "Stiftelsen Parasoll"): an organisation's, never a
    /// person's, and refused when it holds what looks like an identity number.
    pub name: String,
    /// Its kind.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub organisation: ProviderType,
}

impl Provider {
    /// Whether its name holds what looks like an identity number (it would reach the national
    /// report): the one check of every entry point, never showing the name.
    #[must_use]
    pub fn names_a_person(&self) -> bool {
        crate::privacy::contains_identity_number(&self.name)
    }
}
