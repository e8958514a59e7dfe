"""Reminders and their planned deliveries: SQLite is the record of truth.

Every message the scheduler will send is a `deliveries` row. A row is claimed (pending ->
sending) in one statement before it is sent and marked sent after Telegram confirms, so a
restart never sends a claimed row again; rows claimed but unconfirmed at a crash become
`unknown` (counted, never silently resent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiosqlite

MAX_ACTIVE = 50
KINDS = ("appointment", "vaccination", "medication")


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class Reminder:
    id: int
    telegram_id: int
    kind: str
    note: str
    site_id: str | None
    at: datetime
    until: datetime | None
    status: str
    next_due: datetime | None = None


@dataclass(frozen=True)
class Due:
    delivery_id: int
    reminder: Reminder
    due: datetime
    occurrence: datetime
    discreet: bool


_REMINDER = "r.id, r.telegram_id, r.kind, r.note, r.site_id, r.at_utc, r.until_utc, r.status"


def _reminder(row: aiosqlite.Row, next_due: str | None = None) -> Reminder:
    until = parse(row[6]) if row[6] else None
    due = parse(next_due) if next_due else None
    return Reminder(row[0], row[1], row[2], row[3], row[4], parse(row[5]), until, row[7], due)


class ReminderStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def active_count(self, telegram_id: int) -> int:
        sql = "SELECT count(*) FROM reminders WHERE telegram_id = ? AND status = 'active'"
        async with self._db.execute(sql, (telegram_id,)) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def add(
        self, telegram_id: int, kind: str, at: datetime, *, now: datetime,
        offsets: Iterable[timedelta] = (), note: str = "", until: datetime | None = None,
        site_id: str | None = None,
    ) -> int:  # fmt: skip
        """Save a reminder and its deliveries: `at - offset` for each offset still ahead
        (appointments), or the first dose at `at` (medication)."""
        cursor = await self._db.execute(
            "INSERT INTO reminders (telegram_id, kind, note, site_id, at_utc, until_utc) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (telegram_id, kind, note, site_id, iso(at), iso(until) if until else None),
        )
        reminder_id = int(cursor.lastrowid or 0)
        dues = [at] if kind == "medication" else [at - o for o in offsets if at - o > now]
        if kind != "medication" and not dues:
            dues = [max(now, at - timedelta(minutes=1))]
        await self._db.executemany(
            "INSERT OR IGNORE INTO deliveries (reminder_id, due_utc, occurrence_utc) "
            "VALUES (?, ?, ?)",
            [(reminder_id, iso(due), iso(at)) for due in dues],
        )
        await self._db.commit()
        return reminder_id

    async def upcoming(self, telegram_id: int) -> list[Reminder]:
        sql = (
            f"SELECT {_REMINDER}, min(d.due_utc) FROM reminders r "
            "LEFT JOIN deliveries d ON d.reminder_id = r.id AND d.state = 'pending' "
            "WHERE r.telegram_id = ? AND r.status IN ('active', 'paused') "
            "GROUP BY r.id ORDER BY r.at_utc"
        )
        async with self._db.execute(sql, (telegram_id,)) as cursor:
            return [_reminder(row, row[8]) async for row in cursor]

    async def get(self, telegram_id: int, reminder_id: int) -> Reminder | None:
        sql = f"SELECT {_REMINDER} FROM reminders r WHERE r.id = ? AND r.telegram_id = ?"
        async with self._db.execute(sql, (reminder_id, telegram_id)) as cursor:
            row = await cursor.fetchone()
        return _reminder(row) if row else None

    async def cancel(self, telegram_id: int, reminder_id: int) -> bool:
        """Cancel one of this user's reminders; False when it is not theirs or not active."""
        cursor = await self._db.execute(
            "UPDATE reminders SET status = 'cancelled' WHERE id = ? AND telegram_id = ? "
            "AND status IN ('active', 'paused')",
            (reminder_id, telegram_id),
        )
        await self._db.execute(
            "DELETE FROM deliveries WHERE reminder_id = ? AND state IN ('pending', 'paused')",
            (reminder_id,),
        )
        await self._db.commit()
        return cursor.rowcount == 1

    async def claim_due(self, now: datetime, *, limit: int = 200) -> list[Due]:
        """Claim up to `limit` deliveries due by `now`, earliest first (pending -> sending)."""
        sql = (
            "UPDATE deliveries SET state = 'sending' WHERE id IN (SELECT d.id FROM deliveries d "
            "WHERE d.state = 'pending' AND d.due_utc <= ? ORDER BY d.due_utc LIMIT ?) "
            "RETURNING id"
        )
        async with self._db.execute(sql, (iso(now), limit)) as cursor:
            ids = [row[0] async for row in cursor]
        await self._db.commit()
        return await self._dues(ids)

    async def _dues(self, ids: list[int]) -> list[Due]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = (
            f"SELECT {_REMINDER}, d.id, d.due_utc, d.occurrence_utc, u.discreet "
            "FROM deliveries d JOIN reminders r ON r.id = d.reminder_id "
            f"JOIN users u ON u.telegram_id = r.telegram_id WHERE d.id IN ({marks}) "
            "ORDER BY d.due_utc"
        )
        async with self._db.execute(sql, ids) as cursor:
            return [
                Due(row[8], _reminder(row), parse(row[9]), parse(row[10]), bool(row[11]))
                async for row in cursor
            ]

    async def finish(self, delivery_id: int, state: str, now: datetime) -> None:
        """Record what happened to a claimed delivery: sent, skipped or paused."""
        await self._db.execute(
            "UPDATE deliveries SET state = ?, sent_utc = ? WHERE id = ?",
            (state, iso(now), delivery_id),
        )
        await self._db.commit()

    async def recover(self) -> int:
        """At start-up: deliveries claimed before a crash have an unknown fate."""
        cursor = await self._db.execute(
            "UPDATE deliveries SET state = 'unknown' WHERE state = 'sending'"
        )
        await self._db.commit()
        return cursor.rowcount

    async def pause_user(self, telegram_id: int) -> None:
        """The user blocked the bot: stop their reminders until they come back."""
        await self._db.execute(
            "UPDATE reminders SET status = 'paused' WHERE telegram_id = ? AND status = 'active'",
            (telegram_id,),
        )
        await self._db.execute(
            "UPDATE deliveries SET state = 'paused' WHERE state = 'pending' AND reminder_id IN "
            "(SELECT id FROM reminders WHERE telegram_id = ?)",
            (telegram_id,),
        )
        await self._db.commit()

    async def resume_user(self, telegram_id: int, now: datetime) -> int:
        """The user is back: resume paused reminders (deliveries already past are skipped)."""
        cursor = await self._db.execute(
            "UPDATE reminders SET status = 'active' WHERE telegram_id = ? AND status = 'paused'",
            (telegram_id,),
        )
        await self._db.execute(
            "UPDATE deliveries SET state = CASE WHEN due_utc < ? THEN 'skipped' ELSE 'pending' "
            "END WHERE state = 'paused' AND reminder_id IN "
            "(SELECT id FROM reminders WHERE telegram_id = ?)",
            (iso(now), telegram_id),
        )
        await self._db.commit()
        return cursor.rowcount

    async def plan(self, reminder_id: int, due: datetime, occurrence: datetime) -> None:
        await self._db.execute(
            "INSERT OR IGNORE INTO deliveries (reminder_id, due_utc, occurrence_utc) "
            "VALUES (?, ?, ?)",
            (reminder_id, iso(due), iso(occurrence)),
        )
        await self._db.commit()

    async def close(self, reminder_id: int) -> None:
        await self._db.execute(
            "UPDATE reminders SET status = 'done' WHERE id = ? AND status = 'active'",
            (reminder_id,),
        )
        await self._db.commit()

    async def record_dose(self, reminder_id: int, occurrence: datetime, status: str, now) -> None:
        """Taken wins over missed; a later 'missed' never overwrites 'taken'."""
        await self._db.execute(
            "INSERT INTO doses (reminder_id, occurrence_utc, status, recorded_utc) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(reminder_id, occurrence_utc) DO UPDATE SET "
            "status = excluded.status WHERE doses.status = 'missed'",
            (reminder_id, iso(occurrence), status, iso(now)),
        )
        await self._db.commit()

    async def doses(self, telegram_id: int, since: datetime) -> dict[str, str]:
        """occurrence (ISO, UTC) -> taken | missed, for this user's medication."""
        sql = (
            "SELECT d.occurrence_utc, d.status FROM doses d JOIN reminders r "
            "ON r.id = d.reminder_id WHERE r.telegram_id = ? AND d.occurrence_utc >= ?"
        )
        async with self._db.execute(sql, (telegram_id, iso(since))) as cursor:
            return {row[0]: row[1] async for row in cursor}

    async def missed_in_a_row(self, reminder_id: int) -> int:
        sql = "SELECT status FROM doses WHERE reminder_id = ? ORDER BY occurrence_utc DESC"
        count = 0
        async with self._db.execute(sql, (reminder_id,)) as cursor:
            async for row in cursor:
                if row[0] != "missed":
                    break
                count += 1
        return count

    async def mark_missed_notice(self, reminder_id: int) -> bool:
        """True the first time only: the gentle message after missed doses is sent once."""
        cursor = await self._db.execute(
            "UPDATE reminders SET missed_notice_sent = 1 WHERE id = ? AND missed_notice_sent = 0",
            (reminder_id,),
        )
        await self._db.commit()
        return cursor.rowcount == 1

    async def counts(self) -> dict[str, int]:
        async with self._db.execute("SELECT state, count(*) FROM deliveries GROUP BY state") as c:
            return {row[0]: row[1] async for row in c}

    async def pending_count(self, reminder_id: int) -> int:
        sql = "SELECT count(*) FROM deliveries WHERE reminder_id = ? AND state = 'pending'"
        async with self._db.execute(sql, (reminder_id,)) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def dose_recorded(self, reminder_id: int, occurrence: datetime) -> bool:
        sql = "SELECT 1 FROM doses WHERE reminder_id = ? AND occurrence_utc = ?"
        async with self._db.execute(sql, (reminder_id, iso(occurrence))) as cursor:
            return await cursor.fetchone() is not None
