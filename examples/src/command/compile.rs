//! `po compile`: länsstyrelsen's and Socialstyrelsen's side of the reporting chain (SFS
//! 2013:522 12 and 14 §§; DOMAIN § 11) — the services' submissions in, a county's or the
//! nation's compilation out. And the service's side: `po report --municipalities` writes the
//! submission.

use std::io::Write;
use std::path::{Path, PathBuf};

use po_core::chain::{compile_against, compile_family, ChainFinding, Compilation, Submission};
use po_core::codes::CodeList;
use po_core::disclosure::Protection;
use po_core::io::read::read_flat_submission;
use po_core::io::write::{compilation_findings_markdown, compilation_markdown};
use po_core::organisation::{County, MunicipalityCode};
use po_core::report::AnnualReport;

use super::args::{formats, languages, parse, threshold, year, Args};
use super::files::{create_dir, entries, write_file, WORKBOOK};
use super::{failed, said, tr, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str = "Usage: po compile FILES|DIR --year Y [options]

The services' submissions (10 §), each a file: po's submission JSON (po report
--municipalities writes it), the flat form as CSV (section;row;column;value) or as a
workbook (.xlsx, .ods). A directory is read for its .json, .csv, .xlsx and .ods files.

Options:
  --year Y            the year compiled (required); a submission of another year is a finding
  --county C          a county's code or name (e.g. 17 or \"Värmlands län\"), or all: every
                      county with a service and the nation, protected together in one run;
                      default the nation
  --previous FILES|DIR
                      last year's submissions, for the change against the year before
                      (comma-separated files, or a directory)
  --stated-change N   a change in the municipalities offering PO that the report's text
                      states (e.g. +7), checked against table 1: a finding when they differ
  --budget FILE       the year's national budget (JSON: year, total, socialstyrelsen_admin,
                      county_boards_admin, spent_socialstyrelsen, spent_county_boards): seed
                      001's table 5 in the nation's compilation
  --k K               the disclosure threshold (default 3)
  --unprotected       no disclosure control: for the analyst's own checks, never to publish
  --format LIST       comma-separated: md, html, xlsx, json (default md,html)
  --lang sv|en        the documents' language (default sv; both: sv,en) and the messages'
                      (the first; default the locale's)
  --out DIR           where the files go (default po-compilation)

Submissions of exact counts (po report --municipalities writes them) are compiled exactly and
each county and the nation protected together with the services' own published reports, so
that no publication subtracted from another gives a count away; submissions of protected counts
compile as sums (a sum with a hidden part is hidden).

A submission that cannot be used — unreadable, of another year, a second one from a service,
tables that contradict themselves — is left out of the sums and listed, with its file and why;
the others are compiled and written all the same. Findings (a municipality claimed by two
services, a code that is not one of the 290, a part of 10 § missing, …) are printed and
written, with what was left out, to a file of their own beside the compilation
(compilation-…findings.sv.md, .en.md; also .html and .xlsx when those formats are asked for;
with json, .findings.json), which is for the analyst, not for publication. The documents are laid out as Socialstyrelsen's national report (seed
001). Exit 0 when written, 1 when written but a submission was left out.";

/// The help in Swedish.
pub(super) const HELP_SV: &str = "Användning: po compile FILER|MAPP --year Å [val]

Verksamheternas redovisningar (10 §), var och en en fil: pos JSON (po report
--municipalities skriver den), den platta formen som CSV (section;row;column;value) eller som
arbetsbok (.xlsx, .ods). En mapp läses för sina .json-, .csv-, .xlsx- och .ods-filer.

