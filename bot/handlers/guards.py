"""Checks that run before every handler: redelivered updates, group-chat addressing."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes, filters

from bot import dialogue
from bot.handlers import get_services

logger = logging.getLogger(__name__)


async def drop_repeats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer each update once, even when Telegram delivers it twice."""
    if not await get_services(context).seen.first_time(update.update_id):
        logger.info("update_repeated")
        raise ApplicationHandlerStop


async def count_active(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Note, for the weekly count of active people, that a person used the bot (no id kept)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type != "private" or user.is_bot:
        return
    services = get_services(context)
    lang = await dialogue.language_of(user.id, user.language_code, services)
    await services.events.active(user.id, lang=lang, now=services.clock())


class _Addressed(filters.MessageFilter):
    """In a group, only messages that mention the bot or reply to it."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        if bot.username and f"@{bot.username}".lower() in (message.text or "").lower():
            return True
        replied = message.reply_to_message
        return bool(replied and replied.from_user and replied.from_user.id == bot.id)


ADDRESSED = filters.ChatType.PRIVATE | _Addressed()
