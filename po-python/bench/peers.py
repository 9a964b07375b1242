"""po against its peers, side by side in one run: polars, DuckDB and pandas (issue 15).

Run: ``.venv/bin/python po-python/bench/peers.py [--clients 1000000 100000] [--rounds 3]``
after ``maturin develop --release -m po-python/Cargo.toml`` and
``pip install polars duckdb pyarrow`` (benchmark-only dependencies: po needs none of them).

The same SYNTHETIC client export (``benchmark.synthetic_clients``) is given to each contender as
a semicolon CSV on disk, a pandas DataFrame and a polars DataFrame; each computes the client tables of the 10 §
report (active, new and closed clients by gender × age band, clients by area × gender, contact
reasons by gender, assignments by category) and **every cell is checked equal to po's**. After
one untimed round, the rounds are interleaved (po, polars, DuckDB, pandas, po, …), each
starting one contender later, so that the machine's drift hits all alike and none always runs
first; medians are printed with each one's ratio to the best peer of its row (po's goal,
issue 36: at most 1.0). Every peer is written as its best users write it (see the comments
above each); only the computing is timed, not the conversion of the results for the check. Only ratios from one run mean anything
here: this machine's absolute speed drifts 2–3× between days.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from typing import Callable, Dict, List, Tuple

import duckdb
import pandas as pd
import polars as pl

import personligt_ombud as po

sys.path.insert(0, os.path.dirname(__file__))
from benchmark import YEAR, labels, pandas_report, synthetic_clients  # noqa: E402

Cells = Dict[str, Dict[Tuple[str, ...], int]]
BANDS = ("18_29", "30_49", "50_64", "65_plus")


def po_cells(report: po.AnnualReport) -> Cells:
    """po's client tables with national codes as keys (po labels them in Swedish)."""
    back = {}
    for name in ("gender", "age_band", "contact_reason", "assignment_category"):
        back.update({v: k for k, v in labels(name).items()})
    out: Cells = {}
    for name in ("active_clients", "new_clients", "closed_clients", "clients_by_area",
                 "contact_reasons", "assignments"):
        d = report.table(name).to_dict()
        row_key, columns = list(d)[0], list(d)[1:]
        cells = {}
        for i, row in enumerate(d[row_key]):
            for c in columns:
                n = d[c][i]
                if c in ("Totalt", "Summa") or row in ("Totalt", "Summa") or not n:
                    continue
                key = (back.get(row, row),) if name == "assignments" else (back.get(row, row), back.get(c, c))
                cells[key] = n
        out[name] = cells
    return out


def frame_cells(name: str, df: pd.DataFrame, keys: List[str]) -> Dict[Tuple[str, ...], int]:
    return {tuple(str(v) for v in row[:-1]): int(row[-1]) for row in df[keys + ["n"]].itertuples(index=False)
            if int(row[-1])}


# ---- polars, as its best users write it (issue 36): one lazy plan for all six tables,
# collected together (`collect_all`: the scan and the filter of the active clients are shared,
# the CSV read once), dates parsed by the reader (`try_parse_dates`) or once per column of a
# frame, contact reasons made unique per client with `list.unique()` (no explode-then-unique
# over 10⁶ × 2 rows), and the results kept as polars frames: converting them for the equality
# check is not timed, for any contender.

TABLES = ("active_clients", "new_clients", "closed_clients", "clients_by_area", "contact_reasons",
          "assignments")
KEYS = {"active_clients": ["gender", "band"], "new_clients": ["gender", "band"],
        "closed_clients": ["gender", "band"], "clients_by_area": ["area", "gender"],
        "contact_reasons": ["r", "gender"], "assignments": ["a"]}


