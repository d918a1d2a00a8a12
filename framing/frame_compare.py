"""Frame shares of a group of articles, with bootstrap intervals, for ``compare``.

A group's share of a frame is its own-voice evidence of that frame over all its
own-voice frame evidence, pooled over the group's articles; the 95% interval comes
from resampling the group's articles. ``present`` counts the articles whose
``frames.<id>.present`` holds. Profiles without a ``frames`` section (stored before
frames existed) count no evidence.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

import numpy as np

from .frame_ids import FRAME_FAMILY, FRAME_IDS
from .stats import DEFAULT_RESAMPLES, interval

CUE_WORDS = 5


def frame_share_samples(profiles: Sequence[Mapping[str, Any]], *, resamples: int = DEFAULT_RESAMPLES,
                        seed: int | tuple[int, ...] = 0) -> tuple[np.ndarray, np.ndarray] | None:
    """The pooled share of each frame (``FRAME_IDS`` order) and ``resamples`` x frames bootstrap
    samples of it, articles resampled; None when the group has no own-voice frame evidence."""
    counts = np.array([[float(((p.get("frames") or {}).get(f) or {}).get("unquoted", 0)) for f in FRAME_IDS]
                       for p in profiles]).reshape(len(profiles), len(FRAME_IDS))
    total = counts.sum()
    if not total:
        return None
    rng = np.random.default_rng(seed)
    draws = counts[rng.integers(0, len(profiles), size=(resamples, len(profiles)))].sum(axis=1)
    sums = draws.sum(axis=1, keepdims=True)
    return counts.sum(axis=0) / total, np.divide(draws, sums, out=np.zeros_like(draws), where=sums > 0)


def frame_shares(profiles: Sequence[Mapping[str, Any]],
                 samples: tuple[np.ndarray, np.ndarray] | None = None) -> dict[str, Any]:
    """Per frame ``share`` (None when the group has no own-voice frame evidence), ``ci``,
    ``present`` (articles) and ``cues`` (the group's commonest own-voice cue words of the
    frame, what a reader opens to see why), and the group's ``primary_frame``; ``samples``
    from ``frame_share_samples``.

    >>> frame_shares([])["primary_frame"] is None
    True
    """
    present = [sum(1 for p in profiles if ((p.get("frames") or {}).get(f) or {}).get("present")) for f in FRAME_IDS]
    cues = _cue_words(profiles)
    if samples is None:
        return {"frames": {f: {"share": None, "ci": [None, None], "present": n, "cues": cues.get(f, [])}
                           for f, n in zip(FRAME_IDS, present)}, "primary_frame": None}
    shares, draws = samples
    frames = {}
    for k, frame in enumerate(FRAME_IDS):
        low, high = interval(draws[:, k])
        frames[frame] = {"share": float(shares[k]), "ci": [low, high], "present": present[k],
                         "cues": cues.get(frame, [])}
    return {"frames": frames, "primary_frame": FRAME_IDS[int(np.argmax(shares))]}


def _cue_words(profiles: Sequence[Mapping[str, Any]], top: int = CUE_WORDS) -> dict[str, list[list[Any]]]:
    """Per frame, the commonest own-voice cue words of the group's frame evidence, ``[word, count]``."""
    counts: dict[str, Counter[str]] = {}
    for p in profiles:
        for e in p.get("evidence", ()):
            if e.get("family") == FRAME_FAMILY and e.get("voice") == "unquoted" and e.get("frame"):
                counts.setdefault(e["frame"], Counter())[str(e.get("text", "")).lower()] += 1
    return {frame: [[word, n] for word, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
            for frame, c in counts.items()}
