"""Charts of the annual report, as the seed reports draw them (matplotlib, optional).

Install matplotlib to use this module (``pip install personligt-ombud[charts]``). Every function
takes an ``AnnualReport`` and returns a matplotlib ``Figure``; ``save_all`` writes them as PNG.
Cells hidden by disclosure control (None) get no bar, never a bar of 0: their place is marked
``..`` and the title says so. The charts only draw what po computed; they compute nothing.
"""

import pathlib
from typing import Any, List, Optional, Sequence, Union

from ._native import AnnualReport, Table

_SUPPRESSED_NOTE = " (dolda tal, .., ritas inte)"
_HIDDEN = float("nan")  # matplotlib draws no bar for NaN


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - the message is the point
        raise ImportError(
            "personligt_ombud.charts needs matplotlib: pip install matplotlib"
        ) from e
    return plt


def _values(table: Table) -> List[List[float]]:
    return [[_HIDDEN if c is None else float(c) for c in row] for row in table.cells]


def _shown(v: float) -> float:
    """A value to stack on: a hidden one adds nothing drawn."""
    return 0.0 if v != v else v


def _title(table: Table) -> str:
    hidden = any(c is None for row in table.cells for c in row)
    return table.title_sv + (_SUPPRESSED_NOTE if hidden else "")


def _grouped_bars(table: Table, *, horizontal: bool = False, stacked: bool = False) -> Any:
    """Rows along the axis, one bar (or stack segment) per column."""
    plt = _pyplot()
    values = _values(table)
    fig, ax = plt.subplots(figsize=(9, max(4, 0.45 * len(table.rows)) if horizontal else 5))
    n = len(table.columns)
    positions = list(range(len(table.rows)))
    width = 0.8 if stacked else 0.8 / max(n, 1)
    bottoms = [0.0] * len(table.rows)
    for j, column in enumerate(table.columns):
        heights = [row[j] for row in values]
        offsets = positions if stacked else [p - 0.4 + width * (j + 0.5) for p in positions]
        if horizontal:
            ax.barh(offsets, heights, height=width, left=bottoms if stacked else None, label=column)
        else:
            ax.bar(offsets, heights, width=width, bottom=bottoms if stacked else None, label=column)
        for o, h, b in zip(offsets, heights, bottoms):
            if h != h:  # hidden: marked where its bar would start
                xy = (b if stacked else 0, o) if horizontal else (o, b if stacked else 0)
                ax.annotate("..", xy, ha="left" if horizontal else "center", va="center" if horizontal else "bottom")
        if stacked:
            bottoms = [b + _shown(h) for b, h in zip(bottoms, heights)]
    if horizontal:
        ax.set_yticks(positions)
        ax.set_yticklabels(table.rows)
        ax.invert_yaxis()
    else:
        ax.set_xticks(positions)
        ax.set_xticklabels(table.rows, rotation=20, ha="right")
    ax.set_title(_title(table))
    ax.legend(fontsize="small")
    fig.tight_layout()
    return fig


def age_gender(report: AnnualReport) -> Any:
    """Active clients by gender and age band (seed 001 table 3, seed 003)."""
    return _grouped_bars(report.table("active_clients"))


def contact_reasons_by_gender(report: AnnualReport) -> Any:
    """Contact reasons by gender (seed 002)."""
    return _grouped_bars(report.table("contact_reasons"), horizontal=True)


def deviations_by_type(report: AnnualReport) -> Any:
    """Deviations by type, stacked by level (seed 004)."""
    return _grouped_bars(report.table("deviations_by_type"), horizontal=True, stacked=True)


def intake_outcomes_per_area(report: AnnualReport) -> Any:
    """Intake outcomes per area (seed 003), stacked."""
    table = report.table("intake_outcomes")
    # Areas along the axis: transpose the table's rows (outcomes) and columns (areas).
    plt = _pyplot()
    values = _values(table)
    fig, ax = plt.subplots(figsize=(8, 5))
    positions = list(range(len(table.columns)))
    bottoms = [0.0] * len(table.columns)
    for i, outcome in enumerate(table.rows):
        ax.bar(positions, values[i], bottom=bottoms, label=outcome)
        for p, v, b in zip(positions, values[i], bottoms):
            if v != v:
                ax.annotate("..", (p, b), ha="center", va="bottom")
        bottoms = [b + _shown(v) for b, v in zip(bottoms, values[i])]
    ax.set_xticks(positions)
    ax.set_xticklabels(table.columns)
    ax.set_title(_title(table))
    ax.legend(fontsize="small")
    fig.tight_layout()
    return fig


def clients_against_population_key(report: AnnualReport) -> Any:
    """Each municipality's share of the clients against its share of the population key
    (seed 003's "teoretiskt uppnådd andel"). Needs the report computed with ``population``:
    without it there is no key to draw, and ``ValueError`` says so (a series of zeros would be
    drawn as if given). A hidden share gets no bar, marked ``..`` (issue 33)."""
    plt = _pyplot()
    rows = report.clients_per_municipality
    if not any(r.key_share is not None for r in rows):
        raise ValueError(
            "clients_against_population_key: the report has no population key; "
            "compute it with annual_report(..., population=...)"
        )

    def share(ratio: Any) -> float:
        value = None if ratio is None else ratio.value
        return _HIDDEN if value is None else float(value)

    names = [r.name for r in rows]
    series = [
        ("Andel av klienterna (%)", [share(r.client_share) for r in rows], -0.2),
        ("Andel av befolkningsnyckeln (%)", [share(r.key_share) for r in rows], 0.2),
    ]
    fig, ax = plt.subplots(figsize=(10, 5))
    positions = list(range(len(rows)))
    hidden = False
    for label, values, shift in series:
        offsets = [p + shift for p in positions]
        ax.bar(offsets, values, width=0.4, label=label)
        for o, v in zip(offsets, values):
            if v != v:  # hidden: no bar, marked where it would start
                hidden = True
                ax.annotate("..", (o, 0), ha="center", va="bottom", fontsize="small")
    ax.set_xticks(positions)
    ax.set_xticklabels(names, rotation=45, ha="right")
    ax.set_title("Klienter per kommun mot befolkningsnyckeln" + (_SUPPRESSED_NOTE if hidden else ""))
    ax.legend(fontsize="small")
    fig.tight_layout()
    return fig


def _drawable(name: str, report: AnnualReport) -> bool:
    """Whether the report holds what the chart draws (the population key is optional)."""
    if name == "clients_against_population_key":
        return any(r.key_share is not None for r in report.clients_per_municipality)
    return True


CHARTS = {
    "clients_against_population_key": clients_against_population_key,
    "age_gender": age_gender,
    "contact_reasons_by_gender": contact_reasons_by_gender,
    "deviations_by_type": deviations_by_type,
    "intake_outcomes_per_area": intake_outcomes_per_area,
}


def save_all(
    report: AnnualReport,
    directory: Union[str, pathlib.Path],
    *,
    names: Optional[Sequence[str]] = None,
    dpi: int = 100,
) -> List[pathlib.Path]:
    """Draws the charts (those named, or every one the report holds the data for: the
    population-key chart only when the report was computed with ``population``) and writes
    ``<name>.png`` into ``directory``."""
    plt = _pyplot()
    out = pathlib.Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names or [n for n in CHARTS if _drawable(n, report)]:
        fig = CHARTS[name](report)
        path = out / f"{name}.png"
        fig.savefig(path, dpi=dpi)
        plt.close(fig)
        written.append(path)
    return written
