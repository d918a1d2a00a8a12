"""Stories: which articles tell the same event, found before any claim is aligned.

Claims are aligned only inside a story, so the first question of a
comparison of many articles is which of them report the same event. Each
article becomes a sparse TF-IDF vector of its content words and of the
language-independent anchors the aligner uses (names, full dates, numbers,
short quotations: see ``align.sentences_of``), so an English and a Dutch
telling of one event still meet on "Belmokhtar", "2013-01-18" and "In
Amenas". Articles whose publication dates lie more than ``MAX_DAYS`` apart
never share a story.

Never all pairs: candidate pairs come from an inverted index of each
article's most telling rare features (document frequency at most
``CANDIDATE_DF``), computed as one sparse product, so the cost grows with the
number of articles times the postings of rare features, not with its square.
Candidates are then merged by average linkage (the mean cosine between the
articles of two stories, read off the sums of their vectors) while it stays
above ``THRESHOLD``.
"""
from __future__ import annotations

import datetime as _dt
import heapq
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .align import ANCHOR_WEIGHTS, Sentence, StorySentence, fold

THRESHOLD = 0.18
MAX_DAYS = 7
CANDIDATE_DF = 50
TELLING_FEATURES = 40
LABEL_TERMS = 5
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Anchor kinds that identify an event; cognates and bare months are too common to.
STORY_ANCHORS = ("name", "date", "number", "quote")


@dataclass(frozen=True)
class Story:
    """Articles telling one event: ``label`` is its most telling terms, ``dates`` its articles' dates."""

    id: str
    articles: tuple[str, ...]
    label: tuple[str, ...]
    dates: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "articles": list(self.articles), "label": list(self.label), "dates": list(self.dates)}


def publication_day(value: Any) -> _dt.date | None:
    """The day of an ISO-like date string ("2013-01-18", "2013-01-18T09:00Z"), or None."""
    match = _ISO_DATE.match(str(value or "").strip())
    if not match:
        return None
    try:
        return _dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def article_features(sentences: Sequence[Sentence | StorySentence]) -> dict[tuple[str, str], int]:
    """Counts of one article's content words and event anchors (from its aligner sentences, or
    ``align.story_sentences``, which carry the same story anchors)."""
    # One pass over the sentences joined by a line break (no word spans it, and lower case
    # reads it as the end of one sentence and the start of the next): the same words in the same order.
    words = Counter(_CONTENT_WORD.findall("\n".join(sentence.text for sentence in sentences).lower()))
    counts: dict[tuple[str, str], int] = {}
    for word, count in words.items():
        key = ("word", fold(word))
        counts[key] = counts.get(key, 0) + count
    for sentence in sentences:
        for kind, value in sorted(sentence.anchors):  # sorted: the same sums whatever the hash seed
            if kind in STORY_ANCHORS:
                counts[(kind, value)] = counts.get((kind, value), 0) + 1
    return counts


def group_stories(ids: Sequence[str], features: "Iterable[Mapping[tuple[str, str], int]] | FeatureTable",
                  days: Sequence[_dt.date | None], languages: Sequence[str] | None = None, *,
                  threshold: float = THRESHOLD, max_days: int = MAX_DAYS) -> list[Story]:
    """Stories of the articles ``ids`` (features, publication days and languages in the same order;
    ``features`` is read once, so it may be a generator, or a ``FeatureTable`` filled as articles
    streamed by).

    Two articles of one language are as similar as the mean of the cosines of
    their anchors and of their words; across languages words are not
    comparable, and only anchors count.

    >>> f = [{("name", "akin"): 2, ("word", "apology"): 1}, {("name", "akin"): 1, ("word", "apology"): 1},
    ...      {("name", "braley"): 2, ("word", "farmers"): 1}]
    >>> [s.articles for s in group_stories(["a", "b", "c"], f, [None, None, None])]
    [('a', 'b'), ('c',)]
    """
    n = len(ids)
    if n == 0:
        return []
    languages = list(languages) if languages is not None else [""] * n
    table = features if isinstance(features, FeatureTable) else FeatureTable.of(features)
    vocabulary = table.vocabulary
    anchors, words, both, df = table.matrices(n)
    candidates = candidate_pairs(both, df, anchors, words, languages, days=days, max_days=max_days)
    merged = _average_linkage(languages, candidates, days, threshold, max_days)
    terms = {column: feature for feature, column in vocabulary.items()}
    stories = []
    for members in merged:
        cells = both[members].tocoo()
        columns, where = np.unique(cells.col, return_inverse=True)
        weight = np.bincount(where, weights=cells.data)
        order = columns[np.lexsort((columns, -weight))]
        label = _label(order, terms)
        dated = sorted({d.isoformat() for d in (days[m] for m in members) if d is not None})
        stories.append((tuple(sorted(ids[m] for m in members)), label, tuple(dated)))
    stories.sort(key=lambda s: (-len(s[0]), s[0]))
    return [Story(f"story-{k + 1}", articles, label, dated) for k, (articles, label, dated) in enumerate(stories)]


