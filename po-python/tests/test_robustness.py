"""Malformed input raises a typed exception and never aborts the process; no personal data in
any repr or message."""

import datetime
from decimal import Decimal

import pytest

import personligt_ombud as po
from _columns import OPTIONAL_CSV

D = datetime.date
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
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
    csv = f"id;gender;started_on{OPTIONAL_CSV}\n{PNR};{PNR};2023-01-01\n".encode()
    with pytest.raises(po.InvalidRegisterError) as info:
        po.read_register_csv(clients=csv)
    assert hidden(str(info.value)) and all(hidden(repr(p)) for p in info.value.problems)
    ok = f"id;gender;started_on{OPTIONAL_CSV}\n{PNR};woman;2023-01-01\n".encode()
    report = po.annual_report(po.read_register_csv(clients=ok), year=2023)
    assert hidden(report.to_json()) and hidden(report.to_markdown())
    with pytest.raises(po.InvalidInputError) as info:
        po.rank([po.Applicant(PNR, D(1990, 1, 1), D(2023, 1, 1))] * 2, "national_2019", D(2024, 1, 1))
    assert hidden(str(info.value))


@pytest.mark.parametrize(
    "call",
    [
        lambda: po.assess_eligibility(as_of="2024-13-01"),  # a string that is no date
        lambda: po.assess_eligibility(as_of=20240101),  # a number for a date
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


REGISTER = po.Register.from_json("{}")
REPORT = po.annual_report(REGISTER, year=2023)
AGREEMENT = '{"year": 2024, "host": "1780", "participants": [{"code": "1780", "name": "K", "adults": 5}], "costs": [], "rounding": "%s"}'


@pytest.mark.parametrize(
    "call",
    [
        lambda s: po.parse_code("gender", s),
        lambda s: po.parse_code(s, "woman"),
        lambda s: po.code_list(s),
        lambda s: po.municipality_code(s),
        lambda s: po.PriorityPolicy.preset(s),
        lambda s: po.rank([], s, D(2024, 1, 1)),
        lambda s: REPORT.to_markdown(s),
        lambda s: REPORT.table(s),
        lambda s: po.read_register_csv(clients=b"id;gender;started_on\nk;woman;2023-01-01\n", vocabulary=s),
        lambda s: po.read_register_csv(clients=f"id;gender;started_on\nk;woman;{s}\n".encode()),
        lambda s: po.read_register_csv(clients=f"id;gender;started_on;{s}\nk;woman;2023-01-01;x\n".encode()),
        lambda s: po.audit_tables([], relations=[(s, [], [])]),
        lambda s: po.audit_tables([], relations=[("=", [(s, None, None)], [])]),
        lambda s: po.assess_eligibility(as_of=D(2024, 1, 1), difficulties=[s]),
        lambda s: po.check_leadership_group([(s, "x")], as_of=D(2024, 1, 1)),
        lambda s: po.annual_report(REGISTER, year=2023, population={s: ("K", 5)}),
        lambda s: po.Agreement.from_json(AGREEMENT % s),
        lambda s: po.Register.from_json('{"clients": [{"id": "a", "gender": "%s"}]}' % s),
        lambda s: po.adults_from_scb_csv(f"region;ålder;2023\n{s};20 år;5\n"),
    ],
)
def test_no_message_echoes_an_identity_number(call):
    """One personal-data filter (po_core::privacy) for every message that leaves po: an
    identity number typed into any string argument is never echoed."""
    for pnr in (PNR, "121212-1212", "191212121212"):
        with pytest.raises((po.PoError, TypeError)) as info:
            call(pnr)
        text = str(info.value) + "".join(repr(p) for p in getattr(info.value, "problems", []))
        assert "12121212" not in text.replace("-", "").replace("+", ""), text


def test_local_vocabulary_is_the_callers_choice():
    header = "id;gender;started_on;contact_reasons" + OPTIONAL_CSV.replace(";contact_reasons", "")
    csv = f"{header}\nk;woman;2023-01-01;Stöd i kontakt med myndighet och sjukvård\n"
    with pytest.raises(po.InvalidRegisterError, match="contact_reason"):
        po.read_register_csv(clients=csv.encode())  # no local labels assumed
    r = po.read_register_csv(clients=csv.encode(), vocabulary="varmland")
    assert r.client_count == 1
    with pytest.raises(po.UnknownCodeError, match="expected one of none, varmland"):
        po.read_register_csv(clients=csv.encode(), vocabulary="stockholm")


def test_an_iso_date_string_means_the_date_everywhere():
    # Issue 33: ISO date strings and date objects are read alike (po-core's one reading).
    assert po.assess_eligibility(as_of="2024-01-01", age=40) == po.assess_eligibility(as_of=D(2024, 1, 1), age=40)
    a = po.Applicant("a", "1990-01-01", "2023-01-01", left_queue_on="2024-06-01")
    assert (a.birth_date, a.queued_on, a.left_queue_on) == (D(1990, 1, 1), D(2023, 1, 1), D(2024, 6, 1))
    with pytest.raises(po.InvalidInputError, match=r'queued_on: expected an ISO date such as 2024-03-01, got "1 jan"'):
        po.Applicant("a", "1990-01-01", "1 jan")



def test_every_date_argument_takes_an_iso_string_as_the_date():
    # Issue 33 point 5: the functions shared with Kotlin read an ISO string as the date too,
    # and name the argument when it is not one.
    dev = po.DeviationRegister.from_events_csv(
        b"id;date;event;event_type;level;counterpart;description;consequence;reply_by;summary\n"
        b"d1;2024-01-15;documented;access_to_care_and_support;caseworker;forsakringskassan;;;;\n")
    assert dev.period_view("2024-01-01", "2024-03-31") == dev.period_view(D(2024, 1, 1), D(2024, 3, 31))
    assert dev.meeting_document("2023-12-31", "2024-03-31") == dev.meeting_document(D(2023, 12, 31), D(2024, 3, 31))
    n = po.IdentityNumber.parse("19121212-1212", "2026-01-01")
    assert n.age_on("2026-01-01") == n.age_on(D(2026, 1, 1)) and n.to_short("2026-01-01") == n.to_short(D(2026, 1, 1))
    assert po.grant(394_873, 10, decided_on="2023-02-01") == po.grant(394_873, 10, decided_on=D(2023, 2, 1))
    assert po.repayment(100, 90, decided_on="2024-05-01") == po.repayment(100, 90, decided_on=D(2024, 5, 1))
    members = [("municipality", "Karlstad")]
    assert po.check_leadership_group(members, as_of="2023-12-31") == po.check_leadership_group(members, as_of=D(2023, 12, 31))
    assert po.varmland_leadership_group_2023("2023-12-31") == po.varmland_leadership_group_2023(D(2023, 12, 31))
    queue = [po.Applicant("a", "1990-01-01", "2023-01-01")]
    assert po.queue_statistics(queue, "2024-01-01", "2024-01-01") == po.queue_statistics(queue, D(2024, 1, 1), D(2024, 1, 1))
    with pytest.raises(po.InvalidInputError, match=r'from_date: expected an ISO date such as 2024-03-01, got "1 jan"'):
        dev.period_view("1 jan", "2024-03-31")
    with pytest.raises(po.InvalidInputError, match="decided_on: expected a datetime.date or an ISO date string"):
        po.grant(394_873, 10, decided_on=20230201)


def test_the_survey_reads_from_an_arrow_table_or_says_what_it_takes():
    # Issue 33: the docstring lists pyarrow tables; a survey given as one is read, and a value
    # of another kind is po's error naming the argument, not a TypeError.
    pa = pytest.importorskip("pyarrow")
    data = ROOT / "examples" / "data" / "synthetic-2023"
    text = (data / "survey.csv").read_text(encoding="utf-8").splitlines()
    header, rows = text[0].split(";"), [r.split(";") for r in text[1:] if r]
    table = pa.table({h: [r[i] if i < len(r) else "" for r in rows] for i, h in enumerate(header)})
    from_table = po.read_register_csv(clients=data / "clients.csv", survey=table, survey_sent=40)
    from_file = po.read_register_csv(clients=data / "clients.csv", survey=data / "survey.csv", survey_sent=40)
    assert from_table.counts == from_file.counts and from_table.counts["survey_responses"] > 0
    with pytest.raises(po.InvalidInputError, match="survey: expected bytes, a path, a DataFrame or an Arrow table, got int"):
        po.read_register_csv(clients=data / "clients.csv", survey=42, survey_sent=40)
