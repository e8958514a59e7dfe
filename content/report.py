"""`healthbot content report`: coverage and review status for editors (Markdown and HTML)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from pathlib import Path

from content.schema import Content
from nlu import LANGUAGES

STALE_AFTER_DAYS = 365


def review_age(reviewed: dt.date | None, today: dt.date) -> str:
    if reviewed is None:
        return "never reviewed"
    days = (today - reviewed).days
    return f"{days} days" + (" (due)" if days > STALE_AFTER_DAYS else "")


def table(content: Content, ratings: Mapping[tuple[str, str], tuple[int, int]], today: dt.date):
    """Rows: intent, source, review age, then per language `status` and rating."""
    header = ["intent", "reviewed", *LANGUAGES]
    rows = []
    for intent, answer in sorted(content.answers.items()):
        cells = [intent, review_age(answer.reviewed, today)]
        for lang in LANGUAGES:
            status = answer.status.get(lang, "missing") if lang in answer.text else "missing"
            up, down = ratings.get((intent, lang), (0, 0))
            cells.append(f"{status} 👍{up} 👎{down}" if up or down else status)
        rows.append(cells)
    return header, rows


def markdown(content: Content, ratings, today: dt.date) -> str:
    header, rows = table(content, ratings, today)
    unverified = [i for i, a in sorted(content.answers.items()) if a.reviewed is None]
    lines = [
        "# Content coverage",
        "",
        f"{len(content.answers)} answers × {len(LANGUAGES)} languages. Status per language: "
        "`reviewed` (checked by a native speaker), `draft` (written by the team), `machine` "
        "(machine or non-native translation: check first). 👍/👎: 'Was this helpful?' votes.",
        "",
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    counts = {s: sum(r.count(s) for r in rows) for s in ("reviewed", "draft", "machine")}
    lines += ["", "## Summary", "", *(f"- {s}: {n}" for s, n in counts.items())]
    lines += ["", f"## Not yet reviewed by a health professional ({len(unverified)})", ""]
    lines += [f"- {intent}: source: {content.answers[intent].source}" for intent in unverified]
    return "\n".join(lines) + "\n"


def html_page(content: Content, ratings, today: dt.date) -> str:
    header, rows = table(content, ratings, today)
    colour = {
        "reviewed": "#c8f7c5",
        "draft": "#fff3b0",
        "machine": "#ffd6a5",
        "missing": "#f4a4a4",
    }

    def cell(value: str) -> str:
        background = colour.get(value.split(" ")[0], "#fff")
        return f'<td style="background:{background}">{html.escape(value)}</td>'

    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>healthbot content</title>'
        "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;"
        "font-size:13px}table{border-collapse:collapse}</style></head><body>"
        f"<h1>Content coverage</h1><p>Generated {today.isoformat()}.</p>"
        f"<table><tr>{head}</tr>{body}</table></body></html>"
    )


def write(content: Content, ratings, out_dir: Path, today: dt.date | None = None) -> list[Path]:
    today = today or dt.date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    md, page = out_dir / "content.md", out_dir / "content.html"
    md.write_text(markdown(content, ratings, today), encoding="utf-8")
    page.write_text(html_page(content, ratings, today), encoding="utf-8")
    return [md, page]
