"""Evaluation messages, and the removal of any that also occur in the training data.

Blind sets (tests/nlu/blind/<split>/<lang>.yml) are written by people who never saw the training
data: `messages: [{text, intent, kind}]`, the language is the file's name (`und.yml`: none of
the 12). The old held-out set (tests/nlu/data, Rasa NLU format) was written by the same hands
as the training data and is kept only as a secondary figure.

A message counts as overlapping when, after normalisation and folding of spaces and
apostrophes, it equals a training example or shares at least 90% of its character 3-grams
(Jaccard) with one. Overlapping messages are not scored, and the report says how many.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from nlu.normalize import normalize
from nlu.trainingdata import read_intents, training_files

NEAR = 0.9


@dataclass(frozen=True)
class Case:
    text: str
    lang: str  # one of the 12, or "und"
    intent: str
    kind: str  # plain, paraphrase, informal, hard; "old" for the old held-out set


def load_blind(split_dir: Path) -> list[Case]:
    """Every message of one split (dev or test); an absent folder gives none."""
    cases = []
    for path in sorted(split_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("messages", []):
            kind = str(item.get("kind", "plain"))
            cases.append(Case(str(item["text"]), path.stem, str(item["intent"]), kind))
    return cases


def load_old(test_dir: Path) -> list[Case]:
    """The old held-out set in Rasa NLU format (tests/nlu/data)."""
    return [
        Case(text, path.stem, intent, "old")
        for path in sorted(test_dir.glob("*.yml"))
        for intent, texts in read_intents(path).items()
        for text in texts
    ]


def fold(text: str) -> str:
    """Normalised, without spaces or apostrophes: "Где, где сдать?" == "гдегде сдать"."""
    return normalize(text).replace(" ", "").replace("'", "")


def _trigrams(text: str) -> frozenset[str]:
    folded = f" {normalize(text).replace(chr(39), '')} "
    return frozenset(folded[i : i + 3] for i in range(len(folded) - 2))


class TrainingOverlap:
    """Finds evaluation messages that are (nearly) training examples.

    Near matches use prefix filtering: two sets with Jaccard >= t share at least one of the
    first |A| - ceil(t * |A|) + 1 trigrams of each, in one global order (rarest first), so only
    training examples sharing one of those rare trigrams are compared.
    """

    def __init__(self, training: Iterable[str], near: float = NEAR) -> None:
        self._near = near
        texts = list(dict.fromkeys(training))
        self._exact = frozenset(fold(t) for t in texts)
        self._sets = [_trigrams(t) for t in texts]
        frequency = Counter(g for s in self._sets for g in s)
        self._rank = {g: (n, g) for g, n in frequency.items()}
        self._index: dict[str, list[int]] = defaultdict(list)
        for number, grams in enumerate(self._sets):
            for gram in self._prefix(grams):
                self._index[gram].append(number)

    def _prefix(self, grams: frozenset[str]) -> list[str]:
        ordered = sorted(grams, key=lambda g: self._rank.get(g, (0, g)))
        return ordered[: len(ordered) - math.ceil(self._near * len(ordered)) + 1]

    def kind(self, text: str) -> str | None:
        """ "exact", "near" or None."""
        if fold(text) in self._exact:
            return "exact"
        grams = _trigrams(text)
        for number in {n for g in self._prefix(grams) for n in self._index.get(g, ())}:
            other = self._sets[number]
            if len(grams & other) / len(grams | other) >= self._near:
                return "near"
        return None

    @classmethod
    def of(cls, data_dir: Path) -> TrainingOverlap:
        return cls(
            text
            for path in training_files(data_dir)
            for texts in read_intents(path).values()
            for text in texts
        )


def without_overlap(
    cases: list[Case], overlap: TrainingOverlap
) -> tuple[list[Case], Counter[str]]:
    """The cases to score, and how many were removed as "exact" or "near" copies."""
    kept, removed = [], Counter()
    for case in cases:
        found = overlap.kind(case.text)
        if found:
            removed[found] += 1
        else:
            kept.append(case)
    return kept, removed
