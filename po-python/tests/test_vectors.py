"""The shared vectors (tests/vectors/*.json), checked through the Python package."""

import datetime
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
        assert po.parse_code(case["list"], case["input"]) == case["code"]


@pytest.mark.parametrize("case", PSEUDONYMS["cases"], ids=lambda c: c["input"])
def test_pseudonyms(case):
    ref = datetime.date.fromisoformat(PSEUDONYMS["reference_date"])
    key = po.PseudonymKey(bytes.fromhex(case["key_hex"]))
    assert key.pseudonym(po.IdentityNumber.parse(case["input"], ref)) == case["pseudonym"]
