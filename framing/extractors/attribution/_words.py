"""Character classes and word-list patterns shared by the attribution modules."""
from __future__ import annotations

import re
from functools import lru_cache


UPPERCASE = "".join(ch for ch in map(chr, range(0x10000)) if ch.isupper())
WORDLIKE = re.compile(r"\w+")
OPENING_MARKS = "\"\u201c\u2018\u00ab"


@lru_cache(maxsize=32)
def word_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive pattern for a closed word list (pronouns), compiled once."""
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])", re.IGNORECASE)


@lru_cache(maxsize=32)
def initial_word_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """``word_pattern`` for lower-case, capitalised and upper-case forms.

    One branch per initial letter, which the branch consumes before looking
    behind it ("s(?<!\\w.)(?:ees|ee|een)"): a pattern whose branches all open
    with a letter lets the regex engine skip every other position at C speed:
    on news text 1.6 times faster than testing the initial in a look-ahead, and
    much faster than a case-insensitive pattern. Within a branch the longest
    form is tried first, as in ``word_pattern``.
    """
    if not words:
        return None
    tails: dict[str, set[str]] = {}
    for word in words:
        for form in (word, word[:1].upper() + word[1:], word.upper()):
            tails.setdefault(form[0], set()).add(form[1:])
    branches = "|".join(
        rf"{re.escape(initial)}(?<![\w'\u2019].)(?:{'|'.join(re.escape(t) for t in sorted(rest, key=len, reverse=True))})"
        for initial, rest in sorted(tails.items()))
    return re.compile(rf"(?:{branches})(?![\w'\u2019])")