def polars_tables(lf: pl.LazyFrame, year: int) -> List[pl.DataFrame]:
    schema = lf.collect_schema()

    def date(name: str) -> pl.Expr:
        column = pl.col(name)
        return column.str.to_date("%Y-%m-%d", strict=False) if schema[name] == pl.String else column

    age = year - pl.col("birth_year")
    band = (pl.when(age <= 29).then(pl.lit("18_29")).when(age <= 49).then(pl.lit("30_49"))
            .when(age <= 64).then(pl.lit("50_64")).otherwise(pl.lit("65_plus")))
    active = (lf.select("gender", "area", "contact_reasons", "assignments", "birth_year",
                        s=date("started_on"), e=date("ended_on"))
              .filter((pl.col("s").dt.year() <= year) & (pl.col("e").is_null() | (pl.col("e").dt.year() >= year)))
              .with_columns(band=band))
    by_age = lambda f: f.group_by("gender", "band").len("n")  # noqa: E731
    return pl.collect_all([
        by_age(active),
        by_age(active.filter(pl.col("s").dt.year() == year)),
        by_age(active.filter(pl.col("e").dt.year() == year)),
        active.group_by("area", "gender").len("n"),
        active.select("gender", r=pl.col("contact_reasons").str.split("|").list.unique())
              .explode("r").group_by("r", "gender").len("n"),
        active.select(a=pl.col("assignments").str.split("|")).explode("a")
              .filter(pl.col("a").is_not_null() & (pl.col("a") != "")).group_by("a").len("n"),
    ])


def polars_cells(frames: List[pl.DataFrame]) -> Cells:
    return {name: frame_cells(name, f.to_pandas(), KEYS[name]) for name, f in zip(TABLES, frames)}


# ---- DuckDB, as its best users write it: the active clients materialised once in a
# temporary table (a view would scan the CSV again for each of the six queries), dates
# detected by its CSV reader, results kept as Arrow tables.


def duckdb_tables(source: str, year: int, frame: "object | None" = None) -> list:
    con = duckdb.connect()
    if frame is not None:
        con.register(source, frame)
    con.execute(f"""CREATE TEMP TABLE active AS
        SELECT gender, area, contact_reasons, assignments, s, e,
               CASE WHEN {year} - birth_year <= 29 THEN '18_29' WHEN {year} - birth_year <= 49 THEN '30_49'
                    WHEN {year} - birth_year <= 64 THEN '50_64' ELSE '65_plus' END AS band
        FROM (SELECT *, TRY_CAST(started_on AS DATE) AS s,
                        TRY_CAST(NULLIF(CAST(ended_on AS VARCHAR), '') AS DATE) AS e FROM {source})
        WHERE year(s) <= {year} AND (e IS NULL OR year(e) >= {year})""")
    q = [
        "SELECT gender, band, count(*) n FROM active GROUP BY ALL",
        f"SELECT gender, band, count(*) n FROM active WHERE year(s) = {year} GROUP BY ALL",
        f"SELECT gender, band, count(*) n FROM active WHERE year(e) = {year} GROUP BY ALL",
        "SELECT area, gender, count(*) n FROM active GROUP BY ALL",
        "SELECT r, gender, count(*) n FROM (SELECT gender, unnest(list_distinct(string_split(contact_reasons, '|'))) r FROM active) GROUP BY ALL",
        "SELECT a, count(*) n FROM (SELECT unnest(string_split(coalesce(CAST(assignments AS VARCHAR), ''), '|')) a FROM active) WHERE a <> '' GROUP BY ALL",
    ]
    return [con.sql(sql).to_arrow_table() for sql in q]


def duckdb_cells(tables: list) -> Cells:
    return {name: frame_cells(name, t.to_pandas(), KEYS[name]) for name, t in zip(TABLES, tables)}


def pandas_tables(df: pd.DataFrame) -> Cells:
    peer = pandas_report(df, YEAR)
    out: Cells = {}
    for name in ("active_clients", "new_clients", "closed_clients", "clients_by_area", "contact_reasons"):
        out[name] = {tuple(str(k) for k in key): int(n) for key, n in peer[name].stack().items() if n}
    out["assignments"] = {(str(k),): int(n) for k, n in peer["assignments"]["n"].items() if n}
    return out


def read_csv_pandas(path: str) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", dtype={"ended_on": str, "contact_reasons": str, "assignments": str},
                       keep_default_na=False)


