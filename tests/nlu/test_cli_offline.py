"""`healthbot nlu parse` still decides emergencies when Rasa is down."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bot.settings import ROOT
from nlu.server import free_port


def test_parse_with_rasa_down_still_reports_emergencies():
    env = {**os.environ, "RASA_URL": f"http://127.0.0.1:{free_port()}", "RASA_TOKEN": "x"}
    lines = ["меня изнасиловали вчера", "где сдать тест на вич"]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "parse"], input="\n".join(lines), cwd=ROOT,
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    parsed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(p["intent"], p["situation"], p["decision"]) for p in parsed] == [
        ("emergency", "sexual_assault", "emergency"),
        (None, None, "fallback"),
    ]
    assert result.returncode == 1  # one message could not be parsed
