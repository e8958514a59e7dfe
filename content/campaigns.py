"""Prepared campaigns (content/campaigns/*.yml) that health workers send or schedule.

```yaml
id: world-tb-day
title: "World TB Day (24 March)"      # what health workers see in /broadcast
topics: [tb]                           # tb, hiv, covid: who receives it (their choice)
languages: all                         # or a list of language codes
text:                                  # any languages; others get Russian, then English
  ru: "..."
  en: "..."
buttons:                               # optional links under the message
  - label: "WHO: tuberculosis"
    url: "https://www.who.int/health-topics/tuberculosis"
schedule:                              # optional: `at` once (local time) or `cron`
  cron: "0 10 24 3 *"                  # minute hour day month weekday
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from apscheduler.triggers.cron import CronTrigger

from content.telegram_html import html_problems
from content.yamlfile import Problem, line_of, load
from nlu import LANGUAGES

TOPICS = ("tb", "hiv", "covid")


@dataclass(frozen=True)
class PreparedCampaign:
    id: str
    title: str
    topics: tuple[str, ...]
    languages: tuple[str, ...]
    text: Mapping[str, str]
    buttons: tuple[tuple[str, str], ...]
    cron: str | None
    at: dt.datetime | None  # naive local time


def text_for(texts: Mapping[str, str], lang: str) -> str:
    """The recipient's language, else Russian, else English, else any."""
    for candidate in (lang, "ru", "en", "*"):
        if texts.get(candidate):
            return texts[candidate]
    return next(iter(texts.values()), "")


def _schedule(
    data: dict, file: str, problems: list[Problem]
) -> tuple[str | None, dt.datetime | None]:
    schedule = data.get("schedule") or {}
    cron, at = schedule.get("cron"), schedule.get("at")
    if cron is not None:
        try:
            CronTrigger.from_crontab(str(cron))
        except ValueError as exc:
            problems.append(Problem(file, line_of(schedule, "cron"), f"schedule.cron: {exc}"))
            cron = None
    if at is not None:
        try:
            at = dt.datetime.fromisoformat(str(at))
        except ValueError:
            message = 'schedule.at must look like "2026-12-05T09:00" (in quotes)'
            problems.append(Problem(file, line_of(schedule, "at"), message))
            at = None
    return (str(cron) if cron else None), at


def _campaign(path: Path, file: str, data: dict, problems: list[Problem]) -> PreparedCampaign:
    texts = data.get("text") or {}
    if not isinstance(texts, dict) or not texts:
        problems.append(Problem(file, line_of(data, "text"), "text needs at least one language"))
        texts = {}
    for lang, text in texts.items():
        if lang not in LANGUAGES:
            problems.append(Problem(file, line_of(texts, lang), f"text.{lang}: unknown language"))
        for problem in html_problems(str(text)):
            problems.append(Problem(file, line_of(texts, lang), f"text.{lang}: {problem}"))
    topics = tuple(data.get("topics") or TOPICS)
    for topic in topics:
        if topic not in TOPICS:
            message = f"topics: unknown topic `{topic}`; use {', '.join(TOPICS)}"
            problems.append(Problem(file, line_of(data, "topics"), message))
    langs = data.get("languages", "all")
    languages = LANGUAGES if langs == "all" else tuple(langs)
    buttons = []
    for button in data.get("buttons") or ():
        url = str(button.get("url", ""))
        if not url.startswith("https://"):
            problems.append(Problem(file, button.line, "buttons: url must start with https://"))
        buttons.append((str(button.get("label", "")), url))
    cron, at = _schedule(data, file, problems)
    return PreparedCampaign(
        str(data.get("id") or path.stem), str(data.get("title") or path.stem), topics,
        languages, {str(k): str(v) for k, v in texts.items()}, tuple(buttons), cron, at,
    )  # fmt: skip


def load_campaigns(folder: Path) -> tuple[tuple[PreparedCampaign, ...], list[Problem]]:
    problems: list[Problem] = []
    campaigns = []
    for path in sorted(folder.glob("*.yml")):
        file = f"content/campaigns/{path.name}"
        data, syntax = load(path, file)
        problems.extend(syntax)
        if isinstance(data, dict):
            campaigns.append(_campaign(path, file, data, problems))
    return tuple(campaigns), problems
