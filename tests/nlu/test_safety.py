"""The emergency detector, on examples written by the team (never from evaluation sets)."""

from __future__ import annotations

import pytest

from nlu.safety import EmergencyDetector

DETECTOR = EmergencyDetector.load()

# (language, situation, message): one line per situation and language, messy as people type.
URGENT = [
    ("ru", "breathing", "ПОМОГИТЕ НЕ МОГУ ДЫШАТЬ!!!"),
    ("ru", "breathing", "ne mogu dyshat pomogite"),
    ("ru", "suicide", "я больше не хочу жить, всё бессмысленно"),
    ("ru", "suicide", "Мама, прости меня за всё. Позаботься о брате."),
    ("ru", "suicide", "я собрал таблетки и выпью их сегодня ночью"),
    ("ru", "suicide", "hochu umeret"),
    ("ru", "self_harm", "режу себе руки и не могу остановиться"),
    ("ru", "sexual_assault", "меня изнасиловали вчера что делать"),
    ("ru", "poisoning", "сын выпил отбеливатель"),
    ("ru", "child_fever", "у ребенка температура 40 и судороги"),
    ("ru", "seizure", "у него пена изо рта и трясет"),
    ("ru", "allergy", "после укуса пчелы опухло горло"),
    ("ru", "stroke", "у папы лицо перекосило и речь невнятная"),
    ("ru", "chest_pain", "давит в груди и отдает в левую руку"),
    ("ru", "coughing_blood", "кашляю кровью очень много"),
    ("ru", "bleeding", "порезался на стройке кровь не останавливается"),
    ("ru", "unconscious", "друг упал и не приходит в себя"),
    ("en", "breathing", "I cant breathe"),
    ("en", "suicide", "I don't want to live anymore, my wife left"),
    ("en", "suicide", "I have saved pills and will take them tonight"),
    ("en", "self_harm", "i keep cutting myself"),
    ("en", "sexual_assault", "I was raped last night what do I do"),
    ("en", "poisoning", "my 2 year old swallowed bleach"),
    ("en", "child_fever", "my baby has 40 fever and convulsions"),
    ("en", "seizure", "he is foaming at the mouth and shaking"),
    ("en", "allergy", "throat is swelling after peanuts"),
    ("en", "stroke", "her face is drooping and her speech is slurred"),
    ("en", "chest_pain", "crushing chest pain spreading to my left arm"),
    ("en", "coughing_blood", "coughing up lots of blood"),
    ("en", "bleeding", "cut my hand at work, bleeding won't stop"),
    ("en", "unconscious", "my friend is unconscious"),
    ("uk", "breathing", "не можу дихати"),
    ("uk", "suicide", "не хочу жити"),
    ("uz", "breathing", "nafas ololmayapman yordam bering"),
    ("uz", "breathing", "нафас ололмаяпман"),
    ("uz", "suicide", "o'lgim kelyapti"),
    ("uz", "poisoning", "bolam oqartirgich ichib qo'ydi"),
    ("uz", "seizure", "og'zidan ko'pik chiqyapti"),
    ("uz", "bleeding", "qon to'xtamayapti"),
]

NOT_URGENT = [
    ("ru", "какие признаки инсульта?"),
    ("ru", "в прошлом году у меня был инсульт, сейчас все хорошо"),
    ("ru", "эта очередь меня убивает"),
    ("ru", "умираю со смеху"),
    ("ru", "какие симптомы у ковида"),
    ("ru", "как дышать при кашле"),
    ("ru", "сколько часов после контакта можно начать пкп"),
    ("en", "what are the signs of a stroke?"),
    ("en", "this queue is killing me"),
    ("en", "I'm dying of boredom"),
    ("en", "how soon should I take PEP after unprotected sex"),
    ("en", "I take all my pills every morning"),
    ("en", "last year my friend tried suicide, how can I help him"),
    ("en", "where can i get tested for hiv"),
]


@pytest.mark.parametrize(("lang", "situation", "text"), URGENT)
def test_urgent_message_is_caught_with_its_situation(lang, situation, text):
    verdict = DETECTOR.detect(text)
    assert verdict.situation == situation, (lang, text, verdict)


@pytest.mark.parametrize(("lang", "text"), NOT_URGENT)
def test_questions_past_events_and_jokes_are_not_emergencies(lang, text):
    assert DETECTOR.detect(text).found is None, (lang, text)


def test_an_urgent_sentence_inside_a_long_story_is_caught():
    story = (
        "Я долго работаю на стройке в Минске, жена дома, дети, все хорошо было. "
        "Вопрос про регистрацию тоже есть. Но сегодня друг упал и не дышит, что делать"
    )
    assert DETECTOR.detect(story).situation == "breathing"


def test_a_past_event_does_not_hide_a_danger_in_another_clause():
    text = "в прошлом году лечил туберкулез а сейчас кашляю кровью, много"
    assert DETECTOR.detect(text).situation == "coughing_blood"


def test_a_guard_never_hides_a_strong_present_danger():
    verdict = DETECTOR.detect("what are the symptoms, I can't breathe right now")
    assert verdict.situation == "breathing"
    assert "info" in verdict.guards


def test_a_weak_danger_word_under_a_guard_is_reported_as_hidden():
    verdict = DETECTOR.detect("what are the signs of a stroke?")
    assert verdict.found is None
    assert {d.situation for d in verdict.hidden} == {"stroke"}


@pytest.mark.parametrize(
    "text",
    ["ne mogu dyshat", "не магу дышать", "НЕ МОГУ ДЫШАААТЬ", "ne mogu dishat", "немогу дышать"],
)
def test_typos_and_transliteration_survive(text):
    assert DETECTOR.detect(text).situation == "breathing", text
