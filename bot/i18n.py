"""The bot's own UI strings (gettext catalogs in locales/) and locale-aware formatting.

Catalogs are compiled in memory from the .po files at start-up, so an editor's change to a
.po file cannot be shadowed by a stale .mo file.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from nlu import LANGUAGES

FALLBACK = "ru"
RTL = frozenset({"ar", "fa"})
NATIVE_NAMES = {
    "ru": "Русский",
    "en": "English",
    "uz": "Oʻzbekcha",
    "tg": "Тоҷикӣ",
    "tk": "Türkmençe",
    "ky": "Кыргызча",
    "az": "Azərbaycanca",
    "zh": "中文",
    "ar": "العربية",
    "fa": "فارسی / دری",
    "ku": "Kurmancî",
    "uk": "Українська",
}
BABEL_LOCALES = {"zh": "zh_Hans", "uz": "uz_Latn", "az": "az_Latn"}
RLM = "\u200f"

Gettext = Callable[[str], str]


class Catalogs:
    def __init__(self, locales_dir: Path) -> None:
        self._translations: dict[str, gettext.NullTranslations] = {}
        for lang in LANGUAGES:
            po = locales_dir / lang / "LC_MESSAGES" / "messages.po"
            self._translations[lang] = _compile(po) if po.exists() else gettext.NullTranslations()

    def gettext(self, lang: str) -> Gettext:
        """Return `_` for `lang`; untranslated strings fall back to English source text."""
        translation = self._translations.get(lang) or gettext.NullTranslations()
        return translation.gettext


def _compile(po: Path) -> gettext.GNUTranslations:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=po.parent.parent.name.replace("-", "_"))
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def supported(language_code: str | None) -> str | None:
    """Map a Telegram `language_code` ("en-US", "uz") to one of ours, or None."""
    if not language_code:
        return None
    code = language_code.lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None


def babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(lang, lang))


def rtl(text: str, lang: str) -> str:
    """Start each line of right-to-left text with a right-to-left mark.

    Telegram picks a paragraph's direction from its first strong character; a line that
    starts with a digit, a Latin word or a tag would otherwise be laid out left to right.
    """
    if lang not in RTL:
        return text
    return "\n".join(RLM + line if line else line for line in text.split("\n"))
