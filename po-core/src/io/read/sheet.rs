//! The shared sheet reader: a CSV file decoded, its header mapped through Swedish aliases and
//! checked once, and each row read cell by cell with located problems.

use std::ops::Range;

use time::Date;

use super::ids::IdSet;
use super::table::{Frame, Input, TextCells};
use super::{decode, ImportError, Imported, Mode, Problem};
use crate::codes::UnknownCode;
use crate::text::clip;

/// A column of one kind of file: its index in [`Columns::known`], resolved when the module is
/// compiled (see [`col`]), so that reading a cell is an array lookup, not a name compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Col(usize);

/// The column `name` of `known`; a name not in the list fails the build (a const panic).
#[allow(clippy::panic)]
pub(super) const fn col(known: &[&str], name: &str) -> Col {
    let mut i = 0;
    while i < known.len() {
        let (a, b) = (known[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return Col(i);
            }
        }
        i += 1;
    }
    panic!("not a known column")
}

/// The header of a file: its columns after the Swedish aliases, and where each known column is.
pub(super) struct Header {
    /// The header's columns, folded and mapped through the aliases.
    names: Vec<String>,
    /// The header's columns as the file wrote them (trimmed): problems name a column so, as
    /// the user sees it in the spreadsheet (issue 32 point 2: `Startdatum`, not `started_on`).
    written: Vec<String>,
    /// For each known column, its field in a record (`None`: not in the file).
    fields: Vec<Option<usize>>,
    /// Where the header's trailing columns without a name begin (its length when there are
    /// none): what a spreadsheet leaves after the last column it was given (issue 32 point 6).
    unnamed_from: usize,
}

pub(super) fn one_problem(file: &str, row: u64, reason: String) -> ImportError {
    ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row,
            column: String::new(),
            reason,
        }],
    }
}

