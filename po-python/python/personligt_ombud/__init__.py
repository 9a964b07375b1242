"""personligt_ombud: the rules and statistics of Swedish personligt ombud (SFS 2013:522).

Every computation happens in the Rust library po-core; this package converts to and from Python
types (``datetime.date``, ``decimal.Decimal`` — money is never a float) and raises ``PoError``
subclasses (all ``ValueError``) for bad input. Results are immutable value objects with
``to_dict()``; tables and lists of results convert to pandas or polars DataFrames
(``.to_pandas()``, ``.to_polars()``) without either being a dependency.

Start with ``assess_eligibility``, ``rank``, ``Agreement``, ``read_register_csv`` and
``annual_report``; code lists are enums in ``personligt_ombud.codes``; charts (matplotlib,
optional) in ``personligt_ombud.charts``.
"""

import datetime
import decimal
import json
import os
import pathlib
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import codes
from ._native import (
    Agreement,
    AgreementParticipant,
    AgreementTerms,
    Allocation,
    AnnexRow,
    AnnualReport,
    Applicant,
    Assessment,
    Audit,
    BudgetOutcome,
    CellRange,
    ChainFinding,
    Change,
    Check,
    ClientShareRow,
    CodeValue,
    Compilation,
    CounterpartDeviations,
    DeviationCounts,
    DeviationEventRow,
    DeviationPeriodView,
    DeviationRegister,
    DisclosureError,
    Finding,
    Grant,
    GrantCalendar,
    IdentityNumber,
    InvalidIdentityNumberError,
    InvalidInputError,
    InvalidRegisterError,
    LeadershipCheck,
    Ledger,
    MarginProblem,
    MoneyLine,
    MunicipalityRow,
    NationalBudget,
    ParticipantShare,
    PoError,
    Population,
    PriorityPolicy,
    Problem,
    PseudonymKey,
    PublicationFinding,
    PublicationsAudit,
    Question,
    QueueStatistics,
    RankedApplicant,
    Ratio,
    Readings,
    Register,
    Repayment,
    ScenarioRow,
    StaffSummary,
    Stamp,
    SurveyQuestion,
    Table,
    UnknownCodeError,
    VarmlandMunicipality,
    Waiting,
    WaitingSummary,
    __version__,
    amount_per_position,
    annual_report,
    assess_eligibility,
    audit_publications,
    audit_tables,
    check_leadership_group,
    code_list,
    compile_family,
    compile_submissions,
    code_list_names,
    eligibility_readings,
    message_language,
    set_message_language,
    grant,
    grant_calendar,
    municipality_code,
    parse_code,
    policy_presets,
    repayment,
    service_grant,
    varmland_leadership_group_2023,
)
from . import _native
from ._tables import (
    CaseBatch,
    arrow_ready,
    Ranking,
    Rows,
    Source,
    is_frame,
    records_of,
    source_bytes,
    source_input,
    to_pandas,
    to_polars,
)

_APPLICANT_FIELDS = (
    "id",
    "birth_date",
    "queued_on",
    "area",
    "left_queue_on",
    "children_at_home",
    "children_at_risk_of_harm",
    "homeless_or_at_risk",
    "lacking_contacts",
)


def _as_date(value: Any) -> Any:
    # pandas Timestamps and datetimes carry a time: po's dates are calendar days.
    if isinstance(value, datetime.datetime):
        return value.date()
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    return value


def _applicants(items: Any) -> List[Applicant]:
    if is_frame(items):
        # A frame is read as the command reads applicants.csv: po-core's one reading of every
        # cell ("nej" is no, ISO dates are dates), problems at the frame's rows.
        return _native._applicants_of_frame(arrow_ready(items), "applicants")
    out = []
    for i, item in enumerate(records_of(items)):
        if isinstance(item, Applicant):
            out.append(item)
            continue
        unknown = sorted(set(item) - set(_APPLICANT_FIELDS))
        if unknown:
            raise InvalidInputError(
                f"applicants[{i}]: unknown field(s) {', '.join(unknown)}; "
                f"expected {', '.join(_APPLICANT_FIELDS)}"
            )
        # Dates (date objects, pandas Timestamps, ISO strings) are read by po-core's one
        # reading, in Applicant itself: no conversion here.
        values = {k: v for k, v in item.items() if v is not None}
        for flag in ("children_at_home", "children_at_risk_of_harm", "homeless_or_at_risk",
                     "lacking_contacts"):
            if flag in values:
                # po-core's one reading of yes and no: "nej" is no (Python's bool() says yes).
                values[flag] = _native._flag(values[flag], f"applicants[{i}].{flag}")
        try:
            out.append(Applicant(**values))
        except TypeError as e:
            raise InvalidInputError(f"applicants[{i}]: {e}") from None
    return out


