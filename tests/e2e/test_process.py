"""The real bot process against the fake Telegram server and the real Rasa server."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time

import httpx
import pytest

from bot.settings import ROOT
from nlu.client import RasaClient
from nlu.server import RasaServer, free_port
from tests.conftest import RASA_TOKEN, make_settings, started, stopped
from tests.conftest import feed as deliver
from tests.helpers import answer_text, news_offer, screens

pytestmark = pytest.mark.rasa


async def start_bot(fake, rasa_url: str, tmp_path, **extra: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_URL": fake.url,
        "RASA_URL": rasa_url,
        "RASA_TOKEN": RASA_TOKEN,
        "HEALTHBOT_DB": str(tmp_path / "bot.db"),
        "LOG_LEVEL": "DEBUG",
        **extra,
    }
    # Logs go to a file: a pipe nobody reads would fill up and block the bot.
    with (tmp_path / "bot.log").open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=log, stderr=log
        )


async def stop_bot(process: asyncio.subprocess.Process, tmp_path) -> tuple[int, str, float]:
    began = time.monotonic()
    process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), 20)
    logs = (tmp_path / "bot.log").read_text(encoding="utf-8", errors="replace")
    return process.returncode or 0, logs, time.monotonic() - began


async def test_polling_bot_answers_and_stops_cleanly(fake_telegram, rasa_url, tmp_path):
    process = await start_bot(fake_telegram, rasa_url, tmp_path)
    question = "как лечится туберкулез"
    try:
        fake_telegram.push(fake_telegram.text_update("/start", user_id=42, language_code="uk"))
        await fake_telegram.wait_sent(2)
        fake_telegram.push(fake_telegram.text_update(question, user_id=42, language_code="uk"))
        await fake_telegram.wait_sent(3)
    finally:
        code, logs, took = await stop_bot(process, tmp_path)
    assert fake_telegram.sent_texts(42) == [
        screens("uk").welcome().text,
        news_offer("uk"),
        answer_text("tb_treatment", "uk"),
    ]
    assert code == 0 and took < 10
    assert fake_telegram.token not in logs and fake_telegram.token.split(":")[1] not in logs
    assert question not in logs
    events = [json.loads(line) for line in logs.splitlines() if line.startswith("{")]
    assert any(e["event"] == "parsed" and e["intent"] == "tb_treatment" for e in events)
    assert not any(str(e.get("user_id")) == "42" for e in events)


async def test_webhook_refuses_requests_without_the_secret(fake_telegram, rasa_url, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    process = await start_bot(
        fake_telegram,
        rasa_url,
        tmp_path,
        WEBHOOK_URL=url,
        WEBHOOK_SECRET="s3cret-value",
        WEBHOOK_PORT=str(port),
    )
    try:
        update = fake_telegram.text_update("/menu", user_id=43, language_code="az")
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                try:
                    await client.get(f"http://127.0.0.1:{port}/")
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.2)
            forged = await client.post(url, json=update)
            wrong = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
            )
            good = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-value"}
            )
        await fake_telegram.wait_sent(1)
    finally:
        await stop_bot(process, tmp_path)
    assert (forged.status_code, wrong.status_code, good.status_code) == (403, 403, 200)
    assert fake_telegram.sent_texts(43) == [screens("az").menu().text]
    assert fake_telegram.sent("setWebhook")[0]["secret_token"] == "s3cret-value"


async def test_rasa_stopped_mid_run_degrades_to_the_menu_and_recovers(fake_telegram, tmp_path):
    server = RasaServer(ROOT / ".venv-rasa" / "bin" / "rasa", ROOT / "models", RASA_TOKEN)
    probe = RasaClient(server.url, RASA_TOKEN)
    server.start()
    await server.wait_ready(probe, timeout=240)
    app = await started(make_settings(fake_telegram, server.url, tmp_path))
    question = "как передается вич"
    try:
        await deliver(app, fake_telegram.text_update(question))
        server.stop()
        await deliver(app, fake_telegram.text_update(question))
        server.start()
        await server.wait_ready(probe, timeout=240)
        await deliver(app, fake_telegram.text_update(question))
    finally:
        await stopped(app)
        await probe.aclose()
        server.stop()
    assert fake_telegram.sent_texts() == [
        answer_text("hiv_transmission", "ru"),
        screens("ru").nlu_down().text,
        answer_text("hiv_transmission", "ru"),
    ]
