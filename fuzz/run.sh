#!/usr/bin/env bash
# Runs the fuzz targets (nightly + cargo-fuzz; see README.md). Each target starts from the
# committed seed corpus (fuzz/corpus/<target>, read only) and writes what it finds to
# build/fuzz/<target>; a crash is saved in fuzz/artifacts/<target>/ and fails the run.
#   bash fuzz/run.sh [runs per target, default 10000000] [targets…]
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-10000000}
shift || true
TARGETS=${*:-identity_number code_list csv_register json_documents}
for t in $TARGETS; do
  mkdir -p "../build/fuzz/$t"
  echo "=== $t: $RUNS runs"
  cargo +nightly fuzz run -O "$t" "../build/fuzz/$t" "corpus/$t" -- \
    -runs="$RUNS" -max_len=4096 -print_final_stats=1 2>&1 \
    | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY)|Done [0-9]+ runs' || true
  if ls "artifacts/$t"/crash-* >/dev/null 2>&1; then echo "CRASH in $t"; exit 1; fi
done