/// The header of a CSV file, or the file's one problem when the parser rejects it.
pub(super) fn csv_header(
    reader: &mut csv::Reader<&[u8]>,
    file: &str,
) -> Result<Vec<String>, ImportError> {
    Ok(reader
        .headers()
        .map_err(|e| one_problem(file, 1, e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect())
}

pub(super) fn read_header(
    given: &[String],
    file: &str,
    columns: &Columns,
    header_row: u64,
) -> Result<Header, ImportError> {
    if let Some(reason) = super::limits::columns_problem(given.len()) {
        return Err(one_problem(file, header_row, reason));
    }
    let names: Vec<String> = given
        .iter()
        .map(|h| {
            let h = crate::text::fold(h);
            columns
                .aliases
                .iter()
                .find(|(sv, _)| crate::text::fold(sv) == h)
                .map_or(h, |(_, code)| (*code).to_owned())
        })
        .collect();
    // A column given twice (also as a name and its alias) is an error: which one should win?
    // Each name's first place, in one pass (a header of thousands of columns stays linear).
    let unnamed_from = names
        .iter()
        .rposition(|h| !h.trim().is_empty())
        .map_or(0, |last| last + 1);
    let mut firsts: std::collections::HashMap<&str, usize> = Default::default();
    for (j, h) in names[..unnamed_from].iter().enumerate() {
        firsts.entry(h.as_str()).or_insert(j);
    }
    let twice: Vec<Problem> = names[..unnamed_from]
        .iter()
        .enumerate()
        .filter_map(|(j, h)| {
            let first = *firsts.get(h.as_str())?;
            (first < j).then(|| Problem {
                file: file.to_owned(),
                row: header_row,
                column: clip(given[j].trim()),
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
    let fields = columns
        .known
        .iter()
        .map(|k| names.iter().position(|h| h == k))
        .collect();
    Ok(Header {
        names,
        written: given.iter().map(|h| clip(h.trim())).collect(),
        fields,
        unnamed_from,
    })
}

/// Where a row's cells are: in a line of CSV text, or in the columns of a frame's batch.
#[derive(Clone, Copy)]
pub(super) enum Cells<'a> {
    /// The row's text and where each of its cells is in it.
    Text {
        text: &'a str,
        at: &'a [Range<usize>],
    },
    /// The batch's columns, the row's index in it, and whether the rows read with it are
    /// clean already ([`TextCells::clean`]).
    Frame {
        columns: &'a [Box<dyn TextCells + 'a>],
        row: usize,
        clean: bool,
    },
}

impl<'a> Cells<'a> {
    fn get(self, field: usize) -> Option<&'a str> {
        match self {
            Cells::Text { text, at } => text.get(at.get(field)?.clone()),
            Cells::Frame { columns, row, .. } => columns.get(field)?.cell(row),
        }
    }

    /// How many cells the row has.
    fn len(self) -> usize {
        match self {
            Cells::Text { at, .. } => at.len(),
            Cells::Frame { columns, .. } => columns.len(),
        }
    }

    /// Whether every cell is empty or blank: in a CSV file, a row of only separators, as a
    /// spreadsheet leaves below its data. It holds nothing, and is skipped as a blank line is.
    fn blank(self) -> bool {
        (0..self.len()).all(|f| self.get(f).is_none_or(|c| trim(c).is_empty()))
    }
}

/// Reads one row's cells by column and collects its problems. Cells are borrowed from the
/// record (`'a`), so reading a valid cell allocates nothing.
pub(super) struct Row<'a> {
    file: &'a str,
    pub(super) line: u64,
    known: &'a [&'static str],
    fields: &'a [Option<usize>],
    /// The header as written, by field.
    written: &'a [String],
    cells: Cells<'a>,
    pub(super) problems: Vec<Problem>,
}

impl<'a> Row<'a> {
    /// The cell, trimmed; `None` when empty or the column is not in the file.
    pub(super) fn raw(&self, column: Col) -> Option<&'a str> {
        let cell = self.cells.get(self.fields[column.0]?)?;
        Some(trim(cell)).filter(|s| !s.is_empty())
    }
    /// A free-text cell (an area, a deviation's text, a training, a survey answer), trimmed,
    /// screened for identity numbers by the one screen ([`crate::privacy::
    /// contains_identity_number`]): one found is a problem at this cell, never echoed, and the
    /// row is not read.
    pub(super) fn free_text(&mut self, column: Col) -> Option<&'a str> {
        let v = self.raw(column)?;
        if crate::privacy::contains_identity_number(v) {
            self.problem(column, crate::privacy::IN_FREE_TEXT.into());
            return None;
        }
        Some(v)
    }
    /// Records a problem in `column`, named as the file's header wrote it (po's name when the
    /// column is not in the file).
    pub(super) fn problem(&mut self, column: Col, reason: String) {
        let name = self.written_name(column);
        self.problem_in(name, reason);
    }
    /// The name of `column` as the file's header wrote it (po's name when it is not there).
    pub(super) fn written_name(&self, column: Col) -> &'a str {
        let header: &'a [String] = self.written;
        let written = self.fields[column.0]
            .and_then(|f| header.get(f))
            .filter(|w| !w.is_empty());
        written.map_or(self.known[column.0], String::as_str)
    }
    /// Records a problem in a column by name ("" for the whole row).
    pub(super) fn problem_in(&mut self, column: &str, reason: String) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            row: self.line,
            column: column.to_owned(),
            reason,
        });
    }
    /// A required id, recorded in `ids` with this row: a repeat is found once every row is read
    /// ([`super::chunked::leave_out_repeated_ids`]).
    pub(super) fn unique_id(&mut self, column: Col, ids: &mut IdSet) -> Option<&'a str> {
        let id = self.required(column)?;
        if ids.column.is_empty() {
            ids.column = self.written_name(column).to_owned();
        }
        ids.push(id, self.line);
        Some(id)
    }
    pub(super) fn required(&mut self, column: Col) -> Option<&'a str> {
        let v = self.raw(column);
        if v.is_none() {
            self.problem(column, "a value is required".into());
        }
        v
    }
    pub(super) fn date(&mut self, column: Col) -> Option<Date> {
        let v = self.raw(column)?;
        match crate::input::date_of(v) {
            Some(d) => Some(d),
            None => {
                self.problem(
                    column,
                    format!("expected a date YYYY-MM-DD, got {:?}", clip(v)),
                );
                None
            }
        }
    }
    pub(super) fn flag(&mut self, column: Col) -> bool {
        let Some(v) = self.raw(column) else {
            return false;
        };
        match crate::input::flag_of(v) {
            Some(flag) => flag,
            None => {
                let folded = crate::text::fold(v);
                self.problem(
                    column,
                    format!("expected ja or nej, got {:?}", clip(&folded)),
                );
                false
            }
        }
    }
    pub(super) fn code<T>(
        &mut self,
        column: Col,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Option<T> {
        let v = self.raw(column)?;
        self.parse_one(column, v, &parse)
    }
    fn parse_one<T>(
        &mut self,
        column: Col,
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
    /// A `|`-separated list (empty items skipped), allocated once at its final size.
    pub(super) fn list<T>(
        &mut self,
        column: Col,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Vec<T> {
        self.list_of(column, parse, |x| x)
    }

    /// [`Row::list`] with each item made into a `U` as it is read (no second list).
    pub(super) fn list_of<T, U>(
        &mut self,
        column: Col,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
        make: impl Fn(T) -> U,
    ) -> Vec<U> {
        let mut out = Vec::new();
        if let Some(v) = self.raw(column) {
            // One allocation of the right size: rows are kept for the report.
            out.reserve(v.bytes().filter(|&b| b == b'|').count() + 1);
        }
        self.each_item(column, parse, |x| out.push(make(x)));
        out
    }

    /// Each item of a `|`-separated cell given to `each` as it is read (a bad one is a
    /// problem); blank items are skipped.
    pub(super) fn each_item<T>(
        &mut self,
        column: Col,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
        mut each: impl FnMut(T),
    ) {
        let Some(v) = self.raw(column) else {
            return;
        };
        // Split by hand: the items are short, and `str::split`'s search costs more than them.
        let bytes = v.as_bytes();
        let mut start = 0;
        while start <= bytes.len() {
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'|')
                .map_or(bytes.len(), |p| start + p);
            // `|` is ASCII: both ends are character boundaries.
            let item = v.get(start..end).unwrap_or_default();
            start = end + 1;
            if item.is_empty() || trim(item).is_empty() {
                continue;
            }
            if let Some(x) = self.parse_one(column, item, &parse) {
                each(x);
            }
        }
    }
}

/// [`str::trim`], with a shortcut for the common cell that starts and ends with a visible ASCII
/// character (nothing to trim).
fn trim(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(&a), Some(&b)) if a > b' ' && a < 0x80 && b > b' ' && b < 0x80 => cell,
        _ => cell.trim(),
    }
}

