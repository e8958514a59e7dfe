"""Commands, menus and buttons, over the wire to the fake Telegram server (no NLU needed)."""

from __future__ import annotations

from bot.commands import command_menu
from bot.i18n import NATIVE_NAMES
from nlu import LANGUAGES
from tests.conftest import feed
from tests.helpers import CATALOGS, CONTENT, answer_text, news_offer, screens


async def test_start_greets_in_the_clients_language(app_without_nlu, fake_telegram):
    await feed(app_without_nlu, fake_telegram.text_update("/start", language_code="ar"))
    assert fake_telegram.sent_texts() == [screens("ar").welcome().text, news_offer("ar")]
    assert fake_telegram.sent_texts()[0] != screens("en").welcome().text


async def test_start_with_an_unsupported_language_shows_the_picker(app_without_nlu, fake_telegram):
    await feed(app_without_nlu, fake_telegram.text_update("/start", language_code="de"))
    labels = [label for label, _ in fake_telegram.buttons()]
    assert labels == [NATIVE_NAMES[code] for code in LANGUAGES]


async def test_choosing_a_language_is_remembered(app_without_nlu, fake_telegram):
    await feed(app_without_nlu, fake_telegram.text_update("/start", language_code="de"))
    tajik = dict(fake_telegram.buttons())[NATIVE_NAMES["tg"]]
    await feed(app_without_nlu, fake_telegram.callback_update(tajik, language_code="de"))
    [chat_menu] = [c for c in fake_telegram.sent("setMyCommands") if "scope" in c]
    assert chat_menu["scope"] == {"type": "chat", "chat_id": 501}
    assert chat_menu["commands"] == [c.to_dict() for c in command_menu(CATALOGS, "tg")]
    await feed(app_without_nlu, fake_telegram.text_update("/menu", language_code="de"))
    assert fake_telegram.sent_texts()[-1] == screens("tg").menu().text
    check_yourself = "🩺 " + CATALOGS.gettext("tg")("Check yourself")
    topics = [g.title["tg"] for g in CONTENT.menu]
    assert [b for b, _ in fake_telegram.buttons()] == [*topics, check_yourself]


async def test_menu_leads_to_every_answer_without_typing(app_without_nlu, fake_telegram):
    await feed(app_without_nlu, fake_telegram.text_update("/menu", language_code="uz"))
    tb_group = fake_telegram.buttons()[0][1]
    await feed(app_without_nlu, fake_telegram.callback_update(tb_group, language_code="uz"))
    symptoms = dict(fake_telegram.buttons())[CONTENT.answer("tb_symptoms").title["uz"]]
    await feed(app_without_nlu, fake_telegram.callback_update(symptoms, language_code="uz"))
    assert fake_telegram.sent_texts()[-1] == answer_text("tb_symptoms", "uz")
    labels = [label for label, _ in fake_telegram.buttons()]
    assert screens("uz").menu_button().label in labels


async def test_forget_deletes_only_after_confirmation(app_without_nlu, fake_telegram):
    services = app_without_nlu.bot_data["services"]
    await feed(app_without_nlu, fake_telegram.text_update("/start", language_code="ky"))
    await feed(app_without_nlu, fake_telegram.text_update("/forget", language_code="ky"))
    assert await services.users.get(501) is not None
    no, yes = fake_telegram.buttons()[1][1], fake_telegram.buttons()[0][1]
    await feed(app_without_nlu, fake_telegram.callback_update(no, language_code="ky"))
    assert await services.users.get(501) is not None
    await feed(app_without_nlu, fake_telegram.callback_update(yes, language_code="ky"))
    assert await services.users.get(501) is None
    assert fake_telegram.sent_texts()[-1] == screens("ky").forgotten().text


async def test_a_forged_button_is_refused_kindly(app_without_nlu, fake_telegram):
    services = app_without_nlu.bot_data["services"]
    await feed(app_without_nlu, fake_telegram.text_update("/start", language_code="en"))
    await feed(app_without_nlu, fake_telegram.text_update("/forget", language_code="en"))
    yes = fake_telegram.buttons()[0][1]
    await feed(app_without_nlu, fake_telegram.callback_update(yes, user_id=999))
    await feed(app_without_nlu, fake_telegram.callback_update("forget_yes::AAAAAAAA"))
    assert await services.users.get(501) is not None
    assert fake_telegram.sent_texts()[-2:] == [
        screens("ru").stale().text,
        screens("en").stale().text,
    ]


