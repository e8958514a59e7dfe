"""`healthbot stats` on a synthetic month: figures equal the generator's own tallies."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.synthetic_usage import UNANSWERED, Expected, synthesize
from stats.figures import Period
from stats.run import run
from stats.tables import shown
from storage import db as database
from tests.sync import run_sync

TODAY = date.today()
PERIOD = Period(TODAY - timedelta(days=29), TODAY)


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Expected]:
    path = tmp_path_factory.mktemp("stats") / "healthbot.db"

    async def make() -> Expected:
        db = await database.connect(str(path))
        try:
            return await synthesize(db, users=400, messages=4000, campaigns=2, today=TODAY)
        finally:
            await db.close()

    return path, run_sync(make())


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def tables(month: tuple[Path, Expected], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv")
    run_sync(run(str(month[0]), PERIOD, out, "csv"))
    return out


def test_questions_per_topic_and_language_equal_the_tallies(tables, month) -> None:
    rows = read(tables, "questions")
    published = {(r["topic"], r["language"]): r["questions"] for r in rows}
    assert published == {key: shown(n) for key, n in month[1].questions.items()}


def test_decision_shares_equal_the_tallies(tables, month) -> None:
    decisions = month[1].decisions
    whole = sum(decisions.values())
    rows = {r["decision"]: (r["questions"], r["share"]) for r in read(tables, "decisions")}
    answered = decisions["answer"]
    assert rows["answer"] == (str(answered), f"{100 * answered / whole:.0f}%")
    assert {d: int(q) for d, (q, _) in rows.items() if q.isdigit() and q != "0"} == {
        d: n for d, n in decisions.items() if n >= 5
    }


def test_new_and_active_users_per_week_equal_the_tallies(tables, month) -> None:
    expected = month[1]
    rows = read(tables, "users")
    new = {(r["week (Monday)"], r["language"]): r["new users"] for r in rows}
    active = {(r["week (Monday)"], r["language"]): r["active users"] for r in rows}
    assert {k: v for k, v in new.items() if v != "0"} == {
        k: shown(n) for k, n in expected.new_users.items()
    }
    assert {k: v for k, v in active.items() if v != "0"} == {
        k: shown(n) for k, n in expected.active.items()
    }


def test_campaign_and_tablet_figures_equal_the_tallies(tables, month) -> None:
    sent = {int(r["campaign"].lstrip("#")): int(r["sent"]) for r in read(tables, "campaigns")}
    assert sent == month[1].campaign_sent
    reminders = {r["measure"]: r["count"] for r in read(tables, "reminders")}
    doses: Counter[str] = month[1].doses
    assert reminders["tablets taken"] == str(doses["taken"])
    assert reminders["tablets missed"] == str(doses["missed"])


def test_no_published_count_is_between_one_and_four(tables) -> None:
    for path in tables.glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        for row in rows:
            assert not any(re.fullmatch(r"[1-4]", cell) for cell in row), (path.name, row)


def test_no_user_id_and_no_message_text_in_the_page_or_the_csv(month, tables, tmp_path) -> None:
    (page,) = run_sync(run(str(month[0]), PERIOD, tmp_path, "html"))
    outputs = [page.read_text("utf-8"), *(p.read_text("utf-8") for p in tables.glob("*.csv"))]
    ids = [str(10_000 + i) for i in range(400)]
    for text in outputs:
        assert not any(re.search(rf"\b{i}\b", text) for i in ids)
        assert not any(question in text for question in UNANSWERED)
