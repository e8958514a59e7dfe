"""Read Rasa NLU training files.

A language's training data is `nlu/data/<lang>.yml` plus `nlu/data/<part>/<lang>.yml` for any
part (for example `emergency/`, `usage/`): separate parts let separate people and tools add
examples without editing one shared file. The file name is always the language code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (its wheels do): the same safe YAML, ten times faster,
# which matters because every start reads all training files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_intents(path: Path) -> dict[str, list[str]]:
    """Map each intent in one Rasa NLU YAML file to its example texts."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
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


def training_files(data_dir: Path) -> list[Path]:
    """Every training file: `<lang>.yml` at the top and in each part folder, sorted."""
    return sorted([*data_dir.glob("*.yml"), *data_dir.glob("*/*.yml")])


def files_by_language(data_dir: Path) -> dict[str, list[Path]]:
    """Training files grouped by language (the file name without `.yml`)."""
    grouped: dict[str, list[Path]] = {}
    for path in training_files(data_dir):
        grouped.setdefault(path.stem, []).append(path)
    return grouped


def language_intents(data_dir: Path, lang: str) -> dict[str, list[str]]:
    """Every intent's examples for one language, over all parts."""
    merged: dict[str, list[str]] = {}
    for path in files_by_language(data_dir).get(lang, []):
        for intent, examples in read_intents(path).items():
            merged.setdefault(intent, []).extend(examples)
    return merged


def known_intents(data_dir: Path) -> frozenset[str]:
    """Every intent named in any training file."""
    return frozenset(i for path in training_files(data_dir) for i in read_intents(path))
