//! Spreadsheets in (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`, with calamine): what Swedish
//! municipal staff exchange (issue 18). Each sheet is a [`Frame`] of text cells read by the one
//! validation of the CSV files, its problems located by workbook, sheet, row (as the spreadsheet
//! shows it) and column. A cell holds what its CSV export would: numbers as written (whole
//! numbers without a decimal part), dates `YYYY-MM-DD`, booleans `true`/`false`, an error cell as
//! its code (`#N/A`), which the validation then refuses with its place.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::{Frame, ImportError, Mode, Problem, RegisterCsv, TextCells};
use crate::chain::SubmissionError;
use crate::codes::LocalVocabulary;
use crate::report::Register;

/// One sheet of a workbook, as a frame.
#[derive(Debug)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Its cells, the first non-empty row as the header.
    pub frame: Frame<'static>,
}

fn problem(file: &str, reason: String) -> ImportError {
    ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row: 0,
            column: String::new(),
            reason,
        }],
    }
}

/// A cell as the text its CSV export would hold (see the module's doc).
fn text_of(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty => None,
        Data::String(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some((*f as i64).to_string()),
        Data::Float(f) => Some(f.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Some(format!("{y:04}-{m:02}-{day:02}"))
        }
        Data::DateTime(d) => Some(d.as_f64().to_string()),
        Data::DateTimeIso(s) => Some(s.get(..10).filter(|_| s.len() > 10).unwrap_or(s).to_owned()),
        Data::DurationIso(s) => Some(s.clone()),
        Data::Error(e) => Some(e.to_string()),
    }
}

/// Every sheet of a workbook as a frame. `file` names the workbook in problems.
pub fn read_workbook(bytes: &[u8], file: &str) -> Result<Vec<Sheet>, ImportError> {
    inflation_guard(bytes, file)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        problem(
            file,
            format!("not a workbook po can read (.xlsx, .xlsm, .xlsb, .xls, .ods): {e}"),
        )
    })?;
    let mut sheets = Vec::new();
    if let calamine::Sheets::Xlsx(xlsx) = &mut book {
        for name in xlsx.sheet_names() {
            sheets.push(stream_sheet(xlsx, &name, file)?);
        }
        return Ok(sheets);
    }
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| problem(file, format!("sheet {name:?} cannot be read: {e}")))?;
        let (first_row, _) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows();
        let names: Vec<String> = rows
            .next()
            .map(|r| r.iter().map(|c| text_of(c).unwrap_or_default()).collect())
            .unwrap_or_default();
        let body: Vec<&[Data]> = rows.collect();
        let columns: Vec<Box<dyn TextCells>> = (0..names.len())
            .map(|j| {
                let cells: Vec<Option<String>> =
                    body.iter().map(|r| r.get(j).and_then(text_of)).collect();
                Box::new(cells) as Box<dyn TextCells>
            })
            .collect();
        sheets.push(Sheet {
            name,
            frame: Frame {
                names,
                header_row: u64::from(first_row) + 1,
                batches: vec![columns],
            },
        });
    }
    Ok(sheets)
}

/// A workbook (.xlsx, .ods: a zip archive) whose parts declare more than this many times the
/// file's size, plus a megabyte, is refused before anything is inflated (issue 33: a zip bomb).
/// Exports inflate about 5–20 times (XML compresses well); 100 leaves room for sheets of empty
/// styled cells and none for a bomb, which inflates a thousandfold.
pub const MAX_INFLATION: u64 = 100;

/// The parts calamine reads whole rather than as a stream (an .xlsx's shared strings, an
/// .ods's content): inflated once here with a counter, so that one inflating beyond what it
/// declares is refused before it is held in memory.
const READ_WHOLE: [&str; 2] = ["sharedStrings.xml", "content.xml"];

