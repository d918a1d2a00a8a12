"""Claim alignment: which sentences of different articles carry the same claim.

Across languages words differ but anchors survive translation: numbers,
dates (normalised, so "18 januari 2013" equals "January 18, 2013"), proper
names, short quoted strings, and long cognates ("correspondence" /
"correspondentie"). Within one language TF-IDF cosine similarity adds the
rest. Pairs are matched one-to-one, best first, above a threshold.

Divergences are then read off aligned pairs, like with like: a date against
a date in the same slot of the claim (sharing a context word, such as "sent
... on"), a quantity against a quantity of the same unit ("$2.5 billion" read
as 2.5e9 USD, see ``quantities``), and names spelled differently
(Tigantourine / Tiguentourine).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Mapping, NamedTuple

from ..lexicon import LexiconSet
from .quantities import Quantity, find_quantities
from ..spans import GrowingSpanSet, SpanSet

_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_QUOTED = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u2018\u2019'\u201e]\s*([^\"\u201c\u201d\u00ab\u00bb\u2018\u2019\u201e]{3,80}?)"
                     r"\s*[\"\u201c\u201d\u00ab\u00bb\u2019'\u201c]")
_DIGIT = re.compile(r"\d")
_TFIDF_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_COGNATE_LENGTH = 7
# Weights of shared anchors by kind: a shared full date says more than a shared name.
ANCHOR_WEIGHTS = {"date": 3.0, "month": 1.0, "number": 2.0, "quote": 3.0, "name": 1.5, "cognate": 0.7}
THRESHOLD = 0.2
STORY_THRESHOLD = 0.1
NUMBER_DIVERGENCE_SCORE = 0.4
SLOT_WORDS_BEFORE = 5
SLOT_WORDS_AFTER = 2
_SLOT_PREFIX = 5  # "email" / "emails", "attack" / "attacks": one slot word


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
    # (kind "date" or "quantity", value, unit, shown text, context words around it): divergence slots
    slots: tuple[tuple[str, str, str, str, frozenset[str]], ...] = ()


def month_table(lexicons: LexiconSet, language: str) -> dict[str, int]:
    """Month names and abbreviations of ``language`` -> month number (each entry's ``value``)."""
    table = {}
    for entry in lexicons.select(language, ["grammar"]):
        if entry.category == "month" and entry.value is not None:
            for form in entry.forms:
                table[form.rstrip(".")] = int(entry.value)
    return table


@lru_cache(maxsize=1 << 16)  # called for every word of every compared article; words repeat
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
    taken = GrowingSpanSet()
    for pattern in _date_patterns(tuple(sorted(months))):
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            parts = {k[0]: v for k, v in m.groupdict().items() if v is not None}
            month = months.get(fold(parts["m"]).rstrip(".")) or months.get(parts["m"].lower().rstrip("."))
            if month is None or "y" not in parts and "d" not in parts:
                continue
            value = f"{parts['y']}-{month:02d}" if "y" in parts else f"????-{month:02d}"
            if "d" in parts and 1 <= int(parts["d"]) <= 31:
                value += f"-{int(parts['d']):02d}"
            found.append((m.start(), m.end(), value))
            taken.add(m.start(), m.end())
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


def _context(words: list[re.Match[str]], start: int, end: int) -> frozenset[str]:
    """Folded lower-case words of three letters or more just before and after ``[start, end)``: the slot
    of a value (what happened on that date, what was counted), not its topic (names)."""
    before = [w for w in words if w.end() <= start][-SLOT_WORDS_BEFORE:]
    after = [w for w in words if w.start() >= end][:SLOT_WORDS_AFTER]
    return frozenset(fold(w.group())[:_SLOT_PREFIX] for w in before + after
                     if len(w.group()) >= 3 and not w.group()[:1].isupper())


def sentences_of(profile: Mapping[str, Any], text: str, months: dict[str, int],
                 calendar_words: frozenset[str], scales: Mapping[str, int] | None = None,
                 links: frozenset[str] = frozenset(), known: dict[str, Any] | None = None) -> list[Sentence]:
    """The body sentences of one scored article, with their anchors (``scales`` and ``links``: scale
    words and the small words before a unit, see ``quantities``; ``known``: what ``word_anchors``
    found of each word already met with these ``calendar_words``, kept by the caller across
    articles, since words repeat)."""
    out = []
    article, language = profile["id"], profile["language"]
    known = {} if known is None else known
    for index, (start, end, _) in enumerate(profile.get("sentence_spans", [])):
        chunk = text[start:end]
        dates, quantities = _dates_and_quantities(chunk, language, months, scales, links)
        numbers = [q.key for q in quantities]
        slots: tuple[tuple[str, str, str, str, frozenset[str]], ...] = ()
        if dates or quantities:
            matches = list(_WORD.finditer(chunk))
            words = [m.group() for m in matches]
            slots = tuple([("date", value, "", chunk[a:b], _context(matches, a, b)) for a, b, value in dates]
                          + [("quantity", q.number, q.unit, chunk[q.start:q.end], _context(matches, q.start, q.end))
                             for q in quantities if not q.year_like])
        else:
            words = _WORD.findall(chunk)
        names, name_anchors, cognates = _word_anchors(words, known, calendar_words)
        # Anchors in the order they always went in (a set's order, and so the order of float sums
        # over it, may follow the order of insertion).
        anchors: set[tuple[str, str]] = set()
        for _, _, value in dates:
            anchors.add(("date", value))
            anchors.add(("month", value[:7]))
        anchors.update(("number", n) for n in numbers)
        anchors.update(name_anchors)
        anchors.update(_quote_anchors(chunk))
        anchors.update(cognates)
        out.append(Sentence(article, index, start, end, language, chunk, frozenset(anchors),
                            tuple(v for _, _, v in dates), tuple(numbers), tuple(names), slots))
    return out


class StorySentence(NamedTuple):
    """A body sentence's text and the anchors of ``sentences_of`` that tell its event apart (names,
    full dates, numbers, quotations; ``stories.STORY_ANCHORS``): what ``stories.article_features``
    reads."""

    text: str
    anchors: frozenset[tuple[str, str]]


def story_sentences(profile: Mapping[str, Any], text: str, months: dict[str, int],
                    calendar_words: frozenset[str], scales: Mapping[str, int] | None = None,
                    links: frozenset[str] = frozenset(), known: dict[str, Any] | None = None) -> list[StorySentence]:
    """``sentences_of`` cut to what stories need, for every article of a comparison (full sentences
    are worked out only for the articles of stories told by several outlets, whose claims are
    aligned): no slots, cognates or months.

    >>> profile = {"id": "a", "language": "en", "sentence_spans": [[0, 38, 7]]}
    >>> [sentence] = story_sentences(profile, "On January 18, 2013, Belmokhtar spoke.", {"january": 1},
    ...                              frozenset({"january"}))
    >>> sorted(sentence.anchors)
    [('date', '2013-01-18'), ('name', 'belmokhtar')]
    """
    out = []
    language = profile["language"]
    known = {} if known is None else known
    for start, end, _ in profile.get("sentence_spans", []):
        chunk = text[start:end]
        dates, quantities = _dates_and_quantities(chunk, language, months, scales, links)
        anchors = {("date", value) for _, _, value in dates}
        anchors.update(("number", q.key) for q in quantities)
        anchors.update(_word_anchors(_WORD.findall(chunk), known, calendar_words)[1])
        anchors.update(_quote_anchors(chunk))
        out.append(StorySentence(chunk, frozenset(anchors)))
    return out


def _dates_and_quantities(chunk: str, language: str, months: dict[str, int], scales: Mapping[str, int] | None,
                          links: frozenset[str]) -> tuple[list[tuple[int, int, str]], list[Quantity]]:
    """A sentence's dates and its quantities outside them (both need a digit)."""
    if _DIGIT.search(chunk) is None:
        return [], []
    dates = find_dates(chunk, months)
    quantities = find_quantities(chunk, language, scales or {}, links)
    if dates and quantities:
        date_chars = SpanSet((a, b) for a, b, _ in dates)
        quantities = [q for q in quantities if not date_chars.overlaps(q.start, q.start + 1)]
    return dates, quantities


def _word_anchors(words: list[str], known: dict[str, Any],
                  calendar_words: frozenset[str]) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """The names of a sentence's words (after its first word), their anchors, and its cognate
    anchors, in the order of the words; ``known`` keeps ``word_anchors`` of each word met."""
    if not words:
        return [], [], []
    for word in set(words).difference(known):
        known[word] = word_anchors(word, calendar_words)
    lookup = known.__getitem__
    head = lookup(words[0])
    cognates = [head[2]] if head is not _PLAIN and head[2] is not None else []  # the first word is never a name
    tail = list(filter(None, map(lookup, words[1:])))  # names and cognates only (_PLAIN is empty)
    names = [name for name, _, _ in tail if name is not None]
    name_anchors = [anchor for _, anchor, _ in tail if anchor is not None]
    cognates += [cognate for _, _, cognate in tail if cognate is not None]
    return names, name_anchors, cognates


def _quote_anchors(chunk: str) -> list[tuple[str, str]]:
    """Short quotations (six words at most) of a sentence, folded."""
    if '"' not in chunk and "'" not in chunk and chunk.isascii():  # a quotation needs a quotation mark
        return []
    return [("quote", fold(q.group(1))) for q in _QUOTED.finditer(chunk) if len(q.group(1).split()) <= 6]


_PLAIN = ()  # a word that is neither a name nor a cognate (empty: filtered out as false)


def word_anchors(word: str, calendar_words: frozenset[str]) -> tuple[Any, ...]:
    """What one word gives a sentence: ``(name, its anchor or None, cognate anchor or None)``, or
    ``_PLAIN`` for neither. A capitalised word (not a month or weekday) is a name, folded and
    without a possessive ending, an anchor when longer than two letters (and a name only after a
    sentence's first word, which ``sentences_of`` decides); a long word in lower case is a cognate.

    >>> word_anchors("Algeria's", frozenset()), word_anchors("correspondence", frozenset())
    (('algeria', ('name', 'algeria'), None), (None, None, ('cognate', 'corresp')))
    """
    capital = word[:1].isupper()
    name = fold(_POSSESSIVE.sub("", word)) if capital and fold(word) not in calendar_words else None
    cognate = ("cognate", fold(word)[:_COGNATE_LENGTH]) if len(word) > _COGNATE_LENGTH and not capital else None
    if name is None and cognate is None:
        return _PLAIN
    return name, ("name", name) if name is not None and len(name) > 2 else None, cognate


def _anchor_matrix(sentences: list[Sentence], vocabulary: dict[tuple[str, str], int]):
    """Rows, columns and weights of the sentences x anchors matrix (each cell the anchor's weight)."""
    rows, cols, values = [], [], []
    for row, sentence in enumerate(sentences):
        for anchor in sorted(sentence.anchors):  # sorted: the same sums whatever the hash seed
            rows.append(row)
            cols.append(vocabulary.setdefault(anchor, len(vocabulary)))
            values.append(ANCHOR_WEIGHTS[anchor[0]])
    return rows, cols, values


def tfidf_matrix(texts: list[str]):
    """Sublinear, smoothed, L2-normalised TF-IDF of ``texts`` (scikit-learn's ``TfidfVectorizer(
    sublinear_tf=True)`` without importing scikit-learn, which costs a second of start-up)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    for row, text in enumerate(texts):
        tally: dict[int, int] = {}
        for token in _TFIDF_TOKEN.findall(text.lower()):
            column = vocabulary.setdefault(token, len(vocabulary))
            tally[column] = tally.get(column, 0) + 1
        rows.extend([row] * len(tally))
        cols.extend(tally)
        counts.extend(tally.values())
    shape = (len(texts), max(len(vocabulary), 1))
    columns = np.asarray(cols, dtype=np.int64)
    df = np.bincount(columns, minlength=shape[1])
    idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
    values = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[columns]
    matrix = csr_matrix((values, (np.asarray(rows, dtype=np.int64), columns)), shape=shape)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def _same_story(left: set[tuple[str, str]], right: set[tuple[str, str]], left_weight: float, right_weight: float,
                idf: dict[tuple[str, str], float], *, threshold: float = STORY_THRESHOLD) -> bool:
    """Whether two articles tell the same story: Dice overlap of their name, date and quote
    anchors, each weighted by its kind and its rarity across the articles compared, so
    that names every article carries (Obama, Trump) pair no claims."""
    if not left or not right:
        return False
    return 2.0 * _anchor_weight(left & right, idf) / (left_weight + right_weight) >= threshold


def _anchor_weight(anchors: set[tuple[str, str]], idf: dict[tuple[str, str], float]) -> float:
    return sum(ANCHOR_WEIGHTS[k] * idf[(k, v)] for k, v in anchors)


def _story_anchors(sentences: list[Sentence]) -> set[tuple[str, str]]:
    return {x for s in sentences for x in s.anchors if x[0] in ("name", "date", "quote", "month")}


def scored_pairs(sentences: list[Sentence], *, threshold: float = THRESHOLD,
                 outlets: Mapping[str, str] | None = None) -> list[tuple[float, Sentence, Sentence]]:
    """Every pair of sentences of different articles (and outlets) scoring at least ``threshold``, best first.

    Scores are computed with sparse matrix products per pair of articles:
    anchor overlap (weighted Dice) across languages, averaged with TF-IDF
    cosine within one language.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, vstack

    articles: dict[str, list[Sentence]] = {}
    for s in sentences:
        articles.setdefault(s.article, []).append(s)
    vocabulary: dict[tuple[str, str], int] = {}
    triples = {name: _anchor_matrix(group, vocabulary) for name, group in articles.items()}
    matrices = {name: csr_matrix((v, (r, c)), shape=(len(articles[name]), max(len(vocabulary), 1)))
                for name, (r, c, v) in triples.items()}
    totals = {name: np.asarray(m.sum(axis=1)).ravel() for name, m in matrices.items()}
    binary = {name: (m > 0).astype(float) for name, m in matrices.items()}
    tfidf = {}
    tfidf_rows: dict[str, tuple[str, int]] = {}  # an article's language and first row in its matrix
    tfidf_all = {}  # per language, every article's rows, transposed once
    by_language: dict[str, list[str]] = {}
    for name, group in articles.items():
        by_language.setdefault(group[0].language, []).append(name)
    for language, names in by_language.items():
        if len(names) < 2:
            continue
        texts = [s.text for name in names for s in articles[name]]
        matrix = tfidf_matrix(texts)
        offset = 0
        for name in names:
            tfidf[name] = matrix[offset:offset + len(articles[name])]
            tfidf_rows[name] = (language, offset)
            offset += len(articles[name])
        tfidf_all[language] = matrix.T.tocsr()
    document_frequency: dict[tuple[str, str], int] = {}
    for group in articles.values():
        for anchor in _story_anchors(group):
            document_frequency[anchor] = document_frequency.get(anchor, 0) + 1
    idf = {anchor: math.log(1.0 + len(articles) / df) for anchor, df in document_frequency.items()}
    scored = []
    names = sorted(articles)
    # What every pair needs, worked out once per article rather than once per pair (the
    # story anchors and their weights; all articles' binary rows, transposed, so that one
    # sparse product per article scores it against every later one): 82,500 products
    # took most of a 300-outlet comparison.
    story = {name: _story_anchors(articles[name]) for name in names}
    story_weight = {name: _anchor_weight(story[name], idf) for name in names}
    rows = {}
    offset = 0
    for name in names:
        rows[name] = offset
        offset += len(articles[name])
    binary_all = vstack([binary[name] for name in names]).T.tocsr() if names else None
    for i, x in enumerate(names):
        later = [y for y in names[i + 1:] if (outlets is None or outlets.get(x) != outlets.get(y))
                 and _same_story(story[x], story[y], story_weight[x], story_weight[y], idf)]
        if not later:
            continue
        shared_all = (matrices[x] @ binary_all).toarray()  # weights of anchors both sentences carry
        similar_all = (tfidf[x] @ tfidf_all[tfidf_rows[x][0]]).toarray() if x in tfidf else None
        for y in later:
            shared = shared_all[:, rows[y]:rows[y] + len(articles[y])]
            denominator = totals[x][:, None] + totals[y][None, :]
            with np.errstate(invalid="ignore", divide="ignore"):
                scores = np.where(denominator > 0, 2.0 * shared / denominator, 0.0)
            if similar_all is not None and y in tfidf and articles[x][0].language == articles[y][0].language:
                start = tfidf_rows[y][1]
                scores = 0.5 * scores + 0.5 * similar_all[:, start:start + len(articles[y])]
            for row, col in zip(*np.nonzero(scores >= threshold)):
                scored.append((float(scores[row, col]), articles[x][row], articles[y][col]))
    scored.sort(key=lambda t: (-t[0], t[1].article, t[1].index, t[2].article, t[2].index))
    return scored


def one_to_one(scored: list[tuple[float, Sentence, Sentence]]) -> list[tuple[Sentence, Sentence, float]]:
    """Best pairs first, each sentence used at most once per other article."""
    used: set[tuple[str, int, str]] = set()
    pairs = []
    for score, a, b in scored:
        if (a.article, a.index, b.article) in used or (b.article, b.index, a.article) in used:
            continue
        used.add((a.article, a.index, b.article))
        used.add((b.article, b.index, a.article))
        pairs.append((a, b, score))
    return pairs


def divergences(a: Sentence, b: Sentence, score: float) -> list[dict[str, Any]]:
    """Dates, quantities and (within one language) name spellings on which two aligned sentences differ.

    Like with like: a value is set only against a value of the same kind in
    the same slot of the claim, that is sharing a context word ("sent ...
    on"; the first five letters, so "email" meets "emails"), and a quantity
    only against one of the same unit, or the one of its unit in each sentence.
    """
    found: list[dict[str, Any]] = []
    for kind in ("date", "quantity"):
        if kind == "quantity" and score < NUMBER_DIVERGENCE_SCORE:
            continue  # numbers diverge only between closely aligned sentences
        left = [x for x in a.slots if x[0] == kind]
        right = [y for y in b.slots if y[0] == kind]
        left_values = {(x[1], x[2]) for x in left}
        right_values = {(y[1], y[2]) for y in right}
        for x in left:
            if (x[1], x[2]) in right_values:
                continue
            for y in right:
                if (y[1], y[2]) in left_values or x[2] != y[2] and kind == "quantity":
                    continue
                if kind == "date" and (len(x[1]) != len(y[1]) or x[1].startswith("????") or y[1].startswith("????")):
                    continue  # a day against a month, or a date without its year: not like with like
                shared = sorted(x[4] & y[4])
                if not shared and not (x[2] and len(left) == 1 and len(right) == 1):
                    continue  # not the same slot; a unit (USD, %) alone, one each, is one
                divergence = {"kind": "date" if kind == "date" else "number",
                              "values": [[x[1]], [y[1]]], "text": [x[3], y[3]], "slot": shared}
                if kind == "quantity":
                    divergence["unit"] = x[2]
                found.append(divergence)
    if a.language != b.language:
        return found  # names differ by translation ("Algeria" / "Algerije"), not by spelling
    for name_a in sorted(set(a.names) - set(b.names)):
        for name_b in sorted(set(b.names) - set(a.names)):
            if name_a.startswith(name_b) or name_b.startswith(name_a):
                continue  # "republican" / "republicans": an ending, not a spelling
            if (len(name_a) > 4 and name_a[:2] == name_b[:2]
                    and SequenceMatcher(None, name_a, name_b).ratio() >= 0.85):
                found.append({"kind": "name", "values": [name_a, name_b]})
    return found
