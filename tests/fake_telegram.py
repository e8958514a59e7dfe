"""A fake Telegram Bot API server on 127.0.0.1 that records every call.

The real python-telegram-bot talks to it over HTTP (through `base_url`), so tests exercise
the bot exactly as Telegram would, without mocking the library.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7000001
BOT_USERNAME = "healthbot_test_bot"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200


@dataclass
class FakeTelegram:
    token: str = "123456:TEST-token-secret"
    calls: list[Call] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    # Enforce Telegram's flood limit: at most `rate_limit` sendMessage calls in any second,
    # else 429 with retry_after; calls before retry_after has passed count as violations.
    rate_limit: int | None = None
    retry_after: int = 1
    too_many: int = 0
    violations: int = 0
    _recent: list[float] = field(default_factory=list)
    # Accepted sendMessage calls per chat, and a condition to wait on them without polling.
    by_chat: dict[int, list[Call]] = field(default_factory=dict)
    _delivered: asyncio.Condition = field(default_factory=asyncio.Condition)
    _flood_until: float = 0.0
    _updates: list[dict] = field(default_factory=list)
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    _sent: asyncio.Event = field(default_factory=asyncio.Event)
    _ids = itertools.count(1)
    _message_ids = itertools.count(100)
    url: str = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        await self._runner.cleanup()

    # --- what the bot did -------------------------------------------------------------
    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """Parameters of every accepted call of `method`, in order."""
        return [c.params for c in self.calls if c.method == method and c.status == 200]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        return [p["text"] for p in self.sent() if chat_id is None or int(p["chat_id"]) == chat_id]

    def buttons(self, index: int = -1) -> list[tuple[str, str]]:
        """(label, callback_data) of every button under the `index`-th sent message."""
        markup = self.sent()[index].get("reply_markup") or {}
        return [
            (b["text"], b.get("callback_data", b.get("url", "")))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]

    async def wait_chat(self, chat_id: int, count: int) -> Call:
        """Wait until `chat_id` has received `count` messages; return the last one."""
        async with self._delivered:
            await self._delivered.wait_for(lambda: len(self.by_chat.get(chat_id, ())) >= count)
        return self.by_chat[chat_id][count - 1]

    async def wait_sent(self, count: int, *, timeout: float = 30.0) -> list[dict[str, Any]]:
        """Wait until at least `count` messages were sent in total."""
        deadline = time.monotonic() + timeout
        while len(self.sent()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} messages, got {self.sent_texts()}")
            self._sent.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._sent.wait(), 0.2)
        return self.sent()

    # --- updates for the bot ----------------------------------------------------------
    def push(self, update: dict) -> dict:
        self._updates.append(update)
        self._new_update.set()
        return update

    def text_update(self, text: str, **kwargs: Any) -> dict:
        return self.message_update({"text": text, **_entities(text)}, **kwargs)

    def message_update(
        self,
        content: dict,
        *,
        user_id: int = 501,
        language_code: str | None = "ru",
        chat_type: str = "private",
        chat_id: int | None = None,
        kind: str = "message",
        update_id: int | None = None,
    ) -> dict:
        user = {"id": user_id, "is_bot": False, "first_name": "Test"}
        if language_code:
            user["language_code"] = language_code
        chat = {"id": chat_id or user_id, "type": chat_type}
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **content,
        }
        if kind == "edited_message":
            message["edit_date"] = int(time.time())
        return {"update_id": update_id or next(self._ids), kind: message}

    def callback_update(self, data: str, *, user_id: int = 501, language_code: str = "ru"):
        user = {
            "id": user_id,
            "is_bot": False,
            "first_name": "Test",
            "language_code": language_code,
        }
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
            "text": "…",
        }
        query = {
            "id": str(next(self._ids)),
            "from": user,
            "chat_instance": "1",
            "message": message,
            "data": data,
        }
        return {"update_id": next(self._ids), "callback_query": query}

    # --- the HTTP side ----------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await _params(request)
        call = Call(method, params)
        if method != "getUpdates":
            self.calls.append(call)
        handler = getattr(self, f"_api_{method}", None)
        response = await handler(params) if handler is not None else _ok(True)
        call.status = response.status
        if method == "sendMessage" and call.status == 200:
            self.by_chat.setdefault(int(params["chat_id"]), []).append(call)
            async with self._delivered:
                self._delivered.notify_all()
        return response

    async def _api_getMe(self, params: dict) -> web.Response:
        return _ok(
            {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "HealthBot",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        )

    async def _api_getUpdates(self, params: dict) -> web.Response:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        return _ok(self._updates[:100])

    async def _api_sendMessage(self, params: dict) -> web.Response:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                },
                status=403,
            )
        self._sent.set()
        return _ok(
            {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "text": params.get("text", ""),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "HealthBot"},
            }
        )

    async def _api_sendPhoto(self, params: dict) -> web.Response:
        chat_id = int(params["chat_id"])
        size = {"file_id": f"photo-{len(self.calls)}", "file_unique_id": "u", "width": 880,
                "height": 352}  # fmt: skip
        return _ok(
            {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "photo": [size],
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "HealthBot"},
            }
        )


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        raw = await request.json()
    else:
        raw = dict(await request.post())
    params = {}
    for key, value in raw.items():
        if isinstance(value, web.FileField):
            value = value.file.read()  # an uploaded file (sendPhoto): its bytes
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        params[key] = value
    return params


def _entities(text: str) -> dict:
    if text.startswith("/"):
        length = len(text.split()[0])
        return {"entities": [{"type": "bot_command", "offset": 0, "length": length}]}
    return {}
