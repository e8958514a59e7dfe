"""A safety net beside the model: phrases that always mean `emergency`.

An urgent message must never be missed, so the most unambiguous urgent phrases in every
language (nlu/emergency.yml, editable by editors) are matched directly, whatever the model
says. Phrases and messages are both normalised and stripped of spaces before matching, so
"не могу  дышать!!" and "немогу дышать" both match the phrase "не могу дышать".
"""

from __future__ import annotations

from pathlib import Path

import yaml

from nlu.normalize import normalize


def squash(text: str) -> str:
    return normalize(text).replace(" ", "")


class EmergencyPatterns:
    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self._phrases = sorted({squash(p) for ps in phrases.values() for p in ps} - {""})

    def matches(self, text: str) -> bool:
        """True when the message contains an urgent phrase."""
        folded = squash(text)
        return any(phrase in folded for phrase in self._phrases)

    @classmethod
    def load(cls, path: Path) -> EmergencyPatterns:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls({str(lang): [str(p) for p in ps] for lang, ps in data.items()})
