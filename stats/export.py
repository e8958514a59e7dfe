"""Write the figures: `index.html` or one CSV per table, into a folder."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from stats.page import render
from stats.tables import Table

TITLE = "healthbot — programme figures"


def write_html(tables: Sequence[Table], out: Path, period: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = out / "index.html"
    page.write_text(render(tables, title=TITLE, period=period, generated=generated), "utf-8")
    return page


def write_csv(tables: Sequence[Table], out: Path) -> list[Path]:
    """One CSV per table, small counts already suppressed."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = out / f"{table.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows([_safe(cell) for cell in row] for row in table.published())
        written.append(path)
    return written


def _safe(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula."""
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
