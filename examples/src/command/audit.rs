//! `po audit`: published documents audited together, as an attacker holding all of them would
//! read them (issue 31 point 4; `po_core::publications`).

use std::io::Write;
use std::path::PathBuf;

use po_core::publications::{
    audit_documents, promised_threshold, read_documents, FindingKind, ReadDocuments,
};

use super::args::{parse, threshold};
use super::{failed, tr, usage, Fail, OK, PROBLEMS};

pub(super) const HELP: &str = "Usage: po audit FILES|DIR [--k K] [--lang sv|en]

Audits published documents together, as po writes them: an annual report's JSON
(report-YEAR.json), CSV tables (the directory tables-YEAR) or workbook (.xlsx), a
compilation's JSON (compilation-….json) or workbook. An attacker who holds all of them and
a solver is modelled: each document's own relations, the same count in two reports of one
service and year as one number, a county as the sum of its services' reports given (and the
rest), the nation as the sum of its counties. Prints every number that can be computed or shown
to be 1..k-1, and every published count within 1..k-1 (k: the smallest the documents were
protected with, the promise all of them make, unless --k is given). A directory is read for its
.json files, workbooks (.xlsx, .ods) and directories of CSV tables; submissions and ledgers there
(confidential, never published) are skipped. The CSV tables and workbooks are read for their
tables; a report's other figures (staff, waiting, the survey) are audited from its JSON.

Exit 0 when nothing is found, 1 when something is.";

/// The help in Swedish.
pub(super) const HELP_SV: &str = "Användning: po audit FILER|MAPP [--k K] [--lang sv|en]

Granskar publicerade dokument tillsammans, som po skriver dem: en redovisnings JSON
(report-ÅR.json), CSV-tabeller (mappen tables-ÅR) eller arbetsbok (.xlsx), en
sammanställnings JSON (compilation-….json) eller arbetsbok. En angripare som har alla och en
lösare modelleras: varje dokuments egna samband, samma antal i två redovisningar av samma
verksamhet och år som ett tal, ett län som summan av de givna verksamheternas redovisningar
(och resten), hela landet som summan av länen. Skriver ut varje tal som kan räknas ut eller
visas ligga mellan 1 och k-1, och varje publicerat antal mellan 1 och k-1 (k: det minsta som
dokumenten skyddades med, det löfte alla ger, om inte --k anges). En mapp läses för sina
.json-filer, arbetsböcker (.xlsx, .ods) och mappar med CSV-tabeller; redovisningar till länet och liggare
där (konfidentiella, aldrig publicerade) hoppas över. CSV-tabellerna och arbetsböckerna läses
för sina tabeller; en redovisnings övriga uppgifter (personal, väntetid, enkäten) granskas
från dess JSON.

Slutkod 0 när inget hittas, 1 när något hittas.";

pub(super) fn audit(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Fail> {
    let a = parse(args, &["k"], &[]).map_err(usage)?;
    if a.positional.is_empty() {
        return Err(usage(tr!(
            "ange de publicerade dokumenten (JSON, CSV-tabeller, arbetsböcker) eller en mapp med dem",
            "name the published documents (JSON, CSV tables, workbooks) or a directory of them"
        )));
    }
    let paths: Vec<PathBuf> = a.positional.iter().map(PathBuf::from).collect();
    let ReadDocuments { documents, skipped } = read_documents(&paths).map_err(failed)?;
    for why in skipped {
        let _ = writeln!(
            err,
            "po audit: {}",
            tr!("hoppade över {why}", "skipped {why}")
        );
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
