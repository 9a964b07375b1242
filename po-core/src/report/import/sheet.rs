//! The shared sheet reader: a CSV file decoded, its header mapped through Swedish aliases and
//! checked once, and each row read cell by cell with located problems.

use time::{format_description::well_known::Iso8601, Date};

use super::{decode, ImportError, Imported, Mode, Problem};
use crate::codes::UnknownCode;
use crate::text::clip;

pub(super) struct Sheet {
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

fn read_sheet(bytes: &[u8], file: &str, aliases: &[(&str, &str)]) -> Result<Sheet, ImportError> {
    let text = decode(bytes);
    let mut reader = crate::text::csv_reader(&text);
    let problem = |row: u64, reason: String| ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row,
            column: String::new(),
            reason,
        }],
    };
    let given: Vec<String> = reader
        .headers()
        .map_err(|e| problem(1, e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let headers: Vec<String> = given
        .iter()
        .map(|h| {
            let h = crate::text::fold(h);
            aliases
                .iter()
                .find(|(sv, _)| crate::text::fold(sv) == h)
                .map_or(h, |(_, code)| (*code).to_owned())
        })
        .collect();
    // A column given twice (also as a name and its alias) is an error: which one should win?
    let twice: Vec<Problem> = headers
        .iter()
        .enumerate()
        .filter_map(|(j, h)| {
            let first = headers.iter().position(|x| x == h)?;
            (first < j).then(|| Problem {
                file: file.to_owned(),
                row: 1,
                column: clip(h),
                reason: format!(
                    "the column is given twice (as {:?} and {:?}); keep one",
                    clip(given[first].trim()),
                    clip(given[j].trim())
                ),
            })
        })
        .collect();
    if !twice.is_empty() {
        return Err(ImportError { problems: twice });
    }
    let mut rows = Vec::new();
    for (i, r) in reader.records().enumerate() {
        // The row as a spreadsheet shows it (blank lines count), else the record's index.
        let line = match &r {
            Ok(record) => record.position().map_or(i as u64 + 2, |p| p.line()),
            Err(e) => e.position().map_or(i as u64 + 2, |p| p.line()),
        };
        rows.push((line, r.map_err(|e| problem(line, e.to_string()))?));
    }
    Ok(Sheet { headers, rows })
}

/// Reads one row's cells by column name and collects its problems.
pub(super) struct Row<'a> {
    file: &'a str,
    pub(super) line: u64,
    headers: &'a [String],
    record: &'a csv::StringRecord,
    pub(super) problems: Vec<Problem>,
}

impl Row<'_> {
    pub(super) fn raw(&self, column: &str) -> Option<&str> {
        let i = self.headers.iter().position(|h| h == column)?;
        self.record.get(i).map(str::trim).filter(|s| !s.is_empty())
    }
    pub(super) fn problem(&mut self, column: &str, reason: String) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            row: self.line,
            column: column.to_owned(),
            reason,
        });
    }
    pub(super) fn required(&mut self, column: &str) -> Option<String> {
        let v = self.raw(column).map(str::to_owned);
        if v.is_none() {
            self.problem(column, "a value is required".into());
        }
        v
    }
    pub(super) fn date(&mut self, column: &str) -> Option<Date> {
        let v = self.raw(column)?.to_owned();
        match Date::parse(&v, &Iso8601::DATE) {
            Ok(d) => Some(d),
            Err(_) => {
                self.problem(
                    column,
                    format!("expected a date YYYY-MM-DD, got {:?}", clip(&v)),
                );
                None
            }
        }
    }
    pub(super) fn flag(&mut self, column: &str) -> bool {
        let Some(v) = self.raw(column).map(crate::text::fold) else {
            return false;
        };
        match v.as_str() {
            "ja" | "j" | "yes" | "y" | "1" | "true" | "x" => true,
            "nej" | "n" | "no" | "0" | "false" => false,
            _ => {
                self.problem(column, format!("expected ja or nej, got {:?}", clip(&v)));
                false
            }
        }
    }
    pub(super) fn code<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Option<T> {
        let v = self.raw(column)?.to_owned();
        self.parse_one(column, &v, &parse)
    }
    fn parse_one<T>(
        &mut self,
        column: &str,
        v: &str,
        parse: &impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Option<T> {
        match parse(v) {
            Ok(x) => Some(x),
            Err(e) => {
                self.problem(column, e.to_string());
                None
            }
        }
    }
    pub(super) fn list<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Vec<T> {
        let Some(v) = self.raw(column).map(str::to_owned) else {
            return Vec::new();
        };
        v.split('|')
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| self.parse_one(column, s, &parse))
            .collect()
    }
}

/// The columns of one kind of file: Swedish aliases, every known column, the required ones.
pub(super) struct Columns {
    pub(super) aliases: &'static [(&'static str, &'static str)],
    pub(super) known: &'static [&'static str],
    pub(super) required: &'static [&'static str],
}

/// Header problems: a required column missing makes the file unreadable (an error in either
/// mode); an unknown column is a problem (so a mistyped header is never silently ignored), an
/// error when strict and listed when lenient.
fn check_headers(
    sheet: &Sheet,
    file: &str,
    columns: &Columns,
) -> Result<Vec<Problem>, ImportError> {
    let problem = |column: &str, reason: String| Problem {
        file: file.to_owned(),
        row: 1,
        column: clip(column),
        reason,
    };
    let missing: Vec<Problem> = columns
        .required
        .iter()
        .filter(|c| !sheet.headers.iter().any(|h| h == *c))
        .map(|c| {
            problem(
                c,
                format!(
                    "the required column is missing; the header has {}",
                    crate::text::list_names(&sheet.headers, 80)
                ),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(ImportError { problems: missing });
    }
    Ok(sheet
        .headers
        .iter()
        .filter(|h| !columns.known.contains(&h.as_str()))
        .map(|h| {
            problem(
                h,
                format!(
                    "unknown column, not read; expected one of {}",
                    columns.known.join(", ")
                ),
            )
        })
        .collect())
}

/// Reads every row of a sheet with `build`, which reads the cells through the [`Row`] and
/// records problems there. A row is kept only if `build` returns a value and recorded no
/// problem; otherwise its problems are listed (and a row that yields nothing without saying why
/// still gets a problem, so no row can vanish). Strict mode fails on any problem.
pub(super) fn read_rows<T>(
    bytes: &[u8],
    file: &str,
    columns: &Columns,
    mode: Mode,
    mut build: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Imported<T>, ImportError> {
    let sheet = read_sheet(bytes, file, columns.aliases)?;
    let (mut rows, mut problems) = (Vec::new(), check_headers(&sheet, file, columns)?);
    for (line, record) in &sheet.rows {
        let mut r = Row {
            file,
            line: *line,
            headers: &sheet.headers,
            record,
            problems: Vec::new(),
        };
        match build(&mut r) {
            Some(row) if r.problems.is_empty() => rows.push(row),
            _ if r.problems.is_empty() => r.problem("", "the row could not be read".into()),
            _ => {}
        }
        problems.append(&mut r.problems);
    }
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok(Imported { rows, problems })
}
