"""Detect which of the 12 languages a message is in, or `und` when it is none of them.

Three steps: the letters narrow the candidates (nlu/scripts.py); a character n-gram naive
Bayes model trained on our own NLU examples chooses among them (it knows transliterated
Russian, Arabic and Persian, which off-the-shelf detectors do not); and a message whose words
our data does not know, and which py3langid confidently puts in a language we do not serve,
is `und`. Measured side by side with py3langid alone in reports/nlu.md.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nlu.normalize import normalize
from nlu.scripts import ALL, UND, letters
from nlu.trainingdata import read_examples, training_files

# Tuned on the blind dev split (reports/nlu.md): 2-5 grams and light smoothing.
ORDERS = (2, 3, 4, 5)
ALPHA = 0.01
WORD_WEIGHT = 3
# `und` needs both: py3langid this sure of a language outside the 12 (more when the letters
# were one of ours': "оңа" is Turkmen in Cyrillic to us, Tatar to py3langid) ...
FOREIGN_CONFIDENCE = 0.6
FOREIGN_CONFIDENCE_MARKED = 0.9
# ... and at most this share of the message's words known in our data for the chosen language.
FAMILIAR_SHARE = 0.5


_TRAINED: dict[tuple, LanguageDetector] = {}


def _grams(text: str) -> Counter[str]:
    """Character 2-5 grams, plus whole words weighted up (they separate transliterated
    Russian, "spasibo", "kakie", from Turkic and Kurdish words that share its letters)."""
    padded = f" {text} "
    grams = Counter(
        padded[i : i + n]
        for n in ORDERS
        for i in range(len(padded) - n + 1)
        if padded[i : i + n].strip()
    )
    for word in text.split():
        grams["W:" + word] += WORD_WEIGHT
    return grams


@dataclass(frozen=True)
class Detection:
    lang: str  # one of the 12, or "und"
    confidence: float


class Py3LangId:
    """py3langid's 140-language model (shipped in its wheel), as a second opinion."""

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def classify(self, text: str) -> tuple[str, float]:
        lang, probability = self._model.classify(text)
        return str(lang), float(probability)


class LanguageDetector:
    """Letters first, then multinomial naive Bayes over character 2-5 grams, then `und`."""

    def __init__(
        self,
        examples: Mapping[str, Iterable[str]],
        *,
        alpha: float = ALPHA,
        second_opinion: Py3LangId | None = None,
    ) -> None:
        self._log_probs: dict[str, dict[str, float]] = {}
        self._unseen: dict[str, float] = {}
        self._second = second_opinion
        vocabulary: set[str] = set()
        counts: dict[str, Counter[str]] = {}
        for lang, texts in examples.items():
            counts[lang] = Counter()
            for text in texts:
                counts[lang].update(_grams(normalize(text)))
            vocabulary.update(counts[lang])
        size = len(vocabulary) or 1
        for lang, counter in counts.items():
            total = sum(counter.values()) + alpha * size
            self._log_probs[lang] = {g: math.log((c + alpha) / total) for g, c in counter.items()}
            self._unseen[lang] = math.log(alpha / total)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._log_probs)

    def detect(self, text: str) -> Detection:
        """The most likely language and its posterior probability, or `und`."""
        allowed = letters(text)
        folded = normalize(text)
        grams = _grams(folded)
        candidates = [lang for lang in self._log_probs if lang in allowed.candidates]
        if not grams or not candidates:
            return Detection(UND, 1.0 if grams else 0.0)
        best, confidence = self._naive_bayes(grams, candidates)
        if self._foreign(text, folded, best, allowed.marked):
            return Detection(UND, confidence)
        return Detection(best, confidence)

    def _naive_bayes(self, grams: Counter[str], candidates: list[str]) -> tuple[str, float]:
        scores = {
            lang: sum(
                n * self._log_probs[lang].get(g, self._unseen[lang]) for g, n in grams.items()
            )
            for lang in candidates
        }
        best = max(scores, key=scores.__getitem__)
        top = scores[best]
        total = sum(math.exp((s - top) / max(1, len(grams)) * 4) for s in scores.values())
        return best, round(1.0 / total, 4)

    def _foreign(self, text: str, folded: str, best: str, marked: bool) -> bool:
        """Confidently another language by py3langid, and mostly unknown words to us."""
        if self._second is None:
            return False
        lang, probability = self._second.classify(text)
        needed = FOREIGN_CONFIDENCE_MARKED if marked else FOREIGN_CONFIDENCE
        if lang in ALL or probability < needed:
            return False
        return self.familiarity(folded, best) <= FAMILIAR_SHARE

    def familiarity(self, folded: str, lang: str) -> float:
        """Share of the words of a normalised message that `lang`'s training data has."""
        words = folded.split()
        known = self._log_probs.get(lang, {})
        return sum("W:" + w in known for w in words) / len(words) if words else 0.0

    @classmethod
    def from_training_data(
        cls, data_dir: Path, *, second_opinion: bool = True
    ) -> LanguageDetector:
        """Train on nlu/data: every example's language is its file's name.

        Training takes seconds, so one detector is kept per version of the data (paths,
        sizes and modification times) and shared by every start in the same process."""
        files = training_files(data_dir)
        key = (second_opinion, *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
        if key not in _TRAINED:
            examples: dict[str, list[str]] = {}
            for path in files:
                examples.setdefault(path.stem, []).extend(read_examples(path))
            _TRAINED.clear()
            _TRAINED[key] = cls(examples, second_opinion=Py3LangId() if second_opinion else None)
        return _TRAINED[key]
