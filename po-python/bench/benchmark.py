"""Benchmarks of po-python, and the peer an analyst would otherwise write: pandas.

Run: ``.venv/bin/python po-python/bench/benchmark.py [--clients 1000000]`` (after
``maturin develop --release -m po-python/Cargo.toml`` for release figures). It prints the
figures recorded in BENCHMARKS.md:

- the annual report (10 §) of a SYNTHETIC register given as a pandas DataFrame: loading it
  (DataFrame → po's validating CSV import) and computing the report;
- an idiomatic pandas implementation of the same tables, run in the same process on the same
  DataFrame, checked to give exactly the same numbers, and the ratio;
- the per-call cost of one eligibility assessment from Python.

Speed is measured here and in ``cargo bench``, never asserted in tests.
"""

import argparse
import datetime
import statistics
import sys
import time
import timeit
from typing import Callable, Dict, List, Tuple

import numpy as np
import pandas as pd

import personligt_ombud as po

YEAR = 2023
AREAS = ["Centrala", "Norra", "Västra", "Östra"]
MUNICIPALITIES = [m.code for m in po.varmland_municipalities()]
GENDERS = ["woman", "man", "other"]
REASONS = [v.code for v in po.code_list("contact_reason")]
CATEGORIES = [v.code for v in po.code_list("assignment_category")]


def synthetic_clients(n: int, seed: int = 1) -> pd.DataFrame:
    """A deterministic SYNTHETIC client export of ``n`` rows, as a case system writes it."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), unit="D")
    waited = pd.to_timedelta(rng.integers(0, 120, n), unit="D")
    length = pd.to_timedelta(rng.integers(30, 4 * 365, n), unit="D")
    ended = (start + length).where(rng.random(n) < 0.6)
    ended = ended.where(ended <= pd.Timestamp("2024-12-31"))

    def lists(codes: List[str], low: int, high: int) -> List[str]:
        counts = rng.integers(low, high + 1, n)
        picks = rng.integers(0, len(codes), counts.sum())
        out, i = [], 0
        for c in counts:
            out.append("|".join(codes[j] for j in picks[i : i + c]))
            i += c
        return out

    return pd.DataFrame(
        {
            "id": [f"SYNTHETIC-{i:07d}" for i in range(n)],
            "gender": np.array(GENDERS)[rng.choice(3, n, p=[0.55, 0.44, 0.01])],
            "birth_year": rng.integers(1940, 2004, n),
            "municipality": np.array(MUNICIPALITIES)[rng.integers(0, len(MUNICIPALITIES), n)],
            "area": np.array(AREAS)[rng.integers(0, len(AREAS), n)],
            "applied_on": (start - waited).strftime("%Y-%m-%d"),
            "started_on": start.strftime("%Y-%m-%d"),
            "ended_on": pd.Series(ended).dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
            "children_at_home": rng.random(n) < 0.15,
            "contact_reasons": lists(REASONS, 1, 3),
            "assignments": lists(CATEGORIES, 0, 10),
        }
    )


# ---- the peer: the same tables, as an analyst would write them in pandas

AGE_BANDS = [(18, 29, "18_29"), (30, 49, "30_49"), (50, 64, "50_64"), (65, 200, "65_plus")]


def pandas_report(df: pd.DataFrame, year: int) -> Dict[str, pd.DataFrame]:
    started = pd.to_datetime(df["started_on"])
    ended = pd.to_datetime(df["ended_on"].replace("", None))
    active = df[(started.dt.year <= year) & (ended.isna() | (ended.dt.year >= year))].copy()
    a_started, a_ended = started[active.index], ended[active.index]
    age = year - active["birth_year"]
    active["age_band"] = pd.cut(age, bins=[17, 29, 49, 64, 200], labels=[b[2] for b in AGE_BANDS])
    by_age = lambda d: pd.crosstab(d["gender"], d["age_band"])  # noqa: E731
    new = active[a_started.dt.year == year]
    closed = active[a_ended.dt.year == year]
    reasons = active.assign(reason=active["contact_reasons"].str.split("|")).explode("reason")
    reasons = reasons.drop_duplicates(["id", "reason"])
    assignments = active["assignments"].str.split("|").explode()
    assignments = assignments[assignments != ""]
    return {
        "active_clients": by_age(active),
        "new_clients": by_age(new),
        "closed_clients": by_age(closed),
        "clients_by_area": pd.crosstab(active["area"], active["gender"]),
        "children_at_home": active[active["children_at_home"]].groupby("gender").size().to_frame("n"),
        "contact_reasons": pd.crosstab(reasons["reason"], reasons["gender"]),
        "assignments": assignments.value_counts().to_frame("n"),
    }


def labels(list_name: str) -> Dict[str, str]:
    return {v.code: v.label_sv for v in po.code_list(list_name)}


def same_numbers(peer: Dict[str, pd.DataFrame], report: po.AnnualReport) -> None:
    """Every cell of the pandas tables equals po's (po labels rows and columns in Swedish)."""
    gender, band = labels("gender"), labels("age_band")
    reason, category = labels("contact_reason"), labels("assignment_category")
    checked = 0
    for name in ("active_clients", "new_clients", "closed_clients"):
        for (g, b), n in peer[name].stack().items():
            assert report.table(name).get(gender[g], band[b]) == n, (name, g, b)
            checked += 1
    for (a, g), n in peer["clients_by_area"].stack().items():
        assert report.table("clients_by_area").get(a, gender[g]) == n
        checked += 1
    for g, n in peer["children_at_home"]["n"].items():
        assert report.table("children_at_home").get(gender[g], "Klienter") == n
        checked += 1
    for (r, g), n in peer["contact_reasons"].stack().items():
        assert report.table("contact_reasons").get(reason[r], gender[g]) == n
        checked += 1
    for c, n in peer["assignments"]["n"].items():
        assert report.table("assignments").get(category[c], "Uppdrag") == n
        checked += 1
    print(f"  same numbers: {checked} cells checked against po")


