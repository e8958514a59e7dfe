"""Bring the NLU pipeline up: our own Rasa process, or a server named by RASA_URL."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

from nlu.client import NluUnavailable, RasaClient
from nlu.decision import DEFAULT_THRESHOLDS, Thresholds
from nlu.language import LanguageDetector
from nlu.safety import EmergencyDetector
from nlu.server import RasaServer, RasaServerError, latest_model
from nlu.understand import Understander

logger = logging.getLogger(__name__)
NLU_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class RasaConfig:
    url: str  # empty: start our own server
    token: str
    rasa_bin: Path
    model_dir: Path
    port: int = 0
    timeout: float = 5.0
    start_timeout: float = 180.0


class NluRuntime:
    """Owns the Rasa process (when managed) and the `Understander` built on it."""

    def __init__(
        self,
        config: RasaConfig,
        data_dir: Path = NLU_DIR / "data",
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
    ) -> None:
        self._config = config
        self._data_dir = data_dir
        self._thresholds = thresholds
        self.server: RasaServer | None = None
        self.understander: Understander | None = None
        self._watch: asyncio.Task[None] | None = None

    async def start(self, *, wait: bool = True) -> Understander:
        config = self._config
        url = config.url
        if not url:
            self.server = RasaServer(config.rasa_bin, config.model_dir, config.token, config.port)
            self.server.start()
            url = self.server.url
        client = RasaClient(url, config.token, timeout=config.timeout)
        if self.server is not None:
            if wait:
                try:
                    await self.server.wait_ready(client, timeout=config.start_timeout)
                except RasaServerError:
                    logger.exception("rasa_not_ready")
            self.server.supervise()
            self._watch = asyncio.get_running_loop().create_task(self._watch_models(client))
        detector = LanguageDetector.from_training_data(self._data_dir)
        emergency = EmergencyDetector.load()
        self.understander = Understander(client, detector, emergency, self._thresholds)
        return self.understander

    async def _watch_models(self, client: RasaClient, *, interval: float = 10.0) -> None:
        """Switch the running server to a newly trained model (after `make train`)."""
        current = latest_model(self._config.model_dir)
        while True:
            await asyncio.sleep(interval)
            try:
                newest = latest_model(self._config.model_dir)
            except RasaServerError:
                continue
            if newest == current:
                continue
            try:
                await client.load_model(str(newest.resolve()))
            except NluUnavailable:
                logger.exception("model_switch_failed")
                continue
            current = newest
            logger.info("model_switched", extra={"model": newest.name})

    async def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
        if self.understander is not None:
            await self.understander.rasa.aclose()
        if self.server is not None:
            self.server.stop()
