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

/// A map from folded labels, as the code lists keep theirs: built once from the lists (and an
/// organisation's local labels), never from a file's cells, which only look labels up — so a
/// plain FNV-1a hash serves, without the keyed SipHash that guards maps grown from input
/// (SipHash was 5.5 % of a Swedish-labelled import's instructions).
pub(crate) type FoldedMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<Fnv1a>>;

/// FNV-1a over the bytes written (64 bits).
pub(crate) struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
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
    // Most labels are ASCII ("Kvinna", "Ekonomi"): folded byte by byte, without the Unicode
    // tables (ASCII is NFC, lowercases to ASCII and has none of the dashes).
    if trimmed.is_ascii() {
        return fold_ascii(trimmed, out);
    }
    // Swedish labels ("Försörjning", "Åtgärd") stay within Latin-1: NFC already, lowercased
    // by an offset.
    if trimmed.chars().all(|c| c < '\u{100}') {
        return fold_latin1(trimmed, out);
    }
    // Almost every value is already NFC (a quick check, no lookup tables for ASCII): only the
    // rest goes through the composing iterator, the costliest part of a CSV import.
    if is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        fold_chars(trimmed.chars(), out)
    } else {
        fold_chars(trimmed.nfc(), out)
    }
}

/// [`fold_chars`] of an ASCII text: the same result, byte by byte.
fn fold_ascii(text: &str, out: &mut String) {
    let mut pending_space = false;
    for b in text.bytes() {
        // `char::is_whitespace` in ASCII (which, unlike `u8::is_ascii_whitespace`, has the
        // vertical tab).
        if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// [`fold_chars`] of a text within Latin-1 (U+0000–U+00FF): the same result without the
/// Unicode tables. Latin-1 is NFC (every character composed, none combining); its white
/// space beyond ASCII is U+0085 and U+00A0; its capitals lowercase by +0x20 (`A`–`Z`, `À`–`Þ`
/// but `×`); it has none of the dashes.
fn fold_latin1(text: &str, out: &mut String) {
    let mut pending_space = false;
    for c in text.chars() {
        if matches!(
            c,
            '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{a0}'
        ) {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        let lower = match c {
            'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => {
                char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
            }
            other => other,
        };
        out.push(lower);
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
    use unicode_normalization::UnicodeNormalization;

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

    /// Every character of `chars` alone, in every pair and inside `around`: `fast` folds each
    /// text exactly as the Unicode path (NFC, then lowercase) does.
    fn folds_alike(
        chars: &[char],
        around: impl Fn(char, char) -> String,
        fast: fn(&str, &mut String),
    ) {
        let mut texts: Vec<String> = chars.iter().map(|&c| String::from(c)).collect();
        for &a in chars {
            for &b in chars {
                texts.push(format!("{a}{b}"));
                texts.push(around(a, b));
            }
        }
        for t in &texts {
            let (mut got, mut want) = (String::new(), String::new());
            fast(t, &mut got);
            super::fold_chars(t.nfc(), &mut want);
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn ascii_and_latin1_are_folded_as_any_text_is() {
        let ascii: Vec<char> = (0u8..128).map(char::from).collect();
        folds_alike(
            &ascii,
            |a, b| format!("X{a} \t{b}\u{b}y"),
            super::fold_ascii,
        );
        let latin1: Vec<char> = (0u32..0x100).filter_map(char::from_u32).collect();
        folds_alike(
            &latin1,
            |a, b| format!("Å{a}\u{a0} {b}\u{85}ö"),
            super::fold_latin1,
        );
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
