"""Statistics for comparing outlets: bootstrap intervals, z-scores, Fightin' Words.

Rates are pooled per group (own-voice evidence per 1,000 body words). Their
uncertainty comes from a two-stage bootstrap: articles are resampled within a
group, and sentences within each article, so that a group of one long article
is not mistaken for certainty and sentences are not treated as independent
across articles. Everything takes an explicit seed: the same input gives the
same intervals.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Sequence

import numpy as np

DEFAULT_RESAMPLES = 1000
CONFIDENCE = 0.95
FALSE_DISCOVERY_RATE = 0.05
# Bytes the bootstrap of one group may hold at once (its intermediate arrays), whatever its size.
BOOTSTRAP_MEMORY = 64 * 2**20


@dataclass(frozen=True)
class ArticleCounts:
    """Per-sentence own-voice counts of one article: ``counts[s, f]`` and ``words[s]``."""

    counts: np.ndarray
    words: np.ndarray


def pooled_rates(articles: Sequence[ArticleCounts]) -> np.ndarray:
    """Per-family rate per 1,000 words over all sentences of ``articles``."""
    counts = sum((a.counts.sum(axis=0) for a in articles), np.zeros(articles[0].counts.shape[1]))
    words = sum(float(a.words.sum()) for a in articles)
    return 1000.0 * counts / words if words else np.zeros_like(counts)


def bootstrap_rates(articles: Sequence[ArticleCounts], *, resamples: int = DEFAULT_RESAMPLES,
                    seed: int | tuple[int, ...] = 0, memory: int = BOOTSTRAP_MEMORY) -> np.ndarray:
    """``resamples`` x families matrix of pooled rates under the two-stage bootstrap.

    ``articles`` may be any sequence (``counts.PackedCounts`` unpacks an article when asked).
    Memory stays near ``memory`` bytes however many articles a group has: beyond what fits,
    the sentence resamples are made for a chunk of articles at a time, from saved generator
    states, and the article draws, made once, are sorted by chunk (in memory, or in a temporary
    file when they outgrow ``memory``), so that the cost grows with the number of articles, not
    with its square. The random numbers are the same as with everything held at once, and so are
    the samples (sums of whole counts are exact in any order).
    """
    with _one_blas_thread():
        return _bootstrap_rates(articles, resamples, seed, memory)


def _bootstrap_rates(articles: Sequence[ArticleCounts], resamples: int, seed: int | tuple[int, ...],
                     memory: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    families = articles[0].counts.shape[1]
    total = len(articles)
    chunk = max(1, memory // (8 * resamples * (families + 1)))
    if total <= chunk:  # everything fits: one pass
        sums = _sentence_resamples(articles, 0, total, rng, resamples, families)
        drawn = rng.integers(0, total, size=(resamples, total))
        which = rng.integers(0, resamples, size=(resamples, total))
        picked = _picked_sums(sums.reshape(total * resamples, families + 1), drawn * resamples + which)
        return _rates(picked[:, :families], picked[:, families])
    # The stage-2 draws once, only to learn the generator's state where each chunk of articles starts.
    starts = []
    for first in range(0, total, chunk):
        starts.append(rng.bit_generator.state)
        for i in range(first, min(first + chunk, total)):
            n = len(articles[i].words)
            if n:
                rng.integers(0, n, size=(resamples, n))
    block = max(1, memory // (32 * total))  # resamples of the article draws held at a time
    drawn_from = rng.bit_generator.state
    for row in range(0, resamples, block):  # past the article draws, to where the resample picks start
        rng.integers(0, total, size=(min(block, resamples - row), total))
    draws = _DrawsByChunk(resamples, total, chunk, memory)
    with draws:
        article_draws, resample_picks = _generator(drawn_from), rng
        for row in range(0, resamples, block):
            rows = min(block, resamples - row)
            draws.add(row, article_draws.integers(0, total, size=(rows, total)),
                      resample_picks.integers(0, resamples, size=(rows, total)))
        picked = np.zeros((resamples, families + 1))
        for k, (first, start) in enumerate(zip(range(0, total, chunk), starts)):
            last = min(first + chunk, total)
            sums = _sentence_resamples(articles, first, last, _generator(start), resamples, families)
            flat = sums.reshape((last - first) * resamples, families + 1)
            for entries in draws.of(k):  # in resample order
                picks = entries["article"].astype(np.intp) * resamples + entries["which"]
                per_line = np.bincount(entries["row"], minlength=resamples)
                picked += _selection(picks, np.concatenate([[0], np.cumsum(per_line)]), len(flat)) @ flat
    return _rates(picked[:, :families], picked[:, families])


class _DrawsByChunk:
    """The article draws of a chunked bootstrap (for every resample, each drawn article and which of
    its sentence resamples), sorted by chunk of articles as they are made, and read back one chunk
    at a time: made once rather than once per chunk. Held in memory when they fit in ``memory``
    bytes, else in a temporary file."""

    def __init__(self, resamples: int, total: int, chunk: int, memory: int):
        self.total, self.chunk = total, chunk
        self.chunks = -(-total // chunk)
        self.dtype = np.dtype([("row", np.min_scalar_type(resamples - 1)), ("article", np.min_scalar_type(chunk - 1)),
                               ("which", np.min_scalar_type(resamples - 1))])
        self.parts: list[list[Any]] = [[] for _ in range(self.chunks)]
        self.file = None
        if resamples * total * self.dtype.itemsize > memory:
            import tempfile

            self.file = tempfile.TemporaryFile()

    def __enter__(self) -> "_DrawsByChunk":
        return self

    def __exit__(self, *_: object) -> None:
        if self.file is not None:
            self.file.close()

    def add(self, row: int, drawn: np.ndarray, which: np.ndarray) -> None:
        """Resamples ``row``.. ``row + len(drawn) - 1``: their article draws and sentence-resample picks."""
        kind = np.min_scalar_type(self.chunks - 1)
        chunk_of = (drawn // self.chunk).astype(kind).ravel()
        order = np.argsort(chunk_of, kind="stable")  # within a chunk, resamples stay in order
        bounds = np.concatenate([[0], np.cumsum(np.bincount(chunk_of, minlength=self.chunks))])
        resample = order // self.total + row
        article = drawn.ravel()[order]
        picked = which.ravel()[order]
        for k in range(self.chunks):
            a, b = bounds[k], bounds[k + 1]
            if a == b:
                continue
            entries = np.empty(b - a, self.dtype)
            entries["row"] = resample[a:b]
            entries["article"] = article[a:b] - k * self.chunk
            entries["which"] = picked[a:b]
            if self.file is None:
                self.parts[k].append(entries)
            else:
                self.file.seek(0, 2)
                self.parts[k].append((self.file.tell(), len(entries)))
                self.file.write(entries.tobytes())

    def of(self, k: int) -> Iterator[np.ndarray]:
        """Chunk ``k``'s draws, in resample order, a block of resamples at a time."""
        for part in self.parts[k]:
            if self.file is None:
                yield part
                continue
            offset, count = part
            self.file.seek(offset)
            yield np.frombuffer(self.file.read(count * self.dtype.itemsize), dtype=self.dtype)


