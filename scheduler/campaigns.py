"""Campaign jobs: start scheduled runs, and send queued messages at Telegram's rate.

Guarantee: every recipient in a campaign's queue gets the message at most once. Rows are
claimed before sending and marked after Telegram answers; a crash leaves the claimed rows
(at most one batch in flight) as `unknown`, shown in /campaigns, never resent.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from content.campaigns import PreparedCampaign
from scheduler.ports import CampaignSender, SendResult
from storage.campaigns import CampaignStore, Outgoing

logger = logging.getLogger(__name__)
GRACE = timedelta(hours=1)  # a scheduled run missed by more than this (bot down) is skipped
STATE = {SendResult.SENT: "sent", SendResult.BLOCKED: "blocked", SendResult.FAILED: "failed"}


def due_run(campaign: PreparedCampaign, last: datetime | None, now: datetime, zone: ZoneInfo):
    """The run of a scheduled campaign that should start now, if any (aware, UTC-comparable)."""
    since = max(last or now - GRACE, now - GRACE)
    if campaign.cron:
        trigger = CronTrigger.from_crontab(campaign.cron, timezone=zone)
        fire = trigger.get_next_fire_time(None, since + timedelta(seconds=1))
    elif campaign.at:
        fire = campaign.at.replace(tzinfo=zone)
        fire = fire if fire > since else None
    else:
        return None
    return fire if fire is not None and fire <= now else None


async def start_scheduled(
    now: datetime, prepared: tuple[PreparedCampaign, ...], store: CampaignStore, zone: ZoneInfo
) -> list[int]:
    started = []
    for campaign in prepared:
        last_text = await store.last_run(campaign.id)
        last = datetime.fromisoformat(last_text) if last_text else None
        fire = due_run(campaign, last, now, zone)
        if fire is None:
            continue
        run = await store.create(
            source=campaign.id, run_at=fire.isoformat(), texts=campaign.text,
            buttons=campaign.buttons, languages=campaign.languages, topics=campaign.topics,
            created_by=None,
        )  # fmt: skip
        if run is not None:
            logger.info("campaign_scheduled_start", extra={"campaign": run.id})
            started.append(run.id)
    return started


async def send_queued(store: CampaignStore, sender: CampaignSender, *, batch: int = 60) -> int:
    """Send claimed batches until nothing is queued (a pause takes effect between batches)."""
    sent = 0
    while claimed := await store.claim(batch):
        results = await asyncio.gather(*(_send(o, sender) for o in claimed))
        for outgoing, result in zip(claimed, results, strict=True):
            await store.finish(outgoing, STATE[result])
        sent += len(claimed)
        await store.complete_finished()
    return sent


async def _send(outgoing: Outgoing, sender: CampaignSender) -> SendResult:
    try:
        return await sender.send_campaign(outgoing)
    except Exception:  # one recipient's failure must not stop the campaign
        logger.exception("campaign_send_error")
        return SendResult.FAILED
