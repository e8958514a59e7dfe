"""The grammar, the same for all 12 languages: one reading's items -> slots.

A reading is a sequence of typed items, one kind letter each (see lexicon.KINDS). Regular
expressions over the kind letters pick out a duration, a day, a date, a time, a part of the
day; each fills slots (date, weekday, time, period, am/pm, offset). A reading the grammar does
not cover, or that fills a slot twice, raises Invalid and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from nlu.when.lexicon import UNIT_MINUTES
from nlu.when.tokens import Item

Slots = dict[str, Any]


class Invalid(Exception):
    """This reading does not parse: drop it and trust the others."""


class Unclear(Exception):
    """This reading parses but names no single future moment: ask back."""


PAUSE = Item("_")  # where a filler stood: "ten (to) nine" is not nineteen


def join_numbers(items: list[Item]) -> list[Item]:
    """Number words in a row make one number: 'twenty five', 'on bir', 二十五."""
    joined: list[Item] = []
    for item in items:
        if item == PAUSE:
            joined.append(item)
            continue
        previous = joined[-1] if joined else None
        if previous and _is_number_word(previous) and _is_number_word(item):
            value = _join(previous.value, item.value)
            if value is not None:
                joined[-1] = Item("N", value)
                continue
        joined.append(item)
    return [item for item in joined if item != PAUSE]


def _is_number_word(item: Item) -> bool:
    return item.kind == "N" and not item.text


def _join(left: float, right: float) -> int | None:
    if left == 0 and 1 <= right <= 9 and float(right).is_integer():
        return int(right)  # 九点零五: "zero five" minutes
    if right == 10 and 1 <= left <= 9:
        return int(left) * 10
    if left >= 10 and left % 10 == 0 and 1 <= right <= 9 and float(right).is_integer():
        return int(left + right)
    return None


def slots(items: Sequence[Item]) -> Slots:
    """The slots of one reading; Invalid if the grammar does not cover it."""
    kinds = "".join(item.kind for item in items)
    found: Slots = {}
    position = 0
    while position < len(items):
        position = _step(kinds, items, position, found)
    return found


def _step(kinds: str, items: Sequence[Item], position: int, found: Slots) -> int:
    """Apply the first rule that fits at `position`; a slot filled twice drops the reading."""
    for pattern, rule in _RULES:
        match = pattern.match(kinds, position)
        filled = rule(items[position : match.end()]) if match else None
        if match and filled is not None:
            if filled.keys() & found.keys():
                raise Invalid
            found.update(filled)
            return match.end()
    raise Invalid


def _duration(items: Sequence[Item]) -> Slots:
    """'через 2 часа', '2 soatdan keyin', '两个半小时后', 'بعد ساعتين', '1 час 30 минут'."""
    parts = list(_counted_units(items))
    minutes = sum(count * UNIT_MINUTES[unit] for count, unit in parts)
    if minutes <= 0 or not float(minutes).is_integer():
        raise Invalid
    return {"offset": (int(minutes), {unit for _, unit in parts} <= {"day", "week"})}


def _counted_units(items: Sequence[Item]) -> Iterator[tuple[float, str]]:
    """(count, unit) for 'N U', 'U' (one), 'H U' (half), 'N H U', 'R', and 'U H' (and a half)."""
    count, unit = None, None
    for item in items:
        if item.kind == "H" and count is None and unit:
            yield 0.5, unit
        elif item.kind in "NHF":
            count = (count or 0) + {"N": item.value, "H": 0.5, "F": 0.25}.get(item.kind, 0)
        elif item.kind in "UR":
            got, unit = (
                item.value if item.kind == "R" else (1 if count is None else count, item.value)
            )
            yield got, unit
            count = None


def _bare_duration(items: Sequence[Item]) -> Slots | None:
    """'2 дня' without 'через': a count of days, or 2 in the afternoon? Ask back."""
    if items[1].value in ("day", "week"):
        raise Unclear
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


def _dom(items: Sequence[Item]) -> Slots | None:
    """A day of the month without a month: the next such day."""
    day = next(item for item in items if item.kind in "Nh")
    return {"dom": day.value} if _day_of_month(day) else None


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


def _before(hour: Item, minutes_before: int) -> Slots | None:
    """'quarter to 10', 'без четверти 10', '10 إلا ربع': minutes before a spoken hour."""
    value = hour.value
    if not isinstance(value, int) or not 1 <= value <= 24 or not 0 < minutes_before <= 30:
        return None
    return {"time": (value - 1 if value > 1 else 12, 60 - minutes_before, False)}


def _into(nth: Item, minutes: int) -> Slots | None:
    """'полдесятого', 'пів на десяту', 'четверть десятого': minutes into the tenth hour."""
    value = nth.value
    if not isinstance(value, int) or not 1 <= value <= 24:
        return None
    return {"time": (value - 1 if value > 1 else 12, minutes, False)}


def _quarters(items: Sequence[Item]) -> int:
    """15 per quarter: 'quarter' alone is one, 一刻 one, 三刻 three."""
    count = next((item.value for item in items if item.kind == "N"), 1)
    return int(count * 15) if count in (1, 2, 3) else -1


def _quarter_to(items: Sequence[Item]) -> Slots | None:
    """'quarter to 10', 'без четверти 10', '差一刻十点', 'یک ربع به ده'."""
    hour = [item for item in items if item.kind == "N"][-1]
    counted = [item for item in items if item.kind in "NF" and item is not hour]
    return _before(hour, _quarters(counted))


def _hour_then_quarter_to(items: Sequence[Item]) -> Slots | None:
    """'10 إلا ربعا', 'deh kêm çaryek', '十点差一刻', "o'nga chorak kam"."""
    hour = next(item for item in items if item.kind == "N")
    return _before(hour, _quarters([item for item in items if item is not hour]))


def _quarter_past(items: Sequence[Item]) -> Slots | None:
    """'quarter past 9', "to'qqizdan chorak o'tdi", '9 وربع', '九点一刻' (9:15)."""
    numbers = [item for item in items if item.kind == "N"]
    hour = numbers[-1] if items[0].kind == "F" else numbers[0]
    return _hour(hour, _quarters([item for item in items if item is not hour]))


def _minutes_to(items: Sequence[Item]) -> Slots | None:
    """'ten to nine', 'без 5 минут 10', '差五分十点': minutes before the hour."""
    minutes, hour = (item for item in items if item.kind == "N")
    if not isinstance(minutes.value, int):
        return None
    return _before(hour, minutes.value)


def _next_week(items: Sequence[Item]) -> Slots | None:
    """'next week', 'на следующей неделе', 'hefteya bê' (with a weekday: that week's day)."""
    unit = next((item for item in items if item.kind == "U"), None)
    return {"week": 1} if unit is None or unit.value == "week" else None


def _hour_minutes(items: Sequence[Item], before: bool) -> Slots | None:
    """An hour, then minutes before it or past it (Turkic: "10-a 15 dəqiqə qalmış")."""
    hour, minutes = (item for item in items if item.kind == "N")
    unit = items[-2]
    if (unit.kind == "U" and unit.value != "minute") or not isinstance(minutes.value, int):
        return None
    return _before(hour, minutes.value) if before else _hour(hour, minutes.value)


def _words_to(items: Sequence[Item]) -> Slots | None:
    minutes = next(item for item in items if item.kind == "N")
    return None if minutes.text else _minutes_to(items)


def _minutes_past(items: Sequence[Item]) -> Slots | None:
    """'twenty past nine'."""
    minutes, hour = (item for item in items if item.kind == "N")
    if not isinstance(minutes.value, int) or minutes.value > 30:
        return None
    return _hour(hour, minutes.value)


def _weekday_next(items: Sequence[Item]) -> Slots:
    """'next Tuesday', 'вторник следующий', 'sêşema bê': the rule is in resolve."""
    return {"weekday": next(item.value for item in items if item.kind == "W"), "next": True}


def _rule(pattern: str, rule: Callable[[Sequence[Item]], Slots | None]):
    return re.compile(pattern), rule


_RULES = (
    _rule(r"I(?:[NF]?H?U|R)H?(?:NH?UH?)*L?", _duration),
    _rule(r"(?:[NF]?H?U|R)H?(?:NH?UH?)*L", _duration),
    _rule(r"NU(?![IL])", _bare_duration),
    _rule(r"D", lambda items: {"rel": items[0].value}),
    _rule(r"XC?W|C?WX(?!U)", _weekday_next),
    _rule(r"w|XU|UX", _next_week),
    _rule(r"W", lambda items: {"weekday": items[0].value}),
    _rule(r"YE?", lambda items: {"ymd": items[0].value}),
    _rule(r"NJ?M(?:ZE?)?", _day_then_month),
    _rule(r"MNJ?(?:ZE?)?", _month_then_day),
    _rule(r"(?:ZE)?NKNJ?", _cjk_date),
    _rule(r"C(?=[WDXw])", lambda items: {}),  # "в пятницу", "у п'ятницю"
    _rule(r"G(?=W)|(?<=[WMJY])G", lambda items: {}),  # "روز جمعه", "juma kuni"
    _rule(r"G?NJ+G?|GNJ*G?|hJ+", _dom),  # "15-го", "on the 15th", "roja 15ê", "aýyň 15-inde"
    _rule(r"C?FBC?NO?", _quarter_to),  # "quarter to 10"
    _rule(r"C?BN?FC?NO?", _quarter_to),  # "без четверти 10", "差一刻十点"
    _rule(r"C?NO?BN?F", _hour_then_quarter_to),  # "10 إلا ربع", "十点差一刻"
    _rule(r"C?NO?FB", _hour_then_quarter_to),  # "o'nga chorak kam"
    _rule(r"C?FSN|C?NO?S?N?FS?", _quarter_past),  # "quarter past 9", "9 وربع", "九点一刻"
    _rule(r"C?[FH]h", lambda items: _into(items[-1], 15 if items[-2].kind == "F" else 30)),
    _rule(r"C?BNm?C?NO?", _minutes_to),  # "без 5 минут 10", "差五分十点"
    _rule(r"C?Nm?BN", _words_to),  # "ten to nine" (not "10 to 11": a range)
    _rule(r"C?Nm?SN", _minutes_past),  # "twenty past nine"
    _rule(
        r"C?NN[mU]B", lambda items: _hour_minutes(items, before=True)
    ),  # "10-a 15 dəqiqə qalmış"
    _rule(
        r"C?NN[mU]S", lambda items: _hour_minutes(items, before=False)
    ),  # "9 dan 15 daqiqa o'tganda"
    _rule(r"C?Nmh", lambda items: _into(items[-1], items[-3].value)),  # "пять минут десятого"
    _rule(r"C?TO?", _time_item),
    _rule(r"C?NO(?:Nm?|H)?", _oclock),
    _rule(r"CNNm?", _hour_minute),
    _rule(r"C?NH", lambda items: _hour(items[-2], 30)),  # "9 yarim", "۹ و نیم"
    _rule(r"C?HSN", lambda items: _hour(items[-1], 30)),  # "half past 9"
    _rule(r"C?N", lambda items: _hour(items[-1])),
    _rule(r"P", lambda items: {"period": items[0].value}),
    _rule(r"A", lambda items: {"ampm": items[0].value}),
)
