"""The vocabulary of reminder times (when_words.yml): loading, validating, and lexing with it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlu.when.tokens import UNKNOWN, Alternatives, Item, fold, numeric, tokens

WORDS_FILE = Path(__file__).with_name("when_words.yml")
MIDNIGHT = (24, 0, True)  # the end of today: 00:00 of the next day
UNIT_MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080}

# Meaning names in when_words.yml -> one-letter kinds the grammar is written in.
KINDS = {
    "day": "D", "weekday": "W", "month": "M", "num": "N", "unit": "U", "dur": "R",
    "time": "T", "period": "P", "ampm": "A", "in": "I", "later": "L", "clock": "C",
    "oclock": "O", "minutes": "m", "half": "H", "past": "S", "monthmark": "K",
    "daymark": "J", "yearmark": "E", "dayword": "G", "next": "X", "stop": "!", "other": "x",
    "guard": "x", "quarter": "F", "to": "B", "nth": "h", "nextweek": "w", "midnight": "T",
}  # fmt: skip
# An unknown word next to the phrase that is one typo away from a word of these kinds ("fridy
# at 10", "в 9 вечра") may be a time word: None. Typos of units and prepositions break the
# phrase anyway; stop words count only from LOOKALIKE_STOP letters ("yesterdy").
LOOKALIKE_KINDS = frozenset("DWMPATOHSN")
LOOKALIKE_STOP = 7
LOOKALIKE_MIN = 4  # shorter words have too many neighbours


@dataclass(frozen=True)
class Lexeme:
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
        return self.alternatives == UNKNOWN

    @property
    def is_filler(self) -> bool:
        return not any(self.alternatives)

    @property
    def is_stop(self) -> bool:
        return any(item.kind == "!" for item in self._items())

    @property
    def is_guard(self) -> bool:
        return any(item == Item("x", "guard") for item in self._items())


@dataclass(frozen=True)
class Table:
    phrases: dict[tuple[str, ...], Alternatives]
    stems: tuple[tuple[str, Alternatives], ...]  # longest first
    longest: int


@dataclass(frozen=True)
class Language:
    tables: tuple[Table, ...]  # the user's language first, then the fallbacks
    orders: dict[str, str]  # numeric dates: {"dot": "dm", "slash": "any"}
    suffixes: tuple[str, ...]  # endings glued to words ("to'qqiz-da"), longest first
    lookalikes: tuple[tuple[str, bool], ...]  # (time word or stem, is a stem) to catch typos
    openers: frozenset[str]  # "on": "on <a word not known>" may be a day ("on my birthday")


@functools.cache
def vocabulary() -> dict[str, Any]:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


@functools.cache
def language(lang: str) -> Language:
    """The tables and rules for `lang`; ValueError for a language the file does not list."""
    words = vocabulary()
    if lang not in words["languages"]:
        raise ValueError(f"unknown language {lang!r}")
    names = [lang, *(name for name in words["fallback"] if name != lang)]
    tables = tuple(table(name, words["words"][name]) for name in names)
    orders = {**words["date_order"]["default"], **words["date_order"].get(lang, {})}
    suffixes = {fold(suffix) for suffix in words["suffixes"].get(lang, [])}
    ordered = tuple(sorted(suffixes, key=len, reverse=True))
    openers = frozenset(fold(word) for word in words["openers"].get(lang, []))
    return Language(tables, orders, ordered, _lookalikes(tables), openers)


def _lookalikes(tables: tuple[Table, ...]) -> tuple[tuple[str, bool], ...]:
    """The one-word time words and stems that an unknown word must not be a typo of."""
    found = set()
    for known in tables:
        for words, meaning in known.phrases.items():
            if len(words) == 1 and _looks_timely(words[0], meaning):
                found.add((words[0], False))
        found |= {(stem, True) for stem, meaning in known.stems if _looks_timely(stem, meaning)}
    return tuple(sorted(found))


def _looks_timely(word: str, meaning: Alternatives) -> bool:
    kinds = {item.kind for sequence in meaning for item in sequence}
    if "!" in kinds:
        return len(word) >= LOOKALIKE_STOP
    return len(word) >= LOOKALIKE_MIN and bool(kinds & LOOKALIKE_KINDS)


Report = Callable[[Any, str], None]


def _raise(_key: Any, message: str) -> None:
    raise ValueError(message)


def table(name: str, words: dict[str, str], report: Report = _raise) -> Table:
    """One language's words; each bad key goes to `report` (by default: ValueError)."""
    phrases: dict[tuple[str, ...], tuple[Alternatives, str]] = {}
    stems: dict[str, tuple[Alternatives, str]] = {}
    for key, spec in words.items():
        try:
            entry, meaning = _entry(name, key, spec)
            target: dict[Any, tuple[Alternatives, str]] = stems if key.endswith("*") else phrases
            other = target.setdefault(entry, (meaning, key))
            if other[0] != meaning:
                raise ValueError(f"{name}: {key!r} folds like {other[1]!r} with another meaning")
        except ValueError as error:
            report(key, str(error))
    ordered = tuple(sorted(((s, m) for s, (m, _) in stems.items()), key=lambda p: -len(p[0])))
    plain = {words: meaning for words, (meaning, _) in phrases.items()}
    return Table(plain, ordered, max(map(len, plain), default=1))


