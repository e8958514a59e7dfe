"""The one decision rule the dialogue and `healthbot nlu parse` share."""

from __future__ import annotations

from nlu.decision import Signals, Thresholds, decide

T = Thresholds()


def signals(intent, confidence, ranking=(), *, rule=None, guarded=False):
    return Signals(rule, guarded, intent, confidence, tuple(ranking))


def test_a_rule_match_is_an_emergency_whatever_the_model_says():
    assert decide(signals("tb_testing", 0.99, rule="breathing"), T) == "emergency"
    assert decide(signals(None, 0.0, rule="suicide"), T) == "emergency"


def test_the_model_alone_is_an_emergency_only_without_a_guard():
    assert decide(signals("emergency", 0.5, [("emergency", 0.5)]), T) == "emergency"
    guarded = signals("emergency", 0.5, [("emergency", 0.5), ("tb_symptoms", 0.3)], guarded=True)
    assert decide(guarded, T) == "clarify"


def test_ordinary_thresholds_answer_clarify_or_fall_back():
    assert decide(signals("hiv_testing", 0.7), T) == "answer"
    near = signals("hiv_testing", 0.5, [("hiv_testing", 0.5), ("tb_testing", 0.1)])
    assert decide(near, T) == "answer"
    unsure = signals("hiv_testing", 0.4, [("hiv_testing", 0.4), ("tb_testing", 0.35)])
    assert decide(unsure, T) == "clarify"
    assert decide(signals("hiv_testing", 0.1, [("hiv_testing", 0.1)]), T) == "fallback"
    assert decide(signals("out_of_scope", 0.9), T) == "fallback"
    assert decide(signals(None, 0.0), T) == "fallback"


def test_thresholds_are_configurable():
    strict = Thresholds(confident=0.95, near_confident=0.9, emergency=0.8)
    assert decide(signals("hiv_testing", 0.7, [("hiv_testing", 0.7)]), strict) == "clarify"
    assert decide(signals("emergency", 0.5, [("emergency", 0.5)]), strict) != "emergency"
