"""Benchmark: bot reply latency and throughput against raw Rasa, side by side.

Starts the real Rasa server with the trained model, the fake Telegram Bot API server and the
real bot process (long polling). For 1, 8 and 32 concurrent users, each user sends messages
one after another; latency is from the update arriving at the fake Bot API server to the
bot's sendMessage for that chat. The baseline is raw POST /model/parse at the same
concurrency, in the same run. Usage: `make bench` (or python -m bench.reply_latency).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time

import httpx

from bot.settings import ROOT
from nlu.client import RasaClient
from nlu.evalset import load_old
from nlu.normalize import normalize
from nlu.server import RasaServer
from tests.fake_telegram import FakeTelegram

TOKEN = "bench-rasa-token"
PER_USER = int(os.environ.get("BENCH_MESSAGES", "25"))
LEVELS = tuple(int(n) for n in os.environ.get("BENCH_USERS", "1,8,32").split(","))


def summary(latencies: list[float], seconds: float) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"{len(ordered) / seconds:7.1f}/s   p50 {statistics.median(ordered) * 1000:7.1f} ms"
        f"   p99 {p99 * 1000:7.1f} ms"
    )


async def raw_rasa(client: RasaClient, texts: list[str], users: int) -> tuple[list[float], float]:
    latencies: list[float] = []

    async def user(offset: int) -> None:
        for i in range(PER_USER):
            text = normalize(texts[(offset * PER_USER + i) % len(texts)])
            began = time.monotonic()
            await client.parse(text)
            latencies.append(time.monotonic() - began)

    began = time.monotonic()
    await asyncio.gather(*(user(u) for u in range(users)))
    return latencies, time.monotonic() - began


async def through_bot(fake: FakeTelegram, texts: list[str], users: int, base: int):
    latencies: list[float] = []

    async def user(offset: int) -> None:
        chat = base + offset
        for i in range(PER_USER):
            text = texts[(offset * PER_USER + i) % len(texts)]
            began = time.monotonic()
            fake.push(fake.text_update(text, user_id=chat, language_code="ru"))
            reply = await fake.wait_chat(chat, i + 1)
            latencies.append(reply.at - began)

    began = time.monotonic()
    await asyncio.gather(*(user(u) for u in range(users)))
    return latencies, time.monotonic() - began


async def main() -> int:
    texts = [case.text for case in load_old(ROOT / "tests" / "nlu" / "data")]
    server = RasaServer(ROOT / ".venv-rasa" / "bin" / "rasa", ROOT / "models", TOKEN)
    server.start()
    client = RasaClient(server.url, TOKEN, timeout=30)
    fake = FakeTelegram()
    await fake.start()
    bot = None
    try:
        await server.wait_ready(client, timeout=240)
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": fake.token,
            "TELEGRAM_API_URL": fake.url,
            "RASA_URL": server.url,
            "RASA_TOKEN": TOKEN,
            "LOG_LEVEL": "WARNING",
            "HEALTHBOT_DB": str(ROOT / "build" / "bench.db"),
        }
        (ROOT / "build" / "bench.db").unlink(missing_ok=True)
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=ROOT
        )
        fake.push(fake.text_update("/start", user_id=1))
        await fake.wait_chat(1, 1)
        await raw_rasa(client, texts, 4)  # warm-up
        limit = os.environ.get("TELEGRAM_RATE_LIMIT", "29 (default)")
        print(
            f"{PER_USER} messages per user; latency p50/p99; throughput in replies/s; "
            f"bot's Telegram rate limit: {limit}/s (0 = off)"
        )
        print(
            f"{'users':>5}  {'raw Rasa /model/parse':<46}  {'bot (update -> reply)':<46}  overhead"
        )
        for users in LEVELS:
            raw, raw_s = await raw_rasa(client, texts, users)
            ours, ours_s = await through_bot(fake, texts, users, base=10_000 * users)
            extra = statistics.median(ours) / statistics.median(raw) - 1
            print(
                f"{users:>5}  {summary(raw, raw_s):<46}  {summary(ours, ours_s):<46}  "
                f"{extra * 100:+.0f}% p50"
            )
    finally:
        if bot is not None:
            bot.terminate()
            await bot.wait()
        await client.aclose()
        await fake.stop()
        server.stop()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except httpx.HTTPError as exc:
        sys.exit(f"benchmark failed: {exc}")
