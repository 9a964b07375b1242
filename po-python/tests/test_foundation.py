"""Identity numbers, pseudonyms, code lists and errors through the Python package."""

import datetime
import hmac

import pytest

import personligt_ombud as po

REF = datetime.date(2026, 1, 1)


def test_version_is_the_rust_version():
    assert po.__version__ == "0.2.0"


def test_identity_number_every_spelling():
    for text in ["19121212-1212", "191212121212", "121212+1212"]:
        n = po.IdentityNumber.parse(text, REF)
        assert n.birth_date == datetime.date(1912, 12, 12)
        assert n.kind == "personnummer"
        assert n.legal_gender == "man"  # birth number 121 is odd
        assert n.to_long() == "191212121212"
        assert n.to_short(REF) == "121212+1212"
        assert n.age_on(REF) == 113
    s = po.IdentityNumber.parse("19730674-9982", REF)
    assert s.kind == "samordningsnummer"
    assert s.birth_date == datetime.date(1973, 6, 14)


def test_repr_and_errors_never_show_the_number():
    n = po.IdentityNumber.parse("19121212-1212", REF)
    assert "1212" not in repr(n)
    with pytest.raises(po.InvalidIdentityNumberError) as info:
        po.IdentityNumber.parse("19121212-1213", REF)
    assert "check digit" in str(info.value)
    assert "1213" not in str(info.value)
    assert isinstance(info.value, po.PoError)
    assert isinstance(info.value, ValueError)


def test_pseudonym_matches_independent_hmac():
    key = po.PseudonymKey(b"0123456789abcdef")
    n = po.IdentityNumber.parse("121212-1212", REF)
    expected = hmac.new(b"0123456789abcdef", b"po-pseudonym-v1:pnr:201212121212", "sha256")
    assert key.pseudonym(n) == expected.hexdigest()[:32]
    with pytest.raises(po.InvalidInputError, match="at least 16 bytes"):
        po.PseudonymKey(b"short")


def test_code_lists():
    assert "contact_reason" in po.code_list_names()
    outcomes = po.code_list("intake_outcome")
    assert [o.code for o in outcomes] == [
        "accepted", "declined", "met_otherwise", "not_target_group", "missing",
    ]
    assert outcomes[0].label_sv == "Accepterad/köplacerad"
    # NFD-decomposed "Tillgodoses på annat sätt", in upper case.
    nfd = "TILLGODOSES PA\u030a ANNAT SA\u0308TT"
    assert po.parse_code("intake_outcome", nfd).code == "met_otherwise"
    with pytest.raises(po.UnknownCodeError, match="expected one of woman, man, other"):
        po.parse_code("gender", "unknown")
    with pytest.raises(po.UnknownCodeError, match="unknown code_list"):
        po.code_list("colours")
