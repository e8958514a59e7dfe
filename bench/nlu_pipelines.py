"""Benchmark: which NLU pipeline to keep, measured on the blind DEV split (never on test).

Trains each candidate (wall time, on whatever this machine is also doing: it is shared, so
times are upper bounds), serves it with a real Rasa server, and scores tests/nlu/blind/dev
through the full pipeline with today's decision thresholds. Writes the table to
reports/nlu-pipelines.md, which `make nlu-report` appends to reports/nlu.md.

    python -m bench.nlu_pipelines            # train what is missing, score all
    python -m bench.nlu_pipelines --retrain  # time every training again
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.settings import ROOT
from nlu.evalset import TrainingOverlap, load_blind, without_overlap
from nlu.runtime import NluRuntime, RasaConfig
from nlu.scoring import Scored, by, figures, score, todays_decision
from nlu.understand import Understander
from nlu.voting import SentenceVoting

BUILD = ROOT / "build" / "pipelines"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"


@dataclass(frozen=True)
class Candidate:
    name: str
    config: Path
    wrap: Callable[[Understander], object] = lambda u: u
    note: str = ""


CANDIDATES = (
    Candidate(
        "logreg", ROOT / "config.yml", note="today: LogisticRegression, word 1-2 + char 2-5"
    ),
    Candidate("diet-8", ROOT / "bench/pipelines/diet-8.yml", note="DIET, same features, 8 epochs"),
    Candidate(
        "diet-20", ROOT / "bench/pipelines/diet-20.yml", note="DIET, same features, 20 epochs"
    ),
    Candidate(
        "logreg+voting",
        ROOT / "config.yml",
        SentenceVoting,
        "logreg, long messages also parsed sentence by sentence",
    ),
)


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def train(candidate: Candidate, retrain: bool) -> tuple[Path, dict[str, float]]:
    """The model folder, and the wall and CPU seconds its training took (measured once)."""
    digest = hashlib.sha256(candidate.config.read_bytes()).hexdigest()[:12]
    out = BUILD / f"{candidate.config.stem}-{digest}"
    timing = out / "seconds.json"
    if timing.exists() and not retrain:
        return out, json.loads(timing.read_text())
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [ROOT / ".venv/bin/healthbot", "nlu", "export", "build/nlu"], check=True, cwd=ROOT
    )
    began, cpu = time.monotonic(), _cpu_of_children()
    subprocess.run(
        [RASA, "train", "nlu", "--config", candidate.config, "--nlu", "build/nlu", "--out", out,
         "--fixed-model-name", candidate.config.stem],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
             "RASA_MAX_CACHE_SIZE": "0"},  # no cached featurizers: a fresh clone's time
    )  # fmt: skip
    seconds = {"wall": time.monotonic() - began, "cpu": _cpu_of_children() - cpu}
    timing.write_text(json.dumps(seconds))
    return out, seconds


async def evaluate(model_dir: Path, candidate: Candidate, cases) -> tuple[list[Scored], float]:
    runtime = NluRuntime(RasaConfig("", "bench-pipelines", RASA, model_dir, timeout=60))
    understander = candidate.wrap(await runtime.start())
    try:
        results = await score(understander, cases, todays_decision)  # type: ignore[arg-type]
        latencies = []
        for case in cases[:100]:
            began = time.perf_counter()
            await understander.understand(case.text)  # type: ignore[attr-defined]
            latencies.append(time.perf_counter() - began)
    finally:
        await runtime.stop()
    return results, statistics.median(latencies) * 1000


def _minutes(seconds: float | None) -> str:
    return "not measured" if seconds is None else f"{seconds / 60:.1f}"


def row(name: str, note: str, results: list[Scored], seconds: dict, latency: float) -> str:
    found = figures(results)
    worst = min(
        by(results, lambda r: r.case.lang).items(),
        key=lambda item: figures(item[1])["accuracy"],
    )
    return (
        f"| {name} | {found['accuracy']:.3f} | {worst[0]} {figures(worst[1])['accuracy']:.3f} "
        f"| {found['accuracy_hard']:.3f} | {found['out_of_scope_precision']:.3f} / "
        f"{found['out_of_scope_recall']:.3f} | {found['confidently_wrong']:.3f} "
        f"| {seconds['wall'] / 60:.1f} / {_minutes(seconds.get('cpu'))} min "
        f"| {latency:.0f} ms | {note} |"
    )


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--retrain", action="store_true")
    parser.add_argument("--only", nargs="*", help="candidate names")
    parser.add_argument("--out", default=str(ROOT / "reports" / "nlu-pipelines.md"))
    args = parser.parse_args(argv)
    tests = ROOT / "tests" / "nlu"
    # Not blind-new: no candidate is trained on those intents yet, they would only add noise.
    cases = load_blind(tests / "blind" / "dev")
    cases, removed = without_overlap(
        [c for c in cases if c.lang != "und"], TrainingOverlap.of(ROOT / "nlu" / "data")
    )
    if not cases:
        print("no blind dev set in tests/nlu/blind/dev yet", file=sys.stderr)
        return 1
    rows = []
    for candidate in CANDIDATES:
        if args.only and candidate.name not in args.only:
            continue
        model_dir, seconds = train(candidate, args.retrain)
        results, latency = await evaluate(model_dir, candidate, cases)
        rows.append(row(candidate.name, candidate.note, results, seconds, latency))
        print(rows[-1], flush=True)
    lines = [
        "## Pipeline comparison (blind DEV split)",
        "",
        f"{len(cases)} dev messages ({sum(removed.values())} removed as training overlaps), "
        "today's decision thresholds. Training: wall time on this 2-core machine while other "
        "agents used it too (load average often above 10, so wall time is an upper bound) / "
        "CPU time of the training process (TensorFlow uses both cores). Latency: median of "
        "one parse at a time through the full pipeline. Rerun: `python -m bench.nlu_pipelines`.",
        "",
        "| pipeline | accuracy | worst language | hard | out_of_scope P / R "
        "| confidently wrong | training wall / CPU | parse latency | what |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
