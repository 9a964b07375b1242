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
