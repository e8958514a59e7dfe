"""Read content/emergency.yml: what to do in the next minutes, one answer per situation.

Every situation the detector can report (schema.SITUATIONS) needs an answer in all 12
languages, and the header on top of every answer must give 103 and 112, so that a missing
language or a lost number is a `file:line` problem for the editor, never a silent gap.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from content.schema import (
    REVIEW_STATUSES,
    SITUATIONS,
    TEXT_LIMIT,
    Contact,
    Emergencies,
    EmergencyAnswer,
)
from content.telegram_html import html_problems, visible_length
from content.yamlfile import line_of, load

if TYPE_CHECKING:
    from content.loader import _Checker

FILE = "content/emergency.yml"
NUMBERS = ("103", "112")


def load_emergencies(check: _Checker, contacts: tuple[Contact, ...]) -> Emergencies:
    """Validate and load the emergency answers; a tree without `emergency` may have none."""
    path = check.root / "emergency.yml"
    if not path.exists():
        if "emergency" in check.known:
            check.add(FILE, 1, "the file is missing: every emergency situation needs an answer")
        return Emergencies()
    data, problems = load(path, FILE)
    check.problems.extend(problems)
    if data is None:
        return Emergencies()
    if not isinstance(data, dict):
        check.add(FILE, 1, "the file must have `header`, `crisis_line` and `situations`")
        return Emergencies()
    header = _header(check, data)
    contact, missing = _crisis_line(check, data, contacts)
    notices = _review_notice(check, data)
    situations = _situations(check, data, has_missing_text=bool(missing))
    return Emergencies(header, situations, contact, missing, notices)


def _texts(check: _Checker, entry: Any, key: str, where: str) -> dict[str, str]:
    """Per-language texts, each checked for Telegram HTML and length."""
    texts = check.per_language(FILE, entry, key, where)
    for lang, text in texts.items():
        line = line_of(entry[key], lang)
        for problem in html_problems(text):
            check.add(FILE, line, f"{where}.{key}.{lang}: {problem}")
        if visible_length(text) > TEXT_LIMIT:
            check.add(FILE, line, f"{where}.{key}.{lang} is too long; keep it under {TEXT_LIMIT}")
    return texts


def _header(check: _Checker, data: dict) -> dict[str, str]:
    header = _texts(check, data, "header", "header") if "header" in data else {}
    if "header" not in data:
        check.add(FILE, 1, "header is missing: the lines with 103 and 112 above every answer")
    for lang, text in header.items():
        for number in NUMBERS:
            if number not in text:
                check.add(FILE, line_of(data["header"], lang), f"header.{lang} must give {number}")
    return header


def _crisis_line(
    check: _Checker, data: dict, contacts: tuple[Contact, ...]
) -> tuple[str | None, dict[str, str]]:
    block = data.get("crisis_line")
    if block is None:
        return None, {}
    if not isinstance(block, dict):
        check.add(FILE, line_of(data, "crisis_line"), "crisis_line must have contact and missing")
        return None, {}
    contact = check.text(FILE, block, "contact", "crisis_line")
    missing = _texts(check, block, "missing", "crisis_line")
    if contact and all(c.id != contact for c in contacts):
        check.add(
            FILE,
            line_of(block, "contact"),
            f"crisis_line.contact `{contact}` is not in contacts.yml yet; until it is there "
            "and verified, users read crisis_line.missing",
            "warning",
        )
    return contact, missing


def _review_notice(check: _Checker, data: dict) -> dict[str, dict[str, str]]:
    block = data.get("review_notice")
    if not isinstance(block, dict):
        check.add(FILE, line_of(data, "review_notice"), "review_notice needs draft and machine")
        return {}
    unreviewed = [s for s in REVIEW_STATUSES if s != "reviewed"]
    return {status: _texts(check, block, status, "review_notice") for status in unreviewed}


def _situations(
    check: _Checker, data: dict, *, has_missing_text: bool
) -> dict[str, EmergencyAnswer]:
    block = data.get("situations")
    if not isinstance(block, dict):
        check.add(FILE, line_of(data, "situations"), "situations must map each situation")
        return {}
    answers = {}
    for situation, entry in block.items():
        line = line_of(block, situation)
        if situation not in SITUATIONS:
            known = ", ".join(SITUATIONS)
            check.add(FILE, line, f"unknown situation `{situation}`; use one of {known}")
        elif not isinstance(entry, dict):
            check.add(FILE, line, f"situations.{situation} must have source, status and text")
        else:
            answers[situation] = _situation(check, situation, entry, has_missing_text)
    for situation in SITUATIONS:
        if situation not in block:
            check.add(
                FILE, block.line, f"situations.{situation} is missing; add its answer in all 12 "
                "languages",
            )  # fmt: skip
    return answers


def _situation(
    check: _Checker, situation: str, entry: dict, has_missing_text: bool
) -> EmergencyAnswer:
    where = f"situations.{situation}"
    source = check.text(FILE, entry, "source", where) or ""
    written = _date(check, entry, "written", where, required=True)
    reviewed = _date(check, entry, "reviewed", where, required=False)
    statuses = check.statuses(FILE, entry, where)
    related = entry.get("related")
    if related is not None and related not in check.known:
        check.add(FILE, line_of(entry, "related"), f"{where}.related `{related}` is not an intent")
        related = None
    crisis_line = entry.get("crisis_line", False)
    if not isinstance(crisis_line, bool):
        check.add(FILE, line_of(entry, "crisis_line"), f"{where}.crisis_line must be true/false")
        crisis_line = False
    if crisis_line and not has_missing_text:
        check.add(FILE, line_of(entry, "crisis_line"), "crisis_line.missing texts are needed")
    texts = _texts(check, entry, "text", where)
    return EmergencyAnswer(
        situation, texts, statuses, source, written or dt.date.min, reviewed, related, crisis_line
    )


def _date(check: _Checker, entry: dict, key: str, where: str, *, required: bool) -> dt.date | None:
    value = entry.get(key)
    if isinstance(value, dt.date) or (value is None and not required and key in entry):
        return value
    wanted = "a date like 2026-12-03" + ("" if required else ", or null")
    check.add(FILE, line_of(entry, key), f"{where}.{key} must be {wanted}")
    return None
