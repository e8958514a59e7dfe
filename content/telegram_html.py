"""Check text against the subset of HTML that Telegram accepts in our answers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = ("b", "i", "a")

_BAD_AMP = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"<{tag}> is not allowed; use only <b>, <i> and <a href>")
        elif tag == "a" and not dict(attrs).get("href", "").startswith(("https://", "http://")):
            self.errors.append('<a> needs href="https://..."')
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> does not close the last opened tag")
        else:
            self.open.pop()


def html_problems(text: str) -> list[str]:
    """Return what Telegram would refuse in `text` (empty when it is fine)."""
    problems = []
    if _BAD_AMP.search(text):
        problems.append("a bare & must be written &amp;")
    stripped = re.sub(r"</?[a-zA-Z][^<>]*>", "", text)
    if "<" in stripped or ">" in stripped:
        problems.append("a bare < or > must be written &lt; or &gt;")
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    problems.extend(checker.errors)
    if checker.open:
        problems.append(f"<{checker.open[-1]}> is never closed")
    return problems


def visible_length(text: str) -> int:
    """Characters Telegram counts after parsing the HTML."""
    import html

    return len(html.unescape(re.sub(r"<[^<>]+>", "", text)))
