"""Deviations with their histories from Python (issue 16): the shared period-view vector, the
events and the view as DataFrames, the protected documents, and free text refused when it holds
an identity number."""

import datetime
import json
import pathlib

import pytest

import personligt_ombud as po

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"
D = datetime.date


def register():
    v = json.loads((VECTORS / "deviations.json").read_text(encoding="utf-8"))
    return v, po.DeviationRegister.from_events_csv(v["events_csv"].encode("utf-8"))


def test_the_shared_period_view_vector():
    v, reg = register()
    assert reg.deviation_count() == 5 and reg.problems() == []
    fields = ["new", "raised", "sent", "answered", "remedied", "not_remedied", "withdrawn",
              "open_at_end", "overdue_at_end", "positive"]
    for case in v["cases"]:
        view = reg.period_view(D.fromisoformat(case["from"]), D.fromisoformat(case["to"]))
        assert {f: getattr(view.total, f) for f in fields} == case["total"], case["name"]
        for level in view.by_level:
            assert {f: getattr(level, f) for f in fields} == case["by_level"][level.group]
        as_text = lambda d: None if d is None else str(d)  # noqa: E731
        assert as_text(view.median_days_to_raised) == case["median_days_to_raised"]
        assert as_text(view.median_days_to_answered) == case["median_days_to_answered"]
        assert as_text(view.feedback_rate) == case["feedback_rate"]
        assert view.stamp.as_of == D.fromisoformat(case["to"])


def test_events_and_views_as_dataframes():
    _, reg = register()
    events = po.Rows(reg.events()).to_pandas()
    assert events.shape == (15, 8)
    assert list(events[events.id == "d2"].event) == ["documented", "sent"]
    view = reg.period_view(D(2024, 4, 1), D(2024, 6, 30))
    by_counterpart = po.Rows(view.by_counterpart).to_pandas().set_index("group")
    assert by_counterpart.loc["social_services", "overdue_at_end"] == 1
    assert by_counterpart.loc["psychiatry", "consequences"] == []  # documented before the period


def test_documents_are_protected():
    _, reg = register()
    meeting = reg.meeting_document(D(2024, 3, 31), D(2024, 6, 30))
    assert meeting.startswith("#") and "OSKYDDAD" not in meeting
    unprotected = reg.meeting_document(D(2024, 3, 31), D(2024, 6, 30), unprotected=True, language="en")
    assert "UNPROTECTED – NOT FOR PUBLICATION" in unprotected
    assert "caseworker" in reg.annual_summary_by_level(2024, language="en").lower()
    with pytest.raises(po.InvalidInputError, match="k"):
        reg.meeting_document(D(2024, 3, 31), D(2024, 6, 30), k=1)


def test_free_text_with_an_identity_number_is_refused_and_never_echoed():
    csv = ("id;date;event;event_type;level;counterpart;description\n"
           "x1;2024-01-15;documented;access_to_care_and_support;caseworker;forsakringskassan;"
           "Gäller 19121212-1212\n").encode("utf-8")
    with pytest.raises(po.InvalidRegisterError) as info:
        po.DeviationRegister.from_events_csv(csv)
    assert info.value.problems[0].column == "description" and info.value.problems[0].row == 2
    assert "1212-1212" not in str(info.value) and "12121212" not in str(info.value)
    lenient = po.DeviationRegister.from_events_csv(csv, lenient=True)
    assert lenient.deviation_count() == 0 and len(lenient.problems()) == 1


def test_the_flat_export_reads_and_is_marked_as_lacking_history():
    flat = ("date;event_type;level;counterpart;status;consequence\n"
            "2024-02-10;access_to_care_and_support;local;psychiatry;feedback_received;Väntan\n"
            "2023-12-01;positive_event;central;health_care;documented;\n").encode("utf-8")
    reg = po.DeviationRegister.from_flat_csv(flat)
    assert reg.deviation_count() == 2
    assert [e.id for e in reg.events()] == ["flat-1", "flat-2"]  # each only its documentation
    view = reg.period_view(D(2024, 1, 1), D(2024, 3, 31))
    # Only the one documented in the quarter, counted as new and as without history; its undated
    # feedback is not counted as answered in any period.
    assert (view.total.new, view.without_history, view.total.answered) == (1, 1, 0)


def test_the_annual_report_counts_from_the_histories():
    """Issue 32 point 7, the shared vector: the register read with ``deviation_events``; the
    withdrawn deviation counts nowhere."""
    v, _ = register()
    expected = v["report"]
    reg = po.read_register_csv(deviation_events=v["events_csv"].encode("utf-8"))
    report = po.annual_report(reg, year=expected["year"], unprotected=True)
    table = report.table("deviations_by_counterpart")
    assert table.total == expected["deviations"]
    assert report.table("deviations_by_type").total == expected["deviations"]
    for row, column, n in expected["by_counterpart_and_status"]:
        assert table.get(row, column) == n, (row, column)
    fb = report.deviations_with_feedback
    assert (fb.count, fb.of) == (expected["with_feedback"]["count"], expected["with_feedback"]["of"])
