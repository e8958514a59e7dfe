"""Read Rasa NLU training files (nlu/data/<lang>.yml)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml


def read_intents(path: Path) -> dict[str, list[str]]:
    """Map each intent in one Rasa NLU YAML file to its example texts."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    intents: dict[str, list[str]] = {}
    for block in data.get("nlu", []):
        if "intent" not in block:
            continue
        examples = intents.setdefault(str(block["intent"]), [])
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append(line[2:].strip())
    return intents


def read_examples(path: Path) -> Iterator[str]:
    for examples in read_intents(path).values():
        yield from examples


def known_intents(data_dir: Path) -> frozenset[str]:
    """Every intent named in any language file."""
    return frozenset(i for path in data_dir.glob("*.yml") for i in read_intents(path))
