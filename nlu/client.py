"""HTTP client for a Rasa server's /model/parse. Sends message text only, never ids."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


class NluError(Exception):
    """Base of NLU failures."""


class NluUnavailable(NluError):
    """The Rasa server did not answer, or answered with an error."""


@dataclass(frozen=True)
class Parse:
    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...]


class RasaClient:
    def __init__(self, base_url: str, token: str, *, timeout: float = 5.0) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout)
        self._token = token

    async def parse(self, text: str) -> Parse:
        """Classify `text` (already normalised)."""
        try:
            response = await self._http.post(
                "/model/parse", params={"token": self._token}, json={"text": text}
            )
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise NluUnavailable(f"Rasa parse failed: {type(exc).__name__}") from exc
        return _to_parse(body)

    async def ready(self) -> bool:
        """True when the server answers and has a model loaded."""
        try:
            response = await self._http.get("/status", params={"token": self._token})
        except httpx.HTTPError:
            return False
        return response.status_code == 200 and bool(response.json().get("model_file"))

    async def load_model(self, model_file: str, *, timeout: float = 300.0) -> None:
        """Ask the server to switch to `model_file`; it keeps serving the old one until then."""
        try:
            response = await self._http.put(
                "/model",
                params={"token": self._token},
                json={"model_file": model_file},
                timeout=timeout,
            )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise NluUnavailable(f"Rasa model switch failed: {type(exc).__name__}") from exc

    async def aclose(self) -> None:
        await self._http.aclose()


def _to_parse(body: dict) -> Parse:
    intent = body.get("intent") or {}
    ranking = tuple(
        (str(item["name"]), float(item["confidence"])) for item in body.get("intent_ranking", [])
    )
    return Parse(
        intent=str(intent.get("name") or "out_of_scope"),
        confidence=float(intent.get("confidence") or 0.0),
        ranking=ranking,
    )
