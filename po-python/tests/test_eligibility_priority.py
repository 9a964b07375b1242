"""Eligibility and queues through the Python package: every argument form and error path."""

import datetime
import pathlib

import pandas as pd
import polars as pl
import pytest

import personligt_ombud as po
from personligt_ombud.codes import ContactArea, LifeArea

D = datetime.date
AS_OF = D(2024, 3, 1)


def test_all_criteria_met_with_codes_enums_and_labels():
    a = po.assess_eligibility(
        as_of=AS_OF,
        age=D(1990, 3, 1),
        psychiatric_disability=True,
        difficulties=[LifeArea.HOUSING, "Ekonomi"],  # an enum member and a Swedish label
        needs="yes",
        long_term_contacts=[c.value for c in ContactArea],
    )
    assert a.eligible and a.outcome == "eligible"
    assert a.rule_set == "sfs_2019_1094" and a.as_of == AS_OF
    assert [f.status for f in a.findings] == ["met"] * 5
    assert a.findings[0].reason_sv == "Personen är 34 år, alltså 18 år eller äldre."
    assert all(f.source.startswith("SFS 2013:522 2 §") for f in a.findings)
    assert a.questions == []


def test_before_2020_the_original_wording_applies():
    a = po.assess_eligibility(as_of=D(2019, 12, 31), age=40)
    assert a.rule_set == "sfs_2013_522"
    assert a.outcome == "undetermined" and len(a.questions) == 4


def test_readings_object_and_preset():
    contacts = ["social_services", "other_authorities"]
    stockholm = po.Readings.preset("stockholm_2021")
    assert stockholm == po.Readings(contacts="stockholm_2021")
    assert stockholm.to_dict() == {"min_life_areas": 2, "needs_at_least": None, "contacts": "stockholm_2021"}
    common = dict(as_of=AS_OF, age=40, psychiatric_disability="yes", difficulties=True, needs=True)
    assert po.assess_eligibility(**common, long_term_contacts=contacts).outcome == "not_eligible"
    assert po.assess_eligibility(**common, long_term_contacts=contacts, readings=stockholm).eligible
    assert po.assess_eligibility(**common, long_term_contacts=contacts, readings="stockholm_2021").eligible
    one_area = po.Readings(min_life_areas=1)
    a = po.assess_eligibility(**{**common, "difficulties": ["housing"]}, long_term_contacts=True,
                              readings=one_area)
    assert a.eligible and a.readings == one_area


def test_value_objects_are_immutable_comparable_and_printable():
    a = po.assess_eligibility(as_of=AS_OF, age=40)
    b = po.assess_eligibility(as_of=AS_OF, age=40)
    assert a == b and a != po.assess_eligibility(as_of=AS_OF, age=41)
    with pytest.raises(AttributeError):
        a.outcome = "eligible"  # type: ignore[misc]
    assert repr(a).startswith("Assessment(outcome='undetermined', findings=[Finding(criterion='age_18_or_older'")
    d = a.to_dict()
    assert d["findings"][0]["criterion"] == "age_18_or_older" and d["as_of"] == AS_OF
    assert d["readings"] == {"min_life_areas": 2, "needs_at_least": None, "contacts": "statute"}


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(age=True), po.InvalidInputError, "age: expected a date or whole years, got a bool"),
        (dict(age="forty"), po.InvalidInputError, "age: expected a birth date, whole years or None"),
        (dict(age=131), po.InvalidInputError, "age.years: expected an age in whole years from 0 to 130, got 131"),
        (dict(psychiatric_disability="maybe"), po.InvalidInputError,
         "psychiatric_disability: expected True, False, None or a word such as 'ja', 'nej', 'vet ej', 'yes', 'no', got 'maybe'"),
        (dict(needs=5), po.InvalidInputError, "needs: expected a list of codes or labels"),
        (dict(needs=["money"]), po.UnknownCodeError, None),
        (dict(difficulties={"answer": "no", "details": ["housing", "economy"]}), po.InvalidInputError,
         "difficulties: the answer no contradicts the details, which give yes"),
        (dict(readings=3), po.InvalidInputError, "readings: expected 'statute', 'stockholm_2021' or a Readings"),
        (dict(readings="eller"), po.InvalidInputError, None),
    ],
)
def test_eligibility_errors(kwargs, error, message):
    with pytest.raises(error) as info:
        po.assess_eligibility(as_of=AS_OF, **kwargs)
    if message:
        assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_readings_validation():
    with pytest.raises(po.InvalidInputError, match="readings.min_life_areas: expected 1 to 255, got 300"):
        po.Readings(min_life_areas=300)
    with pytest.raises(po.InvalidInputError, match="readings.contacts"):
        po.Readings(contacts="eller")
    with pytest.raises(po.InvalidInputError, match=r"readings.min_life_areas: expected at least 1, got 0"):
        po.assess_eligibility(as_of=AS_OF, readings=po.Readings(min_life_areas=0))


