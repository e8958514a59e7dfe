"""Campaigns end to end: roles, opt-in, broadcast, delivery, pause, restart, flood limits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import Clock, feed, make_settings, started, stopped
from tests.helpers import screens

ADMIN, WORKER, STRANGER = 9001, 9002, 9003
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
async def bot(fake_telegram, dead_rasa_url, tmp_path):
    settings = make_settings(fake_telegram, dead_rasa_url, tmp_path, ADMIN_IDS=str(ADMIN))
    application = await started(settings)
    application.bot_data["services"].clock = Clock(NOW)
    yield application
    await stopped(application)


async def say(app, fake, text: str, user: int, lang: str = "en", **extra) -> None:
    await feed(app, fake.text_update(text, user_id=user, language_code=lang, **extra))


async def press(app, fake, label: str, user: int, lang: str = "en") -> None:
    matches = [data for text, data in fake.buttons() if label in text]
    assert matches, f"no button {label!r} in {fake.buttons()}"
    await feed(app, fake.callback_update(matches[0], user_id=user, language_code=lang))


async def subscriber(app, fake, user: int, lang: str, *, yes: bool = True) -> None:
    await say(app, fake, "/start", user, lang)
    offer = fake.buttons()
    data = offer[0][1] if yes else offer[1][1]
    await feed(app, fake.callback_update(data, user_id=user, language_code=lang))


async def run_campaigns(app) -> int:
    return await app.bot_data["scheduler"].run_campaigns()


async def english_campaign(store, run_at: str, text: str, topic: str):
    """A campaign to English-speaking subscribers of one topic, created by the admin."""
    return await store.create(
        source="test", run_at=run_at, texts={"en": text}, buttons=(),
        languages=("en",), topics=(topic,), created_by=ADMIN,
    )  # fmt: skip


def texts_to(fake, chat: int) -> list[str]:
    return fake.sent_texts(chat)


async def test_only_admins_and_health_workers_can_broadcast(bot, fake_telegram):
    services = bot.bot_data["services"]
    await say(bot, fake_telegram, "/broadcast", STRANGER)
    assert texts_to(fake_telegram, STRANGER) == [screens("en").not_text().text]
    await say(bot, fake_telegram, f"/grant {WORKER}", STRANGER)
    assert await services.campaigns.workers() == []
    await say(bot, fake_telegram, f"/grant {WORKER}", ADMIN)
    await say(bot, fake_telegram, "/broadcast", WORKER)
    assert texts_to(fake_telegram, WORKER)[-1].startswith("Type the message")
    await say(bot, fake_telegram, "/grant", ADMIN)
    origin = {"type": "user", "date": 0, "sender_user": {"id": 4242, "is_bot": False,
                                                         "first_name": "N"}}  # fmt: skip
    forwarded = {"text": "hello", "forward_origin": origin}
    await feed(bot, fake_telegram.message_update(forwarded, user_id=ADMIN, language_code="en"))
    assert await services.campaigns.workers() == [4242, WORKER]
    await say(bot, fake_telegram, f"/revoke {WORKER}", ADMIN)
    await say(bot, fake_telegram, "/broadcast", WORKER)
    assert texts_to(fake_telegram, WORKER)[-1] == screens("en").not_text().text
    refused = [row for row in await services.campaigns.audit_trail() if row[1] == "refused"]
    assert refused == [(STRANGER, "refused", "broadcast"), (STRANGER, "refused", "grant"),
                       (WORKER, "refused", "broadcast")]  # fmt: skip


async def test_opt_in_and_out(bot, fake_telegram):
    services = bot.bot_data["services"]
    await subscriber(bot, fake_telegram, 501, "ru")
    assert (await services.users.news(501))[0] is True
    await say(bot, fake_telegram, "/stop", 501, "ru")
    assert (await services.users.news(501))[0] is False
    await say(bot, fake_telegram, "/subscribe", 501, "ru")
    await press(bot, fake_telegram, "COVID-19", 501, "ru")
    await press(bot, fake_telegram, screens("ru")._("Save"), 501, "ru")
    assert await services.users.news(501) == (True, True, ("tb", "hiv"))


async def test_a_health_worker_previews_and_sends_to_the_chosen_audience(bot, fake_telegram):
    services = bot.bot_data["services"]
    for user, lang in ((601, "ru"), (602, "uz"), (603, "ar")):
        await subscriber(bot, fake_telegram, user, lang)
    await subscriber(bot, fake_telegram, 604, "ru", yes=False)
    await say(bot, fake_telegram, "/broadcast", ADMIN)
    await say(bot, fake_telegram, "Vaccination day on Saturday at polyclinic 5", ADMIN)
    await press(bot, fake_telegram, "العربية", ADMIN)
    await press(bot, fake_telegram, "Preview", ADMIN)
    preview, confirm = texts_to(fake_telegram, ADMIN)[-2:]
    assert preview == "Vaccination day on Saturday at polyclinic 5"
    assert "It will go to 2 people." in confirm
    await press(bot, fake_telegram, "Send", ADMIN)
    await run_campaigns(bot)
    for user in (601, 602):
        assert texts_to(fake_telegram, user)[-1] == preview
    assert preview not in texts_to(fake_telegram, 603) + texts_to(fake_telegram, 604)
    [campaign] = await services.campaigns.recent()
    figures = await services.campaigns.figures(campaign.id)
    assert (campaign.state, figures["sent"], figures["queued"]) == ("done", 2, 0)
    trail = await services.campaigns.audit_trail(campaign.id)
    assert [(actor, action) for actor, action, _ in trail] == [(ADMIN, "created"),
                                                                (ADMIN, "approved")]  # fmt: skip


async def test_prepared_campaign_in_each_language_with_fallback(bot, fake_telegram):
    for user, lang in ((701, "en"), (702, "uz"), (703, "ru")):
        await subscriber(bot, fake_telegram, user, lang)
    await say(bot, fake_telegram, "/broadcast", ADMIN)
    await press(bot, fake_telegram, "World TB Day", ADMIN)
    await press(bot, fake_telegram, "Preview", ADMIN)
    await press(bot, fake_telegram, "Send", ADMIN)
    await run_campaigns(bot)
    campaign = bot.bot_data["services"].content.current.campaigns[0]
    assert texts_to(fake_telegram, 701)[-1] == campaign.text["en"]
    assert texts_to(fake_telegram, 702)[-1] == campaign.text["ru"]  # no Uzbek text: Russian
    assert texts_to(fake_telegram, 703)[-1] == campaign.text["ru"]
    buttons = fake_telegram.sent()[-1]["reply_markup"]["inline_keyboard"]
    assert buttons[0][0]["url"].startswith("https://www.who.int/")


async def test_a_scheduled_campaign_runs_once_by_itself(bot, fake_telegram):
    await subscriber(bot, fake_telegram, 801, "en")
    clock = bot.bot_data["services"].clock
    clock.now = datetime(2027, 3, 24, 7, 0, 30, tzinfo=UTC)  # 10:00:30 in Minsk
    await run_campaigns(bot)
    await run_campaigns(bot)
    campaign = bot.bot_data["services"].content.current.campaigns[0]
    assert texts_to(fake_telegram, 801).count(campaign.text["en"]) == 1


async def test_pause_resume_and_cancel(bot, fake_telegram):
    services = bot.bot_data["services"]
    for user in range(901, 904):
        await subscriber(bot, fake_telegram, user, "en")
    campaign = await english_campaign(services.campaigns, "r1", "News one", "tb")
    await say(bot, fake_telegram, "/campaigns", ADMIN)
    await press(bot, fake_telegram, f"Pause #{campaign.id}", ADMIN)
    assert await run_campaigns(bot) == 0
    await press(bot, fake_telegram, f"Resume #{campaign.id}", ADMIN)
    assert await run_campaigns(bot) == 3
    await say(bot, fake_telegram, "/campaigns", ADMIN)
    assert "queued 0, sent 3, failed 0, blocked 0, unknown 0" in texts_to(fake_telegram, ADMIN)[-1]
    second = await english_campaign(services.campaigns, "r2", "News two", "tb")
    await say(bot, fake_telegram, "/campaigns", ADMIN)
    await press(bot, fake_telegram, f"Cancel #{second.id}", ADMIN)
    assert await run_campaigns(bot) == 0
    actions = [a for _, a, _ in await services.campaigns.audit_trail(campaign.id)]
    assert actions == ["created", "paused", "resumed"]


async def test_flood_limits_and_blocked_users(bot, fake_telegram):
    services = bot.bot_data["services"]
    for user in range(1000, 1012):
        await subscriber(bot, fake_telegram, user, "en")
    fake_telegram.rate_limit = 4  # a much stricter server than Telegram
    fake_telegram.blocked.add(1003)
    await english_campaign(services.campaigns, "flood", "Testing week", "hiv")
    await run_campaigns(bot)
    delivered = [u for u in range(1000, 1012) if "Testing week" in texts_to(fake_telegram, u)]
    assert delivered == [u for u in range(1000, 1012) if u != 1003]
    assert fake_telegram.violations == 0
    fake_telegram.rate_limit = None
    await english_campaign(services.campaigns, "next", "Second", "hiv")
    [latest, _] = await services.campaigns.recent(2)
    assert latest.audience == 11  # the user who blocked the bot is skipped next time


async def test_a_restart_mid_campaign_resends_nothing_and_counts_the_unknown(
    fake_telegram, dead_rasa_url, tmp_path
):
    settings = make_settings(fake_telegram, dead_rasa_url, tmp_path, ADMIN_IDS=str(ADMIN))
    app = await started(settings)
    for user in range(1100, 1110):
        await subscriber(app, fake_telegram, user, "en")
    store = app.bot_data["services"].campaigns
    campaign = await english_campaign(store, "crash", "Screening week", "tb")
    in_flight = await store.claim(3)  # claimed, then the process dies before Telegram answers
    await stopped(app)
    app = await started(settings)
    await run_campaigns(app)
    store = app.bot_data["services"].campaigns
    figures = await store.figures(campaign.id)
    assert (figures["sent"], figures["unknown"]) == (7, 3)
    lost = {o.telegram_id for o in in_flight}
    for user in range(1100, 1110):
        expected = 0 if user in lost else 1
        assert texts_to(fake_telegram, user).count("Screening week") == expected
    await stopped(app)
