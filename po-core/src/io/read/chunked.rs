//! A large CSV file read on several threads, as polars and DuckDB read theirs (issue 15): the
//! file's lines are cut into one run per core and each run is validated by its own builder,
//! with its own state (a file's id set, its area names); the runs are then merged in order —
//! what one run cannot see (an id repeated in a later run) is found there — so that the rows
//! and problems are exactly those of one pass (a test holds them equal).
//!
//! Cut are a file read line by line (no quotes: what case systems and po write) and a frame
//! (from Python, its rows across the batches); any other file and a small one are read in one
//! pass.

use super::ids::{repeats, IdSet};
use super::limits::MAX_ROWS;
use super::sheet::{
    check_batches, check_headers, csv_header, each_line, each_row, expected_rows, plain_parts,
    read_header, skipped, Cells, Columns, Header, Row, RowAt,
};
use super::table::{Frame, Input};
use super::{decode, ImportError, Imported, Mode, Problem};

/// Files of at least this many bytes are cut into runs (below it a thread costs more than it
/// saves).
const CUT_FROM: usize = 4 << 20;

/// The threads a large file is read on: the machine's cores, at most 8.
pub(super) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Frames of at least this many rows are cut into runs.
const CUT_ROWS: usize = 25_000;

/// What every run of a file reads with: room for the file's rows, its name and columns, the
/// runs' starting state and the row builder.
type Reading<'r, F, B> = (usize, &'r str, &'r Columns, &'r F, &'r B);

