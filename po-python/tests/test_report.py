"""The register and the annual report through the Python package, the same numbers as Rust."""

import datetime
import json
import pathlib
import sys
from decimal import Decimal

import pandas as pd
import polars as pl
import pytest

import personligt_ombud as po
from personligt_ombud import charts
from _columns import OPTIONAL_CSV, with_optional

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "synthetic-2023"
D = datetime.date


@pytest.fixture(scope="module")
def register():
    return po.read_register_json(DATA / "register.json")


def varmland_population():
    return {m.code: (m.name, m.total_population_2023_12_31) for m in po.varmland_municipalities()
            if m.area_2023}


def test_json_csv_paths_bytes_and_dataframes_give_the_same_report(register):
    def report(r):
        return po.annual_report(r, year=2023).to_json()

    expected = report(register)
    files = {n: DATA / f"{n}.csv" for n in ("clients", "intake", "deviations", "staff", "survey")}
    assert report(po.read_register_csv(**files, survey_sent=95)) == expected
    assert report(po.read_register_dir(DATA)) == expected
    as_bytes = {n: p.read_bytes() for n, p in files.items()}
    assert report(po.read_register_csv(**as_bytes, survey_sent=95)) == expected
    assert report(po.read_register_json((DATA / "register.json").read_bytes())) == expected
    frames = {n: pd.read_csv(p, sep=";", dtype=str, keep_default_na=False) for n, p in files.items()}
    assert report(po.read_register_csv(**frames, survey_sent=95)) == expected
    polars_frames = {n: pl.read_csv(p, separator=";", infer_schema=False) for n, p in files.items()}
    assert report(po.read_register_csv(**polars_frames, survey_sent=95)) == expected
    assert register.client_count == 240
    assert register.counts["survey_responses"] == 18
    # Paths as str are read by po too (Rust, a large file on the machine's cores).
    as_str = {n: str(p) for n, p in files.items()}
    assert report(po.read_register_csv(**as_str, survey_sent=95)) == expected


def test_a_file_that_cannot_be_read_is_the_operating_systems_error_naming_it(tmp_path):
    missing = tmp_path / "klienter.csv"
    for path in (missing, str(missing)):
        with pytest.raises(FileNotFoundError, match="klienter.csv") as info:
            po.read_register_csv(clients=path)
        assert info.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        po.read_register_csv(clients=tmp_path)


def test_dataframe_with_python_lists_dates_and_booleans():
    frame = pd.DataFrame(
        {
            "id": ["k1", "k2"],
            "gender": ["woman", "Man"],
            "birth_year": [1980, 1995],
            "started_on": pd.to_datetime(["2023-01-10", "2023-02-01"]),
            "children_at_home": [True, False],
            "contact_reasons": [["economy", "Bostad"], []],
            "assignments": [["economy"], ["housing", "guardian"]],
        }
    )
    frame = with_optional(frame)
    # Two clients: the import is checked on every count, so unprotected (asked for explicitly).
    r = po.annual_report(po.read_register_csv(clients=frame), year=2023, unprotected=True)
    polars_frame = pl.DataFrame(
        {
            "id": ["k1", "k2"],
            "gender": ["woman", "Man"],
            "birth_year": [1980, 1995],
            "started_on": [D(2023, 1, 10), D(2023, 2, 1)],
            "children_at_home": [True, False],
            "contact_reasons": [["economy", "Bostad"], []],
            "assignments": [["economy"], ["housing", "guardian"]],
        }
    )
    as_polars = po.annual_report(po.read_register_csv(clients=with_optional(polars_frame)), year=2023,
                                 unprotected=True)
    assert as_polars.to_json() == r.to_json()
    with_gap = frame.assign(birth_year=[1980, None])  # float64 with NaN in pandas
    assert po.annual_report(po.read_register_csv(clients=with_gap), year=2023, unprotected=True).table(
        "active_clients").get("Man", "Uppgift saknas") == 1
    assert r.table("active_clients").total == 2
    assert r.table("children_at_home").total == 1
    assert r.table("contact_reasons").get("Bostad", "Kvinna") == 1
    assert r.assignments_per_client.value == Decimal("1.50")


