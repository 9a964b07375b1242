//! Text normalisation for matching labels typed by people and exported by spreadsheets.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Folds a label for comparison: trims, composes Unicode (NFC, so that an `a` followed by a
/// combining ring matches `å`, as macOS file systems and some exports write it), lowercases,
/// treats the dashes people type (`–`, `—`, `‐`) as `-`, and collapses runs of white space.
pub(crate) fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    fold_into(input, &mut out);
    out
}

/// Calls `f` with `input` folded as [`fold`] does, in a buffer reused by the thread: parsing
/// a code-list label or a flag then allocates nothing (a validating import parses millions).
pub(crate) fn with_folded<R>(input: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            fold_into(input, &mut buffer);
            f(&buffer)
        }
        // Only if `f` itself folds again: then a fresh buffer.
        Err(_) => f(&fold(input)),
    })
}

fn fold_into(input: &str, out: &mut String) {
    let trimmed = input.trim();
    // Almost every value is already NFC (a quick check, no lookup tables for ASCII): only the
    // rest goes through the composing iterator, the costliest part of a CSV import.
    if is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        fold_chars(trimmed.chars(), out)
    } else {
        fold_chars(trimmed.nfc(), out)
    }
}

fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
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
}

/// A CSV reader over `text` as Swedish spreadsheets write it: a BOM is skipped; Excel's
/// `sep=X` first line sets the separator and is not a row (the header is row 1, as Excel shows
/// it); otherwise the separator is the one of `;`, `,` and tab that the header line has most of
/// (`;` on a tie: Swedish Excel's default). Rows may differ in length (callers check the
/// columns they need). A record's `position().line()` is its row as a spreadsheet shows it,
/// blank lines included.
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let (text, delimiter) = csv_layout(text);
    csv_reader_with(text, delimiter)
}

/// The text [`csv_reader`] parses (BOM and `sep=` line removed) and its separator.
pub(crate) fn csv_layout(text: &str) -> (&str, u8) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = first
        .trim()
        .strip_prefix("sep=")
        .or_else(|| first.trim().strip_prefix("SEP="))
        .and_then(|s| s.bytes().next());
    match sep {
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
    }
}

/// The reader of [`csv_reader`] over text already laid out by [`csv_layout`].
pub(crate) fn csv_reader_with(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
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
