"""parse_when: all readings of a phrase, and the one moment they agree on (else None)."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from nlu.when.grammar import PAUSE, Invalid, Unclear, join_numbers, slots
from nlu.when.lexicon import Language, language, lex
from nlu.when.phrase import guarded, phrase_among_words
from nlu.when.resolve import moment
from nlu.when.tokens import Alternatives, Item, fold

MAX_CHARS = 200  # a longer message is not an answer to "when?"
MAX_READINGS = 512  # more combinations of meanings than this: not a time phrase
# With words around the phrase, a reading must hold one of these (T, Y and O only sometimes,
# see _is_marker): bare numbers alone ("room 9") are not a time.
MARKERS = frozenset("DWMPACILSKJE")


def parse_when(text: str, lang: str, now: datetime) -> datetime | None:
    """The moment `text` names, in now's time zone; None when unclear, past or not a time."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if len(text) > MAX_CHARS:
        return None
    known: Language = language(lang)
    lexed = lex(fold(text), known)
    if any(lexeme.is_stop for lexeme in lexed) or guarded(lexed):
        return None
    if not any(lexeme.is_word for lexeme in lexed):
        return _answer([lexeme.alternatives for lexeme in lexed], now, marked=False)
    phrase = phrase_among_words(lexed, known)
    return _answer(phrase, now, marked=True) if phrase else None


def run_cli(lines: Iterable[str], lang: str, now: datetime) -> Iterator[str]:
    """One JSON object per input line: {"text": line, "at": ISO-8601 with offset or null}."""
    for line in lines:
        text = line.rstrip("\r\n")
        found = parse_when(text, lang, now)
        at = found.isoformat() if found else None
        yield json.dumps({"text": text, "at": at}, ensure_ascii=False)


def _answer(lexed: Sequence[Alternatives], now: datetime, marked: bool) -> datetime | None:
    """The moment all readings that make sense agree on; None if unclear.

    `marked`: words around the phrase were ignored, so every reading that names a moment must
    hold a time marker (else "у меня 9 часов работы" would be 9 o'clock).
    """
    if not lexed or math.prod(len(alternatives) for alternatives in lexed) > MAX_READINGS:
        return None
    outcomes = set()
    for combination in itertools.product(*lexed):
        items = join_numbers([item for seq in combination for item in seq or (PAUSE,)])
        found = _outcome(items, now)
        if marked and isinstance(found, datetime) and not _has_marker(combination, lexed):
            found = "unclear"
        outcomes.add(found)
    outcomes -= {"drop"}
    if len(outcomes) != 1:
        return None
    found = outcomes.pop()
    return found if isinstance(found, datetime) else None


def _outcome(items: list[Item], now: datetime) -> datetime | str:
    """The moment of one reading, "unclear", or "drop" when the reading makes no sense."""
    try:
        return moment(slots(items), now)
    except Invalid:
        return "drop"
    except Unclear:
        return "unclear"


def _has_marker(combination: Sequence[tuple[Item, ...]], lexed: Sequence[Alternatives]) -> bool:
    return any(
        _is_marker(item, alternatives)
        for sequence, alternatives in zip(combination, lexed, strict=True)
        for item in sequence
    )


def _is_marker(item: Item, alternatives: Alternatives) -> bool:
    """A word of time, a time that is nothing else (9:30, 9.30 but not 12.03, which may be a
    date), a date with a year, an o'clock that is not also hours ("часов", "h")."""
    if item.kind == "T":
        return (
            not item.text
            or ":" in item.text
            or all(other.kind == "T" for sequence in alternatives for other in sequence)
        )
    if item.kind == "Y":
        return item.value[0] is not None
    if item.kind == "O":
        return not any(other.kind in "UR" for sequence in alternatives for other in sequence)
    return item.kind in MARKERS
