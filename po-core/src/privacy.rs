//! The one personal-data filter for text that leaves po: error messages, problems and anything
//! a binding builds from a caller's values. Identity numbers (folkbokföringslagen 18 §, lag
//! 2022:1697 8 §) must never be echoed, valid or not: a mistyped number is personal data too.

/// What a message shows instead of something that looks like an identity number.
pub const HIDDEN: &str = "<looks like an identity number: not shown>";

/// Whether a value could be a personnummer or samordningsnummer: 10 or 12 digits, written with
/// at most separators (`-`, `+`) and spaces.
pub fn looks_like_identity_number(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (digits == 10 || digits == 12)
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ' ' | '\u{a0}'))
}

/// A caller's value as a message may show it: [`HIDDEN`] if it looks like an identity number,
/// shortened to 60 characters otherwise (a pasted paragraph must not flood a message).
pub fn shown(value: &str) -> String {
    const MAX: usize = 60;
    if looks_like_identity_number(value.trim()) {
        HIDDEN.to_owned()
    } else if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        let mut s: String = value.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

/// Whether free text carries something that looks like an identity number anywhere in it
/// ("Kalle 19850412-1230", "Svar om klient 19121212-1212"): the one screen every reader applies
/// to every free-text cell (areas, deviation texts, training, survey answers), which is then
/// refused with its place and never echoed. The runs are those [`redact`] hides.
pub fn contains_identity_number(text: &str) -> bool {
    text.bytes().filter(u8::is_ascii_digit).count() >= 10 && redact(text) != text
}

/// Why a free-text cell was refused (the cell itself is never shown).
pub const IN_FREE_TEXT: &str = "contains what looks like a personnummer or samordningsnummer: \
     free text must not identify anyone (the cell is not shown)";

/// A whole message with every run that looks like an identity number replaced by [`HIDDEN`]:
/// the last filter every binding applies to every message it passes on, whoever built it.
/// A run is a maximal stretch of digits, `-`, `+` and spaces holding 10 or 12 digits, or 10
/// to 12 digits in a longer stretch (a number pasted inside other digits is hidden too).
pub fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let digits = run.chars().filter(char::is_ascii_digit).count();
        if digits >= 10 {
            // Keep the run's leading and trailing spaces, hide the rest.
            let trimmed = run.trim();
            let lead = &run[..run.len() - run.trim_start().len()];
            let trail = &run[run.trim_end().len()..];
            if !trimmed.is_empty() {
                out.push_str(lead);
                out.push_str(HIDDEN);
                out.push_str(trail);
            }
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in message.chars() {
        if c.is_ascii_digit() || (!run.is_empty() && matches!(c, '-' | '+' | ' ' | '\u{a0}')) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_messages() {
        for n in [
            "19121212-1212",
            "121212-1212",
            "1212121212",
            "191212121212",
            "121212+1212",
        ] {
            assert_eq!(shown(n), HIDDEN);
            let m = redact(&format!(
                "field \"x\": expected a code, got {n:?}; see row 3"
            ));
            assert!(!m.contains("1212"), "{m}");
            assert!(m.contains("see row 3"), "{m}");
        }
        // Dates, amounts, kommunkoder and years stay.
        let m = "2023-12-31: 3 948 730 kr for 1780 in 2023, 99 960 000 / 333";
        assert_eq!(redact(m), m);
        assert_eq!(shown("Karlstad"), "Karlstad");
        assert_eq!(shown(&"x".repeat(70)).chars().count(), 61);
    }
}
