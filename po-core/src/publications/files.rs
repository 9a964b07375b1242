//! Published documents read back from the files po writes (issue 31 point 4): the JSON form of
//! a report or a compilation, a report's CSV tables (a directory with `about.csv`), and the
//! workbooks of a report or a compilation (their table sheets, placed by the hidden sheet
//! `po`). The CSV tables and the workbooks are read as what they show: their tables, with the
//! relations between the tables by their definitions; the other figures of a report (staff,
//! waiting, the survey, ratios) are in its JSON and its first sheet's text, and are audited
//! from the JSON.

use std::path::{Path, PathBuf};

#[cfg(feature = "excel")]
use super::about::ABOUT_SHEET;
use super::about::{About, ABOUT_CSV};
use super::{Document, Published, PublishedTables};
use crate::disclosure::DisclosureError;
use crate::report::{Cell, ReportTable, Table};

fn shape(why: String) -> DisclosureError {
    DisclosureError::Shape(why)
}

/// Documents read from files and directories, and what was passed over in directories.
#[derive(Debug)]
pub struct ReadDocuments {
    /// The documents, in the order found.
    pub documents: Vec<Document>,
    /// Files in a directory that looked like documents and were not (each with why).
    pub skipped: Vec<String>,
}

/// Reads the published documents in `paths` (see [`Document::from_path`]): a directory is read
/// for its `.json` and workbook files and its directories of CSV tables (and is one itself when
/// it holds `about.csv`); a file or directory of the documents that cannot be read is passed
/// over, with why, in [`ReadDocuments::skipped`] (submissions and ledgers there are
/// confidential, never published; CSV tables without `about.csv`, written by an earlier po,
/// cannot be placed). A path named that cannot be read is an error; a document reached twice
/// (a directory and a file in it) is read once.
///
/// # Errors
/// [`DisclosureError::Shape`] naming the path and what is wrong with it.
pub fn read_documents(paths: &[PathBuf]) -> Result<ReadDocuments, DisclosureError> {
    let mut read = ReadDocuments {
        documents: Vec::new(),
        skipped: Vec::new(),
    };
    // A path named twice, or a directory and a document in it, is read once.
    let mut seen = std::collections::BTreeSet::new();
    let mut first_time = |path: &Path| seen.insert(path.canonicalize().unwrap_or(path.into()));
    for path in paths {
        if !path.is_dir() {
            if first_time(path) {
                read.documents.push(Document::from_path(path)?);
            }
            continue;
        }
        if path.join(ABOUT_CSV).is_file() {
            if first_time(path) {
                read.documents.push(Document::from_csv_dir(path)?);
            }
        } else {
            read.skipped.extend(unplaced_tables(path));
        }
        for entry in sorted_entries(path)? {
            if entry.is_dir() && !entry.join(ABOUT_CSV).is_file() {
                read.skipped.extend(unplaced_tables(&entry));
                continue;
            }
            if !looks_published(&entry) || !first_time(&entry) {
                continue;
            }
            match Document::from_path(&entry) {
                Ok(d) => read.documents.push(d),
                Err(e) => read.skipped.push(e.to_string()),
            }
        }
    }
    Ok(read)
}

/// Why a directory without `about.csv` is passed over, when it holds a CSV file named as a
/// table po publishes (written by an earlier po: it cannot be placed).
fn unplaced_tables(dir: &Path) -> Option<String> {
    let has_tables = sorted_entries(dir).is_ok_and(|entries| {
        entries.iter().any(|e| {
            extension_is(e, &["csv"])
                && e.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| ReportTable::named(s).is_some())
        })
    });
    has_tables.then(|| {
        format!(
            "{}: CSV tables without {ABOUT_CSV} (written by an earlier po?) are not read",
            dir.display()
        )
    })
}

/// Whether a directory's entry is one of the forms po publishes.
fn looks_published(path: &Path) -> bool {
    if path.is_dir() {
        return path.join(ABOUT_CSV).is_file();
    }
    path.is_file() && (extension_is(path, &["json"]) || is_workbook(path))
}

fn extension_is(path: &Path, any: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| any.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn is_workbook(path: &Path) -> bool {
    extension_is(path, &["xlsx", "xlsm", "ods"])
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, DisclosureError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| shape(format!("{}: cannot read the directory: {e}", dir.display())))?;
    let mut found: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    found.sort();
    Ok(found)
}

fn read_text(path: &Path) -> Result<String, DisclosureError> {
    let bytes = crate::io::read::read_file(path)
        .map_err(|e| shape(format!("{}: cannot read: {e}", path.display())))?;
    Ok(crate::io::read::decode(&bytes).into_owned())
}

