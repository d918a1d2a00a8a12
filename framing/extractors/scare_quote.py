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

The frame around the marks tells the rest (Predelli 2003 on scare quotes,
Gutzmann & Stei 2011, Cappelen & Lepore's mixed and pure quotation). After a
metalinguistic noun or a verb of naming (``grammar.mention_frame``: "known
as", "the term", "the concept of") or as the modifier of a noun that names a
rule or label (``grammar.mention_head``: the "place of residence" standard,
la clause « X »), the expression is mentioned: no evidence. After a noun of
speech, a possessive or the "as" of a characterisation
(``grammar.speech_frame``: "his remarks", "Obama's ‘pivot’"), as a quoted
sentence of its own, or repeating words of a longer quotation in the article,
the marks are a speaker's words: ``partial_quote``. Quotations listed one
after the other share their frame. A distancing marker right before the marks
("so-called", "sogenannt", "soi-disant", ما يسمى; the ``hedge`` entries of
category ``distancing`` without a pronoun) keeps a scare quote whatever else
holds.

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
from ..quotes import Quotation, introducing_colon
from ._hits import hits_of

MAX_WORDS = 3
_LOOK_BEFORE = 60
_HEAD_AFTER = re.compile(r"[ \-\u2010\u2011]?(\w+)")  # the word right after the closing mark ("“X” standard", „X“-Regel)
_FRAME_GAP = 3  # "a reference to the United States “consulate”": up to three words between frame and quotation
_ELIDED = re.compile(r"^\w{1,2}'")  # "l'expression": the elided article is not part of the frame
_GENITIVE = re.compile(r"\w['\u2019]s?\s*$")  # "Obama's ‘pivot’": the possessor's expression
_LOOK_AFTER = 40
_GLOSS_OPENING = re.compile(r"[,;:\s\u2014\u2013(-]*[\u2014\u2013,(-]")  # a comma, dash or bracket after the marks
_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a"
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
    pronouns = document.wordlist("grammar.pronoun")
    distancing_ends |= {h.end for h in hits_of(document, "hedge") if h.entry.category == "distancing"
                        and not pronouns.intersection(_WORD.findall(text[h.start:h.end].lower()))}
    # (not "what he called", "ce qu'il appelle": the pronoun names whose word it is, a partial quote)
    echoes = _echo_text(document)
    previous: tuple[int, str | None] | None = None
    found = []
    for q in document.quotations:
        words = _WORD.findall(q.text)
        if q.depth != 1 or not 1 <= len(words) <= MAX_WORDS:
            continue
        distanced = any(0 <= q.start - end <= _SO_CALLED_GAP for end in distancing_ends)
        named = False
        if _capitalised(words, particles):
            if lowercase_words is None:
                lowercase_words = {w for w in _WORD.findall(text) if w[:1].islower()}
            # several capitalised words are a name or a title ("Signed in Blood"); a single one is
            # a name when never written in lower case («Sid»)
            named = len(words) > 1 or not distanced and (words[0].lower() not in lowercase_words
                                                         and not _common_noun(words[0], document))
        elif not any(ch.isupper() or ch.islower() for w in words for ch in w):
            before = _WORD.findall(text, max(0, q.start - _LOOK_BEFORE), q.start)
            named = bool(before) and before[-1] in document.wordlist("grammar.name_introducer")  # حركة «حماس»
        if named:
            if previous is not None and _coordinated(text, previous[0], q.start, document):
                previous = (q.end, previous[1])  # a name inside a list keeps the list together
            continue
        k = bisect_left(source_starts, (q.start, -1))
        if k < len(source_starts) and source_starts[k][1] <= q.end:
            continue  # a quoted source description: "a very sensitive source"
        if introducing_colon(text, q.start) >= 0:
            continue
        sentence = document.sentence_at(q.start)
        if distanced:
            family: str | None = "scare_quote"  # "so-called", "sogenannt": the writer's distance, whatever the frame
        elif previous is not None and _coordinated(text, previous[0], q.start, document):
            family = previous[1]  # "the name "tea party" or "patriot"": one frame for the list
        else:
            family = _reading(document, q, words, sentence, sentence in cue_sentences, echoes)
        previous = (q.end, family)
        if family is not None:
            found.append(Evidence(family, family, q.text, q.start, q.end, UNQUOTED, sentence, category=family))
    return found


def _reading(document: Document, q: Quotation, words: list[str], sentence: int, attributed: bool,
             echoes: str) -> str | None:
    """``partial_quote`` (a speaker's words), ``None`` (a mention: the expression itself is
    talked about, Cappelen & Lepore's pure quotation, or named) or ``scare_quote``."""
    text = document.text
    s_start, s_end = document.layout.sentences[sentence] if sentence >= 0 else (q.start, q.end)
    before = [_ELIDED.sub("", w.lower().replace("\u2019", "'"))
              for w in _WORD.findall(text, max(s_start, q.start - _LOOK_BEFORE), q.start)]
    adjacent = document.wordlist("grammar.function_word")
    if _frame_before(before, document.wordlist("grammar.mention_frame"), adjacent):
        return None  # "known as "issue ownership"", "the concept of "subsidiarity"": a mention
    after = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text, q.end, min(s_end, q.end + _LOOK_AFTER))]
    set_off = q.text.rstrip(_MARKS)[-1:] in ",;" or _GLOSS_OPENING.match(text, q.end)  # "“X,” the notion that"
    if set_off and _frame_after(after, document.wordlist("grammar.mention_gloss")):
        return None  # "“birtherism,” the notion that ...": a gloss follows, the term is mentioned
    heads = document.wordlist("grammar.mention_head")
    head_after = _HEAD_AFTER.match(text, q.end)
    if (before and before[-1] in heads) or (head_after is not None and head_after.group(1).lower() in heads):
        return None  # the "place of residence" standard, la clause « X »: the quotation names a rule
    if attributed or _frame_before(before, document.wordlist("grammar.speech_frame"), adjacent) or \
            _GENITIVE.search(text, max(s_start, q.start - 4), q.start):
        return "partial_quote"  # a cue in the sentence, a noun of speech or a possessive just before: "his "X""
    if _clause(text, q, words, s_start, s_end):
        return "partial_quote"  # "Call the roll," came shouts: a quoted sentence is direct speech
    if len(_fold(q.text)) > 3 and _fold(q.text) in echoes:
        return "partial_quote"  # the words stand in a longer quotation of the article: the speaker's
    return "scare_quote"


