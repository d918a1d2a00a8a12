"""Scare quotes: quotation marks that distance the writer from a word of their own sentence.

A short quotation (one to three words) at the outer level is one of four things
(Predelli 2003, "Scare quotes and their relation to other semantic issues";
Gutzmann & Stei 2011 on pure, mixed and scare quotes; the AP Stylebook's
ironical use against unfamiliar terms introduced on first reference):

- a *mention* of the expression itself: no evidence. After a metalinguistic
  noun or a verb of naming (``grammar.mention_frame``: "known as", "dubbed",
  "the term"), before a gloss (``grammar.mention_gloss``: "the notion that"),
  as the modifier of a noun naming a rule or label (``grammar.mention_head``:
  the "place of residence" standard, la clause « X »); names and titles
  ("Signed in Blood", «Sid»: told by capitals; German nouns by their suffixes,
  ``grammar.common_noun_suffix``; Arabic names by the class noun before them,
  ``grammar.name_introducer``), quoted source descriptions ("a very sensitive
  source") and quotations introduced by a colon are no evidence either.
- a speaker's words: ``partial_quote``. An attribution cue in the sentence
  (Trump "called the meeting 'productive'"; not a document that only
  "reveals" it, whose content the writer presents as fact), a noun of speech,
  a possessive or the "as" of a characterisation just before
  (``grammar.speech_frame``: "his remarks", "Obama's 'pivot'"; a noun of
  speech anywhere before in the sentence: "accusations that ..."), a quoted
  sentence of its own, words of a longer quotation of the article, listed
  with one or in a sentence that holds one, words read as a speaker's
  earlier in the article, a pronoun
  subject continuing the speaker of the sentence before (X said ... . She
  wants a "fair deal"), or quotation marks in a headline, which stand for the
  attribution a headline leaves out, unless the body quotes the same words,
  whose reading the headline then shares.
- the writer's distance: ``scare_quote``, only with a cue of it (the
  evidence's category names it): a distancing marker right before the marks
  (``marker``: so-called, self-styled, sogenannt, soi-disant, ما يسمى; the
  ``hedge`` entries of category ``distancing`` without a pronoun), which wins
  over every other reading; a marker of irony or denial right before or a tag
  of reserve right after (``irony``: ``grammar.irony_marker`` "hardly a",
  "entre guillemets"; ``grammar.irony_tag`` "so to speak", "sozusagen"),
  which, at the marks too, wins over a speaker's cue elsewhere; an
  adverb of doubt earlier in the sentence (``doubt``: the one-word
  ``reportative`` and ``distancing`` hedges, "supposedly", "angeblich"); a
  contested label or name inside the marks (``label``: ``loaded`` entries of
  category ``label``, the ``naming`` lexicon); or a single verb (``verb``:
  after a modal or the infinitive marker, ``grammar.verb_marker``, or with a
  past-tense ending, ``grammar.past_suffix``, or an irregular participle form
  and no determiner before it): a verb is no term, title or name, so with no
  speaker its marks are the writer's ("the terrorist "betrayed" the
  government"). Strongly subjective words in marks are no cue: in hard news
  they are mostly a speaker's evaluation, quoted (Nádraská, "The function of
  scare quotes in hard news", Discourse and Interaction).
- an expression quoted with none of these: a term, a coinage or jargon the
  writer introduces ("doc fix", "clawback", "carbon neutral"), which says
  nothing of the writer's stance: no evidence.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import islice
from typing import NamedTuple

from ..document import UNQUOTED, Document
from ..evidence import Evidence
from ..lexicon import DISTRACTOR
from ..quotes import Quotation, introducing_colon
from ._hits import hits_of

ENDORSING = "endorsing"  # attribution cues that present the content as fact (revealed, showed)

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
    """Short outer quotations that are neither names, source descriptions, colon quotes nor
    mentions: scare quotes when a cue says the writer keeps a distance, partial quotes when
    they are a speaker's words; quoted terms with no cue give no evidence."""
    # The words of each quotation of at most MAX_WORDS words, found once and shared below; of a
    # longer one only that it is longer (None): its words are read only if the echo test needs
    # them (``_Echoes``), where listing them all up front was a third of the extractor's time.
    quoted_words = [_short_words(q.text) for q in document.quotations]
    if not any(q.depth == 1 and words for q, words in zip(document.quotations, quoted_words)):
        return []  # no short quotation at the outer level (a third of the regression corpus): nothing to read
    text = document.text
    particles = document.wordlist_union("grammar.name_particle", "grammar.title_function_word")
    source_starts = sorted((h.start, h.end) for h in hits_of(document, "source_noun"))
    document_sentences = {h.sentence for h in hits_of(document, "source_noun") if h.entry.category == "document"}
    cue_sentences = {h.sentence for h in hits_of(document, "attribution_cue")
                     if h.entry.category != DISTRACTOR
                     and not (h.entry.category == ENDORSING and h.sentence in document_sentences)}
    markers = {h.end: text[h.start:h.end].lower() for h in hits_of(document, "attribution_cue")
               if h.entry.category == DISTRACTOR and text[h.start:h.end].lower().startswith("so")}
    lowercase_words = _LowerCaseWords(text)
    pronouns = document.wordlist("grammar.pronoun")
    markers.update((h.end, text[h.start:h.end].lower()) for h in hits_of(document, "hedge")
                   if h.entry.category == "distancing"
                   and not pronouns.intersection(re.findall(r"\w+", h.entry.term.lower())))
    # (not "what he called", "what it calls", "ce qu'il appelle": an entry whose term has a pronoun
    # names whose word it is, a partial quote)
    # markers by where they end, sorted (each quotation looks up the few just before it); the first
    # entered wins where two are near, as before
    marker_order = {end: i for i, end in enumerate(markers)}
    marker_ends = sorted(markers)
    readings: dict[str, tuple[str, str] | None] = {}  # the body's reading of each short quotation, folded
    longer = [q for q, words in zip(document.quotations, quoted_words) if words is None]
    long_outer = frozenset(q.start for q in longer if q.depth == 1)
    speech_sentences = frozenset(document.sentence_at(start) for start in long_outer)
    context = _Context(document, cue_sentences, _Echoes([q.text for q in longer]),
                       _listed_with_speech(document, long_outer), speech_sentences,
                       _doubt_hits(document, pronouns), _label_spans(document), readings, {})
    headline = document.layout.headline_span
    previous: tuple[int, tuple[str, str] | None] | None = None
    in_headline: list[tuple[Quotation, list[str], int]] = []
    found = []
    for q, words in zip(document.quotations, quoted_words):
        if q.depth != 1 or not words:
            continue
        near = marker_ends[bisect_left(marker_ends, q.start - _SO_CALLED_GAP):bisect_right(marker_ends, q.start)]
        marker = markers[min(near, key=marker_order.__getitem__)] if near else None
        distanced = marker is not None
        named = False
        if _capitalised(words, particles):
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
        if k < len(source_starts) and source_starts[k][1] <= q.end and marker is None:
            continue  # a quoted source description: "a very sensitive source" (but the so-called "experts" keep their distance)
        if introducing_colon(text, q.start) >= 0:
            continue
        sentence = document.sentence_at(q.start)
        reading: tuple[str, str] | None
        if marker is not None:
            reading = _marked(document, q, marker)
        elif headline is not None and headline[0] <= q.start < headline[1]:
            in_headline.append((q, words, sentence))  # read once the body's quotations are known
            continue
        elif previous is not None and _coordinated(text, previous[0], q.start, document):
            reading = previous[1]  # "the name "tea party" or "patriot"": one frame for the list
        else:
            reading = _reading(context, q, words, sentence)
        previous = (q.end, reading)
        readings.setdefault(_fold_words(words), reading)
        if reading is not None:
            found.append(_evidence(q, sentence, reading))
    for q, words, sentence in in_headline:
        fold = _fold_words(words)
        if fold in readings:  # the headline repeats words the body quotes: the body's reading
            reading = readings[fold]
        elif _mentioned(context, q, sentence):
            reading = None
        else:
            reading = ("partial_quote", "partial_quote")  # headline marks stand for an attribution left out
        if reading is not None:
            found.append(_evidence(q, sentence, reading))
    found.sort(key=lambda e: e.start)
    return found


