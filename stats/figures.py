"""Collect the programme's figures for a period as tables (still raw counts)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from content.unanswered import group
from nlu.normalize import normalize
from stats.tables import SMALL, Table, share
from storage import events as kinds
from storage.events import Count, EventStore, week_of
from storage.figures import FigureQueries

DECISIONS = ("answer", "clarify", "fallback", "emergency", "unavailable")


@dataclass(frozen=True)
class Period:
    since: date
    until: date

    def __str__(self) -> str:
        return f"{self.since.isoformat()} – {self.until.isoformat()}"


def _sum(counts: Iterable[Count], *fields: str) -> Counter[tuple[str, ...]]:
    total: Counter[tuple[str, ...]] = Counter()
    for count in counts:
        total[tuple(getattr(count, f) for f in fields)] += count.n
    return total


async def collect(
    store: EventStore, queries: FigureQueries, period: Period, now: datetime
) -> list[Table]:
    """Every table of the figures page, in the order it shows them."""
    counts = await store.between(period.since, period.until, _ALL_KINDS)
    # Weekly counts are filed under their Monday, which may come before `since`.
    first_week = date.fromisoformat(week_of(period.since))
    counts += await store.between(first_week, period.until, (kinds.ACTIVE,))
    by_kind: dict[str, list[Count]] = defaultdict(list)
    for count in counts:
        by_kind[count.kind].append(count)
    current = await store.active_this_week(now) if period.since <= now.date() else {}
    return [
        users_table(
            await queries.new_users(period.since, period.until),
            by_kind[kinds.ACTIVE],
            current,
            week_of(now.date()),
        ),
        questions_table(by_kind[kinds.QUESTION]),
        decisions_table(by_kind[kinds.QUESTION]),
        unanswered_table(await queries.unanswered(period.since, period.until)),
        votes_table(by_kind[kinds.VOTE]),
        campaigns_table(await queries.campaigns(period.since, period.until)),
        reminders_table(
            await queries.reminders_set(period.since, period.until),
            await queries.reminders_sent(period.since, period.until),
            await queries.doses(period.since, period.until),
        ),
        helpdesk_table(by_kind[kinds.HELPDESK]),
        sources_table(by_kind[kinds.SOURCE]),
        selfchecks_table(by_kind[kinds.SELFCHECK], by_kind[kinds.SELFCHECK_OUTCOME]),
    ]


_ALL_KINDS = (
    kinds.QUESTION, kinds.VOTE, kinds.SOURCE, kinds.HELPDESK,
    kinds.SELFCHECK, kinds.SELFCHECK_OUTCOME,
)  # fmt: skip


def users_table(
    new: dict[tuple[str, str], int], active: list[Count], current: dict[str, int], this_week: str
) -> Table:
    per_week: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (day, lang), n in new.items():
        per_week[(week_of(date.fromisoformat(day)), lang)][0] += n
    for count in active:
        per_week[(count.day, count.lang)][1] += count.n
    for lang, n in current.items():
        per_week[(this_week, lang)][1] += n
    rows = tuple((week, lang, n, a) for (week, lang), (n, a) in sorted(per_week.items()))
    return Table(
        "users", "New and active users per week, by language",
        ("week (Monday)", "language", "new users", "active users"), rows,
        "Active: wrote to the bot or pressed a button that week; each person once a week.",
    )  # fmt: skip


def questions_table(questions: list[Count]) -> Table:
    totals = _sum(questions, "key", "lang")
    rows = tuple((intent, lang, n) for (intent, lang), n in sorted(totals.items()))
    return Table(
        "questions", "Questions by topic and language", ("topic", "language", "questions"), rows
    )


def decisions_table(questions: list[Count]) -> Table:
    totals = _sum(questions, "value")
    whole = sum(totals.values())
    rows = tuple((d, totals[(d,)], share(totals[(d,)], whole)) for d in DECISIONS)
    return Table(
        "decisions", "How questions were handled", ("decision", "questions", "share"), rows,
        "answer: answered; clarify: asked back with topics; fallback: not understood; "
        "emergency: the emergency answer; unavailable: the language server was down (menu).",
    )  # fmt: skip


def unanswered_table(questions: list[tuple[str, str]]) -> Table:
    """Groups of similar unanswered questions: size and the words most of them share."""
    rows = []
    for number, members in enumerate(group(questions), start=1):
        if len(members) < SMALL:
            break
        words = Counter(w for text, _ in members for w in set(normalize(text).split()))
        common = [w for w, n in words.most_common(8) if n >= SMALL and len(w) > 2][:5]
        langs = ", ".join(sorted({lang for _, lang in members}))
        rows.append((f"#{number}", langs, len(members), " ".join(common)))
        if len(rows) == 15:
            break
    return Table(
        "unanswered", "Most frequent unanswered questions (groups)",
        ("group", "languages", "questions", "words most of them share"), tuple(rows),
        f"Only groups of {SMALL} or more; only words at least {SMALL} questions share.",
    )  # fmt: skip


def votes_table(votes: list[Count]) -> Table:
    totals = _sum(votes, "key", "lang", "value")
    keys = sorted({(intent, lang) for intent, lang, _ in totals})
    rows = tuple(
        (
            intent, lang, totals[(intent, lang, "helpful")], totals[(intent, lang, "unhelpful")],
            share(totals[(intent, lang, "helpful")],
                     totals[(intent, lang, "helpful")] + totals[(intent, lang, "unhelpful")]),
        )
        for intent, lang in keys
    )  # fmt: skip
    return Table(
        "helpful", "Was this helpful? By answer and language",
        ("answer", "language", "helpful", "not helpful", "helpful share"), rows,
    )  # fmt: skip


def campaigns_table(campaigns: list) -> Table:
    rows = tuple(
        (f"#{c.id}", c.source, c.created, c.audience, c.sent, c.failed, c.blocked, c.unknown,
         "sending" if c.hours is None else f"{c.hours:.1f}")
        for c in campaigns
    )  # fmt: skip
    return Table(
        "campaigns", "Campaigns",
        ("campaign", "source", "created", "audience", "sent", "failed", "blocked", "unknown",
         "hours taken"), rows,
    )  # fmt: skip


def reminders_table(
    set_by_kind: dict[str, int], sent: dict[str, int], doses: dict[str, int]
) -> Table:
    taken, missed = doses.get("taken", 0), doses.get("missed", 0)
    rows: list[tuple[str | int, ...]] = [
        (f"set: {kind}", n) for kind, n in sorted(set_by_kind.items())
    ]
    rows += [(f"messages {state}", n) for state, n in sorted(sent.items())]
    rows += [("tablets taken", taken), ("tablets missed", missed)]
    rows.append(("taken rate", share(taken, taken + missed)))
    return Table("reminders", "Reminders", ("measure", "count"), tuple(rows))


def helpdesk_table(helpdesk: list[Count]) -> Table:
    totals = _sum(helpdesk, "key", "value")
    rows = tuple((key, value or "–", n) for (key, value), n in sorted(totals.items()))
    return Table(
        "helpdesk", "Helpdesk conversations", ("measure", "detail", "count"), rows,
        "" if rows else "No helpdesk conversations in this period.",
    )  # fmt: skip


def sources_table(sources: list[Count]) -> Table:
    totals = _sum(sources, "key")
    rows = tuple((source, n) for (source,), n in totals.most_common())
    return Table(
        "sources", "Where new users came from (QR codes and links)", ("source", "users"), rows,
        "" if rows else "No deep-link sources in this period.",
    )  # fmt: skip


def selfchecks_table(results: list[Count], outcomes: list[Count]) -> Table:
    rows = [("result", check, level, n) for (check, level), n in
            sorted(_sum(results, "key", "value").items())]  # fmt: skip
    rows += [("follow-up", check, outcome, n) for (check, outcome), n in
             sorted(_sum(outcomes, "key", "value").items())]  # fmt: skip
    return Table(
        "selfchecks", "Self-checks", ("what", "check", "level or outcome", "count"), tuple(rows),
        "" if rows else "No self-checks in this period.",
    )  # fmt: skip