Val:
  --year Å            året som sammanställs (krävs); en redovisning för ett annat år är ett fynd
  --county L          ett läns kod eller namn (t.ex. 17 eller \"Värmlands län\"), eller all: varje
                      län med en verksamhet och hela landet, skyddade tillsammans i en körning;
                      förval hela landet
  --previous FILER|MAPP
                      förra årets redovisningar, för förändringen mot året innan
                      (kommaseparerade filer, eller en mapp)
  --stated-change N   en förändring i antalet kommuner som erbjuder PO som rapportens text
                      anger (t.ex. +7), prövad mot tabell 1: ett fynd när de skiljer sig
  --budget FIL        årets nationella budget (JSON: year, total, socialstyrelsen_admin,
                      county_boards_admin, spent_socialstyrelsen, spent_county_boards):
                      tabell 5 i sammanställningen för hela landet
  --k K               gränsen för röjandeskydd (förval 3)
  --unprotected       inget röjandeskydd: för analytikerns egna kontroller, aldrig för publicering
  --format LISTA      kommaseparerad: md, html, xlsx, json (förval md,html)
  --lang sv|en        dokumentens språk (förval sv; båda: sv,en) och meddelandenas (det
                      första; förval miljöns)
  --out MAPP          var filerna hamnar (förval po-compilation)

Redovisningar med exakta antal (po report --municipalities skriver dem) sammanställs exakt, och
varje län och hela landet skyddas tillsammans med verksamheternas egna publicerade
redovisningar, så att ingen publikation dragen från en annan röjer ett antal; redovisningar med
skyddade antal sammanställs som summor (en summa med en dold del döljs).

En redovisning som inte kan användas — oläslig, för ett annat år, en andra från samma
verksamhet, tabeller som motsäger sig själva — lämnas utanför summorna och listas, med sin fil
och varför; de andra sammanställs och skrivs ändå. Fynd (en kommun som två verksamheter anger,
en kod som inte är en av de 290, en del av 10 § som saknas, …) skrivs ut och skrivs, med det
som lämnats utanför, till en egen fil bredvid sammanställningen (compilation-…findings.sv.md,
.en.md; även .html och .xlsx när de formaten begärs; med json .findings.json), som är till för
handläggaren och inte för publicering.
Dokumenten är upplagda som Socialstyrelsens nationella redovisning (seed 001). Slutkod 0 när
den skrivits, 1 när den skrivits men en redovisning lämnats utanför.";

/// The submission files of directories or files named one by one (directories sorted by name).
fn submission_files(paths: &[String]) -> Result<Vec<PathBuf>, Fail> {
    let readable = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .is_some_and(|e| e == "json" || e == "csv" || WORKBOOK.contains(&e.as_str()))
    };
    let mut files = Vec::new();
    for p in paths.iter().map(PathBuf::from) {
        if p.is_dir() {
            let found = entries(&p)?.into_iter();
            files.extend(found.filter(|f| f.is_file() && readable(f)));
        } else if p.is_file() {
            files.push(p);
        } else {
            return Err(failed(tr!(
                "filen eller mappen finns inte: {}",
                "no such file or directory: {}",
                p.display()
            )));
        }
    }
    if files.is_empty() {
        return Err(usage(tr!(
            "ingen redovisning (.json, .csv, .xlsx, .ods) i {}",
            "no submission (.json, .csv, .xlsx, .ods) in {}",
            paths.join(", ")
        )));
    }
    Ok(files)
}

/// Reads one submission by its extension, named by its path as given; the error names the file.
fn read_submission(path: &Path) -> Result<Submission, String> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let read = if WORKBOOK.contains(&ext.as_str()) {
        po_core::io::read::read_flat_submission_workbook(&bytes, &name)
    } else {
        let text = String::from_utf8_lossy(&bytes);
        if ext == "json" {
            Submission::from_json(&text)
        } else {
            read_flat_submission(&text)
        }
    };
    read.map(|s| s.in_file(path.display().to_string()))
        .map_err(|e| match e.file {
            Some(_) => e.to_string(),
            None => e.in_file(path.display().to_string()).to_string(),
        })
}

/// Every submission of `paths` that could be read, and a finding for each that could not
/// (issue 34: the others are compiled all the same).
fn read_all(paths: &[String]) -> Result<(Vec<Submission>, Vec<ChainFinding>), Fail> {
    let (mut read, mut unreadable) = (Vec::new(), Vec::new());
    for f in submission_files(paths)? {
        match read_submission(&f) {
            Ok(s) => read.push(s),
            Err(e) => {
                let name = f.display().to_string();
                unreadable.push(ChainFinding::left_out(
                    &name,
                    Some(&name),
                    format!("it cannot be read: {e}"),
                ));
            }
        }
    }
    Ok((read, unreadable))
}

