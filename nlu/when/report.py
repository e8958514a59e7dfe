"""`healthbot when-report`: score parse_when on a set of phrases, printing aggregates only.

The blind set (tests/when/blind/<lang>.yml) is evaluation data: its phrases must never reach
the vocabulary or the tests, so nothing here prints, logs or returns a phrase. Entries are
{text, now (local time, ISO minutes), expected: [ISO local times and/or null], kind}.
"right" = the answer is in `expected` (None counts only when null is listed); "misread" = a
non-null answer not in `expected`; "asked" = None when null is not listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from nlu.when.parse import parse_when

TARGET_RIGHT = 0.95
TARGET_MISREAD = 0.005
KINDS_WITH_TARGETS = ("common", "hard")


@dataclass
class Score:
    counts: Counter[str] = field(default_factory=Counter)  # right, asked, misread, broken

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, outcome: str) -> float:
        return self.counts[outcome] / self.total if self.total else 0.0


def _minute(value: Any, zone: ZoneInfo) -> str | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M")


def outcome(entry: dict[str, Any], lang: str, zone: ZoneInfo) -> str:
    """right, asked or misread for one entry; broken if the entry cannot be read."""
    try:
        now = datetime.fromisoformat(str(entry["now"])).replace(tzinfo=zone)
        expected = {_minute(value, zone) for value in (entry.get("expected") or [None])}
        answer = _minute(parse_when(str(entry["text"]), lang, now), zone)
    except (KeyError, TypeError, ValueError):
        return "broken"
    if answer in expected:
        return "right"
    return "asked" if answer is None else "misread"


def score(folder: Path, zone: ZoneInfo) -> dict[tuple[str, str], Score]:
    """Scores per (language, kind), and per ("all", kind) and (language, "all")."""
    scores: dict[tuple[str, str], Score] = {}
    for path in sorted(folder.glob("*.yml")):
        lang = path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lang = data.get("language", lang) if isinstance(data, dict) else lang
        entries = data.get("phrases", []) if isinstance(data, dict) else data
        for entry in entries:
            kind = str(entry.get("kind", "?")) if isinstance(entry, dict) else "?"
            found = outcome(entry, lang, zone) if isinstance(entry, dict) else "broken"
            for key in ((lang, kind), ("all", kind), (lang, "all"), ("all", "all")):
                scores.setdefault(key, Score()).counts[found] += 1
    return scores


def table(scores: dict[tuple[str, str], Score]) -> list[str]:
    """A Markdown table of the aggregates: no phrase appears in it."""
    kinds = sorted({kind for _, kind in scores})
    rows = [
        "| language | kind | n | right | asked back | misread |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for lang in sorted({lang for lang, _ in scores}, key=lambda name: (name == "all", name)):
        for kind in kinds:
            found = scores.get((lang, kind))
            if found:
                rows.append(
                    f"| {lang} | {kind} | {found.total} | {found.share('right'):.3f} | "
                    f"{found.share('asked'):.3f} | {found.share('misread'):.3%} |"
                )
    return rows


def meets_targets(scores: dict[tuple[str, str], Score]) -> bool:
    """Both kinds with targets are present and meet them."""
    present = all(("all", kind) in scores for kind in KINDS_WITH_TARGETS)
    return present and all(
        scores[key].share("right") >= TARGET_RIGHT
        and scores[key].share("misread") <= TARGET_MISREAD
        for key in (("all", kind) for kind in KINDS_WITH_TARGETS)
    )


def run(folder: Path, zone_name: str, out: Any) -> int:
    """Print the table; exit 1 below target (or when the set is missing)."""
    if not folder.is_dir():
        out.write(f"no phrase set in {folder}\n")
        return 1
    scores = score(folder, ZoneInfo(zone_name))
    out.write("\n".join(table(scores)) + "\n")
    broken = scores.get(("all", "all"), Score()).counts["broken"]
    if broken:
        out.write(f"{broken} entries could not be read\n")
    ok = meets_targets(scores)
    verdict = "met" if ok else "NOT met"
    out.write(f"targets (>= {TARGET_RIGHT} right, <= {TARGET_MISREAD:.1%} misread): {verdict}\n")
    return 0 if ok else 1