/// The columns of one kind of file: Swedish aliases, every known column, the required ones.
pub(super) struct Columns {
    pub(super) aliases: &'static [(&'static str, &'static str)],
    pub(super) known: &'static [&'static str],
    pub(super) required: &'static [&'static str],
    /// Optional columns whose absence would make figures silently wrong: any one of the
    /// columns, and what goes wrong without them (naming the tables).
    pub(super) optional: &'static [(&'static [&'static str], &'static str)],
}

/// Header problems: a required column missing makes the file unreadable (an error in either
/// mode); an unknown column is a problem (so a mistyped header is never silently ignored), and
/// so is a missing optional column whose absence would make tables silently wrong (zeros that
/// look real): an error when strict, listed when lenient (and shown in the report).
pub(super) fn check_headers(
    header: &Header,
    file: &str,
    columns: &Columns,
    header_row: u64,
) -> Result<Vec<Problem>, ImportError> {
    let problem = |column: &str, reason: String| Problem {
        file: file.to_owned(),
        row: header_row,
        column: clip(column),
        reason,
    };
    let missing: Vec<Problem> = columns
        .required
        .iter()
        .filter(|c| !header.names.iter().any(|h| h == *c))
        .map(|c| {
            problem(
                c,
                format!(
                    "the required column is missing; the header has {}",
                    crate::text::list_names(&header.written, 80)
                ),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(ImportError { problems: missing });
    }
    // Trailing columns without a name are no columns (a spreadsheet's leftovers): a value
    // below one is a problem of its row (`RowAt::read`).
    let unknown = header.names[..header.unnamed_from]
        .iter()
        .zip(&header.written)
        .filter(|(h, _)| !columns.known.contains(&h.as_str()))
        .map(|(_, written)| {
            problem(
                written,
                format!(
                    "unknown column, not read; expected one of {}",
                    columns.known.join(", ")
                ),
            )
        });
    let absent = columns
        .optional
        .iter()
        .filter(|(any, _)| !any.iter().any(|c| header.names.iter().any(|h| h == c)))
        .map(|(any, consequence)| {
            let named = match any {
                [one] => format!("the column {one} is missing"),
                _ => format!("none of the columns {} is given", any.join(", ")),
            };
            problem(
                any[0],
                format!(
                    "{named}: {consequence}; add it (empty cells are fine where nothing is known)"
                ),
            )
        });
    Ok(unknown.chain(absent).collect())
}

/// Every row of a CSV file or a frame given to `each` with where it is; returns the header's
/// problems.
pub(super) fn each_row(
    input: Input<'_>,
    file: &str,
    columns: &Columns,
    mut each: impl FnMut(RowAt<'_>, Cells<'_>),
) -> Result<Vec<Problem>, ImportError> {
    let mut beyond = None;
    let mut each = |header: &Header, line: u64, cells: Cells<'_>| {
        if beyond.is_some() {
            return;
        }
        if let Some(reason) = super::limits::row_problem(line) {
            beyond = Some((line, reason));
            return;
        }
        if skipped(columns, cells) {
            return;
        }
        let at = RowAt {
            file,
            columns,
            header,
            line,
        };
        each(at, cells);
    };
    let header_problems = match input {
        Input::Csv(bytes) => read_csv_rows(bytes, file, columns, &mut each),
        Input::Frame(frame) => read_frame_rows(frame, file, columns, &mut each),
    }?;
    match beyond {
        Some((line, reason)) => Err(one_problem(file, line, reason)),
        None => Ok(header_problems),
    }
}

/// Whether a row is skipped: a row of only separators in a CSV file whose rows need a value (an
/// export's id) can be no record, only a spreadsheet's leftover. A frame's rows, and a file
/// whose every column may be empty (cases: nothing known yet), are records their writer made,
/// answered each.
pub(super) fn skipped(columns: &Columns, cells: Cells<'_>) -> bool {
    !columns.required.is_empty() && matches!(cells, Cells::Text { .. }) && cells.blank()
}

/// Where a row is read: its file, the file's columns and header, its line.
pub(super) struct RowAt<'h> {
    pub(super) file: &'h str,
    pub(super) columns: &'h Columns,
    pub(super) header: &'h Header,
    pub(super) line: u64,
}