def test_strict_import_lists_every_problem_lenient_leaves_rows_out():
    bad = with_optional(pd.DataFrame({"id": ["k1", "k2", "k3"], "gender": ["woman", "x", "man"],
                                      "started_on": ["2023-01-10", "2023-01-10", "2023-13-01"]}))
    with pytest.raises(po.InvalidRegisterError) as info:
        po.read_register_csv(clients=bad)
    problems = info.value.problems
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("clients.csv", 3, "gender"), ("clients.csv", 4, "started_on")]
    assert isinstance(info.value, po.InvalidInputError) and isinstance(info.value, ValueError)
    # One message in every language: the count, then every problem on a line of its own.
    assert str(info.value).startswith('2 problem(s) in the register:\n  clients.csv, row 3, column "gender"')
    lenient = po.read_register_csv(clients=bad, lenient=True)
    assert lenient.client_count == 1 and lenient.problems == problems
    report = po.annual_report(lenient, year=2023)
    assert report.input_problems == problems  # skipped rows are reported, never dropped silently
    with pytest.raises(po.InvalidRegisterError) as info:
        po.Register.from_json('{"clients": [{"id": "a"}]}')
    assert info.value.problems[0].file == "register.json"
    with pytest.raises(po.InvalidInputError, match="neither register.json nor any CSV export"):
        po.read_register_dir(ROOT / "po-python" / "tests")
    with pytest.raises(po.InvalidInputError, match="clients: expected bytes, a path, a DataFrame or an Arrow table, got int"):
        po.read_register_csv(clients=5)


def test_invalid_utf8_is_read_as_windows_1252_not_a_crash():
    data = f"id;gender;started_on;area{OPTIONAL_CSV.replace(';area', '')}\nk1;woman;2023-01-10;Västra\n".encode("cp1252")
    r = po.annual_report(po.read_register_csv(clients=data), year=2023)
    assert r.table("clients_by_area").rows == ["Västra"]


def test_the_report_matches_the_rust_demo(register):
    """po-demo (Rust) writes the same report of the same register to build/demo; the Python
    package must give exactly the same numbers (the leadership check is given differently)."""
    rust = json.loads((ROOT / "build" / "demo" / "report-2023.json").read_text(encoding="utf-8"))
    r = po.annual_report(
        register,
        year=2023,
        service_name="Personligt ombud Värmland (SYNTETISKA DATA / SYNTHETIC DATA)",
        priority_policy="varmland_2023",
    )
    ours = r.to_dict()
    for report in (rust, ours):
        report.pop("leadership")
    assert ours == rust


def test_report_contents(register):
    # Every count as it is (asked for explicitly): the service's own view, not for publication.
    r = po.annual_report(register, year=2023, service_name="PO", population=varmland_population(),
                         leadership_group=[("municipality", "Karlstad"), ("region_psychiatry", "Region")],
                         unprotected=True)
    assert r.k is None and "OSKYDDAD" in r.to_markdown()
    assert repr(r) == 'AnnualReport(year=2023, service_name="PO", active_clients=240, tables=11)'
    assert list(r.tables) == ["active_clients", "new_clients", "closed_clients", "clients_by_area",
                              "children_at_home", "contact_reasons", "new_contact_reasons", "assignments",
                              "intake_outcomes",
                              "deviations_by_type", "deviations_by_counterpart"]
    assert r.staff.positions == 10 and r.staff.ombud == 10
    assert sum(m.clients for m in r.clients_per_municipality) == 240
    assert all(m.key_share is not None for m in r.clients_per_municipality)
    assert r.leadership is not None and r.leadership.compliant == "not_met"
    assert r.survey_response_rate == po.annual_report(register, year=2023, unprotected=True).survey_response_rate
    assert r.survey_response_rate is not None
    assert (r.survey_response_rate.count, r.survey_response_rate.of) == (18, 95)
    assert r.survey_response_rate.value == Decimal("18.95")
    assert r.survey[0].respondents == 18
    assert r.to_markdown("en").startswith("# ")
    with pytest.raises(po.UnknownCodeError, match='unknown language "de": expected one of sv, en'):
        r.to_markdown("de")
    with pytest.raises(po.UnknownCodeError, match='unknown table "nope": expected one of active_clients'):
        r.table("nope")
    previous = po.annual_report(register, year=2022, unprotected=True)
    change = {c.measure: c for c in r.change_against(previous)}
    assert change["active_clients"].current == 240
    assert change["active_clients"].difference == 240 - previous.table("active_clients").total


