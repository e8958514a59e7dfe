"""Cut a message into sentences and clauses, and fold words to a script-free skeleton.

Why: the emergency rules must match "хочу умереть", "hochu umeret" and "xochu umeret" with one
pattern, and Uzbek in Cyrillic with the Latin one. Cyrillic is transliterated to Latin, Latin
diacritics and common digraphs (sh/ш/ş, ch/ч/ç, kh/x/х) are folded, and digits used as letters
(Arabic chat alphabet 3/7/2, Russian 4/6) are folded, so every spelling meets one skeleton.
Arabic-script and Chinese words keep their script (nlu/normalize.py already folds their forms).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from nlu.normalize import normalize

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "e",
    "ґ": "g", "ғ": "g", "қ": "k", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u", "ң": "n", "ө": "o",
    "ү": "u", "ў": "o", "һ": "h", "ә": "e", "җ": "j",
}  # fmt: skip
_LATIN = {"ı": "i", "ə": "e", "ß": "ss", "ø": "o", "æ": "e", "'": ""}
_LETTERS = str.maketrans({**_CYRILLIC, **_LATIN})
# Digits people type for letters, only inside words that also have letters ("103" stays).
_DIGITS = str.maketrans({"2": "", "3": "", "7": "h", "5": "h", "9": "k", "4": "c", "6": "s"})
_DIGRAPHS = (
    ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("kh", "h"),
    ("gh", "g"), ("ts", "c"), ("ph", "f"), ("x", "h"), ("q", "k"), ("w", "v"), ("y", "i"),
    ("ee", "i"), ("oo", "u"), ("ou", "u"),
)  # fmt: skip
_DOUBLES = re.compile(r"([a-z])\1+")
_CJK_CHAR = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(f"(?<=[{_CJK_CHAR}]) (?=[{_CJK_CHAR}])")
_SENTENCE_END = re.compile(r"[!?;…\n\r。！？；؟]+|(?<!\d)\.+|\.+(?!\d)|\s[-—]\s")
_CLAUSE_BREAK = re.compile(r"[,:()\"«»，、،：]+")


def skeleton(word: str) -> str:
    """Fold one normalised word to its script-free skeleton (Latin and Cyrillic only)."""
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word.translate(_LETTERS))
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
        word = unicodedata.normalize("NFC", word)
    word = word.replace("'", "")
    if not word.isdigit():
        word = word.translate(_DIGITS)
    for pair, single in _DIGRAPHS:
        word = word.replace(pair, single)
    return _DOUBLES.sub(r"\1", word)


def words(text: str) -> list[str]:
    """Normalised, folded words of a piece of text; a run of Chinese characters is one word."""
    folded = _CJK_GAP.sub("", normalize(text))
    return [skeleton(w) for w in folded.split()]


@dataclass(frozen=True)
class Sentence:
    """One sentence as folded words, and the clause (0, 1, ...) each word belongs to."""

    words: tuple[str, ...]
    clauses: tuple[int, ...]


def sentences(text: str, clause_words: frozenset[str] = frozenset()) -> list[Sentence]:
    """Split a message into sentences and each sentence into clauses.

    A clause ends at a comma-like mark or before a word in `clause_words` ("but", "но").
    """
    found = []
    for raw in _SENTENCE_END.split(text):
        folded: list[str] = []
        clauses: list[int] = []
        clause = 0
        for part in _CLAUSE_BREAK.split(raw):
            for word in words(part):
                if word in clause_words and folded:
                    clause += 1
                folded.append(word)
                clauses.append(clause)
            clause += 1
        if folded:
            found.append(Sentence(tuple(folded), tuple(clauses)))
    return found
