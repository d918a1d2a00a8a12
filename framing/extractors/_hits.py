"""Turning lexicon hits into evidence, shared by the extractors."""
from __future__ import annotations

from typing import Iterable

from .context import last_word_before
from ..document import Document, Hit
from ..evidence import Evidence, new_tuple

# Lexicon families of how a thing is said ("According", "reportedly", "regime"): the rules that
# look at "a lexicon word" near a cue (a label before a colon, words that cannot be part of a
# source's name) look at these only. Terms of the topical families (frame: "FBI", "Trump") and
# of persuasion ("l'ONU") are often names, and must not change what the attribution rules find.
STYLE_FAMILIES = frozenset({"attribution_cue", "hedge", "booster", "factive", "source_noun", "loaded"})


def hits_of(document: Document, family: str) -> tuple[Hit, ...]:
    """The document's hits of one lexicon family, in text order."""
    return document.hits_by_family.get(family, ())


def to_evidence(document: Document, hit: Hit, *, family: str | None = None, category: str | None = None,
                speaker: str | None = None) -> Evidence:
    """Evidence for ``hit``; ``family`` and ``category`` default to the entry's."""
    start, end, entry, voice, sentence = hit
    # tuple.__new__ with every field in Evidence's order: a third of the time of Evidence(...).
    return new_tuple(Evidence, (family or entry.family, entry.id, document.text[start:end], start, end, voice,
                                 sentence, category or entry.category, None, None, entry.lexicon, entry.term,
                                 speaker, None, None, None))


def by_sentence(hits: Iterable[Hit]) -> dict[int, list[Hit]]:
    """Hits grouped by sentence, so that overlap checks stay within one sentence."""
    grouped: dict[int, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(hit.sentence, []).append(hit)
    return grouped


def covered_by_longer(hit: Hit, others: dict[int, list[Hit]]) -> bool:
    """Whether a longer hit of another family covers ``hit`` ("no doubt" covers "doubt")."""
    return any(o.start <= hit.start and hit.end <= o.end and (o.end - o.start) > (hit.end - hit.start)
               for o in others.get(hit.sentence, ()))


def overlaps_any(hit: Hit, others: dict[int, list[Hit]]) -> bool:
    """Whether ``hit`` overlaps a hit of ``others`` in its sentence."""
    return any(o.start < hit.end and hit.start < o.end for o in others.get(hit.sentence, ()))


def after_determiner(document: Document, hit: Hit) -> bool:
    """Whether a determiner or possessive stands right before ``hit``, only spaces between:
    then a verb cue is a noun ("the suspect", "his claims", "a TV show"). Not across
    punctuation: in "“... never trusted her,” said Stone" the verb is a verb."""
    text = document.text
    i = hit.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0 or not text[i - 1].isalnum():
        return False
    before = last_word_before(document, hit)
    return before is not None and before.lower() in document.wordlist("grammar.determiner")
