//! Input given column by column instead of as CSV text: an Arrow stream from Python (pandas,
//! polars, pyarrow, DuckDB), or any table a caller holds in memory. The cells are read as text
//! and go through exactly the validation of the CSV files (the same [`super::sheet::Row`]), so
//! a frame and its CSV export give the same register and the same problems.
//!
//! po-core knows nothing of Arrow: a binding implements [`TextCells`] over its arrays (the
//! Python boundary does it for Arrow's string arrays without copying them).

/// One column's cells as text, row by row.
pub trait TextCells: Sync {
    /// How many rows the column has.
    fn len(&self) -> usize;
    /// Whether it has none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The cell of `row` as the CSV export would hold it (lists `|`-separated, booleans as
    /// `ja`/`nej` or `true`/`false`, dates `YYYY-MM-DD`); `None` for a missing value.
    fn cell(&self, row: usize) -> Option<&str>;
    /// Whether no cell of `rows` is longer than a cell holds or holds a control character
    /// ([`super::limits`]): then the rows' cells need no look each. A column of one buffer
    /// answers from the buffer at once ([`super::limits::free_of_controls`]); this default
    /// looks at each cell. A row beyond the column is not clean.
    fn clean(&self, rows: std::ops::Range<usize>) -> bool {
        rows.end <= self.len()
            && rows.into_iter().all(|r| {
                self.cell(r)
                    .is_none_or(|c| super::limits::cell_problem(c).is_none())
            })
    }
}

/// A column of owned cells: for tests, and for callers whose values are not text already.
impl TextCells for Vec<Option<String>> {
    fn len(&self) -> usize {
        <[Option<String>]>::len(self)
    }
    fn cell(&self, row: usize) -> Option<&str> {
        self.get(row)?.as_deref()
    }
}

/// A table given column by column, in batches of rows (as an Arrow stream delivers it).
///
/// Problems locate a cell as in the CSV export of the table with its header: the table's row
/// `i` (counted from 0 across the batches, as `df.iloc[i]`) is row `i + 2`; the header is
/// row 1. A spreadsheet's sheet whose header is lower down says so in `header_row`.
pub struct Frame<'a> {
    /// The column names (the header): English codes or their Swedish names, as in the CSV.
    pub names: Vec<String>,
    /// The header's row number as problems count rows: 1, or a sheet's own row.
    pub header_row: u64,
    /// The rows, batch by batch: each batch has one column per name, all of one length.
    pub batches: Vec<Vec<Box<dyn TextCells + 'a>>>,
}

impl std::fmt::Debug for Frame<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The cells may be personal data: only the shape is shown.
        f.debug_struct("Frame")
            .field("names", &self.names)
            .field("rows", &self.rows())
            .finish()
    }
}

impl Frame<'_> {
    /// How many rows in all batches (a batch's first column counts).
    pub fn rows(&self) -> usize {
        self.batches
            .iter()
            .map(|b| b.first().map_or(0, |c| c.len()))
            .sum()
    }
}

/// One input file of a register: CSV text as exported, or a table given column by column.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// A CSV export's bytes (the forms read: [`crate::io::read::read_register_csv`]).
    Csv(&'a [u8]),
    /// A table in memory (see [`Frame`]).
    Frame(&'a Frame<'a>),
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Input::Csv(bytes)
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Input<'a> {
    fn from(bytes: &'a [u8; N]) -> Self {
        Input::Csv(bytes)
    }
}

impl<'a> From<&'a Vec<u8>> for Input<'a> {
    fn from(bytes: &'a Vec<u8>) -> Self {
        Input::Csv(bytes)
    }
}

impl<'a> From<&'a Frame<'a>> for Input<'a> {
    fn from(frame: &'a Frame<'a>) -> Self {
        Input::Frame(frame)
    }
}
