"""The one global error handler: log with the traceback, apologise to the user."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import dialogue
from bot.handlers import get_services
from bot.replies import send_replies

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    logger.error("handler_failed", exc_info=context.error)
    if not isinstance(update, Update) or not update.effective_user or not update.effective_chat:
        return
    services = get_services(context)
    user_id, code = update.effective_user.id, update.effective_user.language_code
    replies = await dialogue.apology(user_id, code, services)
    message = update.effective_message
    if message is None:
        return
    try:
        await send_replies(message, replies, user_id, services.signer)
    except TelegramError:
        logger.warning("apology_failed")
