"""Benchmark: a campaign to 10,000 subscribers against a server enforcing 30 messages/s.

The real bot process, the real Rasa server and the fake Bot API server (429 with
retry_after beyond 30 sendMessage calls in any second; a call before retry_after has passed
is a flood violation). Reported: achieved campaign rate as a share of the limit, 429s,
flood violations, and reply latency (update at the server to the reply) for a user asking
questions, idle and during the campaign. Usage: python -m bench.campaign
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from bench.common import percentile, start_bot
from bot.settings import ROOT
from nlu.client import RasaClient
from nlu.server import RasaServer
from storage.campaigns import CampaignStore
from storage.db import connect
from tests.fake_telegram import FakeTelegram

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
LIMIT, ASKER, QUESTIONS = 30, 1, 40
QUESTION = "где сдать тест на вич"


async def build(db_path: Path) -> None:
    db = await connect(str(db_path))
    await db.close()
    con = sqlite3.connect(db_path)
    con.executemany("INSERT INTO users (telegram_id, lang, news, news_asked) VALUES (?, ?, 1, 1)",
                    [(u, "ru") for u in range(10, 10 + SUBSCRIBERS)])  # fmt: skip
    con.execute("INSERT INTO users (telegram_id, lang, news_asked) VALUES (?, 'ru', 1)", (ASKER,))
    con.commit()
    con.close()


async def ask(fake: FakeTelegram, count: int, spacing: float) -> list[float]:
    latencies = []
    for _ in range(count):
        before = len(fake.sent_texts(ASKER))
        began = time.monotonic()
        fake.push(fake.text_update(QUESTION, user_id=ASKER, language_code="ru"))
        while len(fake.sent_texts(ASKER)) == before:
            await asyncio.sleep(0.002)
        reply = [c for c in fake.calls if c.method == "sendMessage" and c.status == 200
                 and int(c.params["chat_id"]) == ASKER][-1]  # fmt: skip
        latencies.append(reply.at - began)
        await asyncio.sleep(spacing)
    return latencies


def show(label: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"{label:<28} p50 {statistics.median(ms):7.1f} ms   "
            f"p99 {percentile(ms, 0.99):7.1f} ms")  # fmt: skip


async def main() -> int:
    db_path = ROOT / "build" / "bench-campaign.db"
    db_path.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    await build(db_path)
    rasa = RasaServer(ROOT / ".venv-rasa" / "bin" / "rasa", ROOT / "models", "bench")
    rasa.start()
    probe = RasaClient(rasa.url, "bench")
    fake = FakeTelegram(rate_limit=LIMIT)
    await fake.start()
    process = None
    try:
        await rasa.wait_ready(probe, timeout=240)
        process = await start_bot(fake, db_path, RASA_URL=rasa.url, RASA_TOKEN="bench")
        while not any(c.method == "setMyCommands" for c in fake.calls):
            await asyncio.sleep(0.05)
        idle = await ask(fake, QUESTIONS, 0.2)
        db = await connect(str(db_path))
        await CampaignStore(db).create(
            source="bench", run_at="now", texts={"ru": "День вакцинации в субботу"}, buttons=(),
            languages=("ru",), topics=("covid",), created_by=None,
        )  # fmt: skip
        await asyncio.sleep(3)
        busy = await ask(fake, QUESTIONS, 1.0)
        while (await CampaignStore(db).figures(1))["queued"] + (
            await CampaignStore(db).figures(1)
        )["sending"]:
            await asyncio.sleep(1)
        figures = await CampaignStore(db).figures(1)
        await db.close()
    finally:
        if process is not None:
            process.terminate()
            await process.wait()
        await probe.aclose()
        await fake.stop()
        rasa.stop()
    sends = sorted(c.at for c in fake.calls if c.method == "sendMessage" and c.status == 200
                   and int(c.params["chat_id"]) >= 10)  # fmt: skip
    rate = (len(sends) - 1) / (sends[-1] - sends[0])
    print(f"campaign: {figures['sent']:,} sent, {figures['failed']} failed, "
          f"{figures['unknown']} unknown, in {sends[-1] - sends[0]:.1f} s")  # fmt: skip
    print(f"achieved rate: {rate:.2f} msg/s = {rate / LIMIT:.1%} of the {LIMIT}/s limit")
    print(f"429 answers: {fake.too_many}; flood violations: {fake.violations}")
    print(show("reply latency, idle:", idle))
    print(show("reply latency, campaign:", busy))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
