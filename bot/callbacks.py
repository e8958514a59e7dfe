"""Signed callback data: buttons are untrusted input.

Every button carries `action:arg:signature`, where the signature binds it to the user it
was sent to. A forged button, or one forwarded from another user, fails verification.
Telegram allows 64 bytes of callback data; `encode` refuses anything longer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

LIMIT = 64


class CallbackError(Exception):
    """Callback data that is malformed, forged or too long."""


@dataclass(frozen=True)
class Callback:
    action: str
    arg: str = ""


class Signer:
    def __init__(self, key: str) -> None:
        self._key = key.encode()

    def _sign(self, user_id: int, body: str) -> str:
        digest = hmac.new(self._key, f"{user_id}|{body}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:6]).decode()

    def encode(self, user_id: int, callback: Callback) -> str:
        body = f"{callback.action}:{callback.arg}"
        data = f"{body}:{self._sign(user_id, body)}"
        if len(data.encode()) > LIMIT:
            raise CallbackError(f"callback data over {LIMIT} bytes: {body}")
        return data

    def decode(self, user_id: int, data: str) -> Callback:
        body, _, signature = data.rpartition(":")
        action, _, arg = body.partition(":")
        if not action or not hmac.compare_digest(signature, self._sign(user_id, body)):
            raise CallbackError("callback signature does not match")
        return Callback(action, arg)
