"""Grant and cost sharing through the Python package: Decimal in and out, floats refused."""

import datetime
import json
import pathlib
from decimal import Decimal

import pytest

import personligt_ombud as po

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
VARMLAND = DATA / "varmland-2023-agreement.json"


def test_grant_per_position_seed_001():
    assert po.amount_per_position(99_960_000, 333) == Decimal(300_180)
    assert po.amount_per_position("99960000", Decimal("333")) == 300_180
    # "exactly 333 positions" is 60 kr off (seed 001).
    assert Decimal(99_960_000) - po.amount_per_position(99_960_000, 333) * 333 == 60
    grant = po.service_grant(394_873, "0.5")
    assert isinstance(grant, Decimal) and str(grant) == "197436.50"


@pytest.mark.parametrize(
    "value, message",
    [
        (0.5, "positions: expected a decimal.Decimal, an int or a decimal string, got a float (money is never a float)"),
        (Decimal("NaN"), "positions: expected a finite decimal number of at most 28 significant digits, got \"NaN\""),
        (Decimal("Infinity"), "positions: expected a finite decimal number of at most 28 significant digits, got \"Infinity\""),
        (Decimal("1e40"), "positions: expected a finite decimal number of at most 28 significant digits, got \"1E+40\""),
        ("ten", "positions: expected a finite decimal number of at most 28 significant digits, got \"ten\""),
        (True, "positions: expected a decimal.Decimal, an int or a decimal string, got bool"),
        ([1], "positions: expected a decimal.Decimal, an int or a decimal string, got list"),
    ],
)
def test_bad_amounts_are_refused_with_the_field(value, message):
    with pytest.raises(po.InvalidInputError) as info:
        po.service_grant(394_873, value)
    assert str(info.value) == message


def test_scientific_notation_is_exact():
    assert po.service_grant(Decimal("3.94873E+5"), 1) == Decimal("394873.00")


def test_repayment_under_15():
    r = po.repayment(394_873, 300_000, decided_on=datetime.date(2024, 6, 30))
    assert r.stamp.as_of == datetime.date(2024, 6, 30) and "15 §" in r.stamp.rules
    g = po.grant(394_873, 10, decided_on=datetime.date(2023, 2, 1))  # Värmland 2023, seed 003
    assert g.amount == 3_948_730 and g.stamp.as_of == datetime.date(2023, 2, 1) and "9 §" in g.stamp.rules
    assert (r.liable, r.amount) == (94_873, 94_873) and "15 §" in r.source
    full = po.repayment(394_873, 0, decided_on=datetime.date(2024, 6, 30), report_submitted=False, waived="full")
    assert (full.liable, full.amount) == (394_873, 0)
    part = po.repayment(394_873, 0, decided_on=datetime.date(2024, 6, 30), report_submitted=False,
                        waived=Decimal(100_000))
    assert part.amount == 294_873
    with pytest.raises(po.InvalidInputError, match="received: expected an amount of zero or more kronor, got -1"):
        po.repayment(-1, 0, decided_on=datetime.date(2024, 6, 30))


def test_grant_calendar_and_national_budget_seed_001_table_5():
    c = po.grant_calendar(2023)
    assert c.municipal_report_due == datetime.date(2024, 1, 15)
    assert c.socialstyrelsen_report_due == datetime.date(2024, 5, 15)
    b = po.NationalBudget(year=2019, total=104_460_000, socialstyrelsen_admin=1_500_000,
                          county_boards_admin=3_000_000)
    assert b.money_for_positions() == 99_960_000
    o = b.outcome(1_500_000, 3_000_000, 99_230_503, 1_630_200)
    assert (o.spent, o.net, o.remaining) == (103_730_503, 102_100_303, 2_359_697)
    with pytest.raises(po.InvalidInputError):
        po.NationalBudget(year=2019, total=1.0, socialstyrelsen_admin=0, county_boards_admin=0)


