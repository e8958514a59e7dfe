"""Properties of every answer parse_when gives, on phrases made of the vocabulary's own words.

For every phrase the parser answers: the answer lies ahead of `now`, it agrees with every
part-of-day and am/pm word in the phrase, and a phrase with no calendar anchor (no date,
weekday or day of the month) moves by exactly one day when `now` does.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

pytest.importorskip("hypothesis", reason="pip install -e '.[dev]' (hypothesis is a dev extra)")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlu.when import parse_when
from nlu.when.lexicon import language, lex, vocabulary
from nlu.when.resolve import MARGIN
from nlu.when.tokens import fold
from tests.nlu.when.test_forms import FORMS
from tests.nlu.when.test_parse import AMONG_WORDS, PHRASES

MINSK = ZoneInfo("Europe/Minsk")
SLOW = [HealthCheck.too_slow]  # derandomize: the same examples in every run, so CI is repeatable
LANGUAGES = vocabulary()["languages"]
NUMBERS = ["9", "10", "3", "12", "15", "21:00", "9:30", "24/12", "٩", "۸", "10.11", "7"]
ANCHORS = frozenset("WMYKhJG")  # weekday, month, numeric date, 月, nth hour, "day" word


def words(lang: str) -> list[str]:
    names = [lang, *vocabulary()["fallback"]]
    return sorted({key.rstrip("*") for name in names for key in vocabulary()["words"][name]})


WORDS = {lang: words(lang) for lang in LANGUAGES}
KNOWN = [(lang, text) for table in (PHRASES, AMONG_WORDS, FORMS) for lang, pairs in table.items()
         for text, _ in pairs]  # fmt: skip

nows = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(MINSK)
).map(lambda moment: moment.replace(second=0, microsecond=0))


@st.composite
def made_up(draw: st.DrawFn) -> tuple[str, str]:
    """A phrase of 1-5 of the language's own time words and numbers."""
    lang = draw(st.sampled_from(LANGUAGES))
    parts = st.sampled_from(WORDS[lang]) | st.sampled_from(NUMBERS)
    return lang, " ".join(draw(st.lists(parts, min_size=1, max_size=5)))


def allowed_hours(lexeme_items: list) -> set[int] | None:
    """Hours a part-of-day or am/pm word allows; None if the word may mean something else."""
    periods = vocabulary()["periods"]
    found: set[int] | None = None
    for sequence in lexeme_items:
        kinds = {item.kind: item.value for item in sequence}
        if "P" not in kinds and "A" not in kinds:
            return None
        hours: set[int] = set(range(12)) if kinds.get("A") == "am" else set(range(12, 24))
        if "P" in kinds:
            period = periods[kinds["P"]]
            hours = {(hour + add) % 24 for low, high, add in period["hours"]
                     for hour in range(low, high + 1)}  # fmt: skip
            hours |= {period["default"]} if period["default"] is not None else set()
        found = hours if found is None else found | hours
    return found


def check(lang: str, text: str, now: datetime) -> None:
    answer = parse_when(text, lang, now)
    if answer is None:
        return
    assert answer >= now + MARGIN, (lang, text, now, answer)
    lexed = lex(fold(text), language(lang))
    for lexeme in lexed:
        hours = allowed_hours(list(lexeme.alternatives))
        assert hours is None or answer.hour in hours, (lang, text, now, answer)
    kinds = {item.kind for lexeme in lexed for seq in lexeme.alternatives for item in seq}
    later = parse_when(text, lang, now + timedelta(days=1))
    if not kinds & ANCHORS and answer - now < timedelta(days=300):
        assert later == answer + timedelta(days=1), (lang, text, now, answer, later)
    if later is not None:
        assert later >= now + timedelta(days=1) + MARGIN


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=SLOW)
@given(st.sampled_from(KNOWN), nows)
def test_every_answer_to_a_known_phrase_is_ahead_agrees_and_moves(
    phrase: tuple[str, str], now: datetime
) -> None:
    check(*phrase, now)


@settings(max_examples=250, deadline=None, derandomize=True, suppress_health_check=SLOW)
@given(made_up(), nows)
def test_every_answer_to_a_made_up_phrase_is_ahead_agrees_and_moves(
    phrase: tuple[str, str], now: datetime
) -> None:
    check(*phrase, now)
