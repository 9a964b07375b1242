//! `po costs`: each municipality's invoice under a cost-sharing agreement.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::args::{languages, parse};
use super::files::{read, write_file};
use super::{failed, said, tr, usage, Fail, OK};

pub(super) const HELP: &str =
    "Usage: po costs AGREEMENT.json [--population FILE] [--format md|csv] [--xlsx OUT] [--lang sv|en]

Allocates the agreement's municipal net cost between its participants by adults (18+). With
--population (an SCB table of population by municipality and single year of age), the adults
are read from it instead of the agreement. --xlsx also writes the invoices as a workbook.
Numbers as the language writes them (default sv: 1 234 and 9,6329).";

/// The help in Swedish.
pub(super) const HELP_SV: &str = "Användning: po costs AVTAL.json [--population FIL] [--format md|csv] [--xlsx UT] [--lang sv|en]

Fördelar avtalets kommunala nettokostnad mellan deltagarna efter antalet vuxna (18+). Med
--population (en SCB-tabell över befolkningen per kommun och ettårsklass) läses de vuxna ur
den i stället för ur avtalet. --xlsx skriver också fakturorna som arbetsbok. Tal som språket
skriver dem (förval sv: 1 234 och 9,6329).";

/// Adults (18+) and names per municipality from an SCB population table (`--population`).
pub(super) fn adults(
    file: &str,
) -> Result<BTreeMap<po_core::organisation::MunicipalityCode, (String, u64)>, Fail> {
    po_core::io::read::adults_from_scb_csv(&String::from_utf8_lossy(&read(Path::new(file))?))
        .map_err(|e| failed(format!("{file}: {}", said(e))))
}

pub(super) fn costs(
    args: &[String],
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<i32, Fail> {
    use po_core::money::{allocate, Agreement};
    let a = parse(args, &["population", "format", "xlsx", "lang"], &[]).map_err(usage)?;
    let [file] = a.positional.as_slice() else {
        return Err(usage(tr!(
            "ange ett avtal (JSON)",
            "give one agreement (JSON)"
        )));
    };
    let text = String::from_utf8_lossy(&read(Path::new(file))?).into_owned();
    let mut agreement = Agreement::from_json(&text).map_err(failed)?;
    if let Some(p) = a.options.get("population") {
        let table = adults(p)?;
        for participant in &mut agreement.participants {
            let code = participant.municipality.code;
            participant.adults = table.get(&code).map(|e| e.1).ok_or_else(|| {
                failed(tr!(
                    "{p}: ingen rad för {code} {}",
                    "{p}: no row for {code} {}",
                    participant.municipality.name
                ))
            })?;
        }
    }
    let allocation = allocate(&agreement).map_err(failed)?;
    let [language] = languages(&a)?[..] else {
        return Err(usage(tr!(
            "--lang: ange ett språk, sv eller en",
            "--lang: give one language, sv or en"
        )));
    };
    let text = match a.options.get("format").map(String::as_str) {
        None | Some("md") => po_core::io::write::allocation_markdown(&allocation, language),
        Some("csv") => po_core::io::write::allocation_csv(&allocation, language),
        Some(other) => {
            return Err(usage(tr!(
                "--format: väntade md eller csv, fick {other:?}",
                "--format: expected md or csv, got {other:?}"
            )))
        }
    };
    let _ = write!(out, "{text}");
    if let Some(path) = a.options.get("xlsx") {
        let book = po_core::io::write::invoices_to_xlsx(&allocation, language).map_err(failed)?;
        write_file(Path::new(path), &book)?;
    }
    Ok(OK)
}
