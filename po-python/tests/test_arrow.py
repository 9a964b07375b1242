"""Arrow's PyCapsule interface both ways: frames of pandas, polars, pyarrow and DuckDB read
without CSV (the same register, the same located problems), and po's tables, rankings and
allocations read by them."""

import datetime
import pathlib
from decimal import Decimal

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import personligt_ombud as po
from _columns import with_optional

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "synthetic-2023"
FILES = ("clients", "intake", "deviations", "staff")
D = datetime.date


def tables(register):
    return {n: t.to_dict() for n, t in po.annual_report(register, year=2023).tables.items()}


@pytest.fixture(scope="module")
def expected():
    return tables(po.read_register_csv(**{n: DATA / f"{n}.csv" for n in FILES}))


def csv(name):
    return str(DATA / f"{name}.csv")


LOADERS = {
    # Typed as each library reads them: ints, floats with gaps, dates, booleans, strings.
    "pandas": lambda n: pd.read_csv(csv(n), sep=";"),
    "polars": lambda n: pl.read_csv(csv(n), separator=";", try_parse_dates=True),
    "pyarrow": lambda n: pa.Table.from_pandas(pd.read_csv(csv(n), sep=";", dtype=str)),
    "duckdb": lambda n: duckdb.sql(f"select * from read_csv('{csv(n)}', delim=';')"),
}


@pytest.mark.parametrize("library", sorted(LOADERS))
def test_every_library_s_frames_give_the_csv_report(library, expected):
    frames = {n: LOADERS[library](n) for n in FILES}
    register = po.read_register_csv(**frames)
    assert register.counts == {"clients": 240, "deviations": 96, "intake_visits": 180,
                               "staff": 10, "survey_responses": 0}
    assert tables(register) == expected


def test_an_arrow_capsule_and_a_record_batch_reader_are_read_too(expected):
    clients = pa.Table.from_pandas(pd.read_csv(csv("clients"), sep=";", dtype=str))
    capsule = clients.__arrow_c_stream__()
    # Batches of 7 rows: row numbers run on across batches (checked below with a bad row).
    reader = pa.RecordBatchReader.from_batches(clients.schema, clients.to_batches(max_chunksize=7))
    a = po.read_register_csv(clients=capsule)
    b = po.read_register_csv(clients=reader)
    assert a.client_count == b.client_count == 240


def test_problems_are_located_as_in_the_csv_export():
    bad = with_optional(pd.DataFrame({"id": ["k1", "k2", "k3", "k1"], "gender": ["woman", "x", "man", "man"],
                                      "started_on": ["2023-01-10", "2023-01-10", "2023-13-01", "2023-01-10"]}))
    as_csv = bad.to_csv(sep=";", index=False).encode()
    want = [("clients.csv", 3, "gender"), ("clients.csv", 4, "started_on"), ("clients.csv", 5, "id")]
    for source in (as_csv, bad, pl.from_pandas(bad), pa.Table.from_pandas(bad)):
        with pytest.raises(po.InvalidRegisterError) as info:
            po.read_register_csv(clients=source)
        assert [(p.file, p.row, p.column) for p in info.value.problems] == want
    batches = pa.Table.from_pandas(bad).to_batches(max_chunksize=1)
    reader = pa.RecordBatchReader.from_batches(batches[0].schema, batches)
    lenient = po.read_register_csv(clients=reader, lenient=True)
    assert [(p.row, p.column) for p in lenient.problems] == [(3, "gender"), (4, "started_on"), (5, "id")]
    assert lenient.client_count == 1


def one_client(area, kind):
    """A frame of one client in an area, of the kind of string column given."""
    frame = with_optional(pd.DataFrame({"id": ["k1"], "gender": ["woman"], "started_on": ["2023-01-10"],
                                        "area": [area]}))
    if kind == "polars":
        return pl.from_pandas(frame)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    string = pa.large_string() if kind == "large" else pa.string()
    return table.cast(pa.schema([pa.field(f.name, string) if pa.types.is_string(f.type)
                                 or pa.types.is_large_string(f.type) else f for f in table.schema]))


