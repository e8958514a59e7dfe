"""Thin Telegram handlers: pull primitives out of the update, call dialogue, send replies."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.services import Services


def get_services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


def who(update: Update) -> tuple[int, str | None]:
    user = update.effective_user
    assert user is not None
    return user.id, user.language_code
