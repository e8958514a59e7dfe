"""Self-checks: from "I have been coughing for weeks" to a named place and a reminder.

No Telegram here. The answers so far travel in the (signed) button data, never in the
database: a check survives a restart, needs no session, and the screening answers are gone
once the result is shown. Only the result level and its day are kept (storage/selfchecks.py).

Button data is "check:state". A scored check's state is its answers so far (y / n / u per
question). The HIV flow's state is a path: "r" (in the last 72 hours) + day 0-3 + time block
n/m/a/e; "u" (not sure when); "o" (longer ago) + w/l/y (weeks) + y/n (risk goes on).
"""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.reply import Reply
from bot.screens import Screens
from bot.selfcheck_screens import SelfcheckScreens
from bot.services import Services
from content.selfchecks import NO, UNSURE, YES, SelfCheck
from storage import events
from storage.selfchecks import OUTCOMES

ANSWERS = YES + NO + UNSURE
FOLLOW_UP_AFTER = timedelta(days=7)
BLOCK_START = {"n": 0, "m": 6, "a": 12, "e": 18}  # night, morning, afternoon, evening
WEEKS = ("w", "l", "y")  # under 6 weeks, 6 weeks to 3 months, over 3 months
WINDOW_RESULT = {"w": "early", "l": "lab", "y": "any_test"}


async def choose(user_id: int, _arg: str, screens: Screens, services: Services) -> list[Reply]:
    """/check and the menu's button: the list of self-checks."""
    return [SelfcheckScreens(screens).choose()]


async def step(user_id: int, arg: str, screens: Screens, services: Services) -> list[Reply]:
    """One answer (or Back): the next question, or the result."""
    check_id, _, state = arg.partition(":")
    check = screens.content.selfchecks.get(check_id)
    if check is None:
        return [screens.stale()]
    if check.scored:
        return await _scored(user_id, check, state, screens, services)
    return await _hiv(user_id, check, state, screens, services)


async def _scored(
    user_id: int, check: SelfCheck, answers: str, screens: Screens, services: Services
) -> list[Reply]:
    view = SelfcheckScreens(screens)
    if len(answers) > len(check.questions) or any(a not in ANSWERS for a in answers):
        return [screens.stale()]
    given = dict(zip((q.id for q in check.questions), answers, strict=False))
    if any(q.danger and given.get(q.id) == YES for q in check.questions):
        await _count(check, "emergency", screens, services)
        return [screens.answer("emergency")]
    if len(answers) < len(check.questions):
        return [view.question(check, answers)]
    rule = check.result(given)
    result_id = await _keep(user_id, check, rule.level, screens, services)
    replies = [view.result(check, check.levels[rule.level][screens.lang], rule.reason)]
    if rule.level != "none":
        replies.append(view.follow_up_offer(result_id))
    return replies


async def _hiv(
    user_id: int, check: SelfCheck, path: str, screens: Screens, services: Services
) -> list[Reply]:
    view = SelfcheckScreens(screens)
    if path in ("", "r", "o") or (len(path) == 2 and path[0] == "r" and path[1] in "0123"):
        return [view.hiv_question(check, path)]
    if len(path) == 2 and path[0] == "o" and path[1] in WEEKS:
        return [view.hiv_question(check, path)]
    level, extra = _hiv_result(check, path, screens, services)
    if level is None:
        return [screens.stale()]
    text = check.results[level][screens.lang].replace("{hours}", str(extra))
    if path.startswith("o") and path.endswith("y"):
        text += "\n\n" + check.results["prep"][screens.lang]
    result_id = await _keep(user_id, check, level, screens, services)
    return [view.result(check, text), view.follow_up_offer(result_id)]


def _hiv_result(
    check: SelfCheck, path: str, screens: Screens, services: Services
) -> tuple[str | None, int]:
    """The result for a complete path: (level, hours of PEP window left)."""
    if path == "u":
        return "pep_unsure", 0
    if len(path) == 3 and path[0] == "r" and path[1] in "0123" and path[2] in BLOCK_START:
        left = pep_hours_left(
            services.clock(), int(path[1]), BLOCK_START[path[2]],
            ZoneInfo(services.settings.timezone), window=check.pep_hours,
        )  # fmt: skip
        return ("pep", left) if left > 0 else ("early", 0)
    if len(path) == 3 and path[0] == "o" and path[1] in WEEKS and path[2] in (YES, NO):
        return WINDOW_RESULT[path[1]], 0
    return None, 0


def pep_hours_left(
    now: datetime, days_ago: int, block_start: int, zone: ZoneInfo, *, window: int = 72
) -> int:
    """Whole hours left of the PEP window, counting from the earliest moment the person named
    (the start of that part of that day): when unsure, the bot errs towards hurry."""
    local_day = now.astimezone(zone).date() - timedelta(days=days_ago)
    exposure = datetime.combine(local_day, time(block_start), tzinfo=zone)
    elapsed = max(0.0, (now - exposure).total_seconds() / 3600)
    return math.floor(window - elapsed)


async def _keep(
    user_id: int, check: SelfCheck, level: str, screens: Screens, services: Services
) -> int:
    await _count(check, level, screens, services)
    user = await services.users.get_or_create(user_id)
    if user.lang is None:  # the follow-up a week later must come in the same language
        await services.users.set_lang(user_id, screens.lang)
    return await services.selfchecks.add(user_id, check.id, level, services.clock())


async def _count(check: SelfCheck, level: str, screens: Screens, services: Services) -> None:
    await services.events.count(
        events.SELFCHECK, lang=screens.lang, now=services.clock(), key=check.id, value=level
    )


async def follow_up(user_id: int, arg: str, screens: Screens, services: Services):
    """The answer to "Shall I ask you in 7 days?"."""
    result_id, _, yes = arg.partition(":")
    view = SelfcheckScreens(screens)
    if yes != "1":
        return [view.no_follow_up()]
    due = services.clock() + FOLLOW_UP_AFTER
    if not result_id.isdigit() or not await services.selfchecks.ask_later(
        user_id, int(result_id), due
    ):
        return [screens.stale()]
    return [view.follow_up_planned(due, ZoneInfo(services.settings.timezone))]


async def outcome(user_id: int, arg: str, screens: Screens, services: Services):
    """The answer to the follow-up question: went, not yet, or what stood in the way."""
    result_id, _, said = arg.partition(":")
    view = SelfcheckScreens(screens)
    if said == "cannot":
        return [view.reasons(result_id)]
    if said not in OUTCOMES or not result_id.isdigit():
        return [screens.stale()]
    check_id = await services.selfchecks.answer(user_id, int(result_id), said)
    if check_id is None:
        return [screens.stale()]
    await services.events.count(
        events.SELFCHECK_OUTCOME, lang=screens.lang, now=services.clock(), key=check_id,
        value=said,
    )  # fmt: skip
    return [view.outcome_thanks(said)]


ACTIONS = {"checks": choose, "sc": step, "scf": follow_up, "sco": outcome}
