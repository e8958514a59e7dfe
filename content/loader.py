"""Read content/ into a typed `Content`, collecting every problem with its file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from content.campaigns import load_campaigns
from content.emergencies import load_emergencies
from content.schema import (
    REVIEW_STATUSES,
    TEXT_LIMIT,
    TITLE_LIMIT,
    Answer,
    Contact,
    Content,
    MenuGroup,
)
from content.selfchecks import load_selfchecks
from content.sites import load_sites
from content.telegram_html import html_problems, visible_length
from content.yamlfile import Problem, line_of, load
from nlu import LANGUAGES


class ContentError(Exception):
    """Content has errors; `problems` lists each one for the editor."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Checker:
    def __init__(self, root: Path, known_intents: frozenset[str]) -> None:
        self.root = root
        self.known = known_intents
        self.problems: list[Problem] = []

    def add(self, file: str, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(file, line, message, severity))

    def text(self, file: str, mapping: Any, key: str, where: str) -> str | None:
        value = mapping.get(key) if isinstance(mapping, dict) else None
        line = line_of(mapping, key)
        if value is None or value == "":
            self.add(file, line, f"{where}.{key} is missing or empty")
            return None
        if not isinstance(value, str):
            self.add(
                file,
                line,
                f"{where}.{key}: YAML read `{value!r}` as "
                f"{type(value).__name__}, not text; put the value in quotes",
            )
            return None
        return value

    def per_language(self, file: str, entry: dict, key: str, where: str) -> dict[str, str]:
        block = entry.get(key)
        if not isinstance(block, dict):
            self.add(file, line_of(entry, key), f"{where}.{key} must list all 12 languages")
            return {}
        for lang in block:
            if lang not in LANGUAGES:
                self.add(
                    file,
                    line_of(block, lang),
                    f"{where}.{key}.{lang}: unknown language "
                    f"code; use one of {', '.join(LANGUAGES)}",
                )
        out = {}
        for lang in LANGUAGES:
            if lang not in block:
                self.add(file, block.line, f"{where}.{key}.{lang} is missing; add the {lang} text")
                continue
            value = self.text(file, block, lang, f"{where}.{key}")
            if value is not None:
                out[lang] = value
        return out

    def statuses(self, file: str, entry: dict, where: str) -> dict[str, str]:
        """The review status per language, each one of REVIEW_STATUSES."""
        statuses = self.per_language(file, entry, "status", where)
        allowed = ", ".join(REVIEW_STATUSES)
        for lang, status in statuses.items():
            if status not in REVIEW_STATUSES:
                message = f"{where}.status.{lang} is `{status}`; use one of {allowed}"
                self.add(file, line_of(entry["status"], lang), message)
        return statuses


def _answer(check: _Checker, file: str, intent: str, entry: Any, line: int) -> Answer | None:
    if not isinstance(entry, dict):
        check.add(file, line, f"{intent} must be a mapping with source, title, text, status")
        return None
    if intent not in check.known:
        check.add(
            file,
            line,
            f"{intent} is not an intent the bot knows; check the spelling against nlu/data",
        )
    source = check.text(file, entry, "source", intent) or ""
    reviewed = entry.get("reviewed", "missing")
    if reviewed == "missing":
        check.add(file, line, f"{intent}.reviewed is missing; write a date (YYYY-MM-DD) or null")
        reviewed = None
    elif reviewed is not None and not isinstance(reviewed, dt.date):
        check.add(
            file,
            line_of(entry, "reviewed"),
            f"{intent}.reviewed must be a date like 2026-11-25, or null",
        )
        reviewed = None
    titles = check.per_language(file, entry, "title", intent)
    texts = check.per_language(file, entry, "text", intent)
    statuses = check.statuses(file, entry, intent)
    for lang, title in titles.items():
        if len(title) > TITLE_LIMIT:
            check.add(
                file,
                line_of(entry["title"], lang),
                f"{intent}.title.{lang} has {len(title)} characters; buttons allow {TITLE_LIMIT}",
            )
    for lang, text in texts.items():
        where = line_of(entry["text"], lang)
        for problem in html_problems(text):
            check.add(file, where, f"{intent}.text.{lang}: {problem}")
        if visible_length(text) > TEXT_LIMIT:
            check.add(
                file,
                where,
                f"{intent}.text.{lang} is {visible_length(text)} characters; "
                f"keep it under {TEXT_LIMIT} (Telegram allows 4096)",
            )
    related = entry.get("related", [])
    if not isinstance(related, list):
        check.add(file, line_of(entry, "related"), f"{intent}.related must be a list")
        related = []
    for other in related:
        if other not in check.known:
            check.add(
                file,
                line_of(entry, "related"),
                f"{intent}.related names `{other}`, which is not a known intent",
            )
    return Answer(intent, titles, texts, statuses, source, reviewed, tuple(map(str, related)))


