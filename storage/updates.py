"""Remember which Telegram updates were handled, so a redelivered one is answered once."""

from __future__ import annotations

import aiosqlite

KEEP = 10_000


class SeenUpdates:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def first_time(self, update_id: int) -> bool:
        """Record `update_id`; return False when it was already recorded."""
        cursor = await self._db.execute(
            "INSERT OR IGNORE INTO seen_updates (update_id) VALUES (?)", (update_id,)
        )
        fresh = cursor.rowcount == 1
        if fresh and update_id % 500 == 0:
            await self._db.execute(
                "DELETE FROM seen_updates WHERE update_id < ?", (update_id - KEEP,)
            )
        await self._db.commit()
        return fresh
