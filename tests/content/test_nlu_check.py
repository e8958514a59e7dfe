"""Training-data mistakes an editor can make, reported with file and line."""

from __future__ import annotations

from content.check import nlu_problems
from nlu import LANGUAGES


def write_data(tmp_path, uz_extra: str = "", examples: int = 25) -> None:
    for lang in LANGUAGES:
        lines = "".join(f"    - question {lang} {n}\n" for n in range(examples))
        other = "".join(f"    - other {lang} {n}\n" for n in range(examples))
        body = f'version: "3.1"\nnlu:\n- intent: tb_about\n  examples: |\n{lines}'
        body += f"- intent: hiv_about\n  examples: |\n{other}"
        if lang == "uz":
            body += uz_extra
        (tmp_path / f"{lang}.yml").write_text(body)


def test_the_same_example_under_two_intents_names_its_line(tmp_path):
    write_data(tmp_path, "- intent: greet\n  examples: |\n    - question uz 3\n")
    _, problems = nlu_problems(tmp_path)
    errors = [str(p) for p in problems if "example of both" in p.message]
    assert errors == [
        "nlu/data/uz.yml:59: error: `question uz 3` is an example of both tb_about and greet; "
        "keep it under one"
    ]


def test_too_few_examples_is_a_warning(tmp_path):
    write_data(tmp_path, examples=3)
    _, problems = nlu_problems(tmp_path)
    assert "nlu/data/ky.yml:3: warning: tb_about has 3 examples; add at least 25" in [
        str(p) for p in problems
    ]