def test_control_characters_and_overlong_cells_are_found_in_every_kind_of_string_column():
    # Each column kind checks a batch's text at once (offsets and values; polars views inline
    # up to 12 bytes or in a buffer): a control character in a short or a long text, and a cell
    # beyond Excel's 32 767 characters, are each a problem, as in the CSV; each text alone in
    # its frame, so that no other bad cell can make the batch be checked cell by cell.
    areas = {"Norra": False, "Va\x1bst": True, "Centrala": False, "Omr\x07det Centrala Norra": True,
             "N" * 32_768: True, "Västra Värmlands område": False, "Ä" * 20_000: False}
    for kind in ("pandas", "polars", "string", "large"):
        for area, bad in areas.items():
            lenient = po.read_register_csv(clients=one_client(area, kind), lenient=True)
            assert [(p.row, p.column) for p in lenient.problems] == ([(2, "area")] if bad else []), \
                (kind, area[:30])


def test_every_control_character_at_every_place_of_a_short_text_is_found():
    # polars keeps texts of up to 12 bytes inside the view, which po tests twelve bytes at a
    # time: every byte below 0x20 at every place of every length, beside ä (two bytes of UTF-8),
    # is a problem exactly when a CSV cell's would be (tab and line breaks are text). Each text
    # alone in its frame: one bad text found cannot hide another missed.
    for length in range(1, 13):
        for place in range(length):
            for byte in range(0x20):
                text = bytearray(b"x" * length)
                # An ä where it fits beside the place.
                pair = next((i for i in range(length - 1) if place not in (i, i + 1)), None)
                if pair is not None:
                    text[pair:pair + 2] = "ä".encode()
                text[place] = byte
                assert len(text) == length
                lenient = po.read_register_csv(clients=one_client(text.decode(), "polars"), lenient=True)
                assert len(lenient.problems) == (byte not in (9, 10, 13)), (length, place, byte)


def test_integer_and_boolean_columns_read_as_their_csv_text():
    # Whole numbers below 10 000 are read as text made once, larger and negative ones through
    # the cast, booleans as true/false: each column as its CSV export reads, 64 or 32 bits,
    # with gaps; a value that is no year is the same problem with the same text as in CSV.
    years = {"small": [1980, None, 1995], "large": [1980, 12_345, 1995], "negative": [1980, -5, 1995]}
    for name, birth_years in years.items():
        for dtype in (pl.Int64, pl.Int32):
            frame = with_optional(pl.DataFrame({
                "id": ["k1", "k2", "k3"], "gender": ["woman", "man", "woman"],
                "birth_year": pl.Series(birth_years, dtype=dtype), "started_on": ["2023-01-10"] * 3,
                "children_at_home": [True, None, False]}))
            as_csv = frame.write_csv(separator=";").encode()
            a = po.read_register_csv(clients=frame, lenient=True)
            b = po.read_register_csv(clients=as_csv, lenient=True)
            assert [(p.row, p.column, p.reason) for p in a.problems] == \
                [(p.row, p.column, p.reason) for p in b.problems], (name, dtype)
            assert a.client_count == b.client_count == (3 if name == "small" else 2), (name, dtype)
            ra, rb = (po.annual_report(r, year=2023, unprotected=True) for r in (a, b))
            assert ra.to_json() == rb.to_json(), (name, dtype)


def test_a_pandas_frame_pyarrow_cannot_convert_takes_the_csv_route():
    mixed = with_optional(pd.DataFrame({"id": ["k1", 2], "gender": ["woman", "man"],
                                        "started_on": ["2023-01-10", "2023-01-10"]}))
    with pytest.raises(Exception):
        pa.Table.from_pandas(mixed)
    assert po.read_register_csv(clients=mixed).client_count == 2


