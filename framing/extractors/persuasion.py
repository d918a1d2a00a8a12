"""Persuasion techniques (SemEval-2023 Task 3): spans of the text that use a technique.

Built from the techniques' definitions in the annotation guidelines
(Da San Martino et al. 2019; Piskorski et al. 2023) with the ``persuasion``
lexicon (category = technique) and rules, reusing the evidence the earlier
families found:

- ``Loaded_Language`` and ``Name_Calling-Labeling``: ``loaded`` evidence,
  subjective words and contested labels;
- ``Exaggeration-Minimisation``: intensifying boosters with the word they
  intensify, and the lexicon's superlatives and minimisers;
- ``Doubt``: distancing hedges ("allegedly", "so-called"), the lexicon's
  credibility cues, and questions the outlet asks in its own voice;
- ``Appeal_to_Authority``: an attribution whose source or sentence names an
  authority (an expert, a study, an official body);
- ``Repetition``: a content phrase the article has already used, from its
  second occurrence on;
- ``Slogans``: short exhortative sentences (an exclamation, "Let us ...") and
  the lexicon's slogans;
- the other techniques: lexicon cues, widened to what annotators mark.

Annotators mark a phrase for the word-level techniques and a clause for the
argument-level ones (doubt, fear, authority, oversimplification...), so each
technique has a span width (``WIDTHS``): ``cue`` keeps the matched words,
``phrase`` adds the word the cue qualifies, ``clause`` widens to the
punctuation around it, ``sentence`` to the whole sentence. Spans of one
technique that overlap are merged: the measure counts predicted spans, and
annotators mark one span where a clause uses a technique twice.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter
from typing import Mapping, Sequence

from ..context import sentence_bounds
from ..document import Document
from ..evidence import Evidence
from ..techniques import TECHNIQUES
from ._hits import hits_of

FAMILY = "persuasion"
CUE, PHRASE, CLAUSE, SENTENCE = "cue", "phrase", "clause", "sentence"

WIDTHS: dict[str, str] = {
    "Loaded_Language": PHRASE,
    "Name_Calling-Labeling": PHRASE,
    "Repetition": CUE,
    "Exaggeration-Minimisation": PHRASE,
    "Slogans": CUE,
    "Conversation_Killer": CLAUSE,
    "Doubt": CLAUSE,
    "Appeal_to_Fear-Prejudice": CLAUSE,
    "Flag_Waving": CLAUSE,
    "Appeal_to_Authority": CLAUSE,
    "Questioning_the_Reputation": CLAUSE,
    "Causal_Oversimplification": CLAUSE,
    "False_Dilemma-No_Choice": CLAUSE,
    "Whataboutism": CLAUSE,
    "Appeal_to_Hypocrisy": CLAUSE,
    "Guilt_by_Association": CLAUSE,
}

# Punctuation that ends a clause: what a ``clause`` span stops at.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e.,;:!?-\u2013\u2014()"
# Families whose evidence this extractor reads, and what it makes of it.
_LOADED_TECHNIQUE = {"subjective": "Loaded_Language", "label": "Name_Calling-Labeling"}
_DOUBT_HEDGES = frozenset({"distancing"})
_EXAGGERATION_BOOSTERS = frozenset({"intensifier"})
_SLOGAN_MAX_WORDS = 6
_CLAUSE_MAX_WORDS = 30
_PHRASE_WORDS = 2
# How far before a source's name its title may stand ('the Harvard economist Jane Roe').
_TITLE_REACH = 40
_REPEATED_AT_LEAST = 2


def extract_persuasion(document: Document, earlier: Sequence[Evidence] = (), *,
                       widths: Mapping[str, str] = WIDTHS) -> list[Evidence]:
    """Persuasion-technique evidence of ``document``, given the evidence of the families
    that ran before (``earlier``); ``widths`` (technique -> span width) is for measuring
    how span width changes agreement with annotators."""
    found: list[Evidence] = []
    for hit in hits_of(document, FAMILY):
        technique = hit.entry.category
        if technique in TECHNIQUES:
            found.append(_widened(document, hit.start, hit.end, hit.sentence, technique, hit.entry.id,
                                  hit.entry.lexicon, hit.entry.term, widths))
    found = [e for e in found if e.technique != "Appeal_to_Authority"]
    sources = [e for e in earlier if e.family == "source"]
    authority_sentences = {a.sentence for a in hits_of(document, FAMILY) if a.entry.category == "Appeal_to_Authority"
                           and any(s.sentence == a.sentence and s.start - _TITLE_REACH <= a.start and a.end <= s.end
                                   for s in sources)}
    cue_sentences: dict[int, list[Evidence]] = {}
    for e in earlier:
        technique = None
        if e.family == "loaded":
            technique = _LOADED_TECHNIQUE.get(e.category or "")
        elif e.family == "booster" and e.category in _EXAGGERATION_BOOSTERS:
            technique = "Exaggeration-Minimisation"
        elif e.family == "hedge" and e.category in _DOUBT_HEDGES:
            technique = "Doubt"
        elif e.family == "attribution_cue" and e.embedded is None:
            cue_sentences.setdefault(e.sentence, []).append(e)
        if technique is not None:
            found.append(_widened(document, e.start, e.end, e.sentence, technique, f"{e.family}:{e.entry}",
                                  e.lexicon, e.term, widths))
    found += _authority(document, authority_sentences & cue_sentences.keys(), cue_sentences, widths)
    found += _repetitions(document, earlier, widths)
    found += _questions(document, widths)
    found += _slogans(document)
    return _merged(found)


def _widened(document: Document, start: int, end: int, sentence: int, technique: str, entry: str,
             lexicon: str | None, term: str | None, widths: Mapping[str, str]) -> Evidence:
    """Evidence for the cue at ``start:end``, widened to its technique's span width."""
    width = widths.get(technique, CUE)
    text = document.text
    if width != CUE:
        low, high = sentence_bounds(document, sentence, start)
        if width == PHRASE:
            start, end = _phrase(text, start, end, *_clause(text, start, end, low, high))
        elif width == CLAUSE:
            start, end = _clause(text, start, end, low, high)
        else:
            start, end = low, high
        start, end = _trimmed(text, start, end)
    return Evidence(FAMILY, entry, text[start:end], start, end, document.voice_at(start), sentence,
                    category=technique, lexicon=lexicon, term=term, technique=technique)