def _marked(document: Document, q: Quotation, marker: str) -> tuple[str, str] | None:
    """The reading of a quotation right after a distancing marker: the writer's distance, except
    after a self-description ("self-described "geeky kid"": the referent's own words) and where a
    "so-called" that can mean "commonly known as" (``grammar.naming_marker``) introduces a
    quoted modifier of a noun, a classifying term (so-called "closed" primaries)."""
    if marker in document.wordlist("grammar.self_description"):
        return ("partial_quote", "partial_quote")
    if marker in document.wordlist("grammar.naming_marker") and _modifies_next_word(document, q):
        return None
    return ("scare_quote", "marker")  # so-called "rebels", soi-disant, sogenannt: the writer's distance


def _modifies_next_word(document: Document, q: Quotation) -> bool:
    """Whether a content word follows the closing mark in the same clause ("closed" primaries,
    „grüne“ Politik): the quotation modifies it."""
    following = _HEAD_AFTER.match(document.text, q.end)
    if following is None or document.text[q.end:following.start(1)].strip(" -\u2010\u2011"):
        return False
    word = following.group(1)
    lowered = word.lower()
    if document.language.code != "de" and not word[:1].islower():
        return False
    return word.isalpha() and lowered not in document.wordlist_union(
        "grammar.function_word", "grammar.verb_marker", "grammar.relative_pronoun", "grammar.clause_boundary")


