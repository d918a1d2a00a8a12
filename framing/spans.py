"""Overlap tests against a set of spans in logarithmic time.

Extractors skip a match that overlaps one already taken. Scanning every taken
span for every match (``any(a < end and start < b for a, b in taken)``) is
quadratic in the number of matches, and one run-on sentence of a long article
holds thousands: these sets answer the same question by bisection.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from itertools import accumulate
from typing import Iterable


class SpanSet:
    """Spans ``(start, end)`` fixed at construction; ``overlaps`` asks whether any
    of them shares a character with ``[start, end)``.

    >>> spans = SpanSet([(0, 3), (10, 20)])
    >>> spans.overlaps(3, 10), spans.overlaps(2, 4), spans.overlaps(19, 30)
    (False, True, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        # The furthest end among the spans up to each position: a span overlaps
        # [start, end) iff it starts before ``end`` and ends after ``start``.
        self._reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start


class GrowingSpanSet:
    """Spans that do not overlap one another, added one at a time (``add`` only what
    ``overlaps`` refused), with the same question in logarithmic time.

    >>> taken = GrowingSpanSet()
    >>> taken.add(5, 9); taken.overlaps(0, 5), taken.overlaps(8, 12)
    (False, True)
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Disjoint spans sorted by start are sorted by end too: only the span starting
        # last before ``end`` can reach past ``start``.
        k = bisect_left(self._spans, (end, end)) - 1
        return k >= 0 and self._spans[k][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
