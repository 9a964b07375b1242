"""The publication ledger from Python (issue 31): the leadership group's quarterly documents and
the year's summary protected together, the annual report at two k as one publication, the
ledger read back and refused when it is another population's or edited, and the county and
the nation compiled together."""

import datetime
import json
import pathlib

import pytest

import personligt_ombud as po

D = datetime.date
DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data" / "synthetic-2023"
MEETINGS = [(D(2022, 12, 31), D(2023, 3, 31)), (D(2023, 3, 31), D(2023, 6, 30)),
            (D(2023, 6, 30), D(2023, 9, 30)), (D(2023, 9, 30), D(2023, 12, 31))]


def quarters_5_4_6_1():
    """New shortcomings 5, 4, 6 and 1 in the four quarters (the issue's example)."""
    head = "id;date;event;event_type;level;counterpart;description;consequence;reply_by;summary\n"
    rows = []
    for q, (n, day) in enumerate(zip([5, 4, 6, 1], ["02-01", "05-01", "08-01", "11-01"])):
        rows += [f"q{q}-{i};2023-{day};documented;access_to_care_and_support;local;psychiatry;;;;\n"
                 for i in range(n)]
    return po.DeviationRegister.from_events_csv((head + "".join(rows)).encode("utf-8"))


def total_new(markdown):
    row = next(line for line in markdown.splitlines() if line.startswith("| **Totalt**"))
    return row.split("|")[2].strip()


def test_the_year_does_not_tell_the_hidden_quarter():
    deviations = quarters_5_4_6_1()
    alone = [deviations.meeting_document(p, m) for p, m in MEETINGS]
    assert [total_new(d) for d in alone] == ["5", "4", "6", ".."]
    assert total_new(deviations.annual_summary_by_level(2023)) == "16"  # 16 − 15: the hidden 1

    ledger = po.Ledger("service", "PO Test", 2023)
    together = [deviations.meeting_document(p, m, ledger=ledger) for p, m in MEETINGS]
    assert [total_new(d) for d in together] == ["5", "4", "6", ".."]
    assert total_new(deviations.annual_summary_by_level(2023, ledger=ledger)) == ".."
    assert ledger.publications() == [
        "meeting document 2023-03-31", "meeting document 2023-06-30", "meeting document 2023-09-30",
        "meeting document 2023-12-31", "summary by level 2023"]


def test_the_ledger_reads_back_and_refuses_another_population_or_an_edit():
    ledger = po.Ledger("service", "PO Test", 2023)
    quarters_5_4_6_1().meeting_document(*MEETINGS[0], ledger=ledger)
    text = ledger.to_json()
    assert json.loads(text)["schema"] == "po-ledger/1" and ledger.cell_count() > 0
    again = po.Ledger.from_json(text, scope="service", name="PO Test", year=2023)
    assert again.publications() == ledger.publications()
    with pytest.raises(po.InvalidInputError, match="not of service"):
        po.Ledger.from_json(text, scope="service", name="PO Test", year=2024)
    edited = text.replace('"count": 5', '"count": 6', 1)
    assert edited != text
    with pytest.raises(po.InvalidInputError, match="does not match its hash"):
        po.Ledger.from_json(edited, scope="service", name="PO Test", year=2023)
    with pytest.raises(po.InvalidInputError, match="scope"):
        po.Ledger("kommun", "PO Test", 2023)
    # An unprotected document is not a publication: it is not recorded.
    with pytest.raises(po.InvalidInputError, match="unprotected"):
        quarters_5_4_6_1().meeting_document(*MEETINGS[1], unprotected=True, ledger=ledger)
    assert len(ledger.publications()) == 1


