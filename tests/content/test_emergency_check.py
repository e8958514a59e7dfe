"""`healthbot content check` on content/emergency.yml, as an editor breaks it."""

from __future__ import annotations

import shutil

from bot.settings import ROOT
from tests.content.test_check import check


def broken_copy(tmp_path, edit) -> tuple[str, list[str]]:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy, ignore=shutil.ignore_patterns("*.py"))
    path = copy / "emergency.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = edit(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(copy), lines


def situation_start(lines: list[str], situation: str) -> int:
    return lines.index(f"  {situation}:")


def test_a_situation_without_a_language_fails_with_file_and_line(tmp_path):
    def drop_persian_stroke(lines):
        start = situation_start(lines, "stroke")
        text = next(i for i in range(start, len(lines)) if lines[i] == "    text:")
        fa = next(i for i in range(text, len(lines)) if lines[i] == "      fa: |-")
        end = next(i for i in range(fa + 1, len(lines)) if not lines[i].startswith("        "))
        return lines[:fa] + lines[end:]

    copy, lines = broken_copy(tmp_path, drop_persian_stroke)
    result = check(copy, None)
    assert result.returncode == 1
    block = next(
        i + 2 for i in range(situation_start(lines, "stroke"), len(lines))
        if lines[i] == "    text:"
    )  # fmt: skip
    assert f"content/emergency.yml:{block}: error: situations.stroke.text.fa is missing" in (
        result.stdout
    )


def test_a_missing_situation_fails(tmp_path):
    def drop_seizure(lines):
        start = situation_start(lines, "seizure")
        end = situation_start(lines, "allergy")
        return lines[:start] + lines[end:]

    copy, _ = broken_copy(tmp_path, drop_seizure)
    result = check(copy, None)
    assert result.returncode == 1
    assert "error: situations.seizure is missing" in result.stdout


def test_a_header_without_112_fails(tmp_path):
    def drop_112(lines):
        return [
            line.replace("<b>112 – ", "<b>") if "112 – рақами" in line else line for line in lines
        ]

    copy, lines = broken_copy(tmp_path, drop_112)
    result = check(copy, None)
    assert result.returncode == 1
    tg = next(i + 1 for i, line in enumerate(lines) if line == "  tg: |-")
    assert f"content/emergency.yml:{tg}: error: header.tg must give 112" in result.stdout
