"""The unit every score is built from: a span of the original text and why it counts."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """One matched span. ``original[start:end] == text`` always holds.

    ``voice`` is ``"quoted"`` when the span stands inside quotation marks,
    ``"unquoted"`` when it is the outlet's own words.
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

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON; fields that do not apply are left out."""
        return {name: value for name in _FIELD_NAMES if (value := getattr(self, name)) is not None}


_FIELD_NAMES = tuple(f.name for f in fields(Evidence))
