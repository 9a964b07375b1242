//! What is wrong with an input, located: every reader (CSV, JSON, frames, workbooks, keyword
//! arguments) reports [`Problem`]s naming the file, the row and the column as the user wrote
//! them; strict reading fails with all of them, lenient reading leaves the bad rows out and
//! lists them, so nothing is dropped silently.

use serde::{Deserialize, Serialize};

use crate::eligibility::Answer;

/// The answer a word gives, as people write it in exports and forms: `ja`/`nej`/`vet ej` and
/// their short and English forms, `true`/`false`, `1`/`0`, `x` for a ticked box (case and
/// Unicode forms folded). The one reading of yes and no in po: every reader and every binding's
/// argument goes through it, so "nej" means no everywhere.
pub fn answer_of(text: &str) -> Option<Answer> {
    crate::text::with_folded(text, |f| match f {
        "ja" | "j" | "yes" | "y" | "true" | "1" | "x" => Some(Answer::Yes),
        "nej" | "n" | "no" | "false" | "0" => Some(Answer::No),
        "vet ej" | "okänt" | "unknown" | "?" => Some(Answer::Unknown),
        _ => None,
    })
}

/// A date as po reads it everywhere (every export's cells, every binding's date given as
/// text): `YYYY-MM-DD`, the exact form read digit by digit (the common case, about ten times
/// faster than the general parser); anything else goes to `time`'s ISO 8601 parser as before,
/// so that the accepted forms are unchanged.
pub fn date_of(v: &str) -> Option<time::Date> {
    let b = v.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        // Each digit's value; a byte that is no digit wraps to 10 or more.
        let d = |i: usize| u16::from(b[i].wrapping_sub(b'0'));
        let (y0, y1, y2, y3, m0, m1, d0, d1) = (d(0), d(1), d(2), d(3), d(5), d(6), d(8), d(9));
        if y0 < 10 && y1 < 10 && y2 < 10 && y3 < 10 && m0 < 10 && m1 < 10 && d0 < 10 && d1 < 10 {
            let year = i32::from(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
            let month = time::Month::try_from(u8::try_from(m0 * 10 + m1).ok()?).ok()?;
            let day = u8::try_from(d0 * 10 + d1).ok()?;
            return time::Date::from_calendar_date(year, month, day).ok();
        }
    }
    time::Date::parse(v, &time::format_description::well_known::Iso8601::DATE).ok()
}

/// A yes-or-no flag ([`answer_of`] without "not known": a flag is one or the other).
pub fn flag_of(text: &str) -> Option<bool> {
    match answer_of(text)? {
        Answer::Yes => Some(true),
        Answer::No => Some(false),
        Answer::Unknown => None,
    }
}

/// Strict (fail on any problem) or lenient (skip bad rows, list them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Any problem fails the import.
    #[default]
    Strict,
    /// Bad rows are left out and listed.
    Lenient,
}

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// The file (as named by the caller).
    pub file: String,
    /// Line number in the file (header = 1); 0 when the column is a JSON path such as
    /// `clients[3].ended_on` that locates the problem.
    pub row: u64,
    /// The column (or JSON path), or "" for the whole row.
    pub column: String,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, row {}, column {:?}: {}",
            self.file, self.row, self.column, self.reason
        )
    }
}

/// Problems of one kind shown before the rest are counted (issue 33: a sheet of ten million
/// bad rows printed thirty million lines): 20 a file, column and kind of problem.
pub const SHOWN_PER_KIND: usize = 20;

/// What a reader is shown of a list of problems: the first [`SHOWN_PER_KIND`] of each kind (the
/// same file, column and reason up to its first quoted value), in order, then how many more of
/// each kind there are. Every problem stays in the list a program reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemSummary<'a> {
    /// The problems shown, in their order.
    pub shown: Vec<&'a Problem>,
    /// For each kind with more than were shown: one of its problems (its file and column) and
    /// how many more there are, in the order the kinds were first met.
    pub more: Vec<(&'a Problem, usize)>,
}

impl Problem {
    /// Its kind: the reason up to its first quoted value (`unknown gender "robot"` and
    /// `unknown gender "x"` are one kind).
    fn kind(&self) -> (&str, &str, &str) {
        let reason = self.reason.split('"').next().unwrap_or_default();
        (&self.file, &self.column, reason)
    }
}

/// The problems a reader is shown (see [`ProblemSummary`]), at most `per_kind` of each kind.
pub fn summarise(problems: &[Problem], per_kind: usize) -> ProblemSummary<'_> {
    let mut seen: std::collections::HashMap<(&str, &str, &str), usize> = Default::default();
    let mut order: Vec<(&str, &str, &str)> = Vec::new();
    let mut first: std::collections::HashMap<(&str, &str, &str), &Problem> = Default::default();
    let mut shown = Vec::new();
    for p in problems {
        let kind = p.kind();
        let n = seen.entry(kind).or_insert_with(|| {
            order.push(kind);
            first.insert(kind, p);
            0
        });
        *n += 1;
        if *n <= per_kind {
            shown.push(p);
        }
    }
    let more = order
        .into_iter()
        .filter_map(|kind| {
            let n = seen[&kind];
            (n > per_kind).then(|| (first[&kind], n - per_kind))
        })
        .collect();
    ProblemSummary { shown, more }
}

/// A strict import that found problems (all of them are listed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s) in the input; the first: {}", problems.len(), problems.first().map(|p| p.to_string()).unwrap_or_default())]
pub struct ImportError {
    /// Every problem found.
    pub problems: Vec<Problem>,
}

/// Rows read and the problems of rows left out (lenient mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported<T> {
    /// The rows that passed validation.
    pub rows: Vec<T>,
    /// The rows left out, and why.
    pub problems: Vec<Problem>,
}

/// Today's date (UTC) by the machine's clock: what the readers compare dates with that cannot
/// have come yet (a client starting after today).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

#[cfg(test)]
mod tests {
    use super::date_of;
    use time::format_description::well_known::Iso8601;

    #[test]
    fn every_written_date_reads_as_the_iso_parser_reads_it() {
        // Every day from 1899 to 2101 as `YYYY-MM-DD`, and every impossible day of each month
        // of a leap and a common year: the fast path agrees with `time`'s ISO 8601 parser.
        let mut day = time::macros::date!(1899 - 01 - 01);
        while day.year() <= 2101 {
            let text = format!(
                "{:04}-{:02}-{:02}",
                day.year(),
                u8::from(day.month()),
                day.day()
            );
            assert_eq!(date_of(&text), Some(day), "{text}");
            day = day.next_day().unwrap();
        }
        for year in [2023, 2024] {
            for month in 0..=13 {
                for d in 0..=32 {
                    let text = format!("{year}-{month:02}-{d:02}");
                    let iso = time::Date::parse(&text, &Iso8601::DATE).ok();
                    assert_eq!(date_of(&text), iso, "{text}");
                }
            }
        }
        for text in [
            "2023-1-01",
            "202a-01-01",
            "2023/01/01",
            "2023-01-0x",
            "",
            "2023-01-01 ",
        ] {
            assert_eq!(
                date_of(text),
                time::Date::parse(text, &Iso8601::DATE).ok(),
                "{text:?}"
            );
        }
    }
}
