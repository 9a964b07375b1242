//! The `po` command — po's main job: a service's own exports in, the 10 § report out; the
//! checks, the queue, the invoices, the submissions' compilation and the column reference.
//! Every domain decision is po-core's; the command reads arguments and files and writes files.
//!
//! Layout: this file dispatches and holds the exit codes; `args` parses arguments, `files`
//! reads and writes files; each command is a file of its own, with its help text (a new command
//! is a new file and one line in [`run`]).
//!
//! Exit codes: 0 done; 1 the input has problems (each printed, located); 2 wrong usage; 3 a file
//! could not be read or written, or a computation refused its input.

use std::io::Write;

use po_core::input::Problem;

mod args;
mod audit;
mod check;
mod compile;
mod costs;
mod files;
mod queue;
mod report;
mod schema;
mod synthetic;

/// Done.
pub const OK: i32 = 0;

/// The input has problems.
pub const PROBLEMS: i32 = 1;

/// Wrong usage.
pub const USAGE: i32 = 2;

/// A file could not be read or written, or po refused the input.
pub const FAILED: i32 = 3;

const HELP: &str =
    "po — personligt ombud (SFS 2013:522): a service's own exports in, the 10 § report out.

Usage: po COMMAND [ARGS] [--help]

Commands:
  report DIR|FILES --year Y   the 10 § report (Markdown, HTML, JSON, CSV tables, Excel)
  check DIR|FILES             validate exports: every problem, located; exit 1 on any
  queue FILE --policy P --date D
                              rank a queue export by a priority policy
  costs AGREEMENT [--population FILE]
                              each municipality's invoice under a cost-sharing agreement
  compile FILES|DIR --year Y [--county C]
                              a county's or the nation's compilation of the services'
                              submissions (12 and 14 §§)
  audit FILES|DIR             published reports and compilations audited together: what
                              an attacker holding all of them can compute
  schema [--format md|json|json-schema]
                              every input file and column po reads; the JSON documents' schemas
  synthetic-nation --out DIR  the SYNTHETIC nation's 106 submissions, to try po compile on

Exit codes: 0 done, 1 the input has problems, 2 wrong usage, 3 a file could not be read or
written or po refused the input.";

/// Runs `po` with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some((command, rest)) = args.split_first() else {
        let _ = writeln!(err, "{HELP}");
        return USAGE;
    };
    let help = rest.iter().any(|a| a == "--help" || a == "-h");
    let (text, f): (&str, CommandFn) = match command.as_str() {
        "report" => (report::HELP, report::report),
        "check" => (check::HELP, check::check),
        "queue" => (queue::HELP, queue::queue),
        "costs" => (costs::HELP, costs::costs),
        "compile" => (compile::HELP, compile::compile),
        "audit" => (audit::HELP, audit::audit),
        "schema" => (schema::HELP, schema::schema),
        "synthetic-nation" => (synthetic::HELP, synthetic::synthetic_nation),
        "--help" | "-h" | "help" => {
            let _ = writeln!(out, "{HELP}");
            return OK;
        }
        "--version" => {
            let _ = writeln!(out, "po {}", po_core::VERSION);
            return OK;
        }
        other => {
            let _ = writeln!(err, "po: unknown command {other:?}\n\n{HELP}");
            return USAGE;
        }
    };
    if help {
        let _ = writeln!(out, "{text}");
        return OK;
    }
    match f(rest, out, err) {
        Ok(code) => code,
        Err(Fail::Usage(m)) => {
            let _ = writeln!(err, "po {command}: {m}\n\n{text}");
            USAGE
        }
        Err(Fail::Failed(m)) => {
            let _ = writeln!(err, "po {command}: {m}");
            FAILED
        }
    }
}

/// A command: its arguments, stdout, stderr; its exit code.
type CommandFn = fn(&[String], &mut dyn Write, &mut dyn Write) -> Result<i32, Fail>;

/// Why a command stopped.
pub(super) enum Fail {
    /// Wrong usage: said with the command's help.
    Usage(String),
    /// A file or a computation failed.
    Failed(String),
}

pub(super) fn usage(m: impl Into<String>) -> Fail {
    Fail::Usage(m.into())
}

pub(super) fn failed(m: impl std::fmt::Display) -> Fail {
    Fail::Failed(m.to_string())
}

pub(super) fn print_problems(problems: &[Problem], out: &mut dyn Write) {
    // At most 20 of a kind, then how many more (a file of millions of bad rows stays readable).
    for line in po_core::io::write::problem_lines(problems, po_core::Language::En) {
        let _ = writeln!(out, "{line}");
    }
}
