"""Typed, validated content. Everything here is immutable once loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from content.campaigns import PreparedCampaign
from content.selfchecks import SelfCheck
from content.sites import City, Site

REVIEW_STATUSES = ("reviewed", "draft", "machine")
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
class Content:
    answers: Mapping[str, Answer]
    menu: tuple[MenuGroup, ...]
    contacts: tuple[Contact, ...] = field(default=())
    cities: Mapping[str, City] = field(default_factory=dict)
    sites: tuple[Site, ...] = field(default=())
    campaigns: tuple[PreparedCampaign, ...] = field(default=())
    selfchecks: Mapping[str, SelfCheck] = field(default_factory=dict)

    def answer(self, intent: str) -> Answer | None:
        return self.answers.get(intent)

    def site(self, site_id: str | None) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def group(self, group_id: str) -> MenuGroup | None:
        return next((g for g in self.menu if g.id == group_id), None)
