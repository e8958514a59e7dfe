"""Benchmark: 100,000 pending reminders of 10,000 users, 5,000 due in the same minute.

The real bot process runs against the fake Bot API server, which enforces Telegram's 30
messages per second (429 with retry_after beyond it). Reported: start-up time (process start
to its first getUpdates), peak memory of the bot process, and lateness (due time to the
message reaching the server) at p50/p99, beside the ideal schedule the rate limit allows
(message i of the burst cannot leave before i/30 s). Usage: python -m bench.reminders
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import p50_p99, rss_mb, start_bot
from bot.settings import ROOT
from storage.db import connect
from storage.reminders import iso
from tests.fake_telegram import FakeTelegram

USERS, PER_USER, DUE_NOW, LIMIT = 10_000, 10, 5_000, 30
LEAD = 25  # seconds from now until the burst is due (the bot starts meanwhile)


async def build(db_path: Path, due: datetime) -> None:
    db = await connect(str(db_path))  # creates the schema
    await db.close()
    con = sqlite3.connect(db_path)
    con.executemany("INSERT INTO users (telegram_id, lang) VALUES (?, 'ru')",
                    [(u,) for u in range(1, USERS + 1)])  # fmt: skip
    reminders, deliveries = [], []
    for n in range(USERS * PER_USER):
        user = n % USERS + 1
        at = due + timedelta(hours=2) if n < DUE_NOW else due + timedelta(days=1 + n % 300)
        reminders.append((n + 1, user, "appointment", iso(at)))
        deliveries.append((n + 1, iso(due if n < DUE_NOW else at - timedelta(hours=2)), iso(at)))
    con.executemany("INSERT INTO reminders (id, telegram_id, kind, at_utc) VALUES (?, ?, ?, ?)",
                    reminders)  # fmt: skip
    con.executemany(
        "INSERT INTO deliveries (reminder_id, due_utc, occurrence_utc) VALUES (?, ?, ?)",
        deliveries,
    )
    con.commit()
    con.close()


async def main() -> int:
    db_path = ROOT / "build" / "bench-reminders.db"
    db_path.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=LEAD)
    began_build = time.monotonic()
    await build(db_path, due)
    print(f"built {USERS * PER_USER:,} reminders in {time.monotonic() - began_build:.1f} s")
    fake = FakeTelegram(rate_limit=LIMIT)
    await fake.start()
    spawned = time.monotonic()
    process = await start_bot(fake, db_path)
    peak = 0.0
    try:
        while not any(c.method == "setMyCommands" for c in fake.calls):
            await asyncio.sleep(0.05)
        startup = time.monotonic() - spawned
        deadline = time.monotonic() + LEAD + DUE_NOW / LIMIT * 3
        while len(fake.sent()) < DUE_NOW and time.monotonic() < deadline:
            peak = max(peak, rss_mb(process.pid))
            await asyncio.sleep(0.5)
    finally:
        process.terminate()
        await process.wait()
        await fake.stop()
    wall_offset = time.time() - time.monotonic()
    due_ts = due.timestamp()
    lateness = sorted(c.at + wall_offset - due_ts for c in fake.calls
                      if c.method == "sendMessage" and c.status == 200)  # fmt: skip
    ideal = [i / LIMIT for i in range(len(lateness))]
    print(f"start-up (process start to ready): {startup:.2f} s")
    print(f"peak memory of the bot process:    {peak:.0f} MB")
    print(f"sent {len(lateness):,} of {DUE_NOW:,} due; 429s {fake.too_many}, "
          f"flood violations {fake.violations}")  # fmt: skip
    print(f"lateness, ours:  {p50_p99(lateness)}   (last {lateness[-1]:.1f} s)")
    print(f"lateness, ideal: {p50_p99(ideal)}   (last {ideal[-1]:.1f} s, at {LIMIT}/s)")
    return 0 if len(lateness) == DUE_NOW else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
