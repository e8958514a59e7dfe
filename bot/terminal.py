"""Chat with the bot in a terminal, through the same dialogue, NLU and content as Telegram."""

from __future__ import annotations

import asyncio
import html
import re
import sys

from bot import dialogue
from bot.app import Runtime
from bot.reply import Reply
from bot.settings import Settings

TERMINAL_USER = 1  # the one local user of a terminal chat


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def show(replies: list[Reply]) -> list:
    """Print replies; return the buttons in the order they were numbered."""
    buttons = []
    for reply in replies:
        print("\nbot> " + plain(reply.text).replace("\n", "\n     "))
        for row in reply.buttons:
            for button in row:
                buttons.append(button)
                print(f"     [{len(buttons)}] {button.label}")
    return buttons


async def chat(settings: Settings) -> None:
    runtime = Runtime(settings)
    print("Starting (the language model takes a little while to load)...", file=sys.stderr)
    services = await runtime.start()
    print("Type a question, a number to press a button, /menu, /language, or /quit.")
    try:
        buttons = show(await dialogue.start(TERMINAL_USER, "ru", services))
        while (line := await asyncio.to_thread(_read)) is not None:
            buttons = show(await _turn(line.strip(), buttons, services)) or buttons
    finally:
        await runtime.stop()


def _read() -> str | None:
    try:
        line = input("\nyou> ")
    except EOFError:
        return None
    return None if line.strip() in ("/quit", "/exit") else line


async def _turn(line: str, buttons: list, services) -> list[Reply]:
    if line.isdigit() and 0 < int(line) <= len(buttons):
        button = buttons[int(line) - 1]
        if button.callback is None:
            return [Reply(button.url or "")]
        return await dialogue.press(TERMINAL_USER, button.callback, None, services)
    if line.startswith("/"):
        return await dialogue.command(line[1:].split()[0], TERMINAL_USER, None, services)
    if not line:
        return []
    return await dialogue.answer_text(TERMINAL_USER, line, None, services)
