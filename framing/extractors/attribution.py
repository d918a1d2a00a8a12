"""Attribution: who the outlet says its information comes from, and how it says so.

The work is split by question, one module each:

- ``cues``: which words and conventions attribute ("said", "according to",
  a colon before a quotation), each with a stance (``neutral`` "said",
  ``distancing`` "claimed", ``endorsing`` "revealed");
- ``embedding``: which cues stand inside another attribution's content;
- ``sources``: who or what each cue attributes to, typed ``named_person``,
  ``named_organisation``, ``document``, ``anonymous``, ``vague`` or ``pronoun``.

This module puts them together: cues, their sources (anonymous source nouns
anywhere in an attributed sentence count too, "it is learnt from a source"),
and every quotation with its speaker where one can be attached.
"""
from __future__ import annotations

from operator import attrgetter

from ..document import QUOTED, Document
from ..evidence import Evidence
from .cues import attribution_cues
from .embedding import mark_embedded
from .sources import Source, caseless_subjects, cue_windows, source_candidates, source_for


def extract_attribution(document: Document) -> list[Evidence]:
    """Cues, their sources, and every quotation with its speaker where one can be attached.

    A quotation's speaker is the source of the nearest cue in its sentence.
    """
    cues = mark_embedded(document, attribution_cues(document))
    candidates = source_candidates(document, cue_windows(document, cues))
    candidates = sorted(candidates + caseless_subjects(document, cues, candidates), key=attrgetter("start"))
    by_sentence: dict[int, list[Source]] = {}
    for source in candidates:
        by_sentence.setdefault(source.sentence, []).append(source)
    chosen: dict[tuple[int, int], Source] = {}
    cues_by_sentence: dict[int, list[tuple[Evidence, Source | None]]] = {}
    for cue in cues:
        found = source_for(document, cue, by_sentence.get(cue.sentence, []))
        cues_by_sentence.setdefault(cue.sentence, []).append((cue, found))
        if found is not None:
            chosen[(found.start, found.end)] = found
    for source in candidates:
        if source.kind == "anonymous" and source.sentence in cues_by_sentence:
            chosen[(source.start, source.end)] = source
    text = document.text
    sources = [Evidence("source", s.entry, text[s.start:s.end], s.start, s.end, s.voice, s.sentence,
                        category=s.kind)
               for s in sorted(chosen.values(), key=attrgetter("start"))]
    quotations = []
    for q in document.quotations:
        if q.depth != 1:
            continue
        sentence = document.sentence_at(q.start)
        attributed = cues_by_sentence.get(sentence, [])
        with_source = sorted(((abs(c.start - q.start), c.start, s) for c, s in attributed if s is not None),
                             key=lambda t: t[:2])
        speaker = with_source[0][2] if with_source else None
        quotations.append(Evidence(
            "quotation", "quotation.closed" if q.closed else "quotation.unclosed", q.text, q.start, q.end,
            QUOTED, sentence, category="direct" if attributed else "unattributed",
            speaker=text[speaker.start:speaker.end] if speaker else None))
    return cues + sources + quotations
