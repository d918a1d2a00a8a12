"""Attribution: who the outlet says its information comes from, and how it says so.

- Cues: reporting verbs and phrases from the ``attribution_cue`` lexicon, each
  with a stance (``neutral`` "said", ``distancing`` "claimed", ``endorsing``
  "revealed"), plus a colon that introduces a quotation ("It says: ‘...’").
- Sources: for each cue the nearest source span, typed ``named_person``,
  ``named_organisation``, ``document`` ("the email"), ``anonymous`` ("a very
  sensitive source") or ``vague`` ("critics"); anonymous source nouns anywhere
  in an attributed sentence count too ("it is learnt from a source").
  Prepositional cues ("according to", "volgens") look right for their source,
  verbal cues look left for their subject first.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from ..context import words_before
from ..document import QUOTED, UNQUOTED, Document, Hit
from ..quotes import introducing_colon
from ..evidence import Evidence
from ..lexicon import DISTRACTOR
from ._hits import after_determiner, hits_of, to_evidence

COLON_CUE = "attribution_cue.colon_quotation"
NAME_COLON_CUE = "attribution_cue.name_colon"
DASH_CUE = "attribution_cue.dash_after_quotation"
_UPPERCASE = "".join(ch for ch in map(chr, range(0x10000)) if ch.isupper())
# "Pat Caddell: ..." -- one to four capitalised words, a colon, then more text.
_NAME_COLON = re.compile(rf"(?:[{re.escape(_UPPERCASE)}][\w'\u2019.\-]*\s+){{0,3}}[{re.escape(_UPPERCASE)}][\w'\u2019.\-]*(:)\s+\S")
# "“...” ― Sonya Herridge" -- a dash right after a quotation, then a capitalised word.
_DASH_NAME = re.compile(rf"[ \t\u00a0]*([\u2015\u2014\u2013])[ \t\u00a0]*[{re.escape(_UPPERCASE)}]")
# The same after a closing quotation mark, whatever quotation it closes (the pairing of
# marks can fail on mixed marks), and with a spaced hyphen too ("...” - Bernie Sanders");
# the spaces may be no-break spaces.
_MARK_DASH_NAME = re.compile(
    rf"[\u201d\"\u2019][ \t\u00a0]*([\u2015\u2014\u2013]|-(?=[ \t\u00a0]))[ \t\u00a0]*[{re.escape(_UPPERCASE)}]")
# A tally after a colon ("Clinton: 2,316."), not words of a speaker.
_TALLY = re.compile(r"\s*[\d.,%$]+\s*(?:[.;,]|$)")
_OPENING_MARKS = "\"\u201c\u2018\u00ab"
# A word that starts with a capital letter (any script with case).
# An apostrophe may precede it: elided articles ("l'ONU", "d'Amato").
# The "not after a word character" test comes after the capital, as a
# two-character look-behind, so that most positions fail on the cheap class
# test first (three times faster than a leading ``(?<!\w)``, same matches).
_CAPITAL_WORD = re.compile(rf"[{re.escape(_UPPERCASE)}](?<!\w.)[\w'\u2019.\-]*")
_WORDLIKE = re.compile(r"\w+")
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_POSSESSIVE_ENDINGS = ("'", "\u2019", "'s", "\u2019s")
_LOOK_RIGHT_CHARS = 70
_LOOK_LEFT_CHARS = 90
_NAME_MARGIN = 40  # a name may start before the look-left limit and still end inside it


@dataclass(frozen=True, slots=True)
class Source:
    """A candidate source span, its type, and the sentence it stands in."""

    start: int
    end: int
    kind: str
    entry: str
    voice: str
    sentence: int


def extract_attribution(document: Document) -> list[Evidence]:
    """Cues, their sources, and every quotation with its speaker where one can be attached.

    A quotation's speaker is the source of the nearest cue in its sentence.
    """
    cues = mark_embedded(document, attribution_cues(document))
    candidates = source_candidates(document, cue_windows(document, cues))
    candidates = sorted(candidates + caseless_subjects(document, cues, candidates), key=lambda c: c.start)
    by_sentence: dict[int, list[Source]] = {}
    for source in candidates:
        by_sentence.setdefault(source.sentence, []).append(source)
    chosen: dict[tuple[int, int], Source] = {}
    cues_by_sentence: dict[int, list[tuple[Evidence, Source | None]]] = {}
    for cue in cues:
        source = source_for(document, cue, by_sentence.get(cue.sentence, []))
        cues_by_sentence.setdefault(cue.sentence, []).append((cue, source))
        if source is not None:
            chosen[(source.start, source.end)] = source
    for source in candidates:
        if source.kind == "anonymous" and source.sentence in cues_by_sentence:
            chosen[(source.start, source.end)] = source
    text = document.text
    sources = [Evidence("source", s.entry, text[s.start:s.end], s.start, s.end, s.voice, s.sentence,
                        category=s.kind)
               for s in sorted(chosen.values(), key=lambda s: s.start)]
    quotations = []
    for q in document.quotations:
        if q.depth != 1:
            continue
        sentence = document.sentence_at(q.start)
        attributed = cues_by_sentence.get(sentence, [])
        with_source = sorted(((abs(c.start - q.start), c.start, s) for c, s in attributed if s is not None),
                             key=lambda t: t[:2])
        speaker = with_source[0][2] if with_source else None
        quotations.append(Evidence(
            "quotation", "quotation.closed" if q.closed else "quotation.unclosed", q.text, q.start, q.end,
            QUOTED, sentence, category="direct" if attributed else "unattributed",
            speaker=text[speaker.start:speaker.end] if speaker else None))
    return cues + sources + quotations


def attribution_cues(document: Document) -> list[Evidence]:
    """Reporting verbs and phrases from the lexicon, and three typographic conventions:

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
    lexical = [to_evidence(document, hit) for hit in hits_of(document, "attribution_cue")
               if not _after_determiner(document, hit)  # "his claims", "the report"
               and _reports(document, hit.entry.category, hit.start, hit.end)
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
    lexical = sorted((h.start, h.end) for h in document.hits)
    for index, (start, end) in enumerate(document.layout.sentences):
        opened = start + 1 if text[start:start + 1] in _OPENING_MARKS else start
        colon = _NAME_COLON.match(text, opened, end)
        if colon and _speaker_label(document, opened, colon) and not _any_within(lexical, start, colon.start(1)):
            # a lexicon word before the colon ("Clinton Emails:") makes it a topic label, not a speaker
            cues.append(Evidence("attribution_cue", NAME_COLON_CUE, ":", colon.start(1), colon.end(1), UNQUOTED,
                                 index, category="neutral"))
    return sorted(cues, key=lambda e: (e.start, e.end))


def _any_within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of the sorted ``spans`` starts inside ``[start, end)``."""
    k = bisect_left(spans, (start, -1))
    return k < len(spans) and spans[k][0] < end


def source_for(document: Document, cue: Evidence, same: list[Source]) -> Source | None:
    """The source span a cue attributes to among the candidates of its sentence, by position."""
    right = [s for s in same if cue.end <= s.start <= cue.end + _LOOK_RIGHT_CHARS]
    left = [s for s in same if cue.start - _LOOK_LEFT_CHARS <= s.start and s.end <= cue.start]
    prepositional = (cue.term or cue.text).lower() in document.wordlist("grammar.prepositional_cue")
    if prepositional:
        return right[0] if right else None
    inverted = document.wordlist("grammar.subject_after_verb")
    if right and inverted and right[0].start - cue.end <= 2 and \
            document.text[right[0].start:right[0].end].lower() in inverted:
        return right[0]  # verb-second inversion: "Gisteren verklaarde hij", "Am Abend sagte er"
    window_start = max(0, cue.start - _LOOK_LEFT_CHARS)
    before = document.text[window_start:cue.start].rstrip()
    if right and right[0].start == cue.end + 1 and before.endswith((",", "\u201d", '"', "\u00bb")):
        return right[0]  # the reported words come first: "..., said John Smith", "..., sagte Annalena Baerbock"
    if left and before.endswith(","):
        # "The email, sent by Sidney Blumenthal, said": skip the apposition.
        opening = before.rfind(",", 0, len(before) - 1)
        subject = [s for s in left if s.end <= window_start + opening]
        if opening >= 0 and subject:
            return subject[-1]
    if left:
        return left[-1]
    return right[0] if right else None


def cue_windows(document: Document, cues: list[Evidence]) -> dict[int, tuple[int, int]]:
    """Per attributed sentence, the stretch around its cues where a source can stand."""
    windows: dict[int, tuple[int, int]] = {}
    for cue in cues:
        if cue.sentence < 0:
            continue
        s_start, s_end = document.layout.sentences[cue.sentence]
        start = max(s_start, cue.start - _LOOK_LEFT_CHARS - _NAME_MARGIN)
        end = min(s_end, cue.end + _LOOK_RIGHT_CHARS + _NAME_MARGIN)
        if cue.sentence in windows:
            start, end = min(start, windows[cue.sentence][0]), max(end, windows[cue.sentence][1])
        windows[cue.sentence] = (start, end)
    return windows


def source_candidates(document: Document, windows: dict[int, tuple[int, int]]) -> list[Source]:
    """Source nouns from the lexicon, and runs of capitalised words (names), in attributed sentences."""
    found = [Source(h.start, h.end, h.entry.category or "vague", h.entry.id, h.voice, h.sentence)
             for h in hits_of(document, "source_noun") if h.sentence in windows]
    taken: dict[int, list[tuple[int, int]]] = {}
    for source in found:
        taken.setdefault(source.sentence, []).append((source.start, source.end))
    pronouns = _word_pattern(document.wordlist("grammar.pronoun"))
    for index, (w_start, w_end) in windows.items():
        for m in pronouns.finditer(document.text, w_start, w_end) if pronouns else ():
            voice = QUOTED if document.is_quoted(m.start()) else UNQUOTED
            found.append(Source(m.start(), m.end(), "pronoun", "source.pronoun", voice, index))
    for start, end, kind in named_entities(document, windows):
        sentence = document.sentence_at(start)
        if not any(a < end and start < b for a, b in taken.get(sentence, ())):
            voice = QUOTED if document.is_quoted(start) else UNQUOTED
            found.append(Source(start, end, kind, f"source.{kind}", voice, sentence))
    found.sort(key=lambda s: s.start)
    return found


def caseless_subjects(document: Document, cues: list[Evidence], taken: list[Source]) -> list[Source]:
    """Names in scripts without capital letters (Arabic), where the subject follows the verb.

    "وقال ناصر بوريطة إن ..." (said Nasser Bourita that ...): the words right
    after a verbal cue, up to a clause word of the language's
    ``grammar.subject_boundary`` list (that, about, in ...) and at most three,
    are taken as the name; an organisation noun first makes it an organisation.
    Only languages whose grammar lists such boundaries use this rule.
    """
    boundaries = document.wordlist("grammar.subject_boundary")
    if not boundaries:
        return []
    organisation_words = document.wordlist("grammar.organisation_word")
    prepositional = document.wordlist("grammar.prepositional_cue")
    stop = boundaries | document.wordlist("grammar.pronoun") | document.wordlist("negation")
    occupied = [(s.start, s.end) for s in taken]
    found = []
    for cue in cues:
        if cue.sentence < 0 or (cue.term or cue.text).lower() in prepositional:
            continue
        _, s_end = document.layout.sentences[cue.sentence]
        words = []
        for m in _WORD_OR_MARK.finditer(document.text, cue.end, s_end):
            if not m.group()[0].isalnum() or m.group() in stop or len(words) == 3:
                break
            words.append(m)
        if not words or any(a < words[-1].end() and words[0].start() < b for a, b in occupied):
            continue
        kind = "named_organisation" if words[0].group() in organisation_words else "named_person"
        voice = QUOTED if document.is_quoted(words[0].start()) else UNQUOTED
        found.append(Source(words[0].start(), words[-1].end(), kind, f"source.{kind}", voice, cue.sentence))
    return found


def named_entities(document: Document, windows: dict[int, tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in the ``windows`` of attributed sentences, typed
    ``named_person`` or ``named_organisation``.

    Name particles ("bin", "van") and small title words ("of", "for") may sit
    inside a run ("Secretary of State", "Movement for Oneness and Jihad").
    Not taken: a lone capitalised word opening a sentence (unless a cue follows
    it: "Trump said"), leading determiners and prepositions ("Am Abend"),
    months, weekdays, pronouns, and words that are lexicon cues ("According").
    A run with an organisation noun or an acronym is an organisation, any other
    a person.
    """
    text = document.text
    inner = document.wordlist("grammar.name_particle") | document.wordlist("grammar.name_joiner")
    calendar = document.wordlist("grammar.month") | document.wordlist("grammar.weekday")
    not_names = calendar | document.wordlist("grammar.pronoun")
    # Offsets covered by a lexicon hit (naming aside) in an attributed sentence.
    lexical = {offset for h in document.hits if h.entry.family != "naming" and h.sentence in windows
               for offset in range(h.start, h.end)}
    runs = []
    for index in sorted(windows):
        s_start = document.layout.sentences[index][0]
        w_start, w_end = windows[index]
        words = [m for m in _CAPITAL_WORD.finditer(text, w_start, w_end)
                 if m.start() not in lexical and m.group().rstrip(".").lower() not in not_names]
        run: list[re.Match[str]] = []
        for m in words:
            if run and _joins(text[run[-1].end():m.start()], inner):
                run.append(m)
                continue
            if run:
                runs.append((s_start, run))
            run = [m]
        if run:
            runs.append((s_start, run))
    return _typed_names(document, runs)


def _typed_names(document: Document, runs: list[tuple[int, list[re.Match[str]]]]) -> list[tuple[int, int, str]]:
    text = document.text
    cue_starts = {_next_word_start(text, h.start) for h in document.hits if h.entry.family == "attribution_cue"}
    organisation_words = document.wordlist("grammar.organisation_word")
    leading = (document.wordlist("grammar.determiner") | document.wordlist("grammar.title_function_word")
               | document.wordlist("grammar.name_particle"))
    names = []
    for sentence_start, run in runs:
        while len(run) > 1 and run[0].group().lower() in leading:
            run = run[1:]  # "Die Gespräche", "Am Abend": a capitalised determiner or preposition opens no name
        if len(run) == 1 and run[-1].end() not in cue_starts and all(
                w.lower() in leading for w in _WORDLIKE.findall(text, sentence_start, run[0].start())):
            continue  # capitalised by its position, unless it is the subject of a cue ("Trump said")
        words = [_without_possessive(r.group()).rstrip(".,") for r in run]
        last = _without_possessive(run[-1].group())
        if last.endswith(".") and len(last) > 2 and last.count(".") == 1:
            last = last[:-1]  # the sentence's full stop, not an initial ("J.") or "U.S."
        end = run[-1].start() + len(last)
        organisation = any(w.lower() in organisation_words or (w.isupper() and len(w) > 1) for w in words)
        names.append((run[0].start(), end, words, organisation))
    return [(start, end, "named_organisation" if organisation else "named_person")
            for start, end, words, organisation in names]


def _without_possessive(word: str) -> str:
    """``word`` without a final ' or 's (’ too): "Clinton's" is Clinton."""
    return _POSSESSIVE.sub("", word) if word.endswith(_POSSESSIVE_ENDINGS) else word


def _joins(gap: str, inner: frozenset[str]) -> bool:
    """Whether the text between two capitalised words keeps them in one name: white space,
    or up to three particles and small title words ("Secretary of State", "bin Laden")."""
    words = gap.split()
    return len(words) <= 3 and all(w.lower() in inner for w in words)


@lru_cache(maxsize=32)
def _word_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive pattern for a closed word list (pronouns), compiled once."""
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])", re.IGNORECASE)


def _next_word_start(text: str, cue_start: int) -> int:
    """The end of the word before a cue, for 'is this name right before a cue?'"""
    end = cue_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


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
    boundaries = _word_pattern(document.wordlist("grammar.clause_boundary"))
    channel = document.wordlist("grammar.channel_cue")
    spoken = {c.sentence for c in cues if c.voice == UNQUOTED and c.text.lower() not in channel}
    marked: list[Evidence] = []
    previous: dict[int, Evidence] = {}
    for cue in cues:
        if cue.voice == QUOTED:
            marked.append(replace(cue, embedded="quotation"))
            continue
        if cue.text.lower() in channel and cue.sentence in spoken:
            continue
        before = previous.get(cue.sentence)
        if cue.sentence >= 0 and before is not None:
            gap = text[before.end:cue.start]
            if not _CLAUSE_BREAK.search(gap) and not _opens_clause(gap, boundaries):
                cue = replace(cue, embedded="clause")
        previous[cue.sentence] = cue
        marked.append(cue)
    return _whole_sentence_reports(document, marked)


# ", the report said." -- a comma, one to five words of source, the cue, at most two
# words (a day, "last week"), and the end of the sentence.
_POSTPOSED_SOURCE = re.compile(r",\s*(?:[\w.\-'\u2019]+\s+){1,5}$")
_SENTENCE_TAIL = re.compile(r"(?:[ \t\u00a0]+[\w\-]+){0,2}[ \t\u00a0]*[.!?]")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]|''")


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
    boundaries = _word_pattern(document.wordlist("grammar.clause_boundary"))  # ", but he did not say."
    by_sentence: dict[int, list[int]] = {}
    for i, cue in enumerate(cues):
        if cue.sentence >= 0 and cue.embedded is None and cue.voice == UNQUOTED:
            by_sentence.setdefault(cue.sentence, []).append(i)
    inner: set[int] = set()
    for sentence, indices in by_sentence.items():
        if len(indices) < 2:
            continue
        start, end = document.layout.sentences[sentence]
        for j, i in enumerate(indices):
            cue = cues[i]
            word = (cue.term or cue.text).lower()
            before = text[start:cue.start]
            if word in scope:
                if not before.strip(_OPENING_MARKS + " \t"):
                    comma = text.find(",", cue.end, end)
                    if comma >= 0:
                        inner.update(k for k in indices[j + 1:] if cues[k].start > comma)
                elif before.rstrip().endswith(","):
                    inner.update(indices[:j])
            elif cue.text.lower() in postposed:
                source = _POSTPOSED_SOURCE.search(before)
                tail = _SENTENCE_TAIL.match(text, cue.end, end + 1)
                if source and tail and tail.end() >= end and not (boundaries and boundaries.search(source.group())):
                    comma = start + source.start()
                    inner.update(k for k in indices[:j]
                                 if cues[k].end <= comma and not _QUOTE_MARK.search(text, cues[k].end, cue.start))
    if not inner:
        return cues
    return [replace(c, embedded="clause") if k in inner else c for k, c in enumerate(cues)]


def _after_determiner(document: Document, hit: Hit) -> bool:
    """``after_determiner`` with only spaces between the determiner and the cue: "her claims",
    but not "\u201c... never trusted her,\u201d said Stone", where a quotation ends between."""
    text = document.text
    i = hit.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1].isalnum() and after_determiner(document, hit)


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


def _opens_clause(gap: str, boundaries: re.Pattern[str] | None) -> bool:
    """Whether the last clause-boundary word in ``gap`` stands at most one word before its end."""
    if boundaries is None:
        return False
    last = None
    for last in boundaries.finditer(gap):
        pass
    return last is not None and len(gap[last.end():].split()) <= 1


def _reports(document: Document, category: str | None, start: int, end: int) -> bool:
    """Whether a lexicon hit is a cue: not a distractor ("so-called", "called off"), and a
    verb of ``grammar.quotation_cue`` ("continued", "went on") only next to a quotation,
    right after its end in the same sentence ("..., she continued.") or right before its
    start ("He went on: “...”")."""
    if category == DISTRACTOR:
        return False
    if document.text[start:end].lower() not in document.wordlist("grammar.quotation_cue"):
        return True
    text = document.text
    sentence = document.sentence_at(start)
    for q in document.quotations:
        if q.depth != 1:
            continue
        if q.end <= start and len(text[q.end:start].split()) <= 4 and (
                document.sentence_at(q.end - 1) == sentence or not _SENTENCE_END.search(text, q.end, start)):
            return True  # also after a quotation that ends its own sentence: "...?\u201d Scarborough continued."
        if end <= q.start <= end + 60 and (not _QUOTATION_GAP.sub("", text[end:q.start])
                               or _INVERTED_SPEAKER.fullmatch(text, end, q.start)):
            return True  # "Cruz continued:\n\n\u201c...", "Continued Stone: \u201c..."
    return False


_SENTENCE_END = re.compile(r"[.!?]")
_QUOTATION_GAP = re.compile(r"[\s,:]")
# "Continued Stone: \u201c..." -- one to three capitalised words and a colon before the quotation.
_INVERTED_SPEAKER = re.compile(rf"(?:\s+[{re.escape(_UPPERCASE)}][\w'\u2019.\-]*){{1,3}}\s*:\s*")


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


@lru_cache(maxsize=32)
def _initial_word_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """``_word_pattern`` for lower-case, capitalised and upper-case forms, testing the initial
    letter first (three times faster over a whole text than a case-insensitive pattern)."""
    if not words:
        return None
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    initials = "".join(sorted({f[0] for f in forms}))
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?=[{re.escape(initials)}])(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])")


def predicative_cues(document: Document, taken: list[Evidence]) -> list[Evidence]:
    """A verb of ``grammar.predicative_cue`` whose ``grammar.predicative_marker`` follows
    its object, one to four words on and in the same clause: "voters *see* Clinton as the
    stronger candidate", "Israel *regards* Jerusalem as its capital", "an option *seen* by
    organizers as a lifeboat". The lexicon lists the contiguous forms ("is seen as",
    "sees it as"); the matcher cannot span the object. The evidence spans the verb.
    """
    verbs = _initial_word_pattern(document.wordlist("grammar.predicative_cue"))
    markers = document.wordlist("grammar.predicative_marker")
    if verbs is None or not markers:
        return []
    text = document.text
    determiners = document.wordlist("grammar.determiner")
    occupied = [(c.start, c.end) for c in taken]
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
        if sentence < 0 or any(a < m.end() and m.start() < b for a, b in occupied):
            continue
        before = _WORDLIKE.findall(text, max(0, m.start() - 30), m.start())
        if before and before[-1].lower() in determiners:  # "the view", "his regard"
            continue
        voice = QUOTED if document.is_quoted(m.start()) else UNQUOTED
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
    particles: dict[str, dict[str, str]] = {}  # stem -> particle -> stance
    for category in ("neutral", "distancing", "endorsing"):
        for form in document.wordlist(f"separable.{category}"):
            stem, particle = form.split()
            particles.setdefault(stem, {}).setdefault(particle, category)
    stems = _word_pattern(frozenset(particles))
    if stems is None:
        return []
    text = document.text
    occupied = [(c.start, c.end) for c in taken]
    found = []
    for m in stems.finditer(text):
        sentence = document.sentence_at(m.start())
        if sentence < 0 or any(a < m.end() and m.start() < b for a, b in occupied):
            continue
        stop = _CLAUSE_END.search(text, m.end(), document.layout.sentences[sentence][1])
        words = _WORDLIKE.findall(text, m.end(), stop.start() if stop else document.layout.sentences[sentence][1])
        particle = words[-1].lower() if len(words) >= 2 else ""
        if particle in particles[m.group().lower()]:
            voice = QUOTED if document.is_quoted(m.start()) else UNQUOTED
            found.append(Evidence("attribution_cue", "attribution_cue.separable_verb", m.group(), m.start(), m.end(),
                                  voice, sentence, category=particles[m.group().lower()][particle]))
    return found
