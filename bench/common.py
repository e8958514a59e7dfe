"""Shared pieces of the benchmarks: the bot process and what it costs."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
from pathlib import Path

from bot.settings import ROOT
from nlu.server import free_port
from tests.fake_telegram import FakeTelegram


async def start_bot(fake: FakeTelegram, db: Path, **extra: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ, "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
        "HEALTHBOT_DB": str(db), "LOG_LEVEL": "WARNING",
        "RASA_URL": f"http://127.0.0.1:{free_port()}", "RASA_TOKEN": "bench", **extra,
    }  # fmt: skip
    log = (db.parent / "bench-bot.log").open("ab")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=log, stderr=log
    )


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def p50_p99(values: list[float]) -> str:
    return f"p50 {statistics.median(values):7.2f} s   p99 {percentile(values, 0.99):7.2f} s"
