"""Turn a group of unanswered questions into training examples of an intent.

`healthbot content unanswered` numbers the groups; an editor who sees that group 3 is people
asking where to test for HIV runs `healthbot content learn --group 3 --intent hiv_testing`, and
its questions become examples in nlu/data/usage/<lang>.yml (read by nlu/trainingdata.py like
every other part, checked by `content check`). The next `make train` learns them.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from content.unanswered import group
from nlu import LANGUAGES
from nlu.normalize import normalize
from nlu.trainingdata import read_intents

PART = "usage"
HEADER = (
    "# Examples learned from real users' unanswered questions (`healthbot content learn`).\n"
    "# Edit freely: remove a line that is wrong, move it to the right intent.\n"
)


class LearnError(Exception):
    """The group or the language cannot be learned as asked."""


def pick(questions: list[tuple[str, str]], number: int) -> list[tuple[str, str]]:
    """Group `number` (1 = largest, as numbered by `content unanswered`)."""
    groups = group(questions)
    if not 1 <= number <= len(groups):
        raise LearnError(f"there is no group {number}; there are {len(groups)}")
    return groups[number - 1]


def learn(
    members: list[tuple[str, str]], intent: str, data_dir: Path, lang: str | None = None
) -> dict[str, int]:
    """Add the questions to `intent` in nlu/data/usage/<lang>.yml; returns new examples per file.

    Each question goes to its detected language unless `lang` is given; a question in none of
    the 12 (`und`) needs `lang`. Questions already there (after normalisation) are skipped.
    """
    by_lang: dict[str, list[str]] = defaultdict(list)
    for text, detected in members:
        target = lang or detected
        if target not in LANGUAGES:
            raise LearnError(f"{text!r} is in no language of the bot ({detected}); pass --lang")
        by_lang[target].append(text)
    written = {}
    for target, texts in sorted(by_lang.items()):
        path = data_dir / PART / f"{target}.yml"
        if added := _append(path, intent, texts):
            written[str(path)] = added
    return written


def _append(path: Path, intent: str, texts: list[str]) -> int:
    intents = read_intents(path) if path.exists() else {}
    known = {normalize(t) for examples in intents.values() for t in examples}
    new = [
        t for t in dict.fromkeys(" ".join(t.split()) for t in texts) if normalize(t) not in known
    ]
    if not new:
        return 0
    intents.setdefault(intent, []).extend(new)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + _rasa_yaml(intents), encoding="utf-8")
    return len(new)


def _rasa_yaml(intents: dict[str, list[str]]) -> str:
    """Rasa NLU YAML with literal example blocks, as people write it by hand."""
    lines = ['version: "3.1"', "nlu:"]
    for name, examples in intents.items():
        lines += [f"- intent: {name}", "  examples: |"]
        lines += [f"    - {example}" for example in examples]
    return "\n".join(lines) + "\n"
