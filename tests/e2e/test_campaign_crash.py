"""kill -9 in the middle of a campaign: nothing lost silently, no one gets a second copy."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest

from storage.campaigns import CampaignStore
from storage.db import connect
from storage.users import UserStore
from tests.e2e.test_process import start_bot

pytestmark = pytest.mark.rasa
RECIPIENTS = range(20_000, 20_300)


async def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_kill_9_mid_campaign(fake_telegram, rasa_url, tmp_path):
    db = await connect(str(tmp_path / "bot.db"))
    users, store = UserStore(db), CampaignStore(db)
    for user in RECIPIENTS:
        await users.set_lang(user, "en")
        await users.set_news(user, True, ("tb", "hiv", "covid"))
    campaign = await store.create(
        source="crash-test", run_at="now", texts={"en": "Free HIV testing this week"},
        buttons=(), languages=("en",), topics=("hiv",), created_by=None,
    )  # fmt: skip
    fast = {"TELEGRAM_RATE_LIMIT": "100", "REMINDER_TICK": "0.2"}
    process = await start_bot(fake_telegram, rasa_url, tmp_path, **fast)
    await wait_until(lambda: len(fake_telegram.sent()) >= 100)
    process.kill()  # SIGKILL: no clean shutdown
    await process.wait()
    process = await start_bot(fake_telegram, rasa_url, tmp_path, **fast)
    try:
        for _ in range(600):
            figures = await store.figures(campaign.id)
            if figures["queued"] == figures["sending"] == 0:
                break
            await asyncio.sleep(0.1)
    finally:
        process.terminate()
        await process.wait()
    figures = await store.figures(campaign.id)
    await db.close()
    copies = Counter(int(p["chat_id"]) for p in fake_telegram.sent())
    assert max(copies.values()) == 1  # nobody got a second copy
    assert figures["sent"] + figures["unknown"] == len(RECIPIENTS)
    assert figures["unknown"] <= 60  # at most one batch was in flight
    never = [u for u in RECIPIENTS if copies[u] == 0]
    assert len(never) <= figures["unknown"]  # anyone without a message is counted as unknown
