"""The unit every score is built from: a span of the original text and why it counts."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """One matched span. ``original[start:end] == text`` always holds.

    ``voice`` is ``"quoted"`` when the span stands inside quotation marks,
    ``"unquoted"`` when it is the outlet's own words.

    ``embedded`` (attribution cues only) says that the cue stands inside the
    content of another attribution: ``"quotation"`` inside quoted words,
    ``"clause"`` inside the clause reported by an earlier cue of its sentence
    ("X said Y *wants* ..."). It is None (left out of ``to_dict``) for a
    top-level cue, an attribution the outlet itself makes.
    """

    family: str
    entry: str
    text: str
    start: int
    end: int
    voice: str
    sentence: int
    category: str | None = None
    axis: str | None = None
    position: float | None = None
    lexicon: str | None = None
    term: str | None = None
    speaker: str | None = None
    embedded: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON; fields that do not apply are left out."""
        return {name: value for name in _FIELD_NAMES if (value := getattr(self, name)) is not None}


_FIELD_NAMES = tuple(f.name for f in fields(Evidence))