/// Refuses a zip bomb before calamine opens the workbook (see [`MAX_INFLATION`]). What is not
/// a zip archive (an .xls) or not a readable one is left to calamine, which names the problem.
fn inflation_guard(bytes: &[u8], file: &str) -> Result<(), ImportError> {
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let size = bytes.len() as u64;
    let limit = MAX_INFLATION.saturating_mul(size).saturating_add(1 << 20);
    let mut declared = 0u64;
    for i in 0..archive.len() {
        if let Ok(part) = archive.by_index_raw(i) {
            declared = declared.saturating_add(part.size());
        }
    }
    if declared > limit {
        return Err(problem(
            file,
            format!(
                "its parts inflate to {declared} bytes, more than {MAX_INFLATION} times the \
                 file's {size} bytes: refused before inflating anything (a zip bomb?)"
            ),
        ));
    }
    for i in 0..archive.len() {
        let Ok(mut part) = archive.by_index(i) else {
            continue;
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        if !READ_WHOLE.iter().any(|whole| name.ends_with(whole)) {
            continue;
        }
        let declared = part.size();
        // At most one byte beyond what the part declares is ever inflated. The zip reader
        // stops at the declared size and checks the part's checksum there, so a part that
        // holds more than it declares fails that check; either way it is refused.
        let inflated = std::io::copy(
            &mut (&mut part).take(declared.saturating_add(1)),
            &mut std::io::sink(),
        );
        if !matches!(inflated, Ok(n) if n <= declared) {
            return Err(problem(
                file,
                format!(
                    "its part {name} does not inflate to the {declared} bytes it declares \
                     (damaged, or more than it says): refused"
                ),
            ));
        }
    }
    Ok(())
}

/// A column of a streamed sheet: only the cells present, by row (sorted), so a sheet costs
/// memory for what it holds, never for the rows and columns it declares.
struct Sparse {
    rows: usize,
    cells: Vec<(u32, String)>,
}

impl TextCells for Sparse {
    fn len(&self) -> usize {
        self.rows
    }
    fn cell(&self, row: usize) -> Option<&str> {
        let row = u32::try_from(row).ok()?;
        let i = self.cells.binary_search_by_key(&row, |c| c.0).ok()?;
        Some(self.cells[i].1.as_str())
    }
}

/// One sheet of an .xlsx workbook read as a stream of cells (issue 33: a sheet declaring ten
/// million rows took 10.9 GB read as a whole range): a cell beyond the format's limits stops
/// the reading with a problem naming the sheet and the row, before the rest is read.
fn stream_sheet<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    name: &str,
    file: &str,
) -> Result<Sheet, ImportError> {
    use super::limits::{MAX_COLUMNS, MAX_ROWS};
    let at = format!("{file} [{name}]");
    let mut reader = xlsx
        .worksheet_cells_reader(name)
        .map_err(|e| problem(&at, format!("the sheet cannot be read: {e}")))?;
    // Each cell present: (row, column, text), in the order the sheet stores them.
    let mut present: Vec<(u32, u32, String)> = Vec::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => return Err(problem(&at, format!("the sheet cannot be read: {e}"))),
        };
        let (row, column) = cell.get_position();
        if u64::from(row) >= MAX_ROWS || column as usize >= MAX_COLUMNS {
            return Err(ImportError {
                problems: vec![Problem {
                    file: at,
                    row: u64::from(row) + 1,
                    column: String::new(),
                    reason: "a cell beyond the last row (1 048 576) or column (16 384) a sheet \
                             holds (Excel's limits)"
                        .into(),
                }],
            });
        }
        if let Some(text) = text_of(&Data::from(cell.get_value().clone())) {
            present.push((row, column, text));
        }
    }
    present.sort_by_key(|&(r, c, _)| (c, r));
    let first_row = present.iter().map(|c| c.0).min().unwrap_or(0);
    let last_row = present.iter().map(|c| c.0).max().unwrap_or(0);
    // Columns as the used range has them: from the first to the last column anything is in.
    let first_column = present.iter().map(|c| c.1).min().unwrap_or(0);
    let width = present
        .iter()
        .map(|c| (c.1 - first_column) as usize + 1)
        .max()
        .unwrap_or(0);
    let mut names = vec![String::new(); width];
    let mut columns: Vec<Sparse> = (0..width)
        .map(|_| Sparse {
            rows: (last_row - first_row) as usize,
            cells: Vec::new(),
        })
        .collect();
    for (row, column, text) in present {
        let j = (column - first_column) as usize;
        if row == first_row {
            if let Some(n) = names.get_mut(j) {
                *n = text;
            }
        } else if let Some(c) = columns.get_mut(j) {
            c.cells.push((row - first_row - 1, text));
        }
    }
    Ok(Sheet {
        name: name.to_owned(),
        frame: Frame {
            names,
            header_row: u64::from(first_row) + 1,
            batches: vec![columns
                .into_iter()
                .map(|c| Box::new(c) as Box<dyn TextCells>)
                .collect()],
        },
    })
}

