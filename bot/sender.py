"""The scheduler's Sender port, implemented with the real Telegram bot."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import stats_summary
from bot.callbacks import Signer
from bot.i18n import FALLBACK
from bot.reminder_screens import ReminderScreens
from bot.replies import keyboard
from bot.reply import Button, Reply, rows
from bot.screens import Screens
from bot.selfcheck_screens import SelfcheckScreens
from bot.services import Services
from content.campaigns import text_for
from scheduler.ports import FollowupMessage, ReminderMessage, SendResult
from storage.campaigns import Outgoing

logger = logging.getLogger(__name__)


class TelegramSender:
    def __init__(self, bot: Bot, services: Services) -> None:
        self._bot, self._services = bot, services

    async def _screens(self, chat_id: int) -> ReminderScreens:
        user = await self._services.users.get(chat_id)
        lang = (user.lang if user else None) or FALLBACK
        content = self._services.content.current
        screens = Screens(lang, content, self._services.catalogs.gettext(lang))
        return ReminderScreens(screens, ZoneInfo(self._services.settings.timezone))

    async def send_reminder(self, message: ReminderMessage) -> SendResult:
        screens = await self._screens(message.chat_id)
        reply = screens.reminder(message, self._services.content.current.site(message.site_id))
        return await self.send(message.chat_id, reply, self._services.signer)

    async def send_digest(self, chat_id: int, lang: str) -> SendResult:
        """The week's figures (bot/stats_summary.py) to the programme's chat."""
        services = self._services
        screens = Screens(lang, services.content.current, services.catalogs.gettext(lang))
        reply = await stats_summary.last_week(screens, services, services.clock())
        return await self.send(chat_id, reply, services.signer)

    async def send_followup(self, message: FollowupMessage) -> SendResult:
        """A week after a self-check, in the user's language (a stale check is skipped)."""
        screens = await self._screens(message.chat_id)
        check = self._services.content.current.selfchecks.get(message.check_id)
        if check is None:
            return SendResult.FAILED
        reply = SelfcheckScreens(screens.s).follow_up_question(check, message.result_id)
        return await self.send(message.chat_id, reply, self._services.signer)

    async def send_campaign(self, outgoing: Outgoing) -> SendResult:
        campaign = outgoing.campaign
        links = rows([Button(label, url=url) for label, url in campaign.buttons], width=1)
        reply = Reply(text_for(campaign.texts, outgoing.lang), links)
        return await self.send(outgoing.telegram_id, reply, self._services.signer)

    async def send(self, chat_id: int, reply: Reply, signer: Signer) -> SendResult:
        """Send as bulk (after replies to people who are writing); classify the outcome."""
        try:
            if reply.photo is not None:
                await self._bot.send_photo(chat_id, reply.photo, rate_limit_args={"bulk": True})
            await self._bot.send_message(
                chat_id, reply.text, parse_mode=ParseMode.HTML,
                reply_markup=keyboard(reply, chat_id, signer),
                rate_limit_args={"bulk": True},
                allow_paid_broadcast=self._services.settings.paid_broadcast or None,
            )  # fmt: skip
        except Forbidden:
            return SendResult.BLOCKED
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                return SendResult.BLOCKED
            logger.warning("send_refused", extra={"error": type(exc).__name__})
            return SendResult.FAILED
        except TelegramError as exc:
            logger.warning("send_failed", extra={"error": type(exc).__name__})
            return SendResult.FAILED
        return SendResult.SENT