def _one_blas_thread():
    """A context in which BLAS runs on one thread: the bootstrap's matrix products are small
    (resamples x sentences by sentences x families), and more threads only spin (at 1,600 articles
    they cost 1.5 CPU s more, for no less wall time). Without threadpoolctl (installed with
    scikit-learn), BLAS is left as it is."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _generator(state: Mapping[str, Any]) -> np.random.Generator:
    """A generator resumed at a saved ``bit_generator.state``."""
    bits = getattr(np.random, state["bit_generator"])()
    bits.state = state
    return np.random.Generator(bits)


def _sentence_resamples(articles: Sequence[ArticleCounts], first: int, last: int, rng: np.random.Generator,
                        resamples: int, families: int) -> np.ndarray:
    """Stage 2 of articles ``first``..``last - 1``: each one's sentence resamples, summed
    (articles x resamples x families + 1: the counts, then the words)."""
    sums = np.empty((last - first, resamples, families + 1))
    for i in range(first, last):
        article = articles[i]
        n = len(article.words)
        if n == 0:
            sums[i - first] = 0.0
            continue
        picks = rng.integers(0, n, size=(resamples, n))
        # How often each resample drew each sentence, then one matrix product: the same sums as
        # article.counts[picks].sum(axis=1) without a resamples x sentences x families array.
        drawn = np.bincount((picks + n * np.arange(resamples)[:, None]).ravel(),
                            minlength=resamples * n).reshape(resamples, n).astype(float)
        sums[i - first] = drawn @ np.column_stack([article.counts, article.words])
    return sums


def _picked_sums(rows: np.ndarray, picks: np.ndarray) -> np.ndarray:
    """Per line of ``picks``, the sum of the ``rows`` it names (with repeats), as one sparse product:
    the same sums as ``rows[picks].sum(axis=1)`` without a picks x columns array between."""
    width = picks.shape[1]
    return np.asarray(_selection(picks.ravel(), np.arange(0, picks.size + 1, width), len(rows)) @ rows)


def _selection(picks: np.ndarray, starts: np.ndarray, width: int):
    """A sparse 0/1 matrix with one line per resample, whose line ``r`` counts the rows
    ``picks[starts[r]:starts[r + 1]]``: its product with those rows sums them (exactly, for whole
    counts)."""
    from scipy.sparse import csr_matrix

    return csr_matrix((np.ones(len(picks)), picks, starts), shape=(len(starts) - 1, width))


def _rates(counts: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Rates per 1,000 words of bootstrap sums; 0 where a resample drew no words."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(words[:, None] > 0, 1000.0 * counts / words[:, None], 0.0)


def interval(samples: np.ndarray, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Percentile interval of bootstrap ``samples``."""
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(samples, [tail, 1.0 - tail])
    return float(low), float(high)


