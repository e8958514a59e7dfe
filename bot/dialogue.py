"""The conversation: from a user's text or button press to replies. No Telegram here."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot import campaigning, places, reminding, selfcheck, stats_summary
from bot.callbacks import Callback
from bot.emergency_screens import EmergencyScreens
from bot.i18n import FALLBACK, supported
from bot.reply import Reply
from bot.screens import Screens
from bot.services import Services
from content.sites import SERVICES
from nlu import LANGUAGES
from nlu.client import NluUnavailable
from nlu.decision import Signals, clarify_choices
from nlu.understand import Understanding
from storage import events

logger = logging.getLogger(__name__)

SWITCH_CONFIDENCE = 0.9
SWITCH_MIN_LENGTH = 10


async def language_of(user_id: int, language_code: str | None, services: Services) -> str:
    """The user's chosen language, else their Telegram client's, else Russian."""
    return await services.users.lang(user_id) or supported(language_code) or FALLBACK


async def screens_for(user_id: int, language_code: str | None, services: Services) -> Screens:
    lang = await language_of(user_id, language_code, services)
    return Screens(lang, services.content.current, services.catalogs.gettext(lang))


async def start(user_id: int, language_code: str | None, services: Services) -> list[Reply]:
    """Welcome in the client's language when we have it, else ask for the language."""
    user = await services.users.get_or_create(user_id)
    lang = user.lang or supported(language_code)
    if lang is None:
        return [Screens(FALLBACK, services.content.current, str).language_picker()]
    if user.lang is None:
        await services.users.set_lang(user_id, lang)
    await services.reminders.resume_user(user_id, services.clock())
    await services.users.unblocked(user_id)
    screens = Screens(lang, services.content.current, services.catalogs.gettext(lang))
    return [screens.welcome(), *await campaigning.offer_if_new(user_id, screens, services)]


async def answer_text(
    user_id: int, text: str, language_code: str | None, services: Services,
    *, forwarded_from: int | None = None,
) -> list[Reply]:  # fmt: skip
    """Answer a free-text message."""
    screens = await screens_for(user_id, language_code, services)
    if forwarded_from is not None:
        role_change = await campaigning.forwarded(user_id, forwarded_from, screens, services)
        if role_change is not None:
            return role_change
    composed = await campaigning.typed_message(user_id, text, screens, services)
    if composed is not None:
        return [composed]
    drafting = await reminding.typed_while_drafting(user_id, text, screens, services)
    if drafting is not None:
        return [drafting]
    try:
        understanding = await services.nlu.understand(text)
    except NluUnavailable:
        logger.warning("nlu_unavailable")
        await _count_question(screens, services, "", "unavailable")
        return [screens.nlu_down()]
    logger.info(
        "parsed",
        extra={
            "intent": understanding.intent,
            "confidence": round(understanding.confidence, 3),
            "lang": understanding.language,
            "by": understanding.by,
            "situation": understanding.situation,
            "decision": understanding.decision,
        },
    )
    decision = understanding.decision or "fallback"
    await _count_question(screens, services, understanding.intent, decision)
    if _is_emergency(understanding, services):
        return await _emergency(user_id, understanding, screens, services)
    reply = await _decide(user_id, understanding, screens, services)
    offer = _switch_offer(understanding, screens, services)
    return [reply.with_row(offer) if offer else reply]


async def _count_question(screens: Screens, services: Services, intent: str, decision: str):
    """One more question of this topic and outcome today, for the figures (no user id)."""
    await services.events.count(
        events.QUESTION, lang=screens.lang, now=services.clock(), key=intent, value=decision
    )


def _is_emergency(understanding: Understanding, services: Services) -> bool:
    if understanding.decision is not None:
        return understanding.decision == "emergency"
    return (
        understanding.intent == "emergency"
        and understanding.confidence >= services.settings.uncertain
    )


async def _emergency(
    user_id: int, understanding: Understanding, screens: Screens, services: Services
) -> list[Reply]:
    """The situation's answer first: in the message's language when it is clearly another
    of ours, then in the chosen language with the related answer and the menu."""
    await services.users.reset_streak(user_id)
    chosen = EmergencyScreens(screens).answer(understanding.situation)
    offer = _switch_offer(understanding, screens, services)
    if offer is None:
        return [chosen]
    lang = understanding.language
    theirs = Screens(lang, screens.content, services.catalogs.gettext(lang))
    first = EmergencyScreens(theirs).answer(understanding.situation, with_buttons=False)
    return [first, chosen.with_row(offer)]


