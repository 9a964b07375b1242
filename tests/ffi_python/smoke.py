"""Smoke test of the uniffi-generated Python module (not the pyo3 package)."""

import datetime
import decimal
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

# Money arrives as decimal.Decimal, exact to the öre.
grant = po_ffi.service_grant(decimal.Decimal("394873"), decimal.Decimal("0.5"))
assert grant == decimal.Decimal("197436.50") and str(grant) == "197436.50", grant
a = po_ffi.assess_eligibility(
    po_ffi.EligibilityInput(age_years=40), ref, po_ffi.eligibility_readings("statute")
)
assert a.outcome == "undetermined" and len(a.questions) == 4, a
try:
    po_ffi.service_grant(decimal.Decimal("NaN"), decimal.Decimal(1))
except po_ffi.PoError.InvalidInput as e:
    assert str(e).startswith("decimal: expected a decimal number"), e
else:
    raise AssertionError("NaN accepted")
print("uniffi Python smoke test passed")
