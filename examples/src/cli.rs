//! The `po` command: a service's own exports in, the 10 § report, the checks, the queue, the
//! invoices, the submissions' compilation and the column reference out. Every domain decision is po-core's; this module reads
//! arguments and files and writes files.
//!
//! Exit codes: 0 done; 1 the input has problems (each printed, located); 2 wrong usage; 3 a file
//! could not be read or written, or a computation refused its input.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use po_core::codes::LocalVocabulary;
use po_core::input::{Mode, Problem};
use po_core::report::Register;
use po_core::Language;

mod compile;

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
  schema [--format md|json|json-schema]
                              every input file and column po reads; the JSON documents' schemas

Exit codes: 0 done, 1 the input has problems, 2 wrong usage, 3 a file could not be read or
written or po refused the input.";

const REPORT_HELP: &str = "Usage: po report DIR|FILES --year Y [options]

DIR is an export directory (register.json, or clients.csv, intake.csv, deviations.csv,
staff.csv, survey.csv — any may be missing; Swedish names klienter, nybesok, avvikelser,
personal, enkat too); FILES are such files named one by one, or one workbook (.xlsx, .ods)
with a sheet per export named the same way.

Options:
  --year Y            the report year (required)
  --k K               the disclosure threshold (default 3: counts 1–2 hidden, and what
                      would reveal them)
  --format LIST       comma-separated: md, html, json, csv, xlsx (default md,html,json,csv;
                      html is a document that prints on A4)
  --lang sv|en        the documents' language (default sv; both: sv,en)
  --out DIR           where the files go (default po-report)
  --service NAME      the service's name in the title
  --vocabulary NAME   the service's local labels: none (default) or varmland
  --survey-sent N     how many exit surveys were sent (with survey.csv)
  --lenient           leave bad rows out and list them in the report (default: any problem
                      stops the report)
  --municipalities L  also write the submission to länsstyrelsen (10 §) for these
                      municipality codes, the host first (e.g. 1761,1762), as po's JSON and
                      the flat CSV form
  --positions-decided N
                      the full-time positions the grant was decided for (in the submission)
  --policy NAME|FILE  the priority order in use (10 § 3): a preset (national_2019,
                      varmland_2023, …) or a policy JSON file
  --leadership FILE   the leadership group (10 § 4) as JSON (see `po schema --format
                      json-schema`), checked against 5 § as in force on 31 December
  --population FILE   an SCB table of population by municipality and single year of age:
                      clients per municipality are compared with each one's share of adults";

const CHECK_HELP: &str = "Usage: po check DIR|FILES [--vocabulary NAME] [--survey-sent N]

Reads the exports as po report does and prints every problem with its file, row (as the
spreadsheet shows it) and column. Exit 0 when there is none, 1 otherwise.";

const QUEUE_HELP: &str =
    "Usage: po queue FILE --policy NAME|FILE --date YYYY-MM-DD [--lang sv|en] [--xlsx OUT]

FILE is a queue export (applicants.csv, or a workbook whose first sheet is the queue; see
`po schema`). The policy is a preset
(national_2019, varmland_2023, …) or a policy JSON file. Prints the places with their reasons;
--xlsx also writes them as a workbook.";

const COSTS_HELP: &str =
    "Usage: po costs AGREEMENT.json [--population FILE] [--format md|csv] [--xlsx OUT]

Allocates the agreement's municipal net cost between its participants by adults (18+). With
--population (an SCB table of population by municipality and single year of age), the adults
are read from it instead of the agreement. --xlsx also writes the invoices as a workbook.";

const SCHEMA_HELP: &str = "Usage: po schema [--format md|json|json-schema] [--out DIR]

Every input file po reads, its columns, Swedish aliases, required or optional, type, allowed
codes and labels, an example. --format json-schema writes the JSON Schema of the JSON documents
(register, agreement, policy, leadership group, submission) into DIR (default po-schemas).";

/// Arguments after the command: positional values, `--name value` options and `--flag`s.
struct Args {
    positional: Vec<String>,
    options: BTreeMap<String, String>,
    flags: Vec<String>,
}

