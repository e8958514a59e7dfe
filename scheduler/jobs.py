"""Scheduler jobs as plain async functions of `now`, so tests control the clock.

Misfire rule (a delivery that came due while the bot was down): an appointment or
vaccination reminder is sent late only while the appointment has not begun, otherwise it is
skipped; a medication reminder is always sent, late, with its original time.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from scheduler.ports import FollowupMessage, FollowupSender, ReminderMessage, Sender, SendResult
from storage.events import EventStore
from storage.reminders import Due, ReminderStore
from storage.selfchecks import SelfcheckStore

logger = logging.getLogger(__name__)
LATE_AFTER = timedelta(minutes=2)
MISSED_NOTICE_AFTER = 3
DAY = timedelta(days=1)


async def send_due_reminders(
    now: datetime, store: ReminderStore, sender: Sender, *, batch: int = 200, parallel: int = 8
) -> int:
    """Send every reminder due by `now`; return how many deliveries were handled."""
    handled = 0
    gate = asyncio.Semaphore(parallel)

    async def one(due: Due) -> None:
        async with gate:
            await _deliver(due, now, store, sender)

    while dues := await store.claim_due(now, limit=batch):
        await asyncio.gather(*(one(due) for due in dues))
        handled += len(dues)
    return handled


async def _deliver(due: Due, now: datetime, store: ReminderStore, sender: Sender) -> None:
    reminder = due.reminder
    if reminder.kind == "medication":
        await _before_dose(due, now, store, sender)
    elif now >= due.occurrence:
        await store.finish(due.delivery_id, "skipped", now)
        logger.info("reminder_skipped_after_start", extra={"reminder": reminder.id})
        await _close_if_finished(reminder.id, store)
        return
    result = await sender.send_reminder(_message(due, now))
    await _record(due, result, now, store)
    if reminder.kind == "medication":
        await _plan_next_dose(due, store)
    else:
        await _close_if_finished(reminder.id, store)


def _message(due: Due, now: datetime, kind: str | None = None) -> ReminderMessage:
    r = due.reminder
    return ReminderMessage(
        chat_id=r.telegram_id, reminder_id=r.id, kind=kind or r.kind,
        occurrence=due.occurrence, note=r.note, site_id=r.site_id,
        discreet=due.discreet, late=now - due.due > LATE_AFTER,
    )  # fmt: skip


async def _record(due: Due, result: SendResult, now: datetime, store: ReminderStore) -> None:
    state = {SendResult.SENT: "sent", SendResult.BLOCKED: "paused"}.get(result, "failed")
    await store.finish(due.delivery_id, state, now)
    if result is SendResult.BLOCKED:
        await store.pause_user(due.reminder.telegram_id)
        logger.info("reminders_paused_blocked")


async def _before_dose(due: Due, now: datetime, store: ReminderStore, sender: Sender) -> None:
    """Count yesterday's dose as missed if it was not confirmed; after three, tell once."""
    reminder, previous = due.reminder, due.occurrence - DAY
    if previous < reminder.at or await store.dose_recorded(reminder.id, previous):
        return
    await store.record_dose(reminder.id, previous, "missed", now)
    if await store.missed_in_a_row(reminder.id) >= MISSED_NOTICE_AFTER and (
        await store.mark_missed_notice(reminder.id)
    ):
        await sender.send_reminder(_message(due, now, kind="missed_doses"))


async def _plan_next_dose(due: Due, store: ReminderStore) -> None:
    if due.due != due.occurrence:
        return  # a snooze: the next day's dose is already planned
    following = due.occurrence + DAY
    reminder = due.reminder
    if reminder.until is not None and following > reminder.until:
        await store.close(reminder.id)
        return
    await store.plan(reminder.id, following, following)


async def _close_if_finished(reminder_id: int, store: ReminderStore) -> None:
    if not await store.pending_count(reminder_id):
        await store.close(reminder_id)


async def keep_figures(now: datetime, events: EventStore, *, retention_days: int) -> None:
    """Fold finished weeks' active-user tokens into counts; drop counters past retention."""
    await events.fold_weeks(now)
    await events.purge((now - timedelta(days=retention_days)).date())


async def send_due_followups(now: datetime, store: SelfcheckStore, sender: FollowupSender) -> int:
    """Ask the week-old self-checks' follow-up question; each is asked once at most."""
    sent = 0
    for due in await store.claim_due(now):
        message = FollowupMessage(due.telegram_id, due.id, due.check_id)
        result = await sender.send_followup(message)
        await store.asked(due.id, sent=result is SendResult.SENT)
        sent += result is SendResult.SENT
    return sent
