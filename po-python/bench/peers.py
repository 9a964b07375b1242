"""po against its peers, side by side in one run: polars, DuckDB and pandas (issue 15).

Run: ``.venv/bin/python po-python/bench/peers.py [--clients 1000000 100000] [--rounds 3]``
after ``maturin develop --release -m po-python/Cargo.toml`` and
``pip install polars duckdb pyarrow`` (benchmark-only dependencies: po needs none of them).

The same SYNTHETIC client export (``benchmark.synthetic_clients``) is given to each contender as
a semicolon CSV on disk and as a pandas DataFrame; each computes the client tables of the 10 §
report (active, new and closed clients by gender × age band, clients by area × gender, contact
reasons by gender, assignments by category) and **every cell is checked equal to po's**. The
rounds are interleaved (po, polars, DuckDB, pandas, po, …) so that the machine's drift hits
all alike; medians are printed with the ratio to po. Only ratios from one run mean anything
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


# ---- polars: one lazy query plan per table, collected together


def polars_tables(lf: pl.LazyFrame, year: int) -> Cells:
    started = pl.col("started_on").cast(pl.Utf8).str.to_date("%Y-%m-%d")
    ended = pl.col("ended_on").cast(pl.Utf8).str.to_date("%Y-%m-%d", strict=False)
    age = year - pl.col("birth_year")
    band = (pl.when(age <= 29).then(pl.lit("18_29")).when(age <= 49).then(pl.lit("30_49"))
            .when(age <= 64).then(pl.lit("50_64")).otherwise(pl.lit("65_plus")))
    active = (lf.with_columns(s=started, e=ended)
              .filter((pl.col("s").dt.year() <= year) & (pl.col("e").is_null() | (pl.col("e").dt.year() >= year)))
              .with_columns(band=band))
    by_age = lambda f: f.group_by("gender", "band").agg(n=pl.len())  # noqa: E731
    queries = {
        "active_clients": (by_age(active), ["gender", "band"]),
        "new_clients": (by_age(active.filter(pl.col("s").dt.year() == year)), ["gender", "band"]),
        "closed_clients": (by_age(active.filter(pl.col("e").dt.year() == year)), ["gender", "band"]),
        "clients_by_area": (active.group_by("area", "gender").agg(n=pl.len()), ["area", "gender"]),
        "contact_reasons": (active.select("id", "gender", r=pl.col("contact_reasons").str.split("|"))
                            .explode("r").unique(["id", "r"]).group_by("r", "gender").agg(n=pl.len()),
                            ["r", "gender"]),
        "assignments": (active.select(a=pl.col("assignments").fill_null("").str.split("|")).explode("a")
                        .filter(pl.col("a") != "").group_by("a").agg(n=pl.len()), ["a"]),
    }
    frames = pl.collect_all([q for q, _ in queries.values()])
    return {name: frame_cells(name, f.to_pandas(), keys) for (name, (_, keys)), f in zip(queries.items(), frames)}


# ---- DuckDB: SQL over the CSV file or the DataFrame


def duckdb_tables(source: str, year: int, frame: "pd.DataFrame | None" = None) -> Cells:
    con = duckdb.connect()
    if frame is not None:
        con.register(source, frame)
    con.execute(f"""CREATE TEMP VIEW active AS
        SELECT *, CASE WHEN {year} - birth_year <= 29 THEN '18_29' WHEN {year} - birth_year <= 49 THEN '30_49'
                       WHEN {year} - birth_year <= 64 THEN '50_64' ELSE '65_plus' END AS band
        FROM (SELECT *, CAST(started_on AS DATE) AS s, TRY_CAST(NULLIF(CAST(ended_on AS VARCHAR), '') AS DATE) AS e
              FROM {source})
        WHERE year(s) <= {year} AND (e IS NULL OR year(e) >= {year})""")
    q = {
        "active_clients": ("SELECT gender, band, count(*) n FROM active GROUP BY ALL", ["gender", "band"]),
        "new_clients": (f"SELECT gender, band, count(*) n FROM active WHERE year(s) = {year} GROUP BY ALL", ["gender", "band"]),
        "closed_clients": (f"SELECT gender, band, count(*) n FROM active WHERE year(e) = {year} GROUP BY ALL", ["gender", "band"]),
        "clients_by_area": ("SELECT area, gender, count(*) n FROM active GROUP BY ALL", ["area", "gender"]),
        "contact_reasons": ("SELECT r, gender, count(DISTINCT id) n FROM (SELECT id, gender, unnest(string_split(contact_reasons, '|')) r FROM active) GROUP BY ALL", ["r", "gender"]),
        "assignments": ("SELECT a, count(*) n FROM (SELECT unnest(string_split(coalesce(CAST(assignments AS VARCHAR), ''), '|')) a FROM active) WHERE a <> '' GROUP BY ALL", ["a"]),
    }
    return {name: frame_cells(name, con.execute(sql).df(), keys) for name, (sql, keys) in q.items()}


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
        report = lambda reg: po.annual_report(reg, year=YEAR, unprotected=True)  # noqa: E731
        contenders: Dict[str, Dict[str, Callable[[], Cells]]] = {
            "CSV on disk": {
                "po": lambda: po_cells(report(po.read_register_csv(clients=path))),
                "polars": lambda: polars_tables(pl.scan_csv(path, separator=";", infer_schema_length=10000,
                                                            schema_overrides={"ended_on": pl.Utf8, "assignments": pl.Utf8}), YEAR),
                "DuckDB": lambda: duckdb_tables(f"read_csv('{path}', delim=';', header=true, types={{'ended_on': 'VARCHAR', 'assignments': 'VARCHAR'}})", YEAR),
                "pandas": lambda: pandas_tables(read_csv_pandas(path)),
            },
            "pandas DataFrame": {
                "po": lambda: po_cells(report(po.read_register_csv(clients=df))),
                "polars": lambda: polars_tables(pl.from_pandas(df).lazy(), YEAR),
                "DuckDB": lambda: duckdb_tables("clients", YEAR, df),
                "pandas": lambda: pandas_tables(df),
            },
            "polars DataFrame": {
                "po": lambda: po_cells(report(po.read_register_csv(clients=pf))),
                "polars": lambda: polars_tables(pf.lazy(), YEAR),
                "DuckDB": lambda: duckdb_tables("pf", YEAR, pf),
                "pandas": lambda: pandas_tables(pf.to_pandas()),
            },
        }
        for kind, entries in contenders.items():
            times: Dict[str, List[float]] = {k: [] for k in entries}
            results: Dict[str, Cells] = {}
            for _ in range(rounds):
                for name, f in entries.items():
                    t0 = time.perf_counter()
                    results[name] = f()
                    times[name].append(time.perf_counter() - t0)
            for name, cells in results.items():
                assert cells == results["po"], f"{kind}: {name} differs from po"
            checked = sum(len(c) for c in results["po"].values())
            po_s = statistics.median(times["po"])
            print(f"  {kind} → client tables ({checked} cells, all equal; median of {rounds}):")
            for name, t in times.items():
                print(f"    {name:<7} {statistics.median(t) * 1000:8.0f} ms   po / {name}: {po_s / statistics.median(t):5.2f}")


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
