#!/usr/bin/env bash
# Every test of po, on a fresh machine: Rust, the HTML report in headless Chromium, Python (the
# wheel, installed), Kotlin and Java on the JVM (Maven, JUnit 5). Installs what it needs into
# build/ and .venv/ (both git-ignored), and Debian's chromium;
# see shared/TOOLCHAIN.md for why each step is done this way. Usage: bash tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build
mkdir -p "$BUILD"
# Honour CARGO_TARGET_DIR and workspace settings: ask cargo where it builds.
TARGET=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
# Each step with the seconds since the start, so that the log shows where the time goes.
step() { printf '\n=== %s (at %d s)\n' "$*" "$SECONDS"; }
# A part of a step, timed the same way (where the minutes of a cold run go).
part() { printf -- '--- %s (at %d s)\n' "$*" "$SECONDS"; }
PY=$BUILD/py

# Downloads and installs (Chromium, the Python venvs, Maven's repository) wait on the network and the
# disk: they run beside the Rust build and are awaited before the first step that needs them.
bash tests/prepare.sh "$BUILD" "$PY" > "$BUILD/prepare.log" 2>&1 &
PREPARE=$!
prepared() {
  if [ -n "${PREPARE:-}" ]; then
    if ! wait "$PREPARE"; then cat "$BUILD/prepare.log"; exit 1; fi
    PREPARE=""
  fi
}

step "Rust: format, lints, tests, docs, package"
cargo fmt --all -- --check
part "clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
# One release build of every Rust test and artifact, in one feature resolution, so that no crate
# is built twice (each differing selection of packages or targets resolves features anew and
# rebuilt po-core: six times before): the tests, the examples and the `po` command, po-ffi's
# library and its uniffi generator (`cli`). Only po-python is left to maturin (its library links
# Python). What ships is built in release, and the tests run in release, with issue 13's
# property — 10 000 random registers against an attacker with its own LP — among them.
RUST=(--release --workspace --exclude po-python --features po-ffi/cli)
part "release build"
cargo build "${RUST[@]}" --lib --bins --tests --quiet
# The 10 000-register property (minutes on one core) runs beside the steps below, from the test
# binary built above, starting with the other tests (whose last minute runs on one thread and
# would leave a core idle); its result is awaited at the end.
SUITE=$(cargo test "${RUST[@]}" --no-run --message-format=json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "suite" \
            and "#po-tests@" in m["package_id"] and m.get("executable"):
        print(m["executable"])')
test -x "$SUITE"
"$SUITE" --quiet no_random_register_can_be_undone > "$BUILD/attack.log" 2>&1 &
ATTACK=$!
# A step that fails ends the run: the jobs beside it with it (and their children: Maven's).
stop_beside() {
  for job in $(jobs -p); do
    pkill -P "$job" 2>/dev/null || true
    kill "$job" 2>/dev/null || true
  done
}
trap stop_beside EXIT
part "tests"
cargo test "${RUST[@]}" --quiet -- --skip no_random_register_can_be_undone
# Every feature's docs (the domain's with workbooks and schemas, as docs.rs builds po-core; the
# boundary's for both languages), warnings denied. Not po-ffi's `cli` (only the generator's
# bin), which `--all-features` would turn on for every package named: a minute more.
part "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet -p po-core -p po-ffi -p po-python \
  -p po-examples -p po-tests --features po-core/excel,po-core/schema,po-ffi/python
# po-core packages as crates.io would take it, and the packed crate compiles on its own, with
# every feature and the lock file it carries. Checked rather than built: cargo's own verify step
# is a debug build of po-core and all it depends on, code generation that nothing else here
# uses (about a minute of the cold run); what can go wrong in packing a library crate (a file
# left out, a path dependency, a feature) fails its check as well.
part "package"
cargo package --no-verify --allow-dirty --quiet -p po-core
VERSION=$(cargo metadata --format-version 1 --no-deps | python3 -c '
import json, sys
print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "po-core"))')
UNPACKED=$(mktemp -d)
tar -xzf "$TARGET/package/po-core-$VERSION.crate" -C "$UNPACKED"
CARGO_TARGET_DIR="$TARGET" cargo check --locked --offline --quiet --all-features \
  --manifest-path "$UNPACKED/po-core-$VERSION/Cargo.toml" || { rm -rf "$UNPACKED"; exit 1; }
