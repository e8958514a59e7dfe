"""Consistency between the contract, the training data, the test set, content and catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from bot.settings import ROOT
from nlu import LANGUAGES
from nlu.trainingdata import read_intents
from tests.helpers import CONTENT

CONTRACT = ROOT.parent / "shared" / "spec" / "topics.yml"
DATA = ROOT / "nlu" / "data"


def contract() -> dict:
    if not CONTRACT.exists():
        pytest.skip("the shared contract is not beside this checkout")
    return yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))


def test_every_contract_language_has_training_and_test_data():
    assert set(contract()["languages"]) == set(LANGUAGES)
    for lang in LANGUAGES:
        assert (DATA / f"{lang}.yml").exists() and (
            ROOT / "tests/nlu/data" / f"{lang}.yml"
        ).exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_contract_intent_has_enough_examples(lang):
    intents = read_intents(DATA / f"{lang}.yml")
    for intent in contract()["intents"]:
        assert len(intents.get(intent, [])) >= 25, (lang, intent)


def test_every_contract_intent_has_an_answer():
    assert set(contract()["intents"]) <= set(CONTENT.answers)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_ui_string_is_translated(lang: str):
    path = Path(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po")
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert [m.id for m in catalog if m.id and (not m.string or m.fuzzy)] == []
