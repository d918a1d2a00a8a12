"""Split an article into lines, body, headline and sentences; set boilerplate aside.

Scraped news repeats itself (a headline printed twice, a caption scraped
twice) and ends in link lists ("Related articles"). Counting those would
inflate every rate, and dropping them silently would hide what happened, so
they become ``Excluded`` spans that the profile lists.

Sentences are split by rule, with per-language abbreviation lists from
``lexicons/abbreviation/`` (NLTK's Punkt models need a data download, and
importing NLTK alone costs a second of start-up).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import numpy as np

from .lines import line_spans

# A sentence end and the white space after it (group 1 ends where the sentence does).
# A match starts only at the first mark of a run, and the run is taken whole (possessive):
# a run of 80,000 periods with no space after it was tried from each of its marks (quadratic).
# The pattern opens with the mark itself and only then looks behind it ("not after another
# mark", a two-character look-behind), so that the regex engine skips the other characters at
# C speed: a leading look-behind was tried at every position (the same matches; layout 1.35x).
_END_MARK = "[.!?\u2026\u061f\u06d4]"
_SENTENCE_END = re.compile(rf"({_END_MARK}(?<!{_END_MARK}.){_END_MARK}*+[\"'\u201d\u2019\u00bb)\]]*+)\s+")
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
_SPACES = re.compile(r"\s+")
_HEADLINE_MAX_WORDS = 30
_DUPLICATE_MIN_WORDS = 4
_TRAILER_MIN_POSITION = 0.3


@dataclass(frozen=True, slots=True)
class Excluded:
    """A span left out of the body, and why (``duplicate`` or ``trailer``)."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the body, the headline and the sentences are, in original offsets."""

    body: tuple[tuple[int, int], ...]
    excluded: tuple[Excluded, ...]
    headline: str
    headline_span: tuple[int, int] | None
    sentences: tuple[tuple[int, int], ...]
    sentence_words: tuple[int, ...]

    @property
    def words(self) -> int:
        """Body words: the sentences partition the body lines."""
        return sum(self.sentence_words)


def layout(text: str, *, title: str | None, abbreviations: frozenset[str],
           trailer_headings: frozenset[str]) -> Layout:
    """Find body lines, boilerplate, headline and sentences of ``text``."""
    lines = _lines(text)
    excluded = _trailer(text, lines, trailer_headings)
    trailer_start = excluded[0].start if excluded else len(text)
    seen: set[str] = set()
    body: list[tuple[int, int]] = []
    duplicates: list[Excluded] = []
    for start, end in lines:
        if start >= trailer_start:
            break
        key = _line_key(text[start:end])
        if key in seen and len(_WORD.findall(key)) >= _DUPLICATE_MIN_WORDS:
            duplicates.append(Excluded(start, end, "duplicate"))
            continue
        seen.add(key)
        body.append((start, end))
    headline, headline_span = _headline(text, body, title)
    sentences = tuple(s for start, end in body for s in _sentences(text, start, end, abbreviations))
    words = word_counts(text, sentences)
    return Layout(tuple(body), tuple(duplicates) + excluded, headline, headline_span, sentences, words)


