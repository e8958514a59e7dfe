"""Questions the bot could not answer, kept without any user id for editors."""

from __future__ import annotations

import re

import aiosqlite

RETENTION_DAYS = 90
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
_DIGITS = re.compile(r"\d{5,}")


def scrub(text: str) -> str:
    """Remove e-mail addresses, phone numbers and long digit runs."""
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub("[number]", text)
    return _DIGITS.sub("[number]", text)[:500]


class UnansweredStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def add(self, text: str, lang: str) -> None:
        await self._db.execute(
            "INSERT INTO unanswered (text, lang) VALUES (?, ?)", (scrub(text), lang)
        )
        await self._db.execute(
            "DELETE FROM unanswered WHERE created_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)",
            (f"-{RETENTION_DAYS} days",),
        )
        await self._db.commit()

    async def all(self) -> list[tuple[str, str]]:
        async with self._db.execute("SELECT text, lang FROM unanswered ORDER BY id") as cursor:
            return [(row[0], row[1]) async for row in cursor]
