//! `po report`: the 10 § report (SFS 2013:522 10 §) from a service's exports, in every format
//! asked for, and the submission to länsstyrelsen.

use std::io::Write;
use std::path::{Path, PathBuf};

use po_core::disclosure::{Ledger, Population, Protection};
use po_core::input::Mode;
use po_core::io::write::to_markdown;
use po_core::report::{annual_report, ReportOptions};

use super::args::{formats, languages, parse, threshold, year, Args};
use super::costs::adults;
use super::files::{create_dir, load, read, write_file};
use super::queue::policy;
use super::{failed, print_problems, said, tr, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str = "Usage: po report DIR|FILES --year Y [options]

DIR is an export directory (register.json, or clients.csv, intake.csv, deviations.csv or
deviation_events.csv, staff.csv, survey.csv — any may be missing; Swedish names klienter,
nybesok, avvikelser, avvikelsehandelser, personal, enkat too); FILES are such files named
one by one, or one workbook (.xlsx, .ods) with a sheet per export named the same way.
deviation_events.csv holds the deviations' dated histories (a row per event): each is
counted as it stands now, and withdrawn ones are no shortcomings and count nowhere.

Options:
  --year Y            the report year (required)
  --k K               the disclosure threshold (default 3: counts 1–2 hidden, and what
                      would reveal them)
  --format LIST       comma-separated: md, html, json, csv, xlsx (default md,html,json,csv;
                      html is a document that prints on A4)
  --lang sv|en        the documents' language (default sv; both: sv,en) and the messages'
                      (the first; default the locale's)
  --out DIR           where the files go (default po-report)
  --service NAME      the service's name in the title
  --vocabulary NAME   the service's local labels: none (default) or varmland
  --survey-sent N     how many exit surveys were sent (with survey.csv)
  --lenient           leave bad rows out and list them in the report (default: any problem
                      stops the report)
  --municipalities L  also write the submission to länsstyrelsen (10 §) for these
                      municipality codes, the host first (e.g. 1761,1762), as po's JSON and
                      the flat CSV form: exact counts, marked confidential and never to be
                      published, with the report as published beside them (the county
                      protects its compilation against it)
  --positions-decided N
                      the full-time positions the grant was decided for (in the submission)
  --provider NAME --provider-type TYPE
                      the organisation running the service for its municipalities, and its
                      kind (municipal_federation, non_profit_association, foundation, region,
                      other); left out when the municipalities run it (seed 001 table 2)
  --deviation-routines ja|nej
                      whether the service has routines for reporting shortcomings to its
                      leadership group (in the submission)
  --shortcomings FILE the shortcomings the service reports for the national report's annex
                      1, a CSV of counterpart;shortcoming;consequence (in the submission;
                      each text screened for identity numbers)
  --policy NAME|FILE  the priority order in use (10 § 3): a preset (national_2019,
                      varmland_2023, …) or a policy JSON file
  --leadership FILE   the leadership group (10 § 4) as JSON (see `po schema --format
                      json-schema`), checked against 5 § as in force on 31 December
  --population FILE   an SCB table of population by municipality and single year of age:
                      clients per municipality are compared with each one's share of adults
  --ledger FILE       the ledger of what has been published about this register and year
                      (created if missing; e.g. OUT/po-ledger-YEAR.json): the report is
                      protected together with every publication in it (a corrected report,
                      the report at another k), then recorded in it. A ledger at
                      OUT/po-ledger-YEAR.json is never passed over silently. The ledger holds
                      true counts: keep it with the register, never publish it
  --without-ledger    publish without the ledger that exists in OUT (not recommended: the
                      report is then protected as if nothing had been published before)";

/// The help in Swedish.
pub(super) const HELP_SV: &str = "Användning: po report MAPP|FILER --year Å [val]

MAPP är en exportmapp (register.json, eller klienter.csv, nybesok.csv, avvikelser.csv eller
avvikelsehandelser.csv, personal.csv, enkat.csv — vilken som helst kan saknas; de engelska
namnen clients, intake, deviations, deviation_events, staff, survey går också); FILER är sådana
filer angivna en och en, eller en arbetsbok (.xlsx, .ods) med ett blad per export med samma
namn. avvikelsehandelser.csv har avvikelsernas daterade historik (en rad per händelse): var och
en räknas som den står nu, och återtagna är inga brister och räknas ingenstans.

Val:
  --year Å            redovisningsåret (krävs)
  --k K               gränsen för röjandeskydd (förval 3: antal 1–2 döljs, och det som
                      skulle avslöja dem)
  --format LISTA      kommaseparerad: md, html, json, csv, xlsx (förval md,html,json,csv;
                      html är ett dokument som skrivs ut på A4)
  --lang sv|en        dokumentens språk (förval sv; båda: sv,en) och meddelandenas (det
                      första; förval miljöns)
  --out MAPP          var filerna hamnar (förval po-report)
  --service NAMN      verksamhetens namn i rubriken
  --vocabulary NAMN   verksamhetens egna benämningar: none (förval) eller varmland
  --survey-sent N     hur många avslutningsenkäter som skickades (med enkat.csv)
  --lenient           lämna felaktiga rader utanför och lista dem i redovisningen (förval:
                      varje fel stoppar redovisningen)
  --municipalities L  skriv också redovisningen till länsstyrelsen (10 §) för dessa
                      kommunkoder, värdkommunen först (t.ex. 1761,1762), som pos JSON och
                      den platta CSV-formen: exakta antal, märkta konfidentiella och aldrig
                      för publicering, med den publicerade redovisningen bredvid (länet
                      skyddar sin sammanställning mot den)
  --positions-decided N
                      de årsarbetare statsbidraget beviljades för (i redovisningen till länet)
  --provider NAMN --provider-type TYP
                      organisationen som driver verksamheten åt kommunerna, och dess slag
                      (municipal_federation, non_profit_association, foundation, region,
                      other); utelämnas när kommunerna själva driver den (seed 001 tabell 2)
  --deviation-routines ja|nej
                      om verksamheten har rutiner för att rapportera brister till
                      ledningsgruppen (i redovisningen till länet)
  --shortcomings FIL  bristerna verksamheten rapporterar till den nationella rapportens
                      bilaga 1, en CSV med motpart;brist;konsekvens (i redovisningen till
                      länet; varje text granskas efter personnummer)
  --policy NAMN|FIL   prioriteringsordningen (10 § 3): en förinställning (national_2019,
                      varmland_2023, …) eller en JSON-fil
  --leadership FIL    ledningsgruppen (10 § 4) som JSON (se `po schema --format
                      json-schema`), prövad mot 5 § i lydelsen den 31 december
  --population FIL    en SCB-tabell över befolkningen per kommun och ettårsklass: klienterna
                      per kommun jämförs med varje kommuns andel av de vuxna
  --ledger FIL        liggaren över vad som publicerats om detta register och år (skapas om
                      den saknas; t.ex. UT/po-ledger-ÅR.json): redovisningen skyddas
                      tillsammans med allt i den (en rättad redovisning, samma redovisning med
                      ett annat k) och förs sedan in i den. En liggare i UT/po-ledger-ÅR.json
                      förbigås aldrig i tysthet. Liggaren har exakta antal: förvara den med
                      registret, publicera den aldrig
  --without-ledger    publicera utan liggaren som finns i UT (avråds: redovisningen skyddas då
                      som om inget publicerats tidigare)";

pub(super) fn report(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Fail> {
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
            "provider",
            "provider-type",
            "deviation-routines",
            "shortcomings",
            "policy",
            "leadership",
            "population",
            "ledger",
        ],
        &["lenient", "without-ledger"],
    )
    .map_err(usage)?;
    let year = year(&a)?;
    // The submission's details are checked before anything is read or written; without a
    // submission they would go nowhere.
    if super::compile::submission_details(&a)?.any() && !a.options.contains_key("municipalities") {
        return Err(usage(tr!(
            "--provider, --deviation-routines och --shortcomings hör till redovisningen till länet: ange --municipalities",
            "--provider, --deviation-routines and --shortcomings belong to the submission to länsstyrelsen: give --municipalities"
        )));
    }
    let k = threshold(&a)?;
    let protection = Protection::from_request(k, false).map_err(usage)?;
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
                "po report: {}",
                tr!(
                    "{} fel i indata; ingen redovisning skriven (--lenient lämnar felaktiga rader utanför och listar dem i redovisningen)",
                    "{} problem(s) in the input; no report written (--lenient leaves bad rows out and lists them in the report)",
                    problems.len()
                )
            );
            return Ok(PROBLEMS);
        }
    };
    let leadership_group = match a.options.get("leadership") {
        Some(file) => {
            let text = String::from_utf8_lossy(&read(Path::new(file))?).into_owned();
            Some(
                serde_json::from_str::<po_core::organisation::LeadershipGroup>(&text).map_err(
                    |e| {
                        failed(tr!(
                            "{file}: inte en ledningsgrupp: {}",
                            "{file}: not a leadership group: {}",
                            said(e)
                        ))
                    },
                )?,
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
    // Clients of other years are in no table of this one: said, never silently left out.
    let (after, before) = register.outside_year(year);
    if after + before > 0 {
        let _ = writeln!(
            err,
            "po report: {}",
            tr!(
                "{} av {} klienter räknas för {year}; {after} började efter {year} och {before} slutade före (i ingen tabell i årets redovisning)",
                "{} of {} clients are counted for {year}; {after} started after {year} and {before} ended before it (in no table of this year's report)",
                register.clients.len() - after - before,
                register.clients.len()
            )
        );
    }
    let dir = PathBuf::from(a.options.get("out").map_or("po-report", String::as_str));
    let ledger = ledger(&a, &dir, &options)?;
    let (report, recorded) = match &ledger {
        Some((_, ledger)) => {
            let unprotected = ReportOptions {
                protection: Protection::Unprotected,
                ..options.clone()
            };
            let mut report = annual_report(&register, &unprotected).map_err(failed)?;
            let entry = report
                .protect_with_ledger(k.unsigned_abs(), ledger)
                .map_err(failed)?;
            (report, Some(entry))
        }
        None => (annual_report(&register, &options).map_err(failed)?, None),
    };
    let publishable = report.publishable().map_err(failed)?;
    create_dir(&dir)?;
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
        create_dir(&tables)?;
        for (name, csv) in po_core::io::write::tables_csv(publishable) {
            write_file(&tables.join(format!("{name}.csv")), csv.as_bytes())?;
        }
        written.push(tables);
    }
    if let Some(list) = a.options.get("municipalities") {
        // Exact counts to länsstyrelsen, with the report as published (none if unprotected).
        let unprotected = ReportOptions {
            protection: Protection::Unprotected,
            ..options.clone()
        };
        let exact = annual_report(&register, &unprotected).map_err(failed)?;
        let published = (report.protection != Protection::Unprotected).then_some(&report);
        written.extend(super::compile::write_submission(
            &a, list, exact, published, &dir, err,
        )?);
    }
    // Recorded once everything is written: the ledger says what was published.
    if let (Some((path, mut ledger)), Some(entry)) = (ledger, recorded) {
        ledger.record(entry);
        write_file(&path, ledger.to_json().as_bytes())?;
        written.push(path);
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "Redovisningen för {year} av {} klienter, skyddad med k = {k}; skrivet:",
            "The {year} report of {} clients, protected at k = {k}; written:",
            register.clients.len() - after - before
        )
    );
    for p in &written {
        let _ = writeln!(out, "  {}", p.display());
    }
    if !problems.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "{} fel i indata: raderna det gäller är utelämnade och listade i redovisningen.",
                "{} problem(s) in the input: the rows concerned are left out and listed in the report.",
                problems.len()
            )
        );
    }
    Ok(OK)
}

