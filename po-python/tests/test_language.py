"""po's messages in the user's language (issue 32 point 2): errors and problems in Swedish once
``set_message_language("sv")`` is called, in English otherwise (whatever the locale)."""

import pytest

import personligt_ombud as po


@pytest.fixture
def swedish():
    before = po.message_language()
    po.set_message_language("sv")
    yield
    po.set_message_language(before)


def bad_events():
    return ("id;datum;händelse\n"
            "AV-2;2023-13-01;documented\n").encode("utf-8")


def test_problems_and_errors_in_swedish(swedish):
    assert po.message_language() == "sv"
    with pytest.raises(po.InvalidRegisterError) as info:
        po.DeviationRegister.from_events_csv(bad_events())
    message = str(info.value)
    assert message.startswith("4 problem i registret:"), message
    assert "väntade ett datum ÅÅÅÅ-MM-DD, fick \"2023-13-01\"" in message
    assert info.value.problems[0].column == "datum"
    assert info.value.problems[0].reason.startswith("väntade ett datum")
    with pytest.raises(po.UnknownCodeError, match="okänt värde \"robot\" i kodlistan gender"):
        po.parse_code("gender", "robot")


def test_english_when_chosen_and_an_unknown_language_refused():
    before = po.message_language()
    try:
        po.set_message_language("en")
        with pytest.raises(po.InvalidRegisterError, match="expected a date YYYY-MM-DD"):
            po.DeviationRegister.from_events_csv(bad_events())
        with pytest.raises(po.UnknownCodeError, match="language"):
            po.set_message_language("de")
        assert po.message_language() == "en"
    finally:
        po.set_message_language(before)


def test_the_boundary_s_own_and_the_assessment_s_errors_in_swedish(swedish):
    # Issue 34: errors that had no Swedish wording — the boundary's own, eligibility's, the key's.
    import datetime
    with pytest.raises(po.PoError, match="^psychiatric_disability: väntade True, False, None eller ett ord"):
        po.assess_eligibility(as_of=datetime.date(2023, 6, 1), psychiatric_disability=3.5)
    with pytest.raises(po.PoError, match=r"^age\.years: väntade en ålder i hela år från 0 till 130, fick 200$"):
        po.assess_eligibility(as_of=datetime.date(2023, 6, 1), age=200)
    with pytest.raises(po.PoError, match="^pseudonymnyckeln: väntade minst 16 byte hemlighet, fick 5$"):
        po.PseudonymKey(b"short")
