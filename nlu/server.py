"""Start, watch and stop a local `rasa run --enable-api` process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
from pathlib import Path

from nlu.client import RasaClient

logger = logging.getLogger(__name__)


class RasaServerError(Exception):
    """The Rasa server could not be started."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def latest_model(model_dir: Path) -> Path:
    models = sorted(model_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise RasaServerError(f"no trained model in {model_dir}; run `make train`")
    return models[-1]


class RasaServer:
    """A Rasa server owned by the bot: bound to 127.0.0.1, token required, telemetry off."""

    def __init__(self, rasa_bin: Path, model_dir: Path, token: str, port: int = 0) -> None:
        self._bin = rasa_bin
        self._model_dir = model_dir
        self._token = token
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None
        self._watch: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Launch the process (returns at once; see `wait_ready`)."""
        if not self._bin.exists():
            raise RasaServerError(f"{self._bin} not found; run `make setup`")
        command = [
            str(self._bin),
            "run",
            "--enable-api",
            "--interface",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--auth-token",
            self._token,
            "--model",
            str(latest_model(self._model_dir)),
            "--quiet",
        ]
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
        self._process = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        logger.info("rasa_starting", extra={"port": self.port, "pid": self._process.pid})

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    async def wait_ready(self, client: RasaClient, *, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            if not self.alive():
                raise RasaServerError("rasa exited during start-up")
            if await client.ready():
                logger.info("rasa_ready", extra={"port": self.port})
                return
            await asyncio.sleep(0.5)
        raise RasaServerError(f"rasa not ready after {timeout:.0f}s")

    def supervise(self, *, interval: float = 5.0) -> None:
        """Restart the process by itself if it dies."""
        self._watch = asyncio.get_running_loop().create_task(self._supervise(interval))

    async def _supervise(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            if not self.alive():
                logger.warning("rasa_died_restarting", extra={"port": self.port})
                with contextlib.suppress(RasaServerError, OSError):
                    self.start()

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
        if self._process is None or self._process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        logger.info("rasa_stopped", extra={"port": self.port})
