"""Folding a reminder-time phrase and cutting it into tokens; numbers and dates as items."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nlu.folding import drop_combining, fold_letters

_LETTERS = str.maketrans(
    {"ı": "i", "ə": "e", "ү": "у", "ө": "о", "ң": "н", "ӊ": "н", "ҳ": "х", "ҷ": "ч",
     "қ": "к", "ғ": "г", "ە": "ه"}
    | {chr(0x660 + d): str(d) for d in range(10)}
    | {chr(0x6F0 + d): str(d) for d in range(10)}
)  # fmt: skip
_DOTTED_AMPM = re.compile(r"(\d)\s*([ap])\.\s?m\b\.?")
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_TOKEN = re.compile(
    r"(?P<ymd>\d{4}[-./]\d{1,2}[-./]\d{1,2})(?!\d)"
    r"|(?P<dmy>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?!\d)"
    r"|(?P<hm>\d{1,2}:\d{2})(?!\d)"
    r"|(?P<dot>\d{1,2}\.\d{1,2})(?!\d)"
    r"|(?P<slash>\d{1,2}/\d{1,2})(?!\d)"
    r"|(?P<decimal>\d{1,2},\d)(?!\d)"
    r"|(?P<dash>\d{1,2}-\d{1,2})(?![\d\w])"
    r"|(?P<num>\d+)"
    rf"|(?P<cjk>[{CJK}])"
    rf"|(?P<word>[^\W\d_{CJK}]+(?:'[^\W\d_{CJK}]+)*)"
)


@dataclass(frozen=True)
class Item:
    """One meaning of a token: a kind letter (see lexicon.KINDS) and its value."""

    kind: str
    value: Any = None
    text: str = ""  # digits as typed ("09" is a 24-hour clock); "" for a word


Alternatives = tuple[tuple[Item, ...], ...]
UNKNOWN: Alternatives = ((Item("x"),),)
JUNK: Alternatives = ((Item("Q"),),)


def fold(text: str) -> str:
    """Lower case without diacritics, one form per letter, ASCII digits, "9 am" for 9 a.m."""
    text = drop_combining(fold_letters(unicodedata.normalize("NFKC", text)))
    return _DOTTED_AMPM.sub(r"\1 \2m", text.translate(_LETTERS))


def tokens(text: str) -> list[tuple[str, str]]:
    """(group, text) for each token of folded text: "word", "cjk", "num", "hm", "dot" ..."""
    return [(match.lastgroup or "", match.group()) for match in _TOKEN.finditer(text)]


def numeric(group: str, text: str, orders: dict[str, str]) -> Alternatives:
    """The meanings of a token of digits, in the language's order of day and month."""
    return _NUMERIC[group](text, orders)


def _number_token(text: str, _orders: dict[str, str]) -> Alternatives:
    if len(text) <= 3:
        return ((Item("N", int(text), text),),)
    return ((Item("Z", int(text), text),),) if len(text) == 4 else JUNK


def _clock_token(text: str, _orders: dict[str, str]) -> Alternatives:
    hour, minute = text.split(":")
    if int(hour) > 23 or int(minute) > 59:
        return JUNK
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
    return found or JUNK


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
    return found or JUNK


def _slash_token(text: str, orders: dict[str, str]) -> Alternatives:
    first, second = text.split("/")
    return _day_month(int(first), int(second), orders["slash"]) or JUNK


def _full_date_token(text: str, orders: dict[str, str]) -> Alternatives:
    first, second, year = re.split(r"[./]", text)
    order = orders["slash" if "/" in text else "dot"]
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    return _day_month(int(first), int(second), order, full_year) or JUNK


def _iso_token(text: str, _orders: dict[str, str]) -> Alternatives:
    year, month, day = (int(part) for part in re.split(r"[-./]", text))
    return ((Item("Y", (year, month, day)),),) if 1 <= month <= 12 else JUNK


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
