//! Arrow's PyCapsule interface (`__arrow_c_stream__`) both ways, so that pandas ≥ 2.2, polars,
//! pyarrow and DuckDB hand po their frames without CSV, and take po's tables back.
//!
//! In: each column of each record batch becomes a [`TextCells`] column of a
//! [`po_core::io::read::Frame`], read by po-core's one validation. String columns (`Utf8`,
//! `LargeUtf8`, `Utf8View`: what polars, pyarrow and DuckDB give) are read where they lie;
//! other columns are turned into the text their CSV export would hold: lists joined by `|`,
//! whole floats as integers (pandas makes an integer column with gaps float: 1980.0 is 1980),
//! timestamps as their date, booleans `true`/`false`, dictionaries (categoricals) as their
//! values. Nothing is decided here: a value po-core cannot read is its problem, located there.
//!
//! Out: tables and lists of value objects become one Arrow record batch (see [`records`]).

use std::sync::{Arc, OnceLock};

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float16Type, Float32Type, Float64Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, GenericListArray, GenericStringArray, Int64Array,
    OffsetSizeTrait, RecordBatch, StringViewArray,
};
use arrow_schema::DataType;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyCapsule};
use pyo3_arrow::{PyRecordBatchReader, PyTable};

use super::errors::invalid;
use po_core::io::read::limits::{free_of_controls, MAX_CELL_CHARS};
use po_core::io::read::{Frame, Input, TextCells};

/// A string column read where Arrow holds it.
struct Strings<O: OffsetSizeTrait>(GenericStringArray<O>);

impl<O: OffsetSizeTrait> TextCells for Strings<O> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, row: usize) -> Option<&str> {
        self.0.is_valid(row).then(|| self.0.value(row))
    }
    /// The rows' text is one slice of the values: checked at once, its longest cell by the
    /// offsets (a null's bytes, if any, are checked too: at worst a clean column is looked at
    /// cell by cell).
    fn clean(&self, rows: std::ops::Range<usize>) -> bool {
        let Some(offsets) = self.0.value_offsets().get(rows.start..rows.end + 1) else {
            return false;
        };
        let (Some(first), Some(last)) = (offsets.first(), offsets.last()) else {
            return false;
        };
        let longest = offsets
            .windows(2)
            .map(|w| w[1].as_usize().saturating_sub(w[0].as_usize()))
            .max()
            .unwrap_or(0);
        let text = self.0.value_data().get(first.as_usize()..last.as_usize());
        longest <= MAX_CELL_CHARS && text.is_some_and(free_of_controls)
    }
}

/// A string-view column (polars' strings) read where Arrow holds it.
struct Views {
    array: StringViewArray,
    /// Whether the buffers of the longer texts hold no control character at all (checked once,
    /// a buffer at a time; its unused bytes too, so at worst a clean column is checked view by
    /// view): then a longer view needs only its length checked.
    buffers_clean: bool,
}

impl Views {
    fn new(array: StringViewArray) -> Self {
        let buffers_clean = array
            .data_buffers()
            .iter()
            .all(|b| free_of_controls(b.as_slice()));
        Views {
            array,
            buffers_clean,
        }
    }
}

impl TextCells for Views {
    fn len(&self) -> usize {
        self.array.len()
    }
    fn cell(&self, row: usize) -> Option<&str> {
        self.array.is_valid(row).then(|| self.array.value(row))
    }
    /// Each view's text checked where it lies: inline in the view up to 12 bytes, else in its
    /// buffer (known clean as a whole, or looked at there), without a call per cell.
    fn clean(&self, rows: std::ops::Range<usize>) -> bool {
        let Some(views) = self.array.views().get(rows) else {
            return false;
        };
        let buffers = self.array.data_buffers();
        views.iter().all(|&view| {
            let len = view as u32 as usize;
            if len <= 12 {
                return inline_is_clean(view, len);
            }
            let (buffer, at) = ((view >> 64) as u32 as usize, (view >> 96) as u32 as usize);
            len <= MAX_CELL_CHARS
                && (self.buffers_clean
                    || buffers
                        .get(buffer)
                        .and_then(|b| b.get(at..at + len))
                        .is_some_and(free_of_controls))
        })
    }
}

