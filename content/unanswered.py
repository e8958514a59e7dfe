"""Group unanswered questions by similarity, most frequent first, for editors (CSV)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from nlu.normalize import normalize

SIMILAR = 0.5


def _shingles(text: str) -> frozenset[str]:
    folded = f" {normalize(text)} "
    return frozenset(folded[i : i + 3] for i in range(len(folded) - 2))


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def group(questions: Iterable[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Greedy clustering on character-trigram Jaccard similarity; largest groups first."""
    groups: list[tuple[frozenset[str], list[tuple[str, str]]]] = []
    for text, lang in questions:
        shingles = _shingles(text)
        best = max(groups, key=lambda g: _similarity(g[0], shingles), default=None)
        if best is not None and _similarity(best[0], shingles) >= SIMILAR:
            best[1].append((text, lang))
        else:
            groups.append((shingles, [(text, lang)]))
    return sorted((members for _, members in groups), key=len, reverse=True)


def write_csv(questions: Iterable[tuple[str, str]], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(["group", "count", "languages", "example", "other_examples"])
    groups = group(questions)
    for number, members in enumerate(groups, start=1):
        languages = " ".join(sorted({lang for _, lang in members}))
        texts = list(dict.fromkeys(text for text, _ in members))
        writer.writerow([number, len(members), languages, texts[0], " | ".join(texts[1:6])])
    return len(groups)
