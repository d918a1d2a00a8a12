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
    """``word_pattern`` for lower-case, capitalised and upper-case forms, testing the initial
    letter first (three times faster over a whole text than a case-insensitive pattern)."""
    if not words:
        return None
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    initials = "".join(sorted({f[0] for f in forms}))
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?=[{re.escape(initials)}])(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])")