# ---- priority

ON = D(2024, 1, 15)
QUEUE = [
    po.Applicant("a", D(1990, 1, 1), D(2023, 6, 1)),
    po.Applicant("b", D(1995, 5, 5), D(2023, 10, 1), area="Västra"),
    po.Applicant("c", D(1980, 2, 2), D(2023, 11, 1), children_at_home=True),
    po.Applicant("d", D(1970, 3, 3), D(2023, 3, 1), homeless_or_at_risk=True, area="Västra"),
]


def test_policies_are_data():
    assert po.policy_presets() == ["national_2019", "varmland_2023", "stockholm_2021"]
    p = po.PriorityPolicy.preset("varmland_2023")
    assert p.name == "PO Värmland 2023" and "seed 003" in p.source
    assert p.groups == ["children_at_home", "young_adults", "homelessness"]
    assert po.PriorityPolicy.from_json(p.to_json()) == p
    assert repr(p) == "PriorityPolicy(name=\"PO Värmland 2023\", groups=[\"children_at_home\", \"young_adults\", \"homelessness\"])"
    with pytest.raises(po.InvalidInputError, match="preset: unknown policy preset"):
        po.PriorityPolicy.preset("x")
    with pytest.raises(po.InvalidInputError, match="policy: "):
        po.PriorityPolicy.from_json('{"name": "x", "groups": [{"group": "pets"}]}')


def test_rank_from_objects_dicts_and_dataframes():
    ranked = po.rank(QUEUE, "varmland_2023", ON)
    # Stamped: the version, the policy with its source, the ranking date.
    assert ranked.stamp.as_of == ON and "seed 003" in ranked.stamp.rules
    assert ranked.stamp.library_version == po.__version__
    assert [r.id for r in ranked] == ["c", "b", "d", "a"]
    assert ranked[0].position == 1 and ranked[0].deciding_group == "children_at_home"
    assert "väntat 75 dagar" in ranked[0].reason_sv
    as_dicts = [a.to_dict() for a in QUEUE]
    assert po.rank(list(reversed(as_dicts)), "varmland_2023", ON) == ranked
    frame = pd.DataFrame(as_dicts)
    frame["birth_date"] = pd.to_datetime(frame["birth_date"])  # Timestamps become dates
    assert po.rank(frame, po.PriorityPolicy.preset("varmland_2023"), ON) == ranked
    assert po.rank(pl.DataFrame(as_dicts), "varmland_2023", ON) == ranked
    table = ranked.to_pandas()
    assert list(table["id"]) == ["c", "b", "d", "a"] and table["days_waited"].tolist() == [75, 106, 320, 228]
    assert ranked.to_polars()["position"].to_list() == [1, 2, 3, 4]
    assert po.rank([], "national_2019", ON) == ()


