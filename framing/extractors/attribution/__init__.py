"""Attribution: who the outlet says its information comes from, and how it says so.

The work is split by question, one module each:

- ``cues``: which words and conventions attribute ("said", "according to",
  a colon before a quotation), each with a stance (``neutral`` "said",
  ``distancing`` "claimed", ``endorsing`` "revealed");
- ``nesting``: which cues stand inside another attribution's content (nested attributions);
- ``sources``: who or what each cue attributes to, typed ``named_person``,
  ``named_organisation``, ``place``, ``government``, ``nationality``,
  ``document``, ``anonymous``, ``vague`` or ``pronoun``.

This module puts them together: cues, their sources (anonymous source nouns
anywhere in an attributed sentence count too, "it is learnt from a source"),
and every quotation with its speaker where one can be attached.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from ...document import QUOTED, Document
from ...evidence import Evidence, new_tuple
from .cues import attribution_cues
from .nesting import mark_embedded
from .sources import Source, caseless_subjects, cue_windows, source_candidates, source_for


_START = attrgetter("start")


def extract_attribution(document: Document) -> list[Evidence]:
    """Cues, their sources, and every quotation with its speaker where one can be attached.

    A quotation's speaker is the source of the nearest cue in its sentence.
    """
    cues = mark_embedded(document, attribution_cues(document))
    candidates = source_candidates(document, cue_windows(document, cues))
    candidates = sorted(candidates + caseless_subjects(document, cues, candidates), key=_START)
    by_sentence: dict[int, list[Source]] = {}
    for source in candidates:
        by_sentence.setdefault(source.sentence, []).append(source)
    chosen: dict[tuple[int, int], Source] = {}
    cues_by_sentence: dict[int, list[tuple[Evidence, Source | None]]] = {}
    starts = {sentence: [s.start for s in same] for sentence, same in by_sentence.items()}
    for cue in cues:
        found = source_for(document, cue, by_sentence.get(cue.sentence, []), starts.get(cue.sentence, []))
        cues_by_sentence.setdefault(cue.sentence, []).append((cue, found))
        if found is not None:
            chosen[(found.start, found.end)] = found
    for source in candidates:
        if source.kind == "anonymous" and source.sentence in cues_by_sentence:
            chosen[(source.start, source.end)] = source
    text = document.text
    # tuple.__new__ with every field in Evidence's order (family, entry, text, start, end, voice,
    # sentence, category, then eight more): a third of the time of Evidence(...).
    sources = [new_tuple(Evidence, ("source", s.entry, text[s.start:s.end], s.start, s.end, s.voice, s.sentence,
                                     s.kind, None, None, None, None, None, None, None, None))
               for s in sorted(chosen.values(), key=_START)]
    speakers = {sentence: _by_start([(c.start, s) for c, s in attributed if s is not None])
                for sentence, attributed in cues_by_sentence.items()}
    quotations = []
    for q in document.quotations:
        if q.depth != 1:
            continue
        sentence = document.sentence_at(q.start)
        attributed = cues_by_sentence.get(sentence, [])
        speaker = _nearest(speakers.get(sentence), q.start)
        quotations.append(new_tuple(Evidence, (
            "quotation", "quotation.closed" if q.closed else "quotation.unclosed", q.text, q.start, q.end,
            QUOTED, sentence, "direct" if attributed else "unattributed", None, None, None, None,
            text[speaker.start:speaker.end] if speaker else None, None, None, None)))
    return cues + sources + quotations


def _by_start(cues: list[tuple[int, Source]]) -> tuple[list[int], list[Source]] | None:
    """Cue starts in order and the source of each: a table for ``_nearest``."""
    if not cues:
        return None
    cues.sort(key=lambda t: t[0])
    return [start for start, _ in cues], [source for _, source in cues]


def _nearest(table: tuple[list[int], list[Source]] | None, offset: int) -> Source | None:
    """The source of the cue starting nearest ``offset`` (the earlier one on a tie), found by
    bisection: sorting a long sentence's cues anew for each of its quotations was cubic."""
    if table is None:
        return None
    starts, sources = table
    k = bisect_left(starts, offset)
    # The nearest cue is the last one before ``offset`` or the first at or after it; among
    # equal starts the first one listed, as the stable sort of the cues had it.
    candidates = []
    if k > 0:
        before = bisect_left(starts, starts[k - 1])
        candidates.append((offset - starts[before], starts[before], before))
    if k < len(starts):
        candidates.append((starts[k] - offset, starts[k], k))
    return sources[min(candidates)[2]]