def _answers(check: _Checker) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    unreadable = False
    for path in sorted((check.root / "answers").glob("*.yml")):
        file = str(path.relative_to(check.root.parent))
        data, problems = load(path, file)
        check.problems.extend(problems)
        if data is None:
            unreadable = True
            continue
        if not isinstance(data, dict):
            check.add(file, 1, "the file must map intent names to answers")
            continue
        for intent, entry in data.items():
            if intent in answers:
                check.add(file, line_of(data, intent), f"{intent} is answered twice")
            answer = _answer(check, file, str(intent), entry, line_of(data, intent))
            if answer is not None:
                answers[str(intent)] = answer
    # With an unreadable file, "missing answer" errors would only be noise.
    for intent in sorted(check.known - answers.keys()) if not unreadable else ():
        check.add("content/answers", 1, f"no answer for intent `{intent}`; add one")
    return answers


def _menu(check: _Checker) -> tuple[MenuGroup, ...]:
    file = "content/menu.yml"
    data, problems = load(check.root / "menu.yml", file)
    check.problems.extend(problems)
    groups = []
    for entry in (data or {}).get("groups", []) if isinstance(data, dict) else []:
        title = check.per_language(file, entry, "title", f"group {entry.get('id')}")
        intents = tuple(entry.get("intents", []))
        for intent in intents:
            if intent not in check.known:
                check.add(file, line_of(entry, "intents"), f"menu names unknown intent {intent}")
        groups.append(MenuGroup(str(entry.get("id")), title, intents))
    return tuple(groups)


def _contacts(check: _Checker) -> tuple[Contact, ...]:
    file = "content/contacts.yml"
    data, problems = load(check.root / "contacts.yml", file)
    check.problems.extend(problems)
    contacts = []
    for cid, entry in (data or {}).items() if isinstance(data, dict) else []:
        name = check.per_language(file, entry, "name", str(cid))
        phone = check.text(file, entry, "phone", str(cid)) or ""
        verified = entry.get("verified")
        if not isinstance(verified, bool):
            check.add(file, line_of(entry, "verified"), f"{cid}.verified must be true or false")
        source = check.text(file, entry, "source", str(cid)) or ""
        contacts.append(Contact(str(cid), name, phone, verified is True, source))
    return tuple(contacts)


def load_content(root: Path, known_intents: frozenset[str]) -> tuple[Content, list[Problem]]:
    """Load and validate; raise ContentError listing every error. Warnings are returned."""
    check = _Checker(root, known_intents)
    cities, sites, site_problems = load_sites(root / "sites.yml")
    check.problems.extend(site_problems)
    campaigns, campaign_problems = load_campaigns(root / "campaigns")
    check.problems.extend(campaign_problems)
    selfchecks, selfcheck_problems = load_selfchecks(root / "selfchecks.yml", known_intents)
    check.problems.extend(selfcheck_problems)
    answers, menu, contacts = _answers(check), _menu(check), _contacts(check)
    emergencies = load_emergencies(check, contacts)
    content = Content(
        answers, menu, contacts, cities, sites, campaigns, emergencies, selfchecks=selfchecks
    )
    errors = [p for p in check.problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    return content, [p for p in check.problems if p.severity != "error"]
