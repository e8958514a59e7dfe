"""`healthbot nlu parse` and `healthbot nlu export`."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TextIO

import yaml

from nlu.client import NluUnavailable
from nlu.normalize import normalize
from nlu.runtime import NluRuntime
from nlu.trainingdata import read_intents, training_files

logger = logging.getLogger(__name__)


async def parse_lines(source: TextIO, out: TextIO, runtime: NluRuntime, _data: Path) -> int:
    """One message per input line -> one JSON object per output line."""
    understander = await runtime.start()
    failures = 0
    try:
        for line in source:
            text = line.rstrip("\n")
            if not text.strip():
                continue
            try:
                result = (await understander.understand(text)).as_json()
            except NluUnavailable:
                failures += 1
                lang, confidence = understander.language(text)
                result = {
                    "text": text,
                    "intent": None,
                    "confidence": 0.0,
                    "language": lang,
                    "language_confidence": confidence,
                    "situation": None,
                    "decision": "fallback",
                    "error": "nlu unavailable",
                }
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        await runtime.stop()
    return 1 if failures else 0


def export(data_dir: Path, out_dir: Path) -> int:
    """Write normalised copies of nlu/data for `rasa train nlu` (same folding as at run time).

    An example that folds to the same text as one under another intent is dropped (the first
    one wins) and reported, because Rasa cannot learn two labels for one input.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.yml"):
        stale.unlink()
    owner: dict[str, str] = {}
    for path in training_files(data_dir):
        blocks = []
        for intent, examples in read_intents(path).items():
            kept = []
            for example in examples:
                folded = normalize(example)
                if not folded or owner.setdefault(folded, intent) != intent:
                    logger.warning(
                        "example_dropped",
                        extra={
                            "file": path.name,
                            "intent": intent,
                            "example": example,
                            "also": owner.get(folded),
                        },
                    )
                    continue
                kept.append(folded)
            blocks.append(
                {"intent": intent, "examples": "".join(f"- {e}\n" for e in dict.fromkeys(kept))}
            )
        document = {"version": "3.1", "nlu": blocks}
        name = path.name if path.parent == data_dir else f"{path.parent.name}-{path.name}"
        (out_dir / name).write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    return 0
