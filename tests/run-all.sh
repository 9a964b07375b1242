#!/usr/bin/env bash
# Every test of po, on a fresh machine: Rust, the HTML report in headless Chromium, Python (pyo3
# package), Kotlin on the JVM, and the uniffi Python module. Installs what it needs into build/
# and .venv/ (both git-ignored), and Debian's chromium;
# see shared/TOOLCHAIN.md for why each step is done this way. Usage: bash tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build
TOOLS=$BUILD/tools
KOTLIN_VERSION=2.4.20
mkdir -p "$TOOLS"
# Honour CARGO_TARGET_DIR and workspace settings: ask cargo where it builds.
TARGET=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
step() { printf '\n=== %s\n' "$*"; }

step "Rust: format, lints, tests, docs"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo test --workspace --quiet
# Issue 13's property: 10 000 random registers against an attacker with its own LP. Release
# profile (about 4–5 minutes on 2 cores; a debug `cargo test` runs 16 of them).
cargo test --release --quiet -p po-tests --test disclosure_attack
RUSTDOCFLAGS="-D warnings" cargo doc -p po-core --no-deps --quiet
# The examples must keep running, not just compiling.
for example in po-demo intake-queue varmland-costs; do
  cargo run --quiet -p po-examples --bin "$example" > /dev/null
done

step "The report as a document: po report's HTML in headless Chromium"
bash tests/browser/check-report.sh "$BUILD"

step "Python: venv with maturin and pytest"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
# pandas, polars, pyarrow, DuckDB and matplotlib are optional for users; the tests exercise every
# conversion (Arrow's PyCapsule interface with each of them: po-python/tests/test_arrow.py).
.venv/bin/pip install --quiet --disable-pip-version-check "maturin>=1.9,<2" pytest mypy \
  pandas polars pyarrow duckdb matplotlib openpyxl odfpy
# maturin develop builds the abi3 extension (debug) into the venv.
VIRTUAL_ENV=$ROOT/.venv PATH=$ROOT/.venv/bin:$PATH \
  .venv/bin/maturin develop --quiet -m po-python/Cargo.toml
.venv/bin/python -m pytest -q po-python/tests
# The hand-written stub must match the native module exactly (its __all__ lists every name);
# the pure-Python part is type-checked against it.
.venv/bin/python -m mypy.stubtest personligt_ombud._native --mypy-config-file po-python/pyproject.toml
(cd po-python && ../.venv/bin/python -m mypy python/personligt_ombud)
step "Python: the notebook-style example"
MPLBACKEND=Agg .venv/bin/python examples/python/notebook.py "$BUILD/notebook" > /dev/null

step "uniffi: generate Kotlin and Swift sources"
bash po-ffi/generate-bindings.sh "$BUILD/bindings" > /dev/null

step "Kotlin on the JVM: JNA and kotlinc"
JNA=/usr/share/java/jna.jar
if [ ! -f "$JNA" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq libjna-java >/dev/null
fi
KOTLINC=$TOOLS/kotlin-compiler-$KOTLIN_VERSION/bin/kotlinc
if [ ! -x "$KOTLINC" ]; then
  (cd "$TOOLS" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null \
    && rm -rf "kotlin-compiler-$KOTLIN_VERSION" package \
    && tar xzf "kotlin-compiler-$KOTLIN_VERSION.tgz" && mv package "kotlin-compiler-$KOTLIN_VERSION" \
    && chmod +x "kotlin-compiler-$KOTLIN_VERSION/bin/"*)
fi
KT_OUT=$BUILD/kotlin && rm -rf "$KT_OUT" && mkdir -p "$KT_OUT"
"$KOTLINC" -nowarn -cp "$JNA" $(find "$BUILD/bindings" -name '*.kt') tests/kotlin/*.kt \
  -include-runtime -d "$KT_OUT/po-test.jar" 2>&1 | grep -v '^warning' || true
test -f "$KT_OUT/po-test.jar"
java -Djna.library.path="$TARGET/debug" -cp "$KT_OUT/po-test.jar:$JNA" FfiTestKt "$ROOT/tests/vectors"

step "Java calling the Kotlin API, with only the jars the README names"
# A vendor's classpath: the generated Kotlin compiled on its own, the Kotlin standard library,
# JNA; and the release library (what a vendor ships).
cargo build --release --quiet -p po-ffi
"$KOTLINC" -nowarn -cp "$JNA" $(find "$BUILD/bindings" -name '*.kt') -d "$KT_OUT/po-ffi.jar" 2>&1 \
  | grep -v '^warning' || true
STDLIB=$TOOLS/kotlin-compiler-$KOTLIN_VERSION/lib/kotlin-stdlib.jar
VENDOR_CP="$KT_OUT/po-ffi.jar:$STDLIB:$JNA"
javac -nowarn -d "$KT_OUT/java" -cp "$VENDOR_CP" tests/java/VendorExample.java
java -Djna.library.path="$TARGET/release" -cp "$KT_OUT/java:$VENDOR_CP" \
  VendorExample "$ROOT/tests/vectors"

step "All tests passed"
