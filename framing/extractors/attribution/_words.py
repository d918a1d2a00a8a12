"""Character classes and word-list patterns shared by the attribution modules."""
from __future__ import annotations

import re
from functools import lru_cache


UPPERCASE = "".join(ch for ch in map(chr, range(0x10000)) if ch.isupper())
WORDLIKE = re.compile(r"\w+")
OPENING_MARKS = "\"\u201c\u2018\u00ab"


@lru_cache(maxsize=32)
def word_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    r"""Whole-word, case-insensitive pattern for a closed word list (pronouns), compiled once.

    It finds what ``(?<![\w'’])(?:w1|w2|...)(?![\w'’])`` under ``re.IGNORECASE`` finds (the
    longest word first), but is written as one branch per character a word may open with
    (every character ``re.IGNORECASE`` takes for its initial: "h", "H"), which the branch
    consumes before looking behind it, the rest of the word caseless: a pattern whose branches
    all open with a literal lets the regex engine skip every other position at C speed, where
    a caseless pattern is tried at each one (pronouns in attributed sentences: 5 times faster).
    """
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    branches: dict[str, list[str]] = {}
    for word in ordered:
        variants = _case_variants(word[0]) if word else None
        if variants is None:
            alternation = "|".join(re.escape(w) for w in ordered)
            return re.compile(rf"(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])", re.IGNORECASE)
        for initial in variants:
            tails = branches.setdefault(initial, [])
            if word[1:] not in tails:
                tails.append(word[1:])
    alternation = "|".join(rf"{re.escape(initial)}(?<![\w'\u2019].)(?i:{'|'.join(map(re.escape, tails))})"
                           for initial, tails in branches.items())
    return re.compile(rf"(?:{alternation})(?![\w'\u2019])")


# Characters whose lower case is another character's (KELVIN SIGN for "k", ANGSTROM SIGN for "å",
# "İ" for "i"), besides that character's own upper and title case: with these, every character
# ``re.IGNORECASE`` takes for another is found (tests/test_words.py checks it over all code points).
_OTHER_CASE_FORMS = "\u0130\u03f4\u1e9e\u2126\u212a\u212b"


@lru_cache(maxsize=256)
def _case_variants(ch: str) -> tuple[str, ...] | None:
    """Every character that ``re.IGNORECASE`` matches with ``ch``, ``ch`` first; None when the
    regex module's table of extra case equivalences ("s" and "ſ") is not where it was."""
    extra = getattr(getattr(re, "_casefix", None), "_EXTRA_CASES", None)
    if extra is None:
        return None
    lowered = ch.lower()[0]  # the simple lower case ("İ" lowers to "i" and a combining dot)
    related = {ch, lowered, *(chr(c) for c in extra.get(ord(lowered), ()))}
    for x in list(related):
        related.update((x.upper(), x.title(), x.lower()))
    related.update(_OTHER_CASE_FORMS)
    same = re.compile(re.escape(ch), re.IGNORECASE).fullmatch
    return (ch, *sorted(x for x in related if len(x) == 1 and x != ch and same(x)))


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