pub(super) fn compile(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Fail> {
    let a = parse(
        args,
        &[
            "year",
            "county",
            "previous",
            "budget",
            "stated-change",
            "k",
            "format",
            "lang",
            "out",
        ],
        &["unprotected"],
    )
    .map_err(usage)?;
    let year = year(&a)?;
    let unprotected = a.flags.iter().any(|f| f == "unprotected");
    let protection = Protection::from_request(threshold(&a)?, unprotected).map_err(usage)?;
    // `None`: every county and the nation; `Some(None)`: the nation.
    let county = match a.options.get("county").map(String::as_str) {
        Some("all") => None,
        Some(c) => Some(Some(
            County::parse(c).map_err(|e| usage(format!("--county: {}", said(e))))?,
        )),
        None => Some(None),
    };
    let formats = formats(&a, &["md", "html", "xlsx", "json"], "md,html")?;
    let languages = languages(&a)?;
    let budget = match a.options.get("budget") {
        Some(_) if matches!(county, Some(Some(_))) => {
            return Err(usage(tr!(
                "--budget: budgeten är hela landets; sammanställ landet (utan --county eller med --county all)",
                "--budget: the budget is the nation's; compile the nation (no --county, or --county all)"
            )))
        }
        Some(file) => {
            let text = String::from_utf8_lossy(&super::files::read(Path::new(file))?).into_owned();
            Some(
                po_core::money::BudgetAccount::from_json(&text)
                    .map_err(|e| failed(format!("{file}: {}", said(e))))?,
            )
        }
        None => None,
    };
    let (submissions, mut unreadable) = read_all(&a.positional)?;
    let previous = match a.options.get("previous") {
        Some(list) => {
            let paths: Vec<String> = list.split(',').map(|p| p.trim().to_owned()).collect();
            let (read, mut bad) = read_all(&paths)?;
            for f in &mut bad {
                f.reason = format!("last year's submission {}", f.reason);
            }
            unreadable.extend(bad);
            Some(read)
        }
        None => None,
    };
    let mut compilations = match county {
        Some(county) => {
            vec![
                compile_against(&submissions, previous.as_deref(), year, county, protection)
                    .map_err(failed)?,
            ]
        }
        None => {
            compile_family(&submissions, previous.as_deref(), year, protection).map_err(failed)?
        }
    };
    let dir = PathBuf::from(
        a.options
            .get("out")
            .map_or("po-compilation", String::as_str),
    );
    create_dir(&dir)?;
    // A file that could not be read is left out of every compilation, and each says so.
    for c in &mut compilations {
        c.left_out.splice(0..0, unreadable.iter().cloned());
    }
    // A change the report's text states, checked against table 1.
    if let Some(n) = a.options.get("stated-change") {
        let stated: i64 = n.trim().trim_start_matches('+').parse().map_err(|_| {
            usage(tr!(
                "--stated-change: väntade ett heltal som +7 eller -2, fick {n:?}",
                "--stated-change: expected a whole number such as +7 or -2, got {n:?}"
            ))
        })?;
        // The text's change is the place compiled: the one county, or the nation of a family
        // (whose last compilation it is), never each county of it.
        if let Some(c) = compilations.last_mut() {
            c.check_stated_change(stated);
        }
    }
    // Table 5 is the nation's (the last compilation of a family).
    if let (Some(account), Some(nation)) = (budget, compilations.last_mut()) {
        if nation.county.is_none() {
            *nation = nation.clone().with_budget(account).map_err(failed)?;
        }
    }
    let mut written = Vec::new();
    for c in &compilations {
        written.extend(write_compilation(c, &formats, &languages, &dir)?);
    }
    let mut findings: Vec<&ChainFinding> = Vec::new();
    let mut left_out: Vec<&ChainFinding> = Vec::new();
    for c in &compilations {
        for f in &c.findings {
            if !findings.contains(&f) {
                findings.push(f);
            }
        }
        for f in &c.left_out {
            if !left_out.contains(&f) {
                left_out.push(f);
            }
        }
    }
    // What was left out is a problem (stderr); findings are the compilation's content. Both
    // in the command's language.
    let language = super::language();
    let finding_line = po_core::io::write::finding_line;
    for f in &left_out {
        let _ = writeln!(err, "{}", finding_line(f, language));
    }
    for f in &findings {
        let _ = writeln!(out, "{}", finding_line(f, language));
    }
    let protected = match protection {
        Protection::Threshold { k } => tr!("skyddad med k = {k}", "protected at k = {k}"),
        Protection::Unprotected => tr!(
            "OSKYDDAD, inte för publicering",
            "UNPROTECTED, not for publication"
        ),
    };
    let compiled = compilations.last().map_or(0, |c| c.services.len());
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "{} redovisning(ar), {compiled} sammanställda ({protected}), {} utanför, {} fynd; \
             skrivet:",
            "{} submission(s), {compiled} compiled ({protected}), {} left out, {} finding(s); \
             written:",
            submissions.len() + unreadable.len(),
            left_out.len(),
            findings.len()
        )
    );
    for p in &written {
        let _ = writeln!(out, "  {}", p.display());
    }
    // Written either way; the status says when a submission was left out of the sums.
    Ok(if left_out.is_empty() { OK } else { PROBLEMS })
}

