"""`content check` finds mistakes in when_words.yml and names their lines."""

from __future__ import annotations

from pathlib import Path

from nlu.when import check

BROKEN = """\
languages: [ru, en, uz, tg, tk, ky, az, zh, ar, fa, ku, uk, xx]
fallback: [ru, ghost]
suffixes:
  qq: [da]
words:
  ru:
    завтра: day 1
    пятниц*: weekday 4
    через: inn
    полдень: time twelve
  en:
    cume: weekday 4
    cümə: weekday 3
    on: skip
    in the morning*: period morning
    dusk: period dusk
"""


def test_the_shipped_vocabulary_has_no_problems() -> None:
    assert check.problems() == []


def test_every_mistake_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "when_words.yml"
    path.write_text(BROKEN, encoding="utf-8")
    found = {(problem.line, problem.message.split(":")[0]) for problem in check.problems(path)}
    lines = {line for line, _ in found}
    assert {1, 2, 4, 9, 10, 13, 14, 15, 16} <= lines
    messages = " ".join(problem.message for problem in check.problems(path))
    for expected in (
        "unknown language 'xx'",
        "fallback 'ghost'",
        "unknown language 'qq'",
        "unknown meaning 'inn'",
        "bad value for 'time'",
        "'cümə' folds like 'cume' with another meaning",
        "quote the key",
        "one-word stem",
        "unknown name 'dusk'",
    ):
        assert expected in messages
    assert all(problem.file == check.SHOWN for problem in check.problems(path))


def test_a_syntax_error_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "when_words.yml"
    path.write_text("words:\n  ru:\n    завтра: [day 1\n", encoding="utf-8")
    [problem] = check.problems(path)
    assert problem.line >= 3 and "cannot read" in problem.message
