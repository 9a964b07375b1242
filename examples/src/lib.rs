//! Shared pieces of the examples: the deterministic generator of SYNTHETIC registers.

pub mod synthetic;
