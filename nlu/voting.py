"""Sentence-level voting for long messages (a pipeline variant measured in reports/nlu.md).

People tell a story before the question ("I came to Minsk last year, I work on a building
site ... where can I get tested?"). The whole message's bag of words is pulled by the story;
one of its sentences often carries the question alone. Voting parses the whole message and
each sentence, and keeps the most confident parse that is not small talk.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace

from nlu.understand import Understander, Understanding

SENTENCE_END = re.compile(r"(?<=[.!?؟。！？\n])\s*")
SMALL_TALK = frozenset({"greet", "goodbye", "thanks", "out_of_scope"})
MIN_WORDS = 12


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if len(part.split()) >= 3]


class SentenceVoting:
    """An `Understander` that also parses each sentence of a long message."""

    def __init__(self, inner: Understander, min_words: int = MIN_WORDS) -> None:
        self._inner = inner
        self._min_words = min_words

    def language(self, text: str) -> tuple[str, float]:
        return self._inner.language(text)

    async def understand(self, text: str) -> Understanding:
        whole = await self._inner.understand(text)
        parts = sentences(text)
        if whole.by != "rasa" or len(text.split()) < self._min_words or len(parts) < 2:
            return whole
        parsed = await asyncio.gather(*(self._inner.understand(p) for p in parts))
        topical = [p for p in parsed if p.intent not in SMALL_TALK]
        best = max(topical, key=lambda p: p.confidence, default=None)
        if best is None or best.confidence <= whole.confidence:
            return whole
        return replace(best, text=whole.text, language=whole.language)