def test_the_annual_report_at_two_k_is_one_publication():
    register = po.read_register_csv(clients=DATA / "clients.csv", intake=DATA / "intake.csv",
                                    deviations=DATA / "deviations.csv")
    ledger = po.Ledger("service", "PO Test", 2023)
    first = po.annual_report(register, year=2023, service_name="PO Test", ledger=ledger)
    second = po.annual_report(register, year=2023, service_name="PO Test", k=5, ledger=ledger)
    assert ledger.publications() == ["annual report 2023", "annual report 2023"]
    # The same count shown in both is the same number; nothing shown at k = 5 is below 5.
    for name in ("active_clients", "new_clients", "contact_reasons"):
        a, b = first.table(name), second.table(name)
        for row_a, row_b in zip(a.cells, b.cells):
            for x, y in zip(row_a, row_b):
                assert x is None or y is None or x == y
                assert y is None or y == 0 or y >= 5
    assert first.audit().safe and second.audit().safe


def test_counties_and_the_nation_compile_together():
    def flat(name, code, women):
        return (f"section;row;column;value\nservice;;;{name}\nhost;;;{code}\nmunicipalities;;;{code}\n"
                f"year;;;2023\nombud;;;3\npositions;;;2,5\n"
                f"active_clients;Kvinna;18–29 år;{women}\nactive_clients;Man;18–29 år;5\n")
    family = po.compile_family([flat("PO A", "1761", 4), flat("PO B", "1780", 6),
                                flat("PO C", "0180", 7)], year=2023)
    assert [c.county for c in family] == ["01", "17", ""]
    nation = family[-1]
    assert nation.services == 3 and nation.ombud == 9
    counties = family[:-1]
    assert sum(c.services for c in counties) == 3


def test_published_reports_audited_together():
    register = po.read_register_csv(clients=DATA / "clients.csv", intake=DATA / "intake.csv",
                                    deviations=DATA / "deviations.csv")
    ledger = po.Ledger("service", "PO Test", 2023)
    k3 = po.annual_report(register, year=2023, service_name="PO Test", ledger=ledger).to_json()
    k5 = po.annual_report(register, year=2023, service_name="PO Test", k=5, ledger=ledger).to_json()
    audit = po.audit_publications([k3, k5])
    assert audit.safe and audit.k == 3 and audit.documents == 2 and audit.findings == []
    assert "counts of the same service and year taken as one" in audit.links[0]
    # At k = 5 the k = 3 report's counts of 3 and 4 are listed, where they are published.
    strict = po.audit_publications([k3, k5], k=5)
    assert not strict.safe
    published_small = [f for f in strict.findings if f.kind == "published_small"]
    assert published_small and all(f.file == "documents[0]" and 3 <= f.low <= 4 for f in published_small)
    assert all(not f.table.startswith("documents[") for f in strict.findings)
    with pytest.raises(po.InvalidInputError, match="confidential"):
        po.audit_publications([ledger.to_json()])


def test_published_files_audited_together(tmp_path):
    """Issue 31 point 4: the files as published — the JSON, the CSV tables and the workbooks
    in both languages — read from a directory and audited as one service's numbers."""
    register = po.read_register_csv(clients=DATA / "clients.csv", intake=DATA / "intake.csv",
                                    deviations=DATA / "deviations.csv")
    report = po.annual_report(register, year=2023, service_name="PO Test")
    (tmp_path / "report-2023.json").write_text(report.to_json(), encoding="utf-8")
    for language in ("sv", "en"):
        (tmp_path / f"report-2023.{language}.xlsx").write_bytes(report.to_xlsx(language))
    (tmp_path / "report-2023.sv.md").write_text("# not read", encoding="utf-8")
    tables = tmp_path / "tables-2023"
    tables.mkdir()
    for name, text in report.to_csv_tables().items():
        (tables / name).write_text(text, encoding="utf-8")
    assert (tables / "about.csv").read_text(encoding="utf-8").startswith("\ufeffschema;po-published/1")
    audit = po.audit_published_files([tmp_path])
    assert audit.safe and audit.k == 3 and audit.documents == 4, audit.links
    assert sum("taken as one" in link for link in audit.links) == 6
    strict = po.audit_published_files([tmp_path / "report-2023.sv.xlsx"], k=5)
    small = {(f.table, f.row, f.column) for f in strict.findings if f.kind == "published_small"}
    assert small and all(f.file.endswith("report-2023.sv.xlsx") for f in strict.findings)
    with pytest.raises(po.InvalidInputError, match="read with its directory"):
        po.audit_published_files([tmp_path / "clients.csv"])
