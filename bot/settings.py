"""Settings, read once from the environment (and an optional .env file)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from nlu.decision import Thresholds

ROOT = Path(__file__).resolve().parent.parent


def _env(overrides: dict[str, str] | None) -> dict[str, str]:
    values = {k: v for k, v in dotenv_values(ROOT / ".env").items() if v is not None}
    values.update(os.environ)
    values.update(overrides or {})
    return values


def _ints(raw: str) -> frozenset[int]:
    return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)


@dataclass(frozen=True)
class Settings:
    """Everything configurable; see the README for each variable and its default."""

    telegram_token: str = ""
    telegram_api_url: str = "https://api.telegram.org"
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    rasa_url: str = ""
    rasa_token: str = ""
    rasa_port: int = 0  # 0: any free port
    rasa_timeout: float = 5.0
    rasa_start_timeout: float = 180.0
    model_dir: Path = ROOT / "models"
    rasa_bin: Path = ROOT / ".venv-rasa" / "bin" / "rasa"
    db_path: str = str(ROOT / "data" / "healthbot.db")
    content_dir: Path = ROOT / "content"
    locales_dir: Path = ROOT / "locales"
    nlu_data_dir: Path = ROOT / "nlu" / "data"
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    timezone: str = "Europe/Minsk"
    log_level: str = "INFO"
    confident: float = 0.6
    uncertain: float = 0.3
    near_confident: float = 0.45
    lead: float = 0.3
    emergency_confidence: float = 0.3  # the model alone, when no emergency rule matched
    keep_unanswered: bool = True
    reminder_offsets: tuple[int, ...] = (1440, 120)  # minutes before an appointment
    reminder_tick: float = 1.0  # seconds between looks at due reminders
    rate_limit: float = 29.0  # messages per second to Telegram overall; 0 turns the limiter off
    paid_broadcast: bool = False  # Telegram's paid broadcasts (up to 1000/s): raise rate_limit too
    stats_chat_id: int | None = None  # where the weekly figures go on Monday morning
    stats_lang: str = "ru"  # the language of that digest
    stats_retention_days: int = 730  # how long the daily counters are kept

    @property
    def thresholds(self) -> Thresholds:
        """The decision thresholds (nlu/decision.py) the dialogue and the CLI share."""
        return Thresholds(
            self.confident, self.uncertain, self.near_confident, self.lead,
            self.emergency_confidence,
        )  # fmt: skip

    @property
    def rasa_managed(self) -> bool:
        """True when the bot starts Rasa itself (no RASA_URL given)."""
        return not self.rasa_url

    @classmethod
    def from_env(cls, overrides: dict[str, str] | None = None) -> Settings:
        """Build settings from the environment; `overrides` win (for tests and the CLI)."""
        env = _env(overrides)
        get = env.get
        return cls(
            telegram_token=get("TELEGRAM_BOT_TOKEN", ""),
            telegram_api_url=get("TELEGRAM_API_URL", cls.telegram_api_url).rstrip("/"),
            webhook_url=get("WEBHOOK_URL", ""),
            webhook_secret=get("WEBHOOK_SECRET", ""),
            webhook_listen=get("WEBHOOK_LISTEN", cls.webhook_listen),
            webhook_port=int(get("WEBHOOK_PORT", cls.webhook_port)),
            rasa_url=get("RASA_URL", "").rstrip("/"),
            rasa_token=get("RASA_TOKEN", "") or secrets.token_urlsafe(24),
            rasa_port=int(get("RASA_PORT", cls.rasa_port)),
            rasa_timeout=float(get("RASA_TIMEOUT", cls.rasa_timeout)),
            rasa_start_timeout=float(get("RASA_START_TIMEOUT", cls.rasa_start_timeout)),
            model_dir=Path(get("HEALTHBOT_MODELS", str(cls.model_dir))),
            rasa_bin=Path(get("RASA_BIN", str(cls.rasa_bin))),
            db_path=get("HEALTHBOT_DB", cls.db_path),
            content_dir=Path(get("HEALTHBOT_CONTENT", str(cls.content_dir))),
            nlu_data_dir=Path(get("NLU_DATA", str(cls.nlu_data_dir))),
            admin_ids=_ints(get("ADMIN_IDS", "")),
            timezone=get("HEALTHBOT_TZ", cls.timezone),
            log_level=get("LOG_LEVEL", cls.log_level).upper(),
            confident=float(get("NLU_CONFIDENT", cls.confident)),
            uncertain=float(get("NLU_UNCERTAIN", cls.uncertain)),
            near_confident=float(get("NLU_NEAR_CONFIDENT", cls.near_confident)),
            lead=float(get("NLU_LEAD", cls.lead)),
            emergency_confidence=float(get("NLU_EMERGENCY", cls.emergency_confidence)),
            keep_unanswered=get("KEEP_UNANSWERED", "1") not in ("0", "false", "no"),
            rate_limit=float(get("TELEGRAM_RATE_LIMIT", cls.rate_limit)),
            paid_broadcast=get("PAID_BROADCAST", "0") in ("1", "true", "yes"),
            reminder_offsets=tuple(
                int(m) for m in get("REMINDER_OFFSETS", "1440,120").split(",") if m.strip()
            ),
            reminder_tick=float(get("REMINDER_TICK", cls.reminder_tick)),
            stats_chat_id=int(get("STATS_CHAT_ID")) if get("STATS_CHAT_ID") else None,
            stats_lang=get("STATS_LANG", cls.stats_lang),
            stats_retention_days=int(get("STATS_RETENTION_DAYS", cls.stats_retention_days)),
        )
