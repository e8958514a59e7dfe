"""Inline-keyboard presses. Callback data is verified before anything is done."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot import dialogue
from bot.callbacks import CallbackError
from bot.handlers import get_services, who
from bot.replies import send_replies

logger = logging.getLogger(__name__)


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    services = get_services(context)
    query = update.callback_query
    user_id, code = who(update)
    await query.answer()
    try:
        callback = services.signer.decode(user_id, query.data or "")
    except CallbackError:
        logger.warning("button_refused")
        replies = await dialogue.refused_button(user_id, code, services)
    else:
        replies = await dialogue.press(user_id, callback, code, services)
    await send_replies(query.message, replies, user_id, services.signer, services.catalogs)
