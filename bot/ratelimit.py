"""Telegram's rate limits for one bot, with replies to people ahead of bulk sends.

Telegram allows about 30 messages a second overall and about one a second per chat. Replies to
someone who just wrote go first; bulk sends (reminders, campaigns: `rate_limit_args={"bulk":
True}`) use the capacity left, one a second per chat. After a 429, nothing is sent until its
`retry_after` has passed, then the request is tried again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

logger = logging.getLogger(__name__)


class PriorityRateLimiter(BaseRateLimiter[dict]):
    def __init__(self, rate: float = 30.0, *, per_chat: float = 1.0, max_retries: int = 5):
        self._interval = 1.0 / rate
        self._chat_interval = 1.0 / per_chat
        self._max_retries = max_retries
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._chat_next: dict[object, float] = {}
        self._urgent_waiting = 0
        self.retries = 0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def _slot(self, bulk: bool, chat: object) -> None:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            ready = max(self._paused_until, self._next_slot)
            if bulk:
                ready = max(ready, self._chat_next.get(chat, 0.0))
                if self._urgent_waiting:
                    ready = max(ready, now + self._interval)
            if ready <= now:
                break
            await asyncio.sleep(ready - now)
        self._next_slot = max(now, self._next_slot) + self._interval
        if bulk:
            self._chat_next[chat] = now + self._chat_interval
            if len(self._chat_next) > 50_000:
                self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}

    async def _take_slot(self, bulk: bool, chat: object) -> None:
        if bulk:
            await self._slot(True, chat)
            return
        self._urgent_waiting += 1
        try:
            await self._slot(False, chat)
        finally:
            self._urgent_waiting -= 1

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict | list[dict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict | None,
    ) -> bool | dict | list[dict]:
        bulk = bool(rate_limit_args and rate_limit_args.get("bulk"))
        chat = data.get("chat_id")
        for attempt in range(self._max_retries + 1):
            await self._take_slot(bulk, chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                self.retries += 1
                wait = exc.retry_after
                seconds = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
                loop = asyncio.get_running_loop()
                self._paused_until = max(self._paused_until, loop.time() + seconds)
                logger.warning("telegram_429", extra={"retry_after": seconds, "bulk": bulk})
                if attempt == self._max_retries:
                    raise
        raise AssertionError("unreachable")
