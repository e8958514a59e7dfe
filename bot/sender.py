"""The scheduler's Sender port, implemented with the real Telegram bot."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.callbacks import Signer
from bot.i18n import FALLBACK
from bot.reminder_screens import ReminderScreens
from bot.replies import keyboard
from bot.reply import Reply
from bot.screens import Screens
from bot.services import Services
from scheduler.ports import ReminderMessage, SendResult

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
        sites = {site.id: site for site in self._services.content.current.sites}
        reply = screens.reminder(message, sites.get(message.site_id or ""))
        return await self.send(message.chat_id, reply, self._services.signer)

    async def send(self, chat_id: int, reply: Reply, signer: Signer) -> SendResult:
        """Send as bulk (after replies to people who are writing); classify the outcome."""
        try:
            await self._bot.send_message(
                chat_id, reply.text, parse_mode=ParseMode.HTML,
                reply_markup=keyboard(reply, chat_id, signer),
                rate_limit_args={"bulk": True},
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