def _label(order: np.ndarray, terms: Mapping[int, tuple[str, str]]) -> tuple[str, ...]:
    """The first ``LABEL_TERMS`` distinct words and names of a story's features, heaviest first
    (``order``), read no further than they go."""
    label: dict[str, None] = {}
    for column in order:
        kind, term = terms[column]
        if kind in ("word", "name"):
            label[term] = None
            if len(label) == LABEL_TERMS:
                break
    return tuple(label)


class FeatureTable:
    """Articles' feature counts, one article at a time, kept as compact columns (an article's
    features are counted once, when it streams by, and its sentences need not be kept)."""

    def __init__(self) -> None:
        self.vocabulary: dict[tuple[str, str], int] = {}
        self.rows, self.cols, self.tf = array("i"), array("i"), array("d")  # one cell per article and feature
        self.articles = 0

    @classmethod
    def of(cls, features: Iterable[Mapping[tuple[str, str], int]]) -> "FeatureTable":
        table = cls()
        for counts in features:
            table.add(counts)
        return table

    def add(self, counts: Mapping[tuple[str, str], int]) -> None:
        """The next article's feature counts (``article_features``)."""
        vocabulary = self.vocabulary
        self.rows.extend(repeat(self.articles, len(counts)))
        self.cols.extend([vocabulary.setdefault(feature, len(vocabulary)) for feature in counts])
        self.tf.extend([1.0 + math.log(count) for count in counts.values()])
        self.articles += 1

    def matrices(self, n: int):
        """Row-normalised TF-IDF matrices of anchors, of words, and of both (for candidates and labels),
        and each feature's document frequency."""
        from scipy.sparse import csr_matrix

        vocabulary, rows, cols, tf = self.vocabulary, self.rows, self.cols, self.tf
        shape = (n, max(len(vocabulary), 1))
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=shape[1]).astype(float)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        kind_weight = np.ones(shape[1])
        is_word = np.zeros(shape[1], dtype=bool)
        for feature, column in vocabulary.items():
            kind_weight[column] = ANCHOR_WEIGHTS.get(feature[0], 1.0)
            is_word[column] = feature[0] == "word"
        columns = np.asarray(cols, dtype=np.int64)
        values = np.asarray(tf) * idf[columns] * kind_weight[columns]

        row_of = np.asarray(rows, dtype=np.int64)

        def normalised(keep: np.ndarray):
            matrix = csr_matrix((values[keep], (row_of[keep], columns[keep])), shape=shape)
            norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
            norms[norms == 0] = 1.0
            return csr_matrix(matrix.multiply(1.0 / norms[:, None]))

        word_cells = is_word[columns] if len(columns) else np.zeros(0, dtype=bool)
        return normalised(~word_cells), normalised(word_cells), normalised(np.ones(len(columns), dtype=bool)), df


def pair_similarity(anchor_dot, word_dot, same_language):
    """Similarity of two articles from the dot products of their anchor and word vectors."""
    return np.where(same_language, 0.5 * anchor_dot + 0.5 * word_dot, anchor_dot)


def candidate_pairs(both, df: np.ndarray, anchors, words, languages: Sequence[str],
                    days: Sequence[_dt.date | None] | None = None,
                    max_days: int = MAX_DAYS) -> list[tuple[int, int, float]]:
    """``(i, j, similarity)`` for articles sharing at least one of their most telling rare features.

    Each article keeps its ``TELLING_FEATURES`` heaviest features seen in 2 to
    ``CANDIDATE_DF`` articles (and not in all of them); the co-occurrence of those (one sparse
    product, an inverted index in effect) names the pairs worth a similarity. With ``days``,
    two articles dated more than ``max_days`` apart are no pair: no story can hold both, so
    their similarity would only be added to the linkage of stories that never merge (a news
    cycle retold every hundred days made most pairs of that kind).
    """
    from scipy.sparse import csr_matrix

    n = both.shape[0]
    # A feature of every article tells no story apart, unless two articles are all there is.
    rare = (df >= 2) & (df <= CANDIDATE_DF) & ((df < n) | (n == 2))
    rows, cols = [], []
    for row in range(n):
        start, end = both.indptr[row], both.indptr[row + 1]
        columns = both.indices[start:end]
        weights = both.data[start:end]
        keep = rare[columns]
        columns, weights = columns[keep], weights[keep]
        if len(columns) > TELLING_FEATURES:
            columns = columns[np.argpartition(-weights, TELLING_FEATURES)[:TELLING_FEATURES]]
        rows.extend([row] * len(columns))
        cols.extend(columns.tolist())
    index = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=both.shape)
    shared = (index @ index.T).tocoo()
    upper = shared.row < shared.col
    left, right = shared.row[upper], shared.col[upper]
    if days is not None and len(left):
        day = np.array([d.toordinal() if d is not None else np.nan for d in days], dtype=float)
        near = ~(np.abs(day[left] - day[right]) > max_days)  # an undated article may join any story
        left, right = left[near], right[near]
    if not len(left):
        return []
    anchor_dot = _row_dots(anchors, left, right)
    word_dot = _row_dots(words, left, right)
    codes = {language: k for k, language in enumerate(sorted(set(languages)))}
    language_codes = np.array([codes[language] for language in languages])
    similarity = pair_similarity(anchor_dot, word_dot, language_codes[left] == language_codes[right])
    return list(zip(left.tolist(), right.tolist(), similarity.tolist()))


