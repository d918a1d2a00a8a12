"""The attribution word patterns find what the plain caseless alternation finds."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from framing import load_lexicons
from framing.extractors.attribution._words import _case_variants, word_pattern


def _plain(words: frozenset[str]) -> re.Pattern[str]:
    """The pattern ``word_pattern`` once compiled: one caseless alternation, longest word first."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])", re.IGNORECASE)


_TRICKY = ["he", "He", "HE", "hE", "she", "ſhe", "i", "I", "İ", "ı", "we", "wij", "él", "ÉL", "ellos", "هو", "هم",
           "man", "mann", "K", "k", "x", "'", "\u2019", "-", " ", ".", "_", "1"]


@given(words=st.frozensets(st.sampled_from(["he", "i", "she", "they", "we", "ik", "wij", "él", "ellos", "hij", "hi",
                                            "هو", "هم", "k", "s", "man", "on", "ſo"]), min_size=1),
       pieces=st.lists(st.sampled_from(_TRICKY), max_size=14), cut=st.integers(0, 3))
def test_word_pattern_finds_what_the_caseless_alternation_finds(words, pieces, cut):
    text = "".join(pieces)
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut)
    found = [m.span() for m in word_pattern(words).finditer(text, start, end)]
    assert found == [m.span() for m in _plain(words).finditer(text, start, end)]


def test_case_variants_are_every_character_the_caseless_flag_takes():
    """Over all code points, for the initial of every word of the shipped grammar lists and every
    ASCII letter: the characters ``re.IGNORECASE`` matches are those ``_case_variants`` lists."""
    initials = {chr(c) for c in range(ord("a"), ord("z") + 1)} | {"ſ", "ı", "İ", "é", "ß"}
    initials |= {form[0] for entry in load_lexicons().entries if entry.family == "grammar" for form in entry.forms
                 if form}
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for initial in sorted(initials):
        taken = set(re.findall(re.escape(initial), everything, re.IGNORECASE))
        assert set(_case_variants(initial)) == taken, initial