def _evidence(q: Quotation, sentence: int, reading: tuple[str, str]) -> Evidence:
    family, category = reading
    return Evidence(family, family, q.text, q.start, q.end, UNQUOTED, sentence, category=category)


class _Context(NamedTuple):
    """What the reading of every short quotation of one article consults."""

    document: Document
    cue_sentences: set[int]  # sentences with an attribution cue that reports a speaker's words
    echoes: _Echoes  # the article's longer quotations, folded
    listed_with_speech: frozenset[int]  # starts of short quotations listed with a longer one
    speech_sentences: frozenset[int]  # sentences holding a longer quotation (more than three words)
    doubt: tuple[tuple[int, int, int], ...]  # (start, end, sentence) of adverbs of doubt
    labels: tuple[tuple[int, int], ...]  # contested labels and names, (start, end)
    readings: dict[str, tuple[str, str] | None]  # readings so far, by folded quotation
    speech_noun_ends: dict[tuple[int, int], float]  # per sentence span, where its first noun of speech ends


def _listed_with_speech(document: Document, long_outer: frozenset[int]) -> frozenset[int]:
    """Starts of short quotations in a list (only commas and conjunctions between) that also holds
    a longer quotation ("incredibly slow," "a mess" and "a waste of everyone's time"): one act of
    quoting, so the short members are the speaker's words too. ``long_outer``: the starts of the
    outer quotations of more than ``MAX_WORDS`` words."""
    text = document.text
    outer = [q for q in document.quotations if q.depth == 1]
    found: set[int] = set()
    group: list[Quotation] = []
    for q in [*outer, None]:
        if q is not None and group and _coordinated(text, group[-1].end, q.start, document):
            group.append(q)
            continue
        if any(member.start in long_outer for member in group):
            found.update(member.start for member in group)
        group = [q] if q is not None else []
    return frozenset(found)


def _speech_noun_before(context: _Context, q: Quotation, s_start: int, s_end: int) -> bool:
    """Whether a noun of speech (``grammar.speech_frame``, function words aside) stands anywhere
    earlier in the sentence: "accusations that his backers waged "X" attacks" reports their words
    (Pareti 2016, PARC 3.0: nominal attribution cues introduce a content clause)."""
    key = (s_start, s_end)
    if key not in context.speech_noun_ends:
        context.speech_noun_ends[key] = _first_speech_noun_end(context.document, s_start, s_end)
    return context.speech_noun_ends[key] <= q.start


def _first_speech_noun_end(document: Document, s_start: int, s_end: int) -> float:
    """Where the first noun of speech of the sentence ends (infinity without one): worked out once
    per sentence, since a sentence of thousands of quotations asked it of each (quadratic)."""
    frames = document.wordlist("grammar.speech_frame") - document.wordlist("grammar.function_word")
    tokens = [(m.end(), _ELIDED.sub("", m.group().lower().replace("\u2019", "'")))
              for m in _WORD.finditer(document.text, s_start, s_end)]
    words = [w for _, w in tokens]
    ends = [tokens[i + length - 1][0] for i in range(len(words)) for length in range(1, 4)
            if i + length <= len(words) and " ".join(words[i:i + length]) in frames]
    return min(ends, default=math.inf)


