"""The editors' reports, which read both content/ and the database."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.settings import Settings
from content import learn as learning
from content import report as coverage
from content import unanswered as grouping
from content.loader import load_content
from nlu.trainingdata import known_intents
from storage.db import connect
from storage.ratings import RatingStore
from storage.unanswered import UnansweredStore


async def report(settings: Settings, out_dir: Path) -> int:
    content, _ = load_content(settings.content_dir, known_intents(settings.nlu_data_dir))
    db = await connect(settings.db_path)
    try:
        ratings = await RatingStore(db).all()
    finally:
        await db.close()
    for path in coverage.write(content, ratings, out_dir):
        print(f"written: {path}")
    return 0


async def unanswered(settings: Settings, out: str) -> int:
    db = await connect(settings.db_path)
    try:
        questions = await UnansweredStore(db).all()
    finally:
        await db.close()
    if out == "-":
        grouping.write_csv(questions, sys.stdout)
    else:
        with open(out, "w", newline="", encoding="utf-8") as handle:
            groups = grouping.write_csv(questions, handle)
        print(f"{groups} groups written to {out}", file=sys.stderr)
    return 0


async def learn(settings: Settings, number: int, intent: str, lang: str | None) -> int:
    """`healthbot content learn`: one unanswered group becomes examples of `intent`."""
    if intent not in known_intents(settings.nlu_data_dir):
        print(f"unknown intent {intent!r}; see nlu/data or topics.yml", file=sys.stderr)
        return 1
    db = await connect(settings.db_path)
    try:
        questions = await UnansweredStore(db).all()
    finally:
        await db.close()
    try:
        members = learning.pick(questions, number)
        written = learning.learn(members, intent, settings.nlu_data_dir, lang)
    except learning.LearnError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path, count in written.items():
        print(f"{count} examples of {intent} added to {path}")
    if not written:
        print("nothing new: every question of the group is already an example")
    return 0
