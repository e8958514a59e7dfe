"""Emergencies are answered over the wire even when the Rasa server is down."""

from __future__ import annotations

import pytest

from tests.conftest import feed
from tests.helpers import answer_text, screens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("помогите не могу дышать", "ru"),
        ("my 3 year old swallowed bleach", "en"),
        ("nafas ololmayapman", "uz"),
        ("مش قادر اتنفس", "ar"),
        ("我不想活了", "zh"),
    ],
)
async def test_urgent_message_gets_the_emergency_answer_with_rasa_down(
    app_without_nlu, fake_telegram, text, lang
):
    await feed(app_without_nlu, fake_telegram.text_update(text, language_code=lang))
    reply = fake_telegram.sent_texts()[-1]
    assert reply == answer_text("emergency", lang)
    assert "103" in reply and "112" in reply


async def test_an_ordinary_question_with_rasa_down_gets_the_menu_not_an_emergency(
    app_without_nlu, fake_telegram
):
    await feed(
        app_without_nlu, fake_telegram.text_update("где сдать тест на вич", language_code="ru")
    )
    assert fake_telegram.sent_texts()[-1] == screens("ru").nlu_down().text