async def _decide(
    user_id: int, understanding: Understanding, screens: Screens, services: Services
) -> Reply:
    """Act on the decision nlu/decision.py made (the same rule `healthbot nlu parse` prints)."""
    decision, intent = understanding.decision, understanding.intent
    if decision == "answer":
        return await _answered(user_id, intent, screens, services, understanding.text)
    signals = Signals(None, False, intent, understanding.confidence, understanding.ranking)
    thresholds = services.settings.thresholds
    candidates = clarify_choices(signals, thresholds, _Answerable(screens))
    if decision == "clarify" and candidates:
        return screens.clarify(candidates)
    return await _fallback(user_id, understanding, screens, services)


class _Answerable:
    """Intents with an answer in the current content (a `Container` for clarify_choices)."""

    def __init__(self, screens: Screens) -> None:
        self._screens = screens

    def __contains__(self, intent: object) -> bool:
        return isinstance(intent, str) and self._screens.content.answer(intent) is not None


async def _answered(
    user_id: int, intent: str, screens: Screens, services: Services, text: str = ""
) -> Reply:
    await services.users.reset_streak(user_id)
    if intent == "reminder_set" and text:
        return await reminding.from_text(user_id, text, screens, services)
    if intent in ("reminder_list", "reminder_cancel"):
        return await reminding.listing(user_id, screens, services)
    return screens.answer(intent)


async def _fallback(
    user_id: int, understanding: Understanding, screens: Screens, services: Services
) -> Reply:
    user = await services.users.get_or_create(user_id)
    streak = user.unanswered_streak + 1
    await services.users.set_unanswered_streak(user_id, streak)
    if services.settings.keep_unanswered:
        await services.unanswered.add(understanding.text, understanding.language)
    return screens.cant_answer(offer_person=streak >= 2)


def _switch_offer(understanding: Understanding, screens: Screens, services: Services):
    """A one-button offer to switch language when the message is clearly in another one.

    Never for `und` (none of the 12): the user's chosen language stays, with nothing to offer.
    """
    detected = understanding.language
    if (
        detected == screens.lang
        or detected not in LANGUAGES
        or understanding.language_confidence < SWITCH_CONFIDENCE
        or len(understanding.text.strip()) < SWITCH_MIN_LENGTH
    ):
        return None
    return screens.switch_offer(detected, services.catalogs.gettext(detected))


async def press(
    user_id: int, callback: Callback, language_code: str | None, services: Services
) -> list[Reply]:
    """Act on a (verified) button press."""
    screens = await screens_for(user_id, language_code, services)
    action = _ACTIONS.get(callback.action)
    if action is None:
        return [screens.stale()]
    return await action(user_id, callback.arg, screens, services)


async def _topic(user_id: int, intent: str, screens: Screens, services: Services) -> list[Reply]:
    if screens.content.answer(intent) is None:
        return [screens.stale()]
    return [await _answered(user_id, intent, screens, services)]


async def _group(user_id: int, group: str, screens: Screens, services: Services) -> list[Reply]:
    return [screens.menu_group(group)]


async def _menu(user_id: int, _arg: str, screens: Screens, services: Services) -> list[Reply]:
    return [screens.menu()]


async def _languages(user_id: int, _arg: str, screens: Screens, services: Services):
    return [screens.language_picker()]


async def _set_language(user_id: int, lang: str, screens: Screens, services: Services):
    if lang not in {b.callback.arg for b in screens.language_buttons() if b.callback}:
        return [screens.stale()]
    await services.users.get_or_create(user_id)
    await services.users.set_lang(user_id, lang)
    chosen = Screens(lang, screens.content, services.catalogs.gettext(lang))
    offer = await campaigning.offer_if_new(user_id, chosen, services)
    confirmation = replace(chosen.language_set(), commands_lang=lang)
    return [confirmation, chosen.welcome(), *offer]


async def _forget_prompt(user_id: int, _arg: str, screens: Screens, services: Services):
    return [screens.forget_prompt()]