impl RowAt<'_> {
    /// The row `build` reads from `cells`: kept if `build` yields a value and records no
    /// problem; otherwise its problems go to `problems` (a row that yields nothing without
    /// saying why still gets one, so no row can vanish).
    pub(super) fn read<T>(
        &self,
        cells: Cells<'_>,
        build: impl FnOnce(&mut Row<'_>) -> Option<T>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let mut r = Row {
            file: self.file,
            line: self.line,
            known: self.columns.known,
            fields: &self.header.fields,
            written: &self.header.written,
            cells,
            problems: Vec::new(),
        };
        // Every cell po reads within the format's limits and free of control characters: a
        // line of CSV text, or a frame's rows, clean as a whole need no look at each cell.
        let clean = match cells {
            Cells::Text { text, .. } => super::limits::line_is_clean(text),
            Cells::Frame { clean, .. } => clean,
        };
        for (k, field) in self.header.fields.iter().enumerate().filter(|_| !clean) {
            let Some(cell) = field.and_then(|f| cells.get(f)) else {
                continue;
            };
            if let Some(reason) = super::limits::cell_problem(cell) {
                r.problem(Col(k), reason);
            }
        }
        // A value below a trailing column without a name: whose is it?
        let header = self.header;
        if let Some(f) = (header.unnamed_from..cells.len())
            .find(|&f| cells.get(f).is_some_and(|c| !trim(c).is_empty()))
        {
            r.problem_in(
                &format!("{} (no name)", f + 1),
                format!(
                    "a value in column {} of the row, beyond the header's last named column ({}); name the column or remove the value",
                    f + 1,
                    header.unnamed_from
                ),
            );
        }
        if !r.problems.is_empty() {
            problems.append(&mut r.problems);
            return None;
        }
        let row = match build(&mut r) {
            Some(row) if r.problems.is_empty() => Some(row),
            _ if r.problems.is_empty() => {
                r.problem_in("", "the row could not be read".into());
                None
            }
            _ => None,
        };
        problems.append(&mut r.problems);
        row
    }
}

