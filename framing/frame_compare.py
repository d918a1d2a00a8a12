"""Frame shares of a group of articles, with bootstrap intervals, for ``compare``.

A group's share of a frame is its own-voice evidence of that frame over all its
own-voice frame evidence, pooled over the group's articles; the 95% interval comes
from resampling the group's articles. ``present`` counts the articles whose
``frames.<id>.present`` holds. Profiles without a ``frames`` section (stored before
frames existed) count no evidence.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np

from .frame_ids import FRAME_IDS
from .stats import DEFAULT_RESAMPLES, interval


def frame_shares(profiles: Sequence[Mapping[str, Any]], *, resamples: int = DEFAULT_RESAMPLES,
                 seed: int | tuple[int, ...] = 0) -> dict[str, Any]:
    """Per frame ``share`` (None when the group has no own-voice frame evidence), ``ci`` and
    ``present`` (articles), and the group's ``primary_frame``.

    >>> frame_shares([])["primary_frame"] is None
    True
    """
    counts = np.array([[float(((p.get("frames") or {}).get(f) or {}).get("unquoted", 0)) for f in FRAME_IDS]
                       for p in profiles]).reshape(len(profiles), len(FRAME_IDS))
    present = [sum(1 for p in profiles if ((p.get("frames") or {}).get(f) or {}).get("present")) for f in FRAME_IDS]
    total = counts.sum()
    if not total:
        return {"frames": {f: {"share": None, "ci": [None, None], "present": n} for f, n in zip(FRAME_IDS, present)},
                "primary_frame": None}
    shares = counts.sum(axis=0) / total
    rng = np.random.default_rng(seed)
    draws = counts[rng.integers(0, len(profiles), size=(resamples, len(profiles)))].sum(axis=1)
    sums = draws.sum(axis=1, keepdims=True)
    samples = np.divide(draws, sums, out=np.zeros_like(draws), where=sums > 0)
    frames = {}
    for k, frame in enumerate(FRAME_IDS):
        low, high = interval(samples[:, k])
        frames[frame] = {"share": float(shares[k]), "ci": [low, high], "present": present[k]}
    return {"frames": frames, "primary_frame": FRAME_IDS[int(np.argmax(shares))]}
