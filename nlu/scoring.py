"""Score the NLU pipeline on evaluation messages: the figures issue 11 asks for.

The same pipeline as the bot (normalise, detect the language, Rasa, safety net) and the same
decision (answer, clarify, fallback, emergency), so "confidently wrong" means what a user
would get: an answer to a question they did not ask.
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from nlu.decision import DEFAULT_THRESHOLDS, Signals, Thresholds, decide
from nlu.evalset import Case
from nlu.understand import Understander, Understanding

OUT_OF_SCOPE = "out_of_scope"

Decide = Callable[[Understanding], str]


def todays_decision(understanding: Understanding, t: Thresholds = DEFAULT_THRESHOLDS) -> str:
    """The bot's decision (nlu/decision.py) under thresholds `t`, replayed from a parse.

    An emergency the rules found stays one; everything else is decided again from the model's
    ranking, so the thresholds can be tuned without parsing again.
    """
    if understanding.by == "rules" or (
        understanding.decision == "emergency" and understanding.intent != "emergency"
    ):
        return "emergency"
    signals = Signals(None, False, understanding.intent, understanding.confidence,
                      understanding.ranking)  # fmt: skip
    return decide(signals, t)


@dataclass(frozen=True)
class Scored:
    case: Case
    predicted: str
    predicted_lang: str
    confidence: float
    decision: str  # emergency, answer, clarify or fallback

    @property
    def right(self) -> bool:
        return self.predicted == self.case.intent

    @property
    def confidently_wrong(self) -> bool:
        return self.decision == "answer" and not self.right


async def score(
    understander: Understander, cases: Iterable[Case], decide: Decide, concurrency: int = 8
) -> list[Scored]:
    semaphore = asyncio.Semaphore(concurrency)

    async def one(case: Case) -> Scored:
        async with semaphore:
            result = await understander.understand(case.text)
        return Scored(case, result.intent, result.language, result.confidence, decide(result))

    return list(await asyncio.gather(*(one(case) for case in cases)))


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def by(results: Iterable[Scored], key: Callable[[Scored], str]) -> dict[str, list[Scored]]:
    groups: dict[str, list[Scored]] = defaultdict(list)
    for result in results:
        groups[key(result)].append(result)
    return dict(groups)


def accuracy(results: list[Scored]) -> float:
    return ratio(sum(r.right for r in results), len(results))


def precision_recall(results: list[Scored], intent: str) -> tuple[float, float]:
    predicted = [r for r in results if r.predicted == intent]
    actual = [r for r in results if r.case.intent == intent]
    return (
        ratio(sum(r.right for r in predicted), len(predicted)),
        ratio(sum(r.right for r in actual), len(actual)),
    )


def figures(results: list[Scored], languages: list[Scored] | None = None) -> dict[str, float]:
    """The headline figures. `languages` (default: `results`) also holds `und` messages."""
    per_language = {lang: accuracy(rs) for lang, rs in by(results, lambda r: r.case.lang).items()}
    oos_p, oos_r = precision_recall(results, OUT_OF_SCOPE)
    detected = results if languages is None else languages
    decisions = Counter(r.decision for r in results)
    return {
        "accuracy": accuracy(results),
        "accuracy_worst_language": min(per_language.values(), default=0.0),
        "accuracy_hard": accuracy([r for r in results if r.case.kind == "hard"]),
        "out_of_scope_precision": oos_p,
        "out_of_scope_recall": oos_r,
        "language_accuracy": ratio(
            sum(r.case.lang == r.predicted_lang for r in detected), len(detected)
        ),
        "confidently_wrong": ratio(sum(r.confidently_wrong for r in results), len(results)),
        "answered": ratio(decisions["answer"], len(results)),
        "clarified": ratio(decisions["clarify"], len(results)),
        "fallback": ratio(decisions["fallback"], len(results)),
        "emergency_false_alarm": ratio(
            sum(r.decision == "emergency" and r.case.intent != "emergency" for r in results),
            sum(r.case.intent != "emergency" for r in results),
        ),
    }
