"""Which of the 12 languages a message's letters allow, before any statistics.

Writing systems settle much of language identification: Han characters are Chinese, Hangul or
Georgian is none of ours, and a few letters belong to one language only (Tajik ӣ ӯ ҷ, Uzbek
ў, Kyrgyz ң ө ү, Ukrainian ї є ґ, Azerbaijani ə, Turkmen ň ý, Kurmanji ê î û). Letters of a
language we do not serve (Kazakh ә ұ і, Serbian ј љ њ) mean "none of the 12" (`und`). The
statistical detector then only chooses among the languages the letters leave.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

UND = "und"
ALL = frozenset({"ru", "en", "uz", "tg", "tk", "ky", "az", "zh", "ar", "fa", "ku", "uk"})
# Transliteration: every language is also typed in Latin letters (Chinese as pinyin).
LATIN = ALL
CYRILLIC = frozenset({"ru", "uk", "tg", "ky", "uz", "tk"})  # Turkmen: its former alphabet
ARABIC = frozenset({"ar", "fa"})
_OWN_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC", "CJK")

# Letters that decide between our languages (first match wins, most specific first).
_CYRILLIC_MARKS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ӣӯҷ", frozenset({"tg"})),
    ("ў", frozenset({"uz"})),
    ("їєґ", frozenset({"uk"})),
    ("әҗ", frozenset({"tk"})),
    ("ңөү", frozenset({"ky", "tk"})),
    ("ғқҳ", frozenset({"tg", "uz"})),
    ("і", frozenset({"uk"})),
)
# Letters of Cyrillic languages we do not serve: Kazakh, Bashkir, Serbian/Macedonian.
_CYRILLIC_FOREIGN = frozenset("ұһҙҡҫӊјљњћђџѓќѕ")
# Belarusian (ў with і) and Kazakh (і or ә with қ or ғ) combine letters each of ours has alone.
_CYRILLIC_FOREIGN_PAIRS = (("ў", "і"), ("қ", "і"), ("ғ", "і"), ("ә", "қ"), ("ә", "ғ"), ("ә", "і"))
_LATIN_MARKS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ə", frozenset({"az"})),
    ("ňý", frozenset({"tk"})),
    ("êîû", frozenset({"ku"})),
    ("ä", frozenset({"tk"})),
    ("ğı", frozenset({"az"})),
)
# Letters none of our Latin alphabets use (French, German, Spanish, Polish, Czech, Vietnamese,
# Romanian...). One is enough: our users' Latin typing does not produce them.
_LATIN_FOREIGN = frozenset(
    "éèàâëïôœæßñáíóúãõøåłąęśźżćńřěůčďťľĺŕőűđăơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹșțþð"
)
# Arabic-script letters of Urdu, Pashto, Sorani and Uyghur, not of Arabic or Persian.
_ARABIC_FOREIGN = frozenset("ٹڈڑںےۓټډړږښځڅڼێۆڵڕەېۇۈ")
_ARABIC_MARKS: tuple[tuple[str, frozenset[str]], ...] = (
    ("پچژگ", frozenset({"fa"})),
    ("ة", frozenset({"ar"})),
)


@dataclass(frozen=True)
class Letters:
    """What a message's letters say: a forced answer, or the languages still possible."""

    candidates: frozenset[str]
    script: str  # LATIN, CYRILLIC, ARABIC, CJK, OTHER or NONE
    marked: bool = False  # narrowed by a distinctive letter of one of ours

    @property
    def decided(self) -> str | None:
        if not self.candidates:
            return UND
        return next(iter(self.candidates)) if len(self.candidates) == 1 else None


def _script(char: str) -> str:
    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
        return "CJK"
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else "OTHER"


def dominant_script(text: str) -> str:
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _script(char)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "NONE"
    best = max(counts, key=counts.__getitem__)
    return best if best in _OWN_SCRIPTS else "OTHER"


def letters(text: str) -> Letters:
    """Candidates allowed by the script and the distinctive letters of `text`."""
    lowered = unicodedata.normalize("NFC", text.lower())
    script = dominant_script(lowered)
    chars = set(lowered)
    if script == "LATIN" and any(_script(c) == "CJK" for c in chars):
        script = "CJK"  # "PrEP是什么药": Latin abbreviations inside Chinese
    if script in ("NONE", "OTHER"):
        return Letters(frozenset(), script)
    if script == "CJK":
        kana_or_hangul = any(_script(c) in ("HIRAGANA", "KATAKANA", "HANGUL") for c in chars)
        return Letters(frozenset() if kana_or_hangul else frozenset({"zh"}), script)
    if script == "ARABIC":
        return _narrow(script, chars, ARABIC, _ARABIC_MARKS, _ARABIC_FOREIGN)
    if script == "CYRILLIC":
        if any(a in chars and b in chars for a, b in _CYRILLIC_FOREIGN_PAIRS):
            return Letters(frozenset(), script)
        return _narrow(script, chars, CYRILLIC, _CYRILLIC_MARKS, _CYRILLIC_FOREIGN)
    return _narrow(script, chars, LATIN, _LATIN_MARKS, _LATIN_FOREIGN)


def _narrow(
    script: str,
    chars: set[str],
    possible: frozenset[str],
    marks: tuple[tuple[str, frozenset[str]], ...],
    foreign: frozenset[str],
) -> Letters:
    if chars & foreign:
        return Letters(frozenset(), script)
    for letters_, langs in marks:
        if chars & set(letters_):
            return Letters(langs, script, marked=True)
    return Letters(possible, script)
