"""Validate when_words.yml for `healthbot content check`: every problem with its line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlu import LANGUAGES
from nlu.when.lexicon import WORDS_FILE, table

SHOWN = "nlu/when/when_words.yml"
_LISTS = ("date_order", "suffixes", "openers")  # sections keyed by language


@dataclass(frozen=True)
class WordProblem:
    file: str
    line: int
    message: str


def problems(path: Path = WORDS_FILE, shown: str = SHOWN) -> list[WordProblem]:
    """Every mistake in the vocabulary file: syntax, unknown languages, bad meanings, clashes."""
    try:
        text = path.read_text(encoding="utf-8")
        data, lines = yaml.safe_load(text), _key_lines(yaml.compose(text))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        return [WordProblem(shown, mark.line + 1 if mark else 1, f"cannot read: {error}")]
    if not isinstance(data, dict) or not isinstance(data.get("words"), dict):
        return [WordProblem(shown, 1, "expected a mapping with `words:`")]
    found: list[WordProblem] = []

    def add(where: tuple[str, ...], message: str) -> None:
        found.append(WordProblem(shown, _line(lines, where), message))

    _check_languages(data, add)
    for name, words in data["words"].items():
        if not isinstance(words, dict):
            add(("words", str(name)), f"words of {name!r} must be a mapping")
            continue
        table(str(name), words, report=lambda key, msg, n=name: add(("words", n, str(key)), msg))
    return found


def _check_languages(data: dict[str, Any], add: Any) -> None:
    listed = data.get("languages") or []
    for lang in listed:
        if lang not in LANGUAGES:
            add(("languages",), f"unknown language {lang!r} (the bot's: {', '.join(LANGUAGES)})")
    for lang in LANGUAGES:
        if lang not in listed or lang not in data["words"]:
            add(("languages",), f"language {lang!r} has no words; add a `words: {lang}:` section")
    sections = set(listed) | set(data.get("fallback") or [])
    for name in data["words"]:
        if name not in sections:
            add(("words", str(name)), f"unknown language {name!r}: not in languages or fallback")
    for name in data.get("fallback") or []:
        if name not in data["words"]:
            add(("fallback",), f"fallback {name!r} has no `words:` section")
    for section in _LISTS:
        for name in data.get(section) or {}:
            if name not in listed and name != "default":
                add((section, str(name)), f"unknown language {name!r} in {section}")


def _key_lines(node: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], int]:
    """1-based line of every mapping key, by its path of scalar keys."""
    lines: dict[tuple[str, ...], int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            where = (*path, _scalar(key))
            lines[where] = key.start_mark.line + 1
            lines.update(_key_lines(value, where))
    return lines


def _scalar(key: Any) -> str:
    """A key as `table` reports it: an unquoted `on:` is the boolean True."""
    if key.tag == "tag:yaml.org,2002:bool":
        return str(key.value.lower() in ("true", "yes", "on", "y"))
    return str(key.value)


def _line(lines: dict[tuple[str, ...], int], where: tuple[str, ...]) -> int:
    while where and where not in lines:
        where = where[:-1]
    return lines.get(where, 1)
