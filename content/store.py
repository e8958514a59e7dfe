"""Hold the live content and reload it when editors change the YAML.

A broken edit is refused: the problems are logged and the last good content stays live.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from content.loader import ContentError, load_content
from content.schema import Content

logger = logging.getLogger(__name__)


def _fingerprint(root: Path) -> tuple[tuple[str, float, int], ...]:
    return tuple(
        (str(p), p.stat().st_mtime, p.stat().st_size) for p in sorted(root.rglob("*.yml"))
    )


_LOADED: dict[tuple, Content] = {}


def _loaded(root: Path, known: frozenset[str], stamp: tuple) -> Content:
    """The content of `root` at this version of its files, loaded once per process (content
    is immutable; a start in the same process, as in the tests, reuses it)."""
    key = (str(root), known, stamp)
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = load_content(root, known)[0]
    return _LOADED[key]


class ContentStore:
    def __init__(self, root: Path, known_intents: frozenset[str]) -> None:
        self._root = root
        self._known = known_intents
        self._stamp = _fingerprint(root)
        self.current: Content = _loaded(root, known_intents, self._stamp)
        self.last_error: ContentError | None = None

    def reload_if_changed(self) -> bool:
        """Reload when any YAML file changed; return True when new content went live."""
        stamp = _fingerprint(self._root)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            self.current = load_content(self._root, self._known)[0]
        except ContentError as exc:
            self.last_error = exc
            for problem in exc.problems:
                logger.error("content_rejected", extra={"problem": str(problem)})
            return False
        self.last_error = None
        logger.info("content_reloaded", extra={"answers": len(self.current.answers)})
        return True

    async def watch(self, *, interval: float = 2.0) -> None:
        """Poll for changes forever (run as a background task)."""
        while True:
            await asyncio.sleep(interval)
            self.reload_if_changed()