/// The ledger to protect the report with: `--ledger FILE` (read, or new when missing), or the
/// one found in the output directory. A ledger there that is not used is refused unless
/// `--without-ledger` says so: publishing as if nothing had been published before is a choice
/// made by name.
fn ledger(
    a: &Args,
    dir: &Path,
    options: &ReportOptions,
) -> Result<Option<(PathBuf, Ledger)>, Fail> {
    let population = Population {
        scope: "service".into(),
        name: options.service_name.clone(),
        year: options.year,
    };
    let found = dir.join(format!("po-ledger-{}.json", options.year));
    let without = a.flags.iter().any(|f| f == "without-ledger");
    let path = match a.options.get("ledger") {
        Some(_) if without => {
            return Err(usage(tr!(
                "--ledger och --without-ledger utesluter varandra",
                "--ledger and --without-ledger exclude each other"
            )));
        }
        Some(file) => PathBuf::from(file),
        None if without || !found.exists() => return Ok(None),
        None => {
            return Err(usage(tr!(
                "en liggare över det som publicerats finns i {}: ange --ledger {} för att \
                 skydda redovisningen tillsammans med den, eller --without-ledger för att \
                 publicera utan den",
                "a ledger of what was published exists at {}: pass --ledger {} to protect this \
                 report together with it, or --without-ledger to publish without it",
                found.display(),
                found.display()
            )))
        }
    };
    let ledger = if path.exists() {
        let text = String::from_utf8_lossy(&read(&path)?).into_owned();
        Ledger::from_json(&text, &population)
            .map_err(|e| failed(format!("{}: {}", path.display(), said(e))))?
    } else {
        Ledger::new(population)
    };
    Ok(Some((path, ledger)))
}