fn parse(args: &[String], options: &[&str], flags: &[&str]) -> Result<Args, String> {
    let mut out = Args {
        positional: Vec::new(),
        options: BTreeMap::new(),
        flags: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if let Some(name) = a.strip_prefix("--") {
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (name, None),
            };
            if flags.contains(&name) {
                out.flags.push(name.to_owned());
            } else if options.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i)
                            .cloned()
                            .ok_or_else(|| format!("--{name} needs a value"))?
                    }
                };
                out.options.insert(name.to_owned(), value);
            } else {
                return Err(format!(
                    "unknown option --{name}; expected one of {}",
                    options
                        .iter()
                        .chain(flags)
                        .map(|o| format!("--{o}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        } else {
            out.positional.push(a.clone());
        }
        i += 1;
    }
    Ok(out)
}

/// Runs `po` with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some((command, rest)) = args.split_first() else {
        let _ = writeln!(err, "{HELP}");
        return USAGE;
    };
    let help = rest.iter().any(|a| a == "--help" || a == "-h");
    let (text, f): (&str, CommandFn) = match command.as_str() {
        "report" => (REPORT_HELP, report),
        "check" => (CHECK_HELP, check),
        "queue" => (QUEUE_HELP, queue),
        "costs" => (COSTS_HELP, costs),
        "compile" => (compile::HELP, compile::compile),
        "schema" => (SCHEMA_HELP, schema),
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

/// A register read, with the problems of the rows left out; or every problem of a refused read.
type Loaded = Result<(Register, Vec<Problem>), Vec<Problem>>;

/// Why a command stopped.
enum Fail {
    Usage(String),
    Failed(String),
}

fn usage(m: impl Into<String>) -> Fail {
    Fail::Usage(m.into())
}

fn failed(m: impl std::fmt::Display) -> Fail {
    Fail::Failed(m.to_string())
}

fn read(path: &Path) -> Result<Vec<u8>, Fail> {
    std::fs::read(path).map_err(|e| failed(format!("cannot read {}: {e}", path.display())))
}

fn write_file(path: &Path, text: &[u8]) -> Result<(), Fail> {
    std::fs::write(path, text).map_err(|e| failed(format!("cannot write {}: {e}", path.display())))
}

/// The extensions read as workbooks (a sheet per export).
const WORKBOOK: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The register files of a directory or of files named one by one, by role.
/// Files of a directory that are not read (another name, or beside a `register.json`) are
/// returned too, so that the command can say so: nothing is skipped silently.
fn register_files(
    paths: &[String],
) -> Result<(BTreeMap<&'static str, PathBuf>, Vec<PathBuf>), Fail> {
    const ROLES: &[(&str, &[&str])] = &[
        ("register", &["register"]),
        ("clients", &["clients", "klienter"]),
        ("intake", &["intake", "nybesok", "nybesök"]),
        ("deviations", &["deviations", "avvikelser"]),
        ("staff", &["staff", "personal"]),
        ("survey", &["survey", "enkat", "enkät"]),
    ];
    let role_of = |p: &Path| -> Option<&'static str> {
        let ext = p.extension()?.to_str()?.to_lowercase();
        if WORKBOOK.contains(&ext.as_str()) {
            return Some("workbook");
        }
        let stem = p.file_stem()?.to_str()?.to_lowercase();
        ROLES
            .iter()
            .find(|(_, names)| names.contains(&stem.as_str()))
            .map(|(role, _)| *role)
    };
    let mut files = BTreeMap::new();
    let mut ignored = Vec::new();
    if paths.is_empty() {
        return Err(usage("give an export directory or its files"));
    }
    for p in paths.iter().map(PathBuf::from) {
        if p.is_dir() {
            let entries = std::fs::read_dir(&p)
                .map_err(|e| failed(format!("cannot read {}: {e}", p.display())))?;
            let mut found: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
            found.sort();
            for f in found {
                let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
                let known = ext == "csv" || ext == "json" || WORKBOOK.contains(&ext);
                match (role_of(&f), known) {
                    (Some(role), true) if !files.contains_key(role) => {
                        files.insert(role, f);
                    }
                    _ if f.is_file() => ignored.push(f),
                    _ => {}
                }
            }
        } else if !p.exists() {
            return Err(failed(format!(
                "no such file or directory: {}",
                p.display()
            )));
        } else {
            let role = role_of(&p).ok_or_else(|| {
                usage(format!(
                    "{}: not an export po knows by its name (clients, intake, deviations, staff, survey, register.json) or a workbook (.xlsx, .ods)",
                    p.display()
                ))
            })?;
            if files.insert(role, p.clone()).is_some() {
                return Err(usage(format!("two {role} files given")));
            }
        }
    }
    if files.is_empty() {
        return Err(failed(format!(
            "no export found in {} (register.json, clients.csv, intake.csv, deviations.csv, staff.csv, survey.csv)",
            paths.join(", ")
        )));
    }
    if files.contains_key("register") {
        let beside: Vec<&'static str> =
            files.keys().copied().filter(|r| *r != "register").collect();
        for role in beside {
            if let Some(p) = files.remove(role) {
                ignored.push(p);
            }
        }
    }
    Ok((files, ignored))
}

/// Reads the register; every problem is returned (none are dropped). A progress line goes to
/// `err` for inputs large enough to take a while.
fn load(a: &Args, mode: Mode, err: &mut dyn Write) -> Result<Loaded, Fail> {
    let (files, ignored) = register_files(&a.positional)?;
    if !ignored.is_empty() {
        let names: Vec<String> = ignored
            .iter()
            .map(|p| {
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
            .collect();
        let why = if files.contains_key("register") {
            "register.json is read, so neither the exports beside it nor files of other names are"
        } else {
            "not the name of an export"
        };
        let _ = writeln!(err, "po: not read: {} ({why})", names.join(", "));
    }
    let vocabulary =
        LocalVocabulary::preset(a.options.get("vocabulary").map_or("none", String::as_str))
            .map_err(|e| usage(e.to_string()))?;
    let sent: u32 = match a.options.get("survey-sent") {
        Some(n) => n
            .parse()
            .map_err(|_| usage(format!("--survey-sent: expected a count, got {n:?}")))?,
        None => 0,
    };
    let bytes: BTreeMap<&str, Vec<u8>> = files
        .iter()
        .map(|(role, p)| Ok((*role, read(p)?)))
        .collect::<Result<_, Fail>>()?;
    let size: usize = bytes.values().map(Vec::len).sum();
    let started = Instant::now();
    if size > 32 << 20 {
        let _ = writeln!(err, "po: reading {} MB of exports…", size >> 20);
    }
    if let Some(book) = bytes.get("workbook") {
        if bytes.len() > 1 {
            return Err(usage("a workbook holds the whole register: give it alone"));
        }
        let name = files["workbook"]
            .file_name()
            .map_or("workbook".into(), |n| n.to_string_lossy().into_owned());
        return Ok(
            po_core::io::read::read_register_workbook(book, &name, &vocabulary, mode)
                .map_err(|e| e.problems),
        );
    }
    if let Some(json) = bytes.get("register") {
        let text = String::from_utf8_lossy(json);
        return Ok(
            po_core::io::read::read_register_json(&text, "register.json")
                .map(|r| (r, Vec::new()))
                .map_err(|e| e.problems),
        );
    }
    let csv = po_core::io::read::RegisterCsv {
        clients: bytes.get("clients").map(|b| b.as_slice().into()),
        intake: bytes.get("intake").map(|b| b.as_slice().into()),
        deviations: bytes.get("deviations").map(|b| b.as_slice().into()),
        staff: bytes.get("staff").map(|b| b.as_slice().into()),
        survey: bytes.get("survey").map(Vec::as_slice),
        survey_sent: sent,
    };
    let read = po_core::io::read::read_register_csv(csv, &vocabulary, mode);
    if started.elapsed().as_secs_f64() > 1.0 {
        let _ = writeln!(err, "po: read in {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(read.map_err(|e| e.problems))
}

/// `--format`: a comma-separated list of `allowed` values.
fn formats<'a>(a: &'a Args, allowed: &[&str], default: &'a str) -> Result<Vec<&'a str>, Fail> {
    let formats: Vec<&str> = a
        .options
        .get("format")
        .map_or(default, String::as_str)
        .split(',')
        .map(str::trim)
        .collect();
    match formats.iter().find(|f| !allowed.contains(f)) {
        Some(f) => Err(usage(format!(
            "--format: {f:?} is not one of {}",
            allowed.join(", ")
        ))),
        None => Ok(formats),
    }
}

/// `--lang`: `sv` (the default), `en`, or both.
fn languages(a: &Args) -> Result<Vec<Language>, Fail> {
    a.options
        .get("lang")
        .map_or("sv", String::as_str)
        .split(',')
        .map(|l| match l.trim() {
            "sv" => Ok(Language::Sv),
            "en" => Ok(Language::En),
            other => Err(usage(format!("--lang: expected sv or en, got {other:?}"))),
        })
        .collect()
}

/// `--k`: the disclosure threshold, 3 unless given.
fn threshold(a: &Args) -> Result<i64, Fail> {
    match a.options.get("k") {
        Some(k) => k
            .parse()
            .map_err(|_| usage(format!("--k: expected a whole number, got {k:?}"))),
        None => Ok(3),
    }
}

/// `--year`, required.
fn year(a: &Args) -> Result<i32, Fail> {
    a.options
        .get("year")
        .ok_or_else(|| usage("--year is required"))?
        .parse()
        .map_err(|_| usage("--year: expected a year such as 2023"))
}

fn print_problems(problems: &[Problem], out: &mut dyn Write) {
    for p in problems {
        let _ = writeln!(out, "{p}");
    }
}

fn check(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Fail> {
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

fn report(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Fail> {
    use po_core::disclosure::Protection;
    use po_core::io::write::to_markdown;
    use po_core::report::{annual_report, ReportOptions};
    let a = parse(
        args,
        &[
            "year",
            "k",
            "format",
            "lang",
            "out",
            "service",
            "vocabulary",
            "survey-sent",
            "municipalities",
            "positions-decided",
            "policy",
            "leadership",
            "population",
        ],
        &["lenient"],
    )
    .map_err(usage)?;
    let year = year(&a)?;
    let k = threshold(&a)?;
    let protection = Protection::from_request(k, false).map_err(|e| usage(e.to_string()))?;
    let formats = formats(
        &a,
        &["md", "html", "json", "csv", "xlsx"],
        "md,html,json,csv",
    )?;
    let languages = languages(&a)?;
    let lenient = a.flags.iter().any(|f| f == "lenient");
    let mode = if lenient { Mode::Lenient } else { Mode::Strict };
    let (register, problems) = match load(&a, mode, err)? {
        Ok(read) => read,
        Err(problems) => {
            print_problems(&problems, err);
            let _ = writeln!(
                err,
                "po report: {} problem(s) in the input; no report written (--lenient leaves bad rows out and lists them in the report)",
                problems.len()
            );
            return Ok(PROBLEMS);
        }
    };
    let leadership_group = match a.options.get("leadership") {
        Some(file) => {
            let text = String::from_utf8_lossy(&read(Path::new(file))?).into_owned();
            Some(
                serde_json::from_str::<po_core::organisation::LeadershipGroup>(&text)
                    .map_err(|e| failed(format!("{file}: not a leadership group: {e}")))?,
            )
        }
        None => None,
    };
    let options = ReportOptions {
        year,
        service_name: a.options.get("service").cloned().unwrap_or_default(),
        protection,
        priority_policy: a.options.get("policy").map(|p| policy(p)).transpose()?,
        leadership_group,
        population: match a.options.get("population") {
            Some(file) => adults(file)?,
            None => Default::default(),
        },
        input_problems: problems.clone(),
    };
    let report = annual_report(&register, &options).map_err(failed)?;
    let publishable = report.publishable().map_err(failed)?;
    let dir = PathBuf::from(a.options.get("out").map_or("po-report", String::as_str));
    std::fs::create_dir_all(&dir)
        .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
    let mut written = Vec::new();
    if formats.contains(&"md") {
        for language in &languages {
            let path = dir.join(format!("report-{year}.{}.md", language.code()));
            write_file(&path, to_markdown(publishable, *language).as_bytes())?;
            written.push(path);
        }
    }
    if formats.contains(&"html") {
        for language in &languages {
            let path = dir.join(format!("report-{year}.{}.html", language.code()));
            let html = po_core::io::write::to_html(publishable, *language);
            write_file(&path, html.as_bytes())?;
            written.push(path);
        }
    }
    if formats.contains(&"xlsx") {
        for language in &languages {
            let path = dir.join(format!("report-{year}.{}.xlsx", language.code()));
            let book =
                po_core::io::write::report_to_xlsx(publishable, *language).map_err(failed)?;
            write_file(&path, &book)?;
            written.push(path);
        }
    }
    if formats.contains(&"json") {
        let path = dir.join(format!("report-{year}.json"));
        write_file(&path, po_core::io::write::to_json(publishable).as_bytes())?;
        written.push(path);
    }
    if formats.contains(&"csv") {
        let tables = dir.join(format!("tables-{year}"));
        std::fs::create_dir_all(&tables)
            .map_err(|e| failed(format!("cannot create {}: {e}", tables.display())))?;
        for (name, csv) in po_core::io::write::tables_csv(publishable) {
            write_file(&tables.join(format!("{name}.csv")), csv.as_bytes())?;
        }
        written.push(tables);
    }
    if let Some(list) = a.options.get("municipalities") {
        written.extend(compile::write_submission(&a, list, &report, &dir)?);
    }
    let _ = writeln!(
        out,
        "The {year} report of {} clients, protected at k = {k}; written:",
        register.clients.len()
    );
    for p in &written {
        let _ = writeln!(out, "  {}", p.display());
    }
    if !problems.is_empty() {
        let _ = writeln!(
            out,
            "{} problem(s) in the input: the rows concerned are left out and listed in the report.",
            problems.len()
        );
    }
    Ok(OK)
}

/// A priority policy: a policy JSON file if `arg` names one, else a preset's name.
fn policy(arg: &str) -> Result<po_core::priority::PriorityPolicy, Fail> {
    use po_core::priority::PriorityPolicy;
    if Path::new(arg).is_file() {
        let text = String::from_utf8_lossy(&read(Path::new(arg))?).into_owned();
        PriorityPolicy::from_json(&text).map_err(|e| failed(format!("{arg}: {e}")))
    } else {
        PriorityPolicy::preset(arg).map_err(|e| usage(e.to_string()))
    }
}

/// Adults (18+) and names per municipality from an SCB population table (`--population`).
fn adults(
    file: &str,
) -> Result<BTreeMap<po_core::organisation::MunicipalityCode, (String, u64)>, Fail> {
    po_core::io::read::adults_from_scb_csv(&String::from_utf8_lossy(&read(Path::new(file))?))
        .map_err(|e| failed(format!("{file}: {e}")))
}

fn date_of(text: &str, option: &str) -> Result<time::Date, Fail> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).map_err(|_| {
        usage(format!(
            "--{option}: expected a date YYYY-MM-DD, got {text:?}"
        ))
    })
}

fn queue(args: &[String], out: &mut dyn Write, _err: &mut dyn Write) -> Result<i32, Fail> {
    use po_core::priority::rank;
    let a = parse(args, &["policy", "date", "lang", "xlsx"], &[]).map_err(usage)?;
    let [file] = a.positional.as_slice() else {
        return Err(usage("give one queue export (applicants.csv)"));
    };
    let on = date_of(
        a.options
            .get("date")
            .ok_or_else(|| usage("--date is required"))?,
        "date",
    )?;
    let policy = policy(
        a.options
            .get("policy")
            .ok_or_else(|| usage("--policy is required"))?,
    )?;
    let sv = a.options.get("lang").is_none_or(|l| l != "en");
    let name = Path::new(file)
        .file_name()
        .map_or("applicants.csv".into(), |n| {
            n.to_string_lossy().into_owned()
        });
    let bytes = read(Path::new(file))?;
    let is_book = Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WORKBOOK.contains(&e.to_lowercase().as_str()));
    // A workbook's first sheet is the queue (its problems name the sheet).
    let sheets = if is_book {
        po_core::io::read::read_workbook(&bytes, &name).map_err(|e| {
            failed(
                e.problems
                    .first()
                    .map_or_else(String::new, ToString::to_string),
            )
        })?
    } else {
        Vec::new()
    };
    let (input, name) = match sheets.first() {
        Some(sheet) => (
            po_core::io::read::Input::Frame(&sheet.frame),
            format!("{name} [{}]", sheet.name),
        ),
        None if is_book => return Err(failed(format!("{name}: the workbook has no sheet"))),
        None => (po_core::io::read::Input::Csv(&bytes), name),
    };
    let applicants = match po_core::io::read::read_applicants_csv(input, &name, Mode::Strict) {
        Ok(read) => read.rows,
        Err(e) => {
            print_problems(&e.problems, out);
            let _ = writeln!(out, "{} problem(s); no ranking made.", e.problems.len());
            return Ok(PROBLEMS);
        }
    };
    // Those who had left the queue by the date are not ranked, and are named (never dropped
    // silently); rank() refuses them.
    let (waiting, left): (Vec<_>, Vec<_>) = applicants
        .into_iter()
        .partition(|x| x.left_queue_on.is_none_or(|d| d > on));
    let ranking = rank(&waiting, &policy, on).map_err(failed)?;
    let _ = writeln!(out, "{}\n", ranking.stamp.rules);
    if !left.is_empty() {
        let ids: Vec<&str> = left.iter().map(|x| x.id.as_str()).collect();
        let _ = writeln!(
            out,
            "{} {on}: {}\n",
            if sv {
                "Inte rangordnade, har lämnat kön senast"
            } else {
                "Not ranked, left the queue by"
            },
            ids.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "| {} | Id | {} | {} | {} | {} |\n|---:|---|---|---|---:|---|",
        if sv { "Plats" } else { "Place" },
        if sv { "Område" } else { "Area" },
        if sv { "Grupp" } else { "Group" },
        if sv { "Dagar i kö" } else { "Days waited" },
        if sv { "Skäl" } else { "Reason" },
    );
    for r in &ranking.applicants {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            r.position,
            r.id,
            r.area.as_deref().unwrap_or(""),
            r.deciding_group.as_deref().unwrap_or("–"),
            r.days_waited,
            if sv { &r.reason_sv } else { &r.reason_en }
        );
    }
    if let Some(path) = a.options.get("xlsx") {
        let language = if sv { Language::Sv } else { Language::En };
        let book = po_core::io::write::ranking_to_xlsx(&ranking, on, language).map_err(failed)?;
        write_file(Path::new(path), &book)?;
        let _ = writeln!(out, "\nWritten: {path}");
    }
    Ok(OK)
}

fn costs(args: &[String], out: &mut dyn Write, _err: &mut dyn Write) -> Result<i32, Fail> {
    use po_core::money::{allocate, Agreement};
    let a = parse(args, &["population", "format", "xlsx"], &[]).map_err(usage)?;
    let [file] = a.positional.as_slice() else {
        return Err(usage("give one agreement (JSON)"));
    };
    let text = String::from_utf8_lossy(&read(Path::new(file))?).into_owned();
    let mut agreement = Agreement::from_json(&text).map_err(failed)?;
    if let Some(p) = a.options.get("population") {
        let table = adults(p)?;
        for participant in &mut agreement.participants {
            let code = participant.municipality.code;
            participant.adults = table.get(&code).map(|e| e.1).ok_or_else(|| {
                failed(format!(
                    "{p}: no row for {code} {}",
                    participant.municipality.name
                ))
            })?;
        }
    }
    let allocation = allocate(&agreement).map_err(failed)?;
    let csv = a.options.get("format").is_some_and(|f| f == "csv");
    if csv {
        let _ = writeln!(
            out,
            "kommunkod;kommun;vuxna;andel_procent;avgift;administrationsavgift;att_betala"
        );
    } else {
        let _ = writeln!(
            out,
            "{}\n\n| Kommunkod | Kommun | Vuxna (18+) | Andel % | Avgift | Administrationsavgift | Att betala |\n|---|---|---:|---:|---:|---:|---:|",
            allocation.stamp.rules
        );
    }
    for s in &allocation.participants {
        let cells = [
            s.code.to_string(),
            s.name.clone(),
            s.adults.to_string(),
            s.key_percent.to_string(),
            s.fee.to_string(),
            s.administration_fee.to_string(),
            s.total.to_string(),
        ];
        let _ = if csv {
            writeln!(out, "{}", cells.join(";"))
        } else {
            writeln!(out, "| {} |", cells.join(" | "))
        };
    }
    if let Some(path) = a.options.get("xlsx") {
        let book =
            po_core::io::write::invoices_to_xlsx(&allocation, Language::Sv).map_err(failed)?;
        write_file(Path::new(path), &book)?;
    }
    if !csv {
        let total: rust_decimal::Decimal = allocation.participants.iter().map(|s| s.total).sum();
        let _ = writeln!(
            out,
            "\nSumma att betala: {total} (kommunernas nettokostnad {} + administrationsavgift {}).",
            allocation.municipal_net, allocation.administration_fee
        );
    }
    Ok(OK)
}

fn schema(args: &[String], out: &mut dyn Write, _err: &mut dyn Write) -> Result<i32, Fail> {
    let a = parse(args, &["format", "out"], &[]).map_err(usage)?;
    match a.options.get("format").map_or("md", String::as_str) {
        "json-schema" => {
            let dir = PathBuf::from(a.options.get("out").map_or("po-schemas", String::as_str));
            std::fs::create_dir_all(&dir)
                .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
            for (name, schema) in po_core::schema::document_schemas() {
                let path = dir.join(format!("{name}.schema.json"));
                let text = serde_json::to_string_pretty(&schema).map_err(failed)? + "\n";
                write_file(&path, text.as_bytes())?;
                let _ = writeln!(out, "{}", path.display());
            }
        }
        "md" => {
            let _ = write!(out, "{}", po_core::io::read::column_reference_markdown());
        }
        "json" => {
            let json = serde_json::to_string_pretty(&po_core::io::read::column_reference())
                .map_err(failed)?;
            let _ = writeln!(out, "{json}");
        }
        other => {
            return Err(usage(format!(
                "--format: expected md or json, got {other:?}"
            )))
        }
    }
    Ok(OK)
}
