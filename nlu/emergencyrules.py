"""Read the emergency rules editors maintain in nlu/emergency/<lang>.yml, with line numbers.

Each file has `situations` (per situation `strong` and `weak` patterns; `general` for urgent
messages outside the situations), `guards` (cues of an
information question, a past event, a joke or a PEP-timing question), `idioms` (figures of
speech such as "this queue is killing me" that are blanked out before matching) and
`clause_words` (words such as "but" that start a new clause). Problems are collected, never
raised one at a time, so `healthbot content check` can list them all as file:line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlu import LANGUAGES
from nlu.fold import words
from nlu.patterns import Pattern, PatternError, parse_pattern

# Priority when one message matches several: the first listed wins (most specific first).
SITUATIONS: tuple[str, ...] = (
    "suicide", "self_harm", "sexual_assault", "poisoning", "child_fever", "allergy", "seizure",
    "stroke", "chest_pain", "coughing_blood", "bleeding", "breathing", "unconscious",
)  # fmt: skip
# Urgent, but none of the situations above (an accident, "call an ambulance", a burn): the
# general emergency answer, and `situation` is null.
GENERAL = "general"
# Where a guard looks: an information or PEP question colours its whole sentence; a past
# event or a joke only its own clause ("last year I had TB, but now I cough blood").
# `mild` ("a little blood") also only its clause.
# A past event ("last year") is not a present danger, so it hides strong matches of its clause
# too; every other guard hides only weak ones.
HIDES_STRONG = frozenset({"past"})
GUARD_SCOPES = {
    "info": "sentence", "pep": "sentence", "past": "clause", "joke": "clause", "mild": "clause",
}  # fmt: skip
STRENGTHS = ("strong", "weak")


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int
    message: str


@dataclass(frozen=True)
class Rule:
    situation: str
    strong: bool  # strong: never hidden by a guard (first-person, present danger)
    pattern: Pattern
    lang: str


@dataclass(frozen=True)
class Guard:
    kind: str
    pattern: Pattern


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    guards: list[Guard] = field(default_factory=list)
    idioms: list[Pattern] = field(default_factory=list)
    clause_words: set[str] = field(default_factory=set)
    problems: list[RuleProblem] = field(default_factory=list)


class _Lined(str):
    line: int = 1


class _Loader(yaml.SafeLoader):
    pass


def _scalar(loader: _Loader, node: yaml.ScalarNode) -> object:
    value = loader.construct_scalar(node)
    lined = _Lined(value)
    lined.line = node.start_mark.line + 1
    return lined


_Loader.add_constructor("tag:yaml.org,2002:str", _scalar)


def _line(value: object, default: int = 1) -> int:
    return value.line if isinstance(value, _Lined) else default


def read(directory: Path) -> RuleSet:
    """Every rule file in `directory` (one per language), with the problems found."""
    found = RuleSet()
    for path in sorted(directory.glob("*.yml")):
        _read_file(path, f"{directory.name}/{path.name}", found)
    return found


def _read_file(path: Path, shown: str, found: RuleSet) -> None:
    lang = path.stem
    if lang not in LANGUAGES:
        found.problems.append(RuleProblem(shown, 1, f"unknown language `{lang}`"))
        return
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        found.problems.append(RuleProblem(shown, line, f"YAML syntax error: {exc.problem}"))
        return
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        found.problems.append(RuleProblem(shown, 1, f"cannot read: {exc}"))
        return
    if not isinstance(data, dict):
        found.problems.append(RuleProblem(shown, 1, "expected a mapping with `situations:`"))
        return
    _situations(data.get("situations") or {}, lang, shown, found)
    _guards(data.get("guards") or {}, shown, found)
    for idiom in _patterns(data.get("idioms") or [], shown, found, "idioms"):
        found.idioms.append(idiom)
    for word in data.get("clause_words") or []:
        found.clause_words.update(words(str(word)))
    for key in data:
        if key not in ("situations", "guards", "idioms", "clause_words"):
            found.problems.append(RuleProblem(shown, _line(key), f"unknown section `{key}`"))


def _situations(section: object, lang: str, shown: str, found: RuleSet) -> None:
    if not isinstance(section, dict):
        found.problems.append(RuleProblem(shown, 1, "`situations:` must map situation names"))
        return
    for situation, body in section.items():
        if not _known(situation, (*SITUATIONS, GENERAL), "situation", shown, found):
            continue
        if not isinstance(body, dict):
            message = f"{situation}: expected `strong:` and/or `weak:` lists"
            found.problems.append(RuleProblem(shown, _line(situation), message))
            continue
        for strength, items in body.items():
            if not _known(strength, STRENGTHS, f"{situation}: key", shown, found):
                continue
            for pattern in _patterns(items or [], shown, found, f"{situation}.{strength}"):
                found.rules.append(Rule(situation, strength == "strong", pattern, lang))


def _guards(section: object, shown: str, found: RuleSet) -> None:
    if not isinstance(section, dict):
        found.problems.append(RuleProblem(shown, 1, "`guards:` must map guard kinds"))
        return
    for kind, items in section.items():
        if not _known(kind, tuple(GUARD_SCOPES), "guard kind", shown, found):
            continue
        for pattern in _patterns(items or [], shown, found, f"guards.{kind}"):
            found.guards.append(Guard(str(kind), pattern))


def _known(name: object, allowed: tuple[str, ...], what: str, shown: str, found: RuleSet) -> bool:
    if name in allowed:
        return True
    message = f"unknown {what} `{name}` (known: {', '.join(allowed)})"
    found.problems.append(RuleProblem(shown, _line(name), message))
    return False


def _patterns(items: object, shown: str, found: RuleSet, where: str) -> list[Pattern]:
    if not isinstance(items, list):
        found.problems.append(RuleProblem(shown, _line(items), f"{where}: expected a list"))
        return []
    parsed = []
    for item in items:
        if item is None or not str(item).strip():
            found.problems.append(RuleProblem(shown, _line(item), f"{where}: empty pattern"))
            continue
        try:
            parsed.append(parse_pattern(str(item)))
        except PatternError as exc:
            found.problems.append(RuleProblem(shown, _line(item), f"{where}: {exc}"))
    return parsed
