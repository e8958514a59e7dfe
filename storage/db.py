"""Open the SQLite database in WAL mode with foreign keys, and run migrations."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from storage.migrations import migrate


class StorageError(Exception):
    """The database could not be opened or migrated."""


async def connect(path: str) -> aiosqlite.Connection:
    """Open (creating if needed) the database at `path` and bring its schema up to date."""
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        db = await aiosqlite.connect(path, timeout=10)
        db.row_factory = aiosqlite.Row
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA foreign_keys=ON")
        await db.execute("PRAGMA busy_timeout=10000")
        await db.execute("PRAGMA synchronous=NORMAL")
        await migrate(db)
    except (aiosqlite.Error, OSError) as exc:
        raise StorageError(f"cannot open database {path}: {exc}") from exc
    return db
