"""Issue 19's forms in each of the 12 languages: quarter to/past, half past, midnight and noon,
a bare day of the month, "next <weekday>", afternoon and evening with 12-hour times, Eastern
Arabic and Persian digits, Chinese numerals.

Read at NOW, Wednesday 2026-11-25 14:00 in Minsk. The rule for "next <weekday>": the weekday of
next week (Monday to Sunday); while this week's is still ahead ("next Friday" said on
Wednesday) it could be either, so the bot asks back (None). "<weekday> next week" is always
next week's.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlu.when import parse_when
from nlu.when.lexicon import vocabulary

MINSK = ZoneInfo("Europe/Minsk")
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=MINSK)  # a Wednesday

FORMS: dict[str, list[tuple[str, str | None]]] = {
    "ru": [
        ("завтра без четверти 10", "2026-11-26 09:45"),
        ("завтра в четверть десятого", "2026-11-26 09:15"),
        ("сегодня полдесятого вечера", "2026-11-25 21:30"),
        ("полдесятого вечера", "2026-11-25 21:30"),
        ("завтра в половине десятого", "2026-11-26 09:30"),
        ("завтра в пол десятого утра", "2026-11-26 09:30"),
        ("завтра без пятнадцати десять", "2026-11-26 09:45"),
        ("завтра в 10 с четвертью", "2026-11-26 10:15"),
        ("сегодня в полночь", "2026-11-26 00:00"),
        ("в полночь", "2026-11-26 00:00"),
        ("завтра в полночь", None),
        ("завтра в полдень", "2026-11-26 12:00"),
        ("15-го в 10", "2026-12-15 10:00"),
        ("15-го числа в 10 утра", "2026-12-15 10:00"),
        ("в следующий вторник в 10", "2026-12-01 10:00"),
        ("в следующую пятницу в 10", None),
        ("во вторник на следующей неделе в 10", "2026-12-01 10:00"),
        ("завтра в 3 часа дня", "2026-11-26 15:00"),
        ("когда-нибудь на следующей неделе", None),
        ("около 9 вечера", None),
        ("сегодня в 8 утра", None),
    ],
    "en": [
        ("tomorrow at quarter to 10", "2026-11-26 09:45"),
        ("tomorrow at a quarter past 9", "2026-11-26 09:15"),
        ("half past nine tonight", "2026-11-25 21:30"),
        ("midnight tonight", "2026-11-26 00:00"),
        ("at midnight", "2026-11-26 00:00"),
        ("tomorrow at noon", "2026-11-26 12:00"),
        ("on the 15th at 10am", "2026-12-15 10:00"),
        ("next tuesday at 10", "2026-12-01 10:00"),
        ("next friday at 10", None),
        ("tuesday next week at 10", "2026-12-01 10:00"),
        ("tomorrow at 3 in the afternoon", "2026-11-26 15:00"),
        ("at 9 in the evening", "2026-11-25 21:00"),
        ("at 8 this morning", None),
        ("sometime next week", None),
        ("around 9 pm", None),
        ("remind me to take pills at 9 pm", "2026-11-25 21:00"),
        ("tomorrow at ten to nine", "2026-11-26 08:50"),
    ],
    "uk": [
        ("завтра о пів на десяту", "2026-11-26 09:30"),
        ("о пів на десяту вечора", "2026-11-25 21:30"),
        ("завтра за чверть десята", "2026-11-26 09:45"),
        ("завтра без чверті десять", "2026-11-26 09:45"),
        ("завтра о чверть на десяту", "2026-11-26 09:15"),
        ("опівночі", "2026-11-26 00:00"),
        ("сьогодні опівночі", "2026-11-26 00:00"),
        ("завтра опівдні", "2026-11-26 12:00"),
        ("15-го о 10", "2026-12-15 10:00"),
        ("наступного вівторка о 10", "2026-12-01 10:00"),
        ("у вівторок наступного тижня о 10", "2026-12-01 10:00"),
        ("завтра о 3 дня", "2026-11-26 15:00"),
    ],
    "uz": [
        ("ertaga soat o'nga chorak kam", "2026-11-26 09:45"),
        ("ertaga soat to'qqizdan chorak o'tganda", "2026-11-26 09:15"),
        ("ertaga soat 9 yarimda", "2026-11-26 09:30"),
        ("yarim tunda", "2026-11-26 00:00"),
        ("ertaga tushda", "2026-11-26 12:00"),
        ("oyning 15-sanasida soat 10 da", "2026-12-15 10:00"),
        ("keyingi seshanba soat 10 da", "2026-12-01 10:00"),
        ("ertaga tushdan keyin soat 3 da", "2026-11-26 15:00"),
        ("ertaga soat 10 ga chorak kam", "2026-11-26 09:45"),
    ],
    "tg": [
        ("фардо соати нӯҳу ним", "2026-11-26 09:30"),
        ("фардо соати даҳ чоряк кам", "2026-11-26 09:45"),
        ("фардо соати нӯҳу чоряк", "2026-11-26 09:15"),
        ("нисфи шаб", "2026-11-26 00:00"),
        ("фардо нисфирӯзӣ", "2026-11-26 12:00"),
        ("рӯзи 15 соати 10", "2026-12-15 10:00"),
        ("сешанбеи оянда соати 10", "2026-12-01 10:00"),
        ("фардо соати 3 баъд аз нисфирӯзӣ", "2026-11-26 15:00"),
        ("имшаб соати 9", "2026-11-25 21:00"),
    ],
    "tk": [
        ("ertir sagat ona çärýek galanda", "2026-11-26 09:45"),
        ("ertir sagat dokuzdan çärýek geçende", "2026-11-26 09:15"),
        ("ertir sagat dokuz ýarymda", "2026-11-26 09:30"),
        ("ýary gije", "2026-11-26 00:00"),
        ("ertir günortan", "2026-11-26 12:00"),
        ("aýyň 15-inde sagat 10-da", "2026-12-15 10:00"),
        ("indiki sişenbe sagat 10-da", "2026-12-01 10:00"),
        ("ertir günortadan soň sagat 3-de", "2026-11-26 15:00"),
    ],
    "ky": [
        ("эртең саат онго чейрек калганда", "2026-11-26 09:45"),
        ("эртең саат тогуздан чейрек өткөндө", "2026-11-26 09:15"),
        ("эртең саат тогуз жарымда", "2026-11-26 09:30"),
        ("түн ортосунда", "2026-11-26 00:00"),
        ("эртең түштө", "2026-11-26 12:00"),
        ("айдын 15инде саат 10до", "2026-12-15 10:00"),
        ("кийинки шейшемби саат 10до", "2026-12-01 10:00"),
        ("эртең түштөн кийин саат 3тө", "2026-11-26 15:00"),
    ],
    "az": [
        ("sabah saat ona rüb qalmış", "2026-11-26 09:45"),
        ("sabah saat doqquzu rüb keçir", "2026-11-26 09:15"),
        ("sabah saat doqquz yarımda", "2026-11-26 09:30"),
        ("gecə yarısı", "2026-11-26 00:00"),
        ("sabah günorta", "2026-11-26 12:00"),
        ("ayın 15-i saat 10-da", "2026-12-15 10:00"),
        ("gələn çərşənbə axşamı saat 10-da", "2026-12-01 10:00"),
        ("sabah günortadan sonra saat 3-də", "2026-11-26 15:00"),
    ],
    "zh": [
        ("明天九点一刻", "2026-11-26 09:15"),
        ("明天九点三刻", "2026-11-26 09:45"),
        ("明天差一刻十点", "2026-11-26 09:45"),
        ("明天十点差一刻", "2026-11-26 09:45"),
        ("明天九点半", "2026-11-26 09:30"),
        ("今晚十二点", "2026-11-26 00:00"),
        ("午夜", "2026-11-26 00:00"),
        ("明天中午十二点", "2026-11-26 12:00"),
        ("15号上午10点", "2026-12-15 10:00"),
        ("下周二上午10点", "2026-12-01 10:00"),
        ("十天后", "2026-12-05 14:00"),
        ("明天下午三点", "2026-11-26 15:00"),
        ("明天九点零五分", "2026-11-26 09:05"),
        ("明天九点过一刻", "2026-11-26 09:15"),
    ],
    "ar": [
        ("غدا الساعة العاشرة إلا ربعا", "2026-11-26 09:45"),
        ("غدا الساعة التاسعة والربع", "2026-11-26 09:15"),
        ("غدا الساعة التاسعة والنصف", "2026-11-26 09:30"),
        ("منتصف الليل", "2026-11-26 00:00"),
        ("غدا الظهر", "2026-11-26 12:00"),
        ("يوم ١٥ الساعة ١٠ صباحا", "2026-12-15 10:00"),
        ("الثلاثاء القادم الساعة ١٠", "2026-12-01 10:00"),
        ("غدا الساعة ٣ بعد الظهر", "2026-11-26 15:00"),
        ("٢٤/١٢ الساعة ١٠", "2026-12-24 10:00"),
    ],
    "fa": [
        ("فردا ساعت یک ربع به ده", "2026-11-26 09:45"),
        ("فردا ساعت نه و ربع", "2026-11-26 09:15"),
        ("فردا ساعت ۹ و نیم", "2026-11-26 09:30"),
        ("نیمه\u200cشب", "2026-11-26 00:00"),
        ("فردا ظهر", "2026-11-26 12:00"),
        ("روز ۱۵ ساعت ۱۰", "2026-12-15 10:00"),
        ("سه\u200cشنبه هفته بعد ساعت ۱۰", "2026-12-01 10:00"),
        ("فردا ساعت ۳ بعدازظهر", "2026-11-26 15:00"),
        ("فردا ساعت ۸ صبح", "2026-11-26 08:00"),
    ],
    "ku": [
        ("sibê saet deh kêm çaryek", "2026-11-26 09:45"),
        ("sibê saet neh û çaryek", "2026-11-26 09:15"),
        ("sibê saet neh û nîv", "2026-11-26 09:30"),
        ("nîvê şevê", "2026-11-26 00:00"),
        ("sibê nîvro", "2026-11-26 12:00"),
        ("roja 15ê saet 10", "2026-12-15 10:00"),
        ("sêşema bê saet 10", "2026-12-01 10:00"),
        ("sibê saet 3 piştî nîvroyê", "2026-11-26 15:00"),
    ],
}
CASES = [(lang, text, expected) for lang, pairs in FORMS.items() for text, expected in pairs]


def moment(text: str | None) -> datetime | None:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=MINSK) if text else None


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_form(lang: str, text: str, expected: str | None) -> None:
    assert parse_when(text, lang, NOW) == moment(expected)


def test_every_language_has_each_form() -> None:
    assert set(FORMS) == set(vocabulary()["languages"])
    for lang, pairs in FORMS.items():
        answers = [expected for _, expected in pairs]
        assert "2026-11-26 00:00" in answers, f"{lang}: midnight"
        assert "2026-12-15 10:00" in answers, f"{lang}: a bare day of the month"
        assert "2026-12-01 10:00" in answers, f"{lang}: next Tuesday"
        assert any(a and a.endswith(("09:45", "09:15")) for a in answers), f"{lang}: quarters"


def test_next_weekday_asks_back_while_this_weeks_is_ahead() -> None:
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=MINSK)
    assert parse_when("next tuesday at 10", "en", monday) is None  # tomorrow or in 8 days?
    assert parse_when("tuesday next week at 10", "en", monday) == moment("2026-12-08 10:00")
    assert parse_when("next monday at 10", "en", monday) == moment("2026-12-07 10:00")
    sunday = datetime(2026, 11, 29, 9, 0, tzinfo=MINSK)
    assert parse_when("next saturday at 10", "en", sunday) == moment("2026-12-05 10:00")


def test_midnight_of_another_day_is_unclear() -> None:
    assert parse_when("tomorrow at midnight", "en", NOW) is None
    assert parse_when("friday at midnight", "en", NOW) is None
    assert parse_when("midnight in the morning", "en", NOW) is None
    assert parse_when("в 12:30 ночи", "ru", NOW) is None


def test_a_day_of_the_month_rolls_over_to_a_month_that_has_it() -> None:
    assert parse_when("on the 31st at 10", "en", NOW) == moment("2026-12-31 10:00")
    late = datetime(2026, 12, 31, 11, 0, tzinfo=MINSK)
    assert parse_when("on the 31st at 10", "en", late) == moment("2027-01-31 10:00")
    assert parse_when("on the 25th at 15:00", "en", NOW) == moment("2026-11-25 15:00")
    assert parse_when("on the 25th at 13:00", "en", NOW) == moment("2026-12-25 13:00")
    assert parse_when("on the 15th", "en", NOW) is None  # a day without a time
    assert parse_when("on the 40th at 10", "en", NOW) is None


def test_day_part_words_must_agree_with_the_hour() -> None:
    ten = datetime(2026, 11, 25, 10, 0, tzinfo=MINSK)
    assert parse_when("at 8 this morning", "en", ten) is None  # already past
    assert parse_when("сегодня в 8 утра", "ru", ten) is None
    assert parse_when("at 9 in the evening", "en", ten) == moment("2026-11-25 21:00")
    assert parse_when("at 9 in the morning this evening", "en", ten) is None
    assert parse_when("полдесятого утра", "ru", ten) == moment("2026-11-26 09:30")


def test_sometime_and_approximations_ask_back() -> None:
    for lang, text in [
        ("en", "sometime next week"),
        ("en", "around 9 pm"),
        ("ru", "когда-нибудь в пятницу в 10"),
        ("ru", "примерно в 9 вечера"),
        ("zh", "明天9点左右"),
        ("ar", "حوالي الساعة ٩ مساء"),
    ]:
        assert parse_when(text, lang, NOW) is None, text