def test_rank_errors():
    with pytest.raises(po.InvalidInputError, match=r"applicants\[1\].id: the same id as applicants\[0\]$"):
        po.rank([QUEUE[0], QUEUE[0]], "national_2019", ON)
    with pytest.raises(po.InvalidInputError, match=r"applicants\[0\]: unknown field\(s\) colour"):
        po.rank([{"id": "x", "birth_date": D(1990, 1, 1), "queued_on": ON, "colour": "red"}], "national_2019", ON)
    with pytest.raises(po.InvalidInputError, match="applicants\\[0\\]: "):
        po.rank([{"id": "x"}], "national_2019", ON)
    with pytest.raises(po.InvalidInputError, match="policy: expected a preset name or a PriorityPolicy"):
        po.rank(QUEUE, 5, ON)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        po.rank([5], "national_2019", ON)


def test_queue_statistics():
    s = po.queue_statistics(QUEUE, ON, ON)
    assert s.stamp.as_of == ON and s.stamp.rules.startswith("queue snapshot")
    assert s.overall == po.queue_statistics(list(reversed(QUEUE)), ON, ON).overall
    assert (s.overall.count, s.overall.max_days) == (4, 320)
    assert str(s.overall.median_days) == "167"  # (106 + 228) / 2
    # Applicants without an area are grouped under "".
    assert s.per_area == {
        "": po.queue_statistics(QUEUE[:1] + QUEUE[2:3], ON, ON).overall,
        "Västra": po.queue_statistics([QUEUE[1], QUEUE[3]], ON, ON).overall,
    }
    assert str(s.per_area["Västra"].median_days) == "213"  # (106 + 320) / 2
    assert s.to_dict()["overall"]["count"] == 4
    with pytest.raises(po.InvalidInputError, match="period: 2024-01-15 is after 2024-01-14"):
        po.queue_statistics(QUEUE, ON, D(2024, 1, 14))


def test_a_queue_read_by_pandas_is_ranked_as_the_command_ranks_it():
    # Issue 33: pd.read_csv gives the flags as the words "ja"/"nej" and the dates as ISO text;
    # Python's bool() made every "nej" true and put everyone in every group. The frame is now
    # read by po-core's queue reader, as `po queue` reads the file.
    path = pathlib.Path(__file__).parents[2] / "examples" / "data" / "synthetic-2023" / "applicants.csv"
    on = D(2023, 10, 2)
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    from_frame = po.rank(frame, "varmland_2023", on)
    # Who left the queue by the date is named, not ranked, as `po queue` lists them.
    left = set(frame.loc[(frame["left_queue_on"] != "") & (frame["left_queue_on"] <= on.isoformat()), "id"])
    assert left and set(from_frame.not_ranked) == left and not left & {r.id for r in from_frame}
    # Dicts with the dates as the ISO strings the file holds, and the ranking date as one too:
    # read by po-core's one reading of dates, as the frame's cells are.
    rows = [{k: v for k, v in r.items() if v != ""} for r in frame.to_dict("records")]
    from_dicts = po.rank(rows, "varmland_2023", on.isoformat())
    assert [r.id for r in from_frame] == [r.id for r in from_dicts]
    assert from_dicts.not_ranked == from_frame.not_ranked
    with pytest.raises(po.InvalidInputError, match=r"on: expected an ISO date such as 2024-03-01, got \"2023-13-01\""):
        po.rank(rows, "varmland_2023", "2023-13-01")
    with_children = {r.id for r in from_frame if r.deciding_group == "children_at_home"}
    ja = set(frame.loc[frame["children_at_home"] == "ja", "id"])
    assert with_children <= ja and len(with_children) < len(frame)
    as_polars = pl.read_csv(path, separator=";", infer_schema=False)
    assert po.rank(as_polars, "varmland_2023", on) == from_frame
    with pytest.raises(po.InvalidInputError, match=r"applicants\[0\].children_at_home: expected ja or nej"):
        po.rank([{**rows[0], "children_at_home": "kanske"}], "varmland_2023", on)
    assert po.rank([{**rows[0], "children_at_home": "nej"}], "varmland_2023", on)[0].deciding_group != "children_at_home"