def rank(
    applicants: Any, policy: Union[str, PriorityPolicy], on: Union[datetime.date, str]
) -> "Ranking[RankedApplicant]":
    """Ranks the applicants on ``on`` (a date or an ISO date string) by ``policy`` (a preset
    name or a ``PriorityPolicy``).

    ``applicants`` are ``Applicant`` objects, dicts with the same fields, or a pandas / polars
    DataFrame with those columns. The order is total: the input order never matters. Those who
    had left the queue by ``on`` are not ranked: ``Ranking.not_ranked`` names them.
    """
    ranked, stamp, not_ranked = _native._rank(_applicants(applicants), policy, on)
    return Ranking(ranked, stamp, not_ranked)


def ranking_xlsx(
    applicants: Any, policy: Union[str, PriorityPolicy], on: datetime.date, language: str = "sv"
) -> bytes:
    """The ranking of ``rank(applicants, policy, on)`` as an .xlsx workbook (bytes): one row
    per place with its reason, in ``language`` (``sv`` or ``en``)."""
    return _native._ranking_xlsx(_applicants(applicants), policy, on, language)


def queue_statistics(
    applicants: Any,
    from_date: Union[datetime.date, str],
    to_date: Union[datetime.date, str],
) -> QueueStatistics:
    """Waiting-time statistics on one day (``from_date == to_date``) or for a period."""
    return _native._queue_statistics(_applicants(applicants), from_date, to_date)


