"""APScheduler wiring: a one-second tick that sends whatever SQLite says is due.

APScheduler only provides the tick. Its own job stores are not the record of truth: they
delete a one-off job before it runs and skip jobs that are late, so reminders live in
SQLite (storage/reminders.py) and survive restarts, including kill -9.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.jobs import send_due_reminders
from scheduler.ports import Sender
from storage.reminders import ReminderStore

logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class SchedulerRunner:
    def __init__(
        self, store: ReminderStore, sender: Sender, *, tick: float = 1.0,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:  # fmt: skip
        self._store, self._sender, self._tick, self._clock = store, sender, tick, clock
        self._scheduler = AsyncIOScheduler(timezone=UTC)

    async def start(self) -> None:
        unknown = await self._store.recover()
        if unknown:
            logger.warning("reminders_unknown_after_crash", extra={"count": unknown})
        self._scheduler.add_job(
            self.run_once, IntervalTrigger(seconds=self._tick), id="reminders",
            max_instances=1, coalesce=True, misfire_grace_time=None,
        )  # fmt: skip
        self._scheduler.start()

    async def run_once(self) -> int:
        return await send_due_reminders(self._clock(), self._store, self._sender)

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
