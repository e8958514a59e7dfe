"""Commands and free-text questions."""

from __future__ import annotations

from telegram import MessageOriginUser, Update
from telegram.ext import ContextTypes

from bot import dialogue
from bot.handlers import get_services, who
from bot.replies import send_replies


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, or ask for their language."""
    services = get_services(context)
    user_id, code = who(update)
    replies = await dialogue.start(user_id, code, services)
    await send_replies(update.effective_message, replies, user_id, services.signer)


async def command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/menu, /language, /forget, /help, /privacy."""
    services = get_services(context)
    user_id, code = who(update)
    words = update.effective_message.text.split(maxsplit=1)
    name = words[0].lstrip("/").split("@")[0].lower()
    arg = words[1] if len(words) > 1 else ""
    replies = await dialogue.command(name, user_id, code, services, arg)
    await send_replies(update.effective_message, replies, user_id, services.signer)


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a free-text health question."""
    services = get_services(context)
    user_id, code = who(update)
    message = update.effective_message
    text = strip_mention(message.text or "", context.bot.username)
    origin = message.forward_origin
    forwarded_from = origin.sender_user.id if isinstance(origin, MessageOriginUser) else None
    replies = await dialogue.answer_text(
        user_id, text, code, services, forwarded_from=forwarded_from
    )
    await send_replies(update.effective_message, replies, user_id, services.signer)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, documents, locations: a kind hint."""
    services = get_services(context)
    user_id, code = who(update)
    replies = await dialogue.not_text(user_id, code, services)
    await send_replies(update.effective_message, replies, user_id, services.signer)


def strip_mention(text: str, username: str | None) -> str:
    if username:
        text = text.replace(f"@{username}", " ")
    return text.strip() or text


async def location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location: the nearest sites."""
    services = get_services(context)
    user_id, code = who(update)
    where = update.effective_message.location
    replies = await dialogue.located(user_id, where.latitude, where.longitude, code, services)
    await send_replies(update.effective_message, replies, user_id, services.signer)
