"""Language detection, trained on our own NLU data."""

import pytest
import yaml

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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ман дар куҷо бояд табобат гирам", "tg"),  # ҷ: Tajik only
        ("сил ўзи нима", "uz"),  # ў: Uzbek, not Tajik
        ("өпкө оорусу кантип дарыланат", "ky"),  # ө: Kyrgyz
        ("jiehebing shi shenme bing", "zh"),  # pinyin
        ("PrEP是什么药", "zh"),
    ],
)
def test_distinctive_letters_and_scripts_decide(text, lang):
    assert DETECTOR.detect(text).lang == lang


UND = yaml.safe_load((ROOT / "tests/nlu/language/und.yml").read_text(encoding="utf-8"))["und"]


@pytest.mark.parametrize("text", UND)
def test_a_language_that_is_none_of_the_12_is_und(text):
    assert DETECTOR.detect(text).lang == "und"


@pytest.mark.parametrize("text", ["", "123 456", "👍👍"])
def test_no_letters_is_und(text):
    assert DETECTOR.detect(text).lang == "und"
