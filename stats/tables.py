"""Tables of counts, and the one rule that keeps people from being singled out."""

from __future__ import annotations

from dataclasses import dataclass

SMALL = 5  # a count from 1 to SMALL - 1 is shown as "<5"


def shown(n: int) -> str:
    """A count as it may be published: 1-4 become "<5" (0 singles nobody out)."""
    return f"<{SMALL}" if 0 < n < SMALL else str(n)


def share(part: int, whole: int) -> str:
    """A percentage, unless either count is small enough to identify someone."""
    if whole == 0:
        return "–"
    if 0 < part < SMALL or whole < SMALL:
        return f"<{SMALL}"
    return f"{100 * part / whole:.0f}%"


def plotted(n: int) -> int:
    """The height a chart may draw: small counts are drawn as nothing (and labelled "<5")."""
    return 0 if 0 < n < SMALL else n


@dataclass(frozen=True)
class Table:
    """One figure: a title, column names and rows of raw values (counts stay ints)."""

    name: str  # file name of its CSV, anchor of its section
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    note: str = ""

    def published(self) -> tuple[tuple[str, ...], ...]:
        """Rows as they may be shown: every int through `shown`."""
        return tuple(
            tuple(shown(cell) if isinstance(cell, int) else cell for cell in row)
            for row in self.rows
        )
