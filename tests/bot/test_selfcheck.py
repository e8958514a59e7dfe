"""Self-checks over the wire: each path of each check, hand-offs, follow-up, privacy."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest

from bot.i18n import Catalogs
from bot.settings import ROOT
from content.loader import load_content
from nlu.trainingdata import known_intents
from tests.conftest import Clock, feed, make_settings, started, stopped

CHECKS = load_content(ROOT / "content", known_intents(ROOT / "nlu" / "data"))[0].selfchecks
CATALOGS = Catalogs(ROOT / "locales")
USER = 7301
NOW = datetime(2026, 12, 3, 7, 30, tzinfo=UTC)  # 10:30 in Minsk


def _(lang: str):
    return CATALOGS.gettext(lang)


@pytest.fixture
async def bot(fake_telegram, dead_rasa_url, tmp_path):
    application = await started(make_settings(fake_telegram, dead_rasa_url, tmp_path))
    application.bot_data["services"].clock = Clock(NOW)
    yield application
    await stopped(application)


class Person:
    def __init__(self, app, fake, lang: str, user: int = USER) -> None:
        self.app, self.fake, self.lang, self.user = app, fake, lang, user

    async def say(self, text: str) -> None:
        await feed(
            self.app, self.fake.text_update(text, user_id=self.user, language_code=self.lang)
        )

    async def press(self, label: str, index: int = -1) -> None:
        found = [data for text, data in self.fake.buttons(index) if label in text]
        assert found, f"no button {label!r} in {self.fake.buttons(index)}"
        await self.send(found[0])

    async def send(self, data: str) -> None:
        update = self.fake.callback_update(data, user_id=self.user, language_code=self.lang)
        await feed(self.app, update)

    def texts(self) -> list[str]:
        """What this person was sent, without the right-to-left mark of RTL languages."""
        return [t.removeprefix("\u200f") for t in self.fake.sent_texts(self.user)]

    async def tb(self, answers: str) -> None:
        """/check, TB, then Yes (y) / No (n) / Not sure (u) for each question."""
        labels = {"y": _(self.lang)("Yes"), "n": _(self.lang)("No"), "u": _(self.lang)("Not sure")}
        await self.say("/check")
        await self.press(CHECKS["tb"].title[self.lang])
        for answer in answers:
            await self.press(labels[answer])


@pytest.mark.parametrize("lang", ["tg", "ar", "en"])
async def test_tb_cough_for_weeks_leads_to_get_checked_this_week(bot, fake_telegram, lang):
    person = Person(bot, fake_telegram, lang)
    await person.tb("ynnnnnn")
    result, offer = person.texts()[-2:]
    tb = CHECKS["tb"]
    assert tb.levels["soon"][lang].split("</b>")[0].split("<b>")[1] in result
    assert tb.rules[0].reason[lang] in result
    assert _(lang)("This is not a diagnosis.") in result
    labels = [label for label, _data in fake_telegram.buttons(-2)]
    assert any(_(lang)("Remind me to go") in label for label in labels)
    assert any(_(lang)("Find the nearest") in label for label in labels)
    assert offer == _(lang)("Shall I ask you in 7 days whether you could get checked?")


@pytest.mark.parametrize("lang", ["ru", "tg", "ar"])
@pytest.mark.parametrize(
    ("answers", "level"),
    [("nnnnnnn", "none"), ("nnynnnn", "check"), ("nnynnyn", "soon"), ("unnnnnn", "check")],
)
async def test_each_tb_path_gives_its_level(bot, fake_telegram, answers, level, lang):
    person = Person(bot, fake_telegram, lang)
    await person.tb(answers)
    texts = person.texts()
    result = texts[-1] if level == "none" else texts[-2]
    assert CHECKS["tb"].levels[level][lang].split("</b>")[0] in result


async def test_back_goes_to_the_previous_question_and_a_forged_answer_is_refused(
    bot, fake_telegram
):
    person = Person(bot, fake_telegram, "uz")
    await person.tb("y")
    second = person.texts()[-1]
    await person.press(_("uz")("Back"))
    assert html.escape(CHECKS["tb"].questions[0].text["uz"]) in person.texts()[-1]
    await person.press(_("uz")("Yes"))
    assert person.texts()[-1] == second
    await person.send("sc:tb:yyyyyyyyyyyy")  # unsigned: refused before it reaches the check
    assert person.texts()[-1] == _("uz")("This button is no longer valid. Here is the menu.")


@pytest.mark.parametrize("lang", ["fa", "uz", "en"])
async def test_covid_danger_signs_jump_to_the_emergency_answer(bot, fake_telegram, lang):
    person = Person(bot, fake_telegram, lang)
    await person.say("/check")
    await person.press(CHECKS["covid"].title[lang])
    await person.press(_(lang)("Yes"))
    last = person.texts()[-1]
    assert "103" in last and "112" in last
    assert CHECKS["covid"].levels["soon"][lang] not in last


@pytest.mark.parametrize("lang", ["ky", "zh", "ar"])
@pytest.mark.parametrize(
    ("answers", "level"), [("nyy", "soon"), ("nyn", "check"), ("nnn", "none")]
)
async def test_each_covid_path_gives_its_level(bot, fake_telegram, answers, level, lang):
    person = Person(bot, fake_telegram, lang)
    await person.say("/check")
    await person.press(CHECKS["covid"].title[lang])
    for answer in answers:
        await person.press(_(lang)({"y": "Yes", "n": "No"}[answer]))
    texts = person.texts()
    result = texts[-1] if level == "none" else texts[-2]
    assert CHECKS["covid"].levels[level][lang].split("</b>")[0] in result


@pytest.mark.parametrize(
    ("lang", "hours"), [("en", "53 hours"), ("tg", "53 соат"), ("ar", "53 ساعة")]
)
async def test_hiv_exposure_yesterday_evening_shows_the_hours_left_for_pep(
    bot, fake_telegram, lang, hours
):
    person = Person(bot, fake_telegram, lang)
    services = bot.bot_data["services"]
    await person.say("/check")
    await person.press(CHECKS["hiv"].title[lang])
    await person.press(_(lang)("In the last 3 days"))
    await person.press(_(lang)("Yesterday"))
    services.clock.now = NOW + timedelta(hours=2)  # 12:30 in Minsk, Thursday
    await person.press(_(lang)("Evening (18-24)"))
    # From yesterday 18:00 to today 12:30 is 18.5 hours: 53 whole hours of 72 are left.
    assert f"<b>{hours}</b>" in person.texts()[-2]


@pytest.mark.parametrize("lang", ["ru", "fa", "tk"])
async def test_hiv_not_sure_when_says_go_today_if_it_may_be_within_72_hours(
    bot, fake_telegram, lang
):
    person = Person(bot, fake_telegram, lang)
    await person.say("/check")
    await person.press(CHECKS["hiv"].title[lang])
    await person.press(_(lang)("Not sure"))
    assert CHECKS["hiv"].results["pep_unsure"][lang].split("</b>")[0] in person.texts()[-2]


@pytest.mark.parametrize("lang", ["ar", "ru", "uk"])
@pytest.mark.parametrize(
    ("weeks", "result"),
    [("Less than 6 weeks", "early"), ("6 weeks to 3 months", "lab"),
     ("More than 3 months", "any_test")],
)  # fmt: skip
async def test_hiv_exposure_longer_ago_gives_window_advice_and_prep(
    bot, fake_telegram, lang, weeks, result
):
    person = Person(bot, fake_telegram, lang)
    await person.say("/check")
    await person.press(CHECKS["hiv"].title[lang])
    await person.press(_(lang)("More than 3 days ago"))
    await person.press(_(lang)(weeks))
    await person.press(_(lang)("Yes"))
    shown = person.texts()[-2]
    assert CHECKS["hiv"].results[result][lang].split("</b>")[0] in shown
    assert CHECKS["hiv"].results["prep"][lang].split("</b>")[0] in shown


async def test_follow_up_after_seven_days_records_why_they_could_not_go(bot, fake_telegram):
    person = Person(bot, fake_telegram, "tg")
    services = bot.bot_data["services"]
    await person.tb("ynnnnnn")
    await person.press(_("tg")("Yes, ask me in 7 days"))
    runner = bot.bot_data["scheduler"]
    followups = runner.job("selfcheck-followups").func
    before = len(person.texts())
    await followups()
    assert len(person.texts()) == before  # not due yet
    services.clock.now = NOW + timedelta(days=7, minutes=1)
    await followups()
    question = _("tg")("A week ago you did the {check}. Did you manage to get checked?")
    assert person.texts()[-1] == question.format(check=CHECKS["tb"].title["tg"])
    await person.press(_("tg")("I could not go"))
    await person.press(_("tg")("Cost"))
    assert person.texts()[-1].startswith(_("tg")("Thank you for telling me."))
    counts = await services.events.between(NOW.date(), NOW.date() + timedelta(days=8),
                                           ["selfcheck", "selfcheck_outcome"])  # fmt: skip
    assert {(c.kind, c.key, c.value) for c in counts} == {
        ("selfcheck", "tb", "soon"), ("selfcheck_outcome", "tb", "cost"),
    }  # fmt: skip
    await followups()
    assert person.texts()[-1].startswith(_("tg")("Thank you for telling me."))  # asked once


async def test_only_the_level_is_kept_and_forget_removes_it(bot, fake_telegram):
    person = Person(bot, fake_telegram, "en")
    db = bot.bot_data["services"].selfchecks._db
    await person.tb("yunnyyn")
    async with db.execute("SELECT * FROM selfchecks") as cursor:
        rows = [tuple(r) async for r in cursor]
    assert len(rows) == 1 and "soon" in rows[0] and "yunnyyn" not in repr(rows)
    await person.say("/forget")
    await person.press("Yes, delete")
    async with db.execute("SELECT count(*) FROM selfchecks") as cursor:
        assert (await cursor.fetchone())[0] == 0


async def test_the_tb_symptoms_answer_offers_the_check_and_the_result_hands_off(
    bot, fake_telegram
):
    person = Person(bot, fake_telegram, "ru")
    await person.say("/menu")
    await person.press(_("ru")("Check yourself"))
    assert CHECKS["tb"].title["ru"] in " ".join(label for label, _d in fake_telegram.buttons())
    await person.tb("ynnnnnn")
    await person.press(_("ru")("Remind me to go"), index=-2)
    assert fake_telegram.buttons()  # the reminder flow's day picker
    await person.tb("ynnnnnn")
    await person.press(_("ru")("Find the nearest"), index=-2)
    assert any(data.startswith("city:") for _label, data in fake_telegram.buttons())
