"""Find lexicon terms in text: whole words, case-insensitive, leftmost-longest per family.

An Aho-Corasick automaton (pyahocorasick) finds every occurrence of every
form in one pass; a second pass keeps those that start and end on word
boundaries and resolves overlaps leftmost-longest, so "occupied Western
Sahara" wins over "Western Sahara" inside it. The automaton is built once per
set of entries and pickles, so it can cross process boundaries. Without
pyahocorasick a pure-Python trie (``form_trie``) finds the same matches, slower.
"""
from __future__ import annotations

from typing import Any, NamedTuple

try:
    import ahocorasick
except ImportError:
    ahocorasick = None

from .form_trie import FormTrie
from .lexicon import Entry
from .normalize import NormalizedText
from .evidence import new_tuple


def _new_form_index(pure: bool = False) -> Any:
    """An empty index of forms: pyahocorasick's automaton when it is installed, else the
    pure-Python ``FormTrie``.

    The one place that chooses. Compiled code only from maintained packages that ship
    wheels, with the pure path working without them: a platform with no wheel, or an
    install without the extension, still scores, with the same matches in the same order
    (the trie reports the occurrences that can pass the word-boundary pass below).
    ``pure`` forces the trie (tests, measurement)."""
    if pure or ahocorasick is None:
        return FormTrie()
    return ahocorasick.Automaton()


def _is_word_char(ch: str) -> bool:
    """Whether ``ch`` can continue a word: then a form ending (or starting) with it must not
    have a word character beside it in the text."""
    return ch.isalnum() or ch == "_"


class Match(NamedTuple):
    """A match in normalised coordinates; the document maps it back to the original.

    A named tuple rather than a frozen dataclass: one is made for every match
    of every article, and a tuple is built in a third of the time."""

    start: int
    end: int
    entry: Entry


def _rebuild(entries: tuple[Entry, ...], pure: bool) -> "Matcher":
    """Unpickle a matcher by building it again (a forced pure path stays forced)."""
    return Matcher(entries, pure=pure)


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

    def __init__(self, entries: list[Entry] | tuple[Entry, ...], *, pure: bool = False):
        self.entries = tuple(entries)
        self.pure = pure
        automaton = _new_form_index(pure)
        by_form: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            for form in entry.forms:
                by_form.setdefault(form, []).append(index)
        # Families by number, in order of first appearance: ``find`` keys its candidates on
        # (start, family) as one int and keeps each family's frontier in a list.
        self._families = tuple(dict.fromkeys(entry.family for entry in self.entries))
        family_number = {family: number for number, family in enumerate(self._families)}
        for form, indexes in by_form.items():
            targets = tuple((family_number[entry.family], entry, entry.cased_forms if entry.case_sensitive else None)
                            for entry in map(self.entries.__getitem__, indexes))
            automaton.add_word(form, (len(form), _is_word_char(form[0]), _is_word_char(form[-1]), targets))
        if by_form:
            automaton.make_automaton()
        self._automaton = automaton if by_form else None

    def __reduce__(self):
        return (_rebuild, (self.entries, self.pure))

    def find(self, view: NormalizedText) -> list[Match]:
        """Whole-word matches, leftmost-longest within each family, sorted by start.

        Families resolve overlaps separately: "revealed" can be both a factive
        verb and an attribution cue.
        """
        if self._automaton is None:
            return []
        folded, text = view.folded, view.text
        n = len(folded)
        families = len(self._families)
        # Only the longest candidate per family and start can be chosen (leftmost-longest), so
        # only it is kept: nested terms ("a", "a a", ... 300 deep) once made a candidate for
        # every term at every word, 6 GB for one article; now memory grows with the text only.
        # Keyed by start * families + family number: an int, no tuple to build per match.
        best: dict[int, tuple[int, int, int, int, Entry]] = {}
        sequence = 0
        # Each form carries what the loop needs, worked out when the automaton was built: whether
        # it opens and closes on a word character (only then can a neighbour join it into a
        # longer word), and per entry its family number, the entry and its cased forms (None
        # when case does not matter). This loop runs for every raw match of every article.
        for last, (length, opens_word, closes_word, targets) in self._automaton.iter(folded):
            end = last + 1
            start = end - length
            if opens_word and start > 0:
                b = folded[start - 1]
                if b.isalnum() or b == "_":
                    continue
            if closes_word and end < n:
                b = folded[end]
                if b.isalnum() or b == "_":
                    continue
            for family, entry, cased in targets:
                if cased is not None and text[start:end] not in cased:
                    continue
                key = start * families + family
                held = best.get(key)
                if held is None or end > -held[1]:  # the first of equally long ones stays, as in a stable sort
                    best[key] = (start, -end, sequence, family, entry)
                sequence += 1
        # Sorted as they stand: no two candidates share a sequence number, so tuples are
        # ordered by (start, longest first, order seen) and never compared further.
        candidates = sorted(best.values())
        chosen: list[Match] = []
        frontier = [0] * families
        for start, negative_end, _, family, entry in candidates:
            if start >= frontier[family]:
                chosen.append(new_tuple(Match, (start, -negative_end, entry)))
                frontier[family] = -negative_end
        return chosen

