# %% [markdown]
# # po in a notebook: report, queue, cost sharing and charts
#
# A notebook-style script (cells marked `# %%`; VS Code and Jupyter open it as a notebook). It
# goes from the bundled SYNTHETIC register to the annual report (SFS 2013:522 10 §), a ranked
# queue, PO Värmland's 2023 cost sharing and the charts of the seed reports, saved as PNG.
#
# Run: `python examples/python/notebook.py [output directory]` (default `build/notebook`).

# %%
import datetime
import pathlib
import sys

import pandas as pd

import personligt_ombud as po
from personligt_ombud import charts
from personligt_ombud.codes import IntakeOutcome

if "__file__" in globals():  # run as a script: an optional output directory
    ROOT = pathlib.Path(__file__).resolve().parents[2]
    OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "notebook"
else:  # in Jupyter, opened from examples/python
    ROOT = pathlib.Path.cwd().parents[1]
    OUT = ROOT / "build" / "notebook"
DATA = ROOT / "examples" / "data"

# %% [markdown]
# ## 1. The register: CSV exports read through pandas
# A case-management export is usually CSV; an analyst often has it in a DataFrame already.
# po validates every row: a strict read raises `InvalidRegisterError` listing every problem
# with file, row and column; `lenient=True` leaves bad rows out and lists them in the report.

# %%
clients = pd.read_csv(DATA / "synthetic-2023" / "clients.csv", sep=";", dtype=str,
                      keep_default_na=False)
register = po.read_register_csv(
    clients=clients,  # a DataFrame …
    intake=DATA / "synthetic-2023" / "intake.csv",  # … or a path
    deviations=DATA / "synthetic-2023" / "deviations.csv",
    staff=DATA / "synthetic-2023" / "staff.csv",
    survey=DATA / "synthetic-2023" / "survey.csv",
    survey_sent=95,
)
print(register)

# %% [markdown]
# ## 2. The annual report
# The population key uses the bundled TOTAL population of Värmland's municipalities as a
# stand-in for adults (see `examples/data/README.md`). Published reports are protected by
# default (k = 3): counts 1–2 and whatever else could reveal them are hidden (None), and the
# report has passed an LP audit (`report.audit()`).

# %%
varmland = po.varmland_municipalities().to_pandas()
population = {
    m.code: (m.name, m.total_population_2023_12_31)
    for m in po.varmland_municipalities()
    if m.area_2023 is not None
}
report = po.annual_report(
    register,
    year=2023,
    service_name="PO Värmland (SYNTETISKA DATA)",
    priority_policy="varmland_2023",
    population=population,
)
print(report)
print("Dolda tal per tabell:", report.hidden_cells, "– granskad:", report.audit().safe)
print("Uppdrag per klient:", report.assignments_per_client.value)
print("Väntetid (median dagar):", report.waiting.median_days)
print(report.table("active_clients").to_pandas())
intake = report.table("intake_outcomes").to_pandas()
print(intake.loc[po.code_list("intake_outcome")[0].label_sv])
assert IntakeOutcome.ACCEPTED == "accepted"  # enums are their codes

# %% [markdown]
# ## 3. The queue under PO Värmland's priority order

# %%
today = datetime.date(2024, 1, 15)
# A frame is read as the queue export is (`po schema`): every flag column present, the words or
# booleans read by po's one reading ("nej" is no), a missing column a problem, not a silent no.
queue = pd.DataFrame(
    {
        "id": ["A-1", "A-2", "A-3", "A-4"],
        "birth_date": pd.to_datetime(["1990-01-01", "1999-05-05", "1980-02-02", "1970-03-03"]),
        "queued_on": pd.to_datetime(["2023-06-01", "2023-10-01", "2023-11-01", "2023-03-01"]),
        "children_at_home": [False, False, True, False],
        "children_at_risk_of_harm": [False, False, False, False],
        "homeless_or_at_risk": [False, False, False, True],
        "lacking_contacts": ["nej", "ja", "nej", "nej"],
    }
)
ranked = po.rank(queue, "varmland_2023", today)
print(ranked.to_pandas()[["position", "id", "deciding_group", "days_waited"]])

# %% [markdown]
# ## 4. Cost sharing of PO Värmland 2023, and what if Kil (1715) left

# %%
agreement = po.read_agreement(DATA / "varmland-2023-agreement.json")
allocation = agreement.allocate()
fees = po.Rows(allocation.participants).to_pandas()[["code", "name", "adults", "fee", "total"]]
print(fees)
print("Kommunernas del:", allocation.municipal_net, "kr; alla kontroller håller:",
      all(c.holds for c in allocation.checks))
scenario = po.compare_agreements(agreement, agreement.without("1715"))
print(scenario.to_pandas()[["name", "base_total", "alternative_total", "difference"]].head())

# %% [markdown]
# ## 5. Charts (PNG)

# %%
written = charts.save_all(report, OUT)
for path in written:
    print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
