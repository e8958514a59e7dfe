"""'Was this helpful?' votes, counted per answer and language (no user ids)."""

from __future__ import annotations

import aiosqlite


class RatingStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def add(self, intent: str, lang: str, *, helpful: bool) -> None:
        column = "helpful" if helpful else "unhelpful"
        await self._db.execute(
            f"INSERT INTO ratings (intent, lang, {column}) VALUES (?, ?, 1) "
            f"ON CONFLICT(intent, lang) DO UPDATE SET {column} = {column} + 1",
            (intent, lang),
        )
        await self._db.commit()

    async def all(self) -> dict[tuple[str, str], tuple[int, int]]:
        async with self._db.execute("SELECT intent, lang, helpful, unhelpful FROM ratings") as c:
            return {(r[0], r[1]): (r[2], r[3]) async for r in c}