/// Reads every row of a file with `build`, which reads the cells through the [`Row`] and
/// records problems there. A row is kept only if `build` returns a value and recorded no
/// problem; otherwise its problems are listed (and a row that yields nothing without saying why
/// still gets a problem, so no row can vanish). Strict mode fails on any problem; a file that
/// is not CSV at all (a record the parser rejects) fails with that one problem.
///
/// CSV is read as a stream into one reused record: UTF-8 is parsed where it lies (no decoded
/// copy), and a valid row costs no allocation here beyond what `build` keeps. A frame is read
/// cell by cell where its columns hold the text.
pub(super) fn read_rows<T>(
    input: Input<'_>,
    file: &str,
    columns: &Columns,
    mode: Mode,
    mut build: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Imported<T>, ImportError> {
    let mut rows = Vec::with_capacity(match input {
        Input::Csv(bytes) => expected_rows(bytes),
        Input::Frame(frame) => frame.rows(),
    });
    let mut problems = Vec::new();
    let header_problems = each_row(input, file, columns, |at, cells| {
        if let Some(row) = at.read(cells, &mut build, &mut problems) {
            rows.push(row);
        }
    })?;
    problems.splice(0..0, header_problems);
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok(Imported { rows, problems })
}

/// The rows of a CSV file given to `each`; returns the header's problems.
pub(super) fn read_csv_rows(
    bytes: &[u8],
    file: &str,
    columns: &Columns,
    each: &mut dyn FnMut(&Header, u64, Cells<'_>),
) -> Result<Vec<Problem>, ImportError> {
    let text = decode(bytes);
    let (body, delimiter) = crate::text::csv_layout(&text);
    let mut reader = crate::text::csv_reader_with(body, delimiter);
    let header = read_header(&csv_header(&mut reader, file)?, file, columns, 1)?;
    let header_problems = check_headers(&header, file, columns, 1)?;
    let mut at = Vec::new();
    if let Some((parts, _)) = plain_parts(body, &reader, 1) {
        for part in parts {
            each_line(part, delimiter, &mut |line, cells| {
                each(&header, line, cells)
            });
        }
    } else {
        let mut record = csv::StringRecord::new();
        let mut lines = LineCount::new(body);
        for i in 0u64.. {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(i + 2, |p| p.line());
                    return Err(one_problem(file, line, e.to_string()));
                }
            }
            at.clear();
            at.extend((0..record.len()).filter_map(|j| record.range(j)));
            // The row as a spreadsheet shows it: the line where the record starts, blank lines
            // included (counted here: `csv`'s own line count is off by the blank lines and by
            // one after CRLF line ends).
            let line = match record
                .position()
                .and_then(|p| usize::try_from(p.byte()).ok())
            {
                Some(offset) => lines.at(offset),
                None => i + 2,
            };
            let text = record.as_slice();
            each(&header, line, Cells::Text { text, at: &at });
        }
    }
    Ok(header_problems)
}

/// The rows of a frame given to `each`, numbered as in its CSV export (row `i` is line
/// `header_row + 1 + i`); returns the header's problems. A batch whose columns are not one per name, or
/// not of one length, is the file's one problem.
/// A batch whose columns are not one per name, or not of one length, is the frame's one
/// problem (at the line of its first row).
pub(super) fn check_batches(frame: &Frame<'_>, file: &str) -> Result<(), ImportError> {
    let mut line = frame.header_row + 1;
    for (b, batch) in frame.batches.iter().enumerate() {
        let len = batch.first().map_or(0, |c| c.len());
        if batch.len() != frame.names.len() || batch.iter().any(|c| c.len() != len) {
            return Err(one_problem(
                file,
                line,
                format!(
                    "batch {b} of the table has {} columns of lengths {:?}; expected {} columns of one length",
                    batch.len(),
                    batch.iter().map(|c| c.len()).collect::<Vec<_>>(),
                    frame.names.len()
                ),
            ));
        }
        line += len as u64;
    }
    Ok(())
}

