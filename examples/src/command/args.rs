//! The command's arguments: positional values, `--name value` options and `--flag`s, and the
//! options several commands share.

use std::collections::BTreeMap;

use po_core::Language;

use super::{tr, usage, Fail};

/// Arguments after the command: positional values, `--name value` options and `--flag`s.
pub(super) struct Args {
    pub(super) positional: Vec<String>,
    pub(super) options: BTreeMap<String, String>,
    pub(super) flags: Vec<String>,
}

pub(super) fn parse(args: &[String], options: &[&str], flags: &[&str]) -> Result<Args, String> {
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
            // --lang is every command's (the messages' language; see `super::run`).
            let options_or_lang = |n: &str| options.contains(&n) || n == "lang";
            if flags.contains(&name) {
                out.flags.push(name.to_owned());
            } else if options_or_lang(name) {
                let value = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i).cloned().ok_or_else(|| {
                            tr!("--{name} behöver ett värde", "--{name} needs a value")
                        })?
                    }
                };
                // Given twice, which should win? (`--lang sv --lang en` would speak one language
                // and write the other.)
                if out.options.insert(name.to_owned(), value).is_some() {
                    return Err(tr!(
                        "--{name} är angivet två gånger; ange det en gång",
                        "--{name} is given twice; give it once"
                    ));
                }
            } else {
                let expected = options
                    .iter()
                    .chain(flags)
                    .chain((!options.contains(&"lang")).then_some(&"lang"))
                    .map(|o| format!("--{o}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(tr!(
                    "okänt val --{name}; väntade ett av {expected}",
                    "unknown option --{name}; expected one of {expected}"
                ));
            }
        } else {
            out.positional.push(a.clone());
        }
        i += 1;
    }
    Ok(out)
}

/// `--format`: a comma-separated list of `allowed` values.
pub(super) fn formats<'a>(
    a: &'a Args,
    allowed: &[&str],
    default: &'a str,
) -> Result<Vec<&'a str>, Fail> {
    let formats: Vec<&str> = a
        .options
        .get("format")
        .map_or(default, String::as_str)
        .split(',')
        .map(str::trim)
        .collect();
    match formats.iter().find(|f| !allowed.contains(f)) {
        Some(f) => Err(usage(tr!(
            "--format: {f:?} är inte ett av {}",
            "--format: {f:?} is not one of {}",
            allowed.join(", ")
        ))),
        None => Ok(formats),
    }
}

/// `--lang`: `sv` (the default), `en`, or both.
pub(super) fn languages(a: &Args) -> Result<Vec<Language>, Fail> {
    a.options
        .get("lang")
        .map_or("sv", String::as_str)
        .split(',')
        .map(|l| match l.trim() {
            "sv" => Ok(Language::Sv),
            "en" => Ok(Language::En),
            other => Err(usage(tr!(
                "--lang: väntade sv eller en, fick {other:?}",
                "--lang: expected sv or en, got {other:?}"
            ))),
        })
        .collect()
}

/// `--k`: the disclosure threshold, 3 unless given.
pub(super) fn threshold(a: &Args) -> Result<i64, Fail> {
    match a.options.get("k") {
        Some(k) => k.parse().map_err(|_| {
            usage(tr!(
                "--k: väntade ett heltal, fick {k:?}",
                "--k: expected a whole number, got {k:?}"
            ))
        }),
        None => Ok(3),
    }
}

/// `--year`, required.
pub(super) fn year(a: &Args) -> Result<i32, Fail> {
    a.options
        .get("year")
        .ok_or_else(|| usage(tr!("--year krävs", "--year is required")))?
        .parse()
        .map_err(|_| {
            usage(tr!(
                "--year: väntade ett år som 2023",
                "--year: expected a year such as 2023"
            ))
        })
}