def test_table_methods(register):
    t = po.annual_report(register, year=2023, unprotected=True).table("active_clients")
    assert t.get("Man", "30–49 år") == 27
    with pytest.raises(po.InvalidInputError, match=r"active_clients: no cell \('Man', 'x'\)|no cell"):
        t.get("Man", "x")
    # A byte-order mark first, for Excel on Swedish Windows (issue 32).
    assert t.to_csv().startswith("\ufeff;18–29 år")
    frame = t.to_pandas()
    assert frame.loc["Man", "30–49 år"] == 27 and str(frame.dtypes.iloc[0]) == "Int64"
    assert t.to_polars().columns[0] == "row"
    assert t.to_dict()["row"] == t.rows
    assert t.cells == [[19, 63, 50, 14], [19, 27, 32, 14], [0, 0, 2, 0]]
    hidden = t.protect(3)
    # The 2 is hidden, and so is its row total (2 as well): margins are cells. Nothing says why.
    assert hidden.cells[2][2] is None and hidden.row_totals[2] is None
    assert all(v is None or v == 0 or v >= 3 for row in hidden.cells for v in row)
    assert po.audit_tables([hidden], k=3).safe and hidden != t
    with pytest.raises(po.InvalidInputError, match="k: expected a threshold of 2 or more"):
        t.protect(1)
    assert po.to_pandas(t).equals(frame)


def test_check_margins_finds_seed_001_table_3():
    problems = po.check_margins([[1203, 1798, 1083, 171], [1465, 2640, 1420, 227]],
                                row_totals=[4255, 5752], column_totals=[2420, 4211, 2488, 398],
                                grand_total=10007)
    by_margin = {p.margin: p for p in problems}
    assert (by_margin["totals row sum"].published, by_margin["totals row sum"].computed) == (10007, 9517)
    assert len(problems) == 4 and problems.to_pandas().shape == (4, 3)


def test_deviations_for_the_leadership_group(register):
    rows = register.deviations_for_leadership_group(D(2023, 1, 1), D(2023, 6, 30), unprotected=True)
    assert rows and all(r.new >= r.raised for r in rows)
    assert sum(r.new for r in rows) == sum(
        1 for d in json.loads((DATA / "register.json").read_text())["deviations"]
        if "2023-01-01" <= d["date"] <= "2023-06-30")