def _doubt_hits(document: Document, pronouns: frozenset[str]) -> tuple[tuple[int, int, int], ...]:
    """One-word hedges of doubt in the writer's voice ("supposedly", "angeblich", "alleged"): the
    ``reportative`` and ``distancing`` entries; phrases ("is said to", "what he called") report."""
    text = document.text
    return tuple(sorted((h.start, h.end, h.sentence) for h in hits_of(document, "hedge")
                 if h.entry.category in ("reportative", "distancing")
                 and len(found := _WORD.findall(text[h.start:h.end])) == 1 and found[0].lower() not in pronouns))


def _label_spans(document: Document) -> tuple[tuple[int, int], ...]:
    """Contested labels (``loaded`` entries of category ``label``: "regime", "terrorist") and
    contested names (the ``naming`` lexicon), by start. Strongly subjective words are left out:
    set in quotation marks they are mostly a speaker's evaluation, quoted."""
    return tuple(sorted((h.start, h.end) for family in ("loaded", "naming") for h in hits_of(document, family)
                        if h.entry.category != DISTRACTOR and (family == "naming" or h.entry.category == "label")))


def _mentioned(context: _Context, q: Quotation, sentence: int) -> bool:
    """Whether a mention frame before the quotation makes it a mention ("known as "X"")."""
    document = context.document
    before = _words_before(document, q, sentence)
    return _frame_before(before, document.wordlist("grammar.mention_frame"), document.wordlist("grammar.function_word"))


def _words_before(document: Document, q: Quotation, sentence: int) -> list[str]:
    s_start = document.layout.sentences[sentence][0] if sentence >= 0 else q.start
    return [_ELIDED.sub("", w.lower().replace("\u2019", "'"))
            for w in _WORD.findall(document.text, max(s_start, q.start - _LOOK_BEFORE), q.start)]


def _reading(context: _Context, q: Quotation, words: list[str], sentence: int) -> tuple[str, str] | None:
    """``(family, category)`` of a short quotation of the body: a ``partial_quote`` (a speaker's
    words), a ``scare_quote`` with the cue of distance found, or ``None`` (a mention, or a term
    quoted with no cue)."""
    document = context.document
    text = document.text
    s_start, s_end = document.layout.sentences[sentence] if sentence >= 0 else (q.start, q.end)
    before = _words_before(document, q, sentence)
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
    if _right_before(before, document.wordlist("grammar.irony_marker"),
                     document.wordlist_union("grammar.determiner", "grammar.indefinite_article")) or \
            _frame_after(after, document.wordlist("grammar.irony_tag")):
        return ("scare_quote", "irony")  # "hardly a "victory"", "a "reform", so to speak": at the marks,
        # like so-called, it wins over a cue elsewhere in the sentence ("om zo te zeggen" holds one)
    partial = ("partial_quote", "partial_quote")
    if sentence in context.cue_sentences or _frame_before(before, document.wordlist("grammar.speech_frame"),
                                                          adjacent) or \
            _GENITIVE.search(text, max(s_start, q.start - 4), q.start):
        return partial  # a cue in the sentence, a noun of speech or a possessive just before: "his "X""
    if _clause(text, q, words, s_start, s_end):
        return partial  # "Call the roll," came shouts: a quoted sentence is direct speech
    if q.start in context.listed_with_speech or _speech_noun_before(context, q, s_start, s_end):
        return partial  # listed with a quoted sentence, or in what a noun of speech reports
    if sentence in context.speech_sentences:
        return partial  # the sentence quotes someone at length: its short quotations are theirs too
    fold = _fold_words(words)
    if len(fold) > 3 and fold in context.echoes.text:
        return partial  # the words stand in a longer quotation of the article: the speaker's
    if sentence - 1 in context.cue_sentences and document.wordlist("grammar.pronoun").intersection(before):
        return partial  # "X said ... . She wants a "fair deal"": the pronoun goes on with the speaker
    if (context.readings.get(fold) or (None,))[0] == "partial_quote":
        return partial  # a speaker's word quoted again further on
    last = s_end  # (not a copy of the sentence per quotation: a run-on sentence holds thousands)
    while last > s_start and text[last - 1] in _MARKS + " ":
        last -= 1
    question = last > s_start and text[last - 1] == "?"
    cue = _distancing_cue(context, q, words, before, sentence, question)
    return ("scare_quote", cue) if cue else None


