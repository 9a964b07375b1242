"""Rows of value objects, and the conversions of tables to and from DataFrames.

pandas and polars are optional: they are imported only when a conversion asks for them.
"""

import io
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


def is_frame(obj: Any) -> bool:
    """A pandas or polars DataFrame (duck-typed, so neither must be installed)."""
    module = type(obj).__module__
    return type(obj).__name__ == "DataFrame" and module.split(".")[0] in ("pandas", "polars")


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


def frame_to_csv(frame: Any) -> bytes:
    """A DataFrame as the CSV po's importer reads: ``;``, lists joined by ``|``, booleans
    ja/nej, dates ISO, missing values empty. Row n of the frame is line n + 2 of the CSV, so
    problems name the frame's row (0-based) + 2."""
    import csv

    records = frame_records(frame)
    columns = list(frame.columns)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    for r in records:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return out.getvalue().encode("utf-8")


Source = Union[bytes, str, "os.PathLike[str]", Any]


def source_bytes(source: Optional[Source]) -> Optional[bytes]:
    """bytes as they are; a path (str or PathLike) read from disk; a DataFrame as CSV."""
    if source is None:
        return None
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            return f.read()
    if is_frame(source):
        return frame_to_csv(source)
    raise TypeError(
        f"expected bytes, a path or a pandas/polars DataFrame, got {type(source).__name__}"
    )


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
