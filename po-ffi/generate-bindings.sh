#!/usr/bin/env bash
# Generates the Kotlin and Swift sources of po-ffi from the built library (uniffi library mode)
# and copies the native library beside them. (No uniffi Python: Python's one API is the
# personligt_ombud package, built from the same boundary by po-python.)
#   bash po-ffi/generate-bindings.sh [OUT_DIR] [--release]
# OUT_DIR defaults to build/bindings. It gets kotlin/se/po/ffi/po_ffi.kt (with JNA ≥ 5.12; the
# Maven build in po-ffi/jvm compiles it and packs the library into the jar), swift/ (po_ffi.swift,
# po_ffiFFI.h, po_ffiFFI.modulemap: generated, not compiled here) and libpo_ffi.so, the
# library for this platform (.dylib, .dll built on each other target platform).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/build/bindings}
PROFILE=debug
CARGO_FLAGS=()
if [ "${2:-}" = "--release" ]; then PROFILE=release; CARGO_FLAGS=(--release); fi
cd "$ROOT"
TARGET=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
# The library and the generator: given (PO_FFI_LIBRARY and UNIFFI_BINDGEN, as the test command
# passes its own release build), or built here.
LIBRARY=${PO_FFI_LIBRARY:-}
BINDGEN=${UNIFFI_BINDGEN:-}
if [ -z "$LIBRARY" ] || [ -z "$BINDGEN" ]; then
  cargo build --quiet "${CARGO_FLAGS[@]}" -p po-ffi
  # The generator in the same profile as the library, so that po-core is not built twice.
  cargo build --quiet "${CARGO_FLAGS[@]}" -p po-ffi --features cli --bin uniffi-bindgen
  LIBRARY=$TARGET/$PROFILE/libpo_ffi.so
  BINDGEN=$TARGET/$PROFILE/uniffi-bindgen
fi
rm -rf "$OUT" && mkdir -p "$OUT"
for language in kotlin swift; do
  "$BINDGEN" generate "$LIBRARY" \
    -l "$language" -o "$OUT/$language" --no-format
done
# uniffi renders a structured exception's message as "reason=…, problems=…"; po's message is
# its reason (the field, the value unless personal data, what was expected), so say just that.
# The fields stay: `PoException.InvalidRegister.problems` lists every problem.
KT="$OUT/kotlin/se/po/ffi/po_ffi.kt"
sed -i -E 's/get\(\) = "reason=\$\{ `reason` \}(, problems=\$\{ `problems` \})?"/get() = `reason`/' "$KT"
if grep -q 'get() = "reason=' "$KT"; then echo "generate-bindings: PoException messages not rewritten" >&2; exit 1; fi
cp "$LIBRARY" "$OUT/libpo_ffi.so"
echo "$OUT"
