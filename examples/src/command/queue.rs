//! `po queue`: a queue export ranked by a priority policy.

use std::io::Write;
use std::path::Path;

use po_core::input::Mode;
use po_core::Language;

use super::args::parse;
use super::files::{read, write_file, WORKBOOK};
use super::{failed, print_problems, said, tr, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str =
    "Usage: po queue FILE --policy NAME|FILE --date YYYY-MM-DD [--lang sv|en] [--xlsx OUT]

FILE is a queue export (applicants.csv, or a workbook whose first sheet is the queue; see
`po schema`). The policy is a preset
(national_2019, varmland_2023, …) or a policy JSON file. Prints the places with their reasons;
--xlsx also writes them as a workbook.";

/// The help in Swedish.
pub(super) const HELP_SV: &str =
    "Användning: po queue FIL --policy NAMN|FIL --date ÅÅÅÅ-MM-DD [--lang sv|en] [--xlsx UT]

FIL är en köexport (applicants.csv, eller en arbetsbok vars första blad är kön; se
`po schema`). Prioriteringsordningen är en förinställning (national_2019, varmland_2023, …)
eller en JSON-fil. Skriver ut platserna med skälen; --xlsx skriver dem också som arbetsbok.";

/// A priority policy: a policy JSON file if `arg` names one, else a preset's name.
pub(super) fn policy(arg: &str) -> Result<po_core::priority::PriorityPolicy, Fail> {
    use po_core::priority::PriorityPolicy;
    if Path::new(arg).is_file() {
        let text = String::from_utf8_lossy(&read(Path::new(arg))?).into_owned();
        PriorityPolicy::from_json(&text).map_err(|e| failed(format!("{arg}: {}", said(e))))
    } else {
        PriorityPolicy::preset(arg).map_err(usage)
    }
}

pub(super) fn date_of(text: &str, option: &str) -> Result<time::Date, Fail> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).map_err(|_| {
        usage(tr!(
            "--{option}: väntade ett datum ÅÅÅÅ-MM-DD, fick {text:?}",
            "--{option}: expected a date YYYY-MM-DD, got {text:?}"
        ))
    })
}

pub(super) fn queue(
    args: &[String],
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<i32, Fail> {
    use po_core::priority::rank;
    let a = parse(args, &["policy", "date", "lang", "xlsx"], &[]).map_err(usage)?;
    let [file] = a.positional.as_slice() else {
        return Err(usage(tr!(
            "ange en köexport (applicants.csv)",
            "give one queue export (applicants.csv)"
        )));
    };
    let on = date_of(
        a.options
            .get("date")
            .ok_or_else(|| usage(tr!("--date krävs", "--date is required")))?,
        "date",
    )?;
    let policy = policy(
        a.options
            .get("policy")
            .ok_or_else(|| usage(tr!("--policy krävs", "--policy is required")))?,
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
        None if is_book => {
            return Err(failed(tr!(
                "{name}: arbetsboken har inget blad",
                "{name}: the workbook has no sheet"
            )))
        }
        None => (po_core::io::read::Input::Csv(&bytes), name),
    };
    let applicants = match po_core::io::read::read_applicants_csv(input, &name, Mode::Strict) {
        Ok(read) => read.rows,
        Err(e) => {
            print_problems(&e.problems, out);
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "{} fel; ingen rangordning gjord.",
                    "{} problem(s); no ranking made.",
                    e.problems.len()
                )
            );
            return Ok(PROBLEMS);
        }
    };
    // Those who had left the queue by the date are not ranked, and are named (never dropped
    // silently): rank() lists them.
    let ranking = rank(&applicants, &policy, on).map_err(failed)?;
    let _ = writeln!(out, "{}\n", ranking.policy_heading(sv));
    if !ranking.not_ranked.is_empty() {
        let ids: Vec<&str> = ranking.not_ranked.iter().map(String::as_str).collect();
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
            r.deciding_group_labels
                .as_ref()
                .map_or("–", |(s, e)| if sv { s } else { e }),
            r.days_waited,
            if sv { &r.reason_sv } else { &r.reason_en }
        );
    }
    if let Some(path) = a.options.get("xlsx") {
        let language = if sv { Language::Sv } else { Language::En };
        let book = po_core::io::write::ranking_to_xlsx(&ranking, on, language).map_err(failed)?;
        write_file(Path::new(path), &book)?;
        let _ = writeln!(out, "\n{} {path}", tr!("Skrivet:", "Written:"));
    }
    Ok(OK)
}
