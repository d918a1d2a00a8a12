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

German writes a compound as one word, and a determinative compound means what
its last part means: "Kriegspropaganda" is propaganda. Words that end in a
head of ``grammar.compound_head`` (loaded nouns that end no common neutral
word) count too, category ``compound``.
"""
from __future__ import annotations

import re
from operator import attrgetter

from ..document import Document
from ..evidence import Evidence
from ..lexicon import DISTRACTOR
from ._hits import after_determiner, hits_of, to_evidence

DISTANCING_VERB = "distancing_verb"
COMPOUND = "compound"
# A compound has at least this many letters before its head ("Medien|hetze"), so the head alone never counts twice.
_MIN_MODIFIER = 3
_CAPITALISED_WORD = re.compile(r"\b[^\W\d_][^\W_]*\b")


def extract_loaded(document: Document) -> list[Evidence]:
    """Every ``loaded`` lexicon hit, distancing reporting verbs (category ``distancing_verb``)
    and compounds ending in a loaded head (category ``compound``)."""
    found = [to_evidence(document, hit) for hit in hits_of(document, "loaded") if hit.entry.category != DISTRACTOR]
    found += [to_evidence(document, hit, family="loaded", category=DISTANCING_VERB)
              for hit in hits_of(document, "attribution_cue")
              if hit.entry.category == "distancing" and not after_determiner(document, hit)]
    found += _compounds(document, found)
    return sorted(found, key=attrgetter("start", "end"))


def _compounds(document: Document, found: list[Evidence]) -> list[Evidence]:
    """Capitalised words of the body that end in a compound head, outside other loaded evidence."""
    heads = document.affixes("grammar.compound_head")
    if not heads:
        return []
    shortest = min(map(len, heads)) + _MIN_MODIFIER
    taken = {(e.start, e.end) for e in found}
    text = document.text
    compounds = []
    for start, end in document.layout.body:
        for word in _CAPITALISED_WORD.finditer(text, start, end):
            token = word.group()
            if len(token) < shortest or not token[0].isupper():
                continue
            lower = token.lower()
            head = max((h for h in heads if lower.endswith(h)), key=len, default=None)
            if head is None or len(lower) - len(head) < _MIN_MODIFIER or (word.start(), word.end()) in taken:
                continue
            compounds.append(Evidence("loaded", f"compound_head.{head}", token, word.start(), word.end(),
                                      document.voice_at(word.start()), document.sentence_at(word.start()),
                                      category=COMPOUND, lexicon=f"grammar/{document.language.code}", term=f"-{head}"))
    return compounds
