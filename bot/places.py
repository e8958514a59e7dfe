"""Replies for "Find the nearest": location request, city picker, nearest sites as venues."""

from __future__ import annotations

import html

from babel.numbers import format_decimal

from bot.callbacks import Callback
from bot.i18n import babel_locale, rtl
from bot.reply import Button, Reply, Venue, rows
from bot.screens import Screens
from content.locator import Found, Locator
from content.sites import Site, short_id


def ask_where(screens: Screens, service: str) -> list[Reply]:
    _ = screens._
    share = _("Share my location")
    prompt = _("Press “{button}” below to find the nearest places, or choose a city.")
    cities = [
        Button(city.name[screens.lang], Callback("city", f"{city.id}:{service}"))
        for city in screens.content.cities.values()
    ]
    return [
        Reply(rtl(html.escape(prompt.format(button=share)), screens.lang), ask_location=share),
        Reply(rtl(html.escape(_("Choose a city:")), screens.lang), rows(cities, width=2)),
    ]


def nearest(screens: Screens, lat: float, lon: float, service: str | None) -> list[Reply]:
    found = Locator(screens.content.sites).nearest(lat, lon, service)
    if not found:
        text = html.escape(screens._("Sorry, I do not know such a place nearby yet."))
        return [Reply(rtl(text, screens.lang), ((screens.menu_button(),),), remove_keyboard=True)]
    replies = [_venue(screens, f.site) for f in found]
    details = "\n\n".join(_details(screens, n, f) for n, f in enumerate(found, start=1))
    remind = screens._("Remind me of a visit")
    visits = [
        Button(f"⏰ {n}. {remind}", Callback("rsite", short_id(f.site.id)))
        for n, f in enumerate(found, start=1)
    ]
    buttons = (*rows(visits, width=1), (screens.menu_button(),))
    replies.append(Reply(rtl(details, screens.lang), buttons, remove_keyboard=True))
    return replies


def _venue(screens: Screens, site: Site) -> Reply:
    lang = screens.lang
    return Reply("", venue=Venue(site.lat, site.lon, site.name[lang], site.address[lang]))


def _details(screens: Screens, number: int, found: Found) -> str:
    _, lang, site = screens._, screens.lang, found.site
    assert isinstance(site, Site)
    km = format_decimal(round(found.km, 1), format="#,##0.0", locale=babel_locale(lang))
    answers = {"yes": _("yes"), "no": _("no"), "partly": _("partly"), "unknown": _("ask")}
    labels = {
        "km": _("km"),
        "free": _("Free for foreigners"),
        "anonymous": _("Anonymous"),
        "bring": _("Bring"),
        "phone": site.phone or _("not known"),
        "unverified": _("not verified: please call to confirm"),
    }
    safe = {key: html.escape(value) for key, value in labels.items()}
    lines = [
        f"<b>{number}. {html.escape(site.name[lang])}</b> — {km} {safe['km']}",
        f"📍 {html.escape(site.address[lang])}",
        f"🕘 {html.escape(site.hours[lang])}",
        f"📞 {safe['phone']}",
        f"💵 {safe['free']}: {html.escape(answers[site.free_for_foreigners])}",
        f"🕶 {safe['anonymous']}: {html.escape(answers[site.anonymous])}",
        f"📄 {safe['bring']}: {html.escape(site.documents[lang])}",
    ]
    if site.note:
        lines.append(f"ℹ️ {html.escape(site.note[lang])}")
    if not site.verified:
        lines.append(f"⚠️ <i>{safe['unverified']}</i>")
    return "\n".join(lines)
