#!/usr/bin/env bash
# The report as a document, opened as a reader opens it: `po report` writes the HTML of the
# bundled SYNTHETIC exports, headless Chromium (Debian's `chromium`, installed here when
# missing) renders it to a PNG screenshot and to its DOM, and the text a reader sees is checked:
# the title, Swedish number formatting (decimal comma), English labels in the English document,
# municipality names, the protection section. Then the report (Swedish, English, and one with
# a table of 13 columns), and the national compilation, are printed to PDF and no word may
# be off its A4 page (issue 32 point 5; fits-a4.py, with Poppler's pdftotext).
# Usage: bash tests/browser/check-report.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
OUT=$BUILD/browser
rm -rf "$OUT" && mkdir -p "$OUT"

if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
fi

# The test command passes its release build of `po` in PO; alone, this builds it.
if [ -z "${PO:-}" ]; then
  cargo build --release --quiet -p po-examples --bin po
  PO=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/po
fi
"$PO" report examples/data/synthetic-2023 --year 2023 \
  --format html --lang sv,en --service "PO Värmland (SYNTETISKA DATA)" --out "$OUT" >/dev/null

# The flags this machine's closed network needs (see the environment notes): no background
# connections, no first-run or component updates, a fresh profile.
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" "$@" 2>/dev/null
}

fail=0
expect() { # FILE TEXT: the rendered DOM of FILE contains TEXT
  if ! grep -qF -- "$2" "$1"; then echo "missing in $1: $2"; fail=1; fi
}
refuse() { # FILE TEXT: the rendered DOM of FILE does not contain TEXT
  if grep -qF -- "$2" "$1"; then echo "unexpected in $1: $2"; fail=1; fi
}

for lang in sv en; do
  html=$OUT/report-2023.$lang.html
  url="file://$(realpath "$html")"
  chrome --window-size=1240,1754 --screenshot="$(realpath "$OUT")/report-2023.$lang.png" "$url" >/dev/null
  test -s "$OUT/report-2023.$lang.png" || { echo "no screenshot of $html"; exit 1; }
  chrome --dump-dom "$url" > "$OUT/report-2023.$lang.dom.html"
  test -s "$OUT/report-2023.$lang.dom.html" || { echo "Chromium rendered nothing of $html"; exit 1; }
done

sv=$OUT/report-2023.sv.dom.html
en=$OUT/report-2023.en.dom.html
expect "$sv" "Redovisning enligt 10 § förordning (2013:522) 2023 – PO Värmland (SYNTETISKA DATA)"
expect "$sv" "Uppdrag per klient</th><td>5,"   # a decimal comma
expect "$sv" "Skydd mot röjande"
expect "$sv" "Karlstad (1780)"                  # municipalities by name
expect "$sv" "<svg"                              # charts inline
expect "$en" "Report under section 10 of ordinance 2013:522 2023"
expect "$en" "Assignments per client</th><td>5."
expect "$en" "<th>Woman</th>"                    # English row labels
refuse "$en" "<th>Kvinna</th>"
refuse "$sv" "Uppdrag per klient</th><td>5."
[ "$fail" -eq 0 ] || exit 1

# Printed on A4: the report in both languages; a report whose intake table has 12 areas as
# columns (printed turned, the areas as rows); the SYNTHETIC nation's compilation.
WIDE=$OUT/wide-exports
mkdir -p "$WIDE"
cp examples/data/synthetic-2023/clients.csv "$WIDE/"
awk -F';' 'BEGIN { OFS = ";" } NR > 1 { $2 = "Stadsdelsområde " (NR % 12 + 1) } { print }' \
  examples/data/synthetic-2023/intake.csv > "$WIDE/intake.csv"
"$PO" report "$WIDE" --year 2023 --format html --out "$OUT/wide" >/dev/null
"$PO" synthetic-nation --out "$OUT/nation" >/dev/null
"$PO" compile "$OUT/nation" --year 2023 --format html --out "$OUT/compiled" >/dev/null
printed=0
for html in "$OUT"/report-2023.sv.html "$OUT"/report-2023.en.html "$OUT"/wide/report-2023.sv.html \
    "$OUT"/compiled/*.html; do
  pdf=${html%.html}.pdf
  chrome --no-pdf-header-footer --print-to-pdf="$(realpath "$pdf")" "file://$(realpath "$html")" >/dev/null
  python3 tests/browser/fits-a4.py "$html" "$pdf" || fail=1
  printed=$((printed + 1))
done
grep -q 'class="table turned"' "$OUT/wide/report-2023.sv.html" || { echo "the wide table is not turned"; fail=1; }
[ "$fail" -eq 0 ] || exit 1
echo "browser: $printed documents printed on A4 without a word off the page"
echo "browser: both documents rendered ($(du -h "$OUT/report-2023.sv.png" | cut -f1) screenshot) and read as expected"
