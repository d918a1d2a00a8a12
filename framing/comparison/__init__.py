"""Comparing groups of scored articles: the ``compare`` step of read → score → compare → render.

``groups`` builds the ``framing.comparison/1`` record (rates, naming, frame shares, pairwise tests)
from profiles; ``stats`` holds the bootstrap and false-discovery arithmetic; ``distinctive`` the
vocabulary that sets a group apart; ``stories``, ``align``, ``claims`` and ``quantities`` group
articles into stories and set the same claim as told by different outlets side by side.
"""
from .groups import compare

__all__ = ["compare"]