rm -rf "$UNPACKED"
# The examples must keep running, not just compiling (the binaries built above).
for example in po-demo intake-queue varmland-costs; do
  "$TARGET/release/$example" > /dev/null
done
# The later steps use these artifacts of the build above rather than building their own.
export PO="$TARGET/release/po"
export PO_FFI_LIBRARY="$TARGET/release/libpo_ffi.so" UNIFFI_BINDGEN="$TARGET/release/uniffi-bindgen"

prepared
# Kotlin and Java on the JVM need only the release build above (and Maven's downloads): they run
# beside the browser and Python steps, whose single-threaded parts (pytest, mypy, Chromium) and
# the wheel's last crates leave a core free; their result is awaited after them.
# Maven's downloads stay in build/m2, so a second run fetches nothing (tests/prepare.sh fetched
# most of them beside the Rust build). po-ffi/jvm generates the Kotlin (uniffi) from the release
# build above, packs libpo_ffi.so into the jar and runs the JUnit 5 tests; `install` puts
# se.po:po-ffi into build/m2, where the Java example finds it by its coordinates alone.
MVN=(mvn -B -ntp -Dmaven.repo.local="$BUILD/m2")
jvm() {
  "${MVN[@]}" -f po-ffi/jvm/pom.xml install > "$BUILD/jvm.log" 2>&1 || return 1
  "${MVN[@]}" -f examples/java/pom.xml verify > "$BUILD/java.log" 2>&1 || return 2
}
rm -f "$BUILD/jvm.log" "$BUILD/java.log"
jvm &
JVM=$!

step "The report as a document: po report's HTML in headless Chromium"
bash tests/browser/check-report.sh "$BUILD"

step "Python: the wheel a user installs, in a fresh venv"
# maturin in a tools venv (tests/prepare.sh); the release wheel built from po-python (po-ffi's
# `python` feature), installed into the fresh venv build/py that holds only what the tests use.
part "the wheel"
rm -rf "$BUILD/wheels"
if ! .venv/bin/maturin build --release -m po-python/Cargo.toml --out "$BUILD/wheels" > "$BUILD/wheel.log" 2>&1; then
  cat "$BUILD/wheel.log"; exit 1
fi
# The wheel's own cargo run should compile only pyo3, arrow and the two binding crates; po-core
# again means the feature alignment in po-ffi/Cargo.toml has fallen behind (minutes of CI).
if grep -q "Compiling po-core" "$BUILD/wheel.log"; then
  echo "NOTE: the wheel compiled po-core again: see the feature alignment in po-ffi/Cargo.toml"
fi
"$PY/bin/pip" install --quiet --disable-pip-version-check --no-deps "$BUILD"/wheels/*.whl
part "pytest"
# Run from the tests' directory so that the installed package, not the source tree, is imported.
(cd po-python/tests && "$PY/bin/python" -m pytest -q -p no:cacheprovider .)
# The hand-written stub must match the native module exactly (its __all__ lists every name);
# the pure-Python part is type-checked against it.
part "stubtest, mypy"
"$PY/bin/python" -m mypy.stubtest personligt_ombud._native --mypy-config-file po-python/pyproject.toml
(cd po-python && "$PY/bin/python" -m mypy python/personligt_ombud)
step "Python: the notebook-style example"
MPLBACKEND=Agg "$PY/bin/python" examples/python/notebook.py "$BUILD/notebook" > /dev/null

step "Kotlin and Java on the JVM: the Maven artifact, its JUnit tests, a vendor's project (run beside the steps above)"
JVM_STATUS=0
wait "$JVM" || JVM_STATUS=$?
case $JVM_STATUS in
  0) ;;
  2) cat "$BUILD/java.log"; exit 1 ;;
  *) cat "$BUILD/jvm.log"; exit 1 ;;
esac
# Surefire's count of every JVM test (its reports are in po-ffi/jvm/target/surefire-reports).
grep -E "Tests run: [0-9]+, Failures" "$BUILD/jvm.log" | tail -1
grep "Java vendor example" "$BUILD/java.log"

step "The 10 000-register disclosure property (run beside the steps above)"
if ! wait "$ATTACK"; then cat "$BUILD/attack.log"; exit 1; fi
grep -E "test result" "$BUILD/attack.log"

step "All tests passed"
