"""Emergency recall on the blind test set must never drop (per situation and language).

The detector (rules, no Rasa) is scored on tests/nlu/emergency/test. Its messages are never
printed: the failure lists only (situation, language) cells with counts. The floor in
tests/nlu/emergency_recall_floor.yml was measured once on this split; the target is 100% in
every cell, and a cell that reached 100% must stay there. Raise the floor when rules improve.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.settings import ROOT
from nlu.emergency_report import load_emergency_set
from nlu.safety import EmergencyDetector

TEST_SET = ROOT / "tests" / "nlu" / "emergency" / "test"
FLOOR = Path(__file__).with_name("emergency_recall_floor.yml")


def caught_per_cell() -> dict[str, list[int]]:
    detector = EmergencyDetector.load()
    cells: dict[str, list[int]] = {}
    for case in load_emergency_set(TEST_SET):
        if case.urgent:
            cell = cells.setdefault(f"{case.situation} {case.lang}", [0, 0])
            cell[0] += detector.detect(case.text).found is not None
            cell[1] += 1
    return cells


@pytest.mark.skipif(not TEST_SET.is_dir(), reason="blind emergency set not present")
def test_no_situation_or_language_loses_emergency_recall():
    floor = yaml.safe_load(FLOOR.read_text(encoding="utf-8"))
    now = caught_per_cell()
    dropped = {
        cell: f"{now.get(cell, [0, total])[0]}/{total} (floor {caught}/{total})"
        for cell, (caught, total) in floor.items()
        if now.get(cell, [0, total])[0] < caught
    }
    assert dropped == {}
