"""Editors' mistakes are reported with the right file and line; good content loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import ROOT
from content.loader import ContentError, load_content
from nlu.trainingdata import known_intents
from tests.content.conftest import KNOWN, answer_yaml


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root, KNOWN)
    return [str(p) for p in caught.value.problems]


def test_the_shipped_content_is_complete_and_valid():
    content, _ = load_content(ROOT / "content", known_intents(ROOT / "nlu" / "data"))
    assert set(content.answers) == known_intents(ROOT / "nlu" / "data")


def test_a_valid_tree_loads(tree):
    content, warnings = load_content(tree, KNOWN)
    assert content.answer("tb_about").text["ky"] == "TB is curable."
    assert warnings == []


def test_yaml_syntax_error_names_file_and_line(tree):
    path = tree / "answers" / "tb.yml"
    lines = path.read_text().splitlines()
    lines[3] = "  related: [tb_about"
    path.write_text("\n".join(lines))
    [problem] = problems(tree)
    assert problem.startswith("content/answers/tb.yml:5: error: YAML syntax error")


def test_a_missing_language_is_reported_at_its_block(tree):
    (tree / "answers" / "tb.yml").write_text(
        answer_yaml("tb_about") + answer_yaml("tb_symptoms", skip="tg")
    )
    assert any(
        p.startswith("content/answers/tb.yml:") and "tb_symptoms.title.tg is missing" in p
        for p in problems(tree)
    )


def test_unknown_intent_is_reported_at_its_line(tree):
    text = answer_yaml("tb_about") + answer_yaml("tb_symptoms") + answer_yaml("tb_symptom")
    (tree / "answers" / "tb.yml").write_text(text)
    line = text.splitlines().index("tb_symptom:") + 1
    assert (
        f"content/answers/tb.yml:{line}: error: tb_symptom is not an intent the bot knows; "
        "check the spelling against nlu/data" in problems(tree)
    )


def test_yaml_turning_no_into_false_is_caught(tree):
    path = tree / "answers" / "tb.yml"
    text = path.read_text().replace('    uz: "Title"', "    uz: no", 1)
    path.write_text(text)
    line = text.splitlines().index("    uz: no") + 1
    assert any(
        p.startswith(f"content/answers/tb.yml:{line}:") and "put the value in quotes" in p
        for p in problems(tree)
    )


def test_a_time_that_yaml_reads_as_a_number_is_caught(tree):
    path = tree / "answers" / "tb.yml"
    path.write_text(path.read_text().replace('    en: "TB is curable."', "    en: 12:30", 1))
    assert any("YAML read `750`" in p for p in problems(tree))


def test_html_telegram_would_refuse_is_caught(tree):
    (tree / "answers" / "tb.yml").write_text(
        answer_yaml("tb_about", text="<b>TB & you") + answer_yaml("tb_symptoms")
    )
    found = problems(tree)
    assert any("a bare & must be written &amp;" in p for p in found)
    assert any("<b> is never closed" in p for p in found)


def test_an_answer_over_telegrams_limit_is_caught(tree):
    (tree / "answers" / "tb.yml").write_text(
        answer_yaml("tb_about", text="x" * 4000) + answer_yaml("tb_symptoms")
    )
    assert any("tb_about.text.en is 4000 characters" in p for p in problems(tree))


def test_a_missing_answer_is_reported(tree):
    (tree / "answers" / "tb.yml").write_text(answer_yaml("tb_about"))
    assert "content/answers:1: error: no answer for intent `tb_symptoms`; add one" in problems(
        tree
    )


def test_missing_source_and_review_date_are_caught(tree):
    path = tree / "answers" / "tb.yml"
    text = (
        path.read_text().replace('  source: "WHO"\n', "", 1).replace("  reviewed: null\n", "", 1)
    )
    path.write_text(text)
    found = problems(tree)
    assert "content/answers/tb.yml:2: error: tb_about.source is missing or empty" in found
    assert any(p.startswith("content/answers/tb.yml:1:") and "reviewed is missing" in p
               for p in found)  # fmt: skip


def test_a_site_in_an_unknown_city_is_caught(tree):
    (tree / "sites.yml").write_text(
        "cities: {}\nsites:\n  - id: x\n    city: pinsk\n    lat: 52.1\n    lon: 26.1\n"
    )
    assert any(p.startswith("content/sites.yml:4:") and "city `pinsk` is not listed" in p
               for p in problems(tree))  # fmt: skip
