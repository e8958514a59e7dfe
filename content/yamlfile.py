"""Load YAML while remembering the line of every mapping key, for editor-friendly errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    severity: str = "error"  # "error" stops publishing; "warning" does not

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


class LinedDict(dict):
    """A dict that knows the 1-based line of each key (`lines`) and of itself (`line`)."""

    line: int = 0
    lines: dict[Any, int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LinedDict:
    mapping = LinedDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse `path`; on a syntax error return (None, [problem at that line])."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown_as, 1, f"cannot read the file: {exc}")]
    try:
        return yaml.load(text, Loader=_LineLoader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        return None, [
            Problem(shown_as, line, f"YAML syntax error: {what}; check indentation and quotes")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(shown_as, 1, f"YAML error: {exc}")]


def line_of(mapping: Any, key: Any) -> int:
    if isinstance(mapping, LinedDict):
        return mapping.lines.get(key, mapping.line)
    return 1