def test_varmland_2023_cost_sharing():
    agreement = po.read_agreement(VARMLAND)
    assert (agreement.year, agreement.host, len(agreement.participants)) == (2023, "1780", 15)
    assert agreement.costs_total == 7_481_482
    a = agreement.allocate()
    # Seed 003's budget arithmetic gives 3 042 151 kr; its report says 3 042 150.
    assert a.municipal_net == 3_042_151 and a.rounding == "krona"
    assert a.stamp.as_of == datetime.date(2023, 1, 1) and "largest remainder" in a.stamp.rules
    assert sum(p.fee for p in a.participants) == a.municipal_net
    assert sum(p.administration_fee for p in a.participants) == 212_951
    karlstad = next(p for p in a.participants if p.name == "Karlstad")
    assert karlstad.fee == 1_109_485
    assert "3 042 151 × 97 233 / 266 608 = 1 109 484,5923 kr" in karlstad.explanation_sv
    assert all(c.holds for c in a.checks)
    frame = po.Rows(a.participants).to_pandas()
    assert frame["fee"].sum() == Decimal(3_042_151)
    assert a.to_dict()["participants"][0]["code"] == "1784"


def test_agreement_from_dict_json_round_trip_and_scenarios():
    data = json.loads(VARMLAND.read_text(encoding="utf-8"))
    data["participants"][0]["reference_date"] = datetime.date(2022, 12, 31)
    data["administration_fee"] = Decimal("212951")
    agreement = po.agreement_from_dict(data)
    assert agreement == po.read_agreement(VARMLAND)
    assert po.Agreement.from_json(agreement.to_json()) == agreement
    assert repr(agreement) == "Agreement(year=2023, host='1780', participants=15, costs_total=Decimal('7481482'))"
    kil_leaves = agreement.without("1715")
    rows = po.compare_agreements(agreement, kil_leaves)
    kil = next(r for r in rows if r.code == "1715")
    assert kil.alternative_total is None and kil.difference == -kil.base_total
    assert all(r.difference > 0 for r in rows if r.code != "1715")
    more_grant = po.compare_agreements(agreement, agreement.with_state_grant(5_000_000))
    assert all(r.difference < 0 for r in more_grant)
    shares = po.client_share_vs_key(agreement, {"1780": 60, "1784": 40})
    assert {r.code: r.client_percent for r in shares}["1780"] == Decimal("60.00")
    data["participants"][0]["adults"] = 1.5
    with pytest.raises(po.InvalidInputError, match=r"participants\[0\].adults: money and counts are never floats"):
        po.agreement_from_dict(data)


def test_agreement_errors():
    with pytest.raises(po.InvalidInputError, match="^agreement: "):
        po.Agreement.from_json("[]")
    with pytest.raises(po.InvalidInputError, match="host: municipality 1781 is not among the participants"):
        po.read_agreement(DATA.parents[1] / "tests" / "vectors" / "agreements" / "host-not-participant.json").allocate()
    with pytest.raises(po.InvalidInputError, match="code"):
        po.read_agreement(VARMLAND).without("99")
    with pytest.raises(po.InvalidInputError, match="municipality 1761"):
        po.client_share_vs_key(po.read_agreement(VARMLAND), {"1761": 3})
    with pytest.raises(po.InvalidInputError, match="clients: expected zero or more, got -1"):
        po.client_share_vs_key(po.read_agreement(VARMLAND), {"1780": -1})


def test_adults_from_scb_csv():
    table = "region;ålder;2023\n1780 Karlstad;17 år;1000\n1780 Karlstad;18 år;1 100\n1784 Arvika;50 år;300\n"
    rows = po.adults_from_scb_csv(table)
    assert [(p.code, p.name, p.adults) for p in rows] == [("1780", "Karlstad", 1100), ("1784", "Arvika", 300)]
    with pytest.raises(po.InvalidInputError, match='line 2: age "arton" is not a number of years'):
        po.adults_from_scb_csv("region,ålder,2023\n1780 Karlstad,arton,5\n")
