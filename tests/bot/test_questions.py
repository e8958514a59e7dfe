"""Free-text questions answered through the real Rasa server."""

from __future__ import annotations

import pytest

from tests.conftest import feed
from tests.helpers import CONTENT, answer_text, emergency_text, screens

pytestmark = pytest.mark.rasa


async def ask(app, fake, text: str, lang: str, **kwargs) -> str:
    await feed(app, fake.text_update(text, language_code=lang, **kwargs))
    return fake.sent_texts()[-1]


@pytest.mark.parametrize(
    ("text", "lang", "intent"),
    [
        ("как передается вич", "ru", "hiv_transmission"),
        ("where can i get tested for hiv", "en", "hiv_testing"),
        ("sil kasalligi qanday davolanadi", "uz", "tb_treatment"),
        ("где можно сделать прививку от ковида", "ru", "covid_vaccine_sites"),
        ("أعراض كورونا", "ar", "covid_symptoms"),
    ],
)
async def test_a_question_gets_the_answer_in_the_users_language(
    app, fake_telegram, text, lang, intent
):
    assert await ask(app, fake_telegram, text, lang) == answer_text(intent, lang)
    labels = [label for label, _ in fake_telegram.buttons()]
    related = [CONTENT.answer(i).title[lang] for i in CONTENT.answer(intent).related]
    assert [label for label in labels if label in related] == related


async def test_the_answer_follows_the_chosen_language_not_the_message(app, fake_telegram):
    await ask(app, fake_telegram, "/start", "tk")
    reply = await ask(app, fake_telegram, "как лечат туберкулез", "tk")
    assert reply == answer_text("tb_treatment", "tk")
    switch = [label for label, _ in fake_telegram.buttons() if "Русский" in label]
    assert switch, "offers to switch to Russian with one button"


async def test_a_message_in_none_of_the_12_languages_keeps_the_chosen_one(app, fake_telegram):
    await ask(app, fake_telegram, "/start", "en")
    reply = await ask(app, fake_telegram, "Où puis-je faire un test de dépistage du VIH ?", "en")
    english = screens("en")
    assert reply in {answer_text("hiv_testing", "en"), english.cant_answer().text,
                     english.clarify([]).text}  # fmt: skip
    assert not [label for label, _ in fake_telegram.buttons() if label.startswith("🌐")]


async def test_emergency_gets_the_emergency_numbers_first(app, fake_telegram):
    reply = await ask(app, fake_telegram, "помогите не могу дышать", "ru")
    assert reply == emergency_text("breathing", "ru")
    assert "103" in reply and "112" in reply


async def test_out_of_scope_is_an_honest_no_with_menu_and_hotline(app, fake_telegram):
    reply = await ask(app, fake_telegram, "какая завтра погода в минске", "ru")
    assert reply == screens("ru").cant_answer().text
    assert "113" in reply
    labels = [label for label, _ in fake_telegram.buttons()]
    assert screens("ru").menu_button().label in labels


async def test_two_unanswered_in_a_row_offer_a_person(app, fake_telegram):
    await ask(app, fake_telegram, "who won the football yesterday", "en")
    reply = await ask(app, fake_telegram, "how much is a taxi to the airport", "en")
    assert reply == screens("en").cant_answer(offer_person=True).text
    labels = [label for label, _ in fake_telegram.buttons()]
    assert CONTENT.answer("talk_to_human").title["en"] in labels


async def test_unanswered_questions_are_kept_without_ids_or_numbers(app, fake_telegram):
    await ask(
        app,
        fake_telegram,
        "who won the football match, write to fan@mail.by or +375 29 123 45 67",
        "en",
    )
    kept = await app.bot_data["services"].unanswered.all()
    assert kept == [("who won the football match, write to [email] or [number]", "en")]


async def test_long_rtl_and_emoji_messages_are_answered(app, fake_telegram):
    for text in ("😷" * 10, "ا" * 4096, "Ẓ̶̡a̷l̴g̵o̶ 🤒 кашель", "<b>hi</b> & <script>"):
        await feed(app, fake_telegram.text_update(text, language_code="ar"))
    assert len(fake_telegram.sent_texts()) == 4
    assert all("<script>" not in t for t in fake_telegram.sent_texts())


async def test_when_rasa_is_down_the_menu_still_works(app_without_nlu, fake_telegram):
    reply = await ask(app_without_nlu, fake_telegram, "как передается вич", "ru")
    assert reply == screens("ru").nlu_down().text
    group = fake_telegram.buttons()[1][1]
    await feed(app_without_nlu, fake_telegram.callback_update(group))
    assert fake_telegram.sent_texts()[-1] == screens("ru").menu_group("hiv").text
