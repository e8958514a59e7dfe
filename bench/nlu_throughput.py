"""Benchmark: parses per second through the full NLU pipeline vs raw Rasa /model/parse.

One Rasa server with the trained model (models/); the same messages at the same concurrency
(8), in one run, alternating rounds so that other load on the machine hits both alike:
- raw: POST /model/parse with the normalised text, nothing else;
- full: normalise, detect the language (letters, naive Bayes, py3langid), safety net, Rasa,
  and the decision, as the bot and `healthbot nlu parse` do.

    python -m bench.nlu_throughput     # BENCH_MESSAGES=400 BENCH_CONCURRENCY=8 BENCH_ROUNDS=3
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable

from bot.settings import ROOT, Settings
from nlu.evalset import load_old
from nlu.normalize import normalize
from nlu.runtime import NluRuntime, RasaConfig
from nlu.scoring import todays_decision

MESSAGES = int(os.environ.get("BENCH_MESSAGES", "400"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


async def rate(texts: list[str], parse: Callable[[str], Awaitable[object]]) -> float:
    semaphore = asyncio.Semaphore(CONCURRENCY)

    async def one(text: str) -> None:
        async with semaphore:
            await parse(text)

    began = time.monotonic()
    await asyncio.gather(*(one(text) for text in texts))
    return len(texts) / (time.monotonic() - began)


async def main() -> int:
    texts = [case.text for case in load_old(ROOT / "tests" / "nlu" / "data")][:MESSAGES]
    settings = Settings.from_env()
    runtime = NluRuntime(
        RasaConfig("", "bench-throughput", settings.rasa_bin, settings.model_dir, timeout=60)
    )
    understander = await runtime.start()

    async def raw(text: str) -> object:
        return await understander.rasa.parse(normalize(text) or text)

    async def full(text: str) -> object:
        return todays_decision(await understander.understand(text))

    try:
        await rate(texts[:50], raw)  # warm-up
        found: dict[str, list[float]] = {"raw Rasa /model/parse": [], "full pipeline": []}
        for _ in range(ROUNDS):
            found["raw Rasa /model/parse"].append(await rate(texts, raw))
            found["full pipeline"].append(await rate(texts, full))
    finally:
        await runtime.stop()
    print(f"{len(texts)} messages x {ROUNDS} rounds at {CONCURRENCY} concurrent "
          f"(load average {os.getloadavg()[0]:.1f}: the machine is shared)")  # fmt: skip
    for name, rates in found.items():
        print(f"  {name:24} median {statistics.median(rates):6.1f} parses/s   "
              f"rounds {' '.join(f'{r:.1f}' for r in rates)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
