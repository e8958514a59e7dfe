"""The emergency detector: rules built for recall, in front of and independent of Rasa.

Each sentence and clause of a message is matched against every language's rules (people mix
languages and the language detector can be wrong). Idioms are blanked out first. A `weak`
match (a danger word that also appears in questions: "stroke", "suicide") is hidden by a guard
cue of an information question, a past event or a joke; a `strong` match (first-person,
present danger: "I can't breathe") only by a past event in its own clause ("last year ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlu.emergencyrules import GENERAL, GUARD_SCOPES, HIDES_STRONG, SITUATIONS, RuleSet, read
from nlu.fold import Sentence, sentences
from nlu.patterns import Alternative, Matcher, Pattern, find

RULES_DIR = Path(__file__).resolve().parent / "emergency"
_LOADED: dict[tuple[Path, tuple[tuple[str, int], ...]], EmergencyDetector] = {}
_IDIOM_PASSES = 3


class RulesError(ValueError):
    """The emergency rules have problems; `healthbot content check` lists them."""


@dataclass(frozen=True)
class Detection:
    situation: str
    strong: bool
    lang: str  # whose rules matched
    pattern: str


@dataclass(frozen=True)
class Verdict:
    found: Detection | None  # the emergency, if any
    hidden: tuple[Detection, ...] = ()  # weak matches a guard hid
    guards: tuple[str, ...] = ()  # guard kinds seen anywhere in the message

    @property
    def situation(self) -> str | None:
        """The situation code, or None (no emergency, or a general one)."""
        if self.found is None or self.found.situation == GENERAL:
            return None
        return self.found.situation


def _rank(detection: Detection) -> tuple[bool, bool, int]:
    """A named situation before a general one, strong before weak, then SITUATIONS order."""
    general = detection.situation == GENERAL
    index = 0 if general else SITUATIONS.index(detection.situation)
    return (general, not detection.strong, index)


class _Index:
    """Which patterns can match, from the alternatives a sentence's words matched."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self._by_alt: dict[Alternative, set[int]] = {}
        for number, pattern in enumerate(patterns):
            for alt in pattern.terms[0]:
                self._by_alt.setdefault(alt, set()).add(number)

    def candidates(self, present: frozenset[Alternative]) -> list[int]:
        found: set[int] = set()
        for alt in present:
            found |= self._by_alt.get(alt, set())
        return sorted(found)


class EmergencyDetector:
    def __init__(self, ruleset: RuleSet) -> None:
        self._set = ruleset
        alternatives: set[Alternative] = set()
        for pattern in self._all_patterns():
            for term in pattern.terms:
                alternatives |= term
        self._matcher = Matcher(alternatives)
        self._clause_words = frozenset(ruleset.clause_words)
        self._rules = _Index([r.pattern for r in ruleset.rules])
        self._guards = _Index([g.pattern for g in ruleset.guards])
        self._idioms = _Index(ruleset.idioms)

    def _all_patterns(self) -> list[Pattern]:
        s = self._set
        return [r.pattern for r in s.rules] + [g.pattern for g in s.guards] + s.idioms

    @classmethod
    def load(cls, directory: Path = RULES_DIR) -> EmergencyDetector:
        """The detector for the rules in `directory`; built once per version of the files."""
        version = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in directory.glob("*.yml")))
        key = (directory.resolve(), version)
        if key not in _LOADED:
            ruleset = read(directory)
            if ruleset.problems:
                first = ruleset.problems[0]
                raise RulesError(f"{first.file}:{first.line}: {first.message} (and others?)")
            _LOADED[key] = cls(ruleset)
        return _LOADED[key]

    def matches(self, text: str) -> bool:
        return self.detect(text).found is not None

    def detect(self, text: str) -> Verdict:
        """The most urgent situation in the message, with what guards hid."""
        found: list[Detection] = []
        hidden: list[Detection] = []
        kinds: set[str] = set()
        for sentence in sentences(text, self._clause_words):
            self._sentence(sentence, found, hidden, kinds)
        best = min(found, key=_rank) if found else None
        return Verdict(best, tuple(hidden), tuple(sorted(kinds)))

    def _sentence(
        self, sentence: Sentence, found: list[Detection], hidden: list[Detection], kinds: set[str]
    ) -> None:
        matched = [self._matcher.of(word) for word in sentence.words]
        self._blank_idioms(matched)
        present = frozenset().union(*matched)
        guard_clauses: dict[str, set[int]] = {}
        for number in self._guards.candidates(present):
            guard = self._set.guards[number]
            span = _find(guard.pattern, matched, present)
            if span is not None:
                guard_clauses.setdefault(guard.kind, set()).update(_clauses(sentence, span))
        kinds.update(guard_clauses)
        for number in self._rules.candidates(present):
            rule = self._set.rules[number]
            span = _find(rule.pattern, matched, present)
            if span is None:
                continue
            detection = Detection(rule.situation, rule.strong, rule.lang, rule.pattern.source)
            if _guarded(guard_clauses, _clauses(sentence, span), strong=rule.strong):
                hidden.append(detection)
            else:
                found.append(detection)

    def _blank_idioms(self, matched: list[frozenset[Alternative]]) -> None:
        for _ in range(_IDIOM_PASSES):
            present = frozenset().union(*matched)
            idioms = (self._set.idioms[n] for n in self._idioms.candidates(present))
            spans = [_find(idiom, matched, present) for idiom in idioms]
            spans = [span for span in spans if span is not None]
            if not spans:
                return
            for start, end in spans:
                matched[start : end + 1] = [frozenset()] * (end + 1 - start)


def _find(pattern: Pattern, matched: list[frozenset[Alternative]], present: frozenset):
    if not all(term & present for term in pattern.terms):
        return None
    return find(pattern, matched)


def _clauses(sentence: Sentence, span: tuple[int, int]) -> set[int]:
    return set(sentence.clauses[span[0] : span[1] + 1])


def _guarded(guard_clauses: dict[str, set[int]], clauses: set[int], *, strong: bool) -> bool:
    return any(
        (kind in HIDES_STRONG or not strong)
        and (GUARD_SCOPES[kind] == "sentence" or seen & clauses)
        for kind, seen in guard_clauses.items()
    )