async def _forget(user_id: int, _arg: str, screens: Screens, services: Services):
    await services.users.forget(user_id)
    logger.info("user_forgotten")
    return [screens.forgotten()]


async def _keep(user_id: int, _arg: str, screens: Screens, services: Services):
    return [screens.kept()]


async def _rate(user_id: int, arg: str, screens: Screens, services: Services):
    intent, _, vote = arg.partition(":")
    if screens.content.answer(intent) is None or vote not in ("0", "1"):
        return [screens.stale()]
    await services.ratings.add(intent, screens.lang, helpful=vote == "1")
    await services.events.count(
        events.VOTE, lang=screens.lang, now=services.clock(), key=intent,
        value="helpful" if vote == "1" else "unhelpful",
    )  # fmt: skip
    return [screens.thanks_for_rating()]


async def _near(user_id: int, service: str, screens: Screens, services: Services):
    if service not in SERVICES:
        return [screens.stale()]
    services.pending_location[user_id] = service
    return places.ask_where(screens, service)


async def _city(user_id: int, arg: str, screens: Screens, services: Services):
    city_id, _, service = arg.partition(":")
    city = screens.content.cities.get(city_id)
    if city is None or service not in SERVICES:
        return [screens.stale()]
    services.pending_location.pop(user_id, None)
    return places.nearest(screens, city.lat, city.lon, service)


async def located(
    user_id: int, lat: float, lon: float, language_code: str | None, services: Services
) -> list[Reply]:
    """A shared location: the nearest sites for the service asked about (any, if none)."""
    screens = await screens_for(user_id, language_code, services)
    service = services.pending_location.pop(user_id, None)
    return places.nearest(screens, lat, lon, service)


Action = Callable[[int, str, Screens, Services], Awaitable[list[Reply]]]
_ACTIONS: dict[str, Action] = {
    "t": _topic,
    "g": _group,
    "m": _menu,
    "langs": _languages,
    "l": _set_language,
    "forget": _forget_prompt,
    "forget_yes": _forget,
    "forget_no": _keep,
    "rate": _rate,
    "near": _near,
    "city": _city,
    **reminding.ACTIONS,
    **selfcheck.ACTIONS,
    **campaigning.ACTIONS,
}


async def command(
    name: str, user_id: int, language_code: str | None, services: Services, arg: str = ""
) -> list[Reply]:
    """Slash commands other than /start."""
    screens = await screens_for(user_id, language_code, services)
    if name in campaigning.WORKER_COMMANDS | campaigning.ADMIN_COMMANDS:
        return await _privileged(name, user_id, arg, screens, services)
    if name == "subscribe":
        return await campaigning.subscribe(user_id, screens, services)
    if name in ("unsubscribe", "stop"):
        return await campaigning.unsubscribe(user_id, screens, services)
    if name in ("reminders", "adherence"):
        show = reminding.listing if name == "reminders" else reminding.adherence
        return [await show(user_id, screens, services)]
    if name == "remind":
        return await reminding.new(user_id, "", screens, services)
    if name == "check":
        return await selfcheck.choose(user_id, "", screens, services)
    replies = {
        "menu": lambda: [screens.menu()],
        "language": lambda: [screens.language_picker()],
        "forget": lambda: [screens.forget_prompt()],
        "help": lambda: [screens.answer("help")],
        "privacy": lambda: [screens.answer("privacy")],
    }
    return replies.get(name, lambda: [screens.menu()])()


async def _privileged(name: str, user_id: int, arg: str, screens: Screens, services: Services):
    if not await campaigning.may(name, user_id, services):
        return [screens.not_text()]  # the same as any unknown command
    if name == "broadcast":
        return await campaigning.broadcast(user_id, screens, services)
    if name == "campaigns":
        return await campaigning.campaigns(user_id, screens, services)
    if name == "stats":
        return [await stats_summary.last_week(screens, services, services.clock())]
    return await campaigning.role(name, user_id, arg, screens, services)


async def not_text(user_id: int, language_code: str | None, services: Services) -> list[Reply]:
    return [(await screens_for(user_id, language_code, services)).not_text()]


async def refused_button(user_id: int, language_code: str | None, services: Services):
    return [(await screens_for(user_id, language_code, services)).stale()]


async def apology(user_id: int, language_code: str | None, services: Services) -> list[Reply]:
    return [(await screens_for(user_id, language_code, services)).error()]
