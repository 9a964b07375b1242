//! Bundled reference data.

pub mod varmland;