def test_an_unreadable_stream_is_an_error_not_an_empty_register():
    class Broken:
        def __arrow_c_stream__(self, requested_schema=None):
            raise RuntimeError("no stream today")

    with pytest.raises(RuntimeError, match="no stream today"):
        po.read_register_csv(clients=Broken())
    with pytest.raises(po.InvalidInputError, match="clients: expected bytes"):
        po.read_register_csv(clients=42)
    missing = pa.table({"id": ["k1"], "gender": ["woman"]})
    with pytest.raises(po.InvalidRegisterError) as info:
        po.read_register_csv(clients=missing)
    assert (info.value.problems[0].row, info.value.problems[0].column) == (1, "started_on")


def test_report_tables_export_arrow_with_hidden_cells_as_null():
    register = po.read_register_csv(**{n: DATA / f"{n}.csv" for n in FILES})
    report = po.annual_report(register, year=2023)
    for name, table in report.tables.items():
        arrow = pa.table(table)
        assert arrow.column_names == ["row", *table.columns], name
        assert arrow.to_pydict() == table.to_dict(), name
        assert pl.DataFrame(table).to_dict(as_series=False) == table.to_dict(), name
    active = report.table("active_clients")
    hidden = [(i, j) for i, row in enumerate(active.cells) for j, v in enumerate(row) if v is None]
    assert hidden, "the bundled report hides cells"
    i, j = hidden[0]
    assert pa.table(active).column(active.columns[j])[i].as_py() is None
    t = active  # DuckDB reads the table by its Python name
    assert duckdb.sql("select count(*) from t").fetchall()[0][0] == len(active.rows)


def test_rankings_and_allocations_export_arrow_exactly():
    applicants = [
        {"id": "a", "birth_date": D(1980, 1, 1), "queued_on": D(2023, 1, 2)},
        {"id": "b", "birth_date": D(1990, 1, 1), "queued_on": D(2023, 1, 1)},
    ]
    ranking = po.rank(applicants, "national_2019", D(2023, 3, 1))
    # A ranking is a tuple too, which pa.table() would take as columns: read it as a stream.
    arrow = pa.RecordBatchReader.from_stream(ranking).read_all()
    assert arrow.num_rows == 2
    assert arrow.column("id").to_pylist() == [r.id for r in ranking]
    allocation = po.read_agreement(ROOT / "examples" / "data" / "varmland-2023-agreement.json").allocate()
    shares = pa.table(allocation)
    assert shares.num_rows == 15
    assert pa.types.is_decimal(shares.schema.field("fee").type)
    assert sum(shares.column("fee").to_pylist()) == allocation.municipal_net == Decimal(3_042_151)
    assert allocation.to_pandas().shape[0] == 15
    assert allocation.to_polars()["fee"].sum() == Decimal(3_042_151)
    with pytest.raises(po.InvalidInputError, match="two kinds"):
        po._native._arrow_records([{"x": 1}, {"x": "one"}])


def random_cases(n, seed=7):
    import random

    rng = random.Random(seed)
    life = ["housing", "economy", "occupation", "daily_life", "social_relations", "authority_contacts"]
    needs = ["care", "support_and_service", "rehabilitation", "occupation"]
    contacts = ["social_services", "primary_care", "specialised_psychiatry", "other_authorities"]
    answers = [True, False, None]

    def criterion(codes):
        pick = rng.random()
        if pick < 0.3:
            return rng.choice(answers)
        # Empty lists too: not known in a single call, as an empty cell is in the batch.
        return rng.sample(codes, rng.randint(0, len(codes)))

    return [
        {
            "age": rng.choice([None, rng.randint(15, 90)]),
            "psychiatric_disability": rng.choice(answers),
            "difficulties": criterion(life),
            "needs": criterion(needs),
            "long_term_contacts": criterion(contacts),
        }
        for _ in range(n)
    ]


