"""Per-sentence counts of many articles, packed: what the bootstrap of a group needs of its articles.

A comparison of 100,000 articles cannot keep every profile, nor a dense sentences x
families matrix per article. Each article is kept as its words per sentence and the
(sentence, column) cell of each counted piece of evidence, in flat integer arrays, and
unpacked into ``stats.ArticleCounts`` only when the bootstrap reads it.
"""
from __future__ import annotations

from array import array
from typing import Iterable, Sequence

import numpy as np

from .stats import ArticleCounts


class PackedCounts(Sequence[ArticleCounts]):
    """A growing sequence of articles' ``ArticleCounts`` of ``columns`` columns, packed.

    >>> packed = PackedCounts(2)
    >>> packed.append([5, 7], [(0, 1), (0, 1), (1, 0)])
    >>> packed[0].counts.tolist(), packed[0].words.tolist()
    ([[0.0, 2.0], [1.0, 0.0]], [5.0, 7.0])
    """

    def __init__(self, columns: int):
        self.columns = columns
        self._words = array("i")  # words (or weights) of every sentence, article after article
        self._sentences = array("q", [0])  # where each article's sentences start in _words
        self._cells = array("i")  # sentence * columns + column of each count, article after article
        self._starts = array("q", [0])  # where each article's cells start in _cells

    def append(self, words: Iterable[int], cells: Iterable[tuple[int, int]]) -> None:
        """One article: words per sentence, and one ``(sentence, column)`` per unit counted."""
        self._words.extend(words)
        self._sentences.append(len(self._words))
        self._cells.extend(row * self.columns + column for row, column in cells)
        self._starts.append(len(self._cells))

    def __len__(self) -> int:
        return len(self._sentences) - 1

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        words = np.asarray(self._words[self._sentences[index]:self._sentences[index + 1]], dtype=float)
        cells = np.asarray(self._cells[self._starts[index]:self._starts[index + 1]], dtype=np.int64)
        counts = np.bincount(cells, minlength=len(words) * self.columns).astype(float)
        return ArticleCounts(counts.reshape(len(words), self.columns), words)
