"""Charts of the figures as SVG (for the page) or PNG (for Telegram), drawn with matplotlib.

matplotlib is the well-kept standard for static charts and writes SVG that needs no script
or network to view. Small counts are drawn as nothing and labelled "<5" (stats.tables).
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no screen; must come before pyplot
import matplotlib.pyplot as plt

from stats.tables import SMALL, Table, plotted

matplotlib.rcParams.update({"font.size": 9})


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    series: dict[str, tuple[int, ...]]  # name -> one raw count per label
    horizontal: bool = False


def chart_for(table: Table) -> Chart | None:
    """The chart that goes with a table, or None when it has nothing to draw."""
    maker = _MAKERS.get(table.name)
    chart = maker(table) if maker and table.rows else None
    return chart if chart and chart.labels else None


def _grouped(table: Table, label: int, series: int, value: int, *, top: int = 0) -> Chart:
    values: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in table.rows:
        values[str(row[series])][str(row[label])] += int(row[value])
    totals: dict[str, int] = defaultdict(int)
    for per_label in values.values():
        for name, n in per_label.items():
            totals[name] += n
    labels = sorted(totals, key=lambda k: -totals[k])[:top] if top else sorted(totals)
    series_values = {
        name: tuple(per_label.get(lb, 0) for lb in labels) for name, per_label in values.items()
    }
    return Chart(table.title, tuple(labels), series_values, horizontal=bool(top))


def _columns(table: Table, label: int, columns: dict[str, int]) -> Chart:
    labels = tuple(str(row[label]) for row in table.rows)
    series = {name: tuple(int(row[i]) for row in table.rows) for name, i in columns.items()}
    return Chart(table.title, labels, series)


def _measures(table: Table) -> Chart:
    rows = [row for row in table.rows if isinstance(row[-1], int)]
    values = {"": tuple(int(r[-1]) for r in rows)}
    return Chart(table.title, tuple(str(r[0]) for r in rows), values, horizontal=True)


_MAKERS = {
    "users": lambda t: _grouped(t, label=0, series=1, value=3),
    "questions": lambda t: _grouped(t, label=0, series=1, value=2, top=15),
    "decisions": lambda t: _columns(t, 0, {"questions": 1}),
    "helpful": lambda t: _grouped(t, label=0, series=1, value=2, top=15),
    "campaigns": lambda t: _columns(t, 0, {"sent": 4, "failed": 5, "blocked": 6}),
    "reminders": _measures,
    "sources": lambda t: _columns(t, 0, {"users": 1}),
    "selfchecks": lambda t: _grouped(t, label=2, series=1, value=3),
}


def _draw(chart: Chart):
    height = max(2.6, 0.28 * len(chart.labels) + 1.2) if chart.horizontal else 3.2
    figure, axes = plt.subplots(figsize=(8, height))
    positions = list(range(len(chart.labels)))
    base = [0] * len(positions)
    for name, raw in chart.series.items():
        heights = [plotted(n) for n in raw]
        bar = axes.barh if chart.horizontal else axes.bar
        bar(positions, heights, 0.8, base, label=name or None)
        base = [b + h for b, h in zip(base, heights, strict=True)]
    small = [i for i in positions if any(0 < s[i] < SMALL for s in chart.series.values())]
    for i in small:
        x, y = (base[i], i) if chart.horizontal else (i, base[i])
        axes.annotate(f"<{SMALL}", (x, y), fontsize=7, ha="left" if chart.horizontal else "center")
    if chart.horizontal:
        axes.set_yticks(positions, chart.labels)
        axes.invert_yaxis()
    else:
        axes.set_xticks(positions, chart.labels, rotation=45 if len(positions) > 6 else 0,
                        ha="right" if len(positions) > 6 else "center")  # fmt: skip
    if len(chart.series) > 1 and len(chart.series) <= 12:
        axes.legend(fontsize=7, ncols=min(6, len(chart.series)))
    axes.set_title(chart.title)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def svg(chart: Chart) -> bytes:
    """The chart as a standalone SVG document."""
    out = io.BytesIO()
    figure = _draw(chart)
    figure.savefig(out, format="svg", metadata={"Date": None})
    plt.close(figure)
    return out.getvalue()


def png(chart: Chart) -> bytes:
    out = io.BytesIO()
    figure = _draw(chart)
    figure.savefig(out, format="png", dpi=110)
    plt.close(figure)
    return out.getvalue()
