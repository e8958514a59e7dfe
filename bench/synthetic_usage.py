"""A synthetic month of usage in a bot database, with its own independent tallies.

Used by bench/stats_month.py (10,000 users, 100,000 messages) and by the tests of
`healthbot stats` (smaller), which compare the published figures with `Expected`.
Messages are written as the daily counters the bot keeps (storage/events.py); weekly active
users go through EventStore.active, campaigns through CampaignStore, like the bot does.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import aiosqlite

from storage import events as kinds
from storage.campaigns import CampaignStore
from storage.events import EventStore, week_of
from storage.reminders import ReminderStore

LANGS = ("ru", "uz", "tg", "ky", "tk", "az", "en", "uk", "zh", "ar", "fa", "ku")
LANG_WEIGHTS = (30, 18, 16, 8, 6, 5, 4, 4, 3, 2, 2, 2)
INTENTS = (
    "tb_symptoms", "tb_testing", "tb_treatment", "hiv_testing", "hiv_prevention",
    "hiv_treatment", "covid_vaccine_sites", "healthcare_rights", "find_clinic", "greet",
    "mental_health", "reminder_set",
)  # fmt: skip
DECISIONS = ("answer", "clarify", "fallback", "emergency")
DECISION_WEIGHTS = (80, 9, 10, 1)
UNANSWERED = ("where is a dentist for children", "how to renew my work permit",
              "can i bring my cat to the clinic")  # fmt: skip


@dataclass
class Expected:
    """What the generator put in, counted by the generator itself."""

    new_users: Counter[tuple[str, str]] = field(default_factory=Counter)  # (week, lang)
    active: Counter[tuple[str, str]] = field(default_factory=Counter)  # (week, lang)
    questions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (intent, lang)
    decisions: Counter[str] = field(default_factory=Counter)
    campaign_sent: dict[int, int] = field(default_factory=dict)
    doses: Counter[str] = field(default_factory=Counter)  # taken / missed


async def synthesize(
    db: aiosqlite.Connection, *, users: int, messages: int, campaigns: int, today: date,
    seed: int = 7,
) -> Expected:  # fmt: skip
    rng = random.Random(seed)
    expected = Expected()
    first = today - timedelta(days=29)
    langs = rng.choices(LANGS, LANG_WEIGHTS, k=users)
    await _users(db, rng, langs, first, expected)
    await _messages(db, rng, messages, first, expected)
    await _campaigns(db, rng, campaigns, expected)
    await _tablets(db, rng, users // 20, first, expected)
    return expected


def _day(first: date, offset: int) -> datetime:
    return datetime.combine(first + timedelta(days=offset), time(12), tzinfo=UTC)


async def _users(
    db: aiosqlite.Connection, rng: random.Random, langs: list[str], first: date,
    expected: Expected,
) -> None:  # fmt: skip
    events = EventStore(db)
    starts = [rng.randrange(30) for _ in langs]
    await db.executemany(
        "INSERT INTO users (telegram_id, lang, news, created_at) VALUES (?, ?, ?, ?)",
        [
            (
                10_000 + i,
                lang,
                int(rng.random() < 0.4),
                f"{first + timedelta(days=start)}T09:00:00Z",
            )
            for i, (lang, start) in enumerate(zip(langs, starts, strict=True))
        ],
    )
    for i, (lang, start) in enumerate(zip(langs, starts, strict=True)):
        expected.new_users[(week_of(first + timedelta(days=start)), lang)] += 1
        weeks = {week_of(first + timedelta(days=d)) for d in range(start, 30, 7)}
        for week in sorted(weeks):
            if rng.random() < 0.7:
                await events.active(10_000 + i, lang=lang, now=_day(date.fromisoformat(week), 0))
                expected.active[(week, lang)] += 1


async def _messages(
    db: aiosqlite.Connection, rng: random.Random, count: int, first: date, expected: Expected
) -> None:
    counters: Counter[tuple[str, str, str, str]] = Counter()
    unanswered = []
    for _ in range(count):
        day = _day(first, rng.randrange(30)).date().isoformat()
        lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
        intent = rng.choice(INTENTS)
        decision = rng.choices(DECISIONS, DECISION_WEIGHTS)[0]
        counters[(day, lang, intent, decision)] += 1
        expected.questions[(intent, lang)] += 1
        expected.decisions[decision] += 1
        if decision == "fallback" and rng.random() < 0.05:
            unanswered.append((rng.choice(UNANSWERED), lang, f"{day}T12:00:00Z"))
    await db.executemany(
        "INSERT INTO events (day, kind, lang, key, value, n) VALUES (?, ?, ?, ?, ?, ?)",
        [(d, kinds.QUESTION, lang, i, dec, n) for (d, lang, i, dec), n in counters.items()],
    )
    await db.executemany(
        "INSERT INTO unanswered (text, lang, created_at) VALUES (?, ?, ?)", unanswered
    )
    await db.commit()


async def _campaigns(
    db: aiosqlite.Connection, rng: random.Random, count: int, expected: Expected
) -> None:
    store = CampaignStore(db)
    for number in range(count):
        campaign = await store.create(
            source=f"synthetic-{number}", run_at=f"run-{number}", texts={"ru": "Новости"},
            buttons=(), languages=LANGS, topics=("tb", "hiv", "covid"), created_by=None,
        )  # fmt: skip
        assert campaign is not None
        outcomes = rng.choices(("sent", "failed", "blocked"), (95, 2, 3), k=campaign.audience)
        async with db.execute(
            "SELECT telegram_id FROM campaign_queue WHERE campaign_id = ? ORDER BY telegram_id",
            (campaign.id,),
        ) as cursor:
            ids = [row[0] async for row in cursor]
        await db.executemany(
            "UPDATE campaign_queue SET state = ? WHERE campaign_id = ? AND telegram_id = ?",
            [(state, campaign.id, tid) for state, tid in zip(outcomes, ids, strict=True)],
        )
        await db.commit()
        await store.complete_finished()
        expected.campaign_sent[campaign.id] = outcomes.count("sent")


async def _tablets(
    db: aiosqlite.Connection, rng: random.Random, count: int, first: date, expected: Expected
) -> None:
    """Daily tablet reminders with a taken/missed record for each day of the month."""
    store = ReminderStore(db)
    for i in range(count):
        start = _day(first, 0)
        reminder = await store.add(10_000 + i, "medication", start, now=start)
        for offset in range(29):
            status = "taken" if rng.random() < 0.85 else "missed"
            await store.record_dose(reminder, _day(first, offset), status, _day(first, offset))
            expected.doses[status] += 1
