//! Files in and out: the register's exports found in a directory or named one by one, read
//! into a register with every problem kept.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use po_core::codes::LocalVocabulary;
use po_core::input::{Mode, Problem};
use po_core::report::Register;

use super::args::Args;
use super::{failed, said, tr, usage, Fail};

/// A register read, with the problems of the rows left out; or every problem of a refused read.
pub(super) type Loaded = Result<(Register, Vec<Problem>), Vec<Problem>>;

pub(super) fn read(path: &Path) -> Result<Vec<u8>, Fail> {
    po_core::io::read::read_file(path).map_err(|e| {
        failed(tr!(
            "kan inte läsa {}: {}",
            "cannot read {}: {}",
            path.display(),
            said(e)
        ))
    })
}

pub(super) fn write_file(path: &Path, text: &[u8]) -> Result<(), Fail> {
    std::fs::write(path, text).map_err(|e| {
        failed(tr!(
            "kan inte skriva {}: {}",
            "cannot write {}: {}",
            path.display(),
            said(e)
        ))
    })
}

/// The entries of a directory, sorted by name (the order files are read and listed in).
pub(super) fn entries(dir: &Path) -> Result<Vec<PathBuf>, Fail> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        failed(tr!(
            "kan inte läsa {}: {}",
            "cannot read {}: {}",
            dir.display(),
            said(e)
        ))
    })?;
    let mut found: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    found.sort();
    Ok(found)
}

/// Creates a directory for the files written (and its parents).
pub(super) fn create_dir(path: &Path) -> Result<(), Fail> {
    std::fs::create_dir_all(path).map_err(|e| {
        failed(tr!(
            "kan inte skapa {}: {}",
            "cannot create {}: {}",
            path.display(),
            said(e)
        ))
    })
}

