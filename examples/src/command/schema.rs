//! `po schema`: every input file and column po reads; the JSON documents' schemas.

use std::io::Write;
use std::path::PathBuf;

use super::args::parse;
use super::files::{create_dir, write_file};
use super::{failed, tr, usage, Fail, OK};

pub(super) const HELP: &str =
    "Usage: po schema [--format md|json|json-schema] [--out DIR] [--lang sv|en]

Every input file po reads, its columns, Swedish aliases, required or optional, type, allowed
codes and labels, an example. --format json-schema writes the JSON Schema of the JSON documents
(register, agreement, policy, leadership group, submission) into DIR (default po-schemas).";

/// The help in Swedish.
pub(super) const HELP_SV: &str =
    "Användning: po schema [--format md|json|json-schema] [--out MAPP] [--lang sv|en]

Varje indatafil po läser, dess kolumner, svenska namn, obligatoriska eller valfria, typ,
tillåtna koder och benämningar, ett exempel. --format json-schema skriver JSON-dokumentens
JSON Schema (register, avtal, prioriteringsordning, ledningsgrupp, redovisning till länet) i
MAPP (förval po-schemas).";

pub(super) fn schema(
    args: &[String],
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<i32, Fail> {
    let a = parse(args, &["format", "out"], &[]).map_err(usage)?;
    match a.options.get("format").map_or("md", String::as_str) {
        "json-schema" => {
            let dir = PathBuf::from(a.options.get("out").map_or("po-schemas", String::as_str));
            create_dir(&dir)?;
            for (name, schema) in po_core::schema::document_schemas() {
                let path = dir.join(format!("{name}.schema.json"));
                let text = serde_json::to_string_pretty(&schema).map_err(failed)? + "\n";
                write_file(&path, text.as_bytes())?;
                let _ = writeln!(out, "{}", path.display());
            }
        }
        "md" => {
            let _ = write!(
                out,
                "{}",
                po_core::io::read::column_reference_markdown(super::language())
            );
        }
        "json" => {
            let json = serde_json::to_string_pretty(&po_core::io::read::column_reference())
                .map_err(failed)?;
            let _ = writeln!(out, "{json}");
        }
        other => {
            return Err(usage(tr!(
                "--format: väntade md, json eller json-schema, fick {other:?}",
                "--format: expected md, json or json-schema, got {other:?}"
            )))
        }
    }
    Ok(OK)
}
