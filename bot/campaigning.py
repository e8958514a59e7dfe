"""Subscriptions, health-worker roles and campaigns. No Telegram here (see bot/dialogue.py).

Only admins (ADMIN_IDS) and health workers can use campaign commands; for anyone else they
behave like any unknown command, and the attempt goes to the audit trail.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.campaign_screens import CampaignScreens
from bot.reply import Reply
from bot.screens import Screens
from bot.services import Services
from content.campaigns import TOPICS
from nlu import LANGUAGES

logger = logging.getLogger(__name__)
WORKER_COMMANDS = frozenset({"broadcast", "campaigns", "stats"})
ADMIN_COMMANDS = frozenset({"grant", "revoke", "workers"})


@dataclass
class BroadcastDraft:
    source: str = "message"
    texts: dict[str, str] = field(default_factory=dict)
    buttons: tuple[tuple[str, str], ...] = ()
    languages: set[str] = field(default_factory=lambda: set(LANGUAGES))
    topics: set[str] = field(default_factory=lambda: set(TOPICS))


def is_admin(user_id: int, services: Services) -> bool:
    return user_id in services.settings.admin_ids


async def may(command: str, user_id: int, services: Services) -> bool:
    """Whether this user may use this campaign command; refusals are audited."""
    allowed = is_admin(user_id, services) or (
        command in WORKER_COMMANDS and await services.campaigns.is_worker(user_id)
    )
    if not allowed:
        await services.campaigns.audit(None, user_id, "refused", command)
        logger.warning("unauthorised_command", extra={"command": command})
    return allowed


# --- subscribers ---------------------------------------------------------------------
async def offer_if_new(user_id: int, screens: Screens, services: Services) -> list[Reply]:
    _subscribed, asked, _topics = await services.users.news(user_id)
    if asked:
        return []
    await services.users.mark_news_asked(user_id)
    return [CampaignScreens(screens).offer_news()]


async def news_answer(user_id: int, arg: str, screens: Screens, services: Services):
    if arg == "1":
        _, _, topics = await services.users.news(user_id)
        await services.users.set_news(user_id, True, topics)
        return [CampaignScreens(screens).subscribed(topics)]
    await services.users.set_news(user_id, False)
    return [CampaignScreens(screens).unsubscribed()]


async def subscribe(user_id: int, screens: Screens, services: Services) -> list[Reply]:
    await services.users.get_or_create(user_id)
    _, _, topics = await services.users.news(user_id)
    services.news_choices[user_id] = set(topics)
    return [CampaignScreens(screens).topics(topics)]


async def toggle_topic(user_id: int, arg: str, screens: Screens, services: Services):
    chosen = services.news_choices.setdefault(user_id, set(TOPICS))
    if arg not in TOPICS:
        return [screens.stale()]
    chosen.symmetric_difference_update({arg})
    return [CampaignScreens(screens).topics(tuple(t for t in TOPICS if t in chosen))]


async def save_topics(user_id: int, _arg: str, screens: Screens, services: Services):
    picked = services.news_choices.pop(user_id, set(TOPICS))
    chosen = tuple(t for t in TOPICS if t in picked)
    if not chosen:
        await services.users.set_news(user_id, False)
        return [CampaignScreens(screens).unsubscribed()]
    await services.users.set_news(user_id, True, chosen)
    return [CampaignScreens(screens).subscribed(chosen)]


async def unsubscribe(user_id: int, screens: Screens, services: Services) -> list[Reply]:
    await services.users.set_news(user_id, False)
    return [CampaignScreens(screens).unsubscribed()]


# --- roles -----------------------------------------------------------------------------
async def role(command: str, user_id: int, arg: str, screens: Screens, services: Services):
    cs = CampaignScreens(screens)
    if command == "workers":
        return [cs.workers(await services.campaigns.workers())]
    if not arg.strip().isdigit():
        services.pending_roles[user_id] = command
        return [cs.role_help()]
    return await change_role(user_id, command, int(arg), screens, services)


async def change_role(user_id: int, command: str, target: int, screens: Screens, services):
    services.pending_roles.pop(user_id, None)
    if command == "grant":
        await services.campaigns.grant(target, by=user_id)
    else:
        await services.campaigns.revoke(target, by=user_id)
    return [CampaignScreens(screens).role_changed(target, command == "grant")]


async def forwarded(user_id: int, origin: int, screens: Screens, services: Services):
    """A message an admin forwarded after /grant or /revoke without an id."""
    command = services.pending_roles.get(user_id)
    if command is None or not is_admin(user_id, services):
        return None
    return await change_role(user_id, command, origin, screens, services)


# --- broadcast -------------------------------------------------------------------------
async def broadcast(user_id: int, screens: Screens, services: Services) -> list[Reply]:
    services.broadcasts[user_id] = BroadcastDraft()
    return [CampaignScreens(screens).compose(services.content.current.campaigns)]


async def typed_message(user_id: int, text: str, screens: Screens, services: Services):
    """The text of an ad-hoc campaign, typed after /broadcast; None if not composing."""
    draft = services.broadcasts.get(user_id)
    if draft is None or draft.texts:
        return None
    draft.texts = {"*": text.strip()}
    return CampaignScreens(screens).audience(draft.languages, draft.topics)


async def _draft(user_id: int, services: Services) -> BroadcastDraft | None:
    if not await may("broadcast", user_id, services):
        return None
    return services.broadcasts.get(user_id)


async def choose_prepared(user_id: int, arg: str, screens: Screens, services: Services):
    draft = await _draft(user_id, services)
    chosen = {c.id[:30]: c for c in services.content.current.campaigns}.get(arg)
    if draft is None or chosen is None:
        return [screens.stale()]
    draft.source, draft.texts, draft.buttons = chosen.id, dict(chosen.text), chosen.buttons
    draft.languages, draft.topics = set(chosen.languages), set(chosen.topics)
    return [CampaignScreens(screens).audience(draft.languages, draft.topics)]


async def toggle_audience(user_id: int, arg: str, screens, services, *, kind: str):
    draft = await _draft(user_id, services)
    if draft is None or arg not in (LANGUAGES if kind == "lang" else TOPICS):
        return [screens.stale()]
    (draft.languages if kind == "lang" else draft.topics).symmetric_difference_update({arg})
    return [CampaignScreens(screens).audience(draft.languages, draft.topics)]


async def toggle_language(user_id: int, arg: str, screens: Screens, services: Services):
    return await toggle_audience(user_id, arg, screens, services, kind="lang")


async def toggle_topic_audience(user_id: int, arg: str, screens: Screens, services: Services):
    return await toggle_audience(user_id, arg, screens, services, kind="topic")


async def preview(user_id: int, _arg: str, screens: Screens, services: Services):
    draft = await _draft(user_id, services)
    if draft is None or not draft.texts:
        return [screens.stale()]
    size = await services.campaigns.audience_size(draft.languages, draft.topics)
    cs = CampaignScreens(screens)
    return [cs.preview(draft.texts, draft.buttons, screens.lang), cs.confirm(size)]


async def send(user_id: int, _arg: str, screens: Screens, services: Services):
    draft = await _draft(user_id, services)
    if draft is None or not draft.texts:
        return [screens.stale()]
    services.broadcasts.pop(user_id, None)
    campaign = await services.campaigns.create(
        source=draft.source, run_at=services.clock().isoformat(), texts=draft.texts,
        buttons=draft.buttons, languages=sorted(draft.languages), topics=sorted(draft.topics),
        created_by=user_id,
    )  # fmt: skip
    if campaign is None:
        return [screens.stale()]
    await services.campaigns.audit(
        campaign.id, user_id, "approved", f"audience {campaign.audience}"
    )
    return [CampaignScreens(screens).started(campaign.audience)]


async def stop(user_id: int, _arg: str, screens: Screens, services: Services):
    services.broadcasts.pop(user_id, None)
    return [CampaignScreens(screens).stopped()]


async def campaigns(user_id: int, screens: Screens, services: Services) -> list[Reply]:
    recent = await services.campaigns.recent(5)
    items = [(c, await services.campaigns.figures(c.id)) for c in recent]
    return [CampaignScreens(screens).campaigns(items)]


async def control(user_id: int, arg: str, screens: Screens, services: Services):
    if not await may("campaigns", user_id, services):
        return [screens.stale()]
    number, _, action = arg.partition(":")
    state = {"pause": "paused", "resume": "sending", "cancel": "cancelled"}.get(action)
    if not number.isdigit() or state is None:
        return [screens.stale()]
    await services.campaigns.set_state(int(number), state, user_id)
    return await campaigns(user_id, screens, services)


ACTIONS = {
    "news": news_answer, "nt": toggle_topic, "nsave": save_topics, "bcp": choose_prepared,
    "bcl": toggle_language, "bct": toggle_topic_audience, "bcv": preview, "bcs": send,
    "bcx": stop, "cp": control,
}  # fmt: skip
