"""Frame shares of a group of articles, with bootstrap intervals, for ``compare``.

A group's share of a frame is its own-voice evidence of that frame over all its
own-voice frame evidence, pooled over the group's articles; the 95% interval comes
from resampling the group's articles and the sentences within each. ``present`` counts the articles whose
``frames.<id>.present`` holds. Profiles without a ``frames`` section (stored before
frames existed) count no evidence.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

import numpy as np

from ..frames.ids import FRAME_FAMILY, FRAME_IDS
from .stats import DEFAULT_RESAMPLES, ArticleCounts, bootstrap_rates, interval, pooled_rates

CUE_WORDS = 5
_FRAME_COLUMN = {frame: k for k, frame in enumerate(FRAME_IDS)}


def frame_share_samples(profiles: Sequence[Mapping[str, Any]], *, resamples: int = DEFAULT_RESAMPLES,
                        seed: int | tuple[int, ...] = 0) -> tuple[np.ndarray, np.ndarray] | None:
    """The pooled share of each frame (``FRAME_IDS`` order) and ``resamples`` x frames bootstrap
    samples of it; None when the group has no own-voice frame evidence.

    The same two-stage bootstrap as rates (``stats.bootstrap_rates``): articles resampled within
    the group, sentences within each article, so that one article's shares are not taken for
    certainty. A share is a rate whose denominator is the frame evidence rather than the words.
    """
    return share_samples([_sentence_counts(p) for p in profiles], resamples=resamples, seed=seed)


def share_samples(articles: Sequence[ArticleCounts], *, resamples: int = DEFAULT_RESAMPLES,
                  seed: int | tuple[int, ...] = 0) -> tuple[np.ndarray, np.ndarray] | None:
    """``frame_share_samples`` of the articles' own-voice frame counts per sentence (each
    sentence's total as its 'words', see ``frame_cells``)."""
    if not len(articles) or not any(a.words.sum() for a in articles):
        return None
    shares = pooled_rates(articles) / 1000.0
    samples = bootstrap_rates(articles, resamples=resamples, seed=seed) / 1000.0
    # A resample that drew no frame evidence at all has no shares (not shares of zero): it is
    # replaced by a draw among the others, so every group keeps ``resamples`` rows to compare.
    valid = samples[samples.sum(axis=1) > 0]
    if len(valid) == len(samples):
        return shares, samples
    if not len(valid):
        return shares, np.tile(shares, (resamples, 1))
    refill = np.random.default_rng(seed).integers(0, len(valid), size=resamples)
    return shares, valid[refill]


def frame_cells(profile: Mapping[str, Any]) -> tuple[int, list[tuple[int, int]]]:
    """The number of body sentences (at least one) and a ``(sentence, frame column)`` cell per
    piece of own-voice frame evidence of one profile."""
    rows = len(profile.get("sentence_spans") or [[0, 0, 0]])
    column = _FRAME_COLUMN
    cells = []
    for e in profile.get("evidence", ()):
        if e.get("family") == FRAME_FAMILY and e.get("voice") == "unquoted" and e.get("frame") in column:
            row = e.get("sentence", -1)
            cells.append((row if 0 <= row < rows else 0, column[e["frame"]]))
    return rows, cells


def _sentence_counts(profile: Mapping[str, Any]) -> ArticleCounts:
    """Own-voice frame evidence per body sentence and frame, with each sentence's total as its 'words'."""
    rows, cells = frame_cells(profile)
    counts = np.zeros((rows, len(FRAME_IDS)))
    for row, col in cells:
        counts[row, col] += 1
    return ArticleCounts(counts, counts.sum(axis=1))


def frame_shares(profiles: Sequence[Mapping[str, Any]],
                 samples: tuple[np.ndarray, np.ndarray] | None = None) -> dict[str, Any]:
    """Per frame ``share`` (None when the group has no own-voice frame evidence), ``ci``,
    ``present`` (articles) and ``cues`` (the group's commonest own-voice cue words of the
    frame, what a reader opens to see why), and the group's ``primary_frame``; ``samples``
    from ``frame_share_samples``.

    >>> frame_shares([])["primary_frame"] is None
    True
    """
    present = [sum(column) for column in zip(*(frames_present(p) for p in profiles))] or [0] * len(FRAME_IDS)
    cues: dict[str, Counter[str]] = {}
    for p in profiles:
        count_cues(p, cues)
    return shares_of(present, cues, samples)


def frames_present(profile: Mapping[str, Any]) -> list[bool]:
    """Per frame (``FRAME_IDS`` order) whether the profile's ``frames.<id>.present`` holds."""
    return [bool(((profile.get("frames") or {}).get(f) or {}).get("present")) for f in FRAME_IDS]


def count_cues(profile: Mapping[str, Any], counts: dict[str, Counter[str]]) -> None:
    """Add one profile's own-voice frame cue words (lower case) to ``counts`` per frame."""
    for e in profile.get("evidence", ()):
        if e.get("family") == FRAME_FAMILY and e.get("voice") == "unquoted" and e.get("frame"):
            counts.setdefault(e["frame"], Counter())[str(e.get("text", "")).lower()] += 1


def shares_of(present: Sequence[int], cues: Mapping[str, Counter[str]],
              samples: tuple[np.ndarray, np.ndarray] | None) -> dict[str, Any]:
    """``frame_shares`` from a group's articles per frame present, cue word counts and samples."""
    top = _cue_words(cues)
    if samples is None:
        return {"frames": {f: {"share": None, "ci": [None, None], "present": n, "cues": top.get(f, [])}
                           for f, n in zip(FRAME_IDS, present)}, "primary_frame": None}
    shares, draws = samples
    frames = {}
    for k, frame in enumerate(FRAME_IDS):
        low, high = interval(draws[:, k])
        frames[frame] = {"share": float(shares[k]), "ci": [low, high], "present": present[k],
                         "cues": top.get(frame, [])}
    return {"frames": frames, "primary_frame": FRAME_IDS[int(np.argmax(shares))]}


def _cue_words(counts: Mapping[str, Counter[str]], top: int = CUE_WORDS) -> dict[str, list[list[Any]]]:
    """Per frame, the commonest own-voice cue words of the group's frame evidence, ``[word, count]``."""
    return {frame: [[word, n] for word, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
            for frame, c in counts.items()}
