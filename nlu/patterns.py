"""Word patterns that survive typos, inflection and transliteration, matched in a sentence.

A pattern is words separated by spaces; all of them must occur within a few words of each
other, in any order. Each word may list alternatives with `|`:

    word      the whole word (one typo allowed from 7 letters)
    stem*     any word starting with the stem (one typo allowed from 7 letters)
    *part*    any word containing `part` (at least 3 letters)
    =word     exactly this word, no typo forgiven (for words one letter from another word)
    中文       Chinese: these characters anywhere in a run of Chinese text

Every alternative is folded like the message (nlu/fold.py), so "дыш*" also matches "dyshat".
"""

from __future__ import annotations

from dataclasses import dataclass

from nlu.fold import words

# Letters from which one typo is forgiven. Measured on the training data of all 12 languages:
# from 5 letters, typos turned words of one language into another's danger words ("sakta" /
# "sakla", "olmek" / "olmak"); a typo in the first letter is never forgiven for that reason.
FUZZY_FROM = 7
GAP = 4  # words allowed between the words of a pattern
_CJK_START, _CJK_END = "\u3400", "\u9fff"


class PatternError(ValueError):
    """A pattern an editor wrote that cannot be used (empty, too short to mean anything)."""


@dataclass(frozen=True)
class Alternative:
    kind: str  # "word", "exact", "prefix", "infix", "cjk"
    text: str


def _is_cjk(text: str) -> bool:
    return any(_CJK_START <= c <= _CJK_END for c in text)


def parse_alternative(raw: str) -> Alternative:
    raw = raw.strip()
    exact = raw.startswith("=")
    raw = raw.lstrip("=")
    if _is_cjk(raw):
        return Alternative("cjk", "".join(words(raw)))
    infix = raw.startswith("*") and raw.endswith("*") and len(raw) > 2
    prefix = raw.endswith("*") and not infix
    folded = words(raw.strip("*"))
    if len(folded) != 1:
        raise PatternError(f"`{raw}` must be one word (use spaces only between words)")
    text = folded[0]
    if infix and len(text) < 3:
        raise PatternError(f"`{raw}` is too short: *part* needs at least 3 letters")
    if prefix and len(text) < 2:
        raise PatternError(f"`{raw}` is too short: a stem needs at least 2 letters")
    if exact and (infix or prefix):
        raise PatternError(f"`={raw}`: `=` is for whole words, not stems")
    kind = "infix" if infix else "prefix" if prefix else "exact" if exact else "word"
    return Alternative(kind, text)


@dataclass(frozen=True)
class Pattern:
    source: str
    terms: tuple[frozenset[Alternative], ...]


def parse_pattern(source: str) -> Pattern:
    """Raises PatternError for a pattern that is empty or would match almost anything."""
    parts = str(source).split()
    if not parts:
        raise PatternError("empty pattern")
    terms = tuple(
        frozenset(parse_alternative(a) for a in part.split("|") if a.strip()) for part in parts
    )
    if any(not term for term in terms):
        raise PatternError(f"`{source}` has an empty alternative (`||` or a lone `|`)")
    if len(terms) == 1 and any(_too_loose(a) for a in terms[0]):
        raise PatternError(f"`{source}` alone would match almost every message; add a word")
    return Pattern(str(source), terms)


def _too_loose(alt: Alternative) -> bool:
    """Alone in a pattern, a 1-letter word or a 1-2 letter stem matches almost any message."""
    return (alt.kind in ("prefix", "infix") and len(alt.text) < 3) or len(alt.text) < 2


def _one_edit(a: str, b: str) -> bool:
    """At most one substitution, insertion, deletion or swap of neighbours turns a into b."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        swapped = a[start + 1 : start + 2] + a[start : start + 1] == b[start : start + 2]
        return a[start + 1 :] == b[start + 1 :] or (swapped and a[start + 2 :] == b[start + 2 :])
    return len(b) - len(a) == 1 and a[start:] == b[start + 1 :]


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text))}


class Matcher:
    """Finds which alternatives each word matches, through indexes built once."""

    def __init__(self, alternatives: set[Alternative]) -> None:
        self._word: dict[str, set[Alternative]] = {}
        self._prefix: dict[str, set[Alternative]] = {}
        self._fuzzy: dict[str, list[Alternative]] = {}
        self._scan = [a for a in alternatives if a.kind in ("infix", "cjk")]
        for alt in alternatives:
            if alt.kind in ("word", "exact", "prefix"):
                index = self._prefix if alt.kind == "prefix" else self._word
                index.setdefault(alt.text, set()).add(alt)
                if len(alt.text) >= FUZZY_FROM and alt.kind != "exact":
                    head, rest = alt.text[0], alt.text[1:]
                    for variant in _deletions(rest) | {rest}:
                        self._fuzzy.setdefault(head + variant, []).append(alt)
        self._cache: dict[str, frozenset[Alternative]] = {}

    def of(self, word: str) -> frozenset[Alternative]:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = frozenset(self._lookup(word))
        return found

    def _lookup(self, word: str) -> set[Alternative]:
        if _is_cjk(word):
            return {a for a in self._scan if a.text in word}
        found = set(self._word.get(word, ()))
        for end in range(1, len(word) + 1):
            found |= self._prefix.get(word[:end], set())
        for end in range(FUZZY_FROM - 1, len(word) + 1):
            head = word[:end]
            for variant in _deletions(head[1:]) | {head[1:]}:
                for alt in self._fuzzy.get(head[0] + variant, ()):
                    if self._near(alt, end, len(word)) and _one_edit(alt.text, head):
                        found.add(alt)
        found.update(a for a in self._scan if a.text in word)
        return found

    @staticmethod
    def _near(alt: Alternative, end: int, length: int) -> bool:
        """A stem's typo keeps its length or adds a letter; a word's may also drop one."""
        if alt.kind == "prefix":
            return 0 <= end - len(alt.text) <= 1
        return end == length and abs(len(alt.text) - end) <= 1


def find(pattern: Pattern, matched: list[frozenset[Alternative]]) -> tuple[int, int] | None:
    """The first and last word of the tightest place where all terms occur, if close enough."""
    events = sorted(
        (position, index)
        for position, alts in enumerate(matched)
        for index, term in enumerate(pattern.terms)
        if alts & term
    )
    need = len(pattern.terms)
    counts = [0] * need
    covered = 0
    best: tuple[int, int] | None = None
    left = 0
    for position, index in events:
        counts[index] += 1
        covered += counts[index] == 1
        while covered == need:
            start = events[left][0]
            if best is None or position - start < best[1] - best[0]:
                best = (start, position)
            gone = events[left][1]
            counts[gone] -= 1
            covered -= counts[gone] == 0
            left += 1
    if best is None or best[1] - best[0] > need - 1 + GAP:
        return None
    return best
