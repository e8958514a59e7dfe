"""Benchmark: nearest-site search with thousands of sites, grid index against a full scan.

Usage: python -m bench.locator
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from content.locator import Locator, haversine_km


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    services: tuple[str, ...]


def full_scan(sites: list[Point], lat: float, lon: float, service: str) -> list[Point]:
    offering = [s for s in sites if service in s.services]
    return sorted(offering, key=lambda s: haversine_km(lat, lon, s.lat, s.lon))[:3]


def main() -> None:
    rng = random.Random(1)
    services = ("tb_testing", "hiv_testing", "covid_vaccination", "general")
    print(f"{'sites':>7}  {'full scan':>12}  {'grid index':>12}  same answers")
    for count in (1_000, 10_000, 50_000):
        sites = [Point(rng.uniform(51.3, 56.1), rng.uniform(23.3, 32.7),
                       tuple(rng.sample(services, 2))) for _ in range(count)]  # fmt: skip
        queries = [(rng.uniform(51.3, 56.1), rng.uniform(23.3, 32.7), rng.choice(services))
                   for _ in range(200)]  # fmt: skip
        began = time.perf_counter()
        expected = [full_scan(sites, *q) for q in queries]
        scan = (time.perf_counter() - began) / len(queries)
        locator = Locator(sites)
        began = time.perf_counter()
        found = [[f.site for f in locator.nearest(*q)] for q in queries]
        grid = (time.perf_counter() - began) / len(queries)
        print(f"{count:>7,}  {scan * 1000:9.2f} ms  {grid * 1000:9.3f} ms  {found == expected}")


if __name__ == "__main__":
    main()