/// One register file from Python: CSV bytes (Python's own, borrowed, not copied), a file read
/// here, or a frame over an Arrow stream's columns.
pub(crate) enum FileSource {
    Bytes(PyBackedBytes),
    File(Vec<u8>),
    Frame(Frame<'static>),
}

impl FileSource {
    /// `source` as the Python layer passes it: bytes, a path as `str` (read by po-core's
    /// reader, a large file on the machine's cores), or anything with an Arrow stream.
    pub(crate) fn of(source: &Bound<'_, PyAny>, file: &str) -> PyResult<Self> {
        if source.is_instance_of::<PyBytes>() {
            return Ok(FileSource::Bytes(source.extract()?));
        }
        if let Ok(path) = source.extract::<std::path::PathBuf>() {
            let read = source.py().detach(|| po_core::io::read::read_file(&path));
            // The operating system's error number makes Python choose the error's class
            // (FileNotFoundError, IsADirectoryError, …) and keep `.errno` and `.filename`, as
            // its own `open` does.
            return read
                .map(FileSource::File)
                .map_err(|e| match e.raw_os_error() {
                    Some(errno) => {
                        let said = e.to_string();
                        PyOSError::new_err((errno, said, path.display().to_string()))
                    }
                    None => PyOSError::new_err(format!("{}: {e}", path.display())),
                });
        }
        Ok(FileSource::Frame(frame_of(source, file)?))
    }

    pub(crate) fn input(&self) -> Input<'_> {
        match self {
            FileSource::Bytes(b) => Input::Csv(b),
            FileSource::File(b) => Input::Csv(b),
            FileSource::Frame(f) => Input::Frame(f),
        }
    }
}

/// The Arrow stream of `source`: an object with `__arrow_c_stream__`, or the capsule itself.
fn stream_of(source: &Bound<'_, PyAny>) -> PyResult<PyRecordBatchReader> {
    match source.cast::<PyCapsule>() {
        Ok(capsule) => PyRecordBatchReader::from_arrow_pycapsule(capsule),
        Err(_) => source.extract(),
    }
}

/// The table of an Arrow stream as a frame: every batch, every column as text cells. `file`
/// names the input in the errors of a stream that cannot be read at all.
pub(crate) fn frame_of(source: &Bound<'_, PyAny>, file: &str) -> PyResult<Frame<'static>> {
    let reader = stream_of(source)?.into_reader()?;
    let names: Vec<String> = reader
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let mut batches = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| invalid(format!("{file}: the Arrow stream failed: {e}")))?;
        let columns = batch
            .columns()
            .iter()
            .zip(&names)
            .map(|(array, name)| text_cells(array, file, name))
            .collect::<PyResult<Vec<_>>>()?;
        batches.push(columns);
    }
    Ok(Frame {
        names,
        header_row: 1,
        batches,
    })
}

/// One Arrow column as text cells (see the module's doc for each type).
fn text_cells(array: &ArrayRef, file: &str, name: &str) -> PyResult<Box<dyn TextCells>> {
    Ok(match array.data_type() {
        DataType::Utf8 => Box::new(Strings(array.as_string::<i32>().clone())),
        DataType::LargeUtf8 => Box::new(Strings(array.as_string::<i64>().clone())),
        DataType::Utf8View => Box::new(Views::new(array.as_string_view().clone())),
        DataType::List(_) => Box::new(joined(array.as_list::<i32>(), file, name)?),
        DataType::LargeList(_) => Box::new(joined(array.as_list::<i64>(), file, name)?),
        DataType::Float16 | DataType::Float32 | DataType::Float64 => Box::new(floats(array)),
        DataType::Boolean => Box::new(Flags(array.as_boolean().clone())),
        DataType::Int64 | DataType::Int32 => small_ints(array, file, name)?,
        DataType::Timestamp(..) | DataType::Date64 => {
            let dates = cast(array, &DataType::Date32, file, name)?;
            Box::new(Strings(cast_text(&dates, file, name)?))
        }
        _ => Box::new(Strings(cast_text(array, file, name)?)),
    })
}

/// Whether a view's inline text (`len` ≤ 12 bytes after the length) is free of control
/// characters: all twelve bytes tested at once (the lowest byte below 0x20 sets its high bit
/// in `x - 0x20…`; bytes of UTF-8, 0x80 and above, never do), the bytes beyond the text counted
/// as spaces; only a view the test flags (a control character, tab and line breaks included)
/// is looked at byte by byte. A call per view cost 750 instructions a row.
fn inline_is_clean(view: u128, len: usize) -> bool {
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101;
    let text = if len >= 12 {
        ONES * 0xff
    } else {
        (1u128 << (8 * len)) - 1
    };
    let x = ((view >> 32) & text) | ((ONES * 0x20) & !text);
    (x.wrapping_sub(ONES * 0x20) & !x & (ONES * 0x80)) == 0
        || free_of_controls(&view.to_le_bytes()[4..4 + len.min(12)])
}

/// A boolean column as the text its cast gives (`true`/`false`), without making it.
struct Flags(BooleanArray);

