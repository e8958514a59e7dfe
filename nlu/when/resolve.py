"""Slots -> a moment: the day, the hour of the day, and the rule that it lies ahead."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from nlu.when.grammar import Invalid, Slots, Unclear
from nlu.when.lexicon import MIDNIGHT, UNIT_MINUTES, vocabulary

MARGIN = timedelta(minutes=1)  # a moment must be at least this far ahead


def moment(slots: Slots, now: datetime) -> datetime:
    """The moment the slots name; Unclear if there is not exactly one ahead within a year."""
    clock = _clock(slots)
    if clock == MIDNIGHT[:2]:
        return _midnight(slots, now)
    if "offset" in slots:
        return _within_a_year(_after_offset(slots, clock, now), now)
    days = _days(slots, now, clock)
    if not days:
        return _time_only(slots, clock, now)
    if len(days) > 1:
        raise Invalid  # "tomorrow, Friday" when tomorrow is Thursday
    if clock is None:
        raise Unclear  # a day without a time
    found = _at(days.pop(), clock, now)
    if found < now + MARGIN:
        raise Unclear
    return _within_a_year(found, now)


def _midnight(slots: Slots, now: datetime) -> datetime:
    """'midnight', 'midnight tonight', 'в 12 ночи': 00:00 after today; another day's: ask."""
    if set(slots) - {"time", "period", "rel"} or slots.get("rel", 0) != 0:
        raise Unclear  # "завтра в полночь": the night before or after tomorrow?
    return _at(now.date() + timedelta(days=1), (0, 0), now)


def _clock(slots: Slots) -> tuple[int, int] | None:
    """(hour, minute) from the time, am/pm and part-of-day slots; None if no time is said."""
    period, ampm = slots.get("period"), slots.get("ampm")
    if "time" not in slots:
        if ampm:
            raise Invalid
        return _period_default(period) if period else None
    hour, minute, padded = slots["time"]
    if (hour, minute) == MIDNIGHT[:2]:
        if ampm or period not in (None, "evening", "night", "pm"):
            raise Invalid  # "midnight in the morning"
        return hour, minute
    found = _hour_of_day(hour, padded, period, ampm)
    if found == MIDNIGHT[0] and minute:
        raise Unclear  # "12:30 ночи": past midnight, but which night?
    return found, minute


def _hour_of_day(hour: int, padded: bool, period: str | None, ampm: str | None) -> int:
    """'7' + 'вечера' = 19, '9' + 'pm' = 21; '3' alone could be 3 or 15: ask back."""
    meanings = {_ampm_hour(hour, ampm)} if ampm else set()
    if period:
        meanings.add(_period_hour(hour, period))
    if len(meanings) > 1:
        raise Invalid  # "9 pm утра"
    found = meanings.pop() if meanings else _bare_hour(hour, padded)
    if found is None:
        raise Unclear
    return found


def _period_default(period: str) -> tuple[int, int]:
    default = vocabulary()["periods"][period]["default"]
    if default is None:
        raise Unclear  # "tomorrow night": when?
    return default, 0


def _period_hour(hour: int, period: str) -> int | None:
    for low, high, add in vocabulary()["periods"][period]["hours"]:
        if low <= hour <= high:
            return hour + add
    return None


def _ampm_hour(hour: int, ampm: str) -> int | None:
    if not 1 <= hour <= 12:
        raise Invalid
    if hour == 12 and ampm == "am":
        return None  # midnight or noon? people mix them up
    return hour % 12 + (12 if ampm == "pm" else 0)


def _bare_hour(hour: int, padded: bool) -> int | None:
    low, high = vocabulary()["bare_hours"]
    return hour if padded or low <= hour <= high else None


def _days(slots: Slots, now: datetime, clock: tuple[int, int] | None) -> set[date]:
    today, days = now.date(), set()
    if "rel" in slots:
        days.add(today + timedelta(days=slots["rel"]))
    if "weekday" in slots:
        days.add(_weekday(slots, now, clock))
    elif "week" in slots or "next" in slots:
        raise Unclear  # "next week": which day?
    if "dom" in slots:
        days.add(_day_of_month(slots["dom"], now, clock))
    if "ymd" in slots:
        days.add(_calendar_day(slots["ymd"], today))
    return days


def _weekday(slots: Slots, now: datetime, clock: tuple[int, int] | None) -> date:
    """A weekday; "next <weekday>" and "<weekday> next week" follow the rule in docs/dates.md.

    "<weekday> next week" is that day of the next Monday-to-Sunday week. "next <weekday>" is
    the same day, but only when this week's one has passed or is today; while this week's is
    still ahead ("next Friday" said on Wednesday: this Friday or the one after?) it is unclear.
    """
    weekday, today = slots["weekday"], now.date()
    next_week = today + timedelta(days=7 - today.weekday() + weekday)
    if "week" in slots:
        return next_week
    if "next" in slots:
        if weekday > today.weekday():
            raise Unclear
        return next_week
    return _next_weekday(weekday, now, clock)


def _day_of_month(day: int, now: datetime, clock: tuple[int, int] | None) -> date:
    """'15-го', 'on the 15th': this month's if still ahead, else the next month that has it."""
    year, month = now.year, now.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:  # no 31st in November
            found = None
        if found and (
            found > now.date()
            or (found == now.date() and clock and _at(found, clock, now) >= now + MARGIN)
        ):
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise Invalid


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
        raise Invalid from error
    return found


def _time_only(slots: Slots, clock: tuple[int, int] | None, now: datetime) -> datetime:
    """Today if still ahead, else tomorrow; a bare part of the day ('вечером') only today."""
    if clock is None:
        raise Unclear
    found = _at(now.date(), clock, now)
    if found >= now + MARGIN:
        return found
    if "time" not in slots:
        raise Unclear
    return _at(now.date() + timedelta(days=1), clock, now)


def _after_offset(slots: Slots, clock: tuple[int, int] | None, now: datetime) -> datetime:
    """'in 2 hours' alone; 'in 3 days' at the same time of day or at the time given."""
    minutes, in_days = slots["offset"]
    if set(slots) - {"offset", "time", "period", "ampm"} or (len(slots) > 1 and not in_days):
        raise Invalid
    start = now.replace(second=0, microsecond=0)
    if not in_days:  # in UTC, so that "in 2 hours" stays 2 hours across a clock change
        return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(now.tzinfo)
    day = start.date() + timedelta(days=minutes // UNIT_MINUTES["day"])
    return _at(day, clock or (start.hour, start.minute), now)


def _at(day: date, clock: tuple[int, int], now: datetime) -> datetime:
    return datetime.combine(day, time(*clock), tzinfo=now.tzinfo)


def _within_a_year(found: datetime, now: datetime) -> datetime:
    try:
        limit = now.replace(year=now.year + 1)
    except ValueError:  # 29 February
        limit = now + timedelta(days=365)
    if found > limit:
        raise Unclear
    return found
