"""A normalised view of an article that remembers where every character came from.

Matching needs one spelling of quotes, apostrophes and white space; reporting
needs offsets into the text the user gave. ``NormalizedText`` holds both: the
normalised string, a case-folded copy of the same length for matching, and a
list of edits that maps any normalised span back to the original.

>>> view = normalize("Morocco\u2019s  southern\\nregions")
>>> view.text
"Morocco's southern regions"
>>> view.to_original(10, 26)
(11, 27)
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Quote and apostrophe variants, and single white-space characters, each one
# character to one (length-preserving, so they need no offset edits).
_ONE_TO_ONE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "`": "'", "\u00b4": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    **{ch: " " for ch in "\t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                       "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85\x1c\x1d\x1e\x1f"},
})
# str.translate looks every character up in a dict; replacing only the
# characters present is five times faster on news text, with the same result.
# Each is looked for with ``in`` (a search in C, at once over for a character wider than
# the text's own), which takes a third of the time of a regex character class.
_ONE_TO_ONE_CHARACTERS = tuple(map(chr, _ONE_TO_ONE))
# Invisible format characters (zero-width spaces, bidi marks, soft hyphens, BOM), dropped.
_FORMAT_CHARS = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2060\u2061\u2062\u2063\u2064\ufeff")
_FORMAT_CHARACTERS = tuple(sorted(_FORMAT_CHARS))
_FORMAT_CLASS = "[" + "".join(_FORMAT_CHARACTERS) + "]"
# Runs of white space (collapsed to one space) and of format characters.
_SPACE_OR_FORMAT = re.compile(rf"\s{{2,}}|{_FORMAT_CLASS}+")
# Format characters are rare: when there are none, a pattern for white-space
# runs alone finds the same edits in a third of the time. None is ASCII, so ASCII text
# (half of the regression corpus) has none; in other text each is looked for with ``in``.
_SPACE_RUN = re.compile(r"\s\s+")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The normalised text, its case-folded twin, and the edits back to the original.

    Edits are parallel tuples: normalised span ``[norm_starts[k], norm_ends[k])``
    replaced original span ``[orig_starts[k], orig_ends[k])``. Outside edits the
    two texts run in step.
    """

    text: str
    folded: str
    norm_starts: tuple[int, ...]
    norm_ends: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the smallest original span that covers it.

        ``_point`` for both ends, written out: this runs for every lexicon match.
        """
        if start >= end:
            point = self._point(start, as_end=False)
            return point, point
        norm_starts, norm_ends = self.norm_starts, self.norm_ends
        k = bisect_right(norm_starts, start) - 1
        if k < 0:
            first = start
        elif start < norm_ends[k]:
            first = self.orig_starts[k]
        else:
            first = self.orig_ends[k] + start - norm_ends[k]
        last = end - 1
        k = bisect_right(norm_starts, last) - 1
        if k < 0:
            return first, end
        if last < norm_ends[k]:
            return first, self.orig_ends[k]
        return first, self.orig_ends[k] + last - norm_ends[k] + 1

    def _point(self, pos: int, *, as_end: bool) -> int:
        k = bisect_right(self.norm_starts, pos) - 1
        if k >= 0 and pos < self.norm_ends[k]:
            return self.orig_ends[k] if as_end else self.orig_starts[k]
        base_norm = self.norm_ends[k] if k >= 0 else 0
        base_orig = self.orig_ends[k] if k >= 0 else 0
        orig = base_orig + (pos - base_norm)
        return orig + 1 if as_end else orig


def fold_case(text: str) -> str:
    """Lower-case ``text`` without changing its length: a character whose lower
    case is longer ('İ' becomes 'i' + a combining dot) keeps only its first character."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower()[0] for ch in text)


def normalize_term(term: str) -> str:
    """Normalise a lexicon term exactly as article text is normalised, then fold case."""
    return fold_case(normalize(term).text.strip())


def normalize(original: str) -> NormalizedText:
    """Build the normalised view of ``original`` (NFC, unified quotes, single spaces)."""
    edits = _nfc_edits(original) if not unicodedata.is_normalized("NFC", original) else []
    edits = _merge(edits, _space_edits(original))
    pieces: list[str] = []
    norm_starts, norm_ends, orig_starts, orig_ends = [], [], [], []
    cursor = 0
    length = 0
    for o_start, o_end, replacement in edits:
        pieces.append(original[cursor:o_start])
        length += o_start - cursor
        norm_starts.append(length)
        pieces.append(replacement)
        length += len(replacement)
        norm_ends.append(length)
        orig_starts.append(o_start)
        orig_ends.append(o_end)
        cursor = o_end
    pieces.append(original[cursor:])
    text = _unify_marks("".join(pieces))
    return NormalizedText(text, fold_case(text), tuple(norm_starts),
                          tuple(norm_ends), tuple(orig_starts), tuple(orig_ends))


def _unify_marks(text: str) -> str:
    """``text.translate(_ONE_TO_ONE)``, replacing only the characters present."""
    for ch in _ONE_TO_ONE_CHARACTERS:  # no replacement is itself replaced: the order does not matter
        if ch in text:
            text = text.replace(ch, _ONE_TO_ONE[ord(ch)])
    return text


def _has_format_characters(text: str) -> bool:
    """Whether ``text`` holds an invisible format character (``_FORMAT_CHARS``)."""
    return not text.isascii() and any(ch in text for ch in _FORMAT_CHARACTERS)


def _space_edits(original: str) -> list[tuple[int, int, str]]:
    if not _has_format_characters(original):
        return [(m.start(), m.end(), " ") for m in _SPACE_RUN.finditer(original)]
    edits = []
    for m in _SPACE_OR_FORMAT.finditer(original):
        run = m.group()
        visible = [ch for ch in run if ch not in _FORMAT_CHARS]
        replacement = " " if visible else ""
        if run != replacement:
            edits.append((m.start(), m.end(), replacement))
    return edits


def _nfc_edits(original: str) -> list[tuple[int, int, str]]:
    """NFC per cluster (a starter and the combining marks after it), so that
    every normalised character maps into one cluster of the original."""
    edits = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            edits.append((i, j, composed))
        i = j
    return edits


def _merge(first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Combine two sorted edit lists; where they overlap, the NFC edit wins
    (white space inside a combining cluster is left as NFC made it)."""
    if not first:
        return second
    merged: list[tuple[int, int, str]] = []
    j = 0
    for edit in first:
        while j < len(second) and second[j][1] <= edit[0]:
            merged.append(second[j])
            j += 1
        while j < len(second) and second[j][0] < edit[1]:
            j += 1
        merged.append(edit)
    merged.extend(second[j:])
    return merged
