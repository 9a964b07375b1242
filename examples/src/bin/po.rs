//! `po`: run po on a service's own exports (see `po --help`, and [`po_examples::command`]).
//!
//! Run: `cargo run -p po-examples --bin po -- report examples/data/synthetic-2023 --year 2023`
//! Install: `cargo install --path examples --bin po`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = po_examples::command::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
