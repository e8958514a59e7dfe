"""The long-lived objects every handler needs, built once in bot/app.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.callbacks import Signer
from bot.i18n import Catalogs
from bot.settings import Settings
from content.store import ContentStore
from nlu.understand import Understander
from storage.campaigns import CampaignStore
from storage.events import EventStore
from storage.figures import FigureQueries
from storage.ratings import RatingStore
from storage.reminders import ReminderStore
from storage.selfchecks import SelfcheckStore
from storage.unanswered import UnansweredStore
from storage.updates import SeenUpdates
from storage.users import UserStore


@dataclass
class Services:
    settings: Settings
    users: UserStore
    seen: SeenUpdates
    unanswered: UnansweredStore
    ratings: RatingStore
    reminders: ReminderStore
    campaigns: CampaignStore
    events: EventStore  # counters for the programme's figures, no user id
    figures: FigureQueries
    selfchecks: SelfcheckStore
    content: ContentStore
    nlu: Understander
    catalogs: Catalogs
    signer: Signer
    # Which service a user asked "find the nearest" for, until they share a location.
    pending_location: dict[int, str] = field(default_factory=dict)
    # Reminders being set up with buttons (bot.reminding.Draft), until saved or abandoned.
    drafts: dict[int, object] = field(default_factory=dict)
    news_choices: dict[int, set[str]] = field(default_factory=dict)
    pending_roles: dict[int, str] = field(default_factory=dict)  # admin -> "grant" | "revoke"
    broadcasts: dict[int, object] = field(default_factory=dict)  # bot.campaigning.BroadcastDraft
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
