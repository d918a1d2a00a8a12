"""Confusion counts and span matching: one type for spans, word pairs and sentence labels."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Sequence


Span = tuple[tuple[int, int], ...]
"""A span as one or more (start, end) fragments; brat cues can be discontinuous."""


class Cue(NamedTuple):
    """A gold span with its label and surface text."""

    span: Span
    label: str
    text: str


@dataclass
class Tally:
    """Confusion counts; one type for spans, word pairs and sentence labels so every figure is computed alike."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    @property
    def n_gold(self) -> int:
        return self.tp + self.fn

    @property
    def n_pred(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return self.tp / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    @property
    def accuracy(self) -> float | None:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else None


class Match(NamedTuple):
    """Result of matching one item's gold spans with its predicted spans."""

    tally: Tally
    pairs: list[tuple[int, int]]   # (gold index, pred index)
    missed: list[int]              # gold indices left unmatched
    spurious: list[int]            # pred indices left unmatched


def overlaps(a: Span, b: Span) -> bool:
    """True if any fragment of ``a`` shares at least one character with any fragment of ``b``."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match_spans(gold: Sequence[Span], pred: Sequence[Span], *, exact: bool = False) -> Match:
    """One-to-one greedy matching of predicted to gold spans, left to right.

    Each gold span is matched at most once and each prediction at most once,
    so TP is the same number for precision and recall. With ``exact`` the
    fragments must be identical; otherwise any character overlap counts.
    """
    order_g = sorted(range(len(gold)), key=lambda i: gold[i])
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for p in sorted(range(len(pred)), key=lambda i: pred[i]):
        for g in order_g:
            if g in used:
                continue
            if (gold[g] == pred[p]) if exact else overlaps(gold[g], pred[p]):
                used.add(g)
                pairs.append((g, p))
                break
    matched_p = {p for _, p in pairs}
    missed = [g for g in range(len(gold)) if g not in used]
    spurious = [p for p in range(len(pred)) if p not in matched_p]
    return Match(Tally(tp=len(pairs), fp=len(spurious), fn=len(missed)), pairs, missed, spurious)


def binary_tally(gold: bool, pred: bool) -> Tally:
    """A one-item Tally for a yes/no decision (sentence-level figures)."""
    return Tally(tp=int(gold and pred), fp=int(pred and not gold), fn=int(gold and not pred),
                 tn=int(not gold and not pred))
