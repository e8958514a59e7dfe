"""Typed, validated content. Everything here is immutable once loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from content.campaigns import PreparedCampaign
from content.selfchecks import SelfCheck
from content.sites import City, Site

REVIEW_STATUSES = ("reviewed", "draft", "machine")
# The situations the emergency detector reports; each needs an answer in content/emergency.yml.
SITUATIONS = (
    "suicide",
    "self_harm",
    "breathing",
    "chest_pain",
    "stroke",
    "unconscious",
    "bleeding",
    "poisoning",
    "seizure",
    "allergy",
    "child_fever",
    "coughing_blood",
    "sexual_assault",
)
TITLE_LIMIT = 32
TEXT_LIMIT = 3500  # leaves room under Telegram's 4096 for contacts and notices


@dataclass(frozen=True)
class Answer:
    intent: str
    title: Mapping[str, str]
    text: Mapping[str, str]
    status: Mapping[str, str]
    source: str
    reviewed: date | None
    related: tuple[str, ...]


@dataclass(frozen=True)
class MenuGroup:
    id: str
    title: Mapping[str, str]
    intents: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    id: str
    name: Mapping[str, str]
    phone: str
    verified: bool
    source: str


@dataclass(frozen=True)
class EmergencyAnswer:
    """What to do in the next minutes in one emergency situation (content/emergency.yml)."""

    situation: str
    text: Mapping[str, str]
    status: Mapping[str, str]
    source: str
    written: date
    reviewed: date | None
    related: str | None
    crisis_line: bool


@dataclass(frozen=True)
class Emergencies:
    """The emergency answers: a header with 103 and 112, one answer per situation."""

    header: Mapping[str, str] = field(default_factory=dict)
    situations: Mapping[str, EmergencyAnswer] = field(default_factory=dict)
    crisis_contact: str | None = None
    crisis_line_missing: Mapping[str, str] = field(default_factory=dict)
    # status ("draft", "machine") -> language -> the note shown under such a text
    review_notice: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Content:
    answers: Mapping[str, Answer]
    menu: tuple[MenuGroup, ...]
    contacts: tuple[Contact, ...] = field(default=())
    cities: Mapping[str, City] = field(default_factory=dict)
    sites: tuple[Site, ...] = field(default=())
    campaigns: tuple[PreparedCampaign, ...] = field(default=())
    emergencies: Emergencies = field(default_factory=Emergencies)
    selfchecks: Mapping[str, SelfCheck] = field(default_factory=dict)

    def answer(self, intent: str) -> Answer | None:
        return self.answers.get(intent)

    def emergency(self, situation: str | None) -> EmergencyAnswer | None:
        return self.emergencies.situations.get(situation) if situation else None

    def contact(self, contact_id: str | None) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def site(self, site_id: str | None) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def group(self, group_id: str) -> MenuGroup | None:
        return next((g for g in self.menu if g.id == group_id), None)
