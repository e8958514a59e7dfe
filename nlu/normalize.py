"""Text normalisation applied identically to training data and to messages before Rasa.

Why: migrants type the same word many ways. Folding apostrophe variants, Arabic/Persian
letter forms and repeated letters lets one example cover many spellings; splitting Chinese
into characters lets Rasa's whitespace tokenizer see words at all.
"""

from __future__ import annotations

import re
import unicodedata

from nlu.folding import fold_letters

_ALEF_FORMS = str.maketrans(dict.fromkeys("أإآٱ", "ا"))
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_CJK = re.compile("([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
_REPEATS = re.compile(r"(.)\1{2,}")
_PUNCT = re.compile(r"[^\w\s']+")
_SPACES = re.compile(r"\s+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_NUMBER = re.compile(r"\+?\d[\d\s()-]{5,}\d")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def normalize(text: str) -> str:
    """Fold a message into the canonical form the model is trained on."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub(" ", text.replace("\u200c", ""))
    # Phone numbers and e-mail addresses say nothing about the topic; fold them to one word.
    text = _NUMBER.sub(" phonenumber ", _EMAIL.sub(" email ", text))
    text = fold_letters(text).translate(_ALEF_FORMS)
    text = _DIACRITICS.sub("", text).replace("ё", "е")
    text = _REPEATS.sub(r"\1\1", text)
    text = _PUNCT.sub(" ", text)
    text = _CJK.sub(r" \1 ", text)
    return _SPACES.sub(" ", text).strip()
