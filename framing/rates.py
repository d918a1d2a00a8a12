"""The rate convention every profile section shares: counts per 1,000 body words.

A module of its own so that the profile and its sections (``frames.profile``) import it
at load time, where a function-level import from ``profile`` ran on every article.
"""
from __future__ import annotations

# Below this many body words a rate per 1,000 words says more about the length than about the
# writing ("Allegedly." would be 1,000 hedges per 1,000 words): the rate is null, with a note.
MIN_RATE_WORDS = 50


def rate_per_1000(count: int, words: int) -> float | None:
    """``count`` per 1,000 words; None for an article under ``MIN_RATE_WORDS`` words."""
    return 1000.0 * count / words if words >= MIN_RATE_WORDS else None