impl TextCells for Flags {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, row: usize) -> Option<&str> {
        let flag = self.0.is_valid(row).then(|| self.0.value(row))?;
        Some(if flag { "true" } else { "false" })
    }
    fn clean(&self, rows: std::ops::Range<usize>) -> bool {
        rows.end <= self.len()
    }
}

/// The text of the whole numbers 0..10 000, made once.
fn small_numbers() -> &'static [String] {
    static NUMBERS: OnceLock<Vec<String>> = OnceLock::new();
    NUMBERS.get_or_init(|| (0..SMALL).map(|n| n.to_string()).collect())
}

/// Whole numbers below this (years, municipality codes, counts) are read as text made once.
const SMALL: usize = 10_000;

/// An integer column whose every value is a whole number below [`SMALL`] (birth years: what a
/// frame's integers are), read as the text its cast gives without formatting a cell (the cast
/// of 10⁶ years took tens of milliseconds on one core, before the rows could be read).
struct SmallInts(Int64Array);

impl TextCells for SmallInts {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, row: usize) -> Option<&str> {
        let n = usize::try_from(self.0.is_valid(row).then(|| self.0.value(row))?).ok()?;
        small_numbers().get(n).map(String::as_str)
    }
    fn clean(&self, rows: std::ops::Range<usize>) -> bool {
        rows.end <= self.len()
    }
}

/// An integer column (64 or 32 bits) as [`SmallInts`] when every value is one, else as its
/// cast's text.
fn small_ints(array: &ArrayRef, file: &str, name: &str) -> PyResult<Box<dyn TextCells>> {
    let wide = cast(array, &DataType::Int64, file, name)?;
    let numbers = wide.as_primitive::<Int64Type>();
    let small = numbers
        .iter()
        .flatten()
        .all(|n| usize::try_from(n).is_ok_and(|n| n < SMALL));
    Ok(if small {
        Box::new(SmallInts(numbers.clone()))
    } else {
        Box::new(Strings(cast_text(array, file, name)?))
    })
}

fn cast(array: &ArrayRef, to: &DataType, file: &str, name: &str) -> PyResult<ArrayRef> {
    arrow_cast::cast(array, to).map_err(|e| {
        invalid(format!(
            "{file}: column {:?} of type {} cannot be read as text: {e}",
            po_core::privacy::shown(name),
            array.data_type()
        ))
    })
}

fn cast_text(array: &ArrayRef, file: &str, name: &str) -> PyResult<GenericStringArray<i32>> {
    Ok(cast(array, &DataType::Utf8, file, name)?
        .as_string::<i32>()
        .clone())
}

/// A list column as its items' text joined by `|` (the CSV form of a list); a missing list is
/// a missing cell, and a missing item is left out (as an empty item of the CSV is).
fn joined<O: OffsetSizeTrait>(
    lists: &GenericListArray<O>,
    file: &str,
    name: &str,
) -> PyResult<Strings<i32>> {
    let items = cast_text(lists.values(), file, name)?;
    let offsets = lists.value_offsets();
    let mut out = StringBuilder::with_capacity(lists.len(), items.value_data().len() + lists.len());
    let mut cell = String::new();
    for row in 0..lists.len() {
        if lists.is_null(row) {
            out.append_null();
            continue;
        }
        cell.clear();
        let (from, to) = (offsets[row].as_usize(), offsets[row + 1].as_usize());
        for i in (from..to).filter(|&i| items.is_valid(i)) {
            if !cell.is_empty() {
                cell.push('|');
            }
            cell.push_str(items.value(i));
        }
        out.append_value(&cell);
    }
    Ok(Strings(out.finish()))
}

/// A float column as text: whole numbers without a decimal part, NaN as missing (pandas' gap).
fn floats(array: &ArrayRef) -> Strings<i32> {
    let values: Vec<Option<f64>> = match array.data_type() {
        DataType::Float16 => array
            .as_primitive::<Float16Type>()
            .iter()
            .map(|v| v.map(f64::from))
            .collect(),
        DataType::Float32 => array
            .as_primitive::<Float32Type>()
            .iter()
            .map(|v| v.map(f64::from))
            .collect(),
        _ => array.as_primitive::<Float64Type>().iter().collect(),
    };
    let mut out = StringBuilder::with_capacity(values.len(), values.len() * 6);
    for v in values {
        match v {
            None => out.append_null(),
            Some(x) if x.is_nan() => out.append_null(),
            // A whole number within i64 is written as the integer it is (no float arithmetic).
            Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
                out.append_value((x as i64).to_string());
            }
            Some(x) => out.append_value(x.to_string()),
        }
    }
    Strings(out.finish())
}