def test_charts_are_written(register, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    r = po.annual_report(register, year=2023, population=varmland_population())
    written = charts.save_all(r, tmp_path)
    assert [p.name for p in written] == [f"{n}.png" for n in charts.CHARTS]
    assert all(p.stat().st_size > 5_000 and p.read_bytes()[:4] == b"\x89PNG" for p in written)
    # Issue 33: without a population there is no key series to draw, not one of zeros.
    plain = po.annual_report(register, year=2023)
    assert "clients_against_population_key.png" not in [p.name for p in charts.save_all(plain, tmp_path / "x")]
    with pytest.raises(ValueError, match="no population key"):
        charts.clients_against_population_key(plain)
    # A municipality's hidden share gets no bar (NaN), never a bar of 0, and is marked.
    fig = charts.clients_against_population_key(r)
    hidden = sum(1 for row in r.clients_per_municipality
                 for ratio in (row.client_share, row.key_share) if ratio is None or ratio.value is None)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert sum(1 for h in heights if h != h) == hidden
    assert [t.get_text() for t in fig.axes[0].texts].count("..") == hidden


def test_organisation():
    c = po.check_leadership_group([("municipality", "K"), ("Regionens psykiatri", "R")],
                                  as_of=D(2020, 1, 1), organisations_offered_seat=True)
    assert c.rule_set == "sfs_2019_1094" and "region_primary_care" in c.missing
    assert po.varmland_leadership_group_2023(D(2023, 12, 31)).compliant == "met"
    with pytest.raises(po.UnknownCodeError):
        po.check_leadership_group([("mayor", "")], as_of=D(2024, 1, 1))
    assert len(po.varmland_municipalities()) == 16
    assert po.municipality_code(" 1780 ") == "1780"
    with pytest.raises(po.InvalidInputError, match="kommunkod"):
        po.municipality_code("1700")


def test_codes_module_is_generated_and_enums_are_codes():
    sys.path.insert(0, str(ROOT / "po-python" / "tools"))
    import gen_codes

    assert gen_codes.TARGET.read_text(encoding="utf-8") == gen_codes.render()
    from personligt_ombud.codes import AgeBand, Gender, IntakeOutcome

    assert IntakeOutcome.NOT_TARGET_GROUP == "not_target_group"
    assert po.parse_code("gender", Gender.WOMAN).code == Gender.WOMAN
    assert AgeBand("65_plus") is AgeBand.N65_PLUS and str(AgeBand.N18_29) == "18_29"
    assert [m.value for m in IntakeOutcome] == [v.code for v in po.code_list("intake_outcome")]


def test_rows_helpers():
    rows = po.varmland_municipalities()
    assert isinstance(rows, tuple) and rows.to_dicts()[0]["code"] == rows[0].code
    assert po.to_polars(rows).shape == (16, 6)
    assert po.to_pandas(list(rows)).shape == (16, 6)


def test_the_notebook_is_the_script():
    sys.path.insert(0, str(ROOT / "examples" / "python"))
    import make_ipynb

    assert (ROOT / "examples" / "python" / "notebook.ipynb").read_text(encoding="utf-8") == make_ipynb.render()


def test_published_reports_are_protected_and_audited(register):
    """Issue 13 from Python: protected by default, nothing says which hidden cells are small,
    and an analyst can audit the report or tables built by hand."""
    r = po.annual_report(register, year=2023)
    assert r.k == 3 and sum(r.hidden_cells.values()) > 0
    assert r.stamp.as_of == D(2023, 12, 31) and "10 §" in r.stamp.rules and "1..2 hidden" in r.stamp.rules
    audit = r.audit()
    assert audit.safe and audit.k == 3 and audit.ranges and audit.shown_small == []
    # Issue 33: the unprotected report is not safe, because it shows counts of 1..2, and the
    # audit lists them (each at most once: a margin shared by tables is one number).
    u = po.annual_report(register, year=2023, unprotected=True)
    shown = u.audit()
    small = [v for t in u.tables.values() for row in t.cells for v in row if v in (1, 2)]
    assert not shown.safe and len(shown.shown_small) >= len(small) > 0
    assert all(c.low == c.high and c.low in (1, 2) and c.at_risk for c in shown.shown_small)
    # A hand-made table that publishes a 1 at k = 3 is not safe either.
    one = po.Table.from_cells("one", rows=["r"], columns=["a", "b"], cells=[[1, 5]],
                              row_totals=[6], column_totals=[1, 5], total=6)
    assert not po.audit_tables([one], k=3).safe
    # Every hidden cell can reach 0 or 3 and is not a single value.
    assert all(c.low != c.high and (c.low == 0 or c.high is None or c.high >= 3) for c in audit.ranges)
    published = [v for t in r.tables.values() for row in t.cells for v in row]
    published += [v for t in r.tables.values() for v in t.row_totals + t.column_totals + [t.total]]
    assert all(v is None or v == 0 or v >= 3 for v in published)
    text = r.to_json() + r.to_markdown("en")
    # Words about suppression never appear (code labels such as "Primary care" may).
    for word in ("primary suppression", "secondary suppression", "sekundär"):
        assert word not in text.lower()
    assert "secondary" not in text.lower()
    assert "Counts from 1 to 2 are not shown" in r.to_markdown("en")
    # The old pattern of issue 13: women 5 5 1 2, men 4 4 0 0; the 1, 2 and the men's zeros
    # hidden, the column totals 1 and 2 published. The audit computes all four.
    t = po.Table.from_cells(
        "closed_clients", rows=["Kvinna", "Man"], columns=["a", "b", "c", "d"],
        cells=[[5, 5, None, None], [4, 4, None, None]], row_totals=[13, 8],
        column_totals=[9, 9, 1, 2], total=21)
    audit = po.audit_tables([t], k=3)
    assert not audit.safe
    # Issue 33: the published column totals 1 and 2 are listed too, as shown small.
    assert sorted((c.column, c.low, c.high) for c in audit.shown_small) == [("c", 1, 1), ("d", 2, 2)]
    assert {(c.row, c.column): (c.low, c.high) for c in audit.ranges} == {
        ("Kvinna", "c"): (1, 1), ("Kvinna", "d"): (2, 2), ("Man", "c"): (0, 0), ("Man", "d"): (0, 0)}
    # Relations between tables: new ≤ active makes a hidden new cell under a published 0 exact.
    active = po.Table.from_cells("active", rows=["r"], columns=["a", "b"], cells=[[0, 9]],
                                 row_totals=[9], column_totals=[0, 9], total=9)
    new = po.Table.from_cells("new", rows=["r"], columns=["a", "b"], cells=[[None, None]],
                              row_totals=[None], column_totals=[None, None], total=None)
    alone = po.audit_tables([active, new], k=3)
    assert alone.safe
    related = po.audit_tables([active, new], relations=[("<=", [("new", "r", "a")], [("active", "r", "a")])])
    assert not related.safe
    with pytest.raises(po.InvalidInputError, match="relation: no cell"):
        po.audit_tables([active], relations=[("=", [("nope", None, None)], [("active", None, None)])])
    # A report changed after it was protected is refused.
    with pytest.raises(po.InvalidInputError, match="expected 2 rows"):
        po.Table.from_cells("x", rows=["a", "b"], columns=["c"], cells=[[1]], row_totals=[1],
                            column_totals=[1], total=1)


def test_a_missing_optional_column_is_never_silent_zeros():
    clients = pd.read_csv(DATA / "clients.csv", sep=";", dtype=str, keep_default_na=False)
    without = clients.drop(columns=["ended_on", "contact_reasons"])
    with pytest.raises(po.InvalidRegisterError) as info:
        po.read_register_csv(clients=without)
    assert [(p.row, p.column) for p in info.value.problems] == [(1, "ended_on"), (1, "contact_reasons")]
    assert "(active_clients, closed_clients)" in info.value.problems[0].reason
    lenient = po.read_register_csv(clients=without, lenient=True)
    report = po.annual_report(lenient, year=2023)
    assert lenient.client_count == 240 and report.input_problems == info.value.problems
    assert "ended_on" in report.to_markdown("sv")  # the warning is in the report itself


def test_a_workbook_of_exports_reads_as_the_csv_files_and_the_report_is_a_workbook(register):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet_name, file in (("Klienter", "clients"), ("Nybesök", "intake"), ("Avvikelser", "deviations"),
                             ("Personal", "staff")):
        sheet = book.create_sheet(sheet_name)
        for line in (DATA / f"{file}.csv").read_text(encoding="utf-8").splitlines():
            sheet.append([c if c else None for c in line.split(";")])
    sheet = book["Klienter"]
    sheet.cell(row=6, column=2, value="robot")  # row 6 as the spreadsheet shows it
    import io

    data = io.BytesIO()
    book.save(data)
    with pytest.raises(po.InvalidRegisterError) as info:
        po.read_register_workbook(data.getvalue())
    assert [(p.file, p.row, p.column) for p in info.value.problems] == [
        ("workbook.xlsx [Klienter]", 6, "gender")]
    lenient = po.read_register_workbook(data.getvalue(), lenient=True)
    assert lenient.client_count == 239
    report = po.annual_report(register, year=2023)
    xlsx = report.to_xlsx("en")
    assert xlsx[:2] == b"PK"  # a zip, as every .xlsx
    # Issue 32: the HTML document from Python as from the command, in either language.
    html = report.to_html()
    assert html.startswith("<!doctype html>") and '<html lang="sv">' in html
    assert "Redovisning enligt 10 § förordning (2013:522) 2023" in html
    assert '<html lang="en">' in report.to_html("en")
    with pytest.raises(po.UnknownCodeError):
        report.to_html("de")
    back = openpyxl.load_workbook(io.BytesIO(xlsx))
    # Sheets named in the document's language, never by po's machine names (issue 32): the
    # whole document first, then every table in report order; last, hidden, what the workbook
    # is about (issue 31 point 4: `po audit` places the workbook by it).
    assert back.sheetnames == [
        "Report", "Active clients", "New clients", "Closed clients", "Clients by area",
        "Children at home", "Contact reasons", "Contact reasons, new", "Assignments", "Intake outcomes",
        "Clients per municipality", "Deviations by type", "Deviations by counterpart",
        "Exit survey", "po"]
    assert [s.title for s in back.worksheets if s.sheet_state == "hidden"] == ["po"]
    assert [row for row in back["po"].iter_rows(values_only=True)][:2] == [
        ("schema", "po-published/1"), ("kind", "report")]
    sv = openpyxl.load_workbook(io.BytesIO(report.to_xlsx("sv")))
    assert sv.sheetnames[:3] == ["Redovisning", "Aktuella klienter", "Nya klienter"]
    first = [row[0] for row in back["Report"].iter_rows(values_only=True) if row[0]]
    assert "1. Positions, training and supervision" in first
    assert "5. Shortcomings noticed" in first
    active = back["Active clients"]
    table = report.table("active_clients")
    # English labels in the English workbook (the tables hold the Swedish ones).
    assert (table.rows[0], active.cell(row=4, column=1).value) == ("Kvinna", "Woman")
    assert [active.cell(row=4, column=j + 2).value for j in range(len(table.columns))] == [
        ".." if v is None else v for v in table.cells[0]]


def test_charts_draw_no_bar_for_a_hidden_cell(register):
    import matplotlib

    matplotlib.use("Agg")
    r = po.annual_report(register, year=2023)
    table = r.table("active_clients")
    hidden = sum(1 for row in table.cells for v in row if v is None)
    assert hidden > 0
    fig = charts.age_gender(r)
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    # One bar per cell; a hidden cell's bar has no height at all (NaN), never 0.
    assert sum(1 for h in heights if h != h) == hidden
    assert [t.get_text() for t in ax.texts].count("..") == hidden
    assert "ritas inte" in ax.get_title() and ax.get_xlabel() != "row"


def test_the_queue_and_the_invoices_as_workbooks():
    openpyxl = pytest.importorskip("openpyxl")
    import io

    applicants = [
        {"id": "a", "birth_date": D(1980, 1, 1), "queued_on": D(2023, 1, 2)},
        {"id": "b", "birth_date": D(1990, 1, 1), "queued_on": D(2023, 1, 1), "children_at_home": True},
    ]
    book = openpyxl.load_workbook(io.BytesIO(po.ranking_xlsx(applicants, "varmland_2023", D(2023, 3, 1))))
    sheet = book["Kö"]
    assert [sheet.cell(row=r, column=2).value for r in (4, 5)] == ["b", "a"]  # children first
    agreement = po.read_agreement(DATA.parent / "varmland-2023-agreement.json")
    xlsx = agreement.invoices_xlsx("sv")
    assert isinstance(xlsx, bytes)
    invoices = openpyxl.load_workbook(io.BytesIO(xlsx))["Fakturor"]
    last = invoices.max_row
    assert invoices.cell(row=last, column=1).value == "Summa"
    assert invoices.cell(row=last, column=5).value == 3_042_151


def test_an_ods_workbook_reads_as_the_csv_files(register, tmp_path):
    pytest.importorskip("odf")  # odfpy: pandas' writer of OpenDocument spreadsheets
    path = tmp_path / "export.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        for sheet_name, file in (("klienter", "clients"), ("nybesök", "intake")):
            frame = pd.read_csv(DATA / f"{file}.csv", sep=";", dtype=str, keep_default_na=False)
            frame.to_excel(writer, sheet_name=sheet_name, index=False)
    ods = po.read_register_workbook(path)
    assert ods.counts["clients"] == 240 and ods.counts["intake_visits"] == 180
    csv = po.read_register_csv(clients=DATA / "clients.csv", intake=DATA / "intake.csv")
    assert po.annual_report(ods, year=2023).to_json() == po.annual_report(csv, year=2023).to_json()


def test_a_county_compiles_submissions_in_json_and_in_the_flat_form():
    flat = ("section;row;column;value\nservice;;;PO Egen\nhost;;;1761\nmunicipalities;;;1761\nyear;;;2023\n"
            "ombud;;;3\npositions;;;2,5\n"
            "active_clients;Kvinna;18–29 år;4\nactive_clients;Man;18–29 år;5\n")
    other = flat.replace("PO Egen", "PO Annan").replace("1761", "1762").replace(";4\n", ";6\n")
    c = po.compile_submissions([flat, other], year=2023, county="Värmlands län", unprotected=True)
    assert (c.county, c.services, c.ombud, c.positions) == ("17", 2, 6, Decimal("5.0"))
    active = c.tables[0]
    assert active.name == "active_clients" and active.get("Kvinna", "18–29 år") == 10
    assert active.to_pandas().loc["Man", "18–29 år"] == 10
    assert [f.reason[:17] for f in c.findings[:2]] == ["10 § 3 is missing", "10 § 4 is missing"]
    assert c.markdown.startswith("# Redovisning av verksamhet med personligt ombud 2023 – Värmlands län")
    assert c.html.startswith("<!doctype html>") and "Värmlands län" in c.html
    # Seed 001 table 5 in the nation's compilation (issue 34 point 3): the budget as JSON, the
    # grant outcome from the submissions (here none reported: said in a finding).
    budget = ('{"year": 2023, "total": "104460000", "socialstyrelsen_admin": "1500000", '
              '"county_boards_admin": "3000000", "spent_socialstyrelsen": "1500000", '
              '"spent_county_boards": "3000000"}')
    nation = po.compile_submissions([flat, other], year=2023, unprotected=True, budget=budget)
    assert "Tabell 5. Budget och utfall PO 2023" in nation.markdown
    assert "| Ombudstjänster, statsbidrag | 99\u00a0960\u00a0000 | 0 |" in nation.markdown
    assert any("table 5's grant outcome covers the 0 of 2" in f.reason for f in nation.findings)
    with pytest.raises(po.InvalidInputError, match="the budget is the nation's"):
        po.compile_submissions([flat], year=2023, county="17", budget=budget)
    family = po.compile_family([flat, other], year=2023, unprotected=True, budget=budget)
    assert "Tabell 5" in family[-1].markdown and "Tabell 5" not in family[0].markdown
    protected = po.compile_submissions([flat, other], year=2023, county="17")
    assert all(v is None or v == 0 or v >= 3 for t in protected.tables for row in t.cells for v in row)
    # Issue 34: a submission that cannot be read, one of another year and a second one from a
    # service are left out, each named with why, and the rest is compiled.
    late = flat.replace("PO Egen", "PO Sen").replace("1761", "1763").replace("year;;;2023", "year;;;2022")
    mixed = po.compile_submissions([flat, "section;row;column;value\nx;y\n", late, flat, other],
                                   year=2023, county="17", unprotected=True)
    assert mixed.services == 2 and mixed.tables[0].get("Kvinna", "18–29 år") == 10
    assert [(f.about, f.file) for f in mixed.left_out] == [
        ("submissions[1]", "submissions[1]"), ("PO Sen", "submissions[2]"), ("PO Egen", "submissions[3]")]
    assert "line 2" in mixed.left_out[0].reason and "not 2023" in mixed.left_out[1].reason
    assert "a second submission from the service (the first, submissions[0], is used)" in mixed.left_out[2].reason
    # The analyst's lists apart from the publication (issue 34 point 3).
    assert "Lämnades utanför summorna" in mixed.findings_markdown
    assert "Lämnades utanför" not in mixed.markdown
    assert "<h2>Lämnades utanför summorna</h2>" in mixed.findings_html
    assert "Lämnades utanför" not in mixed.html
    # Seed 001's annex 1 from the flat form's shortcoming lines (issue 34 point 2).
    noted = flat + "shortcoming;Psykiatrin;Brist på läkartider;Långa väntetider\n"
    annex = po.compile_submissions([noted, other], year=2023, unprotected=True)
    assert [r.to_dict() for r in annex.shortcomings] == [{
        "part": "health_care", "shortcoming": "Brist på läkartider",
        "consequence": "Långa väntetider", "services": 1}]
    assert "Bilaga 1. Rapporterade brister från verksamheterna" in annex.markdown
    refused = po.compile_submissions([flat + "shortcoming;Psykiatrin;Brist;Gäller 19850412-1230\n", other],
                                     year=2023, unprotected=True)
    reason = refused.left_out[0].reason
    assert "line 10" in reason and "shortcoming: contains what looks like" in reason and "1230" not in reason
    assert all(f.file == "submissions[0]" for f in c.findings if f.about == "PO Egen")
    # A municipality code of a valid shape that is not one of the 290 is a finding here too.
    odd = po.compile_submissions([flat.replace("municipalities;;;1761", "municipalities;;;1761|1799")],
                                 year=2023, unprotected=True)
    assert any("1799 is not one of Sweden's 290 municipalities" in f.reason for f in odd.findings)
    assert c.to_dict()["tables"][0]["row"] == ["Kvinna", "Man"]
