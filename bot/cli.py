"""`healthbot`: run the bot, chat in the terminal, and the editors' and testers' tools."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date
from pathlib import Path

from bot import logs
from bot.settings import ROOT, Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="healthbot", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run on Telegram if TELEGRAM_BOT_TOKEN is set, else chat here")
    commands.add_parser("chat", help="chat with the bot in this terminal")
    nlu = commands.add_parser("nlu", help="language understanding tools")
    nlu_commands = nlu.add_subparsers(dest="nlu_command", required=True)
    nlu_commands.add_parser("parse", help="stdin: one message per line; stdout: JSON lines")
    export = nlu_commands.add_parser("export", help="write normalised training data for Rasa")
    export.add_argument("out", nargs="?", default="build/nlu")
    report = nlu_commands.add_parser("report", help="score the blind test set; exit 1 below gate")
    report.add_argument("--tests", default="tests/nlu", help="holds blind/, blind-new/, data/")
    report.add_argument("--split", default="test", choices=["test", "dev"])
    report.add_argument("--out", default="reports/nlu.md")
    report.add_argument(
        "--append",
        nargs="*",
        default=[
            "reports/nlu-pipelines.md",
            "reports/nlu-thresholds.md",
            "reports/rasa-cross-validation.md",
        ],
    )
    emergencies = nlu_commands.add_parser(
        "emergencies", help="score emergency detection on tests/nlu/emergency (aggregates only)"
    )
    emergencies.add_argument("--split", default="dev", choices=("dev", "test"))
    emergencies.add_argument("--out", default="")
    when = commands.add_parser("when", help="stdin: date phrases; stdout: JSON with `at`")
    when.add_argument("--lang", required=True)
    when.add_argument("--now", help="ISO date-time (default: now); naive means HEALTHBOT_TZ")
    when_report = commands.add_parser(
        "when-report", help="score the date parser on a phrase set (aggregates only)"
    )
    when_report.add_argument("--set", default="tests/when/blind")
    content = commands.add_parser("content", help="content editors' tools")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    content_commands.add_parser("check", help="validate content/ and nlu/; exit 1 on errors")
    report = content_commands.add_parser("report", help="coverage report (Markdown and HTML)")
    report.add_argument("--out", default="reports")
    unanswered = content_commands.add_parser("unanswered", help="unanswered questions as CSV")
    unanswered.add_argument("--out", default="-", help="file, or - for standard output")
    learn = content_commands.add_parser(
        "learn", help="add an unanswered group's questions to nlu/data/usage as an intent"
    )
    learn.add_argument("--group", type=int, required=True, help="number from `unanswered`")
    learn.add_argument("--intent", required=True)
    learn.add_argument("--lang", help="language of the examples (default: as detected)")
    stats = commands.add_parser("stats", help="programme figures for a period (HTML or CSV)")
    stats.add_argument("--since", type=date.fromisoformat, help="first day (default: 30 days ago)")
    stats.add_argument("--until", type=date.fromisoformat, help="last day (default: today)")
    stats.add_argument("--out", default="build/stats", help="folder to write into")
    stats.add_argument("--format", choices=("html", "csv"), default="html")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    handler = {
        None: _run,
        "run": _run,
        "chat": _chat,
        "nlu": _nlu,
        "content": _content,
        "when": _when,
        "stats": _stats,
        "when-report": _when_report,
    }[args.command]
    return handler(args, settings)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.telegram_token:
        print("TELEGRAM_BOT_TOKEN is not set: chatting in the terminal instead.", file=sys.stderr)
        return _chat(args, settings)
    logs.setup(settings.log_level, [settings.telegram_token, settings.rasa_token])
    from bot.app import run_telegram

    run_telegram(settings)
    return 0


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    logs.setup("WARNING", [settings.telegram_token, settings.rasa_token])
    from bot.terminal import chat

    asyncio.run(chat(settings))
    return 0


def _nlu(args: argparse.Namespace, settings: Settings) -> int:
    from nlu import cli

    logs.setup("WARNING", [settings.rasa_token])
    if args.nlu_command == "export":
        return cli.export(settings.nlu_data_dir, Path(args.out))
    from bot.app import nlu_runtime

    if args.nlu_command == "emergencies":
        from nlu import emergency_report

        return asyncio.run(
            emergency_report.run(
                nlu_runtime(settings), ROOT / "tests" / "nlu", args.split, args.out
            )
        )
    if args.nlu_command == "report":
        from nlu import report

        extra = "\n".join(Path(p).read_text() for p in args.append if Path(p).exists())
        sets = report.EvalSets.under(Path(args.tests), args.split)
        runtime = nlu_runtime(settings)
        return asyncio.run(report.run(runtime, sets, Path(args.out), extra, settings.nlu_data_dir))
    return asyncio.run(
        cli.parse_lines(sys.stdin, sys.stdout, nlu_runtime(settings), settings.nlu_data_dir)
    )


def _when(args: argparse.Namespace, settings: Settings) -> int:
    """The reminder date parser the bot uses, for checking phrases in bulk."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from nlu.when import run_cli

    zone = ZoneInfo(settings.timezone)
    now = datetime.fromisoformat(args.now) if args.now else datetime.now(zone)
    now = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    for line in run_cli(sys.stdin, args.lang, now):
        print(line, flush=True)
    return 0


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    from stats.run import Period, default_period, run

    period = default_period(date.today())
    period = Period(args.since or period.since, args.until or period.until)
    if period.since > period.until:
        print("--since must not be after --until", file=sys.stderr)
        return 2
    for path in asyncio.run(run(settings.db_path, period, Path(args.out), args.format)):
        print(path)
    return 0


def _when_report(args: argparse.Namespace, settings: Settings) -> int:
    """Right / asked back / misread per language and kind; never a phrase."""
    from nlu.when import report

    return report.run(Path(args.set), settings.timezone, sys.stdout)


def _content(args: argparse.Namespace, settings: Settings) -> int:
    from content import check

    if args.content_command == "check":
        return check.run(settings.content_dir, settings.nlu_data_dir, sys.stdout)
    from bot import editor_tools

    if args.content_command == "report":
        return asyncio.run(editor_tools.report(settings, Path(args.out)))
    if args.content_command == "learn":
        return asyncio.run(editor_tools.learn(settings, args.group, args.intent, args.lang))
    return asyncio.run(editor_tools.unanswered(settings, args.out))


if __name__ == "__main__":
    sys.exit(main())
