"""From raw message text to intent and language: normalise, detect, ask Rasa, safety net."""

from __future__ import annotations

from dataclasses import dataclass

from nlu.client import Parse, RasaClient
from nlu.language import LanguageDetector
from nlu.normalize import normalize
from nlu.safety import EmergencyPatterns


@dataclass(frozen=True)
class Understanding:
    text: str
    language: str
    language_confidence: float
    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...]
    by: str  # "rasa" or "safety-net"
    situation: str | None = None  # the emergency situation (content/emergency.yml), if any
    decision: str | None = None  # emergency, answer, clarify or fallback; None: not decided

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "intent": self.intent,
            "confidence": round(self.confidence, 4),
            "language": self.language,
            "language_confidence": self.language_confidence,
            "ranking": [{"intent": n, "confidence": round(c, 4)} for n, c in self.ranking[:5]],
            "by": self.by,
        }


class Understander:
    """The NLU pipeline the bot and `healthbot nlu parse` share."""

    def __init__(
        self, rasa: RasaClient, detector: LanguageDetector, emergency: EmergencyPatterns
    ) -> None:
        self.rasa = rasa
        self._detector = detector
        self._emergency = emergency

    def language(self, text: str) -> tuple[str, float]:
        detection = self._detector.detect(text)
        return detection.lang, detection.confidence

    async def understand(self, text: str) -> Understanding:
        """Raises NluUnavailable when Rasa is down, unless the safety net already decided."""
        lang, lang_confidence = self.language(text)
        if self._emergency.matches(text):
            return Understanding(text, lang, lang_confidence, "emergency", 1.0, (), "safety-net")
        parse: Parse = await self.rasa.parse(normalize(text) or text)
        return Understanding(
            text, lang, lang_confidence, parse.intent, parse.confidence, parse.ranking, "rasa"
        )
