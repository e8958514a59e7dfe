"""Score the NLU pipeline on the held-out set in tests/nlu/data and write a Markdown report.

The same pipeline as the bot and `healthbot nlu parse` (normalise, detect, Rasa, safety net).
Exits non-zero when a target is missed, so CI fails when quality drops.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from nlu import LANGUAGES
from nlu.normalize import normalize
from nlu.runtime import NluRuntime
from nlu.trainingdata import read_intents, training_files
from nlu.understand import Understander

TARGETS = {
    "accuracy": 0.92,
    "accuracy_per_language": 0.88,
    "emergency_recall": 1.0,
    "emergency_precision": 0.90,
    "out_of_scope_precision": 0.85,
    "out_of_scope_recall": 0.85,
    "language_accuracy": 0.95,
}


@dataclass(frozen=True)
class Scored:
    text: str
    lang: str
    intent: str
    predicted: str
    predicted_lang: str
    confidence: float


def load_test_set(test_dir: Path) -> list[tuple[str, str, str]]:
    """(text, language, intent) for every held-out example."""
    return [
        (text, path.stem, intent)
        for path in sorted(test_dir.glob("*.yml"))
        for intent, texts in read_intents(path).items()
        for text in texts
    ]


async def score(understander: Understander, cases: list[tuple[str, str, str]]) -> list[Scored]:
    semaphore = asyncio.Semaphore(8)

    async def one(text: str, lang: str, intent: str) -> Scored:
        async with semaphore:
            result = await understander.understand(text)
        return Scored(text, lang, intent, result.intent, result.language, result.confidence)

    return list(await asyncio.gather(*(one(*case) for case in cases)))


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def figures(results: list[Scored]) -> dict[str, float]:
    def precision_recall(intent: str) -> tuple[float, float]:
        predicted = [r for r in results if r.predicted == intent]
        actual = [r for r in results if r.intent == intent]
        return (
            _ratio(sum(r.intent == intent for r in predicted), len(predicted)),
            _ratio(sum(r.predicted == intent for r in actual), len(actual)),
        )

    per_language = {
        lang: _ratio(sum(r.intent == r.predicted for r in rs), len(rs))
        for lang, rs in _by(results, "lang").items()
    }
    emergency_p, emergency_r = precision_recall("emergency")
    oos_p, oos_r = precision_recall("out_of_scope")
    return {
        "accuracy": _ratio(sum(r.intent == r.predicted for r in results), len(results)),
        "accuracy_per_language": min(per_language.values(), default=0.0),
        "emergency_recall": emergency_r,
        "emergency_precision": emergency_p,
        "out_of_scope_precision": oos_p,
        "out_of_scope_recall": oos_r,
        "language_accuracy": _ratio(
            sum(r.lang == r.predicted_lang for r in results), len(results)
        ),
    }


def _by(results: list[Scored], attribute: str) -> dict[str, list[Scored]]:
    groups: dict[str, list[Scored]] = defaultdict(list)
    for result in results:
        groups[getattr(result, attribute)].append(result)
    return groups


def markdown(
    results: list[Scored], seconds: float, extra: str = "", seen: frozenset[str] = frozenset()
) -> str:
    found = figures(results)
    unseen = [r for r in results if normalize(r.text) not in seen]
    novel = figures(unseen) if unseen else found
    lines = [
        "# NLU report",
        "",
        f"{len(results)} held-out messages (tests/nlu/data), "
        f"{len(results) / seconds:.0f} parses/s through the full pipeline.",
        "",
        "| figure | value | target |",
        "| --- | --- | --- |",
    ]
    for name, target in TARGETS.items():
        mark = "✅" if found[name] >= target else "❌"
        lines.append(f"| {name} | {found[name]:.3f} | {target:.2f} {mark} |")
    lines += ["", f"{len(results) - len(unseen)} held-out messages also occur (after "
              "normalisation) in the training data, mostly short common phrases such as "
              f"greetings. On the other {len(unseen)} alone:", "",
              "| figure | value |", "| --- | --- |"]  # fmt: skip
    lines += [f"| {name} | {novel[name]:.3f} |" for name in TARGETS]
    lines += [
        "",
        "## Per language",
        "",
        "| language | intent accuracy | language detected |",
        "| --- | --- | --- |",
    ]
    groups = _by(results, "lang")
    for lang in LANGUAGES:
        rs = groups.get(lang, [])
        intent_ok = _ratio(sum(r.intent == r.predicted for r in rs), len(rs))
        lang_ok = _ratio(sum(r.lang == r.predicted_lang for r in rs), len(rs))
        lines.append(f"| {lang} | {intent_ok:.3f} ({len(rs)}) | {lang_ok:.3f} |")
    lines += [
        "",
        "## Per intent",
        "",
        "| intent | precision | recall | n |",
        "| --- | --- | --- | --- |",
    ]
    for intent, rs in sorted(_by(results, "intent").items()):
        predicted = [r for r in results if r.predicted == intent]
        precision = _ratio(sum(r.intent == intent for r in predicted), len(predicted))
        recall = _ratio(sum(r.predicted == intent for r in rs), len(rs))
        lines.append(f"| {intent} | {precision:.3f} | {recall:.3f} | {len(rs)} |")
    confusions = Counter((r.intent, r.predicted) for r in results if r.intent != r.predicted)
    lines += [
        "",
        "## Most confused (expected → predicted)",
        "",
        "| pair | count |",
        "| --- | --- |",
    ]
    lines += [f"| {a} → {b} | {n} |" for (a, b), n in confusions.most_common(20)]
    wrong_lang = Counter((r.lang, r.predicted_lang) for r in results if r.lang != r.predicted_lang)
    lines += ["", "## Language confusions", "", "| pair | count |", "| --- | --- |"]
    lines += [f"| {a} → {b} | {n} |" for (a, b), n in wrong_lang.most_common(15)]
    return "\n".join(lines) + "\n" + extra


def training_texts(data_dir: Path) -> frozenset[str]:
    return frozenset(
        normalize(text)
        for path in training_files(data_dir)
        for texts in read_intents(path).values()
        for text in texts
    )


async def run(
    runtime: NluRuntime, test_dir: Path, out: Path, extra: str = "", data_dir: Path | None = None
) -> int:
    understander = await runtime.start()
    try:
        began = time.monotonic()
        results = await score(understander, load_test_set(test_dir))
        seconds = time.monotonic() - began
    finally:
        await runtime.stop()
    out.parent.mkdir(parents=True, exist_ok=True)
    seen = training_texts(data_dir) if data_dir else frozenset()
    out.write_text(markdown(results, seconds, extra, seen), encoding="utf-8")
    found = figures(results)
    missed = [name for name, target in TARGETS.items() if found[name] < target]
    for name in TARGETS:
        print(f"{name}: {found[name]:.3f} (target {TARGETS[name]:.2f})")
    print(f"report written to {out}")
    return 1 if missed else 0
