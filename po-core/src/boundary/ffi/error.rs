//! The boundary's one error (`super::super::error`) as uniffi sees it.

pub use crate::boundary::error::PoError;
pub(crate) use crate::boundary::error::{invalid, po};
