//! Reads a clients export the way `po report` does (strict, every cell validated) and prints
//! each round's time: the program `examples/bench/phases.py` counts instructions of under
//! callgrind, phase by phase (issue 36 point 3).
//!
//! `cargo run --release -p po-examples --example import_clients -- FILE [ROUNDS]`

use po_core::codes::LocalVocabulary;
use po_core::io::read::{read_clients_csv, read_file, Mode};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: import_clients FILE [ROUNDS]")?;
    let rounds: usize = match args.next() {
        Some(n) => n.parse().map_err(|e| format!("ROUNDS: {e}"))?,
        None => 1,
    };
    let bytes = read_file(path.as_ref()).map_err(|e| format!("{path}: {e}"))?;
    let vocabulary = LocalVocabulary::default();
    for _ in 0..rounds {
        let start = std::time::Instant::now();
        let clients = read_clients_csv(&bytes[..], "clients.csv", &vocabulary, None, Mode::Strict)
            .map_err(|e| e.to_string())?;
        let took = start.elapsed();
        println!("{} clients in {} µs", clients.rows.len(), took.as_micros());
    }
    Ok(())
}