def bootstrap_p_value(differences: np.ndarray) -> float:
    """Two-sided p-value of "no difference" from bootstrap samples of a difference: twice the
    smaller share of samples on either side of zero, counted with the +1 of Davison & Hinkley (1997).

    >>> bootstrap_p_value(np.array([1.0, 2.0, 3.0])) < bootstrap_p_value(np.array([-1.0, 2.0, 3.0]))
    True
    """
    n = len(differences)
    tail = min(int((differences <= 0).sum()), int((differences >= 0).sum()))
    return min(1.0, 2.0 * (tail + 1) / (n + 1))


def benjamini_hochberg(p_values: list[float]) -> list[float]:
    """Benjamini & Hochberg (1995) q-values: the false discovery rate at which each test is rejected.

    >>> [round(q, 4) for q in benjamini_hochberg([0.01, 0.04, 0.03, 0.5])]
    [0.04, 0.0533, 0.0533, 0.5]
    """
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * m / rank)
        q[i] = min(1.0, running)
    return q


def z_scores(values: list[float]) -> list[float | None]:
    """Standard scores against the mean of ``values``; ``None`` when they do not vary."""
    if len(values) < 2:
        return [None] * len(values)
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    return [None if sd == 0 else (v - mean) / sd for v in values]


def ranks(values: list[float]) -> list[int]:
    """Rank 1 for the largest value; ties share the best rank."""
    ordered = sorted(values, reverse=True)
    return [ordered.index(v) + 1 for v in values]


def log_odds_dirichlet(group: Mapping[str, int], rest: Mapping[str, int], prior: Mapping[str, float],
                       prior_total: float, rest_total: int | None = None) -> dict[str, tuple[float, float]]:
    """Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior.

    Returns ``{word: (delta, z)}``: the log-odds of the word in ``group``
    against ``rest``, shrunk toward the background ``prior`` (pseudo-counts
    summing to ``prior_total``), and its z-score ``delta / sqrt(variance)``.
    ``rest_total`` is the sum of ``rest``'s counts when ``rest`` holds only the words scored.

    >>> scores = log_odds_dirichlet({"regime": 5, "the": 50}, {"government": 6, "the": 60},
    ...                             {"regime": 0.5, "government": 0.6, "the": 11.0}, 12.1)
    >>> scores["regime"][1] > 1 > abs(scores["the"][1])
    True
    """
    n_group = sum(group.values())
    n_rest = sum(rest.values()) if rest_total is None else rest_total
    out = {}
    for word, alpha in prior.items():
        y_i = group.get(word, 0)
        y_j = rest.get(word, 0)
        delta = (math.log((y_i + alpha) / (n_group + prior_total - y_i - alpha))
                 - math.log((y_j + alpha) / (n_rest + prior_total - y_j - alpha)))
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        out[word] = (delta, delta / math.sqrt(variance))
    return out
