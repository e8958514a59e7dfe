"""A running bot process picks up an editor's change and survives a broken one."""

from __future__ import annotations

import asyncio
import shutil
import time

import pytest
import yaml

from bot.settings import ROOT
from tests.e2e.test_process import start_bot, stop_bot

pytestmark = pytest.mark.rasa


async def wait_for(fake, count: int, chat: int, timeout: float = 30) -> list[str]:
    deadline = time.monotonic() + timeout
    while len(fake.sent_texts(chat)) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    return fake.sent_texts(chat)


async def test_edits_go_live_and_broken_edits_are_refused(fake_telegram, rasa_url, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("*.py"))
    path = content / "answers" / "conversation.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    marker = "Edited by an editor just now."
    data["privacy"]["text"]["en"] = marker
    edited = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    process = await start_bot(fake_telegram, rasa_url, tmp_path, HEALTHBOT_CONTENT=str(content))
    replies: list[str] = []

    async def ask_privacy() -> None:
        fake_telegram.push(fake_telegram.text_update("/privacy", user_id=77, language_code="en"))
        replies.append((await wait_for(fake_telegram, len(replies) + 1, 77))[-1])

    try:
        await ask_privacy()
        path.write_text(edited, encoding="utf-8")
        await asyncio.sleep(4)
        await ask_privacy()
        path.write_text(edited + "\nbroken: [unclosed\n", encoding="utf-8")
        await asyncio.sleep(4)
        await ask_privacy()
    finally:
        _, logs, _ = await stop_bot(process, tmp_path)
    assert marker not in replies[0]
    assert replies[1].startswith(marker)
    assert replies[2] == replies[1]
    assert "content_rejected" in logs and "content/answers/conversation.yml" in logs
