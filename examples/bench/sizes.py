#!/usr/bin/env python3
"""Memory and time of `po check` in proportion to the input (issue 33 point 2).

For each size (default 1, 10, 100 and 500 MB) it writes a SYNTHETIC client export of about that
size (the bundled clients.csv's rows repeated with new ids), a register JSON of the same rows,
and runs `po check` on each in a fresh process, reading the process's peak resident memory
(`ru_maxrss` from `os.wait4`, no tool beyond Python; it includes the ~10 MB of the Python
process it was forked from, since a peak is inherited across fork and exec) and its wall time. Hostile inputs of the
same family run too: a CSV of one 64 MB line (a cell beyond Excel's limit) and a workbook whose
sheet declares ten million rows (a zip bomb in miniature). Prints a Markdown table for
BENCHMARKS.md.

    python3 examples/bench/sizes.py [--po target/release/po] [--sizes 1,10,100,500] [--dir DIR]
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "examples" / "data" / "synthetic-2023" / "clients.csv"


def clients_csv(path: pathlib.Path, megabytes: int) -> int:
    """Rows of the bundled export repeated with new ids until the file has `megabytes` MB."""
    header, *rows = CLIENTS.read_text(encoding="utf-8").splitlines()
    bodies = [r.split(";", 1)[1] for r in rows]
    target = megabytes * 1_000_000
    written, n = 0, 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        while written < target:
            chunk = []
            for body in bodies:
                chunk.append(f"SYNTHETIC-{n:09d};{body}\n")
                n += 1
            text = "".join(chunk)
            f.write(text)
            written += len(text.encode("utf-8"))
    return n


def run(po: str, args: list) -> tuple:
    """Wall seconds, peak resident MB and exit code of one `po` process."""
    start = time.perf_counter()
    proc = subprocess.Popen([po, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def bomb(path: pathlib.Path) -> None:
    """A workbook whose one sheet declares ten million rows and holds two million (beyond
    Excel's 1 048 576), about 140 MB of XML deflated to about 10 MB."""
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>x</t></is></c></row>'
                   for i in range(1, 10_001))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                   'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                   'worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{pkg_ns}">'
                   f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{main_ns}" '
                   f'xmlns:r="{rel_ns}"><sheets><sheet name="klienter" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships '
                   f'xmlns="{pkg_ns}"><Relationship Id="rId1" Type="{rel_ns}/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(f'<?xml version="1.0"?><worksheet xmlns="{main_ns}"><dimension '
                    'ref="A1:A10000000"/><sheetData>'.encode())
            chunk = rows.encode()
            for _ in range(200):
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--po", default=str(ROOT / "target" / "release" / "po"))
    p.add_argument("--sizes", default="1,10,100,500")
    p.add_argument("--dir", default=None)
    p.add_argument("--bomb", default=None, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.bomb:
        bomb(pathlib.Path(a.bomb))
        return
    work = pathlib.Path(a.dir or tempfile.mkdtemp(prefix="po-sizes-"))
    work.mkdir(parents=True, exist_ok=True)
    print("| Input | Size | Rows | Wall | Peak memory | Memory / size | Exit |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for mb in (int(s) for s in a.sizes.split(",")):
        (work / f"{mb}mb").mkdir(exist_ok=True)
        path = work / f"{mb}mb" / "clients.csv"  # po knows an export by its name
        rows = clients_csv(path, mb)
        size = path.stat().st_size / 1e6
        seconds, peak, code = run(a.po, ["check", str(path)])
        print(f"| `po check` clients CSV | {size:.0f} MB | {rows:,} | {seconds:.2f} s | "
              f"{peak:.0f} MB | {peak / size:.2f} | {code} |".replace(",", " "))
        sys.stdout.flush()
        path.unlink()
    (work / "long").mkdir(exist_ok=True)
    long_line = work / "long" / "clients.csv"
    with long_line.open("w") as f:
        f.write("id;gender;started_on;area\nk1;woman;2023-01-01;" + "x" * 64_000_000 + "\n")
    seconds, peak, code = run(a.po, ["check", str(long_line)])
    print(f"| `po check` CSV, one 64 MB cell | 64 MB | 1 | {seconds:.2f} s | {peak:.0f} MB | "
          f"{peak / 64:.2f} | {code} |")
    long_line.unlink()
    book = work / "export.xlsx"
    # Written by a child process: a parent's peak memory is inherited across fork and exec
    # (ru_maxrss), and these strings would count as po's.
    subprocess.run([sys.executable, __file__, "--bomb", str(book)], check=True)
    size = book.stat().st_size / 1e6
    seconds, peak, code = run(a.po, ["check", str(book)])
    print(f"| `po check` workbook declaring 10⁷ rows | {size:.1f} MB | — | {seconds:.2f} s | "
          f"{peak:.0f} MB | — | {code} |")
    book.unlink()


if __name__ == "__main__":
    main()
