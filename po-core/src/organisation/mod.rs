//! Organisation: municipalities, PO services with their participants and areas, and the
//! leadership group (SFS 2013:522 5 §).

mod error;
mod leadership;
mod municipality;
mod provider;
mod service;

pub use error::OrganisationError;
pub use leadership::{LeadershipCheck, LeadershipGroup, LeadershipMember, LeadershipRole};
pub use municipality::{County, Municipality, MunicipalityCode};
pub use provider::{Provider, ProviderType};
pub use service::{Participant, PoService};
