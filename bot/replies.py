"""Render a `Reply` for Telegram: HTML text and an inline keyboard of signed buttons."""

from __future__ import annotations

from telegram import (
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import MessageLimit, ParseMode

from bot.callbacks import Signer
from bot.commands import command_menu
from bot.reply import Button, Reply


def keyboard(reply: Reply, user_id: int, signer: Signer) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[_button(b, user_id, signer) for b in row] for row in reply.buttons]
    )


def _button(button: Button, user_id: int, signer: Signer) -> InlineKeyboardButton:
    if button.url:
        return InlineKeyboardButton(button.label, url=button.url)
    assert button.callback is not None
    return InlineKeyboardButton(
        button.label, callback_data=signer.encode(user_id, button.callback)
    )


def markup(reply: Reply, user_id: int, signer: Signer):
    if reply.ask_location:
        button = KeyboardButton(reply.ask_location, request_location=True)
        return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    if reply.remove_keyboard and not reply.buttons:
        return ReplyKeyboardRemove()
    return keyboard(reply, user_id, signer)


async def send_replies(
    message: Message, replies: list[Reply], user_id: int, signer: Signer, catalogs=None
) -> None:
    bot, chat_id = message.get_bot(), message.chat_id
    for reply in replies:
        if reply.commands_lang and catalogs is not None:
            await bot.set_my_commands(
                command_menu(catalogs, reply.commands_lang), scope=BotCommandScopeChat(chat_id)
            )
        if reply.photo is not None:
            await bot.send_photo(chat_id, photo=reply.photo)
        if reply.venue is not None:
            venue = reply.venue
            await bot.send_venue(
                chat_id, latitude=venue.lat, longitude=venue.lon,
                title=venue.title[:256], address=venue.address[:256],
            )  # fmt: skip
        if reply.text:
            if reply.remove_keyboard and reply.buttons:
                # Telegram allows one keyboard per message: drop the reply keyboard first.
                await bot.send_message(chat_id, "📍", reply_markup=ReplyKeyboardRemove())
            await bot.send_message(
                chat_id=chat_id,
                text=reply.text[: MessageLimit.MAX_TEXT_LENGTH],
                parse_mode=ParseMode.HTML,
                reply_markup=markup(reply, user_id, signer),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
