"""What the bot says, independent of Telegram: text (Telegram HTML) and buttons."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.callbacks import Callback


@dataclass(frozen=True)
class Button:
    label: str
    callback: Callback | None = None
    url: str | None = None


@dataclass(frozen=True)
class Venue:
    lat: float
    lon: float
    title: str
    address: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default=())
    venue: Venue | None = None
    # A reply keyboard with one "share my location" button (its label), or None.
    ask_location: str | None = None
    remove_keyboard: bool = False
    # Show Telegram's command menu in this language in this chat (after a language change).
    commands_lang: str | None = None
    photo: bytes | None = None  # a picture (PNG) sent before the text, e.g. a chart

    def with_row(self, *row: Button) -> Reply:
        return replace(self, buttons=(*self.buttons, tuple(row)))


def rows(buttons: list[Button], *, width: int = 2) -> tuple[tuple[Button, ...], ...]:
    """Lay buttons out `width` to a row."""
    return tuple(tuple(buttons[i : i + width]) for i in range(0, len(buttons), width))
