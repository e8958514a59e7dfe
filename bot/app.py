"""All the wiring: services, handlers in order, start-up and shut-down, run modes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.callbacks import Signer
from bot.commands import COMMANDS, command_menu
from bot.handlers import buttons, conversation, errors, guards
from bot.i18n import FALLBACK, Catalogs
from bot.ratelimit import PriorityRateLimiter
from bot.sender import TelegramSender
from bot.services import Services
from bot.settings import Settings
from content.store import ContentStore
from nlu import LANGUAGES
from nlu.runtime import NluRuntime, RasaConfig
from nlu.trainingdata import known_intents
from scheduler.jobs import keep_figures, send_due_followups
from scheduler.runner import SchedulerRunner
from storage import db as database
from storage import secrets
from storage.campaigns import CampaignStore
from storage.events import EventStore
from storage.figures import FigureQueries
from storage.ratings import RatingStore
from storage.reminders import ReminderStore
from storage.selfchecks import SelfcheckStore
from storage.unanswered import UnansweredStore
from storage.updates import SeenUpdates
from storage.users import UserStore

logger = logging.getLogger(__name__)

# Commands not in Telegram's menu: subscriptions (offered in messages) and staff commands.
HIDDEN = (
    "subscribe", "unsubscribe", "stop", "broadcast", "campaigns", "grant", "revoke", "workers",
    "stats",
)  # fmt: skip


def nlu_runtime(settings: Settings) -> NluRuntime:
    config = RasaConfig(
        url=settings.rasa_url,
        token=settings.rasa_token,
        rasa_bin=settings.rasa_bin,
        model_dir=settings.model_dir,
        port=settings.rasa_port,
        timeout=settings.rasa_timeout,
        start_timeout=settings.rasa_start_timeout,
    )
    return NluRuntime(config, settings.nlu_data_dir, settings.thresholds)


class Runtime:
    """Everything with a lifetime: database, Rasa, content watcher."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlu = nlu_runtime(settings)
        self.services: Services | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> Services:
        settings = self.settings
        db = await database.connect(settings.db_path)
        content = ContentStore(settings.content_dir, known_intents(settings.nlu_data_dir))
        understander = await self.nlu.start()
        self.services = Services(
            settings=settings,
            users=UserStore(db),
            seen=SeenUpdates(db),
            unanswered=UnansweredStore(db),
            ratings=RatingStore(db),
            reminders=ReminderStore(db),
            campaigns=CampaignStore(db),
            events=EventStore(db),
            figures=FigureQueries(db),
            selfchecks=SelfcheckStore(db),
            content=content,
            nlu=understander,
            catalogs=Catalogs(settings.locales_dir),
            signer=Signer(await secrets.get_or_create(db, "callback_key")),
        )
        self._db = db
        self._tasks.append(asyncio.get_running_loop().create_task(content.watch()))
        return self.services

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await self.nlu.stop()
        if self.services is not None:
            await self._db.close()


async def publish_commands(application: Application, catalogs: Catalogs) -> None:
    """Telegram's command menu, in each user's language."""
    bot = application.bot
    await bot.set_my_commands(command_menu(catalogs, FALLBACK))
    for lang in LANGUAGES:
        await bot.set_my_commands(command_menu(catalogs, lang), language_code=lang)


def add_handlers(application: Application) -> None:
    addressed = guards.ADDRESSED
    application.add_handler(TypeHandler(Update, guards.drop_repeats), group=-2)
    application.add_handler(TypeHandler(Update, guards.count_active), group=-1)
    application.add_handler(CommandHandler("start", conversation.start))
    application.add_handler(CommandHandler(list(COMMANDS[1:] + HIDDEN), conversation.command))
    application.add_handler(CallbackQueryHandler(buttons.pressed))
    text = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE & addressed
    application.add_handler(MessageHandler(text, conversation.ask))
    located = filters.LOCATION & filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(located, conversation.location))
    # Unknown commands and everything that is not text: a kind hint (private chats only).
    other = filters.ChatType.PRIVATE & (filters.UpdateType.MESSAGES | filters.COMMAND)
    application.add_handler(MessageHandler(other, conversation.not_text))
    application.add_error_handler(errors.on_error)


def _schedule_figures(runner: SchedulerRunner, sender: TelegramSender, services: Services) -> None:
    """Nightly upkeep of the figures' counters; the weekly digest when STATS_CHAT_ID is set."""
    settings = services.settings
    retention = settings.stats_retention_days

    async def upkeep() -> None:
        await keep_figures(services.clock(), services.events, retention_days=retention)

    runner.at("figures-upkeep", upkeep, hour=3, minute=30)
    chat_id = settings.stats_chat_id
    if chat_id is not None:

        async def digest() -> None:
            await sender.send_digest(chat_id, settings.stats_lang)

        runner.at("figures-digest", digest, day_of_week="mon", hour=8)


def build_application(settings: Settings) -> Application:
    runtime = Runtime(settings)

    async def post_init(application: Application) -> None:
        services = await runtime.start()
        application.bot_data["services"] = services
        await publish_commands(application, services.catalogs)
        sender = TelegramSender(application.bot, services)
        runner = SchedulerRunner(
            services.reminders, sender, tick=settings.reminder_tick,
            clock=lambda: services.clock(), campaigns=services.campaigns,
            prepared=lambda: services.content.current.campaigns,
            zone=ZoneInfo(settings.timezone),
        )  # fmt: skip
        application.bot_data["scheduler"] = runner
        _schedule_figures(runner, sender, services)

        async def followups() -> None:
            await send_due_followups(services.clock(), services.selfchecks, sender)

        runner.every("selfcheck-followups", followups, seconds=60)
        await runner.start()

    async def post_shutdown(application: Application) -> None:
        runner = application.bot_data.get("scheduler")
        if runner is not None:
            runner.stop()
        await runtime.stop()

    builder = (
        Application.builder()
        .token(settings.telegram_token)
        .base_url(f"{settings.telegram_api_url}/bot")
        .base_file_url(f"{settings.telegram_api_url}/file/bot")
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.rate_limit > 0:
        # Telegram allows about 30 messages a second overall; 429 answers are retried
        # after their retry_after.
        builder = builder.rate_limiter(PriorityRateLimiter(settings.rate_limit))
    application = builder.build()
    add_handlers(application)
    return application


def run_telegram(settings: Settings) -> None:
    """Long polling, or a webhook when WEBHOOK_URL is set. Stops cleanly on SIGTERM."""
    application = build_application(settings)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret or None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        with contextlib.suppress(KeyboardInterrupt):
            application.run_polling(allowed_updates=Update.ALL_TYPES, timeout=10)