def _frame_after(after: list[str], glosses: frozenset[str]) -> bool:
    """Whether the words right after the quotation open with a gloss phrase (up to four words)."""
    return any(" ".join(after[:length]) in glosses for length in range(1, min(4, len(after)) + 1))


def _frame_before(before: list[str], frames: frozenset[str], adjacent: frozenset[str]) -> bool:
    """Whether a frame phrase (up to four words) ends at most ``_FRAME_GAP`` words before the
    quotation; a frame that is a function word ("as", "his") only right before it."""
    if not frames:
        return False
    n = len(before)
    for end in range(n, max(0, n - _FRAME_GAP) - 1, -1):
        for length in range(1, 5):
            phrase = " ".join(before[end - length:end]) if end - length >= 0 else ""
            if phrase in frames and (end == n or phrase not in adjacent):
                return True
    return False


def _clause(text: str, q: Quotation, words: list[str], s_start: int, s_end: int) -> bool:
    """A quoted sentence or clause: it opens with a capital and either fills its sentence or opens
    it with the comma, question or exclamation mark of a reporting clause inside the marks."""
    inner = q.text.strip(_MARKS + " ")
    if not inner[:1].isupper():
        return False
    opens = not text[s_start:q.start].strip()
    fills = opens and not text[q.end:s_end].strip(" .!?\u201d\"'")
    return fills and (len(words) > 1 or inner[-1:] in "!?") or (opens and len(words) > 1 and inner[-1:] in ",!?")


def _coordinated(text: str, previous_end: int, start: int, document: Document) -> bool:
    """Whether only a comma or a coordinating conjunction separates two quotations."""
    gap = text[previous_end:start].strip(" ,;")
    return not gap or gap.lower() in document.wordlist("grammar.clause_boundary")


def _echo_text(document: Document) -> str:
    """Longer quotations of the article, folded, one per line: a short quotation found in one
    repeats a speaker's words."""
    return "\n".join(_fold(q.text) for q in document.quotations if len(_WORD.findall(q.text)) > MAX_WORDS)


def _fold(quoted: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(quoted))


def _common_noun(word: str, document: Document) -> bool:
    """A capitalised word that is a common noun by its suffix (German "Sicherheitsmaßnahme")."""
    suffixes = document.affixes("grammar.common_noun_suffix")
    return bool(suffixes) and len(word) > 5 and word.lower().endswith(suffixes)


def _capitalised(words: list[str], particles: frozenset[str]) -> bool:
    """Capitalised words throughout, particles and small title words aside. Several are a
    name or a title; a single one is a name unless the text also writes it in lower case
    ("Encouraged" in a headline, "encouraged" in the body)."""
    content = [w for w in words if w.lower() not in particles and not w.isdigit()] or \
        [w for w in words if not w.isdigit()]  # ‘The 411’: a title of small words and numbers
    return bool(content) and all(w[:1].isupper() for w in content)
