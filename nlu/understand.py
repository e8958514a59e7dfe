"""From raw message text to intent, situation and decision: detect danger, ask Rasa, decide."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from nlu.client import NluUnavailable, Parse, RasaClient
from nlu.decision import DEFAULT_THRESHOLDS, EMERGENCY, Signals, Thresholds, decide
from nlu.language import LanguageDetector
from nlu.normalize import normalize
from nlu.safety import EmergencyDetector


@dataclass(frozen=True)
class Understanding:
    text: str
    language: str
    language_confidence: float
    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...]
    by: str  # "rasa" or "rules" (the emergency detector decided without the model)
    situation: str | None = None  # one of nlu.emergencyrules.SITUATIONS when urgent
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
            "situation": self.situation,
            "decision": self.decision,
        }


class Understander:
    """The NLU pipeline the bot and `healthbot nlu parse` share."""

    def __init__(
        self,
        rasa: RasaClient,
        detector: LanguageDetector,
        emergency: EmergencyDetector,
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
        answerable: Container[str] | None = None,
    ) -> None:
        self.rasa = rasa
        self._detector = detector
        self.emergency = emergency
        self.thresholds = thresholds
        self.answerable = answerable

    def language(self, text: str) -> tuple[str, float]:
        detection = self._detector.detect(text)
        return detection.lang, detection.confidence

    async def understand(self, text: str) -> Understanding:
        """Raises NluUnavailable when Rasa is down, unless the detector found an emergency.

        A rule match answers at once without the model, so an emergency is answered as fast
        with Rasa down (or slow) as with it up.
        """
        lang, lang_confidence = self.language(text)
        verdict = self.emergency.detect(text)
        if verdict.found is not None:
            return Understanding(
                text, lang, lang_confidence, EMERGENCY, 1.0, (), "rules",
                verdict.situation, "emergency",
            )  # fmt: skip
        parse: Parse = await self.rasa.parse(normalize(text) or text)
        signals = Signals(
            None, bool(verdict.guards), parse.intent, parse.confidence, parse.ranking
        )
        decision = decide(signals, self.thresholds, self.answerable)
        return Understanding(
            text, lang, lang_confidence, parse.intent, parse.confidence, parse.ranking, "rasa",
            None, decision,
        )  # fmt: skip


__all__ = ["NluUnavailable", "Understander", "Understanding"]
