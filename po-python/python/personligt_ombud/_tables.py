"""Rows of value objects, and the conversions of tables to and from DataFrames.

pandas and polars are optional: they are imported only when a conversion asks for them.
"""

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, TypeVar, Union

T = TypeVar("T")


class Rows(Tuple[T, ...]):
    """An immutable sequence of po value objects that converts to a table.

    ``rows.to_pandas()`` / ``rows.to_polars()`` give one row per object and one column per
    field (nested values stay as lists/dicts in their cell); ``rows.to_dicts()`` gives the plain
    records.
    """

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One dict per row (``obj.to_dict()``)."""
        return [row.to_dict() for row in self]  # type: ignore[attr-defined]

    def to_pandas(self) -> Any:
        """A pandas DataFrame (pandas is imported on first use)."""
        import pandas

        return pandas.DataFrame.from_records(self.to_dicts())

    def to_polars(self) -> Any:
        """A polars DataFrame (polars is imported on first use)."""
        import polars

        return polars.DataFrame(self.to_dicts())

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The rows as an Arrow stream (the PyCapsule interface): ``pyarrow.table(rows)``,
        ``polars.DataFrame(rows)`` and DuckDB read it; amounts stay exact (Decimal128)."""
        from . import _native

        return _native._arrow_records(self.to_dicts()).__arrow_c_stream__(requested_schema)


class Ranking(Rows[T]):
    """A ranking: the applicants, first place first, ``stamp`` (the version of po, the
    policy applied with its source, the ranking date) and ``not_ranked`` (the ids of those who
    had left the queue by the ranking date)."""

    stamp: Any
    not_ranked: List[str]

    def __new__(cls, rows: Iterable[T], stamp: Any, not_ranked: Iterable[str] = ()) -> "Ranking[T]":
        ranking = super().__new__(cls, rows)
        ranking.stamp = stamp
        ranking.not_ranked = list(not_ranked)
        return ranking


