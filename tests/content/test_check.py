"""`healthbot content check` and `healthbot content report`, as editors run them."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

from bot.settings import ROOT
from content import report
from tests.helpers import CONTENT


def check(content_dir, data_dir) -> subprocess.CompletedProcess[str]:
    env = {"HEALTHBOT_CONTENT": str(content_dir), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "bot", "content", "check"]
    if data_dir is not None:
        env["NLU_DATA"] = str(data_dir)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_the_shipped_content_passes(tmp_path):
    result = check(ROOT / "content", None)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("0 errors")


def test_a_broken_edit_fails_with_file_and_line(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy, ignore=shutil.ignore_patterns("*.py"))
    path = copy / "answers" / "hiv.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("    tg: "))
    lines[number] = "    tg: no"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(copy, None)
    assert result.returncode == 1
    assert f"content/answers/hiv.yml:{number + 1}: error:" in result.stdout
    assert "put the value in quotes" in result.stdout


def test_the_report_shows_review_status_and_votes(tmp_path):
    ratings = {("tb_symptoms", "tk"): (3, 1)}
    md, page = report.write(CONTENT, ratings, tmp_path, today=dt.date(2026, 11, 25))
    text = md.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| tb_symptoms |"))
    assert "never reviewed" in row and "machine 👍3 👎1" in row
    assert "<table>" in page.read_text(encoding="utf-8")
