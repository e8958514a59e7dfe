"""`healthbot content check` reports emergency-rule mistakes as file:line problems."""

from __future__ import annotations

from pathlib import Path

from content.check import emergency_rule_problems


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_shipped_rules_have_no_problems():
    from nlu.safety import RULES_DIR

    assert emergency_rule_problems(RULES_DIR) == []


def test_each_mistake_is_reported_with_its_file_and_line(tmp_path):
    rules = write(
        tmp_path / "emergency",
        "en.yml",
        "situations:\n"
        "  breathing:\n"
        "    strong:\n"
        "      - can't breathe\n"
        "      - ''\n"
        "      - a*\n"
        "  sneezing:\n"
        "    strong:\n"
        "      - achoo\n"
        "guards:\n"
        "  maybe:\n"
        "    - perhaps\n",
    )
    write(rules, "xx.yml", "situations: {}\n")
    write(rules, "ru.yml", "situations:\n  breathing: [\n")
    shown = [f"{p.file}:{p.line}: {p.message}" for p in emergency_rule_problems(rules)]
    assert any("emergency/en.yml:5:" in s and "empty pattern" in s for s in shown)
    assert any("emergency/en.yml:6:" in s and "too short" in s for s in shown)
    assert any("emergency/en.yml:7:" in s and "unknown situation" in s for s in shown)
    assert any("emergency/en.yml:11:" in s and "unknown guard kind" in s for s in shown)
    assert any("emergency/xx.yml:1:" in s and "unknown language" in s for s in shown)
    assert any("emergency/ru.yml:" in s and "YAML syntax error" in s for s in shown)
    assert len(shown) == 6, shown
