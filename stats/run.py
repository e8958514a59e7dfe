"""`healthbot stats`: the figures of a period from the bot's database, as a page or CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from stats.export import write_csv, write_html
from stats.figures import Period, collect
from storage import db as database
from storage.events import EventStore
from storage.figures import FigureQueries


def default_period(today: date) -> Period:
    """The last 30 days, today included."""
    return Period(today - timedelta(days=29), today)


async def run(db_path: str, period: Period, out: Path, fmt: str) -> list[Path]:
    """Fold finished weeks, collect the tables and write them; return the files written."""
    db = await database.connect(db_path)
    try:
        now = datetime.now(UTC)
        store = EventStore(db)
        await store.fold_weeks(now)
        tables = await collect(store, FigureQueries(db), period, now)
    finally:
        await db.close()
    if fmt == "csv":
        return write_csv(tables, out)
    return [write_html(tables, out, str(period))]
