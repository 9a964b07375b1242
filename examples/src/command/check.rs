//! `po check`: every problem of the exports, located.

use std::io::Write;

use po_core::input::Mode;

use super::args::parse;
use super::files::load;
use super::{print_problems, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str = "Usage: po check DIR|FILES [--vocabulary NAME] [--survey-sent N]

Reads the exports as po report does and prints every problem with its file, row (as the
spreadsheet shows it) and column. Exit 0 when there is none, 1 otherwise.";

pub(super) fn check(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Fail> {
    let a = parse(args, &["vocabulary", "survey-sent"], &[]).map_err(usage)?;
    match load(&a, Mode::Lenient, err)? {
        Ok((register, problems)) if problems.is_empty() => {
            let _ = writeln!(
                out,
                "No problems: {} clients, {} intake visits, {} deviations, {} staff.",
                register.clients.len(),
                register.intake_visits.len(),
                register.deviations.len(),
                register.staff.len()
            );
            Ok(OK)
        }
        Ok((_, problems)) | Err(problems) => {
            print_problems(&problems, out);
            let files: std::collections::BTreeSet<&str> =
                problems.iter().map(|p| p.file.as_str()).collect();
            let _ = writeln!(
                out,
                "{} problem(s) in {} file(s).",
                problems.len(),
                files.len()
            );
            Ok(PROBLEMS)
        }
    }
}