impl Document {
    /// Reads one published document from its file: JSON (`report-YEAR.json`,
    /// `compilation-….json`), a workbook (`.xlsx`, `.ods`), or a directory of CSV tables with
    /// `about.csv` (`tables-YEAR`; the path of `about.csv` names it too).
    ///
    /// # Errors
    /// [`DisclosureError::Shape`] naming the file when it cannot be read or is none of these.
    pub fn from_path(path: &Path) -> Result<Document, DisclosureError> {
        let name = path.display().to_string();
        if path.is_dir() {
            return Document::from_csv_dir(path);
        }
        if path.file_name().is_some_and(|f| f == ABOUT_CSV) {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            return Document::from_csv_dir(dir.unwrap_or(Path::new(".")));
        }
        #[cfg(not(feature = "excel"))]
        if is_workbook(path) {
            return Err(shape(format!(
                "{name}: this build of po reads no workbooks (the feature \"excel\")"
            )));
        }
        #[cfg(feature = "excel")]
        if is_workbook(path) {
            let bytes = crate::io::read::read_file(path)
                .map_err(|e| shape(format!("{name}: cannot read: {e}")))?;
            return Document::from_workbook(&bytes, &name);
        }
        if extension_is(path, &["csv"]) {
            return Err(shape(format!(
                "{name}: a table's CSV file is read with its directory (the tables-YEAR \
                 directory po writes, with about.csv): name the directory"
            )));
        }
        Document::from_json(&read_text(path)?, &name)
    }

    /// Reads a directory of a report's CSV tables: `about.csv` and a file per table, named as
    /// po names them (`active_clients.csv`, …). Another CSV file there is an error (nothing
    /// is passed over silently).
    ///
    /// # Errors
    /// [`DisclosureError::Shape`] naming the file, row and column of what cannot be read.
    pub fn from_csv_dir(dir: &Path) -> Result<Document, DisclosureError> {
        let mut files = Vec::new();
        for path in sorted_entries(dir)? {
            if path.is_file() && extension_is(&path, &["csv"]) {
                let name = path
                    .file_name()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                files.push((name.to_owned(), read_text(&path)?));
            }
        }
        Document::from_csv_tables(&dir.display().to_string(), &files)
    }

