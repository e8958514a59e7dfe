"""Score emergency detection on the blind sets: recall per situation and language, false alarms.

Reads tests/nlu/emergency/<split>/<lang>.yml (urgent messages and look-alikes) and, for
ordinary messages, tests/nlu/blind/<split>/*.yml (else tests/nlu/data). Prints and writes
aggregates only, never a message's text: whoever writes rules or training data must not see
the evaluation messages. Three combinations are compared, all through nlu/decision.py:
the rules alone, the intent model alone, and both (what the bot does).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from nlu import LANGUAGES
from nlu.client import NluUnavailable, Parse
from nlu.decision import Signals, Thresholds, decide
from nlu.emergencyrules import SITUATIONS
from nlu.runtime import NluRuntime
from nlu.safety import Verdict
from nlu.trainingdata import read_intents
from nlu.understand import Understander

TARGETS = {"recall": 1.0, "lookalike_alarms": 0.10, "ordinary_alarms": 0.01}
COMBINATIONS = ("rules", "model", "rules+model")


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    urgent: bool
    situation: str | None
    kind: str
    ordinary: bool = False  # from the ordinary (intent) set, not the emergency set


@dataclass(frozen=True)
class Outcome:
    case: Case
    flagged: dict[str, bool]  # combination -> answered as an emergency
    situation: str | None  # what the bot would answer (rules+model)


def load_emergency_set(split_dir: Path) -> list[Case]:
    cases = []
    for path in sorted(split_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lang = str(data.get("language") or path.stem)
        for item in data.get("messages") or []:
            cases.append(
                Case(
                    str(item["text"]), lang, bool(item.get("urgent")), item.get("situation"),
                    str(item.get("kind") or ""),
                )
            )  # fmt: skip
    return cases


def load_ordinary_set(directory: Path) -> list[Case]:
    """Non-emergency messages of the intent set (blind `messages:` files or Rasa files)."""
    cases = []
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if "messages" in data:
            items = [(m["text"], m.get("intent")) for m in data["messages"] or []]
        else:
            items = [(t, i) for i, ts in read_intents(path).items() for t in ts]
        lang = str(data.get("language") or path.stem)
        cases += [
            Case(str(t), lang, False, None, "ordinary", True) for t, i in items if i != "emergency"
        ]
    return cases


async def _signals(understander: Understander, text: str) -> tuple[Verdict, Parse | None]:
    verdict = understander.emergency.detect(text)
    try:
        return verdict, await understander.rasa.parse(text)
    except NluUnavailable:
        return verdict, None


def judge(verdict: Verdict, parse: Parse | None, thresholds: Thresholds) -> dict[str, bool]:
    """Would each combination answer this message as an emergency? (A rule match always is.)"""
    rules = verdict.found is not None
    model = False
    if parse is not None:
        signals = Signals(
            None, bool(verdict.guards), parse.intent, parse.confidence, parse.ranking
        )
        model = decide(signals, thresholds) == "emergency"
    return {"rules": rules, "model": model, "rules+model": rules or model}


async def score(
    understander: Understander, cases: list[Case], thresholds: Thresholds
) -> list[Outcome]:
    semaphore = asyncio.Semaphore(8)

    async def one(case: Case) -> Outcome:
        async with semaphore:
            verdict, parse = await _signals(understander, case.text)
        return Outcome(case, judge(verdict, parse, thresholds), verdict.situation)

    return list(await asyncio.gather(*(one(case) for case in cases)))


def _rate(outcomes: list[Outcome], combination: str) -> tuple[int, int]:
    return sum(o.flagged[combination] for o in outcomes), len(outcomes)


def figures(outcomes: list[Outcome], combination: str = "rules+model") -> dict[str, float]:
    def share(select: Callable[[Case], bool]) -> float:
        hits, total = _rate([o for o in outcomes if select(o.case)], combination)
        return hits / total if total else 0.0

    return {
        "recall": share(lambda c: c.urgent),
        "lookalike_alarms": share(lambda c: not c.urgent and not c.ordinary),
        "ordinary_alarms": share(lambda c: c.ordinary),
    }


def _cell(outcomes: list[Outcome], combination: str) -> str:
    hits, total = _rate(outcomes, combination)
    return f"{hits}/{total}" if total else "–"


def markdown_section(outcomes: list[Outcome], split: str) -> str:
    """The "Emergencies" section of reports/nlu.md (aggregates only)."""
    urgent = [o for o in outcomes if o.case.urgent]
    lookalike = [o for o in outcomes if not o.case.urgent and not o.case.ordinary]
    ordinary = [o for o in outcomes if o.case.ordinary]
    lines = [
        "## Emergencies",
        "",
        f"Blind emergency set (tests/nlu/emergency/{split}): {len(urgent)} urgent messages, "
        f"{len(lookalike)} look-alikes; {len(ordinary)} ordinary messages. Written by people who "
        "never saw the rules or the training data; scored by `healthbot nlu report`.",
        "",
        "| combination | recall | look-alikes answered as emergencies | ordinary |",
        "| --- | --- | --- | --- |",
    ]
    for combination in COMBINATIONS:
        cells = [_cell(group, combination) for group in (urgent, lookalike, ordinary)]
        lines.append(f"| {combination} | " + " | ".join(cells) + " |")
    targets = ", ".join(f"{k} {v:g}" for k, v in TARGETS.items())
    lines += ["", f"Targets: {targets} (rules+model is what the bot does).", ""]
    lines += [*_per_language(urgent, lookalike), "", *_per_situation(urgent), ""]
    lines += _by_kind(lookalike)
    return "\n".join(lines) + "\n"


def _per_language(urgent: list[Outcome], lookalike: list[Outcome]) -> list[str]:
    lines = ["| language | recall | look-alike alarms |", "| --- | --- | --- |"]
    for lang in LANGUAGES:
        mine = [o for o in urgent if o.case.lang == lang]
        alike = [o for o in lookalike if o.case.lang == lang]
        lines.append(f"| {lang} | {_cell(mine, 'rules+model')} | {_cell(alike, 'rules+model')} |")
    return lines


def _per_situation(urgent: list[Outcome]) -> list[str]:
    lines = [
        "| situation | recall | right situation named | cells below 100% |",
        "| --- | --- | --- | --- |",
    ]
    for situation in SITUATIONS:
        mine = [o for o in urgent if o.case.situation == situation]
        named = sum(o.situation == situation for o in mine)
        weak = [lang for lang, cell in cells(mine).items() if cell[0] < cell[1]]
        lines.append(
            f"| {situation} | {_cell(mine, 'rules+model')} | {named}/{len(mine)} | "
            f"{', '.join(weak) or '–'} |"
        )
    return lines


def _by_kind(lookalike: list[Outcome]) -> list[str]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in lookalike:
        groups[outcome.case.kind].append(outcome)
    lines = ["| look-alike kind | answered as emergencies |", "| --- | --- |"]
    lines += [f"| {kind} | {_cell(os, 'rules+model')} |" for kind, os in sorted(groups.items())]
    return lines


def cells(urgent: list[Outcome]) -> dict[str, tuple[int, int]]:
    """(caught, total) per language for one group of urgent messages."""
    found: dict[str, tuple[int, int]] = {}
    for lang in LANGUAGES:
        mine = [o for o in urgent if o.case.lang == lang]
        if mine:
            found[lang] = _rate(mine, "rules+model")
    return found


def missed_cells(outcomes: list[Outcome]) -> list[tuple[str, str, int, int]]:
    """(situation, language, caught, total) for every cell below 100% recall."""
    urgent = [o for o in outcomes if o.case.urgent]
    return [
        (situation, lang, hits, total)
        for situation in SITUATIONS
        for lang, (hits, total) in cells(
            [o for o in urgent if o.case.situation == situation]
        ).items()
        if hits < total
    ]


@dataclass(frozen=True)
class Sets:
    emergency: Path  # tests/nlu/emergency/<split>
    ordinary: Path  # tests/nlu/blind/<split> (or tests/nlu/data)

    @classmethod
    def under(cls, tests_root: Path, split: str) -> Sets:
        blind = tests_root / "blind" / split
        return cls(
            tests_root / "emergency" / split, blind if blind.is_dir() else tests_root / "data"
        )


async def section(understander: Understander, sets: Sets, thresholds: Thresholds) -> str:
    """Score the emergency sets and return the report section ("" when the set is absent)."""
    cases = load_emergency_set(sets.emergency)
    if not cases:
        return ""
    outcomes = await score(understander, cases + load_ordinary_set(sets.ordinary), thresholds)
    for name, value in figures(outcomes).items():
        print(f"emergency {name}: {value:.3f} (target {TARGETS[name]:g})")
    missed = missed_cells(outcomes)
    print(f"emergency cells below 100% recall: {len(missed)}")
    return markdown_section(outcomes, sets.emergency.name)


async def run(runtime: NluRuntime, tests_root: Path, split: str, out: str = "") -> int:
    """`healthbot nlu emergencies`: print (and optionally write) the aggregates; 1 below target."""
    understander = await runtime.start()
    try:
        text = await section(understander, Sets.under(tests_root, split), understander.thresholds)
    finally:
        await runtime.stop()
    if not text:
        print(f"no emergency set under {tests_root / 'emergency' / split}")
        return 0
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        print(f"written to {out}")
    else:
        print(text)
    return 0