/// The rows of `parts` read in one run per part, each on a thread of its own, in order: `feed`
/// gives a part's rows to read (with their lines), each run starts from `state(room)` (room for
/// about that many rows) and reads its rows with `build`.
fn in_runs<P: Sync, T: Send, S: Send>(
    parts: &[P],
    header: &Header,
    (capacity, file, columns, state, build): Reading<
        '_,
        impl Fn(usize) -> S + Sync,
        impl Fn(&mut S, &mut Row<'_>) -> Option<T> + Sync,
    >,
    feed: impl Fn(&P, &mut dyn FnMut(u64, Cells<'_>)) + Sync,
) -> Vec<Run<T, S>> {
    let feed = &feed;
    let room = capacity.div_ceil(parts.len().max(1));
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                s.spawn(move || {
                    // The first run holds every row in the end: room for all (its state, its
                    // own rows' ids and names, needs only its part's).
                    let rows = if i == 0 { capacity } else { room };
                    let mut run = Run::new(state(room), rows);
                    feed(part, &mut |line, cells| {
                        // Rows of only separators are skipped, as in one pass.
                        if skipped(columns, cells) {
                            return;
                        }
                        let at = RowAt {
                            file,
                            columns,
                            header,
                            line,
                        };
                        let read = |r: &mut Row<'_>| build(&mut run.state, r);
                        if let Some(row) = at.read(cells, read, &mut run.problems) {
                            run.rows.push(row);
                            run.lines.push(line);
                        }
                    });
                    run
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Rows of one batch of a frame: the line of the first, the batch, the rows in it.
type Stretch = (u64, usize, std::ops::Range<usize>);

/// A frame's rows cut into `parts` parts of about equal length, each as the stretches of its
/// batches (no list of every row: 10⁶ rows made a vector of 24 MB on one core).
fn frame_parts(frame: &Frame<'_>, parts: usize) -> Vec<Vec<Stretch>> {
    let size = frame.rows().div_ceil(parts.max(1)).max(1);
    let mut out = Vec::with_capacity(parts);
    let mut part = Vec::new();
    let (mut room, mut line) = (size, frame.header_row + 1);
    for (b, batch) in frame.batches.iter().enumerate() {
        let len = batch.first().map_or(0, |c| c.len());
        let mut from = 0;
        while from < len {
            let take = room.min(len - from);
            part.push((line, b, from..from + take));
            line += take as u64;
            from += take;
            room -= take;
            if room == 0 {
                out.push(std::mem::take(&mut part));
                room = size;
            }
        }
    }
    if !part.is_empty() {
        out.push(part);
    }
    out
}

/// The header's problems and the runs.
type Runs<T, S> = (Vec<Problem>, Vec<Run<T, S>>);

/// One run of rows: the rows kept and their lines, the run's problems, its builder's state.
pub(super) struct Run<T, S> {
    pub(super) rows: Vec<T>,
    pub(super) lines: Vec<u64>,
    pub(super) problems: Vec<Problem>,
    pub(super) state: S,
}

impl<T, S> Run<T, S> {
    fn new(state: S, capacity: usize) -> Self {
        Run {
            rows: Vec::with_capacity(capacity),
            lines: Vec::with_capacity(capacity),
            problems: Vec::new(),
            state,
        }
    }

    /// Leaves out the rows at the lines of `found` (in line order) and lists each one's
    /// problem ahead of the row's other problems, as one pass would have.
    pub(super) fn leave_out(&mut self, found: &[(u64, Problem)]) {
        if found.is_empty() {
            return;
        }
        let mut drop = found.iter().map(|(l, _)| *l).peekable();
        let mut keep = Vec::with_capacity(self.lines.len());
        for &line in &self.lines {
            while drop.peek().is_some_and(|&d| d < line) {
                drop.next();
            }
            keep.push(drop.peek() != Some(&line));
        }
        let mut k = keep.iter();
        self.rows.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        self.lines.retain(|_| k.next().copied().unwrap_or(true));
        let mut problems: Vec<Problem> = found.iter().map(|(_, p)| p.clone()).collect();
        problems.append(&mut self.problems);
        problems.sort_by_key(|p| p.row); // Stable: a row's new problem stays first.
        self.problems = problems;
    }
}

/// Leaves out of `runs` (a file's, in order) every row whose id an earlier row has — the ids
/// [`super::sheet::Row::unique_id`] recorded in each run's `ids` — listing "the same id as row
/// N" (the first row with it) ahead of the row's other problems, as one pass would have.
pub(super) fn leave_out_repeated_ids<T, S>(
    runs: &mut [Run<T, S>],
    file: &str,
    ids: impl Fn(&S) -> &IdSet,
) {
    let sets: Vec<&IdSet> = runs.iter().map(|r| ids(&r.state)).collect();
    let columns: Vec<String> = sets.iter().map(|s| s.column.clone()).collect();
    let found = repeats(&sets);
    for ((run, rows), column) in runs.iter_mut().zip(found).zip(columns) {
        let found: Vec<(u64, Problem)> = rows
            .into_iter()
            .map(|(row, first)| {
                let problem = Problem {
                    file: file.to_owned(),
                    row,
                    column: column.clone(),
                    reason: format!("the same id as row {first}"),
                };
                (row, problem)
            })
            .collect();
        run.leave_out(&found);
    }
}

/// Reads a file as [`super::sheet::read_rows`] does, a large one line by line on `threads`
/// threads: each run starts from `state(room)` and reads its rows with `build`; `merge` then sees
/// the runs in order (and finds, say, an id of a later run seen in an earlier one). Strict mode
/// fails on any problem, the merge's included.
#[allow(clippy::too_many_arguments)] // The reader's arguments and the run's three steps.
pub(super) fn read_rows_on<T: Send, S: Send>(
    input: Input<'_>,
    file: &str,
    columns: &Columns,
    mode: Mode,
    threads: usize,
    state: impl Fn(usize) -> S + Sync,
    build: impl Fn(&mut S, &mut Row<'_>) -> Option<T> + Sync,
    merge: impl FnOnce(&mut [Run<T, S>]),
) -> Result<Imported<T>, ImportError> {
    let capacity = match input {
        Input::Csv(bytes) => expected_rows(bytes),
        Input::Frame(frame) => frame.rows(),
    };
    let one_pass = |input: Input<'_>| -> Result<Runs<T, S>, ImportError> {
        let mut run = Run::new(state(capacity), capacity);
        let header_problems = each_row(input, file, columns, |at, cells| {
            if let Some(row) = at.read(cells, |r| build(&mut run.state, r), &mut run.problems) {
                run.rows.push(row);
                run.lines.push(at.line);
            }
        })?;
        Ok((header_problems, vec![run]))
    };
    let reading = (capacity, file, columns, &state, &build);
    let (header_problems, mut runs) = match input {
        Input::Csv(bytes) if threads > 1 && bytes.len() >= CUT_FROM => {
            let text = decode(bytes);
            let (body, delimiter) = crate::text::csv_layout(&text);
            let mut reader = crate::text::csv_reader_with(body, delimiter);
            let header = read_header(&csv_header(&mut reader, file)?, file, columns, 1)?;
            let parts = plain_parts(body, &reader, threads);
            // Bound, not returned: the match's temporaries borrow `text` and must end first.
            #[allow(clippy::let_and_return)]
            let read = match parts {
                None => one_pass(input)?,
                Some((parts, last)) => {
                    let header_problems = check_headers(&header, file, columns, 1)?;
                    let beyond = super::limits::row_problem(last).filter(|_| !parts.is_empty());
                    if let Some(reason) = beyond {
                        return Err(super::sheet::one_problem(file, MAX_ROWS + 1, reason));
                    }
                    let feed = |&part: &(u64, &str), each: &mut dyn FnMut(u64, Cells<'_>)| {
                        each_line(part, delimiter, each);
                    };
                    (header_problems, in_runs(&parts, &header, reading, feed))
                }
            };
            read
        }
        Input::Frame(frame) if threads > 1 && frame.rows() >= CUT_ROWS => {
            let header = read_header(&frame.names, file, columns, frame.header_row)?;
            let header_problems = check_headers(&header, file, columns, frame.header_row)?;
            check_batches(frame, file)?;
            // A frame beyond what a sheet holds is refused as one pass refuses it.
            let last = frame.header_row + frame.rows() as u64;
            if let Some(reason) = super::limits::row_problem(last) {
                return Err(super::sheet::one_problem(file, MAX_ROWS + 1, reason));
            }
            // A run's rows of one batch are checked clean at once, as one pass checks a batch.
            let feed = |part: &Vec<Stretch>, each: &mut dyn FnMut(u64, Cells<'_>)| {
                for (first_line, b, rows) in part {
                    let columns = &frame.batches[*b];
                    let clean = columns.iter().all(|c| c.clean(rows.clone()));
                    for (row, line) in rows.clone().zip(*first_line..) {
                        each(
                            line,
                            Cells::Frame {
                                columns,
                                row,
                                clean,
                            },
                        );
                    }
                }
            };
            let parts = frame_parts(frame, threads);
            (header_problems, in_runs(&parts, &header, reading, feed))
        }
        _ => one_pass(input)?,
    };
    merge(&mut runs);
    let mut problems = header_problems;
    let mut runs = runs.into_iter();
    let mut rows = match runs.next() {
        Some(first) => {
            problems.extend(first.problems);
            first.rows
        }
        None => Vec::new(),
    };
    for run in runs {
        problems.extend(run.problems);
        rows.extend(run.rows);
    }
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok(Imported { rows, problems })
}

#[cfg(test)]
mod tests {
    use super::super::clients::read_clients_on;
    use super::*;
    use crate::codes::LocalVocabulary;

    /// 50 000 clients (4.5 MB, cut into runs), with ids repeated within a run and across runs
    /// (from the first run and from a middle one), a repeat of a row that was itself left out,
    /// and a row with two problems.
    fn export(leftovers: bool) -> String {
        let mut out = String::from(
            "Id;gender;birth_date;birth_year;age_band;municipality;area;applied_on;started_on;ended_on;children_at_home;priority_groups;contact_reasons;assignments\n",
        );
        for i in 0..50_000u32 {
            let id = match i {
                20_001 => "client-20000".to_owned(),
                25_000 => "client-12".to_owned(),
                30_000 => "client-5".to_owned(),
                35_000 => "client-10".to_owned(),
                // First seen in a middle run (of 3 or 8), repeated in the last.
                45_000 => "client-26000".to_owned(),
                _ => format!("client-{i}"),
            };
            let gender = if i == 35_000 {
                "x"
            } else if i % 2 == 0 {
                "woman"
            } else {
                "man"
            };
            let started = if i == 12 { "2023-13-01" } else { "2023-02-01" };
            // A spreadsheet's leftover row of separators, and a blank line: skipped in runs
            // as in one pass (runs read the separators as a row until 2026-12-07). A frame
            // has no such rows: it is made without them.
            if leftovers && i == 40_000 {
                out.push_str(";;;;;;;;;;;;;\n\n");
            }
            out.push_str(&format!(
                "{id};{gender};1980-01-01;;;1780;Området {};2023-01-15;{started};;ja;;economy|housing;economy|housing\n",
                i % 7
            ));
        }
        out
    }

    /// A column of `0` rows, every cell empty.
    struct Empty(usize);

    impl crate::io::read::TextCells for Empty {
        fn len(&self) -> usize {
            self.0
        }
        fn cell(&self, _: usize) -> Option<&str> {
            None
        }
    }

    #[test]
    fn a_frame_of_more_rows_than_a_sheet_holds_is_refused_in_runs_as_in_one_pass() {
        let rows = MAX_ROWS as usize; // The header is row 1.
        let frame = |rows: usize| crate::io::read::Frame {
            names: vec!["id".into(), "gender".into(), "started_on".into()],
            header_row: 1,
            batches: vec![(0..3)
                .map(|_| Box::new(Empty(rows)) as Box<dyn crate::io::read::TextCells>)
                .collect()],
        };
        for threads in [1, 2] {
            let read = |frame| {
                let vocabulary = LocalVocabulary::default();
                let mode = Mode::Lenient;
                read_clients_on(Input::Frame(frame), "f", &vocabulary, None, mode, threads)
            };
            let (over, under) = (frame(rows), frame(rows - 1));
            let refused = read(&over).unwrap_err();
            assert_eq!(refused.problems.len(), 1, "{threads} threads");
            assert_eq!(refused.problems[0].row, MAX_ROWS + 1);
            // One row fewer is read: every row a problem, none a refusal.
            assert!(read(&under).is_ok(), "{threads} threads");
        }
    }

    #[test]
    fn a_file_read_in_runs_gives_the_rows_and_problems_of_one_pass() {
        let text = export(true);
        assert!(text.len() >= CUT_FROM, "{}", text.len());
        let read_text = |text: &str, threads| {
            read_clients_on(
                Input::Csv(text.as_bytes()),
                "clients.csv",
                &LocalVocabulary::default(),
                None,
                Mode::Lenient,
                threads,
            )
            .unwrap()
        };
        let read = |threads| read_text(&text, threads);
        let one = read(1);
        let problems: Vec<String> = one.problems.iter().map(ToString::to_string).collect();
        // Lines: the header is line 1, client i is line i + 2.
        // The id column as the header wrote it ("Id"), in runs as in one pass; rows after the
        // two skipped lines are two further down.
        let expected = [
            "clients.csv, row 14, column \"started_on\"",
            "clients.csv, row 20003, column \"Id\": the same id as row 20002",
            "clients.csv, row 25002, column \"Id\": the same id as row 14",
            "clients.csv, row 30002, column \"Id\": the same id as row 7",
            "clients.csv, row 35002, column \"Id\": the same id as row 12",
            "clients.csv, row 35002, column \"gender\"",
            "clients.csv, row 45004, column \"Id\": the same id as row 26002",
        ];
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
        for (p, e) in problems.iter().zip(expected) {
            assert!(p.starts_with(e), "{p} (expected {e})");
        }
        assert_eq!(one.rows.len(), 50_000 - 6);
        for threads in [2, 3, 8] {
            let many = read(threads);
            assert_eq!(many.problems, one.problems, "{threads} threads");
            assert!(many.rows == one.rows, "{threads} threads: other rows");
        }
        // The same table as a frame in three batches, as from Python: the same rows and
        // problems, in one pass and in runs.
        let text = export(false);
        let one = read_text(&text, 1);
        let mut lines = text.lines();
        let names: Vec<String> = lines
            .next()
            .unwrap()
            .split(';')
            .map(str::to_owned)
            .collect();
        let cells: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
        let batch = |rows: &[Vec<&str>]| -> Vec<Box<dyn crate::io::read::TextCells>> {
            (0..names.len())
                .map(|j| {
                    let column: Vec<Option<String>> = rows
                        .iter()
                        .map(|r| Some(r[j].to_owned()).filter(|c| !c.is_empty()))
                        .collect();
                    Box::new(column) as Box<dyn crate::io::read::TextCells>
                })
                .collect()
        };
        let frame = crate::io::read::Frame {
            names: names.clone(),
            header_row: 1,
            batches: vec![
                batch(&cells[..7_000]),
                batch(&cells[7_000..31_000]),
                batch(&cells[31_000..]),
            ],
        };
        for threads in [1, 2, 3] {
            let read = read_clients_on(
                Input::Frame(&frame),
                "clients.csv",
                &LocalVocabulary::default(),
                None,
                Mode::Lenient,
                threads,
            )
            .unwrap();
            assert_eq!(read.problems, one.problems, "a frame on {threads} threads");
            assert!(
                read.rows == one.rows,
                "a frame on {threads} threads: other rows"
            );
        }
    }
}