/// A record batch as a Python object with `__arrow_c_stream__` (pyo3-arrow's table), which
/// pyarrow, polars, pandas and DuckDB read without a copy.
pub(crate) fn table_object<'py>(
    py: Python<'py>,
    batch: RecordBatch,
) -> PyResult<Bound<'py, PyAny>> {
    let schema = batch.schema();
    Bound::new(py, PyTable::try_new(vec![batch], schema)?).map(Bound::into_any)
}

/// Columns of one record batch.
pub(crate) fn batch(columns: Vec<(String, ArrayRef)>) -> PyResult<RecordBatch> {
    let fields: Vec<arrow_schema::Field> = columns
        .iter()
        .map(|(name, a)| arrow_schema::Field::new(name, a.data_type().clone(), true))
        .collect();
    let arrays: Vec<ArrayRef> = columns.into_iter().map(|(_, a)| a).collect();
    RecordBatch::try_new(Arc::new(arrow_schema::Schema::new(fields)), arrays)
        .map_err(|e| invalid(format!("the table cannot be made an Arrow batch: {e}")))
}

/// Records (dicts, one per row, as `to_dict()` gives them) as one record batch: a column per
/// key in the order first met; `int` as Int64, `bool` as Boolean, `float` as Float64, `str` as
/// Utf8, `datetime.date` as Date32, `decimal.Decimal` as Decimal128 at the column's largest
/// scale (money stays exact), a list of `str` as List<Utf8>; anything nested as its JSON text.
/// A column mixing kinds (other than with None) is an error naming it.
pub(crate) fn records(
    py: Python<'_>,
    rows: &[Bound<'_, pyo3::types::PyDict>],
) -> PyResult<RecordBatch> {
    let mut names: Vec<String> = Vec::new();
    for row in rows {
        for key in row.keys() {
            let key: String = key.extract()?;
            if !names.contains(&key) {
                names.push(key);
            }
        }
    }
    let columns = names
        .into_iter()
        .map(|name| {
            let values = rows
                .iter()
                .map(|r| r.get_item(&name))
                .collect::<PyResult<Vec<_>>>()?;
            let array = column(py, &name, &values)?;
            Ok((name, array))
        })
        .collect::<PyResult<Vec<_>>>()?;
    batch(columns)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Bool,
    Int,
    Float,
    Text,
    Date,
    Decimal,
    Texts,
    Nested,
}

fn kind_of(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Kind> {
    use pyo3::types::{PyBool, PyDate, PyFloat, PyInt, PyList, PyString};
    Ok(if v.is_instance_of::<PyBool>() {
        Kind::Bool
    } else if v.is_instance_of::<PyInt>() {
        Kind::Int
    } else if v.is_instance_of::<PyFloat>() {
        Kind::Float
    } else if v.is_instance_of::<PyString>() {
        Kind::Text
    } else if v.is_instance_of::<pyo3::types::PyDateTime>() {
        Kind::Nested
    } else if v.is_instance_of::<PyDate>() {
        Kind::Date
    } else if v.is_instance(&py.import("decimal")?.getattr("Decimal")?)? {
        Kind::Decimal
    } else if let Ok(list) = v.cast::<PyList>() {
        if list.iter().all(|x| x.is_instance_of::<PyString>()) {
            Kind::Texts
        } else {
            Kind::Nested
        }
    } else {
        Kind::Nested
    })
}

/// One column of records (see [`records`]).
fn column(py: Python<'_>, name: &str, values: &[Option<Bound<'_, PyAny>>]) -> PyResult<ArrayRef> {
    use arrow_array::builder::{
        BooleanBuilder, Date32Builder, Decimal128Builder, Float64Builder, Int64Builder, ListBuilder,
    };
    let present: Vec<Option<&Bound<'_, PyAny>>> = values
        .iter()
        .map(|v| v.as_ref().filter(|v| !v.is_none()))
        .collect();
    let mut kind = None;
    for v in present.iter().flatten() {
        let k = kind_of(py, v)?;
        match kind {
            None => kind = Some(k),
            Some(seen) if seen == k => {}
            Some(Kind::Int) if k == Kind::Float => kind = Some(Kind::Float),
            Some(Kind::Float) if k == Kind::Int => {}
            Some(seen) => {
                return Err(invalid(format!(
                    "column {name:?}: values of two kinds ({seen:?} and {k:?}) cannot be one Arrow column"
                )))
            }
        }
    }
    let n = present.len();
    Ok(match kind.unwrap_or(Kind::Text) {
        Kind::Bool => {
            let mut b = BooleanBuilder::with_capacity(n);
            for v in &present {
                b.append_option(v.map(|v| v.extract::<bool>()).transpose()?);
            }
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::with_capacity(n);
            for v in &present {
                b.append_option(v.map(|v| v.extract::<i64>()).transpose()?);
            }
            Arc::new(b.finish())
        }
        Kind::Float => {
            let mut b = Float64Builder::with_capacity(n);
            for v in &present {
                b.append_option(v.map(|v| v.extract::<f64>()).transpose()?);
            }
            Arc::new(b.finish())
        }
        Kind::Date => {
            let epoch = time::Date::from_calendar_date(1970, time::Month::January, 1)
                .map_err(|e| invalid(e.to_string()))?;
            let mut b = Date32Builder::with_capacity(n);
            for v in &present {
                let days = v
                    .map(|v| v.extract::<time::Date>())
                    .transpose()?
                    .map(|d| (d - epoch).whole_days())
                    .map(i32::try_from)
                    .transpose()
                    .map_err(|e| invalid(format!("column {name:?}: {e}")))?;
                b.append_option(days);
            }
            Arc::new(b.finish())
        }
        Kind::Decimal => {
            let decimals = present
                .iter()
                .map(|v| v.map(|v| super::values::exact(v, name)).transpose())
                .collect::<PyResult<Vec<_>>>()?;
            let scale = decimals
                .iter()
                .flatten()
                .map(|d| d.scale())
                .max()
                .unwrap_or(0);
            let mut b = Decimal128Builder::with_capacity(n);
            for d in decimals {
                b.append_option(d.map(|mut d| {
                    d.rescale(scale);
                    d.mantissa()
                }));
            }
            let scale = i8::try_from(scale).map_err(|e| invalid(e.to_string()))?;
            Arc::new(
                b.finish()
                    .with_precision_and_scale(38, scale)
                    .map_err(|e| invalid(format!("column {name:?}: {e}")))?,
            )
        }
        Kind::Texts => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for v in &present {
                match v {
                    Some(v) => {
                        for item in v.try_iter()? {
                            b.values().append_value(item?.extract::<String>()?);
                        }
                        b.append(true);
                    }
                    None => b.append(false),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Text | Kind::Nested => {
            let json = py.import("json")?;
            let kwargs = pyo3::types::PyDict::new(py);
            kwargs.set_item("default", py.import("builtins")?.getattr("str")?)?;
            kwargs.set_item("ensure_ascii", false)?;
            let mut b = StringBuilder::with_capacity(n, n * 8);
            for v in &present {
                match v {
                    None => b.append_null(),
                    Some(v) if v.is_instance_of::<pyo3::types::PyString>() => {
                        b.append_value(v.extract::<String>()?);
                    }
                    Some(v) => b.append_value(
                        json.call_method("dumps", (v,), Some(&kwargs))?
                            .extract::<String>()?,
                    ),
                }
            }
            Arc::new(b.finish())
        }
    })
}

/// Records as an Arrow table object (see [`records`]): `Rows.__arrow_c_stream__` in the package
/// calls it, so rankings and every list of value objects export the interface.
#[pyfunction]
#[pyo3(name = "_arrow_records")]
fn arrow_records<'py>(
    py: Python<'py>,
    rows: Vec<Bound<'py, pyo3::types::PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    table_object(py, records(py, &rows)?)
}

/// The allocation's shares, one row per participant, as DataFrames and as an Arrow stream.
#[pymethods]
impl crate::money::Allocation {
    /// The participants' shares as an Arrow stream (one row per municipality; amounts as
    /// Decimal128, exact).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        slf: &Bound<'py, Self>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        participants(slf)?.call_method1("__arrow_c_stream__", (requested_schema,))
    }

    /// The participants' shares as a pandas DataFrame (amounts as `decimal.Decimal`).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let rows = py.import("personligt_ombud")?.getattr("Rows")?;
        rows.call1((slf.getattr("participants")?,))?
            .call_method0("to_pandas")
    }

    /// The participants' shares as a polars DataFrame (amounts as Decimal).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import("polars")?
            .call_method1("DataFrame", (participants(slf)?,))
    }
}

fn participants<'py>(slf: &Bound<'py, crate::money::Allocation>) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let rows = slf
        .getattr("participants")?
        .try_iter()?
        .map(|p| {
            p?.call_method0("to_dict")?
                .cast_into::<pyo3::types::PyDict>()
                .map_err(PyErr::from)
        })
        .collect::<PyResult<Vec<_>>>()?;
    table_object(py, records(py, &rows)?)
}

/// Adds the Arrow helpers to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(arrow_records, m)?)
}
