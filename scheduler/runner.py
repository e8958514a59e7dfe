"""APScheduler wiring: a one-second tick that sends whatever SQLite says is due.

APScheduler only provides the tick. Its own job stores are not the record of truth: they
delete a one-off job before it runs and skip jobs that are late, so reminders live in
SQLite (storage/reminders.py) and survive restarts, including kill -9.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from content.campaigns import PreparedCampaign
from scheduler.campaigns import send_queued, start_scheduled
from scheduler.jobs import send_due_reminders
from scheduler.ports import Sender
from storage.campaigns import CampaignStore
from storage.reminders import ReminderStore

logger = logging.getLogger(__name__)


MINSK = ZoneInfo("Europe/Minsk")


def utc_now() -> datetime:
    return datetime.now(UTC)


class SchedulerRunner:
    """Two ticking jobs, each never overlapping itself: reminders, and campaigns."""

    def __init__(
        self, store: ReminderStore, sender: Sender, *, tick: float = 1.0,
        clock: Callable[[], datetime] = utc_now, campaigns: CampaignStore | None = None,
        prepared: Callable[[], tuple[PreparedCampaign, ...]] = tuple,
        zone: ZoneInfo = MINSK,
    ) -> None:  # fmt: skip
        self._store, self._sender, self._tick, self._clock = store, sender, tick, clock
        self._campaigns, self._prepared, self._zone = campaigns, prepared, zone
        self._scheduler = AsyncIOScheduler(timezone=UTC)

    async def start(self) -> None:
        unknown = await self._store.recover()
        if self._campaigns is not None:
            unknown += await self._campaigns.recover()
        if unknown:
            logger.warning("unknown_after_crash", extra={"count": unknown})
        for job, name in ((self.run_once, "reminders"), (self.run_campaigns, "campaigns")):
            self._scheduler.add_job(
                job, IntervalTrigger(seconds=self._tick), id=name,
                max_instances=1, coalesce=True, misfire_grace_time=None,
            )  # fmt: skip
        self._scheduler.start()

    async def run_once(self) -> int:
        return await send_due_reminders(self._clock(), self._store, self._sender)

    async def run_campaigns(self) -> int:
        if self._campaigns is None:
            return 0
        await start_scheduled(self._clock(), self._prepared(), self._campaigns, self._zone)
        return await send_queued(self._campaigns, self._sender)  # type: ignore[arg-type]

    def every(self, name: str, job: Callable[[], Awaitable[object]], *, seconds: float) -> None:
        """Also run `job` every `seconds`, never overlapping itself."""
        self._scheduler.add_job(
            job, IntervalTrigger(seconds=seconds), id=name,
            max_instances=1, coalesce=True, misfire_grace_time=None,
        )  # fmt: skip

    def at(self, name: str, job: Callable[[], Awaitable[object]], **cron: str | int) -> None:
        """Also run `job` on a cron schedule in local time (e.g. day_of_week="mon", hour=8);
        a run missed by up to an hour (the bot was down) still happens, once."""
        trigger = CronTrigger(timezone=self._zone, **cron)  # type: ignore[arg-type]
        self._scheduler.add_job(
            job, trigger, id=name, max_instances=1, coalesce=True, misfire_grace_time=3600
        )

    def job(self, name: str) -> Job:
        """A scheduled job by name (its next run time, and the job itself for tests)."""
        found = self._scheduler.get_job(name)
        assert found is not None, name
        return found

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
