"""The optional client columns whose absence is a problem (issue 18), for tests about something
else: a header suffix for CSV text, and a helper that adds them (empty) to a frame."""

from typing import Any

OPTIONAL = ["ended_on", "birth_year", "children_at_home", "contact_reasons", "assignments",
            "municipality", "area", "applied_on"]
AGE = {"birth_date", "birth_year", "age_band"}
# Appended to a clients header such as "id;gender;started_on".
OPTIONAL_CSV = "".join(";" + c for c in OPTIONAL)


def with_optional(frame: Any) -> Any:
    """The frame with every optional client column it lacks, empty."""
    have = set(frame.columns)
    missing = [c for c in OPTIONAL if c not in have and not (c == "birth_year" and have & AGE)]
    if type(frame).__module__.startswith("polars"):
        import polars as pl

        return frame.with_columns([pl.lit(None, dtype=pl.Utf8).alias(c) for c in missing])
    return frame.assign(**{c: None for c in missing})