def _line_key(line: str) -> str:
    """What two lines must share to be the same line: their words, case aside.

    ``" ".join(line.split()).casefold()`` for a line without white space at its
    ends. A printable line has no white space but single ASCII spaces (all other
    white space is a control or separator character), so it is its own key.
    """
    if line.isprintable() and "  " not in line:
        return line.casefold()
    return " ".join(line.split()).casefold()  # str.split() splits where \s+ matches


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines with surrounding white space trimmed."""
    spans = []
    for start, end in line_spans(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _trailer(text: str, lines: list[tuple[int, int]], headings: frozenset[str]) -> tuple[Excluded, ...]:
    if not headings:
        return ()
    first_allowed = max(1, int(len(lines) * _TRAILER_MIN_POSITION))
    for index in range(first_allowed, len(lines)):
        start, end = lines[index]
        if end - start > 80:
            continue
        key = _SPACES.sub(" ", text[start:end]).strip(" :\u2022-").casefold()
        if key in headings:
            return (Excluded(start, len(text), "trailer"),)
    return ()


def _headline(text: str, body: list[tuple[int, int]], title: str | None) -> tuple[str, tuple[int, int] | None]:
    """The ``title`` field, or the first line when it reads as a headline."""
    if not body:
        return (title or "").strip(), None
    start, end = body[0]
    first = text[start:end]
    if title is not None and title.strip():
        same = _SPACES.sub(" ", title).strip().casefold() == _SPACES.sub(" ", first).casefold()
        return title.strip(), (start, end) if same else None
    # The cheap tests first: most first lines are paragraphs, ending in a full stop, whose
    # words need no counting (the count stops past the limit anyway).
    if len(body) > 1 and first[-1] not in ".,;:" and \
            0 < sum(1 for _ in islice(_WORD.finditer(first), _HEADLINE_MAX_WORDS + 1)) <= _HEADLINE_MAX_WORDS:
        return first, (start, end)
    return "", None


def _sentences(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentences of one line: split after . ! ? unless an abbreviation or initial ends there."""
    spans = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        cut, rest = m.end(1), m.end()
        if rest >= end:
            break
        if text[rest].islower():
            continue
        if m.group()[0] == "." and _ends_with_abbreviation(text, begin, m.start(), abbreviations):
            continue
        spans.append((begin, cut))
        begin = rest
    spans.append((begin, end))
    return spans


def _ends_with_abbreviation(text: str, begin: int, period: int, abbreviations: frozenset[str]) -> bool:
    word_start = period
    while word_start > begin and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'\u201c\u2018\u00ab":
        word_start -= 1
    token = text[word_start:period + 1].casefold()
    if not token[:-1]:
        return False
    if len(token) == 2 and token[0].isalpha():
        return True  # an initial: "J. Smith"
    return token in abbreviations


def word_counts(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """``len(_WORD.findall(text, start, end))`` for every span, from one pass over ``text``.

    A word of ``_WORD`` is a chain of runs of word characters linked by single
    joiners (' ’ -), so a span holds (runs starting in it) − (joiners linking
    two of its runs) words. Both are cumulative sums over per-character flags;
    the regex took a sixth of the time of laying out an article.
    """
    if not spans:
        return ()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if len(codes) and int(codes.max()) > 0xFFFF:
        return tuple(len(_WORD.findall(text, start, end)) for start, end in spans)
    is_word, is_joiner = _character_flags()
    word = is_word[codes]
    run_start = word.copy()
    run_start[1:] &= ~word[:-1]
    link = np.zeros(len(codes), dtype=bool)
    link[1:-1] = is_joiner[codes[1:-1]] & word[:-2] & word[2:]
    runs = np.concatenate(([0], np.cumsum(run_start)))
    links = np.concatenate(([0], np.cumsum(link)))
    starts = np.fromiter((s for s, _ in spans), dtype=np.intp, count=len(spans))
    ends = np.fromiter((e for _, e in spans), dtype=np.intp, count=len(spans))
    counts = runs[ends] - runs[starts]
    cut = (starts > 0) & (ends > starts)
    counts[cut] += word[starts[cut]] & word[starts[cut] - 1]  # a run cut by the span's start
    low = np.minimum(starts + 1, len(codes))
    counts -= links[np.maximum(ends - 1, low)] - links[low]  # joiners with both neighbours inside
    return tuple(counts.tolist())


@lru_cache(maxsize=1)
def _character_flags() -> tuple[np.ndarray, np.ndarray]:
    """Per code point of the Basic Multilingual Plane: is it a regex word character
    (``str.isalnum()`` or ``_``), is it a joiner of ``_WORD``."""
    is_word = np.fromiter((chr(c).isalnum() for c in range(0x10000)), dtype=bool, count=0x10000)
    is_word[ord("_")] = True
    is_joiner = np.zeros(0x10000, dtype=bool)
    is_joiner[[ord("'"), ord("\u2019"), ord("-")]] = True
    return is_word, is_joiner
