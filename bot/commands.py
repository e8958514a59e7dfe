"""The bot's command menu (Telegram's "/" list), in each language."""

from __future__ import annotations

from telegram import BotCommand

from bot.i18n import Catalogs

COMMANDS = (
    "start", "menu", "check", "language", "remind", "reminders", "adherence", "help", "privacy",
    "forget",
)  # fmt: skip


def command_menu(catalogs: Catalogs, lang: str) -> list[BotCommand]:
    _ = catalogs.gettext(lang)
    descriptions = {
        "start": _("Start and welcome"),
        "menu": _("Browse topics"),
        "check": _("Check yourself: TB, HIV, COVID-19"),
        "language": _("Change language"),
        "help": _("What I can do"),
        "privacy": _("What is stored about me"),
        "forget": _("Delete my data"),
        "remind": _("Set a reminder"),
        "reminders": _("My reminders"),
        "adherence": _("My tablets this month"),
    }
    return [BotCommand(name, descriptions[name]) for name in COMMANDS]