    /// Reads a report's CSV tables given as texts, each with its file's name (`about.csv`,
    /// `active_clients.csv`, …), `dir` naming their directory in errors (see
    /// [`Document::from_csv_dir`]).
    ///
    /// # Errors
    /// As [`Document::from_csv_dir`].
    pub fn from_csv_tables(
        dir: &str,
        files: &[(String, String)],
    ) -> Result<Document, DisclosureError> {
        let at = |file: &str| format!("{}", Path::new(dir).join(file).display());
        let about_text = files
            .iter()
            .find(|(f, _)| f == ABOUT_CSV)
            .map(|(_, text)| text)
            .ok_or_else(|| {
                shape(format!(
                    "{dir}: no {ABOUT_CSV} (po writes one beside the tables)"
                ))
            })?;
        let about_lines = csv_lines(about_text, &at(ABOUT_CSV))?;
        let about = About::from_rows(
            about_lines
                .iter()
                .map(|(_, l)| (cell(l, 0), crate::text::unmark_text(value(l, 1)))),
            &at(ABOUT_CSV),
        )?;
        let mut tables: Vec<Table> = Vec::new();
        for (name, text) in files.iter().filter(|(f, _)| f != ABOUT_CSV) {
            let file = at(name);
            let stem = name.strip_suffix(".csv").unwrap_or(name);
            let table = ReportTable::named(stem).ok_or_else(|| {
                shape(format!(
                    "{file}: not a table po publishes (expected one of {})",
                    ReportTable::ALL
                        .iter()
                        .map(|t| format!("{}.csv", t.name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            add_table(&mut tables, table, &csv_lines(text, &file)?, &file, true)?;
        }
        Ok(tables_document(dir, about, tables))
    }

    #[cfg(feature = "excel")]
    /// Reads a workbook po published (a report's or a compilation's): its table sheets, placed
    /// by its hidden sheet `po`. Sheets that are not tables (the first sheet's text, the
    /// survey) are not read.
    ///
    /// # Errors
    /// [`DisclosureError::Shape`] naming the workbook, sheet, row and column of what cannot be
    /// read, or a workbook without the sheet `po` (not written by po, or by an earlier po).
    pub fn from_workbook(bytes: &[u8], file: &str) -> Result<Document, DisclosureError> {
        let sheets = crate::io::read::read_workbook(bytes, file).map_err(|e| {
            shape(
                e.problems
                    .first()
                    .map_or_else(|| format!("{file}: not a workbook"), ToString::to_string),
            )
        })?;
        let about_sheet = sheets
            .iter()
            .find(|s| s.name == ABOUT_SHEET)
            .ok_or_else(|| {
                shape(format!(
                "{file}: no sheet \"{ABOUT_SHEET}\" saying what the workbook is about (po writes \
                 it, hidden, in every report and compilation it publishes)"
            ))
            })?;
        let about_at = format!("{file} [{ABOUT_SHEET}]");
        let about_lines = grid(about_sheet, &about_at)?;
        let about = About::from_rows(
            about_lines.iter().map(|(_, l)| (cell(l, 0), value(l, 1))),
            &about_at,
        )?;
        let mut tables: Vec<Table> = Vec::new();
        for sheet in &sheets {
            let named = ReportTable::ALL
                .iter()
                .find(|t| t.sheet_name(true) == sheet.name || t.sheet_name(false) == sheet.name);
            let Some(table) = named else { continue };
            let at = format!("{file} [{}]", sheet.name);
            add_table(&mut tables, *table, &grid(sheet, &at)?, &at, false)?;
        }
        Ok(tables_document(file, about, tables))
    }
}

/// Reads one table of a CSV file's or a sheet's `lines` (`at` names them in errors) into
/// `tables`; a table given twice is an error.
fn add_table(
    tables: &mut Vec<Table>,
    table: ReportTable,
    lines: &[Line],
    at: &str,
    csv: bool,
) -> Result<(), DisclosureError> {
    if tables.iter().any(|t| t.name == table.name()) {
        return Err(shape(format!("{at}: the table is given twice")));
    }
    tables.push(table_of_lines(table.name(), lines, at, csv)?);
    Ok(())
}

/// The document of the tables read from `file`, in the order of [`ReportTable::ALL`], as a
/// report and a compilation hold them.
fn tables_document(file: &str, about: About, mut tables: Vec<Table>) -> Document {
    tables.sort_by_key(|t| ReportTable::named(&t.name).map(|t| t as usize));
    Document {
        file: file.to_owned(),
        published: Published::Tables(Box::new(PublishedTables { about, tables })),
    }
}

/// A cell of a line, trimmed, empty beyond its end.
fn cell(line: &[String], j: usize) -> &str {
    line.get(j).map_or("", |s| s.trim())
}

/// A value as written (a service's name kept whole), empty beyond the line's end.
fn value(line: &[String], j: usize) -> &str {
    line.get(j).map_or("", String::as_str)
}

/// A line of a table's file: its row number as the user sees it (a CSV file's line, a
/// sheet's row), and its cells.
type Line = (usize, Vec<String>);

/// A CSV file's lines as po writes them (`;`, a byte-order mark, quoted where needed), each
/// with the line it starts on.
fn csv_lines(text: &str, file: &str) -> Result<Vec<Line>, DisclosureError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // A record's line from its byte offset (newlines counted once, in order): the csv
    // crate's own line count leaves out blank lines.
    let (mut at, mut newlines) = (0usize, 0usize);
    let mut line = |p: Option<&csv::Position>, i: usize| {
        let Some(byte) = p.and_then(|p| usize::try_from(p.byte()).ok()) else {
            return i + 1;
        };
        // The position may be at the line ends before the record (of the line before it, of
        // blank lines): the record's line is that of its first character.
        let bytes = text.as_bytes();
        let mut byte = byte.min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte > at {
            newlines += bytes[at..byte].iter().filter(|&&b| b == b'\n').count();
            at = byte;
        }
        newlines + 1
    };
    let mut lines = Vec::new();
    for (i, r) in reader.records().enumerate() {
        match r {
            Ok(r) => lines.push((line(r.position(), i), r.iter().map(str::to_owned).collect())),
            Err(e) => {
                let row = line(e.position(), i);
                return Err(shape(format!("{file}, row {row}: not CSV: {e}")));
            }
        }
    }
    Ok(lines)
}

/// The most lines and columns a published table's sheet is read for: po's tables have at most
/// a few hundred rows (the municipalities) and a dozen columns; a sheet declaring more is
/// refused before it is laid out (issue 33: memory in proportion to the input).
#[cfg(feature = "excel")]
const MAX_SHEET_LINES: usize = 10_000;
#[cfg(feature = "excel")]
const MAX_SHEET_COLUMNS: usize = 1_000;

#[cfg(feature = "excel")]
/// A sheet's lines: the first row read (which the frame holds as its names), then the rest,
/// each with its row as the spreadsheet shows it.
fn grid(sheet: &crate::io::read::Sheet, at: &str) -> Result<Vec<Line>, DisclosureError> {
    let frame = &sheet.frame;
    if frame.rows() >= MAX_SHEET_LINES || frame.names.len() > MAX_SHEET_COLUMNS {
        return Err(shape(format!(
            "{at}: {} rows and {} columns, more than any table po publishes",
            frame.rows() + 1,
            frame.names.len()
        )));
    }
    let first = usize::try_from(frame.header_row).unwrap_or(1);
    let mut lines = vec![(first, frame.names.clone())];
    for batch in &frame.batches {
        let rows = batch.first().map_or(0, |c| c.len());
        for r in 0..rows {
            lines.push((
                first + lines.len(),
                batch
                    .iter()
                    .map(|c| c.cell(r).unwrap_or("").to_owned())
                    .collect(),
            ));
        }
    }
    Ok(lines)
}

/// A table as po lays it out in a CSV file or a sheet: a header line of the columns ending in
/// the totals' column ("Totalt", "Total"), a line per row (its label, a count or `..` per
/// column, the row's total), then the totals line. Lines before the header (a sheet's title)
/// and after the totals (a source line) are not the table's. Labels in English (a workbook in
/// English) are read back as the tables hold them, in Swedish. Errors name each line's row as
/// the user sees it.
fn table_of_lines(
    name: &str,
    lines: &[Line],
    file: &str,
    csv: bool,
) -> Result<Table, DisclosureError> {
    let is_total = |s: &str| s == "Totalt" || s == "Total";
    let last = |l: &[String]| l.iter().rposition(|c| !c.trim().is_empty());
    // The header: a first cell empty, at least one column, the totals' column last.
    let header = lines
        .iter()
        .position(|(_, l)| {
            cell(l, 0).is_empty() && last(l).is_some_and(|j| j > 1 && is_total(cell(l, j)))
        })
        .ok_or_else(|| {
            shape(format!(
                "{file}: no header of the table's columns (a first cell empty, the last \
                 \"Totalt\")"
            ))
        })?;
    let head = &lines[header].1;
    let width = last(head).unwrap_or(0);
    // The totals line is named in the header's language ("Totalt" or "Total"), so that an
    // area named "Total" in a Swedish table is one of its rows.
    let total_word = cell(head, width);
    let english = total_word == "Total";
    // Labels as written (a CSV's formula mark taken off), read back to Swedish axis by axis.
    let axis = |labels: Vec<&str>| -> Vec<String> {
        let labels: Vec<&str> = labels
            .into_iter()
            .map(|s| if csv { crate::text::unmark_text(s) } else { s })
            .collect();
        if english {
            crate::io::text::unlabel(&labels)
        } else {
            labels.into_iter().map(str::to_owned).collect()
        }
    };
    let columns = axis((1..width).map(|j| cell(head, j)).collect());
    let count = |row: usize, l: &[String], j: usize| -> Result<Cell, DisclosureError> {
        let c = cell(l, j);
        if c == ".." {
            return Ok(Cell::Suppressed);
        }
        c.parse().map(Cell::Count).map_err(|_| {
            let column = if j == width {
                cell(head, width).to_owned()
            } else {
                cell(head, j).to_owned()
            };
            shape(format!(
                "{file}, row {row}, column \"{column}\": \"{c}\" is neither a count nor \"..\" \
                 (hidden)"
            ))
        })
    };
    let mut table = Table {
        name: name.to_owned(),
        title_sv: ReportTable::named(name)
            .map_or(name, |t| t.title_sv())
            .to_owned(),
        title_en: ReportTable::named(name)
            .map_or(name, |t| t.title_en())
            .to_owned(),
        rows: Vec::new(),
        columns,
        cells: Vec::new(),
        row_totals: Vec::new(),
        column_totals: Vec::new(),
        total: Cell::Suppressed,
    };
    let mut rows = Vec::new();
    for (row, l) in lines.iter().skip(header + 1) {
        let counts = (1..width)
            .map(|j| count(*row, l, j))
            .collect::<Result<Vec<_>, _>>()?;
        let total = count(*row, l, width)?;
        if cell(l, 0) == total_word {
            table.rows = axis(rows);
            table.column_totals = counts;
            table.total = total;
            table.check_shape()?;
            return Ok(table);
        }
        rows.push(cell(l, 0));
        table.cells.push(counts);
        table.row_totals.push(total);
    }
    Err(shape(format!(
        "{file}: no totals line (\"Totalt\") after the table's rows"
    )))
}

#[cfg(test)]
mod tests {
    /// A CSV record's row is the line of its first character, blank lines counted.
    #[test]
    fn rows_are_the_files_lines() {
        let text = "\u{feff};a;b;Totalt\r\n\r\nKvinna;1;2;3\r\nMan;x;2;3\r\nTotalt;1;2;3\r\n";
        let lines = super::csv_lines(text, "t.csv").unwrap();
        let rows: Vec<usize> = lines.iter().map(|l| l.0).collect();
        assert_eq!(rows, [1, 3, 4, 5]);
    }
}
