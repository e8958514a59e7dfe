"""/stats and the weekly digest: the last 7 days' figures in a worker's language, one chart.

No Telegram here; the numbers come from stats/ with the same small-count rule as the page.
"""

from __future__ import annotations

import html
from collections import Counter
from datetime import datetime, timedelta

from bot.i18n import rtl
from bot.reply import Reply
from bot.screens import Screens
from bot.services import Services
from stats.charts import chart_for, png
from stats.figures import Period, collect
from stats.tables import Table, share, shown


async def last_week(screens: Screens, services: Services, now: datetime) -> Reply:
    """A short summary of the last 7 days (today included) with the topics chart."""
    period = Period(now.date() - timedelta(days=6), now.date())
    tables = {t.name: t for t in await collect(services.events, services.figures, period, now)}
    chart = chart_for(tables["questions"])
    text = rtl(_summary(tables, screens, period, now), screens.lang)
    return Reply(text, (), photo=png(chart) if chart else None)


def _column_sum(table: Table, column: int) -> int:
    return sum(int(row[column]) for row in table.rows if isinstance(row[column], int))


def _summary(tables: dict[str, Table], screens: Screens, period: Period, now: datetime) -> str:
    _ = screens._
    decisions = {str(row[0]): int(row[1]) for row in tables["decisions"].rows}
    asked = sum(decisions.values())
    this_week = now.date() - timedelta(days=now.weekday())
    active = sum(int(r[3]) for r in tables["users"].rows if r[0] == this_week.isoformat())
    topics: Counter[str] = Counter()
    for intent, _lang, n in tables["questions"].rows:
        topics[str(intent)] += int(n)
    sent = {str(r[0]): r[1] for r in tables["reminders"].rows}
    campaigns = tables["campaigns"]
    header = "<b>" + html.escape(_("Figures for the last 7 days")) + f"</b> ({period})"
    body = [
        _("People active this week: {active}; new users: {new}").format(
            active=shown(active), new=shown(_column_sum(tables["users"], 2))
        ),
        _(
            "Questions: {total}. Answered {answer}, asked back {clarify}, not understood "
            "{fallback}, emergencies {emergency}."
        ).format(
            total=shown(asked),
            **{d: share(decisions.get(d, 0), asked) for d in ("answer", "clarify", "fallback")},
            emergency=shown(decisions.get("emergency", 0)),
        ),
        _("Most asked: {topics}").format(topics=_top_topics(topics, screens) or "–"),
        _("Reminder messages sent: {sent}; tablets taken: {taken}").format(
            sent=shown(int(sent.get("messages sent", 0))), taken=sent.get("taken rate", "–")
        ),
        _("Campaign messages sent: {sent}").format(sent=shown(_column_sum(campaigns, 4))),
        _("Counts from 1 to 4 are shown as <5."),
    ]
    return "\n".join([header, *(html.escape(line) for line in body)])


def _top_topics(topics: Counter[str], screens: Screens) -> str:
    names = []
    for intent, n in topics.most_common(3):
        answer = screens.content.answer(intent)
        title = answer.title[screens.lang] if answer else intent
        names.append(f"{title} ({shown(n)})")
    return ", ".join(names)
