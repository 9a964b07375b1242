"""Smoke test of the uniffi-generated Python module (not the pyo3 package)."""

import datetime
import sys

sys.path.insert(0, sys.argv[1])
import po_ffi  # noqa: E402

ref = datetime.date(2026, 1, 1)
info = po_ffi.parse_identity_number("19121212-1212", ref)
assert info.birth_date == datetime.date(1912, 12, 12), info
assert po_ffi.parse_code("gender", "Kvinnor").code == "woman"
try:
    po_ffi.parse_identity_number("19121212-1213", ref)
except po_ffi.PoError.InvalidIdentityNumber as e:
    assert "1213" not in str(e)
else:
    raise AssertionError("no exception")
print("uniffi Python smoke test passed")
