#!/usr/bin/env bash
# What the test command installs, none of which needs the CPU much: Debian's chromium and JNA,
# maturin in .venv/, a fresh venv build/py/ with what the Python tests use (the wheel is added
# once built), and kotlinc from the npm package. tests/run-all.sh runs this beside the Rust build
# and waits for it before the first step that needs it. Usage: bash tests/prepare.sh BUILD PY
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=$1
PY=$2
KOTLIN_VERSION=${KOTLIN_VERSION:?set by tests/run-all.sh}
TOOLS=$BUILD/tools
mkdir -p "$TOOLS"

if ! command -v chromium >/dev/null || [ ! -f /usr/share/java/jna.jar ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libjna-java >/dev/null
fi

if [ ! -x .venv/bin/maturin ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "maturin>=1.9,<2"
fi
rm -rf "$PY" && python3 -m venv "$PY"
# pandas, polars, pyarrow, DuckDB and matplotlib are optional for users; the tests exercise every
# conversion (Arrow's PyCapsule interface with each of them: po-python/tests/test_arrow.py).
"$PY/bin/pip" install --quiet --disable-pip-version-check pytest mypy \
  pandas polars pyarrow duckdb matplotlib openpyxl odfpy

KOTLINC=$TOOLS/kotlin-compiler-$KOTLIN_VERSION/bin/kotlinc
if [ ! -x "$KOTLINC" ]; then
  (cd "$TOOLS" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null \
    && rm -rf "kotlin-compiler-$KOTLIN_VERSION" package \
    && tar xzf "kotlin-compiler-$KOTLIN_VERSION.tgz" && mv package "kotlin-compiler-$KOTLIN_VERSION" \
    && chmod +x "kotlin-compiler-$KOTLIN_VERSION/bin/"*)
fi
echo prepared
