"""Benchmark: how fast an emergency is answered, with Rasa up and with Rasa down.

Starts the fake Telegram Bot API server, the real Rasa server with the trained model and two
real bot processes (long polling): one pointed at Rasa, one at a closed port (Rasa down).
Latency is from the update arriving at the fake server to the bot's first sendMessage for
that chat. Baseline, in the same run: ordinary health questions through the same bot with
Rasa up. The urgent messages are the team's own examples (tests/nlu/test_safety.py), never
the blind evaluation set. Target: emergency p99 < 1 s, up or down.
Usage: python -m bench.emergency_latency (BENCH_MESSAGES=40 by default, one user at a time
and 8 users at once).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

import httpx

from bench.common import percentile, start_bot
from bot.settings import ROOT
from nlu.client import RasaClient
from nlu.server import RasaServer
from tests.fake_telegram import FakeTelegram
from tests.nlu.test_safety import NOT_URGENT, URGENT

TOKEN = "bench-rasa-token"
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "40"))
ORDINARY = [
    "где сдать тест на вич", "how is tuberculosis treated", "qayerda emlash mumkin",
    "ковид прививка бесплатно для иностранцев", "سل چطور منتقل میشه", "艾滋病怎么检测",
]  # fmt: skip


async def replies(fake: FakeTelegram, texts: list[str], users: int, base: int) -> list[float]:
    """Send `texts` from `users` senders at once, one after another each; latency of the
    first reply. Every message comes from a new chat, so a two-part reply is counted once."""
    latencies: list[float] = []

    async def user(offset: int) -> None:
        for i, text in enumerate(texts[offset::users]):
            chat = base + offset * 1000 + i
            began = time.monotonic()
            fake.push(fake.text_update(text, user_id=chat, language_code="ru"))
            reply = await asyncio.wait_for(fake.wait_chat(chat, 1), timeout=60)
            latencies.append(reply.at - began)

    await asyncio.gather(*(user(u) for u in range(users)))
    return latencies


def line(name: str, latencies: list[float]) -> str:
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    mark = "" if "ordinary" in name else ("  ok" if p99 < 1 else "  ABOVE 1 s")
    figures = f"p50 {p50 * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms"
    return f"{name:<30} n={len(latencies):<4} {figures}{mark}"


async def _stop(bots: list, client: RasaClient, fakes: tuple, server: RasaServer) -> None:
    for bot in bots:
        bot.terminate()
        await bot.wait()
    await client.aclose()
    for fake in fakes:
        await fake.stop()
    server.stop()


async def main() -> int:
    urgent = [text for _, _, text in URGENT]
    urgent = (urgent * (MESSAGES // len(urgent) + 1))[:MESSAGES]
    ordinary = (ORDINARY + [t for _, t in NOT_URGENT]) * (MESSAGES // 20 + 1)
    ordinary = ordinary[:MESSAGES]
    server = RasaServer(ROOT / ".venv-rasa" / "bin" / "rasa", ROOT / "models", TOKEN)
    server.start()
    client = RasaClient(server.url, TOKEN, timeout=30)
    up, down = FakeTelegram(), FakeTelegram()
    await up.start()
    await down.start()
    bots = []
    try:
        await server.wait_ready(client, timeout=300)
        build = ROOT / "build"
        build.mkdir(exist_ok=True)
        for db in ("bench-up.db", "bench-down.db"):
            (build / db).unlink(missing_ok=True)
        rasa = {"RASA_URL": server.url, "RASA_TOKEN": TOKEN}
        bots.append(await start_bot(up, build / "bench-up.db", **rasa))
        bots.append(await start_bot(down, build / "bench-down.db"))
        for fake in (up, down):  # wait until both bots poll, and warm them up
            fake.push(fake.text_update("/start", user_id=1))
            await asyncio.wait_for(fake.wait_chat(1, 1), timeout=180)
        await replies(up, ordinary[:8], 1, base=500)
        print(f"{MESSAGES} messages per row; latency from update to the bot's first reply")
        for users in (1, 8):
            print(f"-- {users} user(s) at once")
            base = 100_000 * users
            baseline = await replies(up, ordinary, users, base)
            print(line("baseline: ordinary, Rasa up", baseline))
            print(line("emergency, Rasa up", await replies(up, urgent, users, base + 20_000)))
            print(line("emergency, Rasa down", await replies(down, urgent, users, base + 40_000)))
    finally:
        await _stop(bots, client, (up, down), server)
    return 0


if __name__ == "__main__":
    try:
        code = asyncio.run(main())
    except httpx.HTTPError as exc:
        sys.exit(f"emergency benchmark failed: {exc}")
    sys.exit(code)
