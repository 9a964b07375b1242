//! The limits of a sheet, from the formats themselves (issue 33): what Excel can hold is what a
//! real export can be, so a file beyond it is refused before the work, not read for minutes.
//! Sources: Microsoft, "Excel specifications and limits" (1 048 576 rows and 16 384 columns a
//! worksheet, 32 767 characters a cell). The same limits hold for CSV files and frames' cells.
//!
//! JSON documents: nesting deeper than 128 levels is refused by serde_json's own limit (before
//! the stack is at risk), and a register's list holds at most the rows a sheet holds below its
//! header; workbooks: see `xlsx::MAX_INFLATION` for zip bombs.
//!
//! Decisions where the sources are silent: control characters (NUL and the C0 set) in a cell
//! are a problem at that cell, except tab and the line breaks a spreadsheet writes inside a
//! quoted cell (Alt+Enter); a cell is measured in characters, as Excel counts them.

/// Rows a sheet holds, the header included.
pub const MAX_ROWS: u64 = 1_048_576;
/// Columns a sheet holds.
pub const MAX_COLUMNS: usize = 16_384;
/// Characters a cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Why a cell cannot be read, if it cannot: too long, or holding a control character.
pub(crate) fn cell_problem(cell: &str) -> Option<String> {
    if cell.len() > MAX_CELL_CHARS && cell.chars().count() > MAX_CELL_CHARS {
        return Some(format!(
            "the cell holds {} characters; a cell holds at most 32 767 (Excel's limit)",
            cell.chars().count()
        ));
    }
    let control = cell
        .bytes()
        .find(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))?;
    Some(format!(
        "the cell holds the control character U+{control:04X}; remove it (only tab and line \
         breaks are text)"
    ))
}

/// Whether `bytes` hold no control character a cell may not hold (tab and line breaks may):
/// one branch-free pass, which the compiler runs a vector at a time. A binding checks a
/// column's text with it at once (see [`super::TextCells::clean`]).
#[inline]
pub fn free_of_controls(bytes: &[u8]) -> bool {
    let controls = bytes.iter().fold(0u8, |found, &b| {
        found | u8::from(b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r')
    });
    controls == 0
}

/// Whether `text` (a whole line) is short enough and free of control characters for none of
/// its cells to have a [`cell_problem`]: one pass over the line instead of a call per cell
/// (5 % of a 10⁶-row import).
pub(crate) fn line_is_clean(text: &str) -> bool {
    text.len() <= MAX_CELL_CHARS && free_of_controls(text.as_bytes())
}

/// The problem of a header of `columns` columns, if it has more than a sheet holds.
pub(crate) fn columns_problem(columns: usize) -> Option<String> {
    (columns > MAX_COLUMNS).then(|| {
        format!("the header has {columns} columns; a sheet holds at most 16 384 (Excel's limit)")
    })
}

/// The problem of a row at `line` (header = 1), if it lies beyond what a sheet holds.
pub(crate) fn row_problem(line: u64) -> Option<String> {
    (line > MAX_ROWS).then(|| {
        "the file has more than 1 048 576 rows, more than a sheet holds (Excel's limit); split \
         it"
        .to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_rows_and_columns_within_the_limits_pass() {
        assert_eq!(cell_problem("Centrala\tNorra\r\nrad två"), None);
        assert_eq!(cell_problem(&"å".repeat(MAX_CELL_CHARS)), None);
        assert_eq!(columns_problem(MAX_COLUMNS), None);
        assert_eq!(row_problem(MAX_ROWS), None);
        assert!(line_is_clean("a;Centrala\tNorra;rad\r\ntvå;å"));
    }

    #[test]
    fn beyond_the_limits_is_a_problem_saying_which() {
        assert!(cell_problem(&"a".repeat(MAX_CELL_CHARS + 1))
            .unwrap()
            .contains("32768 characters"));
        assert!(cell_problem("Kal\0le").unwrap().contains("U+0000"));
        assert!(cell_problem("\u{1b}[31m").unwrap().contains("U+001B"));
        assert!(columns_problem(200_000).unwrap().contains("200000 columns"));
        assert!(row_problem(MAX_ROWS + 1).is_some());
        // A line is clean only if every cell of it would be.
        assert!(!line_is_clean("a;Kal\0le;b"));
        assert!(!line_is_clean("\u{1b}[31m"));
        assert!(!line_is_clean(&"a".repeat(MAX_CELL_CHARS + 1)));
        for b in 0..0x20u8 {
            let line = format!("x;{};y", char::from(b));
            assert_eq!(line_is_clean(&line), cell_problem(&line).is_none(), "{b}");
        }
    }
}