async def test_odd_messages_get_a_hint_not_a_crash(app_without_nlu, fake_telegram):
    odd = [
        {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "s",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        },
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}]},
        {"document": {"file_id": "d", "file_unique_id": "d"}},
    ]
    for content in odd:
        await feed(app_without_nlu, fake_telegram.message_update(content, language_code="fa"))
    edited = fake_telegram.message_update(
        {"text": "سلام"}, kind="edited_message", language_code="fa"
    )
    await feed(app_without_nlu, edited)
    assert fake_telegram.sent_texts() == [screens("fa").not_text().text] * 5


async def test_the_same_update_twice_is_answered_once(app_without_nlu, fake_telegram):
    update = fake_telegram.text_update("/menu")
    await feed(app_without_nlu, update)
    await feed(app_without_nlu, update)
    assert len(fake_telegram.sent_texts()) == 1


async def test_group_messages_not_addressed_to_the_bot_are_ignored(app_without_nlu, fake_telegram):
    update = fake_telegram.text_update("кто идёт на футбол?", chat_type="group", chat_id=-100)
    await feed(app_without_nlu, update)
    sticker = {
        "sticker": {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
    }
    await feed(
        app_without_nlu, fake_telegram.message_update(sticker, chat_type="group", chat_id=-100)
    )
    assert fake_telegram.sent_texts() == []


async def test_commands_are_published_in_every_language(app_without_nlu, fake_telegram):
    calls = fake_telegram.sent("setMyCommands")
    by_language = {c.get("language_code"): c["commands"] for c in calls}
    assert set(by_language) == {None, *LANGUAGES}
    names = {c["command"] for c in by_language["tk"]}
    assert {"start", "menu", "language", "forget"} <= names
    assert by_language["zh"] != by_language["en"]


async def test_find_the_nearest_by_city_or_location(app_without_nlu, fake_telegram):
    await feed(app_without_nlu, fake_telegram.text_update("/menu", language_code="en"))
    covid = dict(fake_telegram.buttons())[CONTENT.group("covid").title["en"]]
    await feed(app_without_nlu, fake_telegram.callback_update(covid, language_code="en"))
    sites = dict(fake_telegram.buttons())[CONTENT.answer("covid_vaccine_sites").title["en"]]
    await feed(app_without_nlu, fake_telegram.callback_update(sites, language_code="en"))
    near = dict(fake_telegram.buttons())["📍 " + screens("en")._("Find the nearest")]
    await feed(app_without_nlu, fake_telegram.callback_update(near, language_code="en"))
    ask = fake_telegram.sent()[-2]["reply_markup"]["keyboard"][0][0]
    assert ask["request_location"] is True
    grodno = dict(fake_telegram.buttons())[CONTENT.cities["grodno"].name["en"]]
    await feed(app_without_nlu, fake_telegram.callback_update(grodno, language_code="en"))
    venues = fake_telegram.sent("sendVenue")
    assert len(venues) == 3
    names = {s.name["en"]: s for s in CONTENT.sites}
    assert names[venues[0]["title"]].city == "grodno"
    assert all("covid_vaccination" in names[v["title"]].services for v in venues)
    location = {"location": {"latitude": 52.0833, "longitude": 23.6553}}  # Brest fortress
    await feed(app_without_nlu, fake_telegram.message_update(location, language_code="en"))
    assert all(names[v["title"]].city == "brest" for v in fake_telegram.sent("sendVenue")[3:])
    assert "please call to confirm" in fake_telegram.sent_texts()[-1]


async def test_was_this_helpful_is_counted_per_answer_and_language(app_without_nlu, fake_telegram):
    services = app_without_nlu.bot_data["services"]
    await feed(app_without_nlu, fake_telegram.text_update("/privacy", language_code="uz"))
    helpful = dict(fake_telegram.buttons())["👍 " + screens("uz")._("Helpful")]
    await feed(app_without_nlu, fake_telegram.callback_update(helpful, language_code="uz"))
    assert await services.ratings.all() == {("privacy", "uz"): (1, 0)}
    assert fake_telegram.sent_texts()[-1] == screens("uz").thanks_for_rating().text
