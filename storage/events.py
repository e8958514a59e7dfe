"""Counters for the programme's figures, kept without any user id.

Every event is one daily counter: (day, kind, lang, key, value) -> n. Nothing here points to
a person, so /forget has nothing to delete here: a deleted user's past questions stay in the
daily totals the way a visitor stays in a clinic's monthly count.

Distinct users per week need something per person for the week in progress only: a keyed
hash (HMAC) of the id with a salt made for that week. When the week is over its tokens are
folded into one count per language and deleted together with the salt, after which nobody,
not even with the database and a list of ids, can tell who was active.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import aiosqlite

# Kinds of counter (key / value in brackets). One list, read by recorders and by stats/.
ACTIVE = "active_users"  # folded weekly distinct users; day is the week's Monday
QUESTION = "question"  # (intent / decision: answer, clarify, fallback, emergency)
VOTE = "vote"  # (intent / helpful, unhelpful)
SOURCE = "source"  # (deep-link source code)
HELPDESK = "helpdesk"  # (opened, closed, answered / first-response bucket)
SELFCHECK = "selfcheck"  # (check / result level)
SELFCHECK_OUTCOME = "selfcheck_outcome"  # (check / outcome)


@dataclass(frozen=True)
class Count:
    day: str
    kind: str
    lang: str
    key: str
    value: str
    n: int


def week_of(day: date) -> str:
    """The ISO date of the Monday that starts `day`'s week."""
    return (day - timedelta(days=day.weekday())).isoformat()


class EventStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        # This week's salt and who was already noted, so each person costs one write a week.
        self._week, self._salt_bytes, self._noted = "", b"", set[int]()

    async def count(
        self, kind: str, *, lang: str, now: datetime, key: str = "", value: str = "", n: int = 1
    ) -> None:
        """Add `n` to today's counter of (kind, lang, key, value)."""
        await self._db.execute(
            "INSERT INTO events (day, kind, lang, key, value, n) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(day, kind, lang, key, value) DO UPDATE SET n = n + excluded.n",
            (now.date().isoformat(), kind, lang, key, value, n),
        )
        await self._db.commit()

    async def active(self, user_id: int, *, lang: str, now: datetime) -> None:
        """Note that someone was active this week (once per week, as a salted token)."""
        week = week_of(now.date())
        if week != self._week:
            self._week, self._salt_bytes, self._noted = week, await self._salt(week), set()
        if user_id in self._noted:
            return
        token = hmac.new(self._salt_bytes, str(user_id).encode(), hashlib.sha256).hexdigest()
        await self._db.execute(
            "INSERT OR IGNORE INTO active_tokens (week, token, lang) VALUES (?, ?, ?)",
            (week, token[:32], lang),
        )
        await self._db.commit()
        self._noted.add(user_id)

    async def _salt(self, week: str) -> bytes:
        name = f"active-salt:{week}"
        await self._db.execute(
            "INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)",
            (name, secrets.token_hex(32)),
        )
        async with self._db.execute("SELECT value FROM secrets WHERE name = ?", (name,)) as c:
            row = await c.fetchone()
        assert row is not None
        return bytes.fromhex(row[0])

    async def fold_weeks(self, now: datetime) -> int:
        """Turn finished weeks' tokens into counts and destroy the tokens and salts."""
        current = week_of(now.date())
        await self._db.execute(
            "INSERT INTO events (day, kind, lang, key, value, n) "
            "SELECT week, ?, lang, '', '', count(*) FROM active_tokens WHERE week < ? "
            "GROUP BY week, lang "
            "ON CONFLICT(day, kind, lang, key, value) DO UPDATE SET n = n + excluded.n",
            (ACTIVE, current),
        )
        cursor = await self._db.execute("DELETE FROM active_tokens WHERE week < ?", (current,))
        if self._week < current:
            self._week, self._salt_bytes, self._noted = "", b"", set()
        await self._db.execute(
            "DELETE FROM secrets WHERE name LIKE 'active-salt:%' AND name < ?",
            (f"active-salt:{current}",),
        )
        await self._db.commit()
        return cursor.rowcount

    async def purge(self, before: date) -> int:
        """Drop counters older than `before` (the retention period)."""
        cursor = await self._db.execute("DELETE FROM events WHERE day < ?", (before.isoformat(),))
        await self._db.commit()
        return cursor.rowcount

    async def between(self, since: date, until: date, kinds: Iterable[str]) -> list[Count]:
        """Counters of these kinds from `since` to `until`, both included."""
        wanted = tuple(kinds)
        marks = ",".join("?" * len(wanted))
        sql = (
            "SELECT day, kind, lang, key, value, n FROM events "
            f"WHERE day >= ? AND day <= ? AND kind IN ({marks}) ORDER BY day"
        )
        async with self._db.execute(sql, (since.isoformat(), until.isoformat(), *wanted)) as c:
            return [Count(*row) async for row in c]

    async def active_this_week(self, now: datetime) -> dict[str, int]:
        """Distinct active users of the week in progress, per language."""
        sql = "SELECT lang, count(*) FROM active_tokens WHERE week = ? GROUP BY lang"
        async with self._db.execute(sql, (week_of(now.date()),)) as c:
            return {row[0]: row[1] async for row in c}
