"""The NLU quality gate: the blind test set, scored like `make nlu-report`, on the session's
Rasa server (no second Rasa start). Fails when a figure falls below its gate in nlu/report.py."""

from __future__ import annotations

import pytest

from bot.settings import ROOT
from nlu import report
from nlu.evalset import TrainingOverlap
from nlu.runtime import NluRuntime, RasaConfig
from tests.conftest import RASA_TOKEN

pytestmark = pytest.mark.rasa
TESTS = ROOT / "tests" / "nlu"


@pytest.fixture(scope="module")
def overlap() -> TrainingOverlap:
    return TrainingOverlap.of(ROOT / "nlu" / "data")


async def test_blind_test_set_stays_at_or_above_the_gates(rasa_url, overlap):
    config = RasaConfig(rasa_url, RASA_TOKEN, ROOT / ".venv-rasa/bin/rasa", ROOT / "models")
    runtime = NluRuntime(config)
    understander = await runtime.start()
    try:
        scores = await report.score_sets(
            understander, report.EvalSets.under(TESTS), overlap, old=False
        )
    finally:
        await runtime.stop()
    if not scores.blind:
        pytest.skip("the blind test set is not in tests/nlu/blind/test yet")
    found = scores.headline
    assert report.missed_gates(found) == [], {name: round(found[name], 3) for name in found}