def _distancing_cue(context: _Context, q: Quotation, words: list[str], before: list[str], sentence: int,
                    question: bool) -> str | None:
    """The cue that the writer keeps a distance from the quoted words, or None (module docstring)."""
    document = context.document
    near = context.doubt[bisect_left(context.doubt, (q.start - _LOOK_BEFORE,)):bisect_right(context.doubt, (q.start,))]
    if any(s == sentence and end <= q.start for _, end, s in near):
        return "doubt"  # "supposedly marked as a "high priority""
    k = bisect_left(context.labels, (q.start, -1))
    if k < len(context.labels) and context.labels[k][1] <= q.end:
        return "label"  # the "regime", the "Ground Zero mosque": a contested label or name
    if len(words) == 1 and _verb(document, words[0], before, question):
        return "verb"  # "betrayed" the government, wouldn't truly "close" it: a verb is no term
    return None


def _verb(document: Document, word: str, before: list[str], question: bool) -> bool:
    """Whether one quoted word is a verb: after a modal or the infinitive marker (up to two
    adverbs or negations may stand between: "would never truly "close""), or with a past-tense ending or an irregular
    participle form and no determiner right before (after one it may be an adjective of a term,
    a "closed" primary) nor a copula (after one it is a predicative adjective or a passive:
    was "disturbed"). In a question a modal may stand before the subject ("What did "X"
    mean?"), so there only the ending counts."""
    lowered = word.lower()
    if not word.isalpha() or (word[:1].isupper() and document.language.code == "de"):
        return False  # German nouns are capitalised; digits and hyphens make coinages
    markers = document.wordlist("grammar.verb_marker")
    adverb_suffixes = document.affixes("grammar.adverb_suffix")
    negations = document.wordlist("negation")
    for word_before in before[:-4:-1] if not question else ():  # the marker, or up to two adverbs first
        if word_before in markers:
            return True
        if not (word_before in negations or word_before.endswith(adverb_suffixes)):
            break  # "never", "truly" stand between; anything else ends the search
    if before[-1:] and before[-1] in document.wordlist_union("grammar.determiner", "grammar.indefinite_article"):
        return False
    copulas = document.wordlist("grammar.copula")
    for word_before in before[:-4:-1]:  # "was "disturbed"", "had been completely "federated""
        if word_before in copulas:
            return False  # a predicative adjective or a passive participle, not a finite verb
        if not (word_before in negations or word_before.endswith(adverb_suffixes)):
            break
    suffixes = document.affixes("grammar.past_suffix")
    return any(lowered.endswith(s) and len(lowered) - len(s) >= 3 for s in suffixes) or \
        lowered in document.wordlist("grammar.participle")


def _right_before(before: list[str], phrases: frozenset[str], skippable: frozenset[str]) -> bool:
    """Whether a phrase (up to four words) ends right before the quotation, determiners aside
    ("hardly a "victory"", "entre comillas, una "solución""): a sentence adverb further away
    ("Ironically, his strategy of "X"") comments on the clause, not on the quoted words."""
    end = len(before)
    while end > 0 and before[end - 1] in skippable:
        end -= 1
    return any(" ".join(before[end - length:end]) in phrases for length in range(1, min(4, end) + 1))


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


class _Echoes:
    """Longer quotations of the article, folded, one per line: a short quotation found in one
    repeats a speaker's words. Joined on first need: most articles' short quotations are read
    before this test (folding every longer quotation was a third of the extractor's time)."""

    def __init__(self, quotations: list[str]):
        self._quotations = quotations

    @cached_property
    def text(self) -> str:
        return "\n".join(_fold_words(_WORD.findall(quotation)) for quotation in self._quotations)


class _LowerCaseWords:
    """The words an article writes in lower case (first letter), for ``in``: listed on first need
    (one pass over the text), and only for a word the text holds at all, which most single
    capitalised quotations are not (4 in 5 on the regression corpus)."""

    def __init__(self, text: str):
        self._text = text

    def __contains__(self, lowered: str) -> bool:
        return lowered in self._text and lowered in self._words

    @cached_property
    def _words(self) -> frozenset[str]:
        return frozenset(w for w in _WORD.findall(self._text) if w[:1].islower())


def _short_words(quotation: str) -> list[str] | None:
    """The words of a quotation of at most ``MAX_WORDS`` words (``[]`` for none), or None for a
    longer one, whose words are not listed: the search stops at the word after the limit."""
    words = [m.group() for m in islice(_WORD.finditer(quotation), MAX_WORDS + 1)]
    return words if len(words) <= MAX_WORDS else None


def _fold_words(words: list[str]) -> str:
    return " ".join(w.lower() for w in words)


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
