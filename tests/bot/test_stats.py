"""/stats over the wire: health workers get the week's figures and a chart; nobody else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import Catalogs
from bot.settings import ROOT
from tests.conftest import Clock, feed, make_settings, started, stopped

ADMIN, USER, STRANGER = 9101, 9102, 9103
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # a Wednesday
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def bot(fake_telegram, dead_rasa_url, tmp_path):
    settings = make_settings(fake_telegram, dead_rasa_url, tmp_path, ADMIN_IDS=str(ADMIN))
    application = await started(settings)
    application.bot_data["services"].clock = Clock(NOW)
    yield application
    await stopped(application)


def _(lang: str):
    return Catalogs(ROOT / "locales").gettext(lang)


async def say(app, fake, text: str, user: int, lang: str) -> None:
    await feed(app, fake.text_update(text, user_id=user, language_code=lang))


async def test_a_health_worker_gets_the_weeks_figures_and_a_chart(bot, fake_telegram) -> None:
    services = bot.bot_data["services"]
    for intent in ("tb_testing",) * 6 + ("hiv_testing",) * 2:
        await services.events.count("question", lang="tg", now=NOW, key=intent, value="answer")
    await say(bot, fake_telegram, "/start", USER, "tg")
    await say(bot, fake_telegram, "/stats", ADMIN, "ru")
    (photo,) = fake_telegram.sent("sendPhoto")
    assert int(photo["chat_id"]) == ADMIN and photo["photo"].startswith(PNG)
    summary = fake_telegram.sent_texts(ADMIN)[-1]
    assert summary.startswith(f"<b>{_('ru')('Figures for the last 7 days')}</b>")
    title = services.content.current.answer("tb_testing").title["ru"]
    assert f"{title} (6)" in summary  # the most asked topic, with its count
    assert "(&lt;5)" in summary  # hiv_testing: 2 questions, shown as <5
    assert str(USER) not in summary


async def test_people_without_the_role_get_the_unknown_command_answer(bot, fake_telegram):
    await say(bot, fake_telegram, "/stats", STRANGER, "en")
    await say(bot, fake_telegram, "/menu", STRANGER, "en")
    unknown, _menu = fake_telegram.sent_texts(STRANGER)[-2:]
    assert fake_telegram.sent("sendPhoto") == []
    assert "Figures" not in unknown


async def test_using_the_bot_counts_people_per_week_without_their_id(bot, fake_telegram):
    services = bot.bot_data["services"]
    for text in ("/start", "/menu", "/help"):
        await say(bot, fake_telegram, text, USER, "uz")
    await say(bot, fake_telegram, "/start", STRANGER, "uz")
    assert await services.events.active_this_week(NOW) == {"uz": 2}
    db = services.events._db
    for table in ("events", "active_tokens"):
        async with db.execute(f"SELECT * FROM {table}") as cursor:
            rows = repr([tuple(r) async for r in cursor])
        assert str(USER) not in rows and str(STRANGER) not in rows


async def test_a_vote_is_counted_by_answer_language_and_day(bot, fake_telegram):
    services = bot.bot_data["services"]
    await say(bot, fake_telegram, "/menu", USER, "en")
    await say(bot, fake_telegram, "/help", USER, "en")
    ratings = [d for label, d in fake_telegram.buttons() if "👍" in label]
    assert ratings, fake_telegram.buttons()
    await feed(bot, fake_telegram.callback_update(ratings[0], user_id=USER, language_code="en"))
    counts = await services.events.between(NOW.date(), NOW.date(), ["vote"])
    assert [(c.lang, c.key, c.value, c.n) for c in counts] == [("en", "help", "helpful", 1)]


async def test_the_weekly_digest_goes_to_the_programme_chat_on_monday_morning(
    fake_telegram, dead_rasa_url, tmp_path
) -> None:
    chat = -100777
    settings = make_settings(
        fake_telegram, dead_rasa_url, tmp_path, STATS_CHAT_ID=str(chat), STATS_LANG="uk"
    )
    application = await started(settings)
    try:
        services = application.bot_data["services"]
        services.clock = Clock(NOW)
        job = application.bot_data["scheduler"].job("figures-digest")
        monday = job.next_run_time
        assert (monday.weekday(), monday.hour, str(monday.tzinfo)) == (0, 8, "Europe/Minsk")
        await services.events.count("question", lang="uk", now=NOW, key="tb_testing")
        await job.func()
        assert [int(p["chat_id"]) for p in fake_telegram.sent("sendPhoto")] == [chat]
        (text,) = fake_telegram.sent_texts(chat)
        assert text.startswith(f"<b>{_('uk')('Figures for the last 7 days')}</b>")
    finally:
        await stopped(application)


async def test_questions_are_counted_by_decision_without_the_text(bot, fake_telegram):
    services = bot.bot_data["services"]
    await say(bot, fake_telegram, "I can't breathe, help", USER, "en")  # the detector: no Rasa
    await say(bot, fake_telegram, "where can I test for HIV", USER, "en")  # Rasa is down here
    counts = await services.events.between(NOW.date(), NOW.date(), ["question"])
    assert sorted((c.lang, c.value, c.n) for c in counts) == [
        ("en", "emergency", 1), ("en", "unavailable", 1),
    ]  # fmt: skip
    assert "breathe" not in repr(counts) and "HIV" not in repr(counts)
