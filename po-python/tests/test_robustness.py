"""Malformed input raises a typed exception and never aborts the process; no personal data in
any repr or message."""

import datetime
from decimal import Decimal

import pytest

import personligt_ombud as po

D = datetime.date
PNR = "19121212-1212"


def hidden(text):
    return PNR not in text and "12121212" not in text and "1212-1212" not in text


def test_identity_numbers_are_never_shown():
    n = po.IdentityNumber.parse(PNR, D(2026, 1, 1))
    assert hidden(repr(n)) and hidden(str(n))
    with pytest.raises(po.InvalidIdentityNumberError) as info:
        po.IdentityNumber.parse("19121212-1213", D(2026, 1, 1))
    assert "1213" not in str(info.value)
    with pytest.raises(po.UnknownCodeError) as info:
        po.parse_code("gender", PNR)
    assert hidden(str(info.value)) and "not shown" in str(info.value)
    assert repr(po.PseudonymKey(b"0123456789abcdef")) == "PseudonymKey(<secret>)"


def test_register_problems_and_reports_do_not_carry_numbers():
    csv = f"id;gender;started_on\n{PNR};{PNR};2023-01-01\n".encode()
    with pytest.raises(po.InvalidRegisterError) as info:
        po.read_register_csv(clients=csv)
    assert hidden(str(info.value)) and all(hidden(repr(p)) for p in info.value.problems)
    ok = f"id;gender;started_on\n{PNR};woman;2023-01-01\n".encode()
    report = po.annual_report(po.read_register_csv(clients=ok), year=2023)
    assert hidden(report.to_json()) and hidden(report.to_markdown())
    with pytest.raises(po.InvalidInputError) as info:
        po.rank([po.Applicant(PNR, D(1990, 1, 1), D(2023, 1, 1))] * 2, "national_2019", D(2024, 1, 1))
    assert hidden(str(info.value))


@pytest.mark.parametrize(
    "call",
    [
        lambda: po.assess_eligibility(as_of="2024-01-01"),  # a string for a date
        lambda: po.assess_eligibility(as_of=D(2024, 1, 1), difficulties=[1, 2]),
        lambda: po.Applicant(5, D(1990, 1, 1), D(2023, 1, 1)),
        lambda: po.rank(None, "national_2019", D(2024, 1, 1)),
        lambda: po.service_grant(None, 1),
        lambda: po.annual_report(None, year=2023),
        lambda: po.annual_report(po.Register.from_json("{}"), year=2023, k=-1),
        lambda: po.annual_report(po.Register.from_json("{}"), year=2023, k=1),
        lambda: po.annual_report(po.Register.from_json("{}"), year=2023, population={"1780": ("K", -5)}),
        lambda: po.read_register_csv(clients=b"\xff\xfe\x00\x01garbage"),
        lambda: po.Register.from_json("{" * 10_000),
        lambda: po.Register.from_json("not json"),
        lambda: po.Agreement.from_json('{"year": 2024, "host": "1780", "participants": [], "costs": []}').allocate(),
        lambda: po.grant_calendar(10_000_000),
        lambda: po.check_leadership_group([], as_of=D(2013, 7, 31)),
        lambda: po.amount_per_position(Decimal("1e-40"), Decimal("79228162514264337593543950335")),
    ],
)
def test_malformed_input_raises_a_typed_exception(call):
    with pytest.raises((po.PoError, TypeError)):
        call()


def test_empty_and_large_inputs():
    assert po.rank([], "varmland_2023", D(2024, 1, 1)) == ()
    many = [po.Applicant(f"a{i}", D(1980, 1, 1), D(2023, 1, 1) + datetime.timedelta(days=i % 300))
            for i in range(50_000)]
    ranked = po.rank(many, "varmland_2023", D(2024, 1, 1))
    assert len(ranked) == 50_000 and ranked[0].days_waited == 365
    empty = po.annual_report(po.Register.from_json("{}"), year=2023)
    assert empty.table("active_clients").total == 0 and empty.assignments_per_client.value is None