/// The register of a workbook with a sheet per export, named as the CSV files (English or
/// Swedish: `clients`/`klienter`, `intake`/`nybesök`, `deviations`/`avvikelser` or
/// `deviation_events`/`avvikelsehändelser`, `staff`/`personal`, as
/// [`super::REGISTER_EXPORTS`] lists them; any may be missing). Problems name `file [sheet]`; a sheet of another
/// name is a problem too (not read: an error when strict), so nothing is skipped silently.
pub fn read_register_workbook(
    bytes: &[u8],
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<(Register, Vec<Problem>), ImportError> {
    // Every export but the survey, which needs how many were sent.
    let roles: Vec<(&str, &[&str])> = super::REGISTER_EXPORTS
        .iter()
        .copied()
        .filter(|(role, _)| *role != "survey")
        .collect();
    let role = |name: &str| roles.iter().position(|(r, _)| *r == name);
    let sheets = read_workbook(bytes, file)?;
    let mut found: Vec<Option<&Sheet>> = vec![None; roles.len()];
    let mut problems = Vec::new();
    for sheet in &sheets {
        let folded = crate::text::fold(&sheet.name);
        match roles
            .iter()
            .position(|(_, names)| names.contains(&folded.as_str()))
        {
            Some(i) if found[i].is_none() => found[i] = Some(sheet),
            Some(i) => problems.push(Problem {
                file: format!("{file} [{}]", sheet.name),
                row: 0,
                column: String::new(),
                reason: format!("a second {} sheet; keep one", roles[i].0),
            }),
            None if sheet.frame.names.is_empty() => {}
            None => problems.push(Problem {
                file: format!("{file} [{}]", sheet.name),
                row: 0,
                column: String::new(),
                reason: format!(
                    "unknown sheet, not read; expected one of {}",
                    roles
                        .iter()
                        .map(|(_, names)| names.join("/"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
        }
    }
    let sheet = |name: &str| role(name).and_then(|i| found[i]);
    // In the order read_register_named names them.
    let names: Vec<String> = [
        "clients",
        "intake",
        "deviations",
        "staff",
        "deviation_events",
    ]
    .map(|r| sheet(r).map_or_else(String::new, |s| format!("{file} [{}]", s.name)))
    .into();
    let input = |name: &str| sheet(name).map(|s| (&s.frame).into());
    let files = RegisterCsv {
        clients: input("clients"),
        intake: input("intake"),
        deviations: input("deviations"),
        deviation_events: input("deviation_events"),
        staff: input("staff"),
        survey: None,
        survey_sent: 0,
    };
    let (register, mut read_problems) = super::read_register_named(files, &names, vocabulary, mode)
        .map_err(|mut e| {
            e.problems.splice(0..0, problems.clone());
            e
        })?;
    read_problems.splice(0..0, problems);
    if mode == Mode::Strict && !read_problems.is_empty() {
        return Err(ImportError {
            problems: read_problems,
        });
    }
    Ok((register, read_problems))
}

/// A submission's flat form in a workbook (.xlsx, .ods): its first sheet holds the
/// `section`, `row`, `column`, `value` columns of [`crate::io::read::read_flat_submission`], and
/// is read as that form (errors name the sheet's rows as lines).
pub fn read_flat_submission_workbook(
    bytes: &[u8],
    file: &str,
) -> Result<crate::chain::Submission, SubmissionError> {
    let sheets = read_workbook(bytes, file).map_err(|e| {
        SubmissionError::new(
            e.problems
                .first()
                .map_or_else(String::new, ToString::to_string),
        )
    })?;
    let sheet = sheets
        .first()
        .ok_or_else(|| SubmissionError::new("the workbook has no sheet").in_file(file))?;
    let csv_failed = |e: &dyn std::fmt::Display| SubmissionError::new(e.to_string()).in_file(file);
    let frame = &sheet.frame;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let header: Vec<&str> = frame.names.iter().map(String::as_str).collect();
    w.write_record(&header).map_err(|e| csv_failed(&e))?;
    for batch in &frame.batches {
        let rows = batch.first().map_or(0, |c| c.len());
        for r in 0..rows {
            let record: Vec<&str> = batch.iter().map(|c| c.cell(r).unwrap_or("")).collect();
            w.write_record(&record).map_err(|e| csv_failed(&e))?;
        }
    }
    let text = String::from_utf8(w.into_inner().map_err(|e| csv_failed(&e))?)
        .map_err(|e| csv_failed(&e))?;
    super::read_flat_submission(&text).map_err(|e| e.in_file(format!("{file} [{}]", sheet.name)))
}
