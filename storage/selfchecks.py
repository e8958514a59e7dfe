"""Self-check results: the level, the day and the follow-up, never the answers themselves.

Rows belong to a user (ON DELETE CASCADE), so /forget removes them with the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.reminders import iso

OUTCOMES = ("went", "not_yet", "cost", "documents", "language", "distance", "time", "other")


@dataclass(frozen=True)
class Followup:
    id: int
    telegram_id: int
    check_id: str
    level: str


class SelfcheckStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def add(self, telegram_id: int, check_id: str, level: str, now: datetime) -> int:
        """Keep a result (level and day only); return its id for the follow-up offer."""
        cursor = await self._db.execute(
            "INSERT INTO selfchecks (telegram_id, check_id, level, day) VALUES (?, ?, ?, ?)",
            (telegram_id, check_id, level, now.date().isoformat()),
        )
        await self._db.commit()
        return int(cursor.lastrowid or 0)

    async def ask_later(self, telegram_id: int, result_id: int, due: datetime) -> bool:
        """Plan the follow-up question; False when the result is not this user's."""
        cursor = await self._db.execute(
            "UPDATE selfchecks SET followup_due = ?, followup = 'planned' "
            "WHERE id = ? AND telegram_id = ? AND followup = 'none'",
            (iso(due), result_id, telegram_id),
        )
        await self._db.commit()
        return cursor.rowcount == 1

    async def claim_due(self, now: datetime, *, limit: int = 100) -> list[Followup]:
        """Follow-ups due by `now` (planned -> asking), oldest first."""
        sql = (
            "UPDATE selfchecks SET followup = 'asking' WHERE id IN (SELECT id FROM selfchecks "
            "WHERE followup = 'planned' AND followup_due <= ? ORDER BY followup_due LIMIT ?) "
            "RETURNING id, telegram_id, check_id, level"
        )
        async with self._db.execute(sql, (iso(now), limit)) as cursor:
            due = [Followup(*row) async for row in cursor]
        await self._db.commit()
        return due

    async def asked(self, result_id: int, *, sent: bool) -> None:
        state = "asked" if sent else "failed"
        await self._db.execute(
            "UPDATE selfchecks SET followup = ? WHERE id = ?", (state, result_id)
        )
        await self._db.commit()

    async def answer(self, telegram_id: int, result_id: int, outcome: str) -> str | None:
        """Record the outcome once; return the check's id, or None (not theirs, or twice)."""
        sql = (
            "UPDATE selfchecks SET outcome = ?, followup = 'answered' WHERE id = ? AND "
            "telegram_id = ? AND followup = 'asked' RETURNING check_id"
        )
        async with self._db.execute(sql, (outcome, result_id, telegram_id)) as cursor:
            row = await cursor.fetchone()
        await self._db.commit()
        return str(row[0]) if row else None