def run(n: int, rounds: int) -> None:
    df = synthetic_clients(n)
    pf = pl.from_pandas(df)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "clients.csv")
        df.to_csv(path, sep=";", index=False)
        size = os.path.getsize(path)
        print(f"\n{n:,} SYNTHETIC clients: clients.csv {size / 1e6:.0f} MB")
        report = lambda reg, **kw: po.annual_report(reg, year=YEAR, **kw)  # noqa: E731
        scan = lambda: pl.scan_csv(path, separator=";", try_parse_dates=True,  # noqa: E731
                                   schema_overrides={"ended_on": pl.Date, "assignments": pl.String})
        # Each contender: (what is timed, its result as cells for the check — not timed).
        Entry = Tuple[Callable[[], object], Callable[[object], "Cells | None"]]
        sources = {"CSV on disk": path, "pandas DataFrame": df, "polars DataFrame": pf}
        contenders: Dict[str, Dict[str, Entry]] = {
            kind: {
                "po": (lambda src=src: report(po.read_register_csv(clients=src), unprotected=True), po_cells),
                # The default, protected for publication: its cells differ (hidden ones), so
                # only its time is compared.
                "po, protected": (lambda src=src: report(po.read_register_csv(clients=src)), lambda r: None),
            }
            for kind, src in sources.items()
        }
        contenders["CSV on disk"].update({
            "polars": (lambda: polars_tables(scan(), YEAR), polars_cells),
            "DuckDB": (lambda: duckdb_tables(f"read_csv('{path}', delim=';', header=true, "
                                              "types={'ended_on': 'VARCHAR', 'assignments': 'VARCHAR'})", YEAR), duckdb_cells),
            "pandas": (lambda: pandas_tables(read_csv_pandas(path)), lambda c: c),
        })
        contenders["pandas DataFrame"].update({
            "polars": (lambda: polars_tables(pl.from_pandas(df).lazy(), YEAR), polars_cells),
            "DuckDB": (lambda: duckdb_tables("clients", YEAR, df), duckdb_cells),
            "pandas": (lambda: pandas_tables(df), lambda c: c),
        })
        contenders["polars DataFrame"].update({
            "polars": (lambda: polars_tables(pf.lazy(), YEAR), polars_cells),
            "DuckDB": (lambda: duckdb_tables("pf", YEAR, pf), duckdb_cells),
            "pandas": (lambda: pandas_tables(pf.to_pandas()), lambda c: c),
        })
        for kind, entries in contenders.items():
            times: Dict[str, List[float]] = {k: [] for k in entries}
            results: Dict[str, object] = {}
            names = list(entries)
            # One round untimed (first calls: imports, caches, the allocators' first pages),
            # then each round starts one contender later, so that none always runs first
            # (after pandas has churned through gigabytes) or always right after another.
            for f, _ in entries.values():
                f()
            for r in range(rounds):
                for name in names[r % len(names):] + names[:r % len(names)]:
                    f = entries[name][0]
                    t0 = time.perf_counter()
                    results[name] = f()
                    times[name].append(time.perf_counter() - t0)
            cells = {name: entries[name][1](r) for name, r in results.items()}
            for name, c in cells.items():
                assert c is None or c == cells["po"], f"{kind}: {name} differs from po"
            checked = sum(len(c) for c in cells["po"].values())
            best = min(statistics.median(t) for name, t in times.items() if name not in ("po", "po, protected"))
            print(f"  {kind} → client tables ({checked} cells, all equal; median of {rounds}):")
            for name, t in times.items():
                m = statistics.median(t)
                print(f"    {name:<14} {m * 1000:8.0f} ms   / best peer: {m / best:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"po {po.__version__}, Python {sys.version.split()[0]}, polars {pl.__version__}, "
          f"DuckDB {duckdb.__version__}, pandas {pd.__version__}, {os.cpu_count()} cores")
    for n in args.clients:
        run(n, args.rounds)


if __name__ == "__main__":
    main()