class CaseBatch:
    """The target-group assessments of a table of cases (``assess_eligibility_batch``): one row
    per input row, in order, as an Arrow table — ``row`` (the input's position), ``outcome``,
    ``not_met``, ``unknown``, ``questions`` (criteria to ask about), ``problem`` (why a row
    could not be assessed; its outcome is then null) — with the counts per outcome, the
    problems found, and what produced it (rule set, date, readings, library version)."""

    def __init__(self, result: Dict[str, Any]) -> None:
        self.table: Any = result["table"]
        self.counts: Dict[str, int] = dict(result["counts"])
        self.problems: List[Any] = list(result["problems"])
        self.rule_set: str = result["rule_set"]
        self.as_of: Any = result["as_of"]
        self.readings: Any = result["readings"]
        self.library_version: str = result["library_version"]

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The results as an Arrow stream (pyarrow, polars, pandas ≥ 3 and DuckDB read it)."""
        return self.table.__arrow_c_stream__(requested_schema)

    def to_pandas(self) -> Any:
        """A pandas DataFrame (list columns hold lists)."""
        import pandas

        if hasattr(pandas.DataFrame, "from_arrow"):
            return pandas.DataFrame.from_arrow(self)
        import pyarrow

        return pyarrow.table(self).to_pandas()

    def to_polars(self) -> Any:
        """A polars DataFrame."""
        import polars

        return polars.DataFrame(self)

    def __len__(self) -> int:
        return int(sum(self.counts.values()))

    def __repr__(self) -> str:
        return f"CaseBatch(rows={len(self)}, counts={self.counts}, rule_set={self.rule_set!r})"


def is_frame(obj: Any) -> bool:
    """A pandas or polars DataFrame (duck-typed, so neither must be installed)."""
    module = type(obj).__module__
    return type(obj).__name__ == "DataFrame" and module.split(".")[0] in ("pandas", "polars")


def arrow_ready(frame: Any) -> Any:
    """The frame as po's Arrow reader takes it: a polars column of dtype Null (every value
    missing) is given as text, since arrow-rs refuses polars' Null arrays in the C stream
    interface; its cells stay missing. Nothing else changes."""
    if type(frame).__module__.startswith("polars"):
        import polars as pl

        nulls = [name for name, dtype in frame.schema.items() if dtype == pl.Null]
        if nulls:
            return frame.with_columns([pl.col(n).cast(pl.String) for n in nulls])
    return frame


def frame_records(frame: Any) -> List[Dict[str, Any]]:
    """The rows of a pandas or polars DataFrame as dicts, missing values as None."""
    if type(frame).__module__.startswith("polars"):
        return list(frame.to_dicts())
    records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    return [dict(r) for r in records]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value


def _polars_csv(frame: Any) -> bytes:
    import polars as pl

    exprs = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        if isinstance(dtype, pl.List):
            exprs.append(col.cast(pl.List(pl.Utf8)).list.join("|"))
        elif dtype == pl.Boolean:
            exprs.append(pl.when(col).then(pl.lit("ja")).otherwise(pl.lit("nej")).alias(name))
        elif dtype in (pl.Date, pl.Datetime) or isinstance(dtype, pl.Datetime):
            exprs.append(col.dt.strftime("%Y-%m-%d"))
    out = frame.with_columns(exprs) if exprs else frame
    return str(out.write_csv(separator=";")).encode("utf-8")


def _pandas_csv(frame: Any) -> bytes:
    import pandas as pd

    df = frame.copy(deep=False)
    for name in df.columns:
        s = df[name]
        if pd.api.types.is_bool_dtype(s):
            df[name] = s.map({True: "ja", False: "nej"})
        elif pd.api.types.is_datetime64_any_dtype(s):
            df[name] = s.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(s):
            # A column of whole numbers with gaps is float in pandas (1980.0): write 1980.
            whole = s.dropna()
            if (whole == whole.round()).all():
                df[name] = s.astype("Int64")
        elif s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
            # Only columns holding lists, dates or booleans need a Python pass per value.
            df[name] = s.map(_cell)
    return str(df.to_csv(sep=";", index=False, lineterminator="\n")).encode("utf-8")


def frame_to_csv(frame: Any) -> bytes:
    """A DataFrame as the CSV po's importer reads: ``;``, lists joined by ``|``, booleans
    ja/nej, dates ISO, missing values empty. Row n of the frame is line n + 2 of the CSV, so
    problems name the frame's row (0-based) + 2. Uses the DataFrame library's own CSV writer
    (no Python loop over rows, except for object columns of lists in pandas)."""
    if type(frame).__module__.startswith("polars"):
        return _polars_csv(frame)
    return _pandas_csv(frame)


Source = Union[bytes, str, "os.PathLike[str]", Any]


def source_bytes(source: Optional[Source], name: str) -> Optional[bytes]:
    """bytes as they are; a path (str or PathLike) read from disk; a DataFrame, or any table
    with the Arrow PyCapsule interface (a pyarrow table, a DuckDB result), as CSV. Anything
    else is po's ``InvalidInputError`` naming the argument."""
    if source is None:
        return None
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            return f.read()
    if is_frame(source):
        return frame_to_csv(source)
    if hasattr(source, "__arrow_c_stream__"):
        import io

        import pyarrow as pa
        import pyarrow.csv as pacsv

        out = io.BytesIO()
        pacsv.write_csv(pa.table(source), out, write_options=pacsv.WriteOptions(delimiter=";"))
        return out.getvalue()
    from ._native import InvalidInputError

    raise InvalidInputError(
        f"{name}: expected bytes, a path, a DataFrame or an Arrow table, got {type(source).__name__}"
    )


def source_input(source: Optional[Source], name: str) -> Any:
    """What the importer reads: bytes as they are, a path as it is (po reads the file, a large
    one on the machine's cores), or for anything with
    ``__arrow_c_stream__`` (pandas ≥ 2.2 with pyarrow, polars, pyarrow, DuckDB) the object
    itself, whose stream the importer opens and reads to the end before the next file's (a
    DuckDB connection serves one open result at a time). A pandas frame is exported here, so
    that one pyarrow cannot convert (an object column mixing kinds), or pandas without pyarrow,
    takes the CSV route instead: the same validation, the same row numbers."""
    if type(source).__name__ == "PyCapsule":  # an Arrow stream's capsule, already exported
        return source
    if isinstance(source, (str, os.PathLike)):
        return os.fsdecode(source)
    export = getattr(source, "__arrow_c_stream__", None)
    if export is None or isinstance(source, bytes):
        return source_bytes(source, name)
    if not type(source).__module__.startswith("pandas"):
        return source
    try:
        return export()
    except Exception:
        return frame_to_csv(source)


def rows(items: Iterable[T]) -> "Rows[T]":
    """Wraps a list of value objects."""
    return Rows(items)


def to_pandas(obj: Any) -> Any:
    """A table, rows or a list of value objects as a pandas DataFrame."""
    if hasattr(obj, "to_pandas"):
        return obj.to_pandas()
    return Rows(obj).to_pandas()


def to_polars(obj: Any) -> Any:
    """A table, rows or a list of value objects as a polars DataFrame."""
    if hasattr(obj, "to_polars"):
        return obj.to_polars()
    return Rows(obj).to_polars()


def records_of(items: Union[Sequence[Any], Any]) -> List[Any]:
    """Items as they are, or a DataFrame's rows as dicts."""
    if is_frame(items):
        return frame_records(items)
    return list(items)
