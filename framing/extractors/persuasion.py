"""Persuasion techniques (SemEval-2023 Task 3): spans of the text that use a technique.

Built from the techniques' definitions in the annotation guidelines (Da San
Martino et al. 2019; Piskorski et al. 2023) with the ``persuasion`` lexicon
(category = technique, ``framing/techniques.py``) and rules, reusing the
evidence of the families that ran before (the scorer passes it: this is a
``DERIVED_EXTRACTORS`` entry, ``(document, evidence) -> list[Evidence]``):

- ``Loaded_Language`` and ``Name_Calling-Labeling``: the ``loaded`` family's
  subjective words and contested labels (in German, a capitalised loaded word
  inside a sentence is a noun and names its object, so a label, and so is a
  loaded adjective right before a noun, "dreiste Lügner"; German annotators
  mark such phrases as name calling; a loaded word that is a person
  noun, or stands before one, ``grammar.person_noun``, labels people: "corrupt
  politicians"; so does one before a capitalised noun for a member of a nation,
  faith or party, ``grammar.group_member_noun``: "corrupt Democrats"), and the lexicon's own (idioms, attack
  verbs, pejorative labels; compound tails and heads such as "-propaganda",
  "möchtegern-" for words written as one, "Kriegspropaganda"). The lexicon's
  ``distractor`` entries are loaded words that name no technique in their
  common descriptive sense in news ("regime", "terrorist": the words news
  style itself uses); they stay ``loaded`` evidence, but no technique;
- ``Appeal_to_Authority``: an attribution whose source carries an authority
  title ("experts", "professor", "a study") gives what the authority is
  reported to say (the quotation, else the sentence); a plain reporting cue
  ("said", "laut") is no appeal to authority by the definition, whoever speaks;
- ``Doubt``: the lexicon's credibility cues, and questions the outlet asks in
  its own voice (the guidelines' doubt is most often a rhetorical question),
  with the answer the writer gives at once in the next sentence;
- ``Repetition``: a charged phrase of several words used again anywhere, or a
  charged word used again in the same sentence;
- ``Slogans``: the lexicon's slogans and short quoted exclamations;
- the other techniques: lexicon cues.

Annotators mark a phrase or clause for the word-level techniques and the whole
claim, typically a sentence, for the argument-level ones (doubt, fear,
authority, oversimplification...), so each technique has a span width
(``WIDTHS``): ``cue`` keeps the matched words, ``phrase`` adds up to two words
either side, ``clause`` widens to the punctuation around the cue, ``sentence``
to the whole sentence; a widened span keeps the cue's voice (it stays inside a
quoted cue's quotation). Spans of one technique that overlap, or stand in one
sentence and voice, merge into one: the measure counts predicted spans, and
annotators mark one stretch where a sentence piles up loaded words.

Boosters ("really") and distancing hedges ("alleged") were tried as
exaggeration and doubt and left out: of the spans they yielded on the English
SemEval-2023 dev part, 3% and 7% overlapped an annotated span of the technique.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from operator import attrgetter
from typing import Mapping, Sequence

from ..document import Document, Hit
from ..evidence import Evidence, new_tuple
from ..lexicon import DISTRACTOR
from ..techniques import TECHNIQUES
from ._hits import hits_of, to_evidence
from .context import sentence_bounds
from .loaded import COMPOUND

FAMILY = "persuasion"
CUE, PHRASE, CLAUSE, SENTENCE = "cue", "phrase", "clause", "sentence"

WIDTHS: dict[str, str] = {
    # Word-level techniques: the clause around the loaded word, label or exaggeration.
    "Loaded_Language": CLAUSE,
    "Name_Calling-Labeling": CLAUSE,
    "Exaggeration-Minimisation": CLAUSE,
    # The repeated word itself, and the slogan as found.
    "Repetition": CUE,
    "Slogans": CUE,
    # Argument-level techniques: annotators mark the claim, typically a whole sentence
    # (13 to 20 words at the median in the SemEval-2023 training spans).
    "Conversation_Killer": CLAUSE,
    "Doubt": SENTENCE,
    "Appeal_to_Fear-Prejudice": SENTENCE,
    "Flag_Waving": CLAUSE,
    "Appeal_to_Authority": SENTENCE,
    "Questioning_the_Reputation": SENTENCE,
    "Causal_Oversimplification": SENTENCE,
    "False_Dilemma-No_Choice": SENTENCE,
    "Whataboutism": SENTENCE,
    "Appeal_to_Hypocrisy": SENTENCE,
    "Guilt_by_Association": CLAUSE,
    # Argument-level techniques of SemEval-2023 that the 2020 scheme lacks: the claim they support.
    "Appeal_to_Popularity": SENTENCE,
    "Appeal_to_Values": SENTENCE,
    "Appeal_to_Time": SENTENCE,
    "Consequential_Oversimplification": SENTENCE,
}

# Punctuation that ends a clause: what a ``clause`` span stops at.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_NEXT_WORD = re.compile(r"[ \t]+(\w+(?:-\w+)*)")
_TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e.,;:!?-\u2013\u2014()"
# Evidence of earlier families that is a technique: (family, category) -> technique.
_TECHNIQUE_OF_EVIDENCE = {
    ("loaded", "subjective"): "Loaded_Language",
    ("loaded", "label"): "Name_Calling-Labeling",
    ("loaded", COMPOUND): "Name_Calling-Labeling",
}
_OWN_LEXICON = f"{FAMILY}/"
# Lexicon entries of a praising label (Name_Calling-Labeling "or otherwise loves or praises",
# Da San Martino et al. 2019): their ids start so, and they are no attack on reputation.
_PRAISE = "praise."
_READ_FAMILIES = frozenset(family for family, _ in _TECHNIQUE_OF_EVIDENCE)
_EMOTIVE = frozenset({"Loaded_Language", "Name_Calling-Labeling"})
_SLOGAN_MAX_WORDS = 6
# A question mark ends a sentence within its last few characters (closing quotes, spaces).
_QUESTION_TAIL = 6
# Repetition counts when the same emotive word comes back within this many sentences.
_REPETITION_SENTENCES = 0
_CLAUSE_MAX_WORDS = 30
_BOUNDED_SCAN = 64 * _CLAUSE_MAX_WORDS  # characters scanned whole for a clause break; further, words are counted first
_SENTENCE_MAX_WORDS = 60
_PHRASE_WORDS = 2
# How far before a source's name its title may stand ('the Harvard economist Jane Roe').
_TITLE_REACH = 40
# Languages where a sentence that pins a label on someone also counts as Questioning_the_Reputation.
# The SemEval-2023 guidelines (Piskorski et al. 2023) define that technique as "strong negative claims"
# that undermine the target's character and moral stature, and a label the claim applies is one; their
# French and German annotators mark it so (of the sentences holding a framing label, 23% and 37% hold a
# Questioning_the_Reputation span, against 9% and 10% of all sentences: dev part, aggregate counts).
# The English annotations follow the SemEval-2020 label set, which has no such technique (no span of
# it in the English dev part), so there is no evidence there; Spanish, Dutch and Arabic are unmeasured.
REPUTATION_FROM_LABEL_LANGUAGES = frozenset({"fr", "de"})


def extract_persuasion(document: Document, earlier: Sequence[Evidence] = (), *,
                       widths: Mapping[str, str] = WIDTHS) -> list[Evidence]:
    """Persuasion-technique evidence of ``document``, given the evidence of the families
    that ran before (``earlier``); ``widths`` (technique -> span width) is for measuring
    how span width changes agreement with annotators."""
    found: list[Evidence] = []
    authority_hits = []
    emotive: list[Evidence] = []  # loaded words and labels, for repetition
    # In a language that writes every noun with a capital (German: its grammar lists the
    # suffixes of capitalised common nouns), a loaded noun names its object: a label.
    nouns_capitalised = bool(document.wordlist("grammar.common_noun_suffix"))
    # Common nouns for people, and the capitalised nouns for a member of a nation, faith or party.
    people = (document.wordlist("grammar.person_noun"), document.wordlist("grammar.group_member_noun"))
    descriptive: list[Hit] = []  # distractors: words of the loaded family that name no technique here
    for hit in hits_of(document, FAMILY):
        technique, end = hit.entry.category, hit.end
        if technique == DISTRACTOR:
            descriptive.append(hit)
            continue
        if technique == "Loaded_Language":
            technique, end = _emotive_technique(document, hit.start, hit.end, hit.sentence, nouns_capitalised,
                                                people)
        if technique == "Appeal_to_Authority":
            authority_hits.append(hit)
        elif technique in TECHNIQUES:
            found.append(_widened(document, hit.start, end, hit.sentence, technique, hit.entry.id,
                                  hit.entry.lexicon, hit.entry.term, widths))
            if technique in _EMOTIVE:
                emotive.append(to_evidence(document, hit))
    found += _compounds(document, widths)
    for e in earlier:
        if e.lexicon is not None and e.lexicon.startswith(_OWN_LEXICON):
            continue  # a cue of this family's lexicon that the loaded family counts too: its hit is above
        technique = _TECHNIQUE_OF_EVIDENCE.get((e.family, e.category or "")) if e.family in _READ_FAMILIES else None
        end = e.end
        if technique == "Loaded_Language":
            technique, end = _emotive_technique(document, e.start, e.end, e.sentence, nouns_capitalised,
                                                people)
        if technique is not None and not any(d.start <= e.start and e.end <= d.end for d in descriptive):
            found.append(_widened(document, e.start, end, e.sentence, technique, f"{e.family}:{e.entry}",
                                  e.lexicon, e.term, widths))
            if technique in _EMOTIVE:
                emotive.append(e)
    if document.language.code in REPUTATION_FROM_LABEL_LANGUAGES:
        found += _reputation_from_labels(document, found, widths)
    found += _authority(document, authority_hits, earlier, widths)
    found += _repetitions(document, emotive, widths)
    found += _questions(document)
    found += _slogans(document)
    return _merged(document.text, found)


def _labels(document: Document, start: int, end: int, sentence: int) -> bool:
    """Whether the loaded word at ``start:end`` names its object, in a language that capitalises
    every noun: it is a noun itself, or an adjective standing before one (attributive: "korrupte
    Eliten"), so that the phrase is a label for the noun's referent."""
    text = document.text
    return _is_noun(document, start, sentence) or (text[end:end + 1] == " " and text[end + 1:end + 2].isupper())


def _is_noun(document: Document, start: int, sentence: int) -> bool:
    """Whether the word at ``start`` is capitalised inside its sentence: a noun, in a language
    that capitalises every noun and nothing else but a sentence's first word."""
    return document.text[start:start + 1].isupper() and not _sentence_initial(document, start, sentence)


def _emotive_technique(document: Document, start: int, end: int, sentence: int, nouns_capitalised: bool,
                       people: tuple[frozenset[str], frozenset[str]]) -> tuple[str, int]:
    """The technique of a loaded word at ``start:end``, and where its span ends: a label
    (Name_Calling-Labeling) when, in a language that capitalises nouns, it is a noun or stands
    before one (``_labels``), or names people (``_person_label_end``); else Loaded_Language."""
    if nouns_capitalised and _labels(document, start, end, sentence):
        return "Name_Calling-Labeling", end
    label_end = _person_label_end(document.text, start, end, people, nouns_capitalised) if any(people) else None
    if label_end is not None:
        return "Name_Calling-Labeling", label_end
    return "Loaded_Language", end


def _person_label_end(text: str, start: int, end: int, people: tuple[frozenset[str], frozenset[str]],
                      nouns_capitalised: bool) -> int | None:
    """Where the label ends when the loaded word at ``start:end`` names people: the word itself
    is a person noun ("thugs"), or it stands right before one ("corrupt politicians", the label
    noun phrase the guidelines' Name_Calling-Labeling marks); None when it names no one.
    ``people`` holds the common person nouns and the nouns for a member of a nation, faith or
    party ("radical Catholics", "corrupt Democrats"), which English writes with a capital, unless
    another capitalised word follows and makes it part of a name ("the Catholic Church"); any
    other capitalised next word is a name or a new sentence, not a common noun, unless the
    language capitalises every noun."""
    person_nouns, group_nouns = people
    if _folded(text[start:end]) in person_nouns:
        return end
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return None
    word = following.group(1)
    folded = _folded(word)
    if (nouns_capitalised or not word[:1].isupper()) and folded in person_nouns:
        return following.end()
    if word[:1].isupper() and folded in group_nouns and not _starts_capitalised(text, following.end()):
        return following.end()  # a capitalised word after it makes it part of a name: "the White House"
    return None


def _starts_capitalised(text: str, position: int) -> bool:
    """Whether the word after ``position`` (past spaces) starts with a capital."""
    following = _NEXT_WORD.match(text, position)
    return following is not None and following.group(1)[:1].isupper()


def _sentence_initial(document: Document, start: int, sentence: int) -> bool:
    """Whether only punctuation and quotation marks stand between the sentence's start and ``start``."""
    low, _ = sentence_bounds(document, sentence, start)
    return not _WORD.search(document.text, low, start)


def _compounds(document: Document, widths: Mapping[str, str]) -> list[Evidence]:
    """Words ending in a technique's compound tail or starting with its compound head
    (``suffix.<technique>`` and ``prefix.<technique>`` word lists, from ``persuasion``
    entries written "-propaganda" and "möchtegern-"): German and Dutch write a label as one
    word ("Kriegspropaganda", "Möchtegern-Experten"), which whole-word matching cannot see."""
    found = []
    lowered = ""
    for technique, lists in _AFFIX_LISTS:
        for name, tail in lists:
            affixes = document.wordlist(name)
            if not affixes:  # most techniques, in most languages: no pattern to look up
                continue
            pattern = affix_pattern(affixes, tail=tail)
            if pattern is None:  # never, for a list with affixes: said for the type checker
                continue
            lowered = lowered or document.text.lower()
            # The word scan is costly (the pattern is tried at every word); most articles
            # contain none of the affixes at all, which a substring test sees at once.
            if not any(affix in lowered for affix in affixes):
                continue
            for m in pattern.finditer(document.text):
                sentence = document.sentence_at(m.start())
                if sentence >= 0:
                    found.append(_widened(document, m.start(), m.end(), sentence, technique, "rule:compound", None,
                                          None, widths))
    return found


# Per technique, the names of its compound word lists (tails, then heads), spelled once rather
# than per article.
_AFFIX_LISTS = tuple((technique, ((f"suffix.{technique}", True), (f"prefix.{technique}", False)))
                     for technique in TECHNIQUES)


@lru_cache(maxsize=128)
def affix_pattern(affixes: frozenset[str], *, tail: bool) -> re.Pattern[str] | None:
    """A word that ends in one of ``affixes`` after at least two letters (``tail``), or starts
    with one and goes on for at least three; compiled once per list."""
    if not affixes:
        return None
    alternation = "|".join(re.escape(a) for a in sorted(affixes, key=len, reverse=True))
    if tail:
        return re.compile(rf"\b\w{{2,}}-?(?:{alternation})\b", re.IGNORECASE)
    return re.compile(rf"\b(?:{alternation})-?\w{{3,}}\b", re.IGNORECASE)


def _widened(document: Document, start: int, end: int, sentence: int, technique: str, entry: str,
             lexicon: str | None, term: str | None, widths: Mapping[str, str]) -> Evidence:
    """Evidence for the cue at ``start:end``, widened to its technique's span width."""
    width = widths.get(technique, CUE)
    text = document.text
    if width != CUE:
        low, high = _within_voice(document, start, *sentence_bounds(document, sentence, start))
        if width == PHRASE:
            start, end = _phrase(text, start, end, *_clause(text, start, end, low, high))
        elif width == CLAUSE:
            start, end = _clause(text, start, end, low, high)
        elif _fewer_spaces(text, low, high, _SENTENCE_MAX_WORDS):  # words, counted by the spaces between them
            start, end = low, high
        else:  # a run-on "sentence" (a list, a paragraph without stops): the clause instead
            start, end = _clause(text, start, end, low, high)
        start, end = _trimmed(text, start, end)
    # tuple.__new__ with every field in Evidence's order (family, entry, text, start, end, voice,
    # sentence, category, axis, position, lexicon, term, speaker, embedded, frame, technique):
    # a third of the time of Evidence(...) with keywords, for each of some five cues per article.
    return new_tuple(Evidence, (FAMILY, entry, text[start:end], start, end, document.voice_at(start), sentence,
                                 technique, None, None, lexicon, term, None, None, None, technique))


def _within_voice(document: Document, cue: int, low: int, high: int) -> tuple[int, int]:
    """``low:high`` narrowed so that a span widened from ``cue`` keeps the cue's voice: a
    quoted cue stays inside its quotation (the speaker's words), an unquoted one starts
    after any quotation that closes before it."""
    starts, ends = document.quoted
    k = bisect_right(starts, cue) - 1
    if k >= 0 and cue < ends[k]:
        return max(low, starts[k]), min(high, ends[k])
    if k >= 0:
        low = max(low, ends[k])
    return low, high


def _clause(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The clause around ``start:end``: out to the nearest clause punctuation within ``low:high``."""
    # Breaks are looked for only as far as _CLAUSE_MAX_WORDS spaces from the cue (a break is at most
    # three characters): a clause reaching further is too long anyway, and a run-on sentence of
    # thousands of cues made every cue scan the whole sentence (quadratic).
    far_left = low if start - low <= _BOUNDED_SCAN else _nth_space_back(text, low, start)
    far_right = high if high - end <= _BOUNDED_SCAN else _after_nth_space(text, end, high, _CLAUSE_MAX_WORDS)
    far_right = high if far_right is None else far_right
    left = low
    for m in _CLAUSE_BREAK.finditer(text, max(low, far_left - 2), start):
        left = m.end()
    if left < far_left:
        return start, end
    right_break = _CLAUSE_BREAK.search(text, end, min(high, far_right + 2))
    if right_break is None and far_right + 2 < high:
        return start, end
    right = right_break.start() if right_break is not None else high
    if text.count(" ", left, right) >= _CLAUSE_MAX_WORDS:  # words, counted by the spaces between them
        return start, end
    return left, right


def _fewer_spaces(text: str, low: int, high: int, limit: int) -> bool:
    """Whether ``text[low:high]`` holds fewer than ``limit`` spaces, counting no further than
    ``limit`` (a run-on sentence of a megabyte was counted whole for each of its cues)."""
    if high - low <= 64 * limit:  # an ordinary sentence: one count, bounded
        return text.count(" ", low, high) < limit
    return _after_nth_space(text, low, high, limit) is None


def _nth_space_back(text: str, low: int, start: int) -> int:
    """Where the ``_CLAUSE_MAX_WORDS``-th space before ``start`` stands (``low`` when there are fewer)."""
    position = start
    for _ in range(_CLAUSE_MAX_WORDS):
        position = text.rfind(" ", low, position)
        if position < 0:
            return low
    return position


def _after_nth_space(text: str, position: int, high: int, n: int) -> int | None:
    """One past the ``n``-th space of ``text[position:high]``, or None when it has fewer."""
    for _ in range(n):
        found = text.find(" ", position, high)
        if found < 0:
            return None
        position = found + 1
    return position


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


def _authority(document: Document, hits: list[Hit], earlier: Sequence[Evidence],
               widths: Mapping[str, str]) -> list[Evidence]:
    """Attributions to an authority: an authority title ("experts", "professor") at a
    source of a sentence with a top-level cue gives what the authority is reported to have
    said: the quotation when the sentence has one (annotators mark the claim the authority
    lends weight to), else the sentence around the cue."""
    cues: dict[int, list[Evidence]] = {}
    sources: dict[int, list[Evidence]] = {}
    for e in earlier:
        if e.family == "attribution_cue" and e.embedded is None:
            cues.setdefault(e.sentence, []).append(e)
        elif e.family == "source":
            sources.setdefault(e.sentence, []).append(e)
    found = []
    titled: dict[int, Evidence] = {}
    for hit in hits:
        sentence_cues = cues.get(hit.sentence, [])
        if sentence_cues and any(s.start - _TITLE_REACH <= hit.start and hit.end <= s.end
                                   for s in sources.get(hit.sentence, ())):
            titled.setdefault(hit.sentence, sentence_cues[0])
    for sentence, cue in sorted(titled.items()):
        low, high = document.layout.sentences[sentence]
        quoted = [q for q in document.quotations if q.depth == 1 and low <= q.start < high]
        for q in quoted:
            start, end = _trimmed(document.text, q.start, q.end)
            if end > start:
                found.append(Evidence(FAMILY, f"attribution_cue:{cue.entry}", document.text[start:end], start,
                                      end, document.voice_at(start), sentence, category="Appeal_to_Authority",
                                      lexicon=cue.lexicon, term=cue.term, technique="Appeal_to_Authority"))
        if not quoted:
            found.append(_widened(document, cue.start, cue.end, sentence, "Appeal_to_Authority",
                                  f"attribution_cue:{cue.entry}", cue.lexicon, cue.term, widths))
    return found


def _reputation_from_labels(document: Document, found: list[Evidence], widths: Mapping[str, str]) -> list[Evidence]:
    """Questioning_the_Reputation over each sentence that applies a label (Name_Calling-Labeling):
    calling someone a name is a strong negative claim about their character, the guidelines'
    attack on reputation, and annotators mark the claim, the sentence around the label. A praising
    label (a lexicon entry whose id starts ``praise.``: "hero", "sauveur") attacks no one."""
    return [_widened(document, e.start, e.end, e.sentence, "Questioning_the_Reputation", e.entry, e.lexicon, e.term,
                     widths)
            for e in found if e.technique == "Name_Calling-Labeling" and not e.entry.startswith(_PRAISE)]


def _repetitions(document: Document, emotive: list[Evidence], widths: Mapping[str, str]) -> list[Evidence]:
    """Loaded words and labels (``emotive``) the article has used before, from the second
    time on: the guidelines' repetition is an emotive word or phrase repeated so that it sticks."""
    last_seen: dict[str, tuple[int, int]] = {}  # word -> (sentence, start) of its last use
    found = []
    for e in sorted(emotive, key=attrgetter("start")):
        key = e.text.lower()
        before = last_seen.get(key)
        if before is not None and before[1] == e.start:
            continue  # the same word found by both the loaded family and the persuasion lexicon
        if before is not None and (" " in key or e.sentence - before[0] <= _REPETITION_SENTENCES):
            found.append(_widened(document, e.start, e.end, e.sentence, "Repetition", e.entry, e.lexicon, e.term,
                                  widths))
        last_seen[key] = (e.sentence, e.start)
    return found


def _questions(document: Document) -> list[Evidence]:
    """Questions the outlet asks in its own voice: Doubt, for the guidelines' "questioning
    the credibility of someone or something" is most often done with a rhetorical question.
    A question that opens with a modal of prediction or obligation (``grammar.deliberative_modal``:
    "Will the bill pass?", "Should the city sell the land?") asks for a forecast or a decision,
    not whether someone is to be believed, so it is no Doubt. A run of such questions, one
    sentence after another within a paragraph ("Who paid? Why now? Who benefits?"), is one
    span: one stretch of doubt (a fifth of the English SemEval-2023 Doubt spans run over more
    than one sentence; aggregate count of the dev part). A question the writer answers at once,
    in the next sentence of the paragraph (hypophora: "Who pays for it? The tenants."), is one
    rhetorical unit with its answer, and the span takes the answer in (``_answered``)."""
    found = _question_runs(document)
    return [_answered(document, e) for e in found]


def _question_runs(document: Document) -> list[Evidence]:
    """The outlet's own questions (Doubt), a run of them in one paragraph as one span."""
    text = document.text
    deliberative = document.wordlist("grammar.deliberative_modal")
    found: list[Evidence] = []
    run = 0  # sentences in the run the last question span covers
    for index, (start, end) in enumerate(document.layout.sentences):
        if "?" not in text[max(start, end - _QUESTION_TAIL):end]:
            continue
        s, e = _trimmed(text, start, end)
        if e <= s or text[e:end].lstrip(" \"'\u201d\u2019\u00bb)")[:1] != "?" or document.is_quoted(s):
            continue
        words = _WORD.findall(text, s, e)
        if len(words) < 4 or (deliberative and _folded(words[0]) in deliberative):
            continue
        last = found[-1] if found else None
        if last is not None and last.sentence + run == index and "\n" not in text[last.end:s]:
            found[-1] = last._replace(end=e, text=text[last.start:e])
            run += 1
            continue
        run = 1
        found.append(Evidence(FAMILY, "rule:question", text[s:e], s, e, document.voice_at(s), index,
                              category="Doubt", technique="Doubt"))
    return found


def _answered(document: Document, question: Evidence) -> Evidence:
    """``question`` (a Doubt span of the outlet's questions) with the sentence after it when that
    sentence follows in the same paragraph and asks nothing itself: the writer's answer, which
    makes the question rhetorical (hypophora) and belongs to the same stretch of doubt."""
    text, sentences = document.text, document.layout.sentences
    following = document.sentence_at(question.end - 1) + 1
    if not 0 < following < len(sentences):
        return question
    start, end = sentences[following]
    if ("\n" in text[question.end:start] or "?" in text[max(start, end - _QUESTION_TAIL):end]
            or not _fewer_spaces(text, start, end, _SENTENCE_MAX_WORDS)):
        return question
    start, end = _trimmed(text, start, end)
    if end <= question.end:
        return question
    return question._replace(end=end, text=text[question.start:end])


def _folded(word: str) -> str:
    """``word`` as word lists hold it: lower case, typographic apostrophe as plain."""
    return word.lower().replace("\u2019", "'")


def _slogans(document: Document) -> list[Evidence]:
    """Short quoted exclamations ("«No to the war!»"): the guidelines' slogans are brief,
    striking and often a call to act, and news reports them as chanted or written words."""
    text = document.text
    found = []
    for q in document.quotations:
        if q.depth != 1 or "!" not in text[q.start:q.end]:
            continue
        s, e = _trimmed(text, q.start, q.end)
        if e > s and 1 < len(_WORD.findall(text, s, e)) <= _SLOGAN_MAX_WORDS:
            sentence = document.sentence_at(s)
            if sentence >= 0:
                found.append(Evidence(FAMILY, "rule:exclamation", text[s:e], s, e, document.voice_at(s), sentence,
                                      category="Slogans", technique="Slogans"))
    return found


def _merged(text: str, found: list[Evidence]) -> list[Evidence]:
    """One span per stretch of text using a technique: spans of one technique that overlap,
    or that stand in one sentence in one voice, become one span from the first to the last
    (the first one's entry stands for it): annotators mark one stretch where a sentence
    piles up loaded words, and the measure counts predicted spans."""
    by_technique: dict[str, list[Evidence]] = {}
    for e in sorted(found, key=attrgetter("start", "end")):
        if e.end <= e.start:
            continue
        spans = by_technique.setdefault(e.technique or "", [])
        last = spans[-1] if spans else None
        if last is not None and (e.start < last.end or (e.sentence == last.sentence and e.voice == last.voice)):
            if e.end > last.end:
                spans[-1] = last._replace(end=e.end, text=text[last.start:e.end])
            continue
        spans.append(e)
    return sorted((e for spans in by_technique.values() for e in spans), key=attrgetter("start", "end"))