def _clause(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The clause around ``start:end``: out to the nearest clause punctuation within ``low:high``."""
    left = low
    for m in _CLAUSE_BREAK.finditer(text, low, start):
        left = m.end()
    right_break = _CLAUSE_BREAK.search(text, end, high)
    right = right_break.start() if right_break is not None else high
    words = _WORD.findall(text, left, right)
    if len(words) > _CLAUSE_MAX_WORDS:
        return start, end
    return left, right


def _phrase(text: str, start: int, end: int, left: int, right: int) -> tuple[int, int]:
    """``start:end`` with up to ``_PHRASE_WORDS`` words either side, within its clause ``left:right``."""
    words = list(_WORD.finditer(text, left, start))[-_PHRASE_WORDS:]
    after = list(_WORD.finditer(text, end, right))[:_PHRASE_WORDS]
    return (words[0].start() if words else start), (after[-1].end() if after else end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces, quotation marks and punctuation."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _authority(document: Document, sentences: set[int], cues: dict[int, list[Evidence]],
               widths: Mapping[str, str]) -> list[Evidence]:
    """What an authority is reported to have said, in sentences that attribute to one:
    the quotation when the sentence has one (annotators mark the claim the authority
    lends weight to), else the clause around the reporting cue."""
    found = []
    for sentence in sorted(sentences):
        low, high = document.layout.sentences[sentence]
        quoted = [q for q in document.quotations if q.depth == 1 and low <= q.start < high]
        cue = cues[sentence][0]
        if quoted:
            for q in quoted:
                start, end = _trimmed(document.text, q.start, q.end)
                if end > start:
                    found.append(Evidence(FAMILY, f"attribution_cue:{cue.entry}", document.text[start:end], start,
                                          end, document.voice_at(start), sentence, category="Appeal_to_Authority",
                                          lexicon=cue.lexicon, term=cue.term, technique="Appeal_to_Authority"))
        else:
            found.append(_widened(document, cue.start, cue.end, sentence, "Appeal_to_Authority",
                                  f"attribution_cue:{cue.entry}", cue.lexicon, cue.term, widths))
    return found


def _repetitions(document: Document, earlier: Sequence[Evidence], widths: Mapping[str, str]) -> list[Evidence]:
    """Loaded words and labels the article has used before, from the second time on: the
    guidelines' repetition is an emotive word or phrase repeated so that it sticks."""
    loaded = sorted((e for e in earlier if e.family == "loaded" and e.category in _LOADED_TECHNIQUE),
                    key=attrgetter("start"))
    counts = Counter(e.text.lower() for e in loaded)
    seen: set[str] = set()
    found = []
    for e in loaded:
        key = e.text.lower()
        if key in seen and counts[key] >= _REPEATED_AT_LEAST:
            found.append(_widened(document, e.start, e.end, e.sentence, "Repetition", f"loaded:{e.entry}",
                                  e.lexicon, e.term, widths))
        seen.add(key)
    return found


def _questions(document: Document, widths: Mapping[str, str]) -> list[Evidence]:
    """Questions the outlet asks in its own voice: Doubt, for the guidelines' "questioning
    the credibility of someone or something" is most often done with a rhetorical question."""
    text = document.text
    found = []
    for index, (start, end) in enumerate(document.layout.sentences):
        s, e = _trimmed(text, start, end)
        if e <= s or text[e:end].lstrip(" \"'\u201d\u2019\u00bb)")[:1] != "?" or document.is_quoted(s):
            continue
        if len(_WORD.findall(text, s, e)) < 4:
            continue
        found.append(Evidence(FAMILY, "rule:question", text[s:e], s, e, document.voice_at(s), index,
                              category="Doubt", technique="Doubt"))
    return found


def _slogans(document: Document) -> list[Evidence]:
    """Short exclamations: the guidelines' slogans are "brief and striking", often a call to act."""
    text = document.text
    found = []
    for index, (start, end) in enumerate(document.layout.sentences):
        s, e = _trimmed(text, start, end)
        if e <= s or "!" not in text[e:end]:
            continue
        if not 1 < len(_WORD.findall(text, s, e)) <= _SLOGAN_MAX_WORDS:
            continue
        found.append(Evidence(FAMILY, "rule:exclamation", text[s:e], s, e, document.voice_at(s), index,
                              category="Slogans", technique="Slogans"))
    return found


def _merged(found: list[Evidence]) -> list[Evidence]:
    """One span per stretch of text using a technique: overlapping spans of one technique
    become their union (the first one's entry stands for it)."""
    by_technique: dict[str, list[Evidence]] = {}
    for e in sorted(found, key=attrgetter("start", "end")):
        if e.end <= e.start:
            continue
        spans = by_technique.setdefault(e.technique or "", [])
        last = spans[-1] if spans else None
        if last is not None and e.start < last.end:
            if e.end > last.end:
                spans[-1] = last._replace(end=e.end, text=last.text + _tail(last, e))
            continue
        spans.append(e)
    return sorted((e for spans in by_technique.values() for e in spans), key=attrgetter("start", "end"))


def _tail(last: Evidence, following: Evidence) -> str:
    """The part of ``following`` that extends past ``last`` (they overlap)."""
    return following.text[last.end - following.start:]