/// The extensions read as workbooks (a sheet per export).
pub(super) const WORKBOOK: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The register files of a directory or of files named one by one, by role.
/// Files of a directory that are not read (another name, or beside a `register.json`) are
/// returned too, so that the command can say so: nothing is skipped silently.
pub(super) fn register_files(
    paths: &[String],
) -> Result<(BTreeMap<&'static str, PathBuf>, Vec<PathBuf>), Fail> {
    // register.json, then the exports as po-core lists them.
    const REGISTER: (&str, &[&str]) = ("register", &["register"]);
    let roles = || std::iter::once(&REGISTER).chain(po_core::io::read::REGISTER_EXPORTS);
    let role_of = |p: &Path| -> Option<&'static str> {
        let ext = p.extension()?.to_str()?.to_lowercase();
        if WORKBOOK.contains(&ext.as_str()) {
            return Some("workbook");
        }
        let stem = p.file_stem()?.to_str()?.to_lowercase();
        roles()
            .find(|(_, names)| names.contains(&stem.as_str()))
            .map(|(role, _)| *role)
    };
    let mut files = BTreeMap::new();
    let mut ignored = Vec::new();
    if paths.is_empty() {
        return Err(usage(tr!(
            "ange en exportmapp eller dess filer",
            "give an export directory or its files"
        )));
    }
    for p in paths.iter().map(PathBuf::from) {
        if p.is_dir() {
            for f in entries(&p)? {
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
            return Err(failed(tr!(
                "filen eller mappen finns inte: {}",
                "no such file or directory: {}",
                p.display()
            )));
        } else {
            let role = role_of(&p).ok_or_else(|| {
                usage(tr!(
                    "{}: inte en export po känner igen på namnet ({}, register.json) eller en arbetsbok (.xlsx, .ods)",
                    "{}: not an export po knows by its name ({}, register.json) or a workbook (.xlsx, .ods)",
                    p.display(),
                    export_names()
                ))
            })?;
            if let Some(first) = files.insert(role, p.clone()) {
                return Err(usage(tr!(
                    "två filer av samma slag angivna: {} och {}; ange en",
                    "two {role} files given: {} and {}; give one",
                    first.display(),
                    p.display()
                )));
            }
        }
    }
    if files.is_empty() {
        return Err(failed(tr!(
            "ingen export i {} (register.json, {})",
            "no export found in {} (register.json, {})",
            paths.join(", "),
            export_names()
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

/// The exports' English file names, as the messages list them: `clients.csv, intake.csv, …`.
fn export_names() -> String {
    let names: Vec<String> = po_core::io::read::REGISTER_EXPORTS
        .iter()
        .map(|(role, _)| format!("{role}.csv"))
        .collect();
    names.join(", ")
}

/// Reads the register; every problem is returned (none are dropped). A progress line goes to
/// `err` for inputs large enough to take a while.
pub(super) fn load(a: &Args, mode: Mode, err: &mut dyn Write) -> Result<Loaded, Fail> {
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
            tr!(
                "register.json läses, så varken exporterna bredvid eller filer med andra namn gör det",
                "register.json is read, so neither the exports beside it nor files of other names are"
            )
        } else {
            tr!("inte namnet på en export", "not the name of an export")
        };
        let _ = writeln!(
            err,
            "po: {} {} ({why})",
            tr!("läses inte:", "not read:"),
            names.join(", ")
        );
    }
    let vocabulary =
        LocalVocabulary::preset(a.options.get("vocabulary").map_or("none", String::as_str))
            .map_err(usage)?;
    let sent: u32 = match a.options.get("survey-sent") {
        Some(n) => n.parse().map_err(|_| {
            usage(tr!(
                "--survey-sent: väntade ett antal, fick {n:?}",
                "--survey-sent: expected a count, got {n:?}"
            ))
        })?,
        // The answers cannot tell how many surveys went out (issue 32): asked for by name
        // rather than found missing at "row 0" of the survey.
        None if files.contains_key("survey") => {
            return Err(usage(tr!(
                "enkätfilen är angiven: ange --survey-sent N, hur många avslutningsenkäter som \
                 skickades (svaren kan inte säga det)",
                "survey.csv is given: pass --survey-sent N, how many exit surveys were sent \
                 (the answers cannot tell)"
            )))
        }
        None => 0,
    };
    let bytes: BTreeMap<&str, Vec<u8>> = files
        .iter()
        .map(|(role, p)| Ok((*role, read(p)?)))
        .collect::<Result<_, Fail>>()?;
    let size: usize = bytes.values().map(Vec::len).sum();
    let started = Instant::now();
    if size > 32 << 20 {
        let _ = writeln!(
            err,
            "po: {}",
            tr!(
                "läser {} MB exporter…",
                "reading {} MB of exports…",
                size >> 20
            )
        );
    }
    if let Some(book) = bytes.get("workbook") {
        if bytes.len() > 1 {
            return Err(usage(tr!(
                "en arbetsbok rymmer hela registret: ange den ensam",
                "a workbook holds the whole register: give it alone"
            )));
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
        deviation_events: bytes.get("deviation_events").map(|b| b.as_slice().into()),
        staff: bytes.get("staff").map(|b| b.as_slice().into()),
        survey: bytes.get("survey").map(Vec::as_slice),
        survey_sent: sent,
    };
    // Problems name each file as the user named it (`klienter.csv`), as po-core's order lists
    // them.
    let names = [
        "clients",
        "intake",
        "deviations",
        "staff",
        "deviation_events",
        "survey",
    ]
    .map(|role| {
        files.get(role).map_or_else(String::new, |p| {
            p.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
    });
    let read = po_core::io::read::read_register_named(csv, &names, &vocabulary, mode);
    if started.elapsed().as_secs_f64() > 1.0 {
        let seconds = started.elapsed().as_secs_f64();
        let _ = writeln!(
            err,
            "po: {}",
            tr!("läst på {seconds:.1} s", "read in {seconds:.1} s")
        );
    }
    Ok(read.map_err(|e| e.problems))
}
