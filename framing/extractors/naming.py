"""Contested naming: which variant of a disputed name the article uses, and in whose voice."""
from __future__ import annotations

from ..document import Document
from ..evidence import Evidence
from ..lexicon import DISTRACTOR
from ._hits import hits_of


def extract_naming(document: Document) -> list[Evidence]:
    """One evidence item per naming-axis mention in the body; distractors are skipped.

    Distractors ("Algerian Sahara", "chicken Kiev") are matched only so that
    leftmost-longest matching keeps them from counting as the shorter term.
    """
    text = document.text
    return [
        Evidence("naming", hit.entry.id, text[hit.start:hit.end], hit.start, hit.end, hit.voice,
                 hit.sentence, category=hit.entry.category, axis=hit.entry.axis,
                 position=hit.entry.position, lexicon=hit.entry.lexicon, term=hit.entry.term)
        for hit in hits_of(document, "naming")
        if hit.entry.category != DISTRACTOR
    ]