def _reject_floats(value: Any, path: str) -> None:
    if isinstance(value, float):
        raise InvalidInputError(f"{path}: money and counts are never floats; use Decimal, int or str")
    if isinstance(value, Mapping):
        for k, v in value.items():
            _reject_floats(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _reject_floats(v, f"{path}[{i}]")


def _json_default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return _as_date(value).isoformat()
    if isinstance(value, str):  # str-enums of personligt_ombud.codes
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def agreement_from_dict(data: Mapping[str, Any]) -> Agreement:
    """An agreement from a dict in its JSON form (amounts as Decimal, int or str; dates as
    ``datetime.date`` or ISO strings)."""
    _reject_floats(data, "")
    return Agreement.from_json(json.dumps(data, default=_json_default))


def read_agreement(path: Union[str, "os.PathLike[str]"]) -> Agreement:
    """Reads an agreement JSON file (e.g. ``examples/data/varmland-2023-agreement.json``)."""
    return Agreement.from_json(pathlib.Path(path).read_text(encoding="utf-8"))


def audit_published_files(
    paths: "Sequence[Union[str, os.PathLike[str]]]", *, k: Optional[int] = None
) -> PublicationsAudit:
    """Audits published documents together as po wrote them to files (issue 31 point 4): each
    path a report's or a compilation's JSON, a workbook (``.xlsx``), a report's directory of
    CSV tables (``tables-YEAR``, with ``about.csv``), or a directory of these; ``k`` as in
    ``audit_publications``."""
    return _native.audit_published_files([os.fsdecode(p) for p in paths], k=k)


def compare_agreements(base: Agreement, alternative: Agreement) -> "Rows[ScenarioRow]":
    """Allocates both agreements and sets every municipality side by side."""
    return Rows(_native._compare_agreements(base, alternative))


def client_share_vs_key(agreement: Agreement, clients: Mapping[str, int]) -> "Rows[ClientShareRow]":
    """Each participant's share of ``clients`` (kommunkod → count) against its key share."""
    return Rows(_native._client_share_vs_key(agreement, dict(clients)))


def adults_from_scb_csv(text: str) -> "Rows[Population]":
    """Adults per municipality from an SCB-style CSV text (kommunkod, name, adults)."""
    return Rows(_native._adults_from_scb_csv(text))


def varmland_municipalities() -> "Rows[VarmlandMunicipality]":
    """The 16 municipalities of Värmland with PO Värmland's areas (seed 003)."""
    return Rows(_native._varmland_municipalities())


def check_margins(
    cells: List[List[int]], *, row_totals: List[int], column_totals: List[int], grand_total: int
) -> "Rows[MarginProblem]":
    """Checks a published table's margins against its cells."""
    return Rows(
        _native.check_margins(
            cells, row_totals=row_totals, column_totals=column_totals, grand_total=grand_total
        )
    )


def read_register_json(source: Union[str, bytes, "os.PathLike[str]"]) -> Register:
    """Reads a register's JSON form from a path (str or PathLike) or from bytes."""
    if isinstance(source, bytes):
        return Register.from_json(source.decode("utf-8"))
    path = pathlib.Path(source)
    return Register.from_json(path.read_text(encoding="utf-8"), file=path.name)


def read_register_csv(
    clients: Optional[Source] = None,
    intake: Optional[Source] = None,
    deviations: Optional[Source] = None,
    staff: Optional[Source] = None,
    survey: Optional[Source] = None,
    *,
    survey_sent: int = 0,
    lenient: bool = False,
    vocabulary: str = "none",
    deviation_events: Optional[Source] = None,
) -> Register:
    """Reads a register from CSV exports or DataFrames.

    Each file is bytes, a path, or a table with the export's columns (lists as Python lists or
    ``|``-separated text): a pandas or polars DataFrame, a pyarrow table, a DuckDB result — any
    object with the Arrow PyCapsule interface, read column by column without CSV (the survey
    goes through CSV). Strict by default: any problem raises
    ``InvalidRegisterError`` whose ``.problems`` name file, row and column (a DataFrame's row
    ``i`` is row ``i + 2``, as in the CSV with its header). ``lenient=True`` leaves bad rows out
    and lists them in ``register.problems`` and in the report. ``vocabulary`` names the
    service's local labels (a preset: ``"none"``, national codes and labels only, or
    ``"varmland"``); po assumes none. ``deviation_events`` gives the deviations with their
    dated histories (one row per event) instead of ``deviations``: the report counts each as
    it stands now, and withdrawn ones are no shortcomings and are not counted.
    """
    return Register.from_csv_bytes(
        clients=source_input(clients, "clients"),
        intake=source_input(intake, "intake"),
        deviations=source_input(deviations, "deviations"),
        staff=source_input(staff, "staff"),
        survey=source_bytes(survey, "survey"),
        survey_sent=survey_sent,
        lenient=lenient,
        vocabulary=vocabulary,
        deviation_events=source_input(deviation_events, "deviation_events"),
    )


def assess_eligibility_batch(
    cases: Any,
    *,
    as_of: Union[datetime.date, str],
    readings: Union[None, str, Readings] = None,
    lenient: bool = True,
) -> CaseBatch:
    """Assesses a whole table of cases against 2 § at once (Rust's ``assess_batch``: the same
    rules as ``assess_eligibility``, about 10⁷ cases a second, without the reason sentences).

    ``cases`` is a DataFrame or any Arrow table, a CSV path or bytes, or a list of dicts, with
    the columns ``age`` (whole years) or ``birth_date``, ``psychiatric_disability`` and the
    criteria ``difficulties``, ``needs``, ``long_term_contacts``: each an answer (True/False,
    ``ja``/``nej``, ``vet ej``; missing = not known) or a list of codes or labels. An empty
    list is not known, as an empty CSV cell; write False for "asked, none present". Lenient by
    default: a row that cannot be read gets its ``problem`` and no outcome; ``lenient=False``
    raises ``InvalidRegisterError`` listing every problem. E.g. the statute's "och" against
    Stockholm's "eller": ``readings="stockholm_2021"``.
    """
    if isinstance(cases, list):
        cases = _native._arrow_records(cases)
    return CaseBatch(_native._assess_cases(source_input(cases, "cases"), as_of=as_of, readings=readings,
                                           lenient=lenient))


def read_register_workbook(
    source: Union[bytes, str, "os.PathLike[str]"],
    *,
    lenient: bool = False,
    vocabulary: str = "none",
) -> Register:
    """Reads a register from a workbook (.xlsx or .ods; a path or its bytes) with a sheet per
    export named as the CSV files (``clients``/``klienter``, ``intake``/``nybesök``,
    ``deviations``/``avvikelser`` or ``deviation_events``/``avvikelsehändelser``,
    ``staff``/``personal``). Problems name ``file [sheet]``, the
    row as the spreadsheet shows it, and the column. Strict by default, as
    ``read_register_csv``."""
    if isinstance(source, bytes):
        return Register.from_workbook(source, lenient=lenient, vocabulary=vocabulary)
    path = pathlib.Path(source)
    return Register.from_workbook(path.read_bytes(), file=path.name, lenient=lenient,
                                  vocabulary=vocabulary)


def read_register_dir(
    directory: Union[str, "os.PathLike[str]"],
    *,
    survey_sent: int = 0,
    lenient: bool = False,
    vocabulary: str = "none",
) -> Register:
    """Reads ``register.json`` from a directory, or else its CSV exports (``clients.csv``,
    ``intake.csv``, ``deviations.csv`` or ``deviation_events.csv``, ``staff.csv``,
    ``survey.csv``; any may be missing)."""
    d = pathlib.Path(directory)
    if (d / "register.json").exists():
        return read_register_json(d / "register.json")
    files: Dict[str, Optional[pathlib.Path]] = {}
    for name in ("clients", "intake", "deviations", "deviation_events", "staff", "survey"):
        path = d / f"{name}.csv"
        files[name] = path if path.exists() else None
    if not any(files.values()):
        raise InvalidInputError(f"directory: neither register.json nor any CSV export in {d}")
    return read_register_csv(**files, survey_sent=survey_sent, lenient=lenient, vocabulary=vocabulary)


__all__ = [
    "Agreement",
    "AgreementParticipant",
    "AgreementTerms",
    "Allocation",
    "AnnexRow",
    "AnnualReport",
    "Applicant",
    "Assessment",
    "Audit",
    "BudgetOutcome",
    "CaseBatch",
    "CellRange",
    "ChainFinding",
    "Change",
    "Check",
    "ClientShareRow",
    "CodeValue",
    "Compilation",
    "CounterpartDeviations",
    "DeviationCounts",
    "DeviationEventRow",
    "DeviationPeriodView",
    "DeviationRegister",
    "DisclosureError",
    "Finding",
    "Grant",
    "GrantCalendar",
    "IdentityNumber",
    "InvalidIdentityNumberError",
    "InvalidInputError",
    "InvalidRegisterError",
    "LeadershipCheck",
    "Ledger",
    "MarginProblem",
    "MoneyLine",
    "MunicipalityRow",
    "NationalBudget",
    "ParticipantShare",
    "PoError",
    "Population",
    "PriorityPolicy",
    "Problem",
    "PseudonymKey",
    "PublicationFinding",
    "PublicationsAudit",
    "Question",
    "QueueStatistics",
    "RankedApplicant",
    "Ratio",
    "Readings",
    "Register",
    "Repayment",
    "Ranking",
    "Rows",
    "ScenarioRow",
    "StaffSummary",
    "Stamp",
    "SurveyQuestion",
    "Table",
    "UnknownCodeError",
    "VarmlandMunicipality",
    "Waiting",
    "WaitingSummary",
    "__version__",
    "adults_from_scb_csv",
    "agreement_from_dict",
    "amount_per_position",
    "annual_report",
    "assess_eligibility",
    "assess_eligibility_batch",
    "audit_publications",
    "audit_published_files",
    "audit_tables",
    "check_leadership_group",
    "check_margins",
    "client_share_vs_key",
    "code_list",
    "compile_family",
    "compile_submissions",
    "code_list_names",
    "message_language",
    "set_message_language",
    "eligibility_readings",
    "codes",
    "compare_agreements",
    "grant",
    "grant_calendar",
    "municipality_code",
    "parse_code",
    "policy_presets",
    "queue_statistics",
    "rank",
    "ranking_xlsx",
    "read_agreement",
    "read_register_csv",
    "read_register_dir",
    "read_register_json",
    "read_register_workbook",
    "repayment",
    "service_grant",
    "to_pandas",
    "to_polars",
    "varmland_leadership_group_2023",
    "varmland_municipalities",
]
