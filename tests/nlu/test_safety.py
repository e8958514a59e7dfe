from bot.settings import ROOT
from nlu.safety import EmergencyPatterns

NET = EmergencyPatterns.load(ROOT / "nlu" / "emergency.yml")


def test_urgent_phrases_match_whatever_the_spelling():
    for text in (
        "ПОМОГИТЕ НЕ МОГУ ДЫШАТЬ!!!",
        "my friend is unconscious",
        "nafas ololmayapman",
        "不能 呼吸",
        "میخوام بمیرم",
        "ne mogu dyshat pomogite",
    ):
        assert NET.matches(text), text


def test_ordinary_health_questions_do_not_match():
    for text in (
        "какие симптомы у ковида",
        "i have a cough for three weeks",
        "hiv test qayerda",
        "как дышать при кашле",
    ):
        assert not NET.matches(text), text