def _row_dots(matrix, left: np.ndarray, right: np.ndarray, chunk: int = 2_000) -> np.ndarray:
    """Dot products of rows ``left[k]`` and ``right[k]``, a chunk of pairs at a time (bounded memory)."""
    out = np.empty(len(left))
    for start in range(0, len(left), chunk):
        a, b = left[start:start + chunk], right[start:start + chunk]
        out[start:start + chunk] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out


def _average_linkage(languages: Sequence[str], candidates: Iterable[tuple[int, int, float]],
                     days: Sequence[_dt.date | None], threshold: float, max_days: int) -> list[list[int]]:
    """Merge the best pair of stories while their mean pairwise similarity reaches ``threshold``
    and their articles' dates stay within ``max_days``.

    Like with like: the mean is over pairs of articles of one language when
    the two stories have such pairs (words and anchors), else over pairs
    across languages (anchors only). Pairs that are not candidates share no
    telling feature and count as 0. Merging adds up the similarity sums on the
    edges of the candidate graph, so a merge costs the neighbours it touches.
    """
    n = len(languages)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    counts: dict[int, dict[str, int]] = {i: {languages[i]: 1} for i in range(n)}
    span: dict[int, tuple[_dt.date, _dt.date] | None] = {i: (d, d) if d else None for i, d in enumerate(days)}
    # edges[x][y] = [sum of similarities of same-language pairs, of cross-language pairs]
    edges: dict[int, dict[int, list[float]]] = {i: {} for i in range(n)}
    for i, j, similarity in candidates:
        cell = [similarity, 0.0] if languages[i] == languages[j] else [0.0, similarity]
        edges[i][j] = cell
        edges[j][i] = cell

    def linkage(a: int, b: int) -> float:
        same_pairs = sum(count * counts[b].get(language, 0) for language, count in counts[a].items())
        if same_pairs:
            return edges[a][b][0] / same_pairs
        return edges[a][b][1] / (len(members[a]) * len(members[b]))

    def joined_span(a: int, b: int) -> tuple[_dt.date, _dt.date] | None:
        x, y = span[a], span[b]
        if x is None or y is None:
            return x or y
        return min(x[0], y[0]), max(x[1], y[1])

    # Between two single articles the linkage is their one pair's similarity (divided by 1): read
    # from the edge, the same number without the general count of pairs.
    heap = [(-score, i, j) for i in range(n) for j, cell in edges[i].items() if i < j
            for score in (cell[0] if languages[i] == languages[j] else cell[1],) if score >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        joined = joined_span(a, b)
        if joined is not None and (joined[1] - joined[0]).days > max_days:
            continue
        new = next_id
        next_id += 1
        members[new] = members.pop(a) + members.pop(b)
        merged_counts = dict(counts.pop(a))
        for language, count in counts.pop(b).items():
            merged_counts[language] = merged_counts.get(language, 0) + count
        counts[new] = merged_counts
        span[new] = joined
        around: dict[int, list[float]] = {}
        for old in (a, b):
            for other, cell in edges.pop(old).items():
                if other in (a, b):
                    continue
                total = around.setdefault(other, [0.0, 0.0])
                total[0] += cell[0]
                total[1] += cell[1]
                del edges[other][old]
        edges[new] = around
        for other, cell in around.items():
            edges[other][new] = cell
            score = linkage(new, other)
            if score >= threshold:
                heapq.heappush(heap, (-score, other, new))
    return [sorted(group) for group in members.values()]
