"""`healthbot content check`: validate content/ and nlu/ and print `file:line: problem`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO

from content.loader import ContentError, load_content
from content.yamlfile import Problem, line_of, load
from nlu import LANGUAGES, emergencyrules
from nlu.safety import RULES_DIR
from nlu.trainingdata import files_by_language
from nlu.when import check as when_check

MIN_EXAMPLES = 25


def nlu_problems(data_dir: Path) -> tuple[frozenset[str], list[Problem]]:
    """Check the Rasa training files; return the intents they define and the problems."""
    problems: list[Problem] = []
    intents_by_lang: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        if not (data_dir / f"{lang}.yml").exists():
            missing = f"training data for {lang} is missing"
            problems.append(Problem(f"nlu/data/{lang}.yml", 1, missing))
            continue
        seen: dict[str, str] = {}
        counts: Counter[str] = Counter()
        first_block: dict[str, tuple[str, int]] = {}
        for path in files_by_language(data_dir)[lang]:
            shown = "nlu/data/" + path.relative_to(data_dir).as_posix()
            data, syntax = load(path, shown)
            problems.extend(syntax)
            if not isinstance(data, dict) or not isinstance(data.get("nlu"), list):
                if not syntax:
                    problems.append(Problem(shown, 1, "expected `nlu:` with a list of intents"))
                continue
            _check_blocks(shown, data["nlu"], problems, seen, counts, first_block)
        intents_by_lang[lang] = set(counts)
        for intent, n in sorted(counts.items()):
            if n < MIN_EXAMPLES:
                shown, line = first_block[intent]
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"{intent} has {n} examples; add at least {MIN_EXAMPLES}",
                        "warning",
                    )
                )
    known = frozenset().union(*intents_by_lang.values()) if intents_by_lang else frozenset()
    for lang, intents in intents_by_lang.items():
        for missing in sorted(known - intents):
            problems.append(
                Problem(f"nlu/data/{lang}.yml", 1, f"intent {missing} has no {lang} examples")
            )
    return known, problems


def _check_blocks(
    shown: str, blocks: list, problems: list[Problem], seen: dict[str, str],
    counts: Counter[str], first_block: dict[str, tuple[str, int]],
) -> None:  # fmt: skip
    for block in blocks:
        intent = block.get("intent") if isinstance(block, dict) else None
        if not intent:
            problems.append(Problem(shown, getattr(block, "line", 1), "block without `intent:`"))
            continue
        first_block.setdefault(intent, (shown, block.line))
        raw = block.get("examples") or ""
        first = line_of(block, "examples") + 1
        lines = [
            (first + i, t.strip()[2:].strip())
            for i, t in enumerate(raw.splitlines())
            if t.strip().startswith("- ")
        ]
        counts[intent] += len(lines)
        for line, text in lines:
            other = seen.setdefault(text.lower(), intent)
            if other != intent:
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"`{text}` is an example of both {other} and {intent}; keep it under one",
                    )
                )


def emergency_rule_problems(rules_dir: Path) -> list[Problem]:
    """Problems in nlu/emergency/<lang>.yml (bad YAML, unknown situation or language, ...)."""
    shown = "nlu/" if rules_dir == RULES_DIR else f"{rules_dir.parent}/"
    problems = [
        Problem(shown + p.file, p.line, p.message) for p in emergencyrules.read(rules_dir).problems
    ]
    if not any(rules_dir.glob("*.yml")):
        problems.append(Problem(shown + rules_dir.name, 1, "no emergency rules found"))
    return problems


def run(content_dir: Path, data_dir: Path, out: TextIO, rules_dir: Path = RULES_DIR) -> int:
    known, problems = nlu_problems(data_dir)
    problems.extend(emergency_rule_problems(rules_dir))
    problems += [Problem(p.file, p.line, p.message) for p in when_check.problems()]
    try:
        _, warnings = load_content(content_dir, known)
        problems.extend(warnings)
    except ContentError as exc:
        problems.extend(exc.problems)
    for problem in problems:
        out.write(f"{problem}\n")
    errors = sum(p.severity == "error" for p in problems)
    out.write(f"{errors} errors, {len(problems) - errors} warnings\n")
    return 1 if errors else 0
