"""What the bot should say, built from the same content and catalogs the bot uses."""

from __future__ import annotations

from bot.campaign_screens import CampaignScreens
from bot.emergency_screens import EmergencyScreens
from bot.i18n import Catalogs
from bot.screens import Screens
from bot.settings import ROOT
from content.loader import load_content
from nlu.trainingdata import known_intents

CONTENT = load_content(ROOT / "content", known_intents(ROOT / "nlu" / "data"))[0]
CATALOGS = Catalogs(ROOT / "locales")


def screens(lang: str) -> Screens:
    return Screens(lang, CONTENT, CATALOGS.gettext(lang))


def answer_text(intent: str, lang: str) -> str:
    return screens(lang).answer(intent).text


def emergency_text(situation: str | None, lang: str) -> str:
    """The first reply to an emergency in this situation (content/emergency.yml)."""
    return EmergencyScreens(screens(lang)).answer(situation).text


def news_offer(lang: str) -> str:
    return CampaignScreens(screens(lang)).offer_news().text
