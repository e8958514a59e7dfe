"""Versioned schema migrations, applied in order at start-up."""

from __future__ import annotations

import aiosqlite

# Append only: never edit a migration that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        telegram_id INTEGER PRIMARY KEY,
        lang TEXT,
        unanswered_streak INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE seen_updates (
        update_id INTEGER PRIMARY KEY,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX unanswered_created ON unanswered(created_at);
    """,
    """
    CREATE TABLE ratings (
        intent TEXT NOT NULL,
        lang TEXT NOT NULL,
        helpful INTEGER NOT NULL DEFAULT 0,
        unhelpful INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (intent, lang)
    );
    """,
    """
    ALTER TABLE users ADD COLUMN discreet INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        telegram_id INTEGER NOT NULL REFERENCES users(telegram_id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('appointment', 'vaccination', 'medication')),
        note TEXT NOT NULL DEFAULT '',
        site_id TEXT,
        at_utc TEXT NOT NULL,
        until_utc TEXT,
        status TEXT NOT NULL DEFAULT 'active'
            CHECK (status IN ('active', 'paused', 'done', 'cancelled')),
        missed_notice_sent INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX reminders_user ON reminders(telegram_id, status);
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        reminder_id INTEGER NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
        due_utc TEXT NOT NULL,
        occurrence_utc TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'sending', 'sent', 'skipped', 'unknown', 'paused',
                             'failed')),
        sent_utc TEXT,
        UNIQUE (reminder_id, due_utc)
    );
    CREATE INDEX deliveries_due ON deliveries(state, due_utc);
    CREATE TABLE doses (
        reminder_id INTEGER NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
        occurrence_utc TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('taken', 'missed')),
        recorded_utc TEXT NOT NULL,
        PRIMARY KEY (reminder_id, occurrence_utc)
    );
    """,
)


async def schema_version(db: aiosqlite.Connection) -> int:
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection) -> int:
    """Apply every migration newer than the database's `user_version`; return the new version."""
    version = await schema_version(db)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        await db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return len(MIGRATIONS)