pub(super) fn read_frame_rows(
    frame: &Frame<'_>,
    file: &str,
    columns: &Columns,
    each: &mut dyn FnMut(&Header, u64, Cells<'_>),
) -> Result<Vec<Problem>, ImportError> {
    let header = read_header(&frame.names, file, columns, frame.header_row)?;
    let header_problems = check_headers(&header, file, columns, frame.header_row)?;
    check_batches(frame, file)?;
    let mut line = frame.header_row + 1;
    for batch in &frame.batches {
        let len = batch.first().map_or(0, |c| c.len());
        let clean = batch.iter().all(|c| c.clean(0..len));
        for row in 0..len {
            let columns = batch;
            each(
                &header,
                line,
                Cells::Frame {
                    columns,
                    row,
                    clean,
                },
            );
            line += 1;
        }
    }
    Ok(header_problems)
}

/// The rows after the header (where `reader` stands in `body`), when the CSV parser would read
/// each line as one record split at the separator: no quote and no carriage return but before a
/// line feed. Such files (what case systems and po itself write) are then read line by line,
/// several times faster than the general parser; any other file goes through `csv`
/// (`tests::plain_lines_read_as_csv_does` checks that both ways read the same rows). The lines
/// are cut into `parts` parts at line ends, each with the number of its first line, searched a
/// vector at a time (the memchr crate) on a thread each when there are several, so that no pass
/// over a large file is left to one core. Blank lines at the end are left out; the number of
/// the last line comes with the parts.
pub(super) fn plain_parts<'t>(
    body: &'t str,
    reader: &csv::Reader<&[u8]>,
    parts: usize,
) -> Option<(Vec<(u64, &'t str)>, u64)> {
    let first_line = reader.position().line();
    let mut rest = body.get(usize::try_from(reader.position().byte()).ok()?..)?;
    while let Some(r) = rest.strip_suffix('\n') {
        rest = r.strip_suffix('\r').unwrap_or(r);
    }
    let size = rest.len().div_ceil(parts.max(1)).max(1);
    let mut cut = Vec::with_capacity(parts);
    let mut from = 0;
    while from < rest.len() {
        let end = from.saturating_add(size).min(rest.len());
        let end =
            memchr::memchr(b'\n', &rest.as_bytes()[end..]).map_or(rest.len(), |i| end + i + 1);
        cut.push(rest.get(from..end)?);
        from = end;
    }
    // A part's line ends, if it is plain.
    let search = |part: &str| {
        let bytes = part.as_bytes();
        let plain = memchr::memchr(b'"', bytes).is_none()
            && memchr::memchr_iter(b'\r', bytes).all(|i| bytes.get(i + 1) == Some(&b'\n'));
        plain.then(|| memchr::memchr_iter(b'\n', bytes).count() as u64)
    };
    let searched: Vec<Option<u64>> = if let [part] = cut[..] {
        vec![search(part)]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = cut
                .iter()
                .map(|&part| s.spawn(move || search(part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut line = first_line;
    let mut numbered = Vec::with_capacity(cut.len());
    for (part, ends) in cut.into_iter().zip(searched) {
        numbered.push((line, part));
        line += ends?;
    }
    // The last part ends without a line end: `line` is its last line's number.
    Some((numbered, line))
}

/// The lines of a part of [`plain_parts`], each with its number (blank lines skipped but
/// counted), split at `delimiter` into `at`.
pub(super) fn each_line(
    (first_line, text): (u64, &str),
    delimiter: u8,
    each: &mut dyn FnMut(u64, Cells<'_>),
) {
    let mut at = Vec::new();
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for (end, line) in ends.zip(first_line..) {
        let line_text = text.get(from..end).unwrap_or_default();
        from = end + 1;
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        if line_text.is_empty() {
            continue;
        }
        at.clear();
        split(line_text, delimiter, &mut at);
        each(
            line,
            Cells::Text {
                text: line_text,
                at: &at,
            },
        );
    }
}

/// About how many rows a CSV file's `body` has, from the line length of its first 64 KiB (5 % more, and
/// never more than one per 16 bytes): the rows are then allocated once, not copied at each
/// doubling (10⁶ clients are about 128 MB of rows).
pub(super) fn expected_rows(body: &[u8]) -> usize {
    let sample = &body[..body.len().min(1 << 16)];
    let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    let estimate = body.len() / (sample.len() / lines).max(1);
    (estimate + estimate / 20 + 16).min(body.len() / 16 + 16)
}

/// Line numbers of byte offsets met in increasing order (1 = the first line).
pub(super) struct LineCount<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> LineCount<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        LineCount {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record that `csv` says starts at `offset` (not before the last offset
    /// asked). Its offset can be that of the line ends before it, which a record never starts
    /// with: they are skipped.
    pub(super) fn at(&mut self, offset: usize) -> u64 {
        let mut offset = offset.min(self.text.len()).max(self.at);
        while matches!(self.text.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let newlines = self.text[self.at..offset].iter().filter(|&&b| b == b'\n');
        self.line += newlines.count() as u64;
        self.at = offset;
        self.line
    }
}

/// The cells of one line: where each one is, split at the separator.
pub(super) fn split(text: &str, delimiter: u8, cells: &mut Vec<Range<usize>>) {
    // The separators found a vector at a time (a byte loop here was most of the 18 % of the
    // import's instructions spent splitting lines).
    let mut start = 0;
    for i in memchr::memchr_iter(delimiter, text.as_bytes()) {
        cells.push(start..i);
        start = i + 1;
    }
    cells.push(start..text.len());
}

#[cfg(test)]
mod tests {
    use super::{read_rows, Col, Columns, Mode};

    const KNOWN: &[&str] = &["a", "b", "c"];
    const COLUMNS: Columns = Columns {
        aliases: &[],
        known: KNOWN,
        required: &["a"],
        optional: &[],
    };

    /// Every row as (line, cells) through the fast path, and through `csv` (a quote forces it:
    /// `"x"` is read as `x`).
    fn rows(text: &str) -> Vec<(u64, Vec<Option<String>>)> {
        let imported = read_rows(
            text.as_bytes().into(),
            "t.csv",
            &COLUMNS,
            Mode::Lenient,
            |r| {
                Some((
                    r.line,
                    (0..3).map(|i| r.raw(Col(i)).map(str::to_owned)).collect(),
                ))
            },
        );
        imported.map(|i| i.rows).unwrap_or_default()
    }

    #[test]
    fn plain_lines_read_as_csv_does() {
        let cases = [
            "a;b;c\n1;2;3\n",
            "a;b;c\r\n1;2;3\r\n\r\n\r\n4; 5 ;\r\n",
            "a,b\n\n\nx,y\nlast,row",
            "\u{feff}a;b;c\n1;;3\n;;\n",
            "sep=;\na;b;c\n1;2\n1;2;3;4\n",
            "a\tb\tc\nÖstra\t\u{2003}z\u{2003}\tå\n",
            "a;b;c\n1;2;3",
            "a;b;c\n \n1;2;3\n",
        ];
        for case in cases {
            // The same text with one cell quoted goes through the csv parser.
            let quoted = case.replacen("a", "\"a\"", 1);
            assert_eq!(rows(case), rows(&quoted), "{case:?}");
            assert!(!rows(case).is_empty(), "{case:?}");
        }
        assert_eq!(
            rows("a;b;c\r\n1;2;3\r\n\r\n\r\n4; 5 ;\r\n"),
            vec![
                (
                    2,
                    vec![Some("1".into()), Some("2".into()), Some("3".into())]
                ),
                (5, vec![Some("4".into()), Some("5".into()), None]),
            ]
        );
    }

    /// Issue 32 point 6: what Excel leaves behind — a trailing column without a name on every
    /// line, rows of only separators — reads as the file without it; a value below the unnamed
    /// column is a problem of its row, naming the column by its place.
    #[test]
    fn a_spreadsheets_leftovers_are_no_columns_and_no_rows() {
        let clean = "a;b;c\n1;2;3\n4;5;6\n";
        let careless = "a;b;c;;\n1;2;3;;\n;;;;\n4;5;6;;\n ; ;;;\n";
        assert_eq!(
            rows(careless),
            rows(clean)
                .into_iter()
                .map(|(l, c)| (if l == 3 { 4 } else { l }, c))
                .collect::<Vec<_>>()
        );
        let problems = |text: &str| {
            read_rows(
                text.as_bytes().into(),
                "t.csv",
                &COLUMNS,
                Mode::Lenient,
                |r| Some(r.line),
            )
            .unwrap()
            .problems
        };
        assert!(problems(careless).is_empty());
        let p = problems("a;b;c;;\n1;2;3;;x\n");
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].row, p[0].column.as_str()), (2, "5 (no name)"));
        // A column without a name between named ones is still an unknown column.
        let p = problems("a;;c\n1;2;3\n");
        assert_eq!(p.len(), 1);
        assert!(p[0].reason.starts_with("unknown column"), "{}", p[0].reason);
    }
}
