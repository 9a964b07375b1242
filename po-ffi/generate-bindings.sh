#!/usr/bin/env bash
# Generates the Kotlin, Swift and Python sources of po-ffi from the built library (uniffi
# library mode) and copies the native library beside them.
#   bash po-ffi/generate-bindings.sh [OUT_DIR] [--release]
# OUT_DIR defaults to build/bindings. Ship OUT_DIR/se/po/ffi/po_ffi.kt (with JNA ≥ 5.12),
# po_ffi.swift + po_ffiFFI.h + po_ffiFFI.modulemap, or po_ffi.py, together with
# libpo_ffi.so (.dylib, .dll) built for each target platform.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/build/bindings}
PROFILE=debug
CARGO_FLAGS=()
if [ "${2:-}" = "--release" ]; then PROFILE=release; CARGO_FLAGS=(--release); fi
cd "$ROOT"
TARGET=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
cargo build --quiet "${CARGO_FLAGS[@]}" -p po-ffi
# The generator itself is small and always built for the host in debug.
cargo build --quiet -p po-ffi --features cli --bin uniffi-bindgen
rm -rf "$OUT" && mkdir -p "$OUT"
"$TARGET/debug/uniffi-bindgen" generate "$TARGET/$PROFILE/libpo_ffi.so" \
  -l kotlin -l swift -l python -o "$OUT" --no-format
cp "$TARGET/$PROFILE/libpo_ffi.so" "$OUT/"
echo "$OUT"
