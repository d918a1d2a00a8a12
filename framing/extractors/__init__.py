"""Extractors: one pure function per feature family, ``(document) -> list[Evidence]``.

``EXTRACTORS`` is the registry the scorer runs, in order; a new family adds a
module here and one line to the dict. ``DERIVED_EXTRACTORS`` run after them and
also receive the evidence found so far, ``(document, evidence) -> list[Evidence]``:
families built on other families' evidence (persuasion techniques from loaded
words, hedges, boosters and attributions).
"""
from __future__ import annotations

from typing import Callable, Sequence

from ..document import Document
from ..evidence import Evidence
from .attribution import extract_attribution
from .certainty import extract_boosters, extract_factives
from .frame import extract_frames
from .hedge import extract_hedges
from .loaded import extract_loaded
from .naming import extract_naming
from .persuasion import extract_persuasion
from .scare_quote import extract_scare_quotes

Extractor = Callable[[Document], list[Evidence]]

EXTRACTORS: dict[str, Extractor] = {
    "naming": extract_naming,
    "hedge": extract_hedges,
    "booster": extract_boosters,
    "factive": extract_factives,
    "attribution": extract_attribution,
    "scare_quote": extract_scare_quotes,
    "loaded": extract_loaded,
    "frame": extract_frames,
}

DerivedExtractor = Callable[[Document, Sequence[Evidence]], list[Evidence]]

DERIVED_EXTRACTORS: dict[str, DerivedExtractor] = {
    "persuasion": extract_persuasion,
}

# Plain extractors whose evidence no derived extractor reads: generic frames are topical cues,
# not devices of style. The scorer runs them after the derived ones, which then do not walk
# some forty frame items per article for nothing; profiles order evidence by position, so
# when an extractor runs changes nothing in them.
AFTER_DERIVED: frozenset[str] = frozenset({"frame"})

__all__ = ["AFTER_DERIVED", "DERIVED_EXTRACTORS", "EXTRACTORS", "DerivedExtractor", "Extractor"]
