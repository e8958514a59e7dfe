"""Detect which of the 12 languages a message is in.

A character n-gram naive Bayes model trained on our own NLU examples (one file per
language). Off-the-shelf detectors have no Turkmen, Kurmanji or transliterated Russian and
are weak on two-word messages; see the NLU report for the measurement.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nlu.normalize import normalize
from nlu.trainingdata import read_examples, training_files

ORDERS = (1, 2, 3, 4)
WORD_WEIGHT = 3


def _grams(text: str) -> Counter[str]:
    """Character 1-4 grams, plus whole words weighted up (they separate transliterated
    Russian, "spasibo", "kakie", from Turkic and Kurdish words that share its letters)."""
    padded = f" {text} "
    grams = Counter(
        padded[i : i + n]
        for n in ORDERS
        for i in range(len(padded) - n + 1)
        if padded[i : i + n].strip()
    )
    for word in text.split():
        grams["W:" + word] += WORD_WEIGHT
    return grams


@dataclass(frozen=True)
class Detection:
    lang: str
    confidence: float


class LanguageDetector:
    """Multinomial naive Bayes over character 1-4 grams with add-alpha smoothing."""

    def __init__(self, examples: Mapping[str, Iterable[str]], *, alpha: float = 0.1) -> None:
        self._log_probs: dict[str, dict[str, float]] = {}
        self._unseen: dict[str, float] = {}
        vocabulary: set[str] = set()
        counts: dict[str, Counter[str]] = {}
        for lang, texts in examples.items():
            counts[lang] = Counter()
            for text in texts:
                counts[lang].update(_grams(normalize(text)))
            vocabulary.update(counts[lang])
        size = len(vocabulary) or 1
        for lang, counter in counts.items():
            total = sum(counter.values()) + alpha * size
            self._log_probs[lang] = {g: math.log((c + alpha) / total) for g, c in counter.items()}
            self._unseen[lang] = math.log(alpha / total)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._log_probs)

    def detect(self, text: str) -> Detection:
        """Return the most likely language and its posterior probability."""
        grams = _grams(normalize(text))
        if not grams or not self._log_probs:
            return Detection("ru", 0.0)
        scores = {
            lang: sum(n * probs.get(g, self._unseen[lang]) for g, n in grams.items())
            for lang, probs in self._log_probs.items()
        }
        best = max(scores, key=scores.__getitem__)
        top = scores[best]
        total = sum(math.exp((s - top) / max(1, len(grams)) * 4) for s in scores.values())
        return Detection(best, round(1.0 / total, 4))

    @classmethod
    def from_training_data(cls, data_dir: Path) -> LanguageDetector:
        """Train on nlu/data: every example's language is its file's name."""
        examples: dict[str, list[str]] = {}
        for path in training_files(data_dir):
            examples.setdefault(path.stem, []).extend(read_examples(path))
        return cls(examples)
