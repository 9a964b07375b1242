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
    // Text that folding leaves as it is (visible ASCII, no capitals, no spaces: "ja",
    // "economy") is given as it is, without the copy.
    if input
        .bytes()
        .all(|b| matches!(b, b'!'..=b'~') && !b.is_ascii_uppercase())
    {
        return f(input);
    }
    // A short visible-ASCII word with capitals ("False", "Ja", "KVINNA") folds to its ASCII
    // lowercase: on the stack, without the buffer's bookkeeping (flags written `True`/`False`
    // were 2 % of a 10⁶-row import).
    let mut word = [0u8; 32];
    if input.len() <= word.len() && input.bytes().all(|b| matches!(b, b'!'..=b'~')) {
        for (lower, b) in word.iter_mut().zip(input.bytes()) {
            *lower = b.to_ascii_lowercase();
        }
        if let Ok(lower) = std::str::from_utf8(&word[..input.len()]) {
            return f(lower);
        }
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
    // Swedish labels ("Kvinna", "Försörjning") stay within Latin-1, which is NFC already
    // (every character composed, none combining). Almost every other value is NFC too (a
    // quick check): only the rest goes through the composing iterator, the costliest part
    // of a CSV import.
    if trimmed.chars().all(|c| c < '\u{100}') || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes
    {
        fold_chars(trimmed.chars(), out)
    } else {
        fold_chars(trimmed.nfc(), out)
    }
}

fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            // Latin-1's capitals lowercase by +0x20 (`A`–`Z`, `À`–`Þ` but `×`), without the
            // Unicode tables (they and SipHash were 17 % of a Swedish-labelled import).
            'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => {
                out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c));
            }
            '\u{0}'..='\u{ff}' => out.push(c),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                out.push('-');
            }
            other => out.extend(other.to_lowercase()),
        }
    }
}

/// A cell's text as written before po marked it as text for spreadsheets: a leading `'`
/// before `=`, `+`, `-`, `@`, a tab or a carriage return is taken off (the mark
/// `io::write`'s CSV writers add against formula injection; Excel drops it when it saves).
pub(crate) fn unmark_text(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
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

/// A key that sorts text as Swedish does: case folded, å, ä and ö after z in that order
/// (what `sort` by code point gets wrong: "Ä" before "Å", lower case after upper).
pub(crate) fn swedish_order(text: &str) -> Vec<u32> {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => u32::from('z') + 1,
            'ä' | 'æ' => u32::from('z') + 2,
            'ö' | 'ø' => u32::from('z') + 3,
            c => u32::from(c),
        })
        .collect()
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

    /// The fold as the Unicode tables give it (NFC, `char::to_lowercase`, white space by
    /// `split_whitespace`), written independently of `fold` for comparison.
    fn fold_by_unicode(t: &str) -> String {
        let lower: String = t.nfc().flat_map(char::to_lowercase).collect();
        let dashes = [
            '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}',
        ];
        lower
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(dashes, "-")
    }

    /// Every character of `chars` alone, in every pair and inside `around`: [`fold`] folds
    /// each text exactly as the Unicode tables do.
    fn folds_alike(chars: &[char], around: impl Fn(char, char) -> String) {
        let mut texts: Vec<String> = chars.iter().map(|&c| String::from(c)).collect();
        for &a in chars {
            for &b in chars {
                texts.push(format!("{a}{b}"));
                texts.push(around(a, b));
            }
        }
        for t in &texts {
            assert_eq!(fold(t), fold_by_unicode(t), "{t:?}");
        }
    }

    #[test]
    fn text_already_folded_is_given_as_it_is() {
        for t in [
            "ja", "economy", "18-29", "", "a|b", "Ja", " ja", "ja nej", "år",
        ] {
            assert_eq!(super::with_folded(t, str::to_owned), fold(t), "{t:?}");
        }
        // Every visible ASCII character, capital or not, in words up to the stack's 32 bytes
        // and beyond: folded as `fold` folds them.
        let visible: String = (b'!'..=b'~').map(char::from).collect();
        for t in visible.as_bytes().chunks(31).chain([visible.as_bytes()]) {
            let t = std::str::from_utf8(t).unwrap();
            assert_eq!(super::with_folded(t, str::to_owned), fold(t), "{t:?}");
        }
        assert_eq!(super::with_folded("False", str::to_owned), "false");
    }

    #[test]
    fn ascii_and_latin1_are_folded_as_any_text_is() {
        let ascii: Vec<char> = (0u8..128).map(char::from).collect();
        folds_alike(&ascii, |a, b| format!("X{a} \t{b}\u{b}y"));
        let latin1: Vec<char> = (0u32..0x100).filter_map(char::from_u32).collect();
        folds_alike(&latin1, |a, b| format!("Å{a}\u{a0} {b}\u{85}ö"));
        // Beyond Latin-1 and not NFC: the tables and composition.
        folds_alike(&['Ω', 'İ', 'ẞ', '\u{30a}', '\u{2013}', 'a'], |a, b| {
            format!("Σ{a}\u{2003}{b}")
        });
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
