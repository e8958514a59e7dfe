"""Letter folding shared by the NLU normaliser and the date parser.

Why: people type the same word many ways (four apostrophes in Uzbek, Arabic and Persian
letter forms, ZWNJ or not). Both the training data and the reminder-time vocabulary must fold
a message the same way, so the folding lives here once.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "ʻʼ’‘`´ʹ′"
# Arabic letter forms -> the Persian form both languages' users type; tatweel and ZWNJ vanish.
ARABIC_LETTERS = {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ـ": "", "\u200c": ""}
_BASE = str.maketrans(dict.fromkeys(APOSTROPHES, "'") | ARABIC_LETTERS)


def fold_letters(text: str) -> str:
    """Lower case, one apostrophe, one form per Arabic letter, no tatweel or ZWNJ.

    Callers apply NFKC first (the normaliser before it replaces phone numbers).
    """
    return text.lower().translate(_BASE)


def drop_combining(text: str) -> str:
    """Strip diacritics: 'ş' -> 's', 'ё' -> 'е', 'أ' -> 'ا' (NFKD, then marks removed)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
