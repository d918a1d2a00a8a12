"""The unit every score is built from: a span of the original text and why it counts."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any, NamedTuple


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


class EvidenceTuple(tuple):
    """A profile's evidence: reads as a tuple of ``Evidence``, stores each item as a plain tuple.

    A caller keeps profiles, and with them about ninety evidence items each. CPython's
    cyclic garbage collector stops tracking a plain tuple of strings and numbers at the
    first collection that meets it, but never a named tuple, so every later collection
    would scan every kept item again (issue 16: the collector's time after ``score_many``
    fell by about 40% for a caller keeping its profiles). Items are made ``Evidence`` as
    they are read; equality, hashing, ``in``, ``count`` and ``index`` compare values, as
    they did, and slices are ``EvidenceTuple`` too.
    """

    __slots__ = ()

    def __new__(cls, items: Iterable[Evidence | tuple] = ()) -> EvidenceTuple:
        return tuple.__new__(cls, map(_PLAIN, items))

    def __iter__(self) -> Iterator[Evidence]:
        return map(_make_evidence, tuple.__iter__(self))

    def __getitem__(self, index):  # type: ignore[override]
        item = tuple.__getitem__(self, index)
        if isinstance(index, slice):
            return tuple.__new__(EvidenceTuple, item)
        return tuple.__new__(Evidence, item)

    def __reversed__(self) -> Iterator[Evidence]:
        return map(_make_evidence, tuple.__getitem__(self, slice(None, None, -1)))

    def __add__(self, other):  # type: ignore[override]
        return EvidenceTuple((*tuple.__iter__(self), *other))

    def __radd__(self, other):
        return EvidenceTuple((*other, *tuple.__iter__(self)))

    def __repr__(self) -> str:
        return repr(tuple(self))


def evidence_dicts(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    """Each item's ``Evidence.to_dict``; from an ``EvidenceTuple``, read from the stored
    tuples without making ``Evidence`` of them."""
    return list(map(_evidence_dict, tuple.__iter__(items)))


# A whole slice of a named tuple is a plain tuple copied in C (twice as fast as tuple()),
# and of a plain tuple, the tuple itself.
_PLAIN = itemgetter(slice(None))


def _make_evidence(row: tuple) -> Evidence:
    return tuple.__new__(Evidence, row)


_evidence_dict = Evidence.to_dict  # unpacks its argument as a tuple: a stored row will do
