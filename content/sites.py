"""Health sites and cities for "Find the nearest" (content/sites.yml)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from content.yamlfile import Problem, line_of, load
from nlu import LANGUAGES

SERVICES = (
    "tb_testing", "tb_treatment", "hiv_testing", "hiv_treatment",
    "covid_vaccination", "covid_testing", "general",
)  # fmt: skip
ANSWERS = ("yes", "no", "partly", "unknown")
TEXTS = ("name", "address", "hours", "documents")
FILE = "content/sites.yml"


@dataclass(frozen=True)
class City:
    id: str
    lat: float
    lon: float
    name: Mapping[str, str]


@dataclass(frozen=True)
class Site:
    id: str
    city: str
    lat: float
    lon: float
    services: tuple[str, ...]
    name: Mapping[str, str]
    address: Mapping[str, str]
    hours: Mapping[str, str]
    documents: Mapping[str, str]
    phone: str | None
    free_for_foreigners: str
    anonymous: str
    staff_languages: tuple[str, ...]
    source: str
    verified: bool
    unverified: tuple[str, ...]
    note: Mapping[str, str] | None = None


def short_id(site_id: str) -> str:
    """A short, stable handle for a site, to fit Telegram's 64-byte button data."""
    return hashlib.sha1(site_id.encode()).hexdigest()[:10]


def _texts(entry: dict, key: str, where: str, problems: list[Problem]) -> dict[str, str]:
    block = entry.get(key)
    if not isinstance(block, dict):
        problems.append(Problem(FILE, line_of(entry, key), f"{where}.{key} needs 12 languages"))
        return {}
    for lang in LANGUAGES:
        if not isinstance(block.get(lang), str) or not block[lang].strip():
            message = f"{where}.{key}.{lang} is missing or not text (quote it)"
            problems.append(Problem(FILE, line_of(block, lang), message))
    return {lang: str(block.get(lang, "")) for lang in LANGUAGES}


def _coordinate(entry: dict, key: str, bounds: tuple[float, float], where: str, problems):
    value = entry.get(key)
    if not isinstance(value, int | float) or not bounds[0] <= value <= bounds[1]:
        message = f"{where}.{key} must be a number between {bounds[0]} and {bounds[1]} (Belarus)"
        problems.append(Problem(FILE, line_of(entry, key), message))
        return 0.0
    return float(value)


def _city(cid: str, entry: dict, problems: list[Problem]) -> City:
    lat = _coordinate(entry, "lat", (51.0, 56.5), cid, problems)
    lon = _coordinate(entry, "lon", (23.0, 33.0), cid, problems)
    return City(cid, lat, lon, _texts(entry, "name", cid, problems))


def _choice(entry: dict, key: str, where: str, problems: list[Problem]) -> str:
    value = entry.get(key)
    if value not in ANSWERS:
        message = f"{where}.{key} is `{value}`; use one of {', '.join(ANSWERS)} (in quotes)"
        problems.append(Problem(FILE, line_of(entry, key), message))
        return "unknown"
    return str(value)


def _site(entry: dict, cities: Mapping[str, City], problems: list[Problem]) -> Site:
    sid = str(entry.get("id", f"site at line {entry.line}"))
    if entry.get("city") not in cities:
        message = f"{sid}.city `{entry.get('city')}` is not listed under cities"
        problems.append(Problem(FILE, line_of(entry, "city"), message))
    services = tuple(entry.get("services") or ())
    for service in services:
        if service not in SERVICES:
            message = f"{sid}.services: unknown service `{service}`; use {', '.join(SERVICES)}"
            problems.append(Problem(FILE, line_of(entry, "services"), message))
    phone = entry.get("phone")
    if phone is not None and not isinstance(phone, str):
        problems.append(Problem(FILE, line_of(entry, "phone"), f"{sid}.phone must be quoted"))
    verified = entry.get("verified")
    if not isinstance(verified, bool):
        message = f"{sid}.verified must be true or false"
        problems.append(Problem(FILE, line_of(entry, "verified"), message))
    texts = {key: _texts(entry, key, sid, problems) for key in TEXTS}
    note = _texts(entry, "note", sid, problems) if "note" in entry else None
    return Site(
        id=sid, city=str(entry.get("city")), services=services,
        lat=_coordinate(entry, "lat", (51.0, 56.5), sid, problems),
        lon=_coordinate(entry, "lon", (23.0, 33.0), sid, problems),
        phone=phone if isinstance(phone, str) else None,
        free_for_foreigners=_choice(entry, "free_for_foreigners", sid, problems),
        anonymous=_choice(entry, "anonymous", sid, problems),
        staff_languages=tuple(entry.get("staff_languages") or ()),
        source=str(entry.get("source") or ""), verified=verified is True,
        unverified=tuple(entry.get("unverified") or ()), note=note, **texts,
    )  # fmt: skip


def load_sites(path: Path) -> tuple[dict[str, City], tuple[Site, ...], list[Problem]]:
    """Read sites.yml; a missing file means no sites (the locator is then not offered)."""
    if not path.exists():
        return {}, (), []
    data, problems = load(path, FILE)
    if not isinstance(data, dict):
        return {}, (), problems or [Problem(FILE, 1, "expected `cities:` and `sites:`")]
    cities = {str(c): _city(str(c), e, problems) for c, e in (data.get("cities") or {}).items()}
    sites = tuple(_site(e, cities, problems) for e in data.get("sites") or ())
    seen: set[str] = set()
    for site, entry in zip(sites, data.get("sites") or (), strict=True):
        if site.id in seen:
            problems.append(Problem(FILE, entry.line, f"site id {site.id} is used twice"))
        seen.add(site.id)
        if not site.source:
            problems.append(Problem(FILE, entry.line, f"{site.id}.source is missing"))
    return cities, sites, problems
