"""The shared vectors (tests/vectors/*.json), checked through the Python package."""

import datetime
import decimal
import json
import pathlib

import pytest

import personligt_ombud as po

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load(name):
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


IDENTITY = load("identity.json")
CODES = load("codes.json")
PSEUDONYMS = load("pseudonyms.json")


@pytest.mark.parametrize("case", IDENTITY["cases"], ids=lambda c: c["input"])
def test_identity(case):
    ref = datetime.date.fromisoformat(IDENTITY["reference_date"])
    if "error" in case:
        with pytest.raises(po.InvalidIdentityNumberError) as info:
            po.IdentityNumber.parse(case["input"], ref)
        assert str(info.value) == case["error"]
    else:
        n = po.IdentityNumber.parse(case["input"], ref)
        assert n.kind == case["kind"]
        assert n.birth_date == datetime.date.fromisoformat(case["birth_date"])
        assert n.legal_gender == case["legal_gender"]
        assert n.age_on(ref) == case["age"]


@pytest.mark.parametrize("case", CODES["cases"], ids=lambda c: f'{c["list"]}:{c["input"]}')
def test_codes(case):
    if "error" in case:
        with pytest.raises(po.UnknownCodeError) as info:
            po.parse_code(case["list"], case["input"])
        assert str(info.value) == case["error"]
    else:
        assert po.parse_code(case["list"], case["input"]).code == case["code"]


@pytest.mark.parametrize("case", PSEUDONYMS["cases"], ids=lambda c: c.get("input", c.get("id")))
def test_pseudonyms(case):
    ref = datetime.date.fromisoformat(PSEUDONYMS["reference_date"])
    key = po.PseudonymKey(bytes.fromhex(case["key_hex"]))
    if "input" in case:
        assert key.pseudonym(po.IdentityNumber.parse(case["input"], ref)) == case["pseudonym"]
    else:
        assert key.pseudonym_of_id(case["id"]) == case["pseudonym"]


# ---- Vectors of the domain functions: the same files and expectations as Rust and Kotlin.

ERRORS = {
    "UnknownCode": po.UnknownCodeError,
    "InvalidIdentityNumber": po.InvalidIdentityNumberError,
    "InvalidRegister": po.InvalidRegisterError,
    "InvalidInput": po.InvalidInputError,
}


def expect(case, call):
    """Runs ``call``; an error case must raise the named class with the exact message."""
    if "error" in case:
        with pytest.raises(ERRORS[case["error"]]) as info:
            call()
        # The kind is exact: an InvalidRegisterError is also an InvalidInputError.
        assert type(info.value) is ERRORS[case["error"]]
        assert str(info.value) == case["message"]
        return None
    return call()


def day(text):
    return None if text is None else datetime.date.fromisoformat(text)


def criterion(value):
    if value is None:
        return None
    if set(value) == {"answer"}:
        return value["answer"]
    if set(value) == {"details"}:
        return value["details"]
    return value  # both: a dict, as the binding accepts


ELIGIBILITY = load("eligibility.json")


@pytest.mark.parametrize("case", ELIGIBILITY["cases"], ids=lambda c: c["name"])
def test_eligibility(case):
    i = case["input"]
    age = day(i["birth_date"]) if "birth_date" in i else i.get("age_years")
    a = expect(
        case,
        lambda: po.assess_eligibility(
            as_of=day(case["as_of"]),
            age=age,
            psychiatric_disability=i.get("psychiatric_disability"),
            difficulties=criterion(i.get("difficulties")),
            needs=criterion(i.get("needs")),
            long_term_contacts=criterion(i.get("long_term_contacts")),
            readings=case["readings"],
        ),
    )
    if a is not None:
        assert a.outcome == case["outcome"]
        assert {f.criterion: f.status for f in a.findings} == case["findings"]
        assert [q.criterion for q in a.questions] == case["questions"]


RANKING = load("ranking.json")


@pytest.mark.parametrize("case", RANKING["cases"], ids=lambda c: c["name"])
def test_ranking(case):
    applicants = [
        {k: (day(v) if k in ("birth_date", "queued_on", "left_queue_on") else v) for k, v in a.items()}
        for a in RANKING["applicants"]
    ]

    def run():
        if "policy" in case:
            policy = po.PriorityPolicy.preset(case["policy"])
        else:
            policy = po.PriorityPolicy.from_json(case["policy_json"])
        return po.rank(applicants, policy, day(case["on"]))

    ranked = expect(case, run)
    if ranked is not None:
        assert [r.id for r in ranked] == case["order"]
        assert [r.deciding_group for r in ranked] == case["deciding"]
        assert [r.days_waited for r in ranked] == case["days_waited"]


GRANT = load("grant.json")


@pytest.mark.parametrize("case", GRANT["cases"], ids=lambda c: c["name"])
def test_grant(case):
    def run():
        if case["function"] == "amount_per_position":
            return {"expected": po.amount_per_position(case["money_for_positions"], case["positions"])}
        if case["function"] == "service_grant":
            return {"expected": po.service_grant(case["amount_per_position"], case["positions"])}
        r = po.repayment(
            decimal.Decimal(case["received"]),
            decimal.Decimal(case["used_for_purpose"]),
            decided_on=datetime.date.fromisoformat(case["decided_on"]),
            report_submitted=case["report_submitted"],
            waived=case["waived"],
        )
        return {"liable": r.liable, "amount": r.amount}

    values = expect(case, run)
    for key, value in (values or {}).items():
        assert isinstance(value, decimal.Decimal)
        assert str(value) == case[key]  # exact, scale included


ALLOCATION = load("allocation.json")


@pytest.mark.parametrize("case", ALLOCATION["cases"], ids=lambda c: c["name"])
def test_allocation(case):
    path = VECTORS / "agreements" / case["agreement"]
    a = expect(case, lambda: po.read_agreement(path).allocate())
    if a is not None:
        assert str(a.municipal_net) == case["municipal_net"]
        assert str(a.rounding_difference) == case["rounding_difference"]
        by_code = {p.code: p for p in a.participants}
        for code, fee in case["fees"].items():
            assert str(by_code[code].fee) == fee
        for code, total in case["totals"].items():
            assert str(by_code[code].total) == total
        assert all(c.holds for c in a.checks)


REPORT = load("report.json")


@pytest.mark.parametrize("case", REPORT["cases"], ids=lambda c: c["name"])
def test_report(case):
    register = po.read_register_json(VECTORS / "registers" / case["register"])
    r = po.annual_report(
        register,
        year=case["year"],
        service_name=case["service_name"],
        # "k": null asks for an unprotected report; a number protects at that k.
        **({"unprotected": True} if case["k"] is None else {"k": case["k"]}),
    )
    for cell in case["cells"]:
        assert r.table(cell["table"]).get(cell["row"], cell["column"]) == cell["value"], cell
    for name, total in case["totals"].items():
        assert r.table(name).total == total
    text = lambda d: "" if d is None else str(d)  # noqa: E731
    assert text(r.assignments_per_client.value) == case["assignments_per_client"]
    assert text(r.deviations_with_feedback.value) == case["deviations_with_feedback"]
    assert r.survey_response_rate is not None
    assert text(r.survey_response_rate.value) == case["survey_response_rate"]
    assert r.waiting.clients == case["waiting_count"]
    assert str(r.waiting.median_days) == case["waiting_median_days"]
    assert r.waiting.max_days == case["waiting_max_days"]
    assert str(r.staff.positions) == case["positions"]
    assert sum(r.hidden_cells.values()) == case["hidden_cells"]
