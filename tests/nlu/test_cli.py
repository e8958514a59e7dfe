"""`healthbot nlu parse`, as editors and the acceptance tests use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.settings import ROOT
from nlu import LANGUAGES
from tests.conftest import RASA_TOKEN

pytestmark = pytest.mark.rasa


def test_parse_prints_one_json_object_per_line(rasa_url):
    lines = ["где сдать тест на вич", "", "qayerda emlash mumkin", "不能呼吸 救命"]
    env = {**os.environ, "RASA_URL": rasa_url, "RASA_TOKEN": RASA_TOKEN}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "parse"], input="\n".join(lines), cwd=ROOT,
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    parsed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["text"] for p in parsed] == [line for line in lines if line]
    assert [p["intent"] for p in parsed] == ["hiv_testing", "covid_vaccine_sites", "emergency"]
    assert [p["language"] for p in parsed] == ["ru", "uz", "zh"]
    assert all(0 <= p["confidence"] <= 1 and p["language"] in LANGUAGES for p in parsed)


def run_parse(lines: list[str], rasa_url: str) -> list[dict]:
    env = {**os.environ, "RASA_URL": rasa_url, "RASA_TOKEN": RASA_TOKEN}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "parse"], input="\n".join(lines), cwd=ROOT,
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_parse_prints_situation_and_decision_on_every_line(rasa_url):
    parsed = run_parse(
        ["где сдать тест на вич", "my son swallowed bleach", "какие признаки инсульта"], rasa_url
    )
    assert [(p["situation"], p["decision"]) for p in parsed][:2] == [
        (None, "answer"),
        ("poisoning", "emergency"),
    ]
    assert parsed[2]["decision"] != "emergency"
    assert all(p["intent"] for p in parsed)