def best_of(repeat: int, f: Callable[[], object]) -> Tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rust-report-ms", type=float, default=None,
                        help="cargo bench's annual_report_1m median, for the ratio")
    args = parser.parse_args()

    print(f"po {po.__version__}, Python {sys.version.split()[0]}, pandas {pd.__version__}")
    t0 = time.perf_counter()
    df = synthetic_clients(args.clients)
    print(f"SYNTHETIC register: {len(df):,} clients (made in {time.perf_counter() - t0:.1f} s)")

    load, register = best_of(1, lambda: po.read_register_csv(clients=df))
    print(f"po: DataFrame → validated register      {load * 1000:9.0f} ms")
    report_s, report = best_of(args.repeat, lambda: po.annual_report(register, year=YEAR))
    print(f"po: annual report                       {report_s * 1000:9.0f} ms")
    peer_s, peer = best_of(args.repeat, lambda: pandas_report(df, YEAR))
    print(f"pandas: the same tables                 {peer_s * 1000:9.0f} ms")
    same_numbers(peer, report)
    print(f"  pandas / po (report):                 {peer_s / report_s:9.1f} ×")
    print(f"  pandas / po (load + report):          {peer_s / (load + report_s):9.1f} ×")
    if args.rust_report_ms:
        print(f"  po from Python / Rust (report):       {report_s * 1000 / args.rust_report_ms:9.2f} ×")

    calls = 100_000
    as_of = datetime.date(2024, 3, 1)
    birth = datetime.date(1990, 5, 5)

    def one() -> None:
        po.assess_eligibility(as_of=as_of, age=birth, psychiatric_disability=True,
                              difficulties=["housing", "economy"], needs=True,
                              long_term_contacts=None)

    def empty(**_: object) -> None:
        return None

    def same_keywords() -> None:
        empty(as_of=as_of, age=birth, psychiatric_disability=True,
              difficulties=["housing", "economy"], needs=True, long_term_contacts=None)

    per_call = min(timeit.repeat(one, number=calls, repeat=3)) / calls
    floor = min(timeit.repeat(same_keywords, number=calls, repeat=3)) / calls
    print(f"po: one eligibility assessment          {per_call * 1e6:9.2f} µs per call")
    print(f"  an empty Python call, same keywords:  {floor * 1e6:9.2f} µs per call")

    # A table of 10⁶ cases at once (assess_eligibility_batch), from a polars frame.
    try:
        import polars as pl
    except ImportError:
        return
    n = 1_000_000
    cases = pl.DataFrame({
        "age": [18 + i % 70 for i in range(n)],
        "psychiatric_disability": ["ja" if i % 5 else "nej" for i in range(n)],
        "difficulties": ["housing|economy" if i % 3 else "housing" for i in range(n)],
        "needs": ["ja" if i % 4 else "vet ej" for i in range(n)],
        "long_term_contacts": ["ja" if i % 2 else "social_services" for i in range(n)],
    })
    batch_s, batch = best_of(args.repeat, lambda: po.assess_eligibility_batch(cases, as_of=as_of))
    assert sum(batch.counts.values()) == n
    print(f"po: 10⁶ cases in one batch (polars)      {batch_s * 1000:9.0f} ms = "
          f"{n / batch_s / 1e6:.1f}·10⁶ cases/s; {batch.counts}")
    print(f"  (median of 3 reports: {statistics.median([report_s]) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
