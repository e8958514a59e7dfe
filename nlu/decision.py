"""What the bot does with one understood message: one rule for the dialogue and the CLI.

`emergency` comes first: the rules' detector (nlu/safety.py) found a danger, or the intent
model is sure enough of `emergency` and no guard (information question, past event, joke,
PEP question) speaks against it. Then the ordinary thresholds: answer, ask back, or say so.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

EMERGENCY = "emergency"
FALLBACK_INTENTS = frozenset({"out_of_scope"})
# Intents never offered as "did you mean" choices.
NOT_CLARIFIABLE = frozenset({"out_of_scope", "greet", "goodbye", "thanks"})


@dataclass(frozen=True)
class Thresholds:
    """Confidence thresholds; NLU_CONFIDENT etc. in bot/settings.py override the defaults.

    confident: answer the top intent. near_confident and lead: answer it too when it is this
    far ahead of the runner-up. uncertain: between this and confident, ask back. emergency:
    the model alone (no rule matched) must be this sure of `emergency`.
    """

    confident: float = 0.6
    uncertain: float = 0.3
    near_confident: float = 0.45
    lead: float = 0.3
    emergency: float = 0.3


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Signals:
    """What the decision looks at: the detector's verdict and the model's ranking."""

    rules_situation: str | None
    guarded: bool
    intent: str | None  # None when the model was not asked (or is down)
    confidence: float
    ranking: tuple[tuple[str, float], ...]


def decide(
    signals: Signals, thresholds: Thresholds, answerable: Container[str] | None = None
) -> str:
    """One of "emergency", "answer", "clarify", "fallback"."""
    if signals.rules_situation is not None or _model_emergency(signals, thresholds):
        return "emergency"
    intent = signals.intent
    if intent is None or intent in FALLBACK_INTENTS:
        return "fallback"
    if intent != EMERGENCY and _clear_winner(signals, thresholds):
        return "answer"
    if signals.confidence >= thresholds.uncertain and clarify_choices(
        signals, thresholds, answerable
    ):
        return "clarify"
    return "fallback"


def _model_emergency(signals: Signals, thresholds: Thresholds) -> bool:
    return (
        signals.intent == EMERGENCY
        and signals.confidence >= thresholds.emergency
        and not signals.guarded
    )


def _clear_winner(signals: Signals, thresholds: Thresholds) -> bool:
    """Confident, or nearly so and far ahead of the runner-up.

    Measured on tests/nlu (reports/nlu.md): answers at 0.6 and above are right about 96% of
    the time; between 0.45 and 0.6 with a 0.3 lead over the second intent, about as often.
    """
    if signals.confidence >= thresholds.confident:
        return True
    second = signals.ranking[1][1] if len(signals.ranking) > 1 else 0.0
    return (
        signals.confidence >= thresholds.near_confident
        and signals.confidence - second >= thresholds.lead
    )


def clarify_choices(
    signals: Signals, thresholds: Thresholds, answerable: Container[str] | None = None
) -> list[str]:
    """The intents offered as "did you mean" buttons (up to three)."""
    return [
        name
        for name, score in signals.ranking[:3]
        if score >= thresholds.uncertain / 2
        and name not in NOT_CLARIFIABLE
        and (answerable is None or name in answerable)
    ]
