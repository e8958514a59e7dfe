"""Reminder times typed as free text ("завтра в 9", "ertaga soat 9 da", "明天上午9点").

`parse_when` turns a phrase into a moment in the time zone of `now`, or answers None whenever
the phrase is unclear: the bot then asks back with buttons instead of guessing. The words of
the 12 languages live in when_words.yml; the grammar (grammar.py) is the same for all of them.

How it works: the text is folded (digits, letter forms, diacritics) and cut into tokens, and
each token becomes typed items, one letter of kind each ("завтра" D, "9" N, "утра" P). A word
may mean two things ("часа" is "hours" in "через 2 часа" but "o'clock" in "в 9 часов"), so
every combination of meanings is one reading. A small grammar of regular expressions over the
kind letters turns a reading into slots (date, weekday, time, part of the day, offset), and
the slots into a moment. Readings the grammar rejects are dropped; the answer is the moment
that all remaining readings agree on, and None if any of them is unclear.

Words around the time are ignored ("remind me on friday at 9 about my x-ray"): the words the
vocabulary does not know cut the message into runs of known ones, and exactly one run may say
something; the others may only hold fillers ("please") or a lone "at" ("зайти в аптеку"). That
run is the phrase, so a word the vocabulary does not know inside it still makes it None
("завтра около 9" is two runs). Such a phrase must carry a time marker besides bare numbers (a
day, weekday, month, part of the day, am/pm, "at"/"в"/"soat"/"点", "in 2 hours", 9:30), so that
"room 9" or "мне 25 лет" stay None. Whatever the words, the answer is None for a stop word
anywhere ("yesterday", "every", "weekend"), a guard word right before the time ("до 9", "by
friday"), "on" before an unknown word ("on my birthday at 9"), an unknown word next to the
phrase that is a time word with one typo ("fridy at 10", "в 9 вечра"), and two bare numbers
ending the phrase ("в 9 10 таблеток").

Modules: tokens (folding, tokens, numbers), lexicon (the vocabulary), phrase (the phrase among
other words), grammar (items -> slots), resolve (slots -> moment), parse (readings -> answer).
"""

from nlu.when.parse import parse_when, run_cli

__all__ = ["parse_when", "run_cli"]
