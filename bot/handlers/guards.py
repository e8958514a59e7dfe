"""Checks that run before every handler: redelivered updates, group-chat addressing."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes, filters

from bot.handlers import get_services

logger = logging.getLogger(__name__)


async def drop_repeats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer each update once, even when Telegram delivers it twice."""
    if not await get_services(context).seen.first_time(update.update_id):
        logger.info("update_repeated")
        raise ApplicationHandlerStop


class _Addressed(filters.MessageFilter):
    """In a group, only messages that mention the bot or reply to it."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        if bot.username and f"@{bot.username}".lower() in (message.text or "").lower():
            return True
        replied = message.reply_to_message
        return bool(replied and replied.from_user and replied.from_user.id == bot.id)


ADDRESSED = filters.ChatType.PRIVATE | _Addressed()
