"""Find lexicon terms in text: whole words, case-insensitive, leftmost-longest per family.

An Aho-Corasick automaton (pyahocorasick) finds every occurrence of every
form in one pass; a second pass keeps those that start and end on word
boundaries and resolves overlaps leftmost-longest, so "occupied Western
Sahara" wins over "Western Sahara" inside it. The automaton is built once per
set of entries and pickles, so it can cross process boundaries.
"""
from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from .lexicon import Entry
from .normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class Match:
    """A match in normalised coordinates; the document maps it back to the original."""

    start: int
    end: int
    entry: Entry


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Matcher:
    """All forms of some entries, compiled once.

    >>> from framing.lexicon import Entry
    >>> from framing.normalize import normalize
    >>> short = Entry("ws", "Western Sahara", ("western sahara",), "naming", "en", "UN", "t")
    >>> long = Entry("ows", "occupied Western Sahara", ("occupied western sahara",), "naming", "en", "x", "t")
    >>> m = Matcher([short, long])
    >>> [(x.start, x.end, x.entry.id) for x in m.find(normalize("The occupied Western Sahara and Western Saharan"))]
    [(4, 27, 'ows')]
    """

    def __init__(self, entries: list[Entry] | tuple[Entry, ...]):
        self.entries = tuple(entries)
        automaton = ahocorasick.Automaton()
        by_form: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            for form in entry.forms:
                by_form.setdefault(form, []).append(index)
        for form, indexes in by_form.items():
            automaton.add_word(form, (len(form), tuple(indexes)))
        if by_form:
            automaton.make_automaton()
        self._automaton = automaton if by_form else None

    def __reduce__(self):
        return (Matcher, (self.entries,))

    def find(self, view: NormalizedText) -> list[Match]:
        """Whole-word matches, leftmost-longest within each family, sorted by start.

        Families resolve overlaps separately: "revealed" can be both a factive
        verb and an attribution cue.
        """
        if self._automaton is None:
            return []
        folded, text = view.folded, view.text
        n = len(folded)
        candidates: list[tuple[int, int, Entry]] = []
        for last, (length, indexes) in self._automaton.iter(folded):
            start, end = last + 1 - length, last + 1
            if start > 0 and _is_word_char(folded[start]) and _is_word_char(folded[start - 1]):
                continue
            if end < n and _is_word_char(folded[end - 1]) and _is_word_char(folded[end]):
                continue
            for index in indexes:
                entry = self.entries[index]
                if entry.case_sensitive and text[start:end] not in entry.cased_forms:
                    continue
                candidates.append((start, end, entry))
        candidates.sort(key=lambda c: (c[0], -c[1]))
        chosen: list[Match] = []
        frontier: dict[str, int] = {}
        for start, end, entry in candidates:
            if start >= frontier.get(entry.family, 0):
                chosen.append(Match(start, end, entry))
                frontier[entry.family] = end
        return chosen

