"""The counters behind the programme's figures keep no user id."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from storage import db as database
from storage.events import ACTIVE, EventStore

MONDAY = datetime(2026, 11, 30, 9, tzinfo=UTC)


async def dump(db) -> str:
    rows = []
    for table in ("events", "active_tokens", "secrets"):
        async with db.execute(f"SELECT * FROM {table}") as cursor:
            rows += [tuple(row) async for row in cursor]
    return repr(rows)


async def test_a_person_active_twice_a_week_counts_once_and_leaves_no_id(tmp_path) -> None:
    db = await database.connect(str(tmp_path / "t.db"))
    store = EventStore(db)
    for hours in (0, 5, 30):
        await store.active(987654321, lang="tg", now=MONDAY + timedelta(hours=hours))
    await store.active(123456789, lang="tg", now=MONDAY)
    assert await store.active_this_week(MONDAY) == {"tg": 2}
    assert "987654321" not in await dump(db)
    await db.close()


async def test_a_finished_week_is_folded_and_its_tokens_and_salt_destroyed(tmp_path) -> None:
    db = await database.connect(str(tmp_path / "t.db"))
    store = EventStore(db)
    await store.active(42, lang="uz", now=MONDAY)
    next_week = MONDAY + timedelta(days=7)
    assert await store.fold_weeks(next_week) == 1
    counts = await store.between(MONDAY.date(), next_week.date(), [ACTIVE])
    assert [(c.day, c.lang, c.n) for c in counts] == [("2026-11-30", "uz", 1)]
    async with db.execute("SELECT count(*) FROM active_tokens") as cursor:
        assert (await cursor.fetchone())[0] == 0
    async with db.execute("SELECT count(*) FROM secrets WHERE name LIKE 'active-salt:%'") as c:
        assert (await c.fetchone())[0] == 0
    await db.close()


async def test_daily_counters_add_up_and_old_ones_are_purged(tmp_path) -> None:
    db = await database.connect(str(tmp_path / "t.db"))
    store = EventStore(db)
    for day in (MONDAY, MONDAY, MONDAY - timedelta(days=800)):
        await store.count("question", lang="ru", now=day, key="tb_testing", value="answer")
    assert await store.purge(date(2025, 1, 1)) == 1
    (count,) = await store.between(date(2020, 1, 1), date(2030, 1, 1), ["question"])
    assert (count.day, count.value, count.n) == ("2026-11-30", "answer", 2)
    await db.close()
