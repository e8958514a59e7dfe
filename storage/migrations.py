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
    """
    ALTER TABLE users ADD COLUMN news INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN news_asked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN news_topics TEXT NOT NULL DEFAULT 'tb,hiv,covid';
    ALTER TABLE users ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE health_workers (
        telegram_id INTEGER PRIMARY KEY,
        granted_by INTEGER NOT NULL,
        granted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        run_at TEXT NOT NULL,
        texts TEXT NOT NULL,
        buttons TEXT NOT NULL DEFAULT '[]',
        languages TEXT NOT NULL,
        topics TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'paused', 'cancelled', 'done')),
        created_by INTEGER,
        audience INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        UNIQUE (source, run_at)
    );
    CREATE TABLE campaign_queue (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        telegram_id INTEGER NOT NULL REFERENCES users(telegram_id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN
            ('queued', 'sending', 'sent', 'failed', 'blocked', 'unknown', 'cancelled')),
        PRIMARY KEY (campaign_id, telegram_id)
    );
    CREATE INDEX campaign_queue_state ON campaign_queue(state, campaign_id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER,
        actor INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    """,
    """
    CREATE TABLE events (
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT '',
        key TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL DEFAULT '',
        n INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, kind, lang, key, value)
    ) WITHOUT ROWID;
    CREATE TABLE active_tokens (
        week TEXT NOT NULL,
        token TEXT NOT NULL,
        lang TEXT NOT NULL,
        PRIMARY KEY (week, token)
    ) WITHOUT ROWID;
    ALTER TABLE campaigns ADD COLUMN finished_at TEXT;
    """,
    """
    CREATE TABLE selfchecks (
        id INTEGER PRIMARY KEY,
        telegram_id INTEGER NOT NULL REFERENCES users(telegram_id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        level TEXT NOT NULL,
        day TEXT NOT NULL,
        followup TEXT NOT NULL DEFAULT 'none'
            CHECK (followup IN ('none', 'planned', 'asking', 'asked', 'failed', 'answered')),
        followup_due TEXT,
        outcome TEXT
    );
    CREATE INDEX selfchecks_due ON selfchecks(followup, followup_due);
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
