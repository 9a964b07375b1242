//! `po costs`: each municipality's invoice under a cost-sharing agreement.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use po_core::Language;

use super::args::parse;
use super::files::{read, write_file};
use super::{failed, usage, Fail, OK};

pub(super) const HELP: &str =
    "Usage: po costs AGREEMENT.json [--population FILE] [--format md|csv] [--xlsx OUT]

Allocates the agreement's municipal net cost between its participants by adults (18+). With
--population (an SCB table of population by municipality and single year of age), the adults
are read from it instead of the agreement. --xlsx also writes the invoices as a workbook.";

/// Adults (18+) and names per municipality from an SCB population table (`--population`).
pub(super) fn adults(
    file: &str,
) -> Result<BTreeMap<po_core::organisation::MunicipalityCode, (String, u64)>, Fail> {
    po_core::io::read::adults_from_scb_csv(&String::from_utf8_lossy(&read(Path::new(file))?))
        .map_err(|e| failed(format!("{file}: {e}")))
}

pub(super) fn costs(
    args: &[String],
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<i32, Fail> {
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
