"""Self-checks (content/selfchecks.yml): questions, scoring rules and advice, typed.

A scored check (TB, COVID-19) answers with the first rule whose conditions all hold; the HIV
check is a short branching flow whose texts and hours live here too. Editors change
questions, rules and wording in the YAML; `load_selfchecks` reports every problem with its
file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content.telegram_html import html_problems
from content.yamlfile import Problem, line_of, load
from nlu import LANGUAGES

YES, NO, UNSURE = "y", "n", "u"
LEVELS = ("soon", "check", "none")
HIV_TEXTS = ("when", "day", "time", "long_ago", "ongoing")
HIV_RESULTS = ("pep", "pep_unsure", "early", "lab", "any_test", "prep")
REVIEW_STATUSES = ("reviewed", "draft", "machine")
RULE_KEYS = ("level", "any_yes", "and_any_yes", "any_yes_or_unsure", "reason")

Texts = Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Question:
    id: str
    text: Texts
    danger: bool = False  # Yes stops the check and shows the emergency answer


@dataclass(frozen=True)
class Rule:
    level: str
    reason: Texts
    any_yes: tuple[str, ...] = ()  # at least one of these answered Yes
    and_any_yes: tuple[str, ...] = ()  # and at least one of these answered Yes
    any_yes_or_unsure: tuple[str, ...] = ()  # at least one of these answered Yes or Not sure

    def holds(self, answers: Mapping[str, str]) -> bool:
        def any_of(ids: tuple[str, ...], accepted: str) -> bool:
            return not ids or any(answers.get(i, NO) in accepted for i in ids)

        return (
            any_of(self.any_yes, YES)
            and any_of(self.and_any_yes, YES)
            and any_of(self.any_yes_or_unsure, YES + UNSURE)
        )


@dataclass(frozen=True)
class SelfCheck:
    id: str
    title: Texts
    intro: Texts
    status: Texts
    source: str
    reviewed: dt.date | None
    offered_under: tuple[str, ...]
    service: str  # locator service offered with the result
    answer: str  # health answer offered with the result
    questions: tuple[Question, ...] = ()
    rules: tuple[Rule, ...] = ()
    levels: Mapping[str, Texts] = field(default_factory=dict)
    texts: Mapping[str, Texts] = field(default_factory=dict)  # the HIV flow's questions
    results: Mapping[str, Texts] = field(default_factory=dict)  # the HIV flow's results
    pep_hours: int = 72

    @property
    def scored(self) -> bool:
        return bool(self.questions)

    def result(self, answers: Mapping[str, str]) -> Rule:
        """The first rule that holds for these answers (question id -> y / n / u)."""
        return next(rule for rule in self.rules if rule.holds(answers))


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def texts(self, entry: Any, key: str, where: str) -> dict[str, str]:
        block = entry.get(key) if isinstance(entry, dict) else None
        if not isinstance(block, dict):
            self.add(line_of(entry, key), f"{where}.{key} must give the text in all 12 languages")
            return {}
        out = {}
        for lang in LANGUAGES:
            value = block.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.add(line_of(block, lang), f"{where}.{key}.{lang} is missing; add the text")
                continue
            for problem in html_problems(value):
                self.add(line_of(block, lang), f"{where}.{key}.{lang}: {problem}")
            out[lang] = value
        for lang in block:
            if lang not in LANGUAGES:
                self.add(line_of(block, lang), f"{where}.{key}.{lang}: unknown language code")
        return out

    def ids(self, entry: dict, key: str, where: str, known: set[str]) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list):
            self.add(line_of(entry, key), f"{where}.{key} must be a list")
            return ()
        for item in value:
            if str(item) not in known:
                self.add(line_of(entry, key), f"{where}.{key} names `{item}`, which is unknown")
        return tuple(str(item) for item in value)


def _check(reader: _Reader, check_id: str, entry: Any, known_intents: frozenset[str]):
    where = check_id
    if not isinstance(entry, dict):
        reader.add(1, f"{where} must be a mapping")
        return None
    reviewed = entry.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, dt.date):
        reader.add(line_of(entry, "reviewed"), f"{where}.reviewed must be a date or null")
        reviewed = None
    status = reader.texts(entry, "status", where)
    for lang, value in status.items():
        if value not in REVIEW_STATUSES:
            reader.add(line_of(entry["status"], lang), f"{where}.status.{lang}: `{value}`?")
    offered = reader.ids(entry, "offered_under", where, set(known_intents))
    answer = str(entry.get("answer", ""))
    if answer not in known_intents:
        reader.add(line_of(entry, "answer"), f"{where}.answer `{answer}` is not a known intent")
    common = {
        "id": check_id, "title": reader.texts(entry, "title", where),
        "intro": reader.texts(entry, "intro", where), "status": status,
        "source": str(entry.get("source") or ""), "reviewed": reviewed,
        "offered_under": offered, "service": str(entry.get("service", "general")),
        "answer": answer,
    }  # fmt: skip
    if not common["source"]:
        reader.add(line_of(entry, "source"), f"{where}.source is missing")
    if "questions" in entry:
        return _scored(reader, entry, where, common)
    return _flow(reader, entry, where, common)


def _scored(reader: _Reader, entry: dict, where: str, common: dict) -> SelfCheck:
    questions = []
    for n, raw in enumerate(entry.get("questions") or [], start=1):
        qid = str(raw.get("id")) if isinstance(raw, dict) else ""
        if not qid:
            reader.add(line_of(entry, "questions"), f"{where}: question {n} has no id")
            continue
        text = reader.texts(raw, "text", f"{where}.{qid}")
        questions.append(Question(qid, text, raw.get("danger") is True))
    known = {q.id for q in questions}
    rules = []
    for raw in entry.get("rules") or []:
        for key in raw:
            if key not in RULE_KEYS:
                reader.add(
                    line_of(raw, key), f"{where}: rule key `{key}`? use {', '.join(RULE_KEYS)}"
                )
        level = str(raw.get("level", ""))
        if level not in LEVELS:
            reader.add(raw.line, f"{where}: rule level `{level}`; use one of {', '.join(LEVELS)}")
        rules.append(
            Rule(
                level,
                reader.texts(raw, "reason", f"{where}.rule"),
                reader.ids(raw, "any_yes", where, known),
                reader.ids(raw, "and_any_yes", where, known),
                reader.ids(raw, "any_yes_or_unsure", where, known),
            )
        )
    if not rules or rules[-1].any_yes or rules[-1].and_any_yes or rules[-1].any_yes_or_unsure:
        reader.add(line_of(entry, "rules"), f"{where}: the last rule must have no conditions")
    levels_entry = entry.get("levels") or {}
    levels = {lv: reader.texts(levels_entry, lv, f"{where}.levels") for lv in LEVELS}
    return SelfCheck(**common, questions=tuple(questions), rules=tuple(rules), levels=levels)


def _flow(reader: _Reader, entry: dict, where: str, common: dict) -> SelfCheck:
    texts = {key: reader.texts(entry, key, where) for key in HIV_TEXTS}
    results_entry = entry.get("results") or {}
    results = {key: reader.texts(results_entry, key, f"{where}.results") for key in HIV_RESULTS}
    for lang, text in results.get("pep", {}).items():
        if "{hours}" not in text:
            reader.add(
                line_of(results_entry, "pep"), f"{where}.results.pep.{lang} lacks {{hours}}"
            )
    hours = entry.get("pep_hours", 72)
    if not isinstance(hours, int) or not 1 <= hours <= 96:
        reader.add(line_of(entry, "pep_hours"), f"{where}.pep_hours must be a whole number")
        hours = 72
    return SelfCheck(**common, texts=texts, results=results, pep_hours=hours)


def load_selfchecks(
    path: Path, known_intents: frozenset[str]
) -> tuple[dict[str, SelfCheck], list[Problem]]:
    """Read content/selfchecks.yml (absent: no self-checks)."""
    if not path.exists():
        return {}, []
    file = f"content/{path.name}"
    data, problems = load(path, file)
    if data is None:
        return {}, problems
    reader = _Reader(file)
    reader.problems.extend(problems)
    checks = {}
    for check_id, entry in data.items() if isinstance(data, dict) else ():
        check = _check(reader, str(check_id), entry, known_intents)
        if check is not None:
            checks[str(check_id)] = check
    return checks, reader.problems
