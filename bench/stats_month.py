"""`healthbot stats` on a synthetic month (10,000 users, 100,000 messages, 12 languages,
5 campaigns), side by side with the same command on an empty database (its fixed cost:
Python, matplotlib, the page). Targets: under 10 s and under 300 MB.

Run: .venv/bin/python -m bench.stats_month
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.synthetic_usage import synthesize
from bot.settings import ROOT
from storage import db as database


def timed_stats(db: Path, out: Path, fmt: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak memory (MB) of one `healthbot stats` run."""
    env = {**os.environ, "HEALTHBOT_DB": str(db)}
    command = [sys.executable, "-m", "bot.cli", "stats", "--out", str(out), "--format", fmt]
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


async def make_db(db: Path, *, month: bool) -> float:
    """A migrated database, with a synthetic month in it or empty; seconds taken."""
    start = time.monotonic()
    connection = await database.connect(str(db))
    if month:
        today = date.today()
        await synthesize(connection, users=10_000, messages=100_000, campaigns=5, today=today)
    await connection.close()
    return time.monotonic() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        empty, month = Path(folder) / "empty.db", Path(folder) / "month.db"
        asyncio.run(make_db(empty, month=False))
        print(f"synthetic month written in {asyncio.run(make_db(month, month=True)):.1f} s")
        print(f"{'run':<28}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}")
        for name, db in (("empty database (baseline)", empty), ("synthetic month", month)):
            for fmt in ("html", "csv"):
                wall, cpu, peak = timed_stats(db, Path(folder) / f"out-{name[:5]}-{fmt}", fmt)
                print(f"{name + ' ' + fmt:<28}{wall:>8.2f}{cpu:>8.2f}{peak:>9.0f}")


if __name__ == "__main__":
    main()
