"""Setting, listing and answering reminders. No Telegram here (see bot/dialogue.py)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.reminder_screens import ReminderScreens
from bot.reply import Reply
from bot.screens import Screens
from bot.services import Services
from content.sites import short_id
from nlu.when import parse_when
from storage.reminders import MAX_ACTIVE

logger = logging.getLogger(__name__)
SNOOZE = timedelta(minutes=30)
MAX_AHEAD = timedelta(days=365)
# Words that make a free-text reminder a daily medication or a vaccination (else appointment).
KIND_WORDS = {
    "medication": r"tablet|pill|medicin|таблет|лекарств|препарат|лік|dori|дори|дору|дорӯ|"
    r"derman|dərman|ilaç|дары|dermanlar|药|藥|دواء|دوا|قرص|دارو|hebên",
    "vaccination": r"vaccin|привив|вакцин|щеплен|emlash|эмлаш|ваксин|emdöö|эмдөө|peyvənd|"
    r"sanjym|waksin|aşî|vaksîn|疫苗|تطعيم|لقاح|واکسن|واكسن",
}


@dataclass(frozen=True)
class Draft:
    kind: str
    day: date | None = None
    at: datetime | None = None
    until: datetime | None = None
    note: str = ""
    awaiting_note: bool = False
    site_id: str | None = None


def _zone(services: Services) -> ZoneInfo:
    return ZoneInfo(services.settings.timezone)


def _screens(screens: Screens, services: Services) -> ReminderScreens:
    return ReminderScreens(screens, _zone(services))


def guess_kind(text: str) -> str:
    lowered = text.lower()
    for kind, pattern in KIND_WORDS.items():
        if re.search(pattern, lowered):
            return kind
    return "appointment"


def _problem(at: datetime, now: datetime) -> str | None:
    if at <= now:
        return "past"
    if at > now + MAX_AHEAD:
        return "far"
    return None


async def from_text(user_id: int, text: str, screens: Screens, services: Services) -> Reply:
    """`reminder_set` by free text: understood -> confirm; unclear -> the guided flow."""
    rs = _screens(screens, services)
    now_local = services.clock().astimezone(_zone(services))
    at = parse_when(text, screens.lang, now_local)
    if at is None:
        return rs.kinds(unclear=True)
    kind = guess_kind(text)
    draft = Draft(kind, at.date(), at.astimezone(UTC), None, "")
    services.drafts[user_id] = draft
    return rs.confirm(draft.kind, draft.at, draft.note, draft.until)


async def typed_while_drafting(user_id: int, text: str, screens: Screens, services: Services):
    """A typed note or time during the guided flow; None when the text is not part of it."""
    draft = services.drafts.get(user_id)
    if draft is None:
        return None
    rs = _screens(screens, services)
    if draft.awaiting_note:
        draft = replace(draft, note=text.strip()[:200], awaiting_note=False)
        services.drafts[user_id] = draft
        return rs.confirm(draft.kind, draft.at, draft.note, draft.until)
    if draft.at is None and (draft.day or draft.kind == "medication"):
        now_local = services.clock().astimezone(_zone(services))
        moment = parse_when(text, screens.lang, now_local)
        if moment is not None:
            return await _time_chosen(user_id, moment.time(), rs, services)
    return None


async def new(user_id: int, _arg: str, screens: Screens, services: Services) -> list[Reply]:
    services.drafts.pop(user_id, None)
    return [_screens(screens, services).kinds()]


async def kind(user_id: int, arg: str, screens: Screens, services: Services) -> list[Reply]:
    if arg not in ("appointment", "vaccination", "medication"):
        return [screens.stale()]
    services.drafts[user_id] = Draft(arg)
    rs = _screens(screens, services)
    if arg == "medication":
        return [rs.times(daily=True)]
    return [rs.days(services.clock().astimezone(_zone(services)).date())]


async def at_site(user_id: int, arg: str, screens: Screens, services: Services):
    """'Remind me of a visit here' under a site found by 'Find the nearest'."""
    site = next((s for s in screens.content.sites if short_id(s.id) == arg), None)
    if site is None:
        return [screens.stale()]
    services.drafts[user_id] = Draft("appointment", site_id=site.id)
    today = services.clock().astimezone(_zone(services)).date()
    return [_screens(screens, services).days(today)]


async def more_days(user_id: int, arg: str, screens: Screens, services: Services):
    if user_id not in services.drafts or not arg.isdigit():
        return [screens.stale()]
    today = services.clock().astimezone(_zone(services)).date()
    return [_screens(screens, services).days(today, start=min(int(arg), 350))]


async def day(user_id: int, arg: str, screens: Screens, services: Services) -> list[Reply]:
    draft = services.drafts.get(user_id)
    try:
        chosen = date.fromisoformat(arg)
    except ValueError:
        return [screens.stale()]
    if draft is None:
        return [screens.stale()]
    services.drafts[user_id] = replace(draft, day=chosen)
    return [_screens(screens, services).times(daily=False)]


async def clock_time(user_id: int, arg: str, screens: Screens, services: Services):
    if user_id not in services.drafts or not re.fullmatch(r"([01]\d|2[0-3])[0-5]\d", arg):
        return [screens.stale()]
    chosen = time(int(arg[:2]), int(arg[2:]))
    return [await _time_chosen(user_id, chosen, _screens(screens, services), services)]


async def _time_chosen(user_id: int, chosen: time, rs: ReminderScreens, services: Services):
    draft = services.drafts[user_id]
    zone, now = _zone(services), services.clock()
    today = now.astimezone(zone).date()
    local = datetime.combine(draft.day or today, chosen, tzinfo=zone)
    if draft.kind == "medication" and local <= now:
        local += timedelta(days=1)  # the first dose is the next one at that time
    draft = replace(draft, at=local.astimezone(UTC))
    services.drafts[user_id] = draft
    problem = _problem(draft.at, now)
    if problem:
        return rs.problem(problem)
    return rs.until() if draft.kind == "medication" else rs.confirm(draft.kind, draft.at, "", None)


async def until(user_id: int, arg: str, screens: Screens, services: Services):
    draft = services.drafts.get(user_id)
    if draft is None or draft.at is None or not arg.isdigit():
        return [screens.stale()]
    ends = draft.at + timedelta(days=int(arg)) if int(arg) else None
    services.drafts[user_id] = draft = replace(draft, until=ends)
    return [_screens(screens, services).confirm(draft.kind, draft.at, draft.note, draft.until)]


async def note(user_id: int, _arg: str, screens: Screens, services: Services):
    draft = services.drafts.get(user_id)
    if draft is None or draft.at is None:
        return [screens.stale()]
    services.drafts[user_id] = replace(draft, awaiting_note=True)
    return [_screens(screens, services).ask_note()]


async def save(user_id: int, _arg: str, screens: Screens, services: Services) -> list[Reply]:
    draft = services.drafts.pop(user_id, None)
    rs = _screens(screens, services)
    if draft is None or draft.at is None:
        return [screens.stale()]
    now = services.clock()
    problem = _problem(draft.at, now)
    if problem is None and await services.reminders.active_count(user_id) >= MAX_ACTIVE:
        problem = "limit"
    if problem:
        return [rs.problem(problem)]
    await services.users.get_or_create(user_id)
    offsets = [timedelta(minutes=m) for m in services.settings.reminder_offsets]
    await services.reminders.add(
        user_id, draft.kind, draft.at, now=now, offsets=offsets, note=draft.note,
        until=draft.until, site_id=draft.site_id,
    )  # fmt: skip
    logger.info("reminder_saved", extra={"kind": draft.kind})
    return [rs.saved()]


async def stop(user_id: int, _arg: str, screens: Screens, services: Services) -> list[Reply]:
    services.drafts.pop(user_id, None)
    return [_screens(screens, services).problem("stopped")]


async def listing(user_id: int, screens: Screens, services: Services) -> Reply:
    reminders = await services.reminders.upcoming(user_id)
    discreet = await services.users.discreet(user_id)
    return _screens(screens, services).listing(reminders, discreet)


async def cancel(user_id: int, arg: str, screens: Screens, services: Services) -> list[Reply]:
    if not arg.isdigit() or not await services.reminders.cancel(user_id, int(arg)):
        return [screens.stale()]
    return [_screens(screens, services).cancelled(), await listing(user_id, screens, services)]


async def discreet(user_id: int, arg: str, screens: Screens, services: Services):
    await services.users.get_or_create(user_id)
    await services.users.set_discreet(user_id, arg == "1")
    return [_screens(screens, services).discreet_set(arg == "1")]


async def dose(user_id: int, arg: str, screens: Screens, services: Services, *, taken: bool):
    reminder_id, _, stamp = arg.partition(":")
    if not reminder_id.isdigit() or not stamp.isdigit():
        return [screens.stale()]
    reminder = await services.reminders.get(user_id, int(reminder_id))
    if reminder is None or reminder.kind != "medication":
        return [screens.stale()]
    occurrence = datetime.fromtimestamp(int(stamp), UTC)
    now = services.clock()
    if taken:
        await services.reminders.record_dose(reminder.id, occurrence, "taken", now)
    else:
        await services.reminders.plan(reminder.id, now + SNOOZE, occurrence)
    return [_screens(screens, services).dose_reply(taken)]


async def taken(user_id: int, arg: str, screens: Screens, services: Services):
    return await dose(user_id, arg, screens, services, taken=True)


async def snooze(user_id: int, arg: str, screens: Screens, services: Services):
    return await dose(user_id, arg, screens, services, taken=False)


async def adherence(user_id: int, screens: Screens, services: Services) -> Reply:
    zone, now = _zone(services), services.clock()
    today = now.astimezone(zone).date()
    first = today - timedelta(days=29)
    since = datetime.combine(first, time(0), tzinfo=zone)
    by_day: dict[date, str] = {}
    for occurrence, status in (await services.reminders.doses(user_id, since)).items():
        local_day = datetime.strptime(occurrence, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        key = local_day.astimezone(zone).date()
        by_day[key] = "missed" if "missed" in (status, by_day.get(key)) else status
    days = [(first + timedelta(days=n), by_day.get(first + timedelta(days=n))) for n in range(30)]
    return _screens(screens, services).adherence(days)


ACTIONS = {
    "rnew": new, "rk": kind, "rdays": more_days, "rd": day, "rt": clock_time, "ru": until,
    "rnote": note, "rsave": save, "rstop": stop, "rc": cancel, "discreet": discreet,
    "taken": taken, "snooze": snooze, "rsite": at_site,
}  # fmt: skip
