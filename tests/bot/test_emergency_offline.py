"""Emergencies are answered over the wire even when the Rasa server is down."""

from __future__ import annotations

import pytest

from tests.conftest import feed
from tests.helpers import emergency_text, screens


@pytest.mark.parametrize(
    ("text", "lang", "situation"),
    [
        ("помогите не могу дышать", "ru", "breathing"),
        ("my 3 year old swallowed bleach", "en", "poisoning"),
        ("nafas ololmayapman", "uz", "breathing"),
        ("مش قادر اتنفس", "ar", "breathing"),
        ("我不想活了", "zh", "suicide"),
        ("меня изнасиловали вчера", "ru", "sexual_assault"),
    ],
)
async def test_urgent_message_gets_its_situations_answer_with_rasa_down(
    app_without_nlu, fake_telegram, text, lang, situation
):
    await feed(app_without_nlu, fake_telegram.text_update(text, language_code=lang))
    reply = fake_telegram.sent_texts()[-1]
    assert reply == emergency_text(situation, lang)
    assert "103" in reply and "112" in reply


async def test_an_ordinary_question_with_rasa_down_gets_the_menu_not_an_emergency(
    app_without_nlu, fake_telegram
):
    await feed(
        app_without_nlu, fake_telegram.text_update("где сдать тест на вич", language_code="ru")
    )
    assert fake_telegram.sent_texts()[-1] == screens("ru").nlu_down().text
