"""Which attribution cues stand inside the content of another attribution (``embedded``).

PolNeAR and PARC annotate the attributions an outlet makes; a cue inside
quoted words, or inside the clause another cue reports ("X said Y *wants*
..."), is an attribution the source makes, and is marked so that users can
follow the outlet's own chain.
"""
from __future__ import annotations

import re

from ...document import QUOTED, UNQUOTED, Document
from ...evidence import Evidence
from ._words import OPENING_MARKS, word_pattern


# Punctuation that closes the clause a reporting verb introduces (a comma
# before "saying", "adding"; parentheses, dashes, quotation marks).
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014\u2015\"\u201c\u201d]|\s-\s")


def mark_embedded(document: Document, cues: list[Evidence]) -> list[Evidence]:
    """Cues inside the content of another attribution, marked ``embedded``.

    - ``"quotation"``: a cue inside quoted words ("\u201cThey say we lost,\u201d he
      said") reports what the quoted speaker attributes, not what the outlet does;
    - ``"clause"``: a cue inside the clause an earlier cue of the same sentence
      reports ("Trump said Clinton *wants* open borders"): nothing between the
      two cues closes that clause, neither punctuation (``_CLAUSE_BREAK``) nor a
      word of the language's ``grammar.clause_boundary`` list (and, but, when)
      right before the cue, at most one word between, which opens a predicate
      of the source's own ("..., *adding* that", "and *said*", "when he
      *asked*"); with more words between ("said he met her and the family
      *planned to* ...") the cue is inside the reported clause.

    A channel phrase ("in a statement", ``grammar.channel_cue``) in a sentence
    with another cue of the outlet's own words only names the channel of that
    attribution ("X said in a statement that ..."): it is dropped, not counted
    as a second attribution.
    """
    text = document.text
    boundaries = word_pattern(document.wordlist("grammar.clause_boundary"))
    channel = document.wordlist("grammar.channel_cue")
    spoken = {c.sentence for c in cues if c.voice == UNQUOTED and c.text.lower() not in channel}
    marked: list[Evidence] = []
    previous: dict[int, Evidence] = {}
    for cue in cues:
        if cue.voice == QUOTED:
            marked.append(cue._replace(embedded="quotation"))
            continue
        if cue.text.lower() in channel and cue.sentence in spoken:
            continue
        before = previous.get(cue.sentence)
        if cue.sentence >= 0 and before is not None:
            gap = text[before.end:cue.start]
            if not _CLAUSE_BREAK.search(gap) and not _opens_clause(gap, boundaries):
                cue = cue._replace(embedded="clause")
        previous[cue.sentence] = cue
        marked.append(cue)
    return _whole_sentence_reports(document, marked)


# ", the report said." -- a comma, one to five words of source, the cue, at most two
# words (a day, "last week"), and the end of the sentence.
_POSTPOSED_SOURCE = re.compile(r",\s*(?:[\w.\-'\u2019]+\s+){1,5}$")
_SENTENCE_TAIL = re.compile(r"(?:[ \t\u00a0]+[\w\-]+){0,2}[ \t\u00a0]*[.!?]")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]|''")
# The start of a sentence up to a fronted adjunct: only opening marks and spaces.
_ONLY_OPENING = re.compile(f"[{re.escape(OPENING_MARKS)} \t]*")
# A comma, then only white space, before a cue ("..., according to CNN").
_COMMA_BEFORE = re.compile(r",\s*$")
# How far back from a cue its source or comma is looked for.
_NEAR = 300


def _whole_sentence_reports(document: Document, cues: list[Evidence]) -> list[Evidence]:
    """Cues inside a sentence that an attribution reports as a whole, marked ``embedded = "clause"``.

    - a fronted adjunct of ``grammar.sentence_cue`` ("According to the poll, most voters
      *say* ...") reports the clause after its comma;
    - the same adjunct after a comma ("Sanders *said* ..., according to CNN") reports
      the clause before it;
    - a reporting clause of ``grammar.reporting_clause`` set off by a comma at the end of
      the sentence ("... *refused* to release the names, the report said.") reports
      what comes before the comma, unless a quotation mark stands between.

    PolNeAR, like PARC, annotates only the outer attribution of such sentences.
    """
    scope = document.wordlist("grammar.sentence_cue")
    postposed = document.wordlist("grammar.reporting_clause")
    if not scope and not postposed:
        return cues
    text = document.text
    boundaries = word_pattern(document.wordlist("grammar.clause_boundary"))  # ", but he did not say."
    by_sentence: dict[int, list[int]] = {}
    for i, cue in enumerate(cues):
        if cue.sentence >= 0 and cue.embedded is None and cue.voice == UNQUOTED:
            by_sentence.setdefault(cue.sentence, []).append(i)
    inner: set[int] = set()
    for sentence, indices in by_sentence.items():
        if len(indices) < 2:
            continue
        start, end = document.layout.sentences[sentence]
        reported_before = 0  # the cues indices[:reported_before] report the clause after them
        for j, i in enumerate(indices):
            cue = cues[i]
            word = (cue.term or cue.text).lower()
            if word in scope:
                if _ONLY_OPENING.fullmatch(text, start, cue.start):
                    comma = text.find(",", cue.end, end)
                    if comma >= 0:
                        inner.update(k for k in indices[j + 1:] if cues[k].start > comma)
                elif _COMMA_BEFORE.search(text, max(start, cue.start - _NEAR), cue.start):
                    reported_before = j
            elif cue.text.lower() in postposed:
                # Only the last characters before the cue can hold ", one to five words":
                # searching the whole of a long sentence before every cue was quadratic.
                near = max(start, cue.start - _NEAR)
                source = _POSTPOSED_SOURCE.search(text, near, cue.start)
                tail = _SENTENCE_TAIL.match(text, cue.end, end + 1)
                if source and tail and tail.end() >= end and not (boundaries and boundaries.search(source.group())):
                    comma = source.start()
                    inner.update(k for k in indices[:j]
                                 if cues[k].end <= comma and not _QUOTE_MARK.search(text, cues[k].end, cue.start))
        inner.update(indices[:reported_before])
    if not inner:
        return cues
    return [c._replace(embedded="clause") if k in inner else c for k, c in enumerate(cues)]


def _opens_clause(gap: str, boundaries: re.Pattern[str] | None) -> bool:
    """Whether the last clause-boundary word in ``gap`` stands at most one word before its end."""
    if boundaries is None:
        return False
    last = None
    for last in boundaries.finditer(gap):
        pass
    return last is not None and len(gap[last.end():].split()) <= 1
