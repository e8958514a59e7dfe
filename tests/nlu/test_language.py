"""Language detection, trained on our own NLU data."""

import pytest

from bot.settings import ROOT
from nlu.language import LanguageDetector

DETECTOR = LanguageDetector.from_training_data(ROOT / "nlu" / "data")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("где можно сдать анализ на вич", "ru"),
        ("gde mozhno sdelat privivku ot kovida", "ru"),
        ("where can i do hiv test free", "en"),
        ("qayerda emlash mumkin", "uz"),
        ("қаерда эмлаш мумкин", "uz"),
        ("дар куҷо санҷиши сил кардан мумкин", "tg"),
        ("кургак учук кантип жугат", "ky"),
        ("inçekeseli nädip bejerýärler", "tk"),
        ("vərəm necə müalicə olunur", "az"),
        ("艾滋病 怎么 传染", "zh"),
        ("كيف ينتقل فيروس الايدز", "ar"),
        ("ایدز چطور منتقل میشه", "fa"),
        ("nexweşiya zirav çawa derman dibe", "ku"),
        ("де можна зробити щеплення", "uk"),
    ],
)
def test_detects_the_language_of_short_messages(text, lang):
    assert DETECTOR.detect(text).lang == lang
