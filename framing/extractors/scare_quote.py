"""Scare quotes: a word or two set in quotation marks inside the outlet's own sentence.

Short quotations (one to three words) at the outer level signal distance
("Algeria ‘Encouraged’ attacks", "the terrorist “betrayed” the government").
Not scare quotes: names and titles ("Signed in Blood", «Sid»), quoted source
descriptions ("a very sensitive source"), and quotations introduced by a
colon, which are the source's words.

A short quotation in a sentence that attributes it (an attribution cue in the
same sentence: Trump "called the meeting 'productive'", the minister said
the plan was "unworkable") is the speaker's word quoted, not the writer's
distance: it is evidence of family ``partial_quote``. A speaker's: where a
document only "reveals" or "shows" it (the correspondence revealed that
Algeria "encouraged" attacks) the writer presents the content as fact and
marks the word alone, and the marks stay scare quotes; so do those after
"so-called".

Names are told by capitals. Two languages need more: German capitalises every
noun, so a single capitalised word with a noun-forming suffix (-ung, -nahme,
``grammar.common_noun_suffix``) is a common noun; Arabic has no capitals, so a
word in guillemets right after the noun of its class (حركة «حماس», the
movement "Hamas"; ``grammar.name_introducer``) is a name.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..document import UNQUOTED, Document
from ..evidence import Evidence
from ..lexicon import DISTRACTOR

ENDORSING = "endorsing"  # attribution cues that present the content as fact (revealed, showed)
from ..quotes import introducing_colon
from ._hits import hits_of

MAX_WORDS = 3
_LOOK_BEFORE = 40
_SO_CALLED_GAP = 3  # "so-called “experts”": the marks right after it
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")


def extract_scare_quotes(document: Document) -> list[Evidence]:
    """Short outer quotations that are neither names, source descriptions, nor colon quotes: scare
    quotes, or partial quotes when their sentence attributes them."""
    text = document.text
    particles = document.wordlist_union("grammar.name_particle", "grammar.title_function_word")
    source_starts = sorted((h.start, h.end) for h in hits_of(document, "source_noun"))
    document_sentences = {h.sentence for h in hits_of(document, "source_noun") if h.entry.category == "document"}
    cue_sentences = {h.sentence for h in hits_of(document, "attribution_cue")
                     if h.entry.category != DISTRACTOR
                     and not (h.entry.category == ENDORSING and h.sentence in document_sentences)}
    distancing_ends = {h.end for h in hits_of(document, "attribution_cue")
                       if h.entry.category == DISTRACTOR and text[h.start:h.end].lower().startswith("so")}
    lowercase_words: set[str] | None = None  # built on first need: one pass over the text
    found = []
    for q in document.quotations:
        words = _WORD.findall(q.text)
        if q.depth != 1 or not 1 <= len(words) <= MAX_WORDS:
            continue
        if _capitalised(words, particles):
            if len(words) > 1:
                continue  # a name or a title: "Signed in Blood"
            if lowercase_words is None:
                lowercase_words = {w for w in _WORD.findall(text) if w[:1].islower()}
            if words[0].lower() not in lowercase_words and not _common_noun(words[0], document):
                continue  # «Sid»: never written in lower case, so a name
        elif not any(ch.isupper() or ch.islower() for w in words for ch in w):
            before = _WORD.findall(text, max(0, q.start - _LOOK_BEFORE), q.start)
            if before and before[-1] in document.wordlist("grammar.name_introducer"):
                continue  # caseless script: حركة «حماس», a name after its class noun
        k = bisect_left(source_starts, (q.start, -1))
        if k < len(source_starts) and source_starts[k][1] <= q.end:
            continue  # a quoted source description: "a very sensitive source"
        if introducing_colon(text, q.start) >= 0:
            continue
        sentence = document.sentence_at(q.start)
        distanced = any(0 <= q.start - end <= _SO_CALLED_GAP for end in distancing_ends)
        family = "partial_quote" if sentence in cue_sentences and not distanced else "scare_quote"
        found.append(Evidence(family, family, q.text, q.start, q.end, UNQUOTED, sentence, category=family))
    return found


def _common_noun(word: str, document: Document) -> bool:
    """A capitalised word that is a common noun by its suffix (German "Sicherheitsmaßnahme")."""
    suffixes = document.affixes("grammar.common_noun_suffix")
    return bool(suffixes) and len(word) > 5 and word.lower().endswith(suffixes)


def _capitalised(words: list[str], particles: frozenset[str]) -> bool:
    """Capitalised words throughout, particles and small title words aside. Several are a
    name or a title; a single one is a name unless the text also writes it in lower case
    ("Encouraged" in a headline, "encouraged" in the body)."""
    content = [w for w in words if w.lower() not in particles]
    return bool(content) and all(w[:1].isupper() for w in content)
