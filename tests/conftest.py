"""Shared fixtures: the fake Telegram server, a real Rasa server, the real Application."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.settings import ROOT, Settings
from nlu.server import RasaServer, free_port
from tests.fake_telegram import FakeTelegram

RASA_TOKEN = "test-rasa-token"


class Clock:
    """A clock the tests move by hand (services.clock), instead of sleeping."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse any connection that leaves this machine."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]  # type: ignore[index]
            if not ipaddress.ip_address(socket.gethostbyname(host)).is_loopback:
                raise ConnectionRefusedError(f"tests may not connect to {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(scope="session")
def rasa_url() -> Iterator[str]:
    """The real Rasa server with the trained model (started once per test session)."""
    server = RasaServer(ROOT / ".venv-rasa" / "bin" / "rasa", ROOT / "models", RASA_TOKEN)
    server.start()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert server.alive(), "rasa exited during start-up"
        try:
            status = httpx.get(f"{server.url}/status", params={"token": RASA_TOKEN}, timeout=2)
            if status.status_code == 200 and status.json().get("model_file"):
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    else:
        server.stop()
        pytest.fail("rasa did not become ready")
    yield server.url
    server.stop()


@pytest.fixture
def dead_rasa_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


def make_settings(fake: FakeTelegram, rasa: str, tmp_path: Path, **extra: str) -> Settings:
    overrides = {
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_URL": fake.url,
        "RASA_URL": rasa,
        "RASA_TOKEN": RASA_TOKEN,
        "HEALTHBOT_DB": str(tmp_path / "healthbot.db"),
        "WEBHOOK_URL": "",
        **extra,
    }
    return Settings.from_env(overrides)


async def started(settings: Settings) -> Application:
    application = build_application(settings)
    await application.initialize()
    await application.post_init(application)  # type: ignore[misc]
    return application


async def stopped(application: Application) -> None:
    await application.shutdown()
    await application.post_shutdown(application)  # type: ignore[misc]


@pytest.fixture
async def app(fake_telegram: FakeTelegram, rasa_url: str, tmp_path: Path):
    """The real bot wired to the fake Telegram server and the real Rasa server."""
    application = await started(make_settings(fake_telegram, rasa_url, tmp_path))
    yield application
    await stopped(application)


@pytest.fixture
async def app_without_nlu(fake_telegram: FakeTelegram, dead_rasa_url: str, tmp_path: Path):
    """The real bot whose Rasa server is down (for everything that needs no NLU)."""
    application = await started(make_settings(fake_telegram, dead_rasa_url, tmp_path))
    yield application
    await stopped(application)


async def feed(application: Application, update: dict) -> None:
    """Deliver one update as Telegram would and wait for its handlers to finish."""
    await application.process_update(Update.de_json(update, application.bot))
    await asyncio.sleep(0)
