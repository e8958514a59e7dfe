"""Per-installation secrets kept in the database (e.g. the key that signs buttons)."""

from __future__ import annotations

import secrets

import aiosqlite


async def get_or_create(db: aiosqlite.Connection, name: str) -> str:
    """Return the secret called `name`, creating a random one the first time."""
    await db.execute(
        "INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)",
        (name, secrets.token_urlsafe(32)),
    )
    await db.commit()
    async with db.execute("SELECT value FROM secrets WHERE name = ?", (name,)) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return str(row[0])