def test_a_batch_of_cases_gives_assess_eligibility_s_outcomes_row_by_row():
    on = D(2024, 3, 1)
    cases = random_cases(2000)
    # Lists and answers mixed in one column are not one Arrow type: a frame per shape.
    frame = pl.DataFrame([{k: ("|".join(v) if isinstance(v, list) else
                              {True: "ja", False: "nej", None: None}[v] if k != "age" else v)
                           for k, v in c.items()} for c in cases])
    for readings in ("statute", "stockholm_2021"):
        batch = po.assess_eligibility_batch(frame, as_of=on, readings=readings)
        got = pl.DataFrame(batch)
        assert got["row"].to_list() == list(range(2000))
        # Issue 33: the single call reads the words a frame holds as the batch does ("ja",
        # "nej", "vet ej", "yes", "no", …): the same outcome whichever word says it.
        words = {True: ["ja", "Ja", "yes", "true", "1", "x"], False: ["nej", "NEJ", "no", "false", "0"],
                 None: [None, "vet ej", "unknown"]}
        rng = __import__("random").Random(readings)
        for i in range(0, 2000, 7):
            said = {k: (rng.choice(words[v]) if k == "psychiatric_disability" else v) for k, v in cases[i].items()}
            a = po.assess_eligibility(as_of=on, readings=readings, **said)
            assert got["outcome"][i] == a.outcome, (i, cases[i])
            assert sorted(got["questions"][i]) == sorted(q.criterion for q in a.questions), i
            assert sorted(got["not_met"][i]) == sorted(f.criterion for f in a.findings if f.status == "not_met")
        assert batch.rule_set == "sfs_2019_1094" and batch.as_of == on
        assert sum(batch.counts.values()) == 2000 and batch.counts["not_assessed"] == 0
        assert batch.counts == {o: got["outcome"].to_list().count(o) for o in batch.counts if o != "not_assessed"} | {"not_assessed": 0}
    och = po.assess_eligibility_batch(frame, as_of=on).counts["eligible"]
    eller = po.assess_eligibility_batch(frame, as_of=on, readings="stockholm_2021").counts["eligible"]
    assert eller > och  # Stockholm's "eller" admits more than the statute's "och"
    # The same table as CSV bytes and as a pandas frame gives the same results.
    as_csv = frame.write_csv(separator=";").encode()
    assert pl.DataFrame(po.assess_eligibility_batch(as_csv, as_of=on)).equals(
        pl.DataFrame(po.assess_eligibility_batch(frame.to_pandas(), as_of=on)))


def test_a_case_that_cannot_be_read_keeps_its_row_with_the_problem():
    cases = pl.DataFrame({"ålder": [40, 200, None], "psykisk funktionsnedsättning": ["ja", "kanske", None],
                          "birth_date": [None, None, D(1990, 1, 1)]})
    batch = po.assess_eligibility_batch(cases, as_of=D(2024, 3, 1))
    got = pl.DataFrame(batch)
    assert got["outcome"].to_list() == ["undetermined", None, "undetermined"]
    # Columns named as the frame named them (issue 32 point 2).
    assert got["problem"][1] == ('ålder: expected whole years such as 42, got "200"; '
                                 'psykisk funktionsnedsättning: expected ja, nej or vet ej, got "kanske"')
    assert [(p.row, p.column) for p in batch.problems] == [(3, "ålder"), (3, "psykisk funktionsnedsättning")]
    assert batch.counts["not_assessed"] == 1 and len(batch) == 3
    with pytest.raises(po.InvalidRegisterError):
        po.assess_eligibility_batch(cases, as_of=D(2024, 3, 1), lenient=False)
    with pytest.raises(po.InvalidInputError):
        po.assess_eligibility_batch(cases, as_of=D(2010, 1, 1))  # before the statute
    both = pl.DataFrame({"age": [40], "birth_date": [D(1984, 1, 1)]})
    assert "keep one" in pl.DataFrame(po.assess_eligibility_batch(both, as_of=D(2024, 3, 1)))["problem"][0]
