"""Campaigns, their per-recipient delivery queue, roles and the audit trail.

The queue is the record of truth: a row is claimed (queued -> sending) before it is sent and
marked after Telegram answers. After a crash, rows still `sending` become `unknown`: their
fate cannot be known (Telegram has no idempotency key), so they are counted and shown, and
never silently resent. Every other row is sent exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import aiosqlite

STATES = ("queued", "sending", "sent", "failed", "blocked", "unknown", "cancelled")


@dataclass(frozen=True)
class Campaign:
    id: int
    source: str
    run_at: str
    texts: Mapping[str, str]
    buttons: tuple[tuple[str, str], ...]  # (label, https url)
    languages: tuple[str, ...]
    topics: tuple[str, ...]
    state: str
    created_by: int | None
    audience: int


@dataclass(frozen=True)
class Outgoing:
    campaign: Campaign
    telegram_id: int
    lang: str


_COLUMNS = "id, source, run_at, texts, buttons, languages, topics, state, created_by, audience"


def _campaign(row: aiosqlite.Row) -> Campaign:
    buttons = tuple((label, url) for label, url in json.loads(row[4]))
    return Campaign(
        row[0], row[1], row[2], json.loads(row[3]), buttons, tuple(row[5].split(",")),
        tuple(row[6].split(",")), row[7], row[8], row[9],
    )  # fmt: skip


class CampaignStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    # --- roles -----------------------------------------------------------------------
    async def grant(self, telegram_id: int, by: int) -> None:
        await self._db.execute(
            "INSERT OR IGNORE INTO health_workers (telegram_id, granted_by) VALUES (?, ?)",
            (telegram_id, by),
        )
        await self.audit(None, by, "grant", str(telegram_id))

    async def revoke(self, telegram_id: int, by: int) -> bool:
        cursor = await self._db.execute(
            "DELETE FROM health_workers WHERE telegram_id = ?", (telegram_id,)
        )
        await self.audit(None, by, "revoke", str(telegram_id))
        return cursor.rowcount == 1

    async def workers(self) -> list[int]:
        async with self._db.execute("SELECT telegram_id FROM health_workers ORDER BY 1") as c:
            return [row[0] async for row in c]

    async def is_worker(self, telegram_id: int) -> bool:
        sql = "SELECT 1 FROM health_workers WHERE telegram_id = ?"
        async with self._db.execute(sql, (telegram_id,)) as cursor:
            return await cursor.fetchone() is not None

    # --- audience ----------------------------------------------------------------------
    def _audience_sql(self, languages: Iterable[str], topics: Iterable[str]) -> tuple[str, list]:
        langs, wanted = list(languages), list(topics)
        topic_match = " OR ".join("(',' || news_topics || ',') LIKE ?" for _ in wanted) or "0"
        sql = (
            "FROM users WHERE news = 1 AND blocked = 0 AND lang IN "
            f"({','.join('?' * len(langs))}) AND ({topic_match})"
        )
        return sql, [*langs, *(f"%,{t},%" for t in wanted)]

    async def audience_size(self, languages: Iterable[str], topics: Iterable[str]) -> int:
        where, args = self._audience_sql(languages, topics)
        async with self._db.execute(f"SELECT count(*) {where}", args) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    # --- campaigns ---------------------------------------------------------------------
    async def create(
        self, *, source: str, run_at: str, texts: Mapping[str, str],
        buttons: Iterable[tuple[str, str]], languages: Iterable[str], topics: Iterable[str],
        created_by: int | None,
    ) -> Campaign | None:  # fmt: skip
        """Create a campaign and queue its audience; None if this run already exists."""
        langs, wanted = tuple(languages), tuple(topics)
        cursor = await self._db.execute(
            "INSERT OR IGNORE INTO campaigns (source, run_at, texts, buttons, languages, topics, "
            "state, created_by) VALUES (?, ?, ?, ?, ?, ?, 'sending', ?)",
            (source, run_at, json.dumps(dict(texts), ensure_ascii=False),
             json.dumps([list(b) for b in buttons], ensure_ascii=False), ",".join(langs),
             ",".join(wanted), created_by),
        )  # fmt: skip
        if cursor.rowcount != 1:
            await self._db.commit()
            return None
        campaign_id = int(cursor.lastrowid or 0)
        where, args = self._audience_sql(langs, wanted)
        queued = await self._db.execute(
            "INSERT INTO campaign_queue (campaign_id, telegram_id, lang) "
            f"SELECT ?, telegram_id, lang {where}",
            [campaign_id, *args],
        )
        await self._db.execute(
            "UPDATE campaigns SET audience = ? WHERE id = ?", (queued.rowcount, campaign_id)
        )
        await self.audit(campaign_id, created_by, "created", f"audience {queued.rowcount}")
        return await self.get(campaign_id)

    async def get(self, campaign_id: int) -> Campaign | None:
        sql = f"SELECT {_COLUMNS} FROM campaigns WHERE id = ?"
        async with self._db.execute(sql, (campaign_id,)) as cursor:
            row = await cursor.fetchone()
        return _campaign(row) if row else None

    async def recent(self, limit: int = 10) -> list[Campaign]:
        sql = f"SELECT {_COLUMNS} FROM campaigns ORDER BY id DESC LIMIT ?"
        async with self._db.execute(sql, (limit,)) as cursor:
            return [_campaign(row) async for row in cursor]

    async def last_run(self, source: str) -> str | None:
        sql = "SELECT max(run_at) FROM campaigns WHERE source = ?"
        async with self._db.execute(sql, (source,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row and row[0] else None

    async def set_state(self, campaign_id: int, state: str, actor: int | None) -> bool:
        allowed = {
            "paused": ("sending",),
            "sending": ("paused",),
            "cancelled": ("sending", "paused"),
        }
        marks = ",".join("?" * len(allowed[state]))
        cursor = await self._db.execute(
            f"UPDATE campaigns SET state = ? WHERE id = ? AND state IN ({marks})",
            (state, campaign_id, *allowed[state]),
        )
        if cursor.rowcount == 1 and state == "cancelled":
            await self._db.execute(
                "UPDATE campaign_queue SET state = 'cancelled' WHERE campaign_id = ? "
                "AND state = 'queued'",
                (campaign_id,),
            )
        action = {"paused": "paused", "sending": "resumed", "cancelled": "cancelled"}[state]
        if cursor.rowcount == 1:
            await self.audit(campaign_id, actor, action, "")
        else:
            await self._db.commit()
        return cursor.rowcount == 1

    async def figures(self, campaign_id: int) -> dict[str, int]:
        sql = "SELECT state, count(*) FROM campaign_queue WHERE campaign_id = ? GROUP BY state"
        async with self._db.execute(sql, (campaign_id,)) as cursor:
            found = {row[0]: row[1] async for row in cursor}
        return {state: found.get(state, 0) for state in STATES}

    # --- delivery ----------------------------------------------------------------------
    async def claim(self, limit: int) -> list[Outgoing]:
        """Claim up to `limit` queued recipients of sending campaigns, oldest campaign first."""
        sql = (
            "UPDATE campaign_queue SET state = 'sending' WHERE rowid IN (SELECT q.rowid FROM "
            "campaign_queue q JOIN campaigns c ON c.id = q.campaign_id WHERE q.state = 'queued' "
            "AND c.state = 'sending' ORDER BY q.campaign_id, q.telegram_id LIMIT ?) "
            "RETURNING campaign_id, telegram_id, lang"
        )
        async with self._db.execute(sql, (limit,)) as cursor:
            rows = [tuple(row) async for row in cursor]
        await self._db.commit()
        campaigns = {cid: await self.get(cid) for cid in {row[0] for row in rows}}
        return [Outgoing(campaigns[c], t, lang) for c, t, lang in rows if campaigns[c]]

    async def finish(self, outgoing: Outgoing, state: str) -> None:
        await self._db.execute(
            "UPDATE campaign_queue SET state = ? WHERE campaign_id = ? AND telegram_id = ?",
            (state, outgoing.campaign.id, outgoing.telegram_id),
        )
        if state == "blocked":
            await self._db.execute(
                "UPDATE users SET blocked = 1 WHERE telegram_id = ?", (outgoing.telegram_id,)
            )
        await self._db.commit()

    async def complete_finished(self) -> list[int]:
        """Mark sending campaigns with nothing left to send as done."""
        cursor = await self._db.execute(
            "UPDATE campaigns SET state = 'done', "
            "finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
            "WHERE state = 'sending' AND NOT EXISTS (SELECT 1 FROM campaign_queue q "
            "WHERE q.campaign_id = campaigns.id AND q.state IN ('queued', 'sending')) "
            "RETURNING id"
        )
        done = [row[0] async for row in cursor]
        await self._db.commit()
        return done

    async def recover(self) -> int:
        """At start-up: rows claimed before a crash have an unknown fate."""
        cursor = await self._db.execute(
            "UPDATE campaign_queue SET state = 'unknown' WHERE state = 'sending'"
        )
        await self._db.commit()
        return cursor.rowcount

    async def audit(self, campaign_id: int | None, actor: int | None, action: str, detail: str):
        await self._db.execute(
            "INSERT INTO audit (campaign_id, actor, action, detail) VALUES (?, ?, ?, ?)",
            (campaign_id, actor, action, detail),
        )
        await self._db.commit()

    async def audit_trail(
        self, campaign_id: int | None = None
    ) -> list[tuple[int | None, str, str]]:
        sql = "SELECT actor, action, detail FROM audit WHERE campaign_id IS ? ORDER BY id"
        async with self._db.execute(sql, (campaign_id,)) as cursor:
            return [(row[0], row[1], row[2]) async for row in cursor]
