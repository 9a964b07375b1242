#!/usr/bin/env bash
# What the test command installs, none of which needs the CPU much: Debian's chromium and
# poppler-utils (pdftotext, for the print check), maturin
# in .venv/, a fresh venv build/py/ with what the Python tests use (the wheel is added once
# built), and the plugins and dependencies of the Maven builds into build/m2. tests/run-all.sh runs this beside the Rust build
# and waits for it before the first step that needs it. Usage: bash tests/prepare.sh BUILD PY
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=$1
PY=$2

if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
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

# Maven's plugins and the artifact's dependencies (kotlin-stdlib, JNA, JUnit, the Kotlin
# compiler), fetched while Rust builds; what go-offline misses is fetched by the build itself.
mvn -B -q -ntp -Dmaven.repo.local="$BUILD/m2" -f po-ffi/jvm/pom.xml \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline
echo prepared
