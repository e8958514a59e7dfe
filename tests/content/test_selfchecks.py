"""The self-check rules in content/selfchecks.yml against WHO's TB symptom screening."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import ROOT
from content.selfchecks import load_selfchecks
from nlu.trainingdata import known_intents

KNOWN = known_intents(ROOT / "nlu" / "data")
CHECKS, PROBLEMS = load_selfchecks(ROOT / "content" / "selfchecks.yml", KNOWN)
TB_QUESTIONS = ("cough", "blood", "fever", "night_sweats", "weight_loss", "contact", "hiv")


def tb(**answers: str) -> str:
    given = {q: answers.get(q, "n") for q in TB_QUESTIONS}
    return CHECKS["tb"].result(given).level


def test_the_shipped_file_has_no_problems() -> None:
    assert PROBLEMS == []
    assert set(CHECKS) == {"tb", "hiv", "covid"}


@pytest.mark.parametrize("sign", ["cough", "blood"])
def test_a_two_week_cough_or_blood_means_get_checked_this_week(sign: str) -> None:
    # WHO: cough of 2 weeks or more (or haemoptysis) is the classic screening criterion.
    assert tb(**{sign: "y"}) == "soon"


@pytest.mark.parametrize("sign", ["fever", "night_sweats", "weight_loss"])
def test_another_symptom_with_a_risk_factor_is_urgent_and_alone_is_a_check(sign: str) -> None:
    # WHO four-symptom screen (cough, fever, night sweats, weight loss) for people with HIV;
    # household contacts are to be screened too.
    assert tb(**{sign: "y"}) == "check"
    assert tb(**{sign: "y", "contact": "y"}) == "soon"
    assert tb(**{sign: "y", "hiv": "y"}) == "soon"


def test_risk_alone_or_uncertainty_means_get_checked_and_all_no_means_no_sign() -> None:
    assert tb(contact="y") == "check"
    assert tb(hiv="y") == "check"
    assert tb(cough="u") == "check"
    assert tb() == "none"


def test_covid_danger_signs_are_a_danger_question() -> None:
    first = CHECKS["covid"].questions[0]
    assert first.danger and "103" not in first.text["en"]


def test_an_impossible_rule_and_a_missing_language_are_reported_with_lines(tmp_path: Path):
    text = (ROOT / "content" / "selfchecks.yml").read_text("utf-8")
    broken = text.replace("      any_yes: [cough, blood]", "      any_yes: [cough, bloood]", 1)
    broken = broken.replace('    tg: "Худсанҷии сил"\n', "", 1)
    path = tmp_path / "selfchecks.yml"
    path.write_text(broken, "utf-8")
    _, problems = load_selfchecks(path, KNOWN)
    messages = [str(p) for p in problems]
    assert any("`bloood`, which is unknown" in m and m.startswith("content/selfchecks.yml:")
               for m in messages), messages  # fmt: skip
    assert any("tb.title.tg is missing" in m for m in messages), messages


def test_a_yaml_yes_key_that_would_turn_into_true_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "content" / "selfchecks.yml").read_text("utf-8")
    path = tmp_path / "selfchecks.yml"
    path.write_text(text.replace("      any_yes: [cough", "      yes: [cough", 1), "utf-8")
    _, problems = load_selfchecks(path, KNOWN)
    assert any("rule key `True`" in p.message for p in problems), problems
