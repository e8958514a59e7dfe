"""A small, valid content tree that tests can break in the ways editors do."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu import LANGUAGES

KNOWN = frozenset({"tb_about", "tb_symptoms"})


def answer_yaml(intent: str, *, text: str = "TB is curable.", skip: str = "") -> str:
    def block(key: str, value: str) -> str:
        return f"  {key}:\n" + "".join(
            f"    {lang}: {value}\n" for lang in LANGUAGES if lang != skip
        )

    return (
        f"{intent}:\n"
        '  source: "WHO"\n'
        "  reviewed: null\n"
        "  related: [tb_about]\n"
        + block("status", "draft")
        + block("title", '"Title"')
        + block("text", f'"{text}"')
    )


def menu_yaml() -> str:
    titles = "".join(f"      {lang}: TB\n" for lang in LANGUAGES)
    return f"groups:\n  - id: tb\n    title:\n{titles}    intents: [tb_about, tb_symptoms]\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "answers").mkdir(parents=True)
    (root / "answers" / "tb.yml").write_text(answer_yaml("tb_about") + answer_yaml("tb_symptoms"))
    (root / "menu.yml").write_text(menu_yaml())
    (root / "contacts.yml").write_text("{}\n")
    return root
