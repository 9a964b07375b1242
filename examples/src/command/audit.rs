//! `po audit`: published documents audited together, as an attacker holding all of them would
//! read them (issue 31 point 4; `po_core::publications`).

use std::io::Write;
use std::path::{Path, PathBuf};

use po_core::publications::{audit_documents, promised_threshold, Document, FindingKind};

use super::args::{parse, threshold};
use super::files::read;
use super::{failed, said, tr, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str = "Usage: po audit FILES|DIR [--k K] [--lang sv|en]

Audits published documents together: the JSON po writes beside every annual report
(report-YEAR.json) and compilation (compilation-….json). An attacker who holds all of them and
a solver is modelled: each document's own relations, the same count in two reports of one
service and year as one number, a county as the sum of its services' reports given (and the
rest), the nation as the sum of its counties. Prints every number that can be computed or shown
to be 1..k-1, and every published count within 1..k-1 (k: the smallest the documents were
protected with, the promise all of them make, unless --k is given). A directory is read for its
.json files; submissions and ledgers there (confidential, never published) are skipped.

Exit 0 when nothing is found, 1 when something is.";

/// The help in Swedish.
pub(super) const HELP_SV: &str = "Användning: po audit FILER|MAPP [--k K] [--lang sv|en]

Granskar publicerade dokument tillsammans: den JSON po skriver bredvid varje redovisning
(report-ÅR.json) och sammanställning (compilation-….json). En angripare som har alla och en
lösare modelleras: varje dokuments egna samband, samma antal i två redovisningar av samma
verksamhet och år som ett tal, ett län som summan av de givna verksamheternas redovisningar
(och resten), hela landet som summan av länen. Skriver ut varje tal som kan räknas ut eller
visas ligga mellan 1 och k-1, och varje publicerat antal mellan 1 och k-1 (k: det minsta som
dokumenten skyddades med, det löfte alla ger, om inte --k anges). En mapp läses för sina
.json-filer; redovisningar till länet och liggare där (konfidentiella, aldrig publicerade)
hoppas över.

Slutkod 0 när inget hittas, 1 när något hittas.";

pub(super) fn audit(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Fail> {
    let a = parse(args, &["k"], &[]).map_err(usage)?;
    if a.positional.is_empty() {
        return Err(usage(tr!(
            "ange de publicerade dokumenten (JSON) eller en mapp med dem",
            "name the published documents (JSON) or a directory of them"
        )));
    }
    let mut documents = Vec::new();
    for p in a.positional.iter().map(PathBuf::from) {
        if p.is_dir() {
            for file in json_files(&p)? {
                match document(&file) {
                    Ok(d) => documents.push(d),
                    Err(e) => {
                        let _ =
                            writeln!(err, "po audit: {}", tr!("hoppade över {e}", "skipped {e}"));
                    }
                }
            }
        } else {
            documents.push(document(&p).map_err(failed)?);
        }
    }
    if documents.is_empty() {
        return Err(usage(tr!(
            "inget publicerat dokument i {}",
            "no published document in {}",
            a.positional.join(", ")
        )));
    }
    let k = match a.options.get("k") {
        Some(_) => u64::try_from(threshold(&a)?)
            .ok()
            .filter(|k| *k >= 2)
            .ok_or_else(|| {
                usage(tr!(
                    "--k: väntade en gräns på 2 eller mer",
                    "--k: expected a threshold of 2 or more"
                ))
            })?,
        None => promised_threshold(&documents),
    };
    let result = audit_documents(&documents, k).map_err(failed)?;
    let _ = writeln!(
        out,
        "po audit: {}",
        tr!(
            "{} dokument, {} tal, {} samband, k = {k}",
            "{} documents, {} numbers, {} relations, k = {k}",
            result.documents,
            result.numbers,
            result.relations
        )
    );
    let language = super::language();
    for link in &result.links {
        let _ = writeln!(out, "  {}", po_core::io::write::message_in(link, language));
    }
    if result.is_safe() {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "Inget kan räknas ut eller visas vara 1..{}.",
                "Nothing can be computed or shown to be 1..{}.",
                k - 1
            )
        );
        return Ok(OK);
    }
    for f in &result.findings {
        let what = match f.kind {
            FindingKind::Pinned => tr!("kan räknas ut: {}", "can be computed: {}", f.low),
            FindingKind::ShownSmall => tr!(
                "kan visas vara {}..{}",
                "can be shown to be {}..{}",
                f.low,
                f.high.map_or_else(|| "?".into(), |h| h.to_string())
            ),
            FindingKind::PublishedSmall => {
                tr!("publiceras som {}", "is published as {}", f.low)
            }
        };
        let _ = writeln!(out, "  {}: {}: {what}", f.file, f.cell);
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "{} tal kan räknas ut eller visas vara små.",
            "{} numbers can be computed or shown to be small.",
            result.findings.len()
        )
    );
    Ok(PROBLEMS)
}

/// The .json files of a directory, sorted by name.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, Fail> {
    Ok(super::files::entries(dir)?
        .into_iter()
        .filter(|f| {
            f.is_file()
                && f.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .collect())
}

/// One document, named by its path as given.
fn document(path: &Path) -> Result<Document, String> {
    let bytes = read(path).map_err(|e| match e {
        Fail::Usage(m) | Fail::Failed(m) => m,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    Document::from_json(&text, &path.display().to_string()).map_err(said)
}
