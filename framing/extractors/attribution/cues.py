"""Attribution cues: the words and conventions by which an outlet says where a claim comes from.

- Reporting verbs and phrases from the ``attribution_cue`` lexicon, each with a
  stance (``neutral`` "said", ``distancing`` "claimed", ``endorsing``
  "revealed"), unless the word is used otherwise (a noun after a determiner,
  a naming participle, a ``distractor`` phrase);
- typographic conventions: a colon that introduces a quotation, a name and a
  colon opening a sentence ("Pat Caddell: ..."), a dash and a name after a
  quotation;
- predicative cues ("sees X as Y") and separable verbs with the particle at
  the end of the clause ("räumte ... ein").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter

from ..context import words_before
from ...document import QUOTED, UNQUOTED, Document, Hit
from ...evidence import Evidence
from ...lexicon import DISTRACTOR
from ...quotes import Quotation, introducing_colon
from ...spans import SpanSet
from ...wordlists import SEPARABLE_STANCES
from .._hits import STYLE_FAMILIES, after_determiner, hits_of, to_evidence
from ._words import OPENING_MARKS, UPPERCASE, WORDLIKE, initial_word_pattern, word_pattern


COLON_CUE = "attribution_cue.colon_quotation"
NAME_COLON_CUE = "attribution_cue.name_colon"
DASH_CUE = "attribution_cue.dash_after_quotation"
# "Pat Caddell: ..." -- one to four capitalised words, a colon, then more text.
_NAME_COLON = re.compile(rf"(?:[{re.escape(UPPERCASE)}][\w'\u2019.\-]*\s+){{0,3}}[{re.escape(UPPERCASE)}][\w'\u2019.\-]*(:)\s+\S")
# "“...” ― Sonya Herridge" -- a dash right after a quotation, then a capitalised word.
_DASH_NAME = re.compile(rf"[ \t\u00a0]*([\u2015\u2014\u2013])[ \t\u00a0]*[{re.escape(UPPERCASE)}]")
# The same after a closing quotation mark, whatever quotation it closes (the pairing of
# marks can fail on mixed marks), and with a spaced hyphen too ("...” - Bernie Sanders");
# the spaces may be no-break spaces.
_MARK_DASH_NAME = re.compile(
    rf"[\u201d\"\u2019][ \t\u00a0]*([\u2015\u2014\u2013]|-(?=[ \t\u00a0]))[ \t\u00a0]*[{re.escape(UPPERCASE)}]")
# A tally after a colon ("Clinton: 2,316."), not words of a speaker.
_TALLY = re.compile(r"\s*[\d.,%$]+\s*(?:[.;,]|$)")


def attribution_cues(document: Document) -> list[Evidence]:
    """Reporting verbs and phrases from the lexicon, and conventions a lexicon cannot list:

    - a colon that introduces a quotation ("It says: ‘...’"), unless a reporting
      verb stands right before it ("said: “...”" is one cue, not two);
    - a name and a colon opening a sentence or headline ("Pat Caddell: Democrats
      are worried"), the news convention for "X says";
    - a dash and a name right after a quotation ("“...” ― Sonya Herridge");
    - separable verbs (German, Dutch) whose particle stands at the end of the clause
      ("Der Minister räumte am Dienstag Fehler ein"), see ``separable_cues``;
    - verbs with an "as" complement after their object ("voters see Clinton as
      electable"), see ``predicative_cues``.
    """
    text = document.text
    naming = document.wordlist("grammar.naming_participle")
    unquoted_only = document.wordlist("grammar.unquoted_cue")
    top = [q for q in document.quotations if q.depth == 1]
    top.sort(key=attrgetter("start"))
    top_ends = [q.end for q in top]
    lexical = [to_evidence(document, hit) for hit in hits_of(document, "attribution_cue")
               if not after_determiner(document, hit)  # "his claims", "the report"
               and _reports(document, hit.entry.category, hit.start, hit.end, top, top_ends)
               and not (naming and text[hit.start:hit.end].lower() in naming and _naming_participle(document, hit))
               and not (hit.voice == QUOTED and unquoted_only  # "I think" inside quoted words: the speaker's hedge
                        and text[hit.start:hit.end].lower() in unquoted_only)]
    verb_ends = {cue.end for cue in lexical}
    cues = list(lexical)
    for q in document.quotations:
        if q.depth != 1:
            continue
        i = introducing_colon(text, q.start)
        if i >= 0 and i not in verb_ends:
            cues.append(Evidence("attribution_cue", COLON_CUE, ":", i, i + 1, UNQUOTED, document.sentence_at(i),
                                 category="neutral"))
        dash = _DASH_NAME.match(text, q.end)
        if dash:
            cues.append(Evidence("attribution_cue", DASH_CUE, dash.group(1), dash.start(1), dash.end(1), UNQUOTED,
                                 document.sentence_at(dash.start(1)), category="neutral"))
    dashes = {cue.start for cue in cues}
    for dash in _MARK_DASH_NAME.finditer(text):
        i = dash.start(1)
        if i not in dashes and document.sentence_at(i) >= 0:
            dashes.add(i)
            cues.append(Evidence("attribution_cue", DASH_CUE, dash.group(1), i, dash.end(1), UNQUOTED,
                                 document.sentence_at(i), category="neutral"))
    cues.extend(separable_cues(document, cues))
    cues.extend(predicative_cues(document, cues))
    lexical_spans = sorted((h.start, h.end) for family in (*STYLE_FAMILIES, "naming")
                           for h in hits_of(document, family))
    for index, (start, end) in enumerate(document.layout.sentences):
        opened = start + 1 if text[start:start + 1] in OPENING_MARKS else start
        colon = _NAME_COLON.match(text, opened, end)
        if colon and _speaker_label(document, opened, colon) and not _any_within(lexical_spans, start, colon.start(1)):
            # a lexicon word before the colon ("Clinton Emails:") makes it a topic label, not a speaker
            cues.append(Evidence("attribution_cue", NAME_COLON_CUE, ":", colon.start(1), colon.end(1), UNQUOTED,
                                 index, category="neutral"))
    return sorted(cues, key=attrgetter("start", "end"))


def _any_within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of the sorted ``spans`` starts inside ``[start, end)``."""
    k = bisect_left(spans, (start, -1))
    return k < len(spans) and spans[k][0] < end


_NO_COMPLEMENT = re.compile(r"[ \t\u00a0]*[.,;!?)]")


def _naming_participle(document: Document, hit: Hit) -> bool:
    """Whether a cue of ``grammar.naming_participle`` (the caller checks the form) names what
    an indefinite noun phrase just before it refers to ("a group *called* Black Votes
    Matter", "a new firm *called* X"): naming, not the characterisation "Trump *called* the
    report a hoax"; or has no complement at all ("after the race was *called*.", a result
    declared or a phone call)."""
    if _NO_COMPLEMENT.match(document.text, hit.end):
        return True
    before = words_before(document, hit, 3)
    articles = document.wordlist("grammar.indefinite_article")
    return (len(before) >= 2 and before[-1].isalpha() and before[-1].islower()
            and any(w.lower() in articles for w in before[:-1]))


def _reports(document: Document, category: str | None, start: int, end: int,
             top: list[Quotation], top_ends: list[int]) -> bool:
    """Whether a lexicon hit is a cue: not a distractor ("so-called", "called off"), and a
    verb of ``grammar.quotation_cue`` ("continued", "went on") only next to a quotation,
    right after its end in the same sentence ("..., she continued.") or right before its
    start ("He went on: “...”").

    ``top`` are the outermost quotations by start (they do not nest, so ``top_ends`` is
    sorted too): the candidates are found by bisection, not by a scan of every quotation,
    which made one long run-on sentence of quotations and cues quadratic.
    """
    if category == DISTRACTOR:
        return False
    if document.text[start:end].lower() not in document.wordlist("grammar.quotation_cue"):
        return True
    text = document.text
    sentence = document.sentence_at(start)
    # Before the cue: the gap to a quotation's end only grows, in words and in sentence
    # ends, the further back the quotation ends, so the nearest quotations decide.
    before = bisect_right(top_ends, start)
    for q in reversed(top[max(0, before - _NEAREST):before]):
        if start - q.end > _MAX_GAP:
            break
        if len(text[q.end:start].split(None, 5)) <= 4 and (
                document.sentence_at(q.end - 1) == sentence or not _SENTENCE_END.search(text, q.end, start)):
            return True  # also after a quotation that ends its own sentence: "...?\u201d Scarborough continued."
    # After the cue: quotations opening within 60 characters.
    for q in top[bisect_left(top_ends, end + 1):]:
        if q.start > end + 60:
            break
        if end <= q.start and (not _QUOTATION_GAP.sub("", text[end:q.start])
                               or _INVERTED_SPEAKER.fullmatch(text, end, q.start)):
            return True  # "Cruz continued:\n\n\u201c...", "Continued Stone: \u201c..."
    return False


# Quotations ending before a cue that are tried, nearest first.
_NEAREST = 3
# Four words never span more than this: a longer gap is not looked into (bounds the work per cue).
_MAX_GAP = 1000
_SENTENCE_END = re.compile(r"[.!?]")
_QUOTATION_GAP = re.compile(r"[\s,:]")
# "Continued Stone: \u201c..." -- one to three capitalised words and a colon before the quotation.
_INVERTED_SPEAKER = re.compile(rf"(?:\s+[{re.escape(UPPERCASE)}][\w'\u2019.\-]*){{1,3}}\s*:\s*")


def _speaker_label(document: Document, start: int, colon: re.Match[str]) -> bool:
    """Whether the words before a sentence-opening colon name a speaker ("Pat Caddell:",
    "PENCE:" in a transcript) rather than label a page item ("The Latest:", "Breaking:",
    "Editor's Note:", words of ``grammar.heading_label``), a single letter ("Q:", "A:" in
    an interview transcript) or head a tally ("Clinton: 2,316").

    Inside a quotation only an upper-case label counts: a transcript quoted whole
    (\u201cWALLACE: ...\u201d), not a quoted headline.
    """
    text = document.text
    name = text[start:colon.start(1)]
    if len(name.strip()) == 1:  # "Q:", "A:" label turns of an interview, they name no one
        return False
    if document.is_quoted(colon.start(1)) and not name.isupper():
        return False
    if _TALLY.match(text, colon.end(1), colon.end(1) + 40):
        return False
    labels = document.wordlist("grammar.heading_label")
    words = name.lower().replace("\u2019", "'").split()
    if len(words) > 1 and words[0] in document.wordlist("grammar.determiner"):
        words = words[1:]  # "The Latest:"
    return not (labels and all(w in labels for w in words))


_CLAUSE_END = re.compile(r"[,.;:!?]")
_PREDICATIVE_WORDS = re.compile(r"[ \t\u00a0]+([\w'\u2019\-]+)")


def predicative_cues(document: Document, taken: list[Evidence]) -> list[Evidence]:
    """A verb of ``grammar.predicative_cue`` whose ``grammar.predicative_marker`` follows
    its object, one to four words on and in the same clause: "voters *see* Clinton as the
    stronger candidate", "Israel *regards* Jerusalem as its capital", "an option *seen* by
    organizers as a lifeboat". The lexicon lists the contiguous forms ("is seen as",
    "sees it as"); the matcher cannot span the object. The evidence spans the verb.
    """
    verbs = initial_word_pattern(document.wordlist("grammar.predicative_cue"))
    markers = document.wordlist("grammar.predicative_marker")
    if verbs is None or not markers:
        return []
    text = document.text
    determiners = document.wordlist("grammar.determiner")
    occupied = SpanSet((c.start, c.end) for c in taken)
    found = []
    for m in verbs.finditer(text):
        at, marked = m.end(), False
        for n in range(5):
            word = _PREDICATIVE_WORDS.match(text, at)
            if word is None:
                break
            if word.group(1).lower() in markers:
                marked = n > 0
                break
            at = word.end()
        if not marked:
            continue
        sentence = document.sentence_at(m.start())
        if sentence < 0 or occupied.overlaps(m.start(), m.end()):
            continue
        before = WORDLIKE.findall(text, max(0, m.start() - 30), m.start())
        if before and before[-1].lower() in determiners:  # "the view", "his regard"
            continue
        voice = document.voice_at(m.start())
        found.append(Evidence("attribution_cue", "attribution_cue.predicative", m.group(), m.start(), m.end(),
                              voice, sentence, category="neutral"))
    return found


def separable_cues(document: Document, taken: list[Evidence]) -> list[Evidence]:
    """The finite stem of a separable reporting verb whose particle closes its clause.

    The lexicon lists such verbs contiguous ("räumte ein", "gaf toe"), as in
    subordinate clauses; in a main clause the particle goes to the end of the
    clause ("räumte am Dienstag Fehler bei der Beschaffung ein"). For every
    two-word cue form whose second word is a ``grammar.separable_particle``
    (``separable.<stance>`` word lists), the stem counts as the cue when the last
    word before the next clause mark is that particle. The evidence spans the stem.
    """
    particles, stems = _separable_verbs(tuple(document.wordlist(f"separable.{stance}") for stance in _STANCES))
    if stems is None:
        return []
    text = document.text
    occupied = SpanSet((c.start, c.end) for c in taken)
    found = []
    for m in stems.finditer(text):
        sentence = document.sentence_at(m.start())
        if sentence < 0 or occupied.overlaps(m.start(), m.end()):
            continue
        stop = _CLAUSE_END.search(text, m.end(), document.layout.sentences[sentence][1])
        words = WORDLIKE.findall(text, m.end(), stop.start() if stop else document.layout.sentences[sentence][1])
        particle = words[-1].lower() if len(words) >= 2 else ""
        stance = particles[m.group().lower()].get(particle)
        if stance is not None:
            voice = document.voice_at(m.start())
            found.append(Evidence("attribution_cue", "attribution_cue.separable_verb", m.group(), m.start(), m.end(),
                                  voice, sentence, category=stance))
    return found


_STANCES = SEPARABLE_STANCES


@lru_cache(maxsize=16)
def _separable_verbs(lists: tuple[frozenset[str], ...]) -> tuple[dict[str, dict[str, str]], re.Pattern[str] | None]:
    """Stem -> particle -> stance from the ``separable.<stance>`` lists (in ``_STANCES``
    order, the first stance winning), and a pattern for the stems: worked out once per
    language, not per article. The table is shared: read it, do not change it."""
    particles: dict[str, dict[str, str]] = {}
    for stance, forms in zip(_STANCES, lists):
        for form in forms:
            stem, particle = form.split()
            particles.setdefault(stem, {}).setdefault(particle, stance)
    return particles, word_pattern(frozenset(particles))
