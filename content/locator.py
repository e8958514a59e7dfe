"""Find the nearest sites offering a service: great-circle distance over a grid index.

The grid (cells of 0.5° latitude × 0.5° longitude) lets a search look at the few cells around
the user first and widen ring by ring, so it stays fast with thousands of sites.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

EARTH_RADIUS_KM = 6371.0088
CELL_DEGREES = 0.5
# Within a ring of r cells, everything closer than this many km has been seen.
KM_PER_CELL = CELL_DEGREES * 111.19 * math.cos(math.radians(60))


class Placed(Protocol):
    lat: float
    lon: float
    services: tuple[str, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


@dataclass(frozen=True)
class Found:
    site: Placed
    km: float


class Locator:
    def __init__(self, sites: Iterable[Placed]) -> None:
        self._cells: dict[tuple[int, int], list[Placed]] = defaultdict(list)
        for site in sites:
            self._cells[_cell(site.lat, site.lon)].append(site)
        rows = [c[0] for c in self._cells] or [0]
        cols = [c[1] for c in self._cells] or [0]
        self._max_ring = max(max(rows) - min(rows), max(cols) - min(cols)) + 2

    def nearest(self, lat: float, lon: float, service: str | None, *, k: int = 3) -> list[Found]:
        """The `k` nearest sites offering `service` (any service when None), nearest first."""
        row, col = _cell(lat, lon)
        found: list[Found] = []
        for ring in range(self._max_ring + 1):
            for cell in _ring(row, col, ring):
                for site in self._cells.get(cell, ()):
                    if service is None or service in site.services:
                        found.append(Found(site, haversine_km(lat, lon, site.lat, site.lon)))
            found.sort(key=lambda f: f.km)
            # Sites in cells beyond this ring are at least `ring` cells away.
            if len(found) >= k and found[k - 1].km <= ring * KM_PER_CELL:
                break
        return found[:k]


def _ring(row: int, col: int, ring: int) -> Iterable[tuple[int, int]]:
    if ring == 0:
        yield row, col
        return
    for d in range(-ring, ring + 1):
        yield row - ring, col + d
        yield row + ring, col + d
    for d in range(-ring + 1, ring):
        yield row + d, col - ring
        yield row + d, col + ring