def _entry(name: str, key: Any, spec: Any) -> tuple[Any, Alternatives]:
    if not isinstance(key, str) or not isinstance(spec, str):
        raise ValueError(f"{name}: quote the key and meaning of {key!r}: {spec!r}")
    folded = tuple(text for _, text in tokens(fold(key.removesuffix("*"))))
    if not folded or (key.endswith("*") and len(folded) > 1):
        raise ValueError(f"{name}: {key!r} is not a word, a phrase or a one-word stem")
    try:
        meaning = _meaning(spec)
    except ValueError as error:
        raise ValueError(f"{name}: {key}: {error}") from error
    return (folded[0] if key.endswith("*") else folded), meaning


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
    if not words:
        raise ValueError("empty meaning")
    name, *args = words
    if name not in KINDS:
        raise ValueError(f"unknown meaning {name!r}")
    try:
        return _typed_item(name, args)
    except (IndexError, ValueError) as error:
        raise ValueError(f"bad value for {name!r}: {' '.join(args)!r}") from error


def _typed_item(name: str, args: list[str]) -> Item:
    if name in ("other", "guard"):
        return Item("x", name)
    if name == "midnight":
        return Item("T", MIDNIGHT)
    if name == "time":
        hour, minute = args[0].split(":")
        return Item("T", (int(hour), int(minute), True))
    if name == "dur":
        return Item("R", (_number(args[0]), args[1]))
    if name in ("num", "day", "weekday", "month", "nth"):
        return Item(KINDS[name], _number(args[0]))
    return Item(KINDS[name], args[0] if args else None)


def _checked(item: Item) -> Item:
    """Unit, part-of-day and am/pm names must be ones the grammar knows."""
    names = {"U": UNIT_MINUTES, "R": UNIT_MINUTES, "A": ("am", "pm")}.get(item.kind)
    names = vocabulary()["periods"] if item.kind == "P" else names
    name = item.value[1] if item.kind == "R" else item.value
    if names is not None and name not in names:
        raise ValueError(f"unknown name {name!r} in a meaning")
    return item


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


# ---------------------------------------------------------------- lexing


def lex(text: str, lang: Language) -> list[Lexeme]:
    """Every token or phrase of folded `text` with its alternatives, in order."""
    found, lexed, position = tokens(text), [], 0
    while position < len(found):
        size, alternatives = _lex_at(found, position, lang)
        words = " ".join(word for _, word in found[position : position + size])
        lexed.append(Lexeme(words, alternatives))
        position += size
    return lexed


def _lex_at(
    found: list[tuple[str, str]], position: int, lang: Language
) -> tuple[int, Alternatives]:
    group, text = found[position]
    if group not in ("word", "cjk"):
        return 1, numeric(group, text, lang.orders)
    words = [text for _, text in found[position:]]
    return _phrase(words, lang.tables) or (1, _word(text, lang))


def _word(word: str, lang: Language) -> Alternatives:
    """A word by its stem, or without an ending glued to it ("yarımda", "ҷумъаи")."""
    found = _stem(word, lang.tables)
    for suffix in lang.suffixes:
        if found is UNKNOWN and word.endswith(suffix) and len(word) > len(suffix) + 1:
            found = _known(word[: -len(suffix)], lang.tables)
    return found


def _known(word: str, tables: tuple[Table, ...]) -> Alternatives:
    phrase = _phrase([word], tables)
    return phrase[1] if phrase else _stem(word, tables)


def _phrase(words: list[str], tables: tuple[Table, ...]) -> tuple[int, Alternatives] | None:
    """The longest phrase of any table at the start of `words` (the user's language wins ties)."""
    best = None
    for known in tables:
        for size in range(min(known.longest, len(words)), 0, -1):
            found = known.phrases.get(tuple(words[:size]))
            if found and (best is None or size > best[0]):
                best = (size, found)
                break
    return best


def _stem(word: str, tables: tuple[Table, ...]) -> Alternatives:
    for known in tables:
        for stem, alternatives in known.stems:
            if word.startswith(stem):
                return alternatives
    return UNKNOWN
