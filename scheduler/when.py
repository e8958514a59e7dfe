"""Reminder times typed as free text ("завтра в 9", "ertaga soat 9 da", "明天上午9点").

`parse_when` turns a phrase into a moment in the time zone of `now`, or answers None whenever
the phrase is unclear: the bot then asks back with buttons instead of guessing. The words of
the 12 languages live in when_words.yml; the grammar below is the same for all of them.

How it works: the text is folded (digits, letter forms, diacritics) and cut into tokens, and
each token becomes typed items, one letter of kind each ("завтра" D, "9" N, "утра" P). A word
may mean two things ("часа" is "hours" in "через 2 часа" but "o'clock" in "в 9 часов"), so
every combination of meanings is one reading. A small grammar of regular expressions over the
kind letters turns a reading into slots (date, weekday, time, part of the day, offset), and
the slots into a moment. Readings the grammar rejects are dropped; the answer is the moment
that all remaining readings agree on, and None if any of them is unclear.

Words around the time are ignored ("remind me on friday at 9 about my x-ray"): the words the
vocabulary does not know cut the message into runs of known ones, and exactly one run may say
something; the others may only hold fillers ("please") or a lone "at" ("зайти в аптеку"). That
run is the phrase, so a word the vocabulary does not know inside it still makes it None
("завтра около 9" is two runs). Such a phrase must carry a time marker besides bare numbers (a
day, weekday, month, part of the day, am/pm, "at"/"в"/"soat"/"点", "in 2 hours", 9:30), so that
"room 9" or "мне 25 лет" stay None. Whatever the words, the answer is None for a stop word
anywhere ("yesterday", "every", "weekend"), a guard word right before the time ("до 9", "by
friday"), "on" before an unknown word ("on my birthday at 9"), an unknown word next to the
phrase that is a time word with one typo ("fridy at 10", "в 9 вечра"), and two bare numbers
ending the phrase ("в 9 10 таблеток").
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml

WORDS_FILE = Path(__file__).with_name("when_words.yml")
MAX_CHARS = 200  # a longer message is not an answer to "when?"
MAX_READINGS = 512  # more combinations of meanings than this: not a time phrase
MARGIN = timedelta(minutes=1)  # a moment must be at least this far ahead
UNIT_MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080}

# Meaning names in when_words.yml -> one-letter kinds the grammar is written in.
KINDS = {
    "day": "D", "weekday": "W", "month": "M", "num": "N", "unit": "U", "dur": "R",
    "time": "T", "period": "P", "ampm": "A", "in": "I", "later": "L", "clock": "C",
    "oclock": "O", "minutes": "m", "half": "H", "past": "S", "monthmark": "K",
    "daymark": "J", "yearmark": "E", "dayword": "G", "next": "X", "stop": "!", "other": "x",
    "guard": "x",
}  # fmt: skip
# Kinds made by the tokenizer: Y a numeric date, Z a year, Q a number that is neither, x a
# word this language does not know (or knows as "other" or "guard": not a time itself).
# With words around the phrase, a reading must hold one of these (T, Y and O only sometimes,
# see _is_marker): bare numbers alone ("room 9") are not a time.
MARKERS = frozenset("DWMPACILSKJE")
# Runs of known words around the phrase may hold only fillers and these ("в аптеку", "at home");
# not "in"/"after" (I): "after the meeting at 9" is not at 9.
PREPOSITIONS = frozenset("C")
# An unknown word next to the phrase that is one typo away from a word of these kinds ("fridy
# at 10", "в 9 вечра") may be a time word: None. Typos of units and prepositions break the
# phrase anyway; stop words count only from LOOKALIKE_STOP letters ("yesterdy").
LOOKALIKE_KINDS = frozenset("DWMPATOHSN")
LOOKALIKE_STOP = 7
LOOKALIKE_MIN = 4  # shorter words have too many neighbours


class _Invalid(Exception):
    """This reading does not parse: drop it and trust the others."""


class _Unclear(Exception):
    """This reading parses but names no single future moment: ask back."""


@dataclass(frozen=True)
class Item:
    kind: str
    value: Any = None
    text: str = ""  # digits as typed ("09" is a 24-hour clock); "" for a word


Alternatives = tuple[tuple[Item, ...], ...]
_UNKNOWN: Alternatives = ((Item("x"),),)
_JUNK: Alternatives = ((Item("Q"),),)


@dataclass(frozen=True)
class _Lexeme:
    """A token, or a phrase of the vocabulary, as folded, and what it may mean."""

    text: str
    alternatives: Alternatives

    def _items(self) -> Iterator[Item]:
        return (item for sequence in self.alternatives for item in sequence)

    @property
    def is_word(self) -> bool:
        """Not a time word: unknown to the vocabulary, or listed as "other" or "guard"."""
        return all(sequence for sequence in self.alternatives) and all(
            item.kind == "x" for item in self._items()
        )

    @property
    def is_unknown(self) -> bool:
        return self.alternatives == _UNKNOWN

    @property
    def is_filler(self) -> bool:
        return not any(self.alternatives)

    @property
    def is_stop(self) -> bool:
        return any(item.kind == "!" for item in self._items())

    @property
    def is_guard(self) -> bool:
        return any(item == Item("x", "guard") for item in self._items())


# ---------------------------------------------------------------- public API


def parse_when(text: str, lang: str, now: datetime) -> datetime | None:
    """The moment `text` names, in now's time zone; None when unclear, past or not a time."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if len(text) > MAX_CHARS:
        return None
    language = _language(lang)
    lexed = _lex(_fold(text), language)
    if any(lexeme.is_stop for lexeme in lexed) or _guarded(lexed):
        return None
    if not any(lexeme.is_word for lexeme in lexed):
        return _answer([lexeme.alternatives for lexeme in lexed], now, marked=False)
    phrase = _phrase_among_words(lexed, language)
    return _answer(phrase, now, marked=True) if phrase else None


