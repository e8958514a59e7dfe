"""What the bot keeps about a user: language and a small dialogue counter. Nothing else."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite


@dataclass(frozen=True)
class User:
    telegram_id: int
    lang: str | None
    unanswered_streak: int = 0


class UserStore:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        # Chosen languages, read on every message: kept in memory (bounded) to save a query.
        self._langs: dict[int, str | None] = {}

    async def lang(self, telegram_id: int) -> str | None:
        if telegram_id not in self._langs:
            user = await self.get(telegram_id)
            if len(self._langs) > 100_000:
                self._langs.clear()
            self._langs[telegram_id] = user.lang if user else None
        return self._langs[telegram_id]

    async def reset_streak(self, telegram_id: int) -> None:
        """Back to zero unanswered messages in a row (writes only when it was not zero)."""
        cursor = await self._db.execute(
            "UPDATE users SET unanswered_streak = 0 WHERE telegram_id = ? "
            "AND unanswered_streak != 0",
            (telegram_id,),
        )
        if cursor.rowcount:
            await self._db.commit()

    async def get(self, telegram_id: int) -> User | None:
        async with self._db.execute(
            "SELECT telegram_id, lang, unanswered_streak FROM users WHERE telegram_id = ?",
            (telegram_id,),
        ) as cursor:
            row = await cursor.fetchone()
        return User(row[0], row[1], row[2]) if row else None

    async def get_or_create(self, telegram_id: int) -> User:
        await self._db.execute(
            "INSERT OR IGNORE INTO users (telegram_id) VALUES (?)", (telegram_id,)
        )
        await self._db.commit()
        user = await self.get(telegram_id)
        assert user is not None
        return user

    async def set_lang(self, telegram_id: int, lang: str) -> None:
        await self._db.execute(
            "INSERT INTO users (telegram_id, lang) VALUES (?, ?) "
            "ON CONFLICT(telegram_id) DO UPDATE SET lang = excluded.lang",
            (telegram_id, lang),
        )
        await self._db.commit()
        self._langs[telegram_id] = lang

    async def set_unanswered_streak(self, telegram_id: int, streak: int) -> None:
        await self._db.execute(
            "UPDATE users SET unanswered_streak = ? WHERE telegram_id = ?", (streak, telegram_id)
        )
        await self._db.commit()

    async def set_discreet(self, telegram_id: int, discreet: bool) -> None:
        await self._db.execute(
            "UPDATE users SET discreet = ? WHERE telegram_id = ?", (int(discreet), telegram_id)
        )
        await self._db.commit()

    async def discreet(self, telegram_id: int) -> bool:
        sql = "SELECT discreet FROM users WHERE telegram_id = ?"
        async with self._db.execute(sql, (telegram_id,)) as cursor:
            row = await cursor.fetchone()
        return bool(row[0]) if row else True

    async def news(self, telegram_id: int) -> tuple[bool, bool, tuple[str, ...]]:
        """(subscribed, already asked, topics)."""
        sql = "SELECT news, news_asked, news_topics FROM users WHERE telegram_id = ?"
        async with self._db.execute(sql, (telegram_id,)) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return False, False, ("tb", "hiv", "covid")
        return bool(row[0]), bool(row[1]), tuple(t for t in row[2].split(",") if t)

    async def set_news(
        self, telegram_id: int, subscribed: bool, topics: tuple[str, ...] | None = None
    ) -> None:
        await self.get_or_create(telegram_id)
        await self._db.execute(
            "UPDATE users SET news = ?, news_asked = 1, blocked = 0, "
            "news_topics = coalesce(?, news_topics) WHERE telegram_id = ?",
            (int(subscribed), ",".join(topics) if topics is not None else None, telegram_id),
        )
        await self._db.commit()

    async def mark_news_asked(self, telegram_id: int) -> None:
        await self._db.execute(
            "UPDATE users SET news_asked = 1 WHERE telegram_id = ?", (telegram_id,)
        )
        await self._db.commit()

    async def unblocked(self, telegram_id: int) -> None:
        """The user wrote to the bot, so they have not blocked it (any more)."""
        await self._db.execute(
            "UPDATE users SET blocked = 0 WHERE telegram_id = ? AND blocked = 1", (telegram_id,)
        )
        await self._db.commit()

    async def forget(self, telegram_id: int) -> None:
        """Delete every row about this user (later tables cascade from users)."""
        self._langs.pop(telegram_id, None)
        await self._db.execute("DELETE FROM users WHERE telegram_id = ?", (telegram_id,))
        await self._db.commit()
