"""Read-only totals for the programme's figures, from the tables other stores keep.

Every query returns counts over a period, never a row per person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import aiosqlite


@dataclass(frozen=True)
class CampaignTotals:
    id: int
    source: str
    created: str  # day
    audience: int
    sent: int
    failed: int
    blocked: int
    unknown: int
    hours: float | None  # from creation to the last send, None while still sending


def _bounds(since: date, until: date) -> tuple[str, str]:
    """ISO strings covering whole days: since 00:00 up to (not incl.) the day after until."""
    return since.isoformat(), (until + timedelta(days=1)).isoformat()


class FigureQueries:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def _pairs(self, sql: str, args: tuple) -> dict[str, int]:
        async with self._db.execute(sql, args) as cursor:
            return {str(row[0]): int(row[1]) async for row in cursor}

    async def campaigns(self, since: date, until: date) -> list[CampaignTotals]:
        sql = (
            "SELECT c.id, c.source, substr(c.created_at, 1, 10), c.audience, c.created_at, "
            "c.finished_at, sum(q.state = 'sent'), sum(q.state = 'failed'), "
            "sum(q.state = 'blocked'), sum(q.state = 'unknown') "
            "FROM campaigns c LEFT JOIN campaign_queue q ON q.campaign_id = c.id "
            "WHERE c.created_at >= ? AND c.created_at < ? GROUP BY c.id ORDER BY c.id"
        )
        async with self._db.execute(sql, _bounds(since, until)) as cursor:
            rows = [tuple(row) async for row in cursor]
        return [
            CampaignTotals(*r[:4], *(n or 0 for n in r[6:10]), _hours(r[4], r[5])) for r in rows
        ]

    async def new_users(self, since: date, until: date) -> dict[tuple[str, str], int]:
        """New users per (day, language) from the users table (a forgotten user is gone)."""
        sql = (
            "SELECT substr(created_at, 1, 10), coalesce(lang, ''), count(*) FROM users "
            "WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2"
        )
        async with self._db.execute(sql, _bounds(since, until)) as cursor:
            return {(row[0], row[1]): row[2] async for row in cursor}

    async def reminders_set(self, since: date, until: date) -> dict[str, int]:
        sql = (
            "SELECT kind, count(*) FROM reminders WHERE created_at >= ? AND created_at < ? "
            "GROUP BY kind"
        )
        return await self._pairs(sql, _bounds(since, until))

    async def reminders_sent(self, since: date, until: date) -> dict[str, int]:
        sql = (
            "SELECT state, count(*) FROM deliveries WHERE due_utc >= ? AND due_utc < ? "
            "AND state NOT IN ('pending', 'sending') GROUP BY state"
        )
        return await self._pairs(sql, _bounds(since, until))

    async def doses(self, since: date, until: date) -> dict[str, int]:
        sql = (
            "SELECT status, count(*) FROM doses WHERE occurrence_utc >= ? AND occurrence_utc < ? "
            "GROUP BY status"
        )
        return await self._pairs(sql, _bounds(since, until))

    async def unanswered(self, since: date, until: date) -> list[tuple[str, str]]:
        """Unanswered questions of the period (scrubbed, no user id) as (text, lang)."""
        sql = "SELECT text, lang FROM unanswered WHERE created_at >= ? AND created_at < ?"
        async with self._db.execute(sql, _bounds(since, until)) as cursor:
            return [(row[0], row[1]) async for row in cursor]


def _hours(created: str | None, finished: str | None) -> float | None:
    if not created or not finished:
        return None
    start = datetime.fromisoformat(created.replace("Z", "+00:00"))
    end = datetime.fromisoformat(finished.replace("Z", "+00:00"))
    return round((end - start).total_seconds() / 3600, 2)
