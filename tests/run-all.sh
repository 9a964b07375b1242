#!/usr/bin/env bash
# Every test of po, on a fresh machine: Rust, the HTML report in headless Chromium, Python (the
# wheel, installed), Kotlin on the JVM and Java. Installs what it needs into build/
# and .venv/ (both git-ignored), and Debian's chromium;
# see shared/TOOLCHAIN.md for why each step is done this way. Usage: bash tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build
TOOLS=$BUILD/tools
# The kotlinc used (tests/prepare.sh installs it).
export KOTLIN_VERSION=2.4.20
mkdir -p "$TOOLS"
# Honour CARGO_TARGET_DIR and workspace settings: ask cargo where it builds.
TARGET=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
step() { printf '\n=== %s\n' "$*"; }
PY=$BUILD/py

# Downloads and installs (Chromium, JNA, the Python venvs, kotlinc) wait on the network and the
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
cargo clippy --workspace --all-targets --quiet -- -D warnings
# One profile for every test and every artifact (what ships is built in release): the tests run
# in release, with issue 13's property — 10 000 random registers against an attacker with its
# own LP (a debug build runs 16) — among them; po-ffi's library and the wheel below reuse the
# same release build of po-core, so no crate is built twice in two profiles.
cargo test --release --workspace --quiet -- --skip no_random_register_can_be_undone
# The 10 000-register property (minutes on two cores) runs beside the steps below, which leave
# a core idle much of the time (downloads, installs, the JVM); its result is awaited at the end.
cargo test --release --quiet -p po-tests --test suite no_random_register_can_be_undone \
  > "$BUILD/attack.log" 2>&1 &
ATTACK=$!
# Every feature's docs (the domain's with workbooks and schemas, as docs.rs builds po-core; the
# boundary's for both languages), warnings denied. Not po-ffi's `cli`: only the generator's bin.
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet -p po-core --all-features \
  -p po-ffi --features po-ffi/python -p po-python -p po-examples -p po-tests
# po-core packages and builds from its crate alone, as crates.io would take it.
cargo publish --dry-run --allow-dirty --quiet -p po-core
# The examples must keep running, not just compiling.
for example in po-demo intake-queue varmland-costs; do
  cargo run --release --quiet -p po-examples --bin "$example" > /dev/null
done

prepared
step "The report as a document: po report's HTML in headless Chromium"
bash tests/browser/check-report.sh "$BUILD"

step "Python: the wheel a user installs, in a fresh venv"
# maturin in a tools venv (tests/prepare.sh); the release wheel built from po-python (po-ffi's
# `python` feature), installed into the fresh venv build/py that holds only what the tests use.
rm -rf "$BUILD/wheels" && .venv/bin/maturin build --release --quiet -m po-python/Cargo.toml --out "$BUILD/wheels"
"$PY/bin/pip" install --quiet --disable-pip-version-check --no-deps "$BUILD"/wheels/*.whl
# Run from the tests' directory so that the installed package, not the source tree, is imported.
(cd po-python/tests && "$PY/bin/python" -m pytest -q -p no:cacheprovider .)
# The hand-written stub must match the native module exactly (its __all__ lists every name);
# the pure-Python part is type-checked against it.
"$PY/bin/python" -m mypy.stubtest personligt_ombud._native --mypy-config-file po-python/pyproject.toml
(cd po-python && "$PY/bin/python" -m mypy python/personligt_ombud)
step "Python: the notebook-style example"
MPLBACKEND=Agg "$PY/bin/python" examples/python/notebook.py "$BUILD/notebook" > /dev/null

step "uniffi: generate Kotlin and Swift sources"
bash po-ffi/generate-bindings.sh "$BUILD/bindings" --release > /dev/null

step "Kotlin on the JVM: JNA and kotlinc"
JNA=/usr/share/java/jna.jar
KOTLINC=$TOOLS/kotlin-compiler-$KOTLIN_VERSION/bin/kotlinc
KT_OUT=$BUILD/kotlin && rm -rf "$KT_OUT" && mkdir -p "$KT_OUT"
# The generated Kotlin compiled once, on its own (the jar a vendor ships); the test program
# compiled against it.
"$KOTLINC" -nowarn -cp "$JNA" $(find "$BUILD/bindings" -name '*.kt') -d "$KT_OUT/po-ffi.jar" 2>&1 \
  | grep -v '^warning' || true
test -f "$KT_OUT/po-ffi.jar"
"$KOTLINC" -nowarn -cp "$JNA:$KT_OUT/po-ffi.jar" tests/kotlin/*.kt -d "$KT_OUT/po-test.jar" 2>&1 \
  | grep -v '^warning' || true
test -f "$KT_OUT/po-test.jar"
STDLIB=$TOOLS/kotlin-compiler-$KOTLIN_VERSION/lib/kotlin-stdlib.jar
java -Djna.library.path="$TARGET/release" -cp "$KT_OUT/po-test.jar:$KT_OUT/po-ffi.jar:$STDLIB:$JNA" \
  FfiTestKt "$ROOT/tests/vectors"

step "Java calling the Kotlin API, with only the jars the README names"
# A vendor's classpath: the generated Kotlin jar above, the Kotlin standard library, JNA; and
# the release library (what a vendor ships).
VENDOR_CP="$KT_OUT/po-ffi.jar:$STDLIB:$JNA"
javac -nowarn -d "$KT_OUT/java" -cp "$VENDOR_CP" tests/java/VendorExample.java
java -Djna.library.path="$TARGET/release" -cp "$KT_OUT/java:$VENDOR_CP" \
  VendorExample "$ROOT/tests/vectors"

step "The 10 000-register disclosure property (run beside the steps above)"
if ! wait "$ATTACK"; then cat "$BUILD/attack.log"; exit 1; fi
grep -E "test result" "$BUILD/attack.log"

step "All tests passed"
