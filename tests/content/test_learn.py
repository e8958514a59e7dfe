"""`healthbot content learn`: an editor turns a group of unanswered questions into examples."""

from __future__ import annotations

import pytest

from bot.cli import main
from content.check import nlu_problems
from nlu.trainingdata import language_intents
from storage.db import connect
from storage.unanswered import UnansweredStore
from tests.content.test_nlu_check import write_data
from tests.sync import in_thread, run_sync

ASKED = [
    ("где купить сим карту", "ru"),
    ("погода в минске", "ru"),
    ("где купить симкарту", "ru"),
    ("где купить сим-карту?", "ru"),
    ("Où acheter une carte SIM", "und"),
]


async def keep_unanswered(db_path: str) -> None:
    db = await connect(db_path)
    for text, lang in ASKED:
        await UnansweredStore(db).add(text, lang)
    await db.close()


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """A database with unanswered questions and a training-data folder, as `make run` has."""
    data = tmp_path / "nlu"
    data.mkdir()
    write_data(data)
    db_path = str(tmp_path / "healthbot.db")
    run_sync(keep_unanswered(db_path))
    monkeypatch.setenv("HEALTHBOT_DB", db_path)
    monkeypatch.setenv("NLU_DATA", str(data))
    return data


def learn(*args: str) -> int:
    return in_thread(main, ["content", "learn", *args])  # main calls asyncio.run


def test_a_group_becomes_examples_the_trainer_and_the_checker_read(editor, capsys):
    assert learn("--group", "1", "--intent", "hiv_about") == 0
    examples = language_intents(editor, "ru")["hiv_about"]
    assert examples[-3:] == [text for text, _ in ASKED if "купить" in text]
    assert (editor / "usage" / "ru.yml").exists()
    _, problems = nlu_problems(editor)
    assert [p for p in problems if p.file.startswith("nlu/data/usage")] == []
    assert "3 examples of hiv_about added" in capsys.readouterr().out


def test_learning_the_same_group_twice_adds_nothing(editor):
    assert learn("--group", "1", "--intent", "hiv_about") == 0
    before = (editor / "usage" / "ru.yml").read_text()
    assert learn("--group", "1", "--intent", "hiv_about") == 0
    assert (editor / "usage" / "ru.yml").read_text() == before


def test_a_question_in_no_language_of_the_bot_needs_a_language(editor, capsys):
    number = "3"  # groups: the SIM-card questions (3), then the weather and the French one
    assert learn("--group", number, "--intent", "tb_about") == 1
    assert "pass --lang" in capsys.readouterr().err
    assert learn("--group", number, "--intent", "tb_about", "--lang", "en") == 0
    assert "Où acheter une carte SIM" in language_intents(editor, "en")["tb_about"]


def test_an_unknown_intent_or_group_is_refused(editor, capsys):
    assert learn("--group", "1", "--intent", "no_such_intent") == 1
    assert learn("--group", "9", "--intent", "tb_about") == 1
    assert "there is no group 9" in capsys.readouterr().err
    assert not (editor / "usage").exists()
