"""The figures page in a real browser: every chart renders, the console stays silent."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.synthetic_usage import synthesize
from bot.settings import ROOT
from stats.figures import Period
from stats.run import run
from storage import db as database
from tests.sync import run_sync

CHROMIUM = shutil.which("chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM, "chromium is missing: `make setup` installs Debian's chromium package"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def console_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("page")

    async def make() -> Path:
        db = await database.connect(str(folder / "healthbot.db"))
        await synthesize(db, users=300, messages=3000, campaigns=2, today=date.today())
        await db.close()
        period = Period(date.today() - timedelta(days=29), date.today())
        (page,) = await run(str(folder / "healthbot.db"), period, folder / "out", "html")
        return page

    return run_sync(make())


def test_every_chart_renders_with_no_console_message(page: Path, tmp_path: Path) -> None:
    result = chromium(page, tmp_path / "p1", "--enable-logging=stderr", "--v=0", "--dump-dom")
    charts = len(re.findall(r'<figure class="chart">', page.read_text("utf-8")))
    assert charts >= 5
    assert f'data-charts-ok="{charts}/{charts}"' in result.stdout
    assert console_lines(result) == []
    shot = ROOT / "build" / "stats-page.png"
    shot.parent.mkdir(exist_ok=True)
    chromium(page, tmp_path / "p2", "--hide-scrollbars", "--window-size=1100,3000",
             f"--screenshot={shot}")  # fmt: skip
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_the_console_check_sees_a_script_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<script>no_such_function()</script>", "utf-8")
    result = chromium(broken, tmp_path / "p", "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert any("no_such_function" in line for line in console_lines(result))
