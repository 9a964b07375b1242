//! Text normalisation for matching labels typed by people and exported by spreadsheets.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Folds a label for comparison: trims, composes Unicode (NFC, so that an `a` followed by a
/// combining ring matches `å`, as macOS file systems and some exports write it), lowercases,
/// treats the dashes people type (`–`, `—`, `‐`) as `-`, and collapses runs of white space.
pub(crate) fn fold(input: &str) -> String {
    let trimmed = input.trim();
    // Almost every value is already NFC (a quick check, no lookup tables for ASCII): only the
    // rest goes through the composing iterator, the costliest part of a CSV import.
    if is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        fold_chars(trimmed.len(), trimmed.chars())
    } else {
        fold_chars(trimmed.len(), trimmed.nfc())
    }
}

fn fold_chars(len: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars.flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            other => other,
        });
    }
    out
}

/// A CSV reader over `text` as Swedish spreadsheets write it: a BOM is skipped; Excel's
/// `sep=X` first line sets the separator and is not a row (the header is row 1, as Excel shows
/// it); otherwise the separator is the one of `;`, `,` and tab that the header line has most of
/// (`;` on a tie: Swedish Excel's default). Rows may differ in length (callers check the
/// columns they need). A record's `position().line()` is its row as a spreadsheet shows it,
/// blank lines included.
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = first
        .trim()
        .strip_prefix("sep=")
        .or_else(|| first.trim().strip_prefix("SEP="))
        .and_then(|s| s.bytes().next());
    let (text, delimiter) = match sep {
        Some(d) => (text.split_once('\n').map_or("", |(_, rest)| rest), d),
        None => {
            let count = |c: char| first.matches(c).count();
            let delimiter = if count('\t') > count(';').max(count(',')) {
                b'\t'
            } else if count(',') > count(';') {
                b','
            } else {
                b';'
            };
            (text, delimiter)
        }
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Names joined with ", " and shortened at a name's end, never inside one: `a, b, … (3 more)`.
pub(crate) fn list_names(names: &[String], max: usize) -> String {
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        let n = clip(n);
        if !out.is_empty() && out.chars().count() + n.chars().count() + 2 > max {
            return format!("{out}, … ({} more)", names.len() - i);
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&n);
    }
    out
}

pub(crate) use crate::privacy::shown as clip;

#[cfg(test)]
mod tests {
    use super::{clip, fold};
    use crate::privacy::HIDDEN;

    #[test]
    fn identity_numbers_are_never_echoed() {
        for pnr in [
            "19121212-1212",
            "121212-1212",
            "1212121212",
            "191212121212",
            "121212+1213",
        ] {
            assert_eq!(clip(pnr), HIDDEN, "{pnr}");
        }
        // Dates, amounts and codes are shown.
        for shown in ["2023-01-01", "1 000 000", "1780", "12345678901"] {
            assert_eq!(clip(shown), shown);
        }
    }

    #[test]
    fn folds_case_space_dashes_and_nfd() {
        assert_eq!(fold("  Struktur  i\tVardagen "), "struktur i vardagen");
        assert_eq!(fold("18–29 år"), "18-29 år");
        // "Överförmyndare" with O + U+0308 COMBINING DIAERESIS, as NFD writes it.
        assert_eq!(fold("O\u{308}verfo\u{308}rmyndare"), "överförmyndare");
        assert_eq!(
            fold("Tillgodoses pa\u{30a} annat sa\u{308}tt"),
            "tillgodoses på annat sätt"
        );
    }
}
