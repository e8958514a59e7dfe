"""The figures as one self-contained HTML page: no script, font or picture from outside."""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence

from stats.charts import chart_for, svg
from stats.tables import SMALL, Table

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 0.5rem 0; } figure.chart img { max-width: 100%; }
p.note { color: #555; font-size: 0.85rem; } nav a { margin-right: 0.8rem; }
"""

# Lets a browser test see that every chart decoded (body gets data-charts-ok="N/M").
CHECK = """
window.addEventListener("load", () => {
  const images = [...document.querySelectorAll("figure.chart img")];
  const ok = images.filter(i => i.complete && i.naturalWidth > 0).length;
  document.body.dataset.chartsOk = ok + "/" + images.length;
});
"""


def render(tables: Sequence[Table], *, title: str, period: str, generated: str) -> str:
    """The whole page."""
    nav = " ".join(f'<a href="#{t.name}">{html.escape(t.title)}</a>' for t in tables)
    sections = "\n".join(_section(table) for table in tables)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(period)} · generated {generated}</p>"
        f'<p class="note">Counts from 1 to {SMALL - 1} are shown as "&lt;{SMALL}" so that no '
        "one can be singled out. No user id, name or message is stored with these figures.</p>"
        f"<nav>{nav}</nav>{sections}<script>{CHECK}</script></body></html>\n"
    )


def _section(table: Table) -> str:
    chart = chart_for(table)
    figure = ""
    if chart is not None:
        data = base64.b64encode(svg(chart)).decode()
        alt = html.escape(chart.title)
        figure = f'<figure class="chart"><img alt="{alt}" src="data:image/svg+xml;base64,{data}">'
        figure += "</figure>"
    note = f'<p class="note">{html.escape(table.note)}</p>' if table.note else ""
    return (
        f'<section id="{table.name}"><h2>{html.escape(table.title)}</h2>{figure}'
        f"{_table(table)}{note}</section>"
    )


def _table(table: Table) -> str:
    if not table.rows:
        return '<p class="note">No data in this period.</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(_cell(raw, shown) for raw, shown in zip(row, out, strict=True)) + "</tr>"
        for row, out in zip(table.rows, table.published(), strict=True)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(raw: object, shown: str) -> str:
    css = ' class="n"' if isinstance(raw, int) else ""
    return f"<td{css}>{html.escape(shown)}</td>"
