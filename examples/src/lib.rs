//! Shared pieces of the examples: the deterministic generator of SYNTHETIC registers and their
//! CSV export.

pub mod command;
pub mod export;
pub mod synthetic;

/// The bundled example register: SYNTHETIC, Värmland-like, 2023, 240 clients, seed 2023 (what
/// `po-demo` reports on, and what `examples/data/` holds as JSON and CSV).
pub fn bundled_register() -> po_core::report::Register {
    synthetic::varmland_like(2023, 240, 2023)
}
