#!/usr/bin/env python3
"""Instructions of the validating import, phase by phase (issue 36 point 3).

Runs `import_clients` (the example `examples/examples/import_clients.rs`: one strict import of
a clients export) under `valgrind --tool=callgrind`, which counts instructions, not seconds:
the same binary and input give the same count whatever else the machine is doing. Each
function's own instructions (inlined code counts where it was inlined) are put in a phase by
its name, below; the table says how many instructions each phase took per row. With several
binaries (say, one built before a change and one after) the columns stand side by side.

    cargo build --release -p po-examples --example import_clients
    python3 examples/bench/phases.py FILE target/release/examples/import_clients [OTHER ...]

A callgrind output made before may stand in a binary's place. FILE: e.g. the 10⁶-client export of `po-python/bench/peers.py` (`benchmark.synthetic_clients`
written with `to_csv(sep=";")`). Kernel work (page faults, the file's copy) is not counted by
callgrind; time spent waiting on memory is not an instruction either: the two are why time
and instructions do not fall alike.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# A function's phase: the first pattern found in its name (order matters).
PHASES = [
    ("decode (UTF-8)", ["from_utf8", "io::read::decode", "encoding_rs"]),
    # A run's thread body (`__rust_begin_short_backtrace`) is where the line loop and its split
    # were inlined before 2026-12-07; `try_fold` collected the lines.
    ("split (lines, cells)", ["memchr", "each_line", "plain_parts", "plain_lines", "sheet::split",
                              "csv::", "csv_core", "__rust_begin_short_backtrace", "try_fold"]),
    ("cells (look-up, trim)", ["Row::raw", "trim_matches", "Cells::get"]),
    ("intern (ids, areas)", ["IdSet::", "KeyedHash", "Names::share", "unique_id", "hashbrown"]),
    ("merge (repeats, runs joined)", ["ids::repeats", "slice::sort", "leave_out", "by_hash"]),
    ("validate (codes, dates, flags, checks; the row builder)",
     ["read_clients_on::{{closure}}", "codes::", "LabelMap", "date_of", "Row::date", "time::",
      "with_folded", "text::fold", "MunicipalityCode", "date_problems", "Row::flag", "free_text",
      "privacy::", "Row::code", "each_item", "list_of", "cell_problem", "line_is_clean",
      "read_applicant", "input::today", "clock_gettime", "SystemTime"]),
    ("rows (set up, kept, their memory)", ["in_runs", "RowAt::read", "malloc", "free", "realloc",
                                           "raw_vec", "drop_in_place", "memcpy", "memmove",
                                           "memset", "spec_from_iter", "spec_extend"]),
]
OTHER = "other (start-up, reading the file, threads)"
LINE = re.compile(r"^\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$")


def annotate(out: str) -> str:
    return subprocess.run(["callgrind_annotate", "--threshold=100", out], capture_output=True, text=True,
                          check=True).stdout


def count(binary: str, file: str, rows: int) -> "tuple[dict, int]":
    with open(binary, "rb") as f:
        given = f.read(18) == b"# callgrind format"
    if given:  # a callgrind output already made
        listing = annotate(binary)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "callgrind.out")
            run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, file, "1"],
                                 capture_output=True, text=True, check=True)
            said = re.search(r"^(\d+) clients", run.stdout, re.M)
            rows = int(said.group(1)) if said else rows
            listing = annotate(out)
    phases = {name: 0 for name, _ in PHASES}
    phases[OTHER] = 0
    for line in listing.splitlines():
        m = LINE.match(line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        n, function = int(m.group(1).replace(",", "")), m.group(2)
        phase = next((name for name, patterns in PHASES if any(p in function for p in patterns)), OTHER)
        phases[phase] += n
    return phases, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--rows", type=int, default=0,
                        help="the file's rows, for a binary that does not print them")
    args = parser.parse_args()
    columns = [count(b, args.file, args.rows) for b in args.binaries]
    rows = columns[0][1]
    print(f"{rows:,} rows; instructions per row (callgrind)\n")
    print("| Phase | " + " | ".join(os.path.basename(b) for b in args.binaries) + " |")
    print("|---|" + "---:|" * len(args.binaries))
    for name in list(columns[0][0]):
        print(f"| {name} | " + " | ".join(f"{c[name] / rows:,.0f}" for c, _ in columns) + " |")
    totals = [sum(c.values()) for c, _ in columns]
    print("| **total** | " + " | ".join(f"**{t / rows:,.0f}**" for t in totals) + " |")


if __name__ == "__main__":
    sys.exit(main())
