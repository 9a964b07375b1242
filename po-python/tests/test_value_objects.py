"""Every value class the package returns: immutable, comparable, printable, and ``to_dict()``
holds exactly its attributes. Instances come from real calls, so every field is read."""

import datetime
import pathlib
from decimal import Decimal

import pytest

import personligt_ombud as po

ROOT = pathlib.Path(__file__).resolve().parents[2]
D = datetime.date


def samples():
    register = po.read_register_dir(ROOT / "examples" / "data" / "synthetic-2023")
    population = {m.code: (m.name, m.total_population_2023_12_31) for m in po.varmland_municipalities()
                  if m.area_2023}
    report = po.annual_report(register, year=2023, population=population,
                              leadership_group=[("municipality", "Karlstad")])
    previous = po.annual_report(register, year=2022)
    agreement = po.read_agreement(ROOT / "examples" / "data" / "varmland-2023-agreement.json")
    allocation = agreement.allocate()
    queue = [po.Applicant("a", D(1990, 1, 1), D(2023, 6, 1), area="Norra", left_queue_on=D(2024, 6, 1)),
             po.Applicant("b", D(2000, 1, 1), D(2023, 9, 1), children_at_home=True)]
    assessment = po.assess_eligibility(as_of=D(2024, 1, 1), age=40)
    bad = b"id;gender;started_on\nk1;x;2023-01-01\n"
    import json
    vector = json.loads((ROOT / "tests" / "vectors" / "deviations.json").read_text(encoding="utf-8"))
    deviations = po.DeviationRegister.from_events_csv(vector["events_csv"].encode("utf-8"))
    view = deviations.period_view(D(2024, 1, 1), D(2024, 3, 31))
    flat = ("section;row;column;value\nservice;;;PO Egen\nhost;;;1761\nmunicipalities;;;1761\nyear;;;2023\n"
            "active_clients;Kvinna;18–29 år;4\nshortcoming;Psykiatrin;Brist på läkartider;Väntan\n")
    compilation = po.compile_submissions([flat], year=2023, unprotected=True)
    # Issue 31: the audit of published documents together, at k = 5 so that it finds something.
    publications = po.audit_publications([report.to_json(), previous.to_json()], k=5)
    return {
        po.Compilation: compilation,
        po.ChainFinding: compilation.findings[0],
        po.AnnexRow: compilation.shortcomings[0],
        po.DeviationEventRow: deviations.events()[3],
        po.DeviationCounts: view.by_counterpart[4],
        po.DeviationPeriodView: view,
        po.Assessment: assessment,
        po.Finding: assessment.findings[0],
        po.Question: assessment.questions[0],
        po.Readings: assessment.readings,
        po.Applicant: queue[0],
        po.RankedApplicant: po.rank(queue, "varmland_2023", D(2024, 1, 15))[0],
        po.QueueStatistics: po.queue_statistics(queue, D(2024, 1, 15), D(2024, 1, 15)),
        po.WaitingSummary: po.queue_statistics(queue, D(2024, 1, 15), D(2024, 1, 15)).overall,
        po.Waiting: report.waiting,
        po.Audit: report.audit(),
        po.Stamp: report.stamp,
        po.CellRange: report.audit().ranges[0],
        po.Repayment: po.repayment(1000, 400, decided_on=D(2024, 6, 30)),
        po.Grant: po.grant(394_873, 10, decided_on=D(2023, 2, 1)),
        po.GrantCalendar: po.grant_calendar(2024),
        po.NationalBudget: po.NationalBudget(year=2024, total=10, socialstyrelsen_admin=1,
                                             county_boards_admin=1),
        po.BudgetOutcome: po.NationalBudget(year=2024, total=10, socialstyrelsen_admin=1,
                                            county_boards_admin=1).outcome(1, 1, 5, 0),
        po.AgreementParticipant: agreement.participants[0],
        po.AgreementTerms: agreement.terms(),
        po.MoneyLine: agreement.terms().costs[0],
        po.Allocation: allocation,
        po.ParticipantShare: allocation.participants[0],
        po.Check: allocation.checks[0],
        po.ScenarioRow: po.compare_agreements(agreement, agreement.without("1715"))[0],
        po.ClientShareRow: po.client_share_vs_key(agreement, {"1780": 10})[0],
        po.Population: po.adults_from_scb_csv("region;ålder;2023\n1780 Karlstad;20 år;5\n")[0],
        po.LeadershipCheck: report.leadership,
        po.CodeValue: po.code_list("gender")[0],
        po.VarmlandMunicipality: po.varmland_municipalities()[0],
        po.Problem: po.read_register_csv(clients=bad, lenient=True).problems[0],
        po.Ratio: report.assignments_per_client,
        po.StaffSummary: report.staff,
        po.SurveyQuestion: report.survey[0],
        po.MunicipalityRow: report.clients_per_municipality[0],
        po.MarginProblem: po.check_margins([[1]], row_totals=[2], column_totals=[1], grand_total=1)[0],
        po.Change: report.change_against(previous)[0],
        po.CounterpartDeviations: register.deviations_for_leadership_group(D(2023, 1, 1), D(2023, 12, 31))[0],
        po.PublicationsAudit: publications,
        po.PublicationFinding: publications.findings[0],
    }


SAMPLES = samples()


def plain(value):
    """What to_dict() holds for an attribute value."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_value_class(cls):
    obj = SAMPLES[cls]
    assert type(obj) is cls
    d = obj.to_dict()
    public = {n for n in dir(obj) if not n.startswith("_") and not callable(getattr(obj, n))}
    # Every attribute is in to_dict (Assessment.eligible is derived from outcome).
    assert set(d) == public - {"eligible"}, cls.__name__
    for name, value in d.items():
        assert plain(getattr(obj, name)) == value, (cls.__name__, name)
        assert isinstance(value, (str, int, bool, Decimal, datetime.date, list, dict, type(None)))
        with pytest.raises(AttributeError):
            setattr(obj, name, value)
    assert obj == SAMPLES[cls] and not (obj != obj)
    assert repr(obj).startswith(cls.__name__ + "(")
    assert cls.__doc__


def test_every_returned_class_is_covered():
    value_classes = {getattr(po, n) for n in po.__all__
                     if isinstance(getattr(po, n), type) and hasattr(getattr(po, n), "to_dict")
                     and getattr(po, n) not in (po.Table, po.Rows, po.AnnualReport)}
    assert value_classes == set(SAMPLES)


def test_every_public_name_has_a_docstring():
    # Issue 6: docstrings on everything public — functions, classes and their public methods
    # and properties (the enums of `codes` document themselves as a class).
    import enum

    missing = []
    for name in po.__all__:
        obj = getattr(po, name)
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if isinstance(obj, type) and not issubclass(obj, (enum.Enum, BaseException)):
            for attr in vars(obj):
                if attr.startswith("_"):
                    continue
                if not (getattr(obj, attr).__doc__ or "").strip():
                    missing.append(f"{name}.{attr}")
    assert missing == []
