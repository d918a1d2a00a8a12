"""Claim alignment: which sentences of different articles carry the same claim.

Across languages words differ but anchors survive translation: numbers,
dates (normalised, so "18 januari 2013" equals "January 18, 2013"), proper
names, short quoted strings, and long cognates ("correspondence" /
"correspondentie"). Within one language TF-IDF cosine similarity adds the
rest. Pairs are matched one-to-one, best first, above a threshold.

Divergences are then read off aligned pairs: dates and numbers that differ,
and names spelled differently (Tigantourine / Tiguentourine).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from .lexicon import LexiconSet

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_QUOTED = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u2018\u2019'\u201e]\s*([^\"\u201c\u201d\u00ab\u00bb\u2018\u2019\u201e]{3,80}?)"
                     r"\s*[\"\u201c\u201d\u00ab\u00bb\u2019'\u201c]")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_COGNATE_LENGTH = 7
# Weights of shared anchors by kind: a shared full date says more than a shared name.
ANCHOR_WEIGHTS = {"date": 3.0, "month": 1.0, "number": 2.0, "quote": 3.0, "name": 1.5, "cognate": 0.7}
THRESHOLD = 0.2


@dataclass(frozen=True)
class Sentence:
    """One body sentence of one article and what can anchor it across languages."""

    article: str
    index: int
    start: int
    end: int
    language: str
    text: str
    anchors: frozenset[tuple[str, str]] = field(default=frozenset())
    dates: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


def month_table(lexicons: LexiconSet, language: str) -> dict[str, int]:
    """Month names and abbreviations of ``language`` -> month number (from ids ``month.NN``)."""
    table = {}
    for entry in lexicons.select(language, ["grammar"]):
        if entry.category == "month" and entry.id.startswith("month."):
            number = int(entry.id.split(".")[1])
            for form in entry.forms:
                table[form.rstrip(".")] = number
    return table


def fold(word: str) -> str:
    """Lower case without diacritics, for comparing names across languages."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def find_dates(text: str, months: dict[str, int]) -> list[tuple[int, int, str]]:
    """Dates as ``(start, end, 'YYYY-MM-DD' or 'YYYY-MM')`` in ``text``.

    >>> find_dates("sent on January 18, 2013 and on 18 januari 2013", {"january": 1, "januari": 1})
    [(8, 24, '2013-01-18'), (32, 47, '2013-01-18')]
    """
    if not months:
        return []
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns(tuple(sorted(months))):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            parts = {k[0]: v for k, v in m.groupdict().items() if v is not None}
            month = months.get(fold(parts["m"]).rstrip(".")) or months.get(parts["m"].lower().rstrip("."))
            if month is None or "y" not in parts and "d" not in parts:
                continue
            value = f"{parts['y']}-{month:02d}" if "y" in parts else f"????-{month:02d}"
            if "d" in parts and 1 <= int(parts["d"]) <= 31:
                value += f"-{int(parts['d']):02d}"
            found.append((m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    return sorted(found)


@lru_cache(maxsize=16)
def _date_patterns(month_names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Year-month-day, day-month-year, month-day-year and month-year, compiled once per language."""
    names = "|".join(sorted((re.escape(m) for m in month_names), key=len, reverse=True))
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|er|e|\.)?"
    year = r"(?P<{}>(?:1[89]|20)\d\d)"
    shapes = [
        rf"{year.format('y3')}\s+(?P<m3>{names})\.?\s+{day.format('d3')}",
        rf"{day.format('d1')}\s+(?:de\s+)?(?P<m1>{names})\.?(?:\s+(?:de\s+)?{year.format('y1')})?",
        rf"(?P<m2>{names})\.?\s+{day.format('d2')},?(?:\s+{year.format('y2')})?",
        rf"(?P<m4>{names})\.?\s+(?:de\s+)?{year.format('y4')}",
    ]
    return tuple(re.compile(rf"(?<!\w)(?:{shape})(?!\w)", re.IGNORECASE) for shape in shapes)


def sentences_of(profile: dict[str, Any], text: str, months: dict[str, int],
                 calendar_words: frozenset[str]) -> list[Sentence]:
    """The body sentences of one scored article, with their anchors."""
    out = []
    for index, (start, end, _) in enumerate(profile.get("sentence_spans", [])):
        chunk = text[start:end]
        dates = find_dates(chunk, months)
        date_chars = [(a, b) for a, b, _ in dates]
        numbers = [n.replace(",", "").replace(".", "") for m in _NUMBER.finditer(chunk)
                   if not any(a <= m.start() < b for a, b in date_chars)
                   for n in [m.group()]]
        words = list(_WORD.finditer(chunk))
        names = [fold(_POSSESSIVE.sub("", w.group())) for i, w in enumerate(words)
                 if i > 0 and w.group()[:1].isupper() and fold(w.group()) not in calendar_words]
        anchors: set[tuple[str, str]] = set()
        for _, _, value in dates:
            anchors.add(("date", value))
            anchors.add(("month", value[:7]))
        anchors.update(("number", n) for n in numbers)
        anchors.update(("name", n) for n in names if len(n) > 2)
        anchors.update(("quote", fold(q.group(1))) for q in _QUOTED.finditer(chunk) if len(q.group(1).split()) <= 6)
        anchors.update(("cognate", fold(w.group())[:_COGNATE_LENGTH]) for w in words
                       if len(w.group()) >= _COGNATE_LENGTH + 1 and not w.group()[:1].isupper())
        out.append(Sentence(profile["id"], index, start, end, profile["language"], chunk, frozenset(anchors),
                            tuple(v for _, _, v in dates), tuple(numbers), tuple(names)))
    return out


def anchor_similarity(a: Sentence, b: Sentence) -> float:
    """Weighted Dice overlap of two sentences' anchors."""
    if not a.anchors or not b.anchors:
        return 0.0
    shared = sum(ANCHOR_WEIGHTS[kind] for kind, _ in a.anchors & b.anchors)
    total = sum(ANCHOR_WEIGHTS[kind] for kind, _ in a.anchors) + sum(ANCHOR_WEIGHTS[kind] for kind, _ in b.anchors)
    return 2.0 * shared / total


def align(sentences: list[Sentence], *, threshold: float = THRESHOLD) -> list[tuple[Sentence, Sentence, float]]:
    """One-to-one pairs of sentences of different articles carrying the same claim, best first."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    by_language: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_language.setdefault(s.language, []).append(s)
    vectors = {}
    for language, group in by_language.items():
        if len({s.article for s in group}) < 2:
            continue
        matrix = TfidfVectorizer(lowercase=True, sublinear_tf=True).fit_transform([s.text for s in group])
        for row, s in enumerate(group):
            vectors[(s.article, s.index)] = matrix[row]
    scored = []
    for i, a in enumerate(sentences):
        for b in sentences[i + 1:]:
            if a.article == b.article:
                continue
            score = anchor_similarity(a, b)
            if a.language == b.language and (a.article, a.index) in vectors:
                cosine = float(vectors[(a.article, a.index)].multiply(vectors[(b.article, b.index)]).sum())
                score = 0.5 * score + 0.5 * cosine
            if score >= threshold:
                scored.append((score, a, b))
    scored.sort(key=lambda t: (-t[0], t[1].article, t[1].index, t[2].article, t[2].index))
    used: set[tuple[str, int, str]] = set()
    pairs = []
    for score, a, b in scored:
        if (a.article, a.index, b.article) in used or (b.article, b.index, a.article) in used:
            continue
        used.add((a.article, a.index, b.article))
        used.add((b.article, b.index, a.article))
        pairs.append((a, b, score))
    return pairs


def divergences(a: Sentence, b: Sentence) -> list[dict[str, Any]]:
    """Dates, numbers and (within one language) name spellings on which two aligned sentences differ."""
    found = []
    a_dates, b_dates = set(a.dates), set(b.dates)
    if a_dates and b_dates and a_dates != b_dates:
        found.append({"kind": "date", "values": [sorted(a_dates - b_dates) or sorted(a_dates),
                                                 sorted(b_dates - a_dates) or sorted(b_dates)]})
    a_numbers, b_numbers = set(a.numbers) - set(b.numbers), set(b.numbers) - set(a.numbers)
    if a_numbers and b_numbers:
        found.append({"kind": "number", "values": [sorted(a_numbers), sorted(b_numbers)]})
    if a.language != b.language:
        return found  # names differ by translation ("Algeria" / "Algerije"), not by spelling
    for x in sorted(set(a.names) - set(b.names)):
        for y in sorted(set(b.names) - set(a.names)):
            if len(x) > 4 and x[:2] == y[:2] and SequenceMatcher(None, x, y).ratio() >= 0.8:
                found.append({"kind": "name", "values": [x, y]})
    return found
