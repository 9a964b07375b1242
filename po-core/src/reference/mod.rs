//! Bundled reference data.

pub mod sweden;
pub mod varmland;