/// One compilation's documents and JSON in `dir`.
fn write_compilation(
    c: &Compilation,
    formats: &[&str],
    languages: &[po_core::Language],
    dir: &Path,
) -> Result<Vec<PathBuf>, Fail> {
    let year = c.year;
    let place = c.county.map_or("riket".to_owned(), |k| k.code().to_owned());
    let stem = format!("compilation-{year}-{place}");
    let mut written = Vec::new();
    let publishable = c.publishable().map_err(failed)?;
    for language in languages {
        let lang = language.code();
        // The analyst's findings, apart from the publication (issue 34 point 3): in Markdown
        // whatever the formats, since they are what to act on before publishing, and in each
        // document format asked for.
        for format in std::iter::once(&"md").chain(formats.iter().filter(|f| **f != "md")) {
            let body = match *format {
                "md" => compilation_findings_markdown(c, *language).into_bytes(),
                "html" => po_core::io::write::compilation_findings_html(c, *language).into_bytes(),
                "xlsx" => po_core::io::write::compilation_findings_to_xlsx(c, *language)
                    .map_err(failed)?,
                _ => continue,
            };
            let path = dir.join(format!("{stem}.findings.{lang}.{format}"));
            write_file(&path, &body)?;
            written.push(path);
        }
        for format in formats {
            let body = match *format {
                "md" => compilation_markdown(publishable, *language).into_bytes(),
                "html" => {
                    po_core::io::write::compilation_to_html(publishable, *language).into_bytes()
                }
                "xlsx" => po_core::io::write::compilation_to_xlsx(publishable, *language)
                    .map_err(failed)?,
                _ => continue,
            };
            let path = dir.join(format!("{stem}.{lang}.{format}"));
            write_file(&path, &body)?;
            written.push(path);
        }
    }
    if formats.contains(&"json") {
        // The compilation's JSON is a publication (po audit reads it as one): the findings and
        // what was left out, which may quote a service's exact counts, go to the analyst's
        // file beside it.
        let published = Compilation {
            findings: Vec::new(),
            left_out: Vec::new(),
            ..c.clone()
        };
        let path = dir.join(format!("{stem}.json"));
        let json = serde_json::to_string_pretty(&published).map_err(failed)? + "\n";
        write_file(&path, json.as_bytes())?;
        written.push(path);
        let path = dir.join(format!("{stem}.findings.json"));
        let analyst = serde_json::json!({ "findings": c.findings, "left_out": c.left_out });
        let json = serde_json::to_string_pretty(&analyst).map_err(failed)? + "\n";
        write_file(&path, json.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// `po report --municipalities`: the service's submission of exact counts (`exact`) with its
/// report as published, in po's JSON and the flat CSV form, both marked confidential.
pub(super) fn write_submission(
    a: &Args,
    list: &str,
    exact: AnnualReport,
    published: Option<&AnnualReport>,
    dir: &Path,
    err: &mut dyn Write,
) -> Result<Vec<PathBuf>, Fail> {
    let municipalities = list
        .split(',')
        .map(|m| {
            m.trim()
                .parse::<MunicipalityCode>()
                .map_err(|e| usage(format!("--municipalities: {}", said(e))))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let host = *municipalities.first().ok_or_else(|| {
        usage(tr!(
            "--municipalities: ange minst en kommunkod",
            "--municipalities: give at least one municipality code"
        ))
    })?;
    let decided = match a.options.get("positions-decided") {
        Some(d) => Some(
            d.replace(',', ".")
                .parse::<rust_decimal::Decimal>()
                .map_err(|_| {
                    usage(tr!(
                        "--positions-decided: väntade ett tal, fick {d:?}",
                        "--positions-decided: expected a number, got {d:?}"
                    ))
                })?,
        ),
        None => None,
    };
    let year = exact.year;
    let mut s = Submission::exact(host, municipalities, decided, exact, published.cloned());
    let details = submission_details(a)?;
    (s.provider, s.deviation_routines, s.shortcomings) =
        (details.provider, details.routines, details.shortcomings);
    // What the national report asks for that the submission does not say.
    let mut missing = Vec::new();
    if s.deviation_routines.is_none() {
        missing.push(tr!(
            "om verksamheten har rutiner för att rapportera brister till ledningsgruppen (--deviation-routines ja|nej)",
            "whether the service has routines for reporting shortcomings to its leadership group (--deviation-routines ja|nej)"
        ));
    }
    if s.shortcomings.is_empty() {
        missing.push(tr!(
            "bristerna till den nationella rapportens bilaga 1 (--shortcomings FIL)",
            "the shortcomings for the national report's annex 1 (--shortcomings FILE)"
        ));
    }
    if s.report.priority_policy.is_none() {
        missing.push(tr!(
            "prioriteringsordningen (--policy)",
            "the priority order (--policy)"
        ));
    }
    if s.report.leadership.is_none() {
        missing.push(tr!(
            "ledningsgruppen (--leadership)",
            "the leadership group (--leadership)"
        ));
    }
    for m in missing {
        let _ = writeln!(
            err,
            "po report: {} {m}",
            tr!("redovisningen till länet saknar", "the submission lacks")
        );
    }
    let json = dir.join(format!("submission-{year}.json"));
    write_file(&json, (s.to_json() + "\n").as_bytes())?;
    let csv = dir.join(format!("submission-{year}.csv"));
    write_file(&csv, po_core::io::write::to_flat_csv(&s).as_bytes())?;
    Ok(vec![json, csv])
}

/// What `po report` adds to the submission beyond the register.
pub(super) struct SubmissionDetails {
    pub provider: Option<po_core::organisation::Provider>,
    pub routines: Option<bool>,
    pub shortcomings: Vec<po_core::deviation::ReportedShortcoming>,
}

impl SubmissionDetails {
    /// Whether any was given (they belong to a submission).
    pub fn any(&self) -> bool {
        self.provider.is_some() || self.routines.is_some() || !self.shortcomings.is_empty()
    }
}

/// `po report`'s `--provider`, `--provider-type`, `--deviation-routines` and `--shortcomings`:
/// who runs the service, whether it has routines for shortcomings and the shortcomings it
/// reports (seed 001 table 2, its count of routines and annex 1; issue 34 point 2). Read before
/// anything is written, so that a wrong one stops the report at once.
pub(super) fn submission_details(a: &Args) -> Result<SubmissionDetails, Fail> {
    let provider = match (a.options.get("provider"), a.options.get("provider-type")) {
        (None, None) => None,
        (Some(name), Some(kind)) => Some(po_core::organisation::Provider {
            name: name.clone(),
            organisation: po_core::organisation::ProviderType::parse(kind)
                .map_err(|e| usage(format!("--provider-type: {}", said(e))))?,
        }),
        _ => {
            return Err(usage(tr!(
                "--provider och --provider-type anges tillsammans",
                "--provider and --provider-type go together"
            )))
        }
    };
    if provider
        .as_ref()
        .is_some_and(po_core::organisation::Provider::names_a_person)
    {
        return Err(usage(format!(
            "--provider: {}",
            said(po_core::privacy::IN_FREE_TEXT)
        )));
    }
    let routines = match a.options.get("deviation-routines") {
        Some(v) => Some(po_core::input::flag_of(v).ok_or_else(|| {
            usage(tr!(
                "--deviation-routines: väntade ja eller nej, fick {v:?}",
                "--deviation-routines: expected ja or nej, got {v:?}"
            ))
        })?),
        None => None,
    };
    let shortcomings = match a.options.get("shortcomings") {
        Some(file) => {
            let bytes = std::fs::read(file)
                .map_err(|e| usage(format!("--shortcomings: {file}: {}", said(e))))?;
            po_core::io::read::read_shortcomings_csv(
                bytes.as_slice(),
                file,
                po_core::input::Mode::Strict,
            )
            .map_err(|e| usage(format!("--shortcomings: {}", said(e))))?
            .rows
        }
        None => Vec::new(),
    };
    Ok(SubmissionDetails {
        provider,
        routines,
        shortcomings,
    })
}
