"""What the scheduler needs from the outside world, as protocols (the bot implements them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from storage.campaigns import Outgoing


class SendResult(Enum):
    SENT = "sent"
    BLOCKED = "blocked"  # the user blocked the bot (403) or the chat is gone
    FAILED = "failed"  # any other refusal; not retried


@dataclass(frozen=True)
class ReminderMessage:
    """One reminder to tell a user; the bot words it in their language."""

    chat_id: int
    reminder_id: int
    kind: str  # appointment | vaccination | medication | missed_doses
    occurrence: datetime  # the appointment, or the dose's planned time
    note: str
    site_id: str | None
    discreet: bool
    late: bool  # sent after its due time (the bot was down)


@dataclass(frozen=True)
class FollowupMessage:
    """A week after a self-check: "did you manage to get checked?"."""

    chat_id: int
    result_id: int
    check_id: str


class FollowupSender(Protocol):
    async def send_followup(self, message: FollowupMessage) -> SendResult: ...


class Sender(Protocol):
    async def send_reminder(self, message: ReminderMessage) -> SendResult: ...


class CampaignSender(Protocol):
    async def send_campaign(self, outgoing: Outgoing) -> SendResult: ...