def run_cli(lines: Iterable[str], lang: str, now: datetime) -> Iterator[str]:
    """One JSON object per input line: {"text": line, "at": ISO-8601 with offset or null}."""
    for line in lines:
        text = line.rstrip("\r\n")
        moment = parse_when(text, lang, now)
        at = moment.isoformat() if moment else None
        yield json.dumps({"text": text, "at": at}, ensure_ascii=False)


# ---------------------------------------------------------------- folding and tokens

_APOSTROPHES = str.maketrans(dict.fromkeys("ʻʼ’‘`´ʹ′", "'") | {"\u200c": "", "ـ": ""})
_LETTERS = str.maketrans(
    {"ı": "i", "ə": "e", "ү": "у", "ө": "о", "ң": "н", "ӊ": "н", "ҳ": "х", "ҷ": "ч",
     "қ": "к", "ғ": "г", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ە": "ه"}
    | {chr(0x660 + d): str(d) for d in range(10)}
    | {chr(0x6F0 + d): str(d) for d in range(10)}
)  # fmt: skip
_DOTTED_AMPM = re.compile(r"(\d)\s*([ap])\.\s?m\b\.?")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_TOKEN = re.compile(
    r"(?P<ymd>\d{4}[-./]\d{1,2}[-./]\d{1,2})(?!\d)"
    r"|(?P<dmy>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?!\d)"
    r"|(?P<hm>\d{1,2}:\d{2})(?!\d)"
    r"|(?P<dot>\d{1,2}\.\d{1,2})(?!\d)"
    r"|(?P<slash>\d{1,2}/\d{1,2})(?!\d)"
    r"|(?P<decimal>\d{1,2},\d)(?!\d)"
    r"|(?P<dash>\d{1,2}-\d{1,2})(?![\d\w])"
    r"|(?P<num>\d+)"
    rf"|(?P<cjk>[{_CJK}])"
    rf"|(?P<word>[^\W\d_{_CJK}]+(?:'[^\W\d_{_CJK}]+)*)"
)


def _fold(text: str) -> str:
    """Lower case without diacritics, one form per letter, ASCII digits, "9 am" for 9 a.m."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _DOTTED_AMPM.sub(r"\1 \2m", text.translate(_LETTERS))


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(match.lastgroup or "", match.group()) for match in _TOKEN.finditer(text)]


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Table:
    phrases: dict[tuple[str, ...], Alternatives]
    stems: tuple[tuple[str, Alternatives], ...]  # longest first
    longest: int


@functools.cache
def _vocabulary() -> dict[str, Any]:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class _Language:
    tables: tuple[_Table, ...]  # the user's language first, then the fallbacks
    orders: dict[str, str]  # numeric dates: {"dot": "dm", "slash": "any"}
    suffixes: tuple[str, ...]  # endings glued to words ("to'qqiz-da"), longest first
    lookalikes: tuple[tuple[str, bool], ...]  # (time word or stem, is a stem) to catch typos
    openers: frozenset[str]  # "on": "on <a word not known>" may be a day ("on my birthday")


@functools.cache
def _language(lang: str) -> _Language:
    vocabulary = _vocabulary()
    if lang not in vocabulary["languages"]:
        raise ValueError(f"unknown language {lang!r}")
    names = [lang, *(name for name in vocabulary["fallback"] if name != lang)]
    tables = tuple(_table(name, vocabulary["words"][name]) for name in names)
    orders = {**vocabulary["date_order"]["default"], **vocabulary["date_order"].get(lang, {})}
    suffixes = {_fold(suffix) for suffix in vocabulary["suffixes"].get(lang, [])}
    ordered = tuple(sorted(suffixes, key=len, reverse=True))
    openers = frozenset(_fold(word) for word in vocabulary["openers"].get(lang, []))
    return _Language(tables, orders, ordered, _lookalikes(tables), openers)


def _lookalikes(tables: tuple[_Table, ...]) -> tuple[tuple[str, bool], ...]:
    """The one-word time words and stems that an unknown word must not be a typo of."""
    found = set()
    for table in tables:
        for words, meaning in table.phrases.items():
            if len(words) == 1 and _looks_timely(words[0], meaning):
                found.add((words[0], False))
        found |= {(stem, True) for stem, meaning in table.stems if _looks_timely(stem, meaning)}
    return tuple(sorted(found))


def _looks_timely(word: str, meaning: Alternatives) -> bool:
    kinds = {item.kind for sequence in meaning for item in sequence}
    if "!" in kinds:
        return len(word) >= LOOKALIKE_STOP
    return len(word) >= LOOKALIKE_MIN and bool(kinds & LOOKALIKE_KINDS)


def _table(name: str, words: dict[str, str]) -> _Table:
    phrases: dict[tuple[str, ...], Alternatives] = {}
    stems: dict[str, Alternatives] = {}
    for key, spec in words.items():
        if not isinstance(key, str) or not isinstance(spec, str):
            raise ValueError(f"{name}: quote the key and meaning of {key!r}: {spec!r}")
        folded = tuple(text for _, text in _tokens(_fold(key.removesuffix("*"))))
        if not folded or (key.endswith("*") and len(folded) > 1):
            raise ValueError(f"{name}: {key!r} is not a word, a phrase or a one-word stem")
        target: dict[Any, Alternatives] = stems if key.endswith("*") else phrases
        entry = folded[0] if key.endswith("*") else folded
        _add(target, entry, _meaning(spec), f"{name}: {key}")
    ordered = tuple(sorted(stems.items(), key=lambda pair: -len(pair[0])))
    return _Table(phrases, ordered, max(map(len, phrases), default=1))


def _add(target: dict[Any, Alternatives], entry: Any, meaning: Alternatives, where: str) -> None:
    if target.setdefault(entry, meaning) != meaning:
        raise ValueError(f"{where}: folds like another key with another meaning")


def _meaning(spec: str) -> Alternatives:
    """'unit hour | clock' -> alternatives; 'day 0 + period evening' -> a sequence."""
    return tuple(
        tuple(
            _checked(_item(part.split()))
            for part in alternative.split("+")
            if part.strip() != "skip"
        )
        for alternative in spec.split("|")
    )


def _item(words: list[str]) -> Item:
    name, *args = words
    if name not in KINDS:
        raise ValueError(f"unknown meaning {name!r}")
    if name in ("other", "guard"):
        return Item("x", name)
    if name == "time":
        hour, minute = args[0].split(":")
        return Item("T", (int(hour), int(minute), True))
    if name == "dur":
        return Item("R", (_number(args[0]), args[1]))
    if name in ("num", "day", "weekday", "month"):
        return Item(KINDS[name], _number(args[0]))
    return Item(KINDS[name], args[0] if args else None)


def _checked(item: Item) -> Item:
    """Unit, part-of-day and am/pm names must be ones the grammar knows."""
    names = {"U": UNIT_MINUTES, "R": UNIT_MINUTES, "A": ("am", "pm")}.get(item.kind)
    names = _vocabulary()["periods"] if item.kind == "P" else names
    name = item.value[1] if item.kind == "R" else item.value
    if names is not None and name not in names:
        raise ValueError(f"unknown name {name!r} in a meaning")
    return item


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


# ---------------------------------------------------------------- lexing


def _lex(text: str, language: _Language) -> list[_Lexeme]:
    """Every token or phrase with its alternatives, in order."""
    tokens, lexed, position = _tokens(text), [], 0
    while position < len(tokens):
        size, alternatives = _lex_at(tokens, position, language)
        words = " ".join(word for _, word in tokens[position : position + size])
        lexed.append(_Lexeme(words, alternatives))
        position += size
    return lexed


def _lex_at(
    tokens: list[tuple[str, str]], position: int, language: _Language
) -> tuple[int, Alternatives]:
    group, text = tokens[position]
    if group not in ("word", "cjk"):
        return 1, _NUMERIC[group](text, language.orders)
    words = [text for _, text in tokens[position:]]
    return _phrase(words, language.tables) or (1, _word(text, language))


def _word(word: str, language: _Language) -> Alternatives:
    """A word by its stem, or without an ending glued to it ("yarımda", "ҷумъаи")."""
    found = _stem(word, language.tables)
    for suffix in language.suffixes:
        if found is _UNKNOWN and word.endswith(suffix) and len(word) > len(suffix) + 1:
            found = _known(word[: -len(suffix)], language.tables)
    return found


def _known(word: str, tables: tuple[_Table, ...]) -> Alternatives:
    phrase = _phrase([word], tables)
    return phrase[1] if phrase else _stem(word, tables)


def _phrase(words: list[str], tables: tuple[_Table, ...]) -> tuple[int, Alternatives] | None:
    """The longest phrase of any table at the start of `words` (the user's language wins ties)."""
    best = None
    for table in tables:
        for size in range(min(table.longest, len(words)), 0, -1):
            found = table.phrases.get(tuple(words[:size]))
            if found and (best is None or size > best[0]):
                best = (size, found)
                break
    return best


def _stem(word: str, tables: tuple[_Table, ...]) -> Alternatives:
    for table in tables:
        for stem, alternatives in table.stems:
            if word.startswith(stem):
                return alternatives
    return _UNKNOWN


def _number_token(text: str, _orders: dict[str, str]) -> Alternatives:
    if len(text) <= 3:
        return ((Item("N", int(text), text),),)
    return ((Item("Z", int(text), text),),) if len(text) == 4 else _JUNK


def _clock_token(text: str, _orders: dict[str, str]) -> Alternatives:
    hour, minute = text.split(":")
    if int(hour) > 23 or int(minute) > 59:
        return _JUNK
    return ((Item("T", (int(hour), int(minute), len(hour) == 2), text),),)


def _day_month(first: int, second: int, order: str, year: int | None = None) -> Alternatives:
    """A numeric date in the order the language writes it ('any': both that are real)."""
    pairs = {"dm": [(first, second)], "md": [(second, first)]}.get(order)
    pairs = pairs or [(first, second), (second, first)]
    found = {(year, month, day) for day, month in pairs if 1 <= day <= 31 and 1 <= month <= 12}
    return tuple((Item("Y", ymd),) for ymd in sorted(found, key=str))


def _dot_token(text: str, orders: dict[str, str]) -> Alternatives:
    """'12.03' is a date or 12:03; '9.30' can only be a time; '1.5' a date or a number."""
    first, second = text.split(".")
    found = _day_month(int(first), int(second), orders["dot"])
    if int(first) <= 23 and len(second) == 2 and int(second) <= 59:
        found += ((Item("T", (int(first), int(second), len(first) == 2), text),),)
    if len(second) == 1:
        found += _decimal_token(text, orders)
    return found or _JUNK


def _decimal_token(text: str, _orders: dict[str, str]) -> Alternatives:
    """'1,5' or '1.5' (hours)."""
    return ((Item("N", float(text.replace(",", ".")), text),),)


def _dash_token(text: str, orders: dict[str, str]) -> Alternatives:
    """'20-00' is 20:00, '12-03' a date or 12:03; '10-11' may be "from 10 to 11": no time."""
    hour, minute = text.split("-")
    found = _day_month(int(hour), int(minute), orders["dot"])
    maybe_range = int(hour) < int(minute) <= 23
    if int(hour) <= 23 and len(minute) == 2 and int(minute) <= 59 and not maybe_range:
        found += ((Item("T", (int(hour), int(minute), len(hour) == 2), text),),)
    return found or _JUNK


def _slash_token(text: str, orders: dict[str, str]) -> Alternatives:
    first, second = text.split("/")
    return _day_month(int(first), int(second), orders["slash"]) or _JUNK


def _full_date_token(text: str, orders: dict[str, str]) -> Alternatives:
    first, second, year = re.split(r"[./]", text)
    order = orders["slash" if "/" in text else "dot"]
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    return _day_month(int(first), int(second), order, full_year) or _JUNK


def _iso_token(text: str, _orders: dict[str, str]) -> Alternatives:
    year, month, day = (int(part) for part in re.split(r"[-./]", text))
    return ((Item("Y", (year, month, day)),),) if 1 <= month <= 12 else _JUNK


_NUMERIC: dict[str, Callable[[str, dict[str, str]], Alternatives]] = {
    "num": _number_token,
    "hm": _clock_token,
    "dot": _dot_token,
    "slash": _slash_token,
    "decimal": _decimal_token,
    "dash": _dash_token,
    "dmy": _full_date_token,
    "ymd": _iso_token,
}


# ---------------------------------------------------------------- the phrase among other words


def _guarded(lexed: list[_Lexeme]) -> bool:
    """A guard word right before a time word ("до 9", "by the 5th"), fillers aside."""
    return any(
        lexeme.is_guard and (after := _next_said(lexed, position)) and not after.is_word
        for position, lexeme in enumerate(lexed)
    )


def _next_said(lexed: list[_Lexeme], position: int) -> _Lexeme | None:
    """The first token after `position` that is not a filler."""
    return next((other for other in lexed[position + 1 :] if not other.is_filler), None)


def _phrase_among_words(lexed: list[_Lexeme], language: _Language) -> list[Alternatives] | None:
    """The one run of known tokens that says something; None if there are several or none.

    Words the vocabulary does not know cut the message into runs of known tokens. All runs
    but one must be ignorable (fillers, a lone "at"/"в"); trailing ones are cut off the phrase.
    A time word split by an unknown word ("завтра около 9") makes two runs that say something.
    """
    for position, lexeme in enumerate(lexed):
        after = _next_said(lexed, position)
        if lexeme.text in language.openers and after and after.is_unknown:
            return None  # "on my birthday at 9": a day the vocabulary does not know
    runs: list[tuple[int, int]] = []  # [start, end) of each run of known tokens
    for position, lexeme in enumerate(lexed):
        if lexeme.is_word:
            continue
        if runs and runs[-1][1] == position:
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    saying = [
        (start, end)
        for start, end in runs
        if not all(_ignorable(lexeme.alternatives) for lexeme in lexed[start:end])
    ]
    if len(saying) != 1:
        return None
    start, end = saying[0]
    neighbours = lexed[max(start - 1, 0) : start] + lexed[end : end + 1]
    if any(word.is_unknown and _lookalike(word.text, language) for word in neighbours):
        return None  # "в пятнцу в 10", "at 9 evning": a time word with a typo
    phrase = [lexeme.alternatives for lexeme in lexed[start:end]]
    while _ignorable(phrase[-1]):  # "at 9 at home": a trailing "at" cannot belong to the time
        phrase.pop()
    numbers = [_is_bare_number(alternatives) for alternatives in phrase if any(alternatives)]
    if numbers[-2:] == [True, True]:
        return None  # "в 9 10 таблеток": 9:10, or 9 and ten pills?
    return phrase


def _is_bare_number(alternatives: Alternatives) -> bool:
    return all(len(sequence) == 1 and sequence[0].kind == "N" for sequence in alternatives)


def _ignorable(alternatives: Alternatives) -> bool:
    """A filler ("please", or "a" that may be one), or a lone "at" ("в аптеку", "at home")."""
    return any(not sequence for sequence in alternatives) or all(
        item.kind in PREPOSITIONS for sequence in alternatives for item in sequence
    )


def _lookalike(word: str, language: _Language) -> bool:
    """`word` is one typo away from a time word or stem ("fridy", "пятнцу", "вечра")."""
    if len(word) < LOOKALIKE_MIN or " " in word:
        return False
    for known, is_stem in language.lookalikes:
        if not is_stem and _one_typo(word, known):
            return True
        sizes = (len(known) - 1, len(known), len(known) + 1)
        if is_stem and any(
            _one_typo(word[:size], known, wrong_letter=False)
            for size in sizes
            if size <= len(word) and word[:size] != known[:size]  # "четвертый", "четверг*"
        ):
            return True
    return False


def _one_typo(word: str, known: str, wrong_letter: bool = True) -> bool:
    """Two neighbours swapped, one letter missing or extra, or one wrong; the first is right.

    Short words have too many neighbours: a swap counts from 4 letters, a missing or extra
    letter from 5, a wrong one from 6 ("ринку" is not "ранку"), and never in a stem ("віктор"
    is not "вівтор*").
    """
    if word == known or len(word) < LOOKALIKE_MIN or word[0] != known[0]:
        return False
    if len(word) == len(known):
        wrong = [index for index, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        swapped = (
            len(wrong) == 2
            and wrong[1] == wrong[0] + 1
            and word[wrong[0]] == known[wrong[1]]
            and word[wrong[1]] == known[wrong[0]]
        )
        return swapped or (wrong_letter and len(wrong) == 1 and len(known) >= 6)
    if abs(len(word) - len(known)) != 1 or len(known) < 5:
        return False
    shorter, longer = sorted((word, known), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


# ---------------------------------------------------------------- readings


def _answer(lexed: Sequence[Alternatives], now: datetime, marked: bool) -> datetime | None:
    """The moment all readings that make sense agree on; None if unclear.

    `marked`: words around the phrase were ignored, so every reading that names a moment must
    hold a time marker (else "у меня 9 часов работы" would be 9 o'clock).
    """
    if not lexed or math.prod(len(alternatives) for alternatives in lexed) > MAX_READINGS:
        return None
    outcomes = set()
    for combination in itertools.product(*lexed):
        found = _outcome(_join_numbers([item for seq in combination for item in seq]), now)
        if marked and isinstance(found, datetime) and not _has_marker(combination, lexed):
            found = "unclear"
        outcomes.add(found)
    outcomes -= {"drop"}
    if len(outcomes) != 1:
        return None
    found = outcomes.pop()
    return found if isinstance(found, datetime) else None


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


def _join_numbers(items: list[Item]) -> list[Item]:
    """Number words in a row make one number: 'twenty five', 'on bir', 二十五."""
    joined: list[Item] = []
    for item in items:
        previous = joined[-1] if joined else None
        if previous and _is_number_word(previous) and _is_number_word(item):
            value = _join(previous.value, item.value)
            if value is not None:
                joined[-1] = Item("N", value)
                continue
        joined.append(item)
    return joined


def _is_number_word(item: Item) -> bool:
    return item.kind == "N" and not item.text


def _join(left: float, right: float) -> int | None:
    if right == 10 and 1 <= left <= 9:
        return int(left) * 10
    if left >= 10 and left % 10 == 0 and 1 <= right <= 9 and float(right).is_integer():
        return int(left + right)
    return None


def _outcome(items: list[Item], now: datetime) -> datetime | str:
    """The moment of one reading, "unclear", or "drop" when the reading makes no sense."""
    try:
        return _moment(_slots(items), now)
    except _Invalid:
        return "drop"
    except _Unclear:
        return "unclear"


# ---------------------------------------------------------------- grammar: items -> slots

Slots = dict[str, Any]


def _slots(items: Sequence[Item]) -> Slots:
    kinds = "".join(item.kind for item in items)
    slots: Slots = {}
    position = 0
    while position < len(items):
        position = _step(kinds, items, position, slots)
    return slots


def _step(kinds: str, items: Sequence[Item], position: int, slots: Slots) -> int:
    """Apply the first rule that fits at `position`; a slot filled twice drops the reading."""
    for pattern, rule in _RULES:
        match = pattern.match(kinds, position)
        found = rule(items[position : match.end()]) if match else None
        if match and found is not None:
            if found.keys() & slots.keys():
                raise _Invalid
            slots.update(found)
            return match.end()
    raise _Invalid


def _duration(items: Sequence[Item]) -> Slots:
    """'через 2 часа', '2 soatdan keyin', '两个半小时后', 'بعد ساعتين', '1 час 30 минут'."""
    parts = list(_counted_units(items))
    minutes = sum(count * UNIT_MINUTES[unit] for count, unit in parts)
    if minutes <= 0 or not float(minutes).is_integer():
        raise _Invalid
    return {"offset": (int(minutes), {unit for _, unit in parts} <= {"day", "week"})}


def _counted_units(items: Sequence[Item]) -> Iterator[tuple[float, str]]:
    """(count, unit) for 'N U', 'U' (one), 'H U' (half), 'N H U', 'R', and 'U H' (and a half)."""
    count, unit = None, None
    for item in items:
        if item.kind == "H" and count is None and unit:
            yield 0.5, unit
        elif item.kind in "NH":
            count = (count or 0) + (item.value if item.kind == "N" else 0.5)
        elif item.kind in "UR":
            got, unit = (
                item.value if item.kind == "R" else (1 if count is None else count, item.value)
            )
            yield got, unit
            count = None


def _bare_duration(items: Sequence[Item]) -> Slots | None:
    """'2 дня' without 'через': a count of days, or 2 in the afternoon? Ask back."""
    if items[1].value in ("day", "week"):
        raise _Unclear
    return None


def _day_of_month(item: Item) -> int | None:
    value = item.value
    return value if isinstance(value, int) and 1 <= value <= 31 else None


def _named_date(day: Item, month: Item, year: Item | None) -> Slots | None:
    if _day_of_month(day) is None:
        return None
    return {"ymd": (year.value if year else None, month.value, day.value)}


def _optional(items: Sequence[Item], kind: str) -> Item | None:
    return next((item for item in items if item.kind == kind), None)


def _day_then_month(items: Sequence[Item]) -> Slots | None:
    """'12 марта', '12th of March 2027', '12-mart', '12-nji mart'."""
    return _named_date(items[0], _optional(items, "M"), _optional(items, "Z"))


def _month_then_day(items: Sequence[Item]) -> Slots | None:
    """'March 12th', 'martın 12-si'."""
    return _named_date(items[1], items[0], _optional(items, "Z"))


def _cjk_date(items: Sequence[Item]) -> Slots | None:
    """'3月12日', '2027年3月12号'."""
    month, day = (item for item in items if item.kind == "N")
    if not isinstance(month.value, int) or not 1 <= month.value <= 12:
        return None
    return _named_date(day, month, _optional(items, "Z"))


def _hour(number: Item, minute: Any = 0) -> Slots | None:
    """A spoken hour and minute; the meaning of the hour is settled with the other slots."""
    hour = number.value
    if not (isinstance(hour, int) and isinstance(minute, int) and 0 <= minute <= 59):
        return None
    return {"time": (hour, minute, len(number.text) == 2)} if hour <= 23 else None


def _time_item(items: Sequence[Item]) -> Slots:
    """'9:30', 'soat 9:30 da', 'noon'."""
    return {"time": next(item for item in items if item.kind == "T").value}


def _oclock(items: Sequence[Item]) -> Slots | None:
    """'9 часов', '9点30分', '9点半', '9 часов 30 минут'."""
    numbers = [item for item in items if item.kind == "N"]
    if items[-1].kind == "H":
        return _hour(numbers[0], 30)
    return _hour(numbers[0], numbers[1].value if len(numbers) > 1 else 0)


def _hour_minute(items: Sequence[Item]) -> Slots | None:
    """'в 9 30', 'at nine thirty' (a clock word first, then minutes of two digits)."""
    minutes = items[2]
    if len(minutes.text) == 2 or items[-1].kind == "m" or (not minutes.text and minutes.value > 9):
        return _hour(items[1], minutes.value)
    return None


def _rule(pattern: str, rule: Callable[[Sequence[Item]], Slots | None]):
    return re.compile(pattern), rule


_RULES = (
    _rule(r"I(?:N?H?U|R)H?(?:NH?UH?)*L?", _duration),
    _rule(r"(?:N?H?U|R)H?(?:NH?UH?)*L", _duration),
    _rule(r"NU(?![IL])", _bare_duration),
    _rule(r"D", lambda items: {"rel": items[0].value}),
    _rule(r"W", lambda items: {"weekday": items[0].value}),
    _rule(r"YE?", lambda items: {"ymd": items[0].value}),
    _rule(r"NJ?M(?:ZE?)?", _day_then_month),
    _rule(r"MNJ?(?:ZE?)?", _month_then_day),
    _rule(r"(?:ZE)?NKNJ?", _cjk_date),
    _rule(r"C(?=[WD])", lambda items: {}),  # "в пятницу", "у п'ятницю"
    _rule(r"G(?=W)|(?<=[WMJY])G", lambda items: {}),  # "روز جمعه", "juma kuni"
    _rule(r"C?TO?", _time_item),
    _rule(r"C?NO(?:Nm?|H)?", _oclock),
    _rule(r"CNNm?", _hour_minute),
    _rule(r"C?NH", lambda items: _hour(items[-2], 30)),  # "9 yarim", "۹ و نیم"
    _rule(r"C?HSN", lambda items: _hour(items[-1], 30)),  # "half past 9"
    _rule(r"C?N", lambda items: _hour(items[-1])),
    _rule(r"P", lambda items: {"period": items[0].value}),
    _rule(r"A", lambda items: {"ampm": items[0].value}),
)


# ---------------------------------------------------------------- slots -> moment


def _moment(slots: Slots, now: datetime) -> datetime:
    clock = _clock(slots)
    if "offset" in slots:
        return _within_a_year(_after_offset(slots, clock, now), now)
    days = _days(slots, now, clock)
    if not days:
        return _time_only(slots, clock, now)
    if len(days) > 1:
        raise _Invalid  # "tomorrow, Friday" when tomorrow is Thursday
    if clock is None:
        raise _Unclear  # a day without a time
    moment = _at(days.pop(), clock, now)
    if moment < now + MARGIN:
        raise _Unclear
    return _within_a_year(moment, now)


def _clock(slots: Slots) -> tuple[int, int] | None:
    """(hour, minute) from the time, am/pm and part-of-day slots; None if no time is said."""
    period, ampm = slots.get("period"), slots.get("ampm")
    if "time" not in slots:
        if ampm:
            raise _Invalid
        return _period_default(period) if period else None
    hour, minute, padded = slots["time"]
    return _hour_of_day(hour, padded, period, ampm), minute


def _hour_of_day(hour: int, padded: bool, period: str | None, ampm: str | None) -> int:
    """'7' + 'вечера' = 19, '9' + 'pm' = 21; '3' alone could be 3 or 15: ask back."""
    meanings = {_ampm_hour(hour, ampm)} if ampm else set()
    if period:
        meanings.add(_period_hour(hour, period))
    if len(meanings) > 1:
        raise _Invalid  # "9 pm утра"
    found = meanings.pop() if meanings else _bare_hour(hour, padded)
    if found is None:
        raise _Unclear
    return found


def _period_default(period: str) -> tuple[int, int]:
    default = _vocabulary()["periods"][period]["default"]
    if default is None:
        raise _Unclear  # "tomorrow night": when?
    return default, 0


def _period_hour(hour: int, period: str) -> int | None:
    for low, high, add in _vocabulary()["periods"][period]["hours"]:
        if low <= hour <= high:
            return hour + add
    return None


def _ampm_hour(hour: int, ampm: str) -> int | None:
    if not 1 <= hour <= 12:
        raise _Invalid
    if hour == 12 and ampm == "am":
        return None  # midnight or noon? people mix them up
    return hour % 12 + (12 if ampm == "pm" else 0)


def _bare_hour(hour: int, padded: bool) -> int | None:
    low, high = _vocabulary()["bare_hours"]
    return hour if padded or low <= hour <= high else None


def _days(slots: Slots, now: datetime, clock: tuple[int, int] | None) -> set[date]:
    today, days = now.date(), set()
    if "rel" in slots:
        days.add(today + timedelta(days=slots["rel"]))
    if "weekday" in slots:
        days.add(_next_weekday(slots["weekday"], now, clock))
    if "ymd" in slots:
        days.add(_calendar_day(slots["ymd"], today))
    return days


def _next_weekday(weekday: int, now: datetime, clock: tuple[int, int] | None) -> date:
    """The next such day; today only if the time is still ahead today."""
    ahead = (weekday - now.weekday()) % 7
    if ahead == 0 and (clock is None or _at(now.date(), clock, now) < now + MARGIN):
        ahead = 7
    return now.date() + timedelta(days=ahead)


def _calendar_day(ymd: tuple[int | None, int, int], today: date) -> date:
    """A date; without a year, this year's or, once it has passed, next year's."""
    year, month, day = ymd
    try:
        found = date(year or today.year, month, day)
        if year is None and found < today:
            found = found.replace(year=today.year + 1)
    except ValueError as error:  # 31.02
        raise _Invalid from error
    return found


def _time_only(slots: Slots, clock: tuple[int, int] | None, now: datetime) -> datetime:
    """Today if still ahead, else tomorrow; a bare part of the day ('вечером') only today."""
    if clock is None:
        raise _Unclear
    moment = _at(now.date(), clock, now)
    if moment >= now + MARGIN:
        return moment
    if "time" not in slots:
        raise _Unclear
    return _at(now.date() + timedelta(days=1), clock, now)


def _after_offset(slots: Slots, clock: tuple[int, int] | None, now: datetime) -> datetime:
    """'in 2 hours' alone; 'in 3 days' at the same time of day or at the time given."""
    minutes, in_days = slots["offset"]
    if set(slots) - {"offset", "time", "period", "ampm"} or (len(slots) > 1 and not in_days):
        raise _Invalid
    start = now.replace(second=0, microsecond=0)
    if not in_days:  # in UTC, so that "in 2 hours" stays 2 hours across a clock change
        return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(now.tzinfo)
    day = start.date() + timedelta(days=minutes // UNIT_MINUTES["day"])
    return _at(day, clock or (start.hour, start.minute), now)


def _at(day: date, clock: tuple[int, int], now: datetime) -> datetime:
    return datetime.combine(day, time(*clock), tzinfo=now.tzinfo)


def _within_a_year(moment: datetime, now: datetime) -> datetime:
    try:
        limit = now.replace(year=now.year + 1)
    except ValueError:  # 29 February
        limit = now + timedelta(days=365)
    if moment > limit:
        raise _Unclear
    return moment
