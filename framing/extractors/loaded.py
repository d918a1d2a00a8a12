"""Loaded language: contested labels for actors ("regime" where others write
"government"), strongly subjective words, and distancing reporting verbs.

The first two come from the ``loaded`` lexicon, whose ``distractor`` entries
are phrases in which a label word has its neutral sense ("tax regime", Arabic
"hifz al-nizam", keeping order): matched leftmost-longest, they take the word
out of the count. The third are the
``attribution_cue`` entries whose stance is ``distancing`` ("claimed",
"insisted"): Wikipedia's Manual of Style ("Words to watch: said, claimed")
and Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013) count them among
the words that carry a writer's bias, so they are loaded language as well as
attribution cues; the word list stays in one lexicon.
"""
from __future__ import annotations

from operator import attrgetter

from ..document import Document
from ..evidence import Evidence
from ..lexicon import DISTRACTOR
from ._hits import after_determiner, hits_of, to_evidence

DISTANCING_VERB = "distancing_verb"


def extract_loaded(document: Document) -> list[Evidence]:
    """Every ``loaded`` lexicon hit, and distancing reporting verbs (category ``distancing_verb``)."""
    found = [to_evidence(document, hit) for hit in hits_of(document, "loaded") if hit.entry.category != DISTRACTOR]
    found += [to_evidence(document, hit, family="loaded", category=DISTANCING_VERB)
              for hit in hits_of(document, "attribution_cue")
              if hit.entry.category == "distancing" and not after_determiner(document, hit)]
    return sorted(found, key=attrgetter("start", "end"))
