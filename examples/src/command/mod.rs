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
use std::sync::atomic::{AtomicBool, Ordering};

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

Usage: po COMMAND [ARGS] [--help] [--lang sv|en]

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

Language: --lang sv|en, else the environment's (LC_ALL, LC_MESSAGES, LANG: sv_SE… is Swedish).

Exit codes: 0 done, 1 the input has problems, 2 wrong usage, 3 a file could not be read or
written or po refused the input.";

/// The help in Swedish.
const HELP_SV: &str = "po — personligt ombud (SFS 2013:522): en verksamhets egna exporter in, redovisningen enligt 10 § ut.

Användning: po KOMMANDO [ARGUMENT] [--help] [--lang sv|en]

Kommandon:
  report MAPP|FILER --year Å  redovisningen enligt 10 § (Markdown, HTML, JSON, CSV-tabeller, Excel)
  check MAPP|FILER            granska exporterna: varje fel med sin plats; slutkod 1 om något finns
  queue FIL --policy P --date D
                              ordna en köexport efter en prioriteringsordning
  costs AVTAL [--population FIL]
                              varje kommuns faktura enligt ett avtal om kostnadsfördelning
  compile FILER|MAPP --year Å [--county L]
                              ett läns eller hela landets sammanställning av verksamheternas
                              redovisningar (12 och 14 §§)
  audit FILER|MAPP            publicerade rapporter och sammanställningar granskade tillsammans:
                              vad den som har alla kan räkna ut
  schema [--format md|json|json-schema]
                              varje indatafil och kolumn po läser; JSON-dokumentens scheman
  synthetic-nation --out MAPP det SYNTETISKA landets 106 redovisningar, att pröva po compile på

Språk: --lang sv|en, annars miljöns språk (LC_ALL, LC_MESSAGES, LANG: sv_SE… ger svenska).

Slutkoder: 0 klart, 1 indata har fel, 2 fel användning, 3 en fil kunde inte läsas eller skrivas
eller po vägrade indata.";

/// Whether the command speaks Swedish: chosen once in [`run`], before anything is said (a
/// process runs one command; the documents' languages are the commands' own `--lang` lists).
static SWEDISH: AtomicBool = AtomicBool::new(false);

/// Whether the command speaks Swedish (issue 32 point 2).
pub(super) fn sv() -> bool {
    SWEDISH.load(Ordering::Relaxed)
}

/// The command's language as po-core names it (see [`sv`]).
pub(super) fn language() -> po_core::Language {
    if sv() {
        po_core::Language::Sv
    } else {
        po_core::Language::En
    }
}

/// The command's language: the first of `--lang` (`sv,en` speaks Swedish), else the locale's
/// ([`po_core::Language::of_locale`]); documents stay Swedish by default whatever the command
/// speaks.
fn swedish(args: &[String]) -> bool {
    let mut given = args
        .iter()
        .enumerate()
        .filter_map(|(i, a)| match a.as_str() {
            "--lang" => args.get(i + 1).map(String::as_str),
            a => a.strip_prefix("--lang="),
        });
    if let Some(list) = given.next() {
        return list.split(',').next().is_some_and(|l| l.trim() == "sv");
    }
    po_core::Language::of_locale() == po_core::Language::Sv
}

/// A message in the command's language: `tr!("Svenska {x}", "English {x}")`.
macro_rules! tr {
    ($sv:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        if $crate::command::sv() {
            format!($sv $(, $arg)*)
        } else {
            format!($en $(, $arg)*)
        }
    };
}
pub(crate) use tr;

/// Runs `po` with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    SWEDISH.store(swedish(args), Ordering::Relaxed);
    let help_text = if sv() { HELP_SV } else { HELP };
    // `po --lang en report …`: the language may come before the command too, and is then the
    // command's `--lang` (its documents' as well as its messages').
    let moved: Vec<String>;
    let args = match args {
        [flag, lang, command, rest @ ..] if flag == "--lang" => {
            moved = [command, flag, lang]
                .into_iter()
                .chain(rest)
                .cloned()
                .collect();
            &moved[..]
        }
        [flag, command, rest @ ..] if flag.starts_with("--lang=") => {
            moved = [command, flag].into_iter().chain(rest).cloned().collect();
            &moved[..]
        }
        _ => args,
    };
    let Some((command, rest)) = args.split_first() else {
        let _ = writeln!(err, "{help_text}");
        return USAGE;
    };
    let help = rest.iter().any(|a| a == "--help" || a == "-h");
    let (text_sv, text_en, f): (&str, &str, CommandFn) = match command.as_str() {
        "report" => (report::HELP_SV, report::HELP, report::report),
        "check" => (check::HELP_SV, check::HELP, check::check),
        "queue" => (queue::HELP_SV, queue::HELP, queue::queue),
        "costs" => (costs::HELP_SV, costs::HELP, costs::costs),
        "compile" => (compile::HELP_SV, compile::HELP, compile::compile),
        "audit" => (audit::HELP_SV, audit::HELP, audit::audit),
        "schema" => (schema::HELP_SV, schema::HELP, schema::schema),
        "synthetic-nation" => (
            synthetic::HELP_SV,
            synthetic::HELP,
            synthetic::synthetic_nation,
        ),
        "--help" | "-h" | "help" | "--lang" => {
            let _ = writeln!(out, "{help_text}");
            return OK;
        }
        "--version" => {
            let _ = writeln!(out, "po {}", po_core::VERSION);
            return OK;
        }
        other => {
            let _ = writeln!(
                err,
                "po: {}\n\n{help_text}",
                tr!("okänt kommando {:?}", "unknown command {:?}", other)
            );
            return USAGE;
        }
    };
    let text = if sv() { text_sv } else { text_en };
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

/// Wrong usage, said in the command's language (a po-core error passed on is put in it).
pub(super) fn usage(m: impl std::fmt::Display) -> Fail {
    Fail::Usage(said(m))
}

/// A failure, said in the command's language (a po-core error passed on is put in it).
pub(super) fn failed(m: impl std::fmt::Display) -> Fail {
    Fail::Failed(said(m))
}

/// A message of po-core (an error's wording, English once) in the command's language; a
/// message the command worded itself is in it already and stays as it is.
pub(super) fn said(m: impl std::fmt::Display) -> String {
    po_core::io::write::message_in(&m.to_string(), language())
}

pub(super) fn print_problems(problems: &[Problem], out: &mut dyn Write) {
    // At most 20 of a kind, then how many more (a file of millions of bad rows stays readable).
    for line in po_core::io::write::problem_lines(problems, language()) {
        let _ = writeln!(out, "{line}");
    }
}
