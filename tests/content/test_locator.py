"""Nearest sites by great-circle distance, with real coordinates."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from content.locator import Locator, haversine_km
from tests.helpers import CONTENT

MINSK = (53.9023, 27.5619)
BREST = (52.0976, 23.7341)
BREST_FORTRESS = (52.0833, 23.6553)


@dataclass(frozen=True)
class Point:
    id: str
    lat: float
    lon: float
    services: tuple[str, ...] = ("general",)


def test_great_circle_distance_between_minsk_and_brest():
    assert haversine_km(*MINSK, *BREST) == pytest.approx(327, abs=2)
    assert haversine_km(*MINSK, *MINSK) == 0


def test_the_nearest_are_returned_in_order_and_filtered_by_service():
    sites = [Point("minsk", *MINSK), Point("brest", *BREST, ("tb_testing",)),
             Point("fortress", *BREST_FORTRESS)]  # fmt: skip
    found = Locator(sites).nearest(*BREST_FORTRESS, None, k=2)
    assert [f.site.id for f in found] == ["fortress", "brest"]
    assert [f.site.id for f in Locator(sites).nearest(*MINSK, "tb_testing")] == ["brest"]


def test_the_grid_search_agrees_with_a_full_scan_on_thousands_of_sites():
    rng = random.Random(3)
    sites = [Point(str(i), rng.uniform(51.3, 56.1), rng.uniform(23.3, 32.7)) for i in range(5000)]
    locator = Locator(sites)
    for _ in range(50):
        lat, lon = rng.uniform(51.3, 56.1), rng.uniform(23.3, 32.7)
        expected = sorted(sites, key=lambda s: haversine_km(lat, lon, s.lat, s.lon))[:3]
        assert [f.site for f in locator.nearest(lat, lon, None)] == expected


def test_a_point_in_brest_finds_brest_sites_first():
    found = Locator(CONTENT.sites).nearest(*BREST_FORTRESS, None)
    assert [f.site.city for f in found] == ["brest"] * 3


@pytest.mark.parametrize("city", ["minsk", "brest", "grodno", "gomel", "mogilev", "vitebsk"])
def test_every_regional_centre_has_testing_and_vaccination(city):
    here = CONTENT.cities[city]
    for service in ("tb_testing", "hiv_testing", "covid_vaccination"):
        [nearest] = Locator(CONTENT.sites).nearest(here.lat, here.lon, service, k=1)
        assert nearest.site.city == city, (city, service)
