"""The unit every score is built from: a span of the original text and why it counts."""
from __future__ import annotations

from typing import Any, NamedTuple


# Hot paths build named tuples (``Evidence``, matches, hits, sources) as
# ``new_tuple(Cls, (every field, in the class's order))``: it skips the Python-level
# ``__new__`` that ``NamedTuple`` generates and takes a third of the time of ``Cls(...)``
# with keywords, for the many made per article. The fields must be given complete and in
# order; ``tests/test_evidence_order.py`` holds ``Evidence``'s order fixed.
new_tuple = tuple.__new__


class Evidence(NamedTuple):
    """One matched span. ``original[start:end] == text`` always holds.

    ``voice`` is ``"quoted"`` when the span stands inside quotation marks,
    ``"unquoted"`` when it is the outlet's own words.

    ``embedded`` (attribution cues only) says that the cue stands inside the
    content of another attribution: ``"quotation"`` inside quoted words,
    ``"clause"`` inside the clause reported by an earlier cue of its sentence
    ("X said Y *wants* ..."). It is None (left out of ``to_dict``) for a
    top-level cue, an attribution the outlet itself makes.

    ``frame`` (family ``frame``) names the generic frame of the Policy Frames
    Codebook a span cues; ``technique`` (family ``persuasion``) the persuasion
    technique, named as in SemEval-2023 Task 3.

    A named tuple: immutable and hashable like a frozen dataclass, and built
    in a third of the time; an article yields about fifty.
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
    frame: str | None = None
    technique: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON; fields that do not apply are left out.

        Written out field by field: a batch turns tens of evidence items per
        article into dicts, and a loop over ``fields()`` took five times longer.
        """
        (family, entry, text, start, end, voice, sentence, category, axis, position, lexicon, term, speaker,
         embedded, frame, technique) = self  # unpacked once: faster than an attribute read per field
        data: dict[str, Any] = {"family": family, "entry": entry, "text": text, "start": start, "end": end,
                                "voice": voice, "sentence": sentence}
        if category is not None:
            data["category"] = category
        if axis is not None:
            data["axis"] = axis
        if position is not None:
            data["position"] = position
        if lexicon is not None:
            data["lexicon"] = lexicon
        if term is not None:
            data["term"] = term
        if speaker is not None:
            data["speaker"] = speaker
        if embedded is not None:
            data["embedded"] = embedded
        if frame is not None:
            data["frame"] = frame
        if technique is not None:
            data["technique"] = technique
        return data
