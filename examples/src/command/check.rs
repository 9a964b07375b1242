//! `po check`: every problem of the exports, located.

use std::io::Write;

use po_core::input::Mode;

use super::args::parse;
use super::files::load;
use super::{print_problems, tr, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str =
    "Usage: po check DIR|FILES [--vocabulary NAME] [--survey-sent N] [--lang sv|en]

Reads the exports as po report does and prints every problem with its file, row (as the
spreadsheet shows it) and column (as the header wrote it). Exit 0 when there is none, 1 otherwise.";

/// The help in Swedish.
pub(super) const HELP_SV: &str =
    "Användning: po check MAPP|FILER [--vocabulary NAMN] [--survey-sent N] [--lang sv|en]

Läser exporterna som po report gör och skriver ut varje fel med fil, rad (som kalkylbladet
visar den) och kolumn (som rubriken skrev den). Slutkod 0 när inget finns, annars 1.";

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
                "{}",
                tr!(
                    "Inga fel: {} klienter, {} nybesök, {} avvikelser, {} i personalen.",
                    "No problems: {} clients, {} intake visits, {} deviations, {} staff.",
                    register.clients.len(),
                    register.intake_visits.len(),
                    register.deviations.len(),
                    register.staff.len()
                )
            );
            Ok(OK)
        }
        Ok((_, problems)) | Err(problems) => {
            print_problems(&problems, out);
            let files: std::collections::BTreeSet<&str> =
                problems.iter().map(|p| p.file.as_str()).collect();
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "{} fel i {} fil(er).",
                    "{} problem(s) in {} file(s).",
                    problems.len(),
                    files.len()
                )
            );
            Ok(PROBLEMS)
        }
    }
}
