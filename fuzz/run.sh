#!/usr/bin/env bash
# Runs the fuzz targets (nightly + cargo-fuzz; see README.md). Each target starts from the
# committed seed corpus (fuzz/corpus/<target>, read only) and writes what it finds to
# build/fuzz/<target>; a crash is saved in fuzz/artifacts/<target>/ and fails the run.
#   bash fuzz/run.sh [runs per target, default 10000000] [targets…]
#   WORKERS=2 bash fuzz/run.sh …   shares the runs between 2 processes (one per core)
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-10000000}
shift || true
TARGETS=${*:-identity_number code_list csv_register json_documents workbook chain_documents deviation_events}
WORKERS=${WORKERS:-1}

# csv_register spends most of its time building csv_core's DFA (once per file), and with
# trace-compares 60% of it in the comparison callbacks of that loop (measured with perf); it
# runs without them and without AddressSanitizer (po-core forbids unsafe code), at ~5× the
# executions per second. The other targets keep cargo-fuzz's defaults.
build_flags() {
  case $1 in
    csv_register|workbook|deviation_events) echo "-s none --no-trace-compares" ;;
    *) echo "" ;;
  esac
}

for t in $TARGETS; do
  mkdir -p "../build/fuzz/$t"
  echo "=== $t: $RUNS runs in $WORKERS process(es)"
  rm -f fuzz-*.log
  # shellcheck disable=SC2046 # the flags are words
  cargo +nightly fuzz run -O $(build_flags "$t") "$t" "../build/fuzz/$t" "corpus/$t" -- \
    -runs=$((RUNS / WORKERS)) -jobs="$WORKERS" -workers="$WORKERS" -max_len=4096 \
    -print_final_stats=1 >"../build/fuzz/$t.log" 2>&1 || true
  # Each worker logs to fuzz-N.log (in this folder); the parent repeats them in $t.log.
  cat "../build/fuzz/$t.log" \
    | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY)|Done [0-9]+ runs' || true
  rm -f fuzz-*.log
  if ls "artifacts/$t"/crash-* >/dev/null 2>&1; then echo "CRASH in $t"; exit 1; fi
  # A build failure or an aborted run has no final "Done": that is a failure too.
  grep -qE '^Done [0-9]+ runs' "../build/fuzz/$t.log" || { echo "FAILED: $t (see build/fuzz/$t.log)"; exit 1; }
done
