"""Finding the time phrase among other words ("remind me on friday at 9 about my x-ray").

Words the vocabulary does not know cut the message into runs of known ones, and exactly one
run may say something; the others may only hold fillers ("please") or a lone "at" ("зайти в
аптеку"). A word the vocabulary does not know inside the phrase still makes it None ("завтра
около 9" is two runs), and so does an unknown word next to it that is a time word with one
typo ("fridy at 10", "в 9 вечра").
"""

from __future__ import annotations

from nlu.when.lexicon import LOOKALIKE_MIN, Language, Lexeme
from nlu.when.tokens import Alternatives

# Runs of known words around the phrase may hold only fillers and these ("в аптеку", "at home");
# not "in"/"after" (I): "after the meeting at 9" is not at 9.
PREPOSITIONS = frozenset("C")


def guarded(lexed: list[Lexeme]) -> bool:
    """A guard word right before a time word ("до 9", "by the 5th"), fillers aside."""
    return any(
        lexeme.is_guard and (after := _next_said(lexed, position)) and not after.is_word
        for position, lexeme in enumerate(lexed)
    )


def _next_said(lexed: list[Lexeme], position: int) -> Lexeme | None:
    """The first token after `position` that is not a filler."""
    return next((other for other in lexed[position + 1 :] if not other.is_filler), None)


def phrase_among_words(lexed: list[Lexeme], language: Language) -> list[Alternatives] | None:
    """The one run of known tokens that says something; None if there are several or none.

    All runs but one must be ignorable (fillers, a lone "at"/"в"); trailing ones are cut off
    the phrase.
    """
    for position, lexeme in enumerate(lexed):
        after = _next_said(lexed, position)
        if lexeme.text in language.openers and after and after.is_unknown:
            return None  # "on my birthday at 9": a day the vocabulary does not know
    saying = [
        (start, end)
        for start, end in _runs(lexed)
        if not all(_ignorable(lexeme.alternatives) for lexeme in lexed[start:end])
    ]
    if len(saying) != 1:
        return None
    start, end = saying[0]
    neighbours = lexed[max(start - 1, 0) : start] + lexed[end : end + 1]
    if any(word.is_unknown and _lookalike(word.text, language) for word in neighbours):
        return None  # "в пятнцу в 10", "at 9 evning": a time word with a typo
    phrase = [lexeme.alternatives for lexeme in lexed[start:end]]
    while _ignorable(phrase[-1]):  # "at 9 at home": a trailing "at" cannot belong to the time
        phrase.pop()
    numbers = [_is_bare_number(alternatives) for alternatives in phrase if any(alternatives)]
    if numbers[-2:] == [True, True]:
        return None  # "в 9 10 таблеток": 9:10, or 9 and ten pills?
    return phrase


def _runs(lexed: list[Lexeme]) -> list[tuple[int, int]]:
    """[start, end) of each run of known tokens."""
    runs: list[tuple[int, int]] = []
    for position, lexeme in enumerate(lexed):
        if lexeme.is_word:
            continue
        if runs and runs[-1][1] == position:
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    return runs


def _is_bare_number(alternatives: Alternatives) -> bool:
    return all(len(sequence) == 1 and sequence[0].kind == "N" for sequence in alternatives)


def _ignorable(alternatives: Alternatives) -> bool:
    """A filler ("please", or "a" that may be one), or a lone "at" ("в аптеку", "at home")."""
    return any(not sequence for sequence in alternatives) or all(
        item.kind in PREPOSITIONS for sequence in alternatives for item in sequence
    )


def _lookalike(word: str, language: Language) -> bool:
    """`word` is one typo away from a time word or stem ("fridy", "пятнцу", "вечра")."""
    if len(word) < LOOKALIKE_MIN or " " in word:
        return False
    for known, is_stem in language.lookalikes:
        if not is_stem and one_typo(word, known):
            return True
        sizes = (len(known) - 1, len(known), len(known) + 1)
        if is_stem and any(
            one_typo(word[:size], known, wrong_letter=False)
            for size in sizes
            if size <= len(word) and word[:size] != known[:size]  # "четвертый", "четверг*"
        ):
            return True
    return False


def one_typo(word: str, known: str, wrong_letter: bool = True) -> bool:
    """Two neighbours swapped, one letter missing or extra, or one wrong; the first is right.

    Short words have too many neighbours: a swap counts from 4 letters, a missing or extra
    letter from 5, a wrong one from 6 ("ринку" is not "ранку"), and never in a stem ("віктор"
    is not "вівтор*").
    """
    if word == known or len(word) < LOOKALIKE_MIN or word[0] != known[0]:
        return False
    if len(word) == len(known):
        wrong = [index for index, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        swapped = (
            len(wrong) == 2
            and wrong[1] == wrong[0] + 1
            and word[wrong[0]] == known[wrong[1]]
            and word[wrong[1]] == known[wrong[0]]
        )
        return swapped or (wrong_letter and len(wrong) == 1 and len(known) >= 6)
    if abs(len(word) - len(known)) != 1 or len(known) < 5:
        return False
    shorter, longer = sorted((word, known), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))
