"""Reminders end to end: the real bot, the fake Telegram server and a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import Clock, feed, make_settings, started, stopped
from tests.helpers import screens

START = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # 15:00 in Minsk, a Wednesday
USER = 601


@pytest.fixture
async def bot(fake_telegram, dead_rasa_url, tmp_path):
    application = await started(make_settings(fake_telegram, dead_rasa_url, tmp_path))
    clock = Clock(START)
    application.bot_data["services"].clock = clock
    yield application, clock
    await stopped(application)


async def press(app, fake, label: str, *, user: int = USER, lang: str = "en") -> None:
    buttons = dict(fake.buttons())
    matches = [data for text, data in buttons.items() if label in text]
    assert matches, f"no button {label!r} in {list(buttons)}"
    await feed(app, fake.callback_update(matches[0], user_id=user, language_code=lang))


async def say(app, fake, text: str, *, user: int = USER, lang: str = "en") -> None:
    await feed(app, fake.text_update(text, user_id=user, language_code=lang))


async def tick(app, clock: Clock, to: datetime) -> int:
    clock.now = to
    return await app.bot_data["scheduler"].run_once()


async def set_appointment(app, fake, day: str = "Thu, Nov 26", at: str = "09:00") -> None:
    await say(app, fake, "/start")
    await say(app, fake, "/remind")
    await press(app, fake, "Appointment")
    await press(app, fake, day)
    await press(app, fake, at)


async def test_an_appointment_is_reminded_a_day_and_two_hours_before(bot, fake_telegram):
    app, clock = bot
    await set_appointment(app, fake_telegram)
    assert "Thursday, November 26, 2026, 9:00\u202fAM" in fake_telegram.sent_texts()[-1]
    await press(app, fake_telegram, "Save")
    sent = len(fake_telegram.sent_texts())
    assert await tick(app, clock, START + timedelta(hours=1)) == 0
    await tick(app, clock, datetime(2026, 11, 25, 6, 0, 30, tzinfo=UTC))  # no: already past
    await tick(app, clock, datetime(2026, 11, 26, 4, 0, 5, tzinfo=UTC))  # 07:00 Minsk
    texts = fake_telegram.sent_texts(USER)[sent:]
    assert texts == ["⏰ Reminder: Appointment on Thursday, November 26, 2026, 9:00\u202fAM."]
    await tick(app, clock, datetime(2026, 11, 26, 7, 0, tzinfo=UTC))
    assert len(fake_telegram.sent_texts(USER)) == sent + 1
    await say(app, fake_telegram, "/reminders")
    assert fake_telegram.sent_texts()[-1].startswith("You have no reminders")


async def test_reminders_are_listed_and_cancelled_only_by_their_owner(bot, fake_telegram):
    app, clock = bot
    await set_appointment(app, fake_telegram)
    await press(app, fake_telegram, "Save")
    await say(app, fake_telegram, "/reminders")
    assert (
        "Appointment: Thursday, November 26, 2026, 9:00\u202fAM" in fake_telegram.sent_texts()[-1]
    )
    cancel = dict(fake_telegram.buttons())["✖ 1"]
    await feed(app, fake_telegram.callback_update(cancel, user_id=999))
    assert fake_telegram.sent_texts()[-1] == screens("ru").stale().text
    await feed(app, fake_telegram.callback_update(cancel, user_id=USER, language_code="en"))
    assert fake_telegram.sent_texts()[-2] == "The reminder was cancelled."
    assert await tick(app, clock, datetime(2026, 11, 26, 4, 0, tzinfo=UTC)) == 0


async def test_past_times_are_refused_kindly(bot, fake_telegram):
    app, _ = bot
    await set_appointment(app, fake_telegram, day="Wed, Nov 25", at="09:00")
    assert fake_telegram.sent_texts()[-1].startswith("That time has already passed")


async def test_daily_tablets_taken_snoozed_and_missed(bot, fake_telegram):
    app, clock = bot
    await say(app, fake_telegram, "/start")
    await say(app, fake_telegram, "/remind")
    await press(app, fake_telegram, "Daily tablets")
    await press(app, fake_telegram, "09:00")
    await press(app, fake_telegram, "1 month")
    await press(app, fake_telegram, "Add a note")
    await say(app, fake_telegram, "rifampicin 2 pills")
    await press(app, fake_telegram, "Save")
    day = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 Minsk
    await tick(app, clock, day)
    first = fake_telegram.sent_texts(USER)[-1]
    assert first == "⏰ Time for your daily tablets (9:00\u202fAM)."
    assert "rifampicin" not in first  # discreet mode by default
    await press(app, fake_telegram, "Snooze")
    await tick(app, clock, day + timedelta(minutes=31))
    assert fake_telegram.sent_texts(USER)[-1] == first
    await press(app, fake_telegram, "Taken")
    for n in range(1, 5):  # four days without "Taken"
        await tick(app, clock, day + timedelta(days=n))
    texts = fake_telegram.sent_texts(USER)
    notices = [t for t in texts if t.startswith("It looks like the last doses")]
    assert len(notices) == 1
    await say(app, fake_telegram, "/adherence")
    calendar = fake_telegram.sent_texts()[-1]
    assert "Taken 1 of 4." in calendar and "✅❌❌❌▫️" in calendar.replace("\n", "")


async def test_a_restart_loses_nothing_and_sends_nothing_twice(fake_telegram, dead_rasa_url,
                                                               tmp_path):  # fmt: skip
    settings = make_settings(fake_telegram, dead_rasa_url, tmp_path)
    app = await started(settings)
    app.bot_data["services"].clock = Clock(START)
    await set_appointment(app, fake_telegram, day="Fri, Nov 27")
    await press(app, fake_telegram, "Save")
    await stopped(app)
    # Down when the day-before reminder came due (Nov 26 09:00 Minsk); back an hour later.
    app = await started(settings)
    clock = Clock(datetime(2026, 11, 26, 7, 0, tzinfo=UTC))
    app.bot_data["services"].clock = clock
    before = len(fake_telegram.sent_texts(USER))
    await tick(app, clock, clock.now)
    await tick(app, clock, clock.now + timedelta(seconds=1))
    assert len(fake_telegram.sent_texts(USER)) == before + 1
    # A delivery claimed when the process died is never resent.
    store = app.bot_data["services"].reminders
    await store.claim_due(datetime(2026, 11, 27, 4, 0, tzinfo=UTC))
    await stopped(app)
    app = await started(settings)
    clock = Clock(datetime(2026, 11, 27, 4, 0, 5, tzinfo=UTC))
    app.bot_data["services"].clock = clock
    assert await tick(app, clock, clock.now) == 0
    assert await app.bot_data["services"].reminders.counts() == {"sent": 1, "unknown": 1}
    await stopped(app)


async def test_a_user_who_blocked_the_bot_is_paused_until_they_return(bot, fake_telegram):
    app, clock = bot
    await set_appointment(app, fake_telegram, day="Fri, Nov 27")
    await press(app, fake_telegram, "Save")
    fake_telegram.blocked.add(USER)
    calls_before = len(fake_telegram.calls)
    await tick(app, clock, datetime(2026, 11, 26, 6, 0, tzinfo=UTC))
    await tick(app, clock, datetime(2026, 11, 27, 4, 0, tzinfo=UTC))
    attempts = [c for c in fake_telegram.calls[calls_before:] if c.method == "sendMessage"]
    assert len(attempts) == 1  # refused once (403), then paused: never retried
    fake_telegram.blocked.clear()
    await say(app, fake_telegram, "/start")
    await say(app, fake_telegram, "/reminders")
    assert "Appointment: Friday, November 27" in fake_telegram.sent_texts()[-1]


async def test_forget_deletes_reminders_too(bot, fake_telegram):
    app, clock = bot
    await set_appointment(app, fake_telegram)
    await press(app, fake_telegram, "Save")
    await say(app, fake_telegram, "/forget")
    await press(app, fake_telegram, "Yes")
    assert await tick(app, clock, datetime(2026, 11, 26, 4, 0, tzinfo=UTC)) == 0
    assert await app.bot_data["services"].reminders.counts() == {}


async def test_the_guided_flow_works_in_other_languages(bot, fake_telegram):
    app, _ = bot
    await say(app, fake_telegram, "/start", lang="ky")
    await say(app, fake_telegram, "/remind", lang="ky")
    labels = [label for label, _ in fake_telegram.buttons()]
    assert len(labels) == 3 and not any("Appointment" in label for label in labels)


async def test_a_visit_to_a_site_found_nearby_is_reminded_with_its_address(bot, fake_telegram):
    app, clock = bot
    await say(app, fake_telegram, "/start")
    brest = {"location": {"latitude": 52.0833, "longitude": 23.6553}}
    await feed(app, fake_telegram.message_update(brest, user_id=USER, language_code="en"))
    await press(app, fake_telegram, "⏰ 1.")
    await press(app, fake_telegram, "Fri, Nov 27")
    await press(app, fake_telegram, "11:00")
    await press(app, fake_telegram, "Save")
    await tick(app, clock, datetime(2026, 11, 26, 8, 0, 5, tzinfo=UTC))
    reminder = fake_telegram.sent_texts(USER)[-1]
    assert reminder.startswith("⏰ Reminder: Appointment on Friday, November 27, 2026")
    assert "📍" in reminder and "please call to confirm" in reminder


async def test_reminders_by_free_text_in_several_languages(fake_telegram, rasa_url, tmp_path):
    app = await started(make_settings(fake_telegram, rasa_url, tmp_path))
    app.bot_data["services"].clock = Clock(START)
    try:
        for text, lang, expected in (
            ("напомни завтра в 10 про рентген", "ru", "четверг, 26 ноября 2026\u202fг., 10:00"),
            ("remind me on friday at 9 about my x-ray", "en", "Friday, November 27, 2026"),
            ("ertaga soat 9 da shifokorga borishimni eslat", "uz", "26-noyabr, 2026, 09:00"),
        ):
            await say(app, fake_telegram, "/start", lang=lang, user=USER + len(lang + text))
            await say(app, fake_telegram, text, lang=lang, user=USER + len(lang + text))
            assert expected in fake_telegram.sent_texts()[-1], (
                text,
                fake_telegram.sent_texts()[-1],
            )
    finally:
        await stopped(app)
