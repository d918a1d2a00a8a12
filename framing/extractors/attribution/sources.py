"""Sources of attribution cues: who or what each cue attributes to.

For each cue the nearest source span, typed ``named_person``,
``named_organisation``, ``place`` ("Algeria", "Africa"), ``government``
("Rabat", "the Algerian government"), ``nationality`` ("Algerians"),
``document`` ("the email"), ``anonymous`` ("a very sensitive source"),
``vague`` ("critics") or ``pronoun`` (see ``source_type``). Prepositional cues
("according to", "volgens") look right for their source, verbal cues look
left for their subject first; names are runs of capitalised words, and in
caseless scripts (Arabic) the subject right after the verb.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter
from typing import Iterator, NamedTuple

from ...document import Document
from ...evidence import Evidence, new_tuple
from ...normalize import fold_case
from ...places import capital_names, country_names, is_demonym, region_names, supranational_names
from ...spans import SpanSet
from .._hits import STYLE_FAMILIES, hits_of
from ._words import UPPERCASE, WORDLIKE, word_pattern


# A word that starts with a capital letter (any script with case).
# An apostrophe may precede it: elided articles ("l'ONU", "d'Amato").
# The "not after a word character" test comes after the capital, as a
# two-character look-behind, so that most positions fail on the cheap class
# test first (three times faster than a leading ``(?<!\w)``, same matches).
_CAPITAL_WORD = re.compile(rf"[{re.escape(UPPERCASE)}](?<!\w.)[\w'\u2019.\-]*")
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_POSSESSIVE_ENDINGS = ("'", "\u2019", "'s", "\u2019s")
_LOOK_RIGHT_CHARS = 70
_LOOK_LEFT_CHARS = 90
_NAME_MARGIN = 40  # a name may start before the look-left limit and still end inside it


class Source(NamedTuple):
    """A candidate source span, its type, and the sentence it stands in (a named
    tuple, like ``document.Hit``: dozens are made per article)."""

    start: int
    end: int
    kind: str
    entry: str
    voice: str
    sentence: int


def source_for(document: Document, cue: Evidence, same: list[Source],
               starts: list[int] | None = None) -> Source | None:
    """The source span a cue attributes to among the candidates of its sentence (sorted by
    start; ``starts`` their starts, to find the near ones by bisection rather than by a scan
    of a long sentence's every candidate), by position."""
    if starts is None:
        starts = [s.start for s in same]
    right = same[bisect_left(starts, cue.end):bisect_right(starts, cue.end + _LOOK_RIGHT_CHARS)]
    left = [s for s in same[bisect_left(starts, cue.start - _LOOK_LEFT_CHARS):bisect_right(starts, cue.start)]
            if s.end <= cue.start]
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
    found = [new_tuple(Source, (h.start, h.end, h.entry.category or "vague", h.entry.id, h.voice, h.sentence))
             for h in hits_of(document, "source_noun") if h.sentence in windows]
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for source in found:
        by_sentence.setdefault(source.sentence, []).append((source.start, source.end))
    taken = {sentence: SpanSet(spans) for sentence, spans in by_sentence.items()}
    pronouns = word_pattern(document.wordlist("grammar.pronoun"))
    voice_at, text = document.voice_at, document.text
    if pronouns is not None:
        for index, (w_start, w_end) in windows.items():
            for m in pronouns.finditer(text, w_start, w_end):
                start, end = m.span()
                found.append(new_tuple(Source, (start, end, "pronoun", "source.pronoun", voice_at(start), index)))
    for start, end, kind, sentence in [*named_entities(document, windows), *state_phrases(document, windows)]:
        if kind == GOVERNMENT and sentence in taken and taken[sentence].overlaps(start, end):
            # "Moroccan officials": the state speaks, not anonymous officials
            found = [s for s in found if not (s.sentence == sentence and s.start < end and start < s.end)]
        elif sentence in taken and taken[sentence].overlaps(start, end):
            continue
        found.append(new_tuple(Source, (start, end, kind, _SOURCE_ENTRIES.get(kind) or f"source.{kind}",
                                         voice_at(start), sentence)))
    found.sort(key=_START)
    return found


_START = attrgetter("start")
_SOURCE_ENTRIES = {kind: f"source.{kind}" for kind in ("named_person", "named_organisation", "place", "government",
                                                       "nationality")}


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
    places = _place_names(document.language.code)
    prepositional = document.wordlist("grammar.prepositional_cue")
    stop = document.wordlist_union("grammar.subject_boundary", "grammar.pronoun", "negation")
    occupied = SpanSet((s.start, s.end) for s in taken)
    found = []
    for cue in cues:
        if cue.sentence < 0 or (cue.term or cue.text).lower() in prepositional:
            continue
        _, s_end = document.layout.sentences[cue.sentence]
        words: list[re.Match[str]] = []
        for m in _WORD_OR_MARK.finditer(document.text, cue.end, s_end):
            if not m.group()[0].isalnum() or m.group() in stop or len(words) == 3:
                break
            words.append(m)
        if not words or occupied.overlaps(words[0].start(), words[-1].end()):
            continue
        first = fold_case(words[0].group())
        if first in places or _ARABIC_ARTICLE.sub("", first) in places:
            kind = "place"  # "قالت الجزائر" (Algeria said): a country, no person
        elif words[0].group() in organisation_words:
            kind = "named_organisation"
        else:
            kind = "named_person"
        voice = document.voice_at(words[0].start())
        found.append(Source(words[0].start(), words[-1].end(), kind, f"source.{kind}", voice, cue.sentence))
    return found


def state_phrases(document: Document, windows: dict[int, tuple[int, int]]) -> list[tuple[int, int, str, int]]:
    """A government noun and the nationality adjective after it, in languages that put the
    adjective second and write it in lower case ("le gouvernement marocain", "las autoridades
    argelinas"): ``government``. Only languages with ``grammar.demonym_suffix`` use this rule."""
    suffixes = document.affixes("grammar.demonym_suffix")
    nouns = document.wordlist("grammar.government_noun")
    if not suffixes or not nouns:
        return []
    text, find_nouns = document.text, _noun_finder(nouns)
    lowered = text.lower()
    found = []
    for index, (w_start, w_end) in windows.items():
        for m in _noun_pairs(text, w_start, w_end, find_nouns, lowered):
            if m.group(1).lower() in nouns and m.group(2)[:1].islower() and \
                    is_demonym(m.group(2), document.language.code, suffixes):
                found.append((m.start(), m.end(1) + 1 + len(m.group(2)), GOVERNMENT, index))
    return found


_NOUN_AND_ADJECTIVE = re.compile(r"(?<!\w)(\w+)(?= (\w+)(?!\w))")  # a look-ahead: pairs may overlap
_ONE_WORD = re.compile(r"\w+")


def _noun_pairs(text: str, start: int, end: int, find_nouns: re.Pattern[str],
                lowered: str | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``_NOUN_AND_ADJECTIVE`` in ``text[start:end]`` whose first word may be a
    noun of the list (every one whose ``lower()`` is), without trying every word in Python.

    The nouns are found in C in the lower-case form of the text (``lowered``, when the caller
    has it, else of the window), which keeps every offset when it is as long as the text (no
    character lowers to two, as "İ" does) and keeps which characters are word characters
    (true of every such character); the pattern is then tried at each place found, as the
    pair-by-pair scan would try it there. (Searched in the whole lowered text from ``start``,
    a noun right after a word character is not found, where the window alone would find it:
    the pair pattern, which must not follow one, refuses it there anyway.)
    """
    if lowered is None or len(lowered) != len(text):
        window = text[start:end].lower()
        if len(window) != end - start:
            yield from _NOUN_AND_ADJECTIVE.finditer(text, start, end)
            return
        lowered, offset, start_in, end_in = window, start, 0, end - start
    else:
        offset, start_in, end_in = 0, start, end
    for noun in find_nouns.finditer(lowered, start_in, end_in):
        pair = _NOUN_AND_ADJECTIVE.match(text, offset + noun.start(), end)
        if pair is not None:
            yield pair


@lru_cache(maxsize=32)
def _noun_finder(nouns: frozenset[str]) -> re.Pattern[str]:
    """Whole lower-case words of ``nouns``: one branch per initial letter, which the branch
    consumes before looking behind it (as ``_words.initial_word_pattern`` does), so that the
    regex engine skips other positions at C speed. Only nouns of word characters: the pair
    pattern's first word is one, and a noun of several words ("armed forces") would hide the
    single word after its first ("forces") from the search."""
    tails: dict[str, set[str]] = {}
    for noun in nouns:
        if _ONE_WORD.fullmatch(noun):
            tails.setdefault(noun[0], set()).add(noun[1:])
    if not tails:
        return re.compile(r"(?!)")  # matches nothing
    branches = "|".join(
        rf"{re.escape(initial)}(?<!\w.)(?:{'|'.join(re.escape(t) for t in sorted(rest, key=len, reverse=True))})"
        for initial, rest in sorted(tails.items()))
    return re.compile(rf"(?:{branches})(?!\w)")


def named_entities(document: Document, windows: dict[int, tuple[int, int]]) -> list[tuple[int, int, str, int]]:
    """Runs of capitalised words in the ``windows`` of attributed sentences, typed
    ``named_person``, ``named_organisation`` or ``place`` (a country's name, from
    ``framing.places``), with the index of their sentence.

    Name particles ("bin", "van") and small title words ("of", "for") may sit
    inside a run ("Secretary of State", "Movement for Oneness and Jihad").
    Not taken: a lone capitalised word opening a sentence (unless a cue follows
    it: "Trump said"), leading determiners and prepositions ("Am Abend"),
    months, weekdays, pronouns, and words that are lexicon cues ("According").
    A run with an organisation noun or an acronym is an organisation, any other
    a person.
    """
    text = document.text
    inner = document.wordlist_union("grammar.name_particle", "grammar.name_joiner")
    not_names = document.wordlist_union("grammar.month", "grammar.weekday", "grammar.pronoun")
    # Offsets covered by a cue word of the lexicons in an attributed sentence.
    lexical: set[int] = set()
    for family in STYLE_FAMILIES:
        for h in hits_of(document, family):
            if h.sentence in windows:
                lexical.update(range(h.start, h.end))
    sentences = document.layout.sentences
    runs: list[tuple[int, int, list[tuple[int, str]]]] = []
    # A run is a list of (start, word): plain tuples, read many times below, rather than
    # match objects, whose every ``start()`` and ``group()`` is a method call.
    for index in sorted(windows):
        s_start = sentences[index][0]
        w_start, w_end = windows[index]
        run: list[tuple[int, str]] = []
        run_end = 0
        for m in _CAPITAL_WORD.finditer(text, w_start, w_end):
            start = m.start()
            if start in lexical:
                continue
            word = m.group()
            if word.rstrip(".").lower() in not_names:
                continue
            if run and (start == run_end + 1 and text[start - 1] == " "
                        or _joins(text[run_end:start], inner)):  # one space: the common case, written out
                run.append((start, word))
            else:
                if run:
                    runs.append((index, s_start, run))
                run = [(start, word)]
            run_end = start + len(word)
        if run:
            runs.append((index, s_start, run))
    return _typed_names(document, runs)


def _typed_names(document: Document, runs: list[tuple[int, int, list[tuple[int, str]]]]) -> list[tuple[int, int, str, int]]:
    """Each run's name span and type, the run trimmed of leading function words; a lone
    word capitalised only by its place at the start of a sentence is dropped (unless it
    heads a government phrase, "Moroccan officials")."""
    text = document.text
    cue_starts = {_next_word_start(text, h.start) for h in hits_of(document, "attribution_cue")}
    leading = document.wordlist_union("grammar.determiner", "grammar.title_function_word", "grammar.name_particle")
    government_nouns = document.wordlist("grammar.government_noun")
    lists = _name_lists(document)
    names = []
    for sentence, sentence_start, run in runs:
        while len(run) > 1 and run[0][1].lower() in leading:
            run = run[1:]  # "Die Gespräche", "Am Abend": a capitalised determiner or preposition opens no name
        first_start = run[0][0]
        last_start, last_word = run[-1]
        bare_last = _without_possessive(last_word)
        if len(run) == 1:
            words: tuple[str, ...] = (bare_last.rstrip(".,"),)
        else:
            words = tuple([_without_possessive(w).rstrip(".,") for _, w in run[:-1]] + [bare_last.rstrip(".,")])
        last = bare_last
        if last.endswith(".") and len(last) > 2 and last.count(".") == 1:
            last = last[:-1]  # the sentence's full stop, not an initial ("J.") or "U.S."
        end = last_start + len(last)
        if len(run) == 1 and last_start + len(last_word) not in cue_starts and all(
                m.group().lower() in leading for m in WORDLIKE.finditer(text, sentence_start, first_start)):
            # Capitalised by its position, unless it is the subject of a cue ("Trump said"):
            # dropped, but for a place or people before a government noun ("Moroccan officials").
            if last == bare_last:
                head = _NEXT_WORD.match(text, end)
                if head and head.group(1).lower() in government_nouns and \
                        _name_type(words, *lists) in (PLACE, NATIONALITY):
                    names.append((first_start, head.end(), GOVERNMENT, sentence))
            continue
        kind = _name_type(words, *lists)
        if kind in (PLACE, NATIONALITY) and last == bare_last:
            head = _NEXT_WORD.match(text, end)
            if head and head.group(1).lower() in government_nouns:
                kind, end = GOVERNMENT, head.end()  # "the Algerian government", "Moroccan officials"
        names.append((first_start, end, kind, sentence))
    return names


PLACE, NATIONALITY, GOVERNMENT = "place", "nationality", "government"
_NEXT_WORD = re.compile(r" (\w+)")


def source_type(document: Document, words: list[str]) -> str:
    """The type of a name (its words, possessives and trailing marks removed), by these in turn:

    - a title of office before a name ("US Secretary of State Hillary Clinton", "President
      Obama", ``grammar.person_title``): ``named_person``, whatever organisation words it holds;
    - a country or world region (pycountry's ISO 3166 names, CLDR regions via Babel): ``place``;
    - a capital city (countryinfo), which speaks for its government ("Rabat said"): ``government``;
    - a demonym ("Algerians", "the French"; countryinfo, or the language's demonym suffixes on a
      country's name): ``nationality``;
    - an organisation CLDR lists (United Nations, European Union), an organisation noun or an
      acronym: ``named_organisation``; any other name a ``named_person``.
    """
    return _name_type(tuple(words), *_name_lists(document))


def _name_lists(document: Document) -> tuple[str, frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    """What ``_name_type`` needs of an article besides the name: its language and word lists."""
    return (document.language.code, document.wordlist("grammar.person_title"),
            document.wordlist_union("grammar.name_particle", "grammar.name_joiner", "grammar.title_function_word"),
            document.wordlist("grammar.organisation_word"), document.affixes("grammar.demonym_suffix"))


@lru_cache(maxsize=8192)
def _name_type(words: tuple[str, ...], language: str, titles: frozenset[str], inner: frozenset[str],
               organisation_words: frozenset[str], suffixes: tuple[str, ...]) -> str:
    """``source_type`` of a name, worked out once per name and language: the same names
    ("Trump", "the United Nations") recur across articles, and the type depends only on the
    words and the language's word lists."""
    lowered = [w.lower() for w in words]
    for k, word in enumerate(lowered[:-1]):
        if word in titles and any(w not in titles and w not in inner and w not in organisation_words
                                  and not words[j].isupper() for j, w in enumerate(lowered[k + 1:], k + 1)):
            return "named_person"
    name = fold_case(" ".join(words))
    bare = _ELISION.sub("", name)
    places = _place_names(language)
    if name in places or bare in places or _all_places(lowered, places):
        return PLACE  # "Algeria said", "Africa", "Iraq and Libya": a country speaks through its government, it is no person
    if name in capital_names():
        return GOVERNMENT
    if len(words) == 1 and is_demonym(words[0], language, suffixes):
        return NATIONALITY
    if name in supranational_names(language) or bare in supranational_names(language) or any(
            w in organisation_words or (words[j].isupper() and len(words[j]) > 1) for j, w in enumerate(lowered)):
        return "named_organisation"
    return "named_person"


# The Arabic article and the conjunction before it ("والجزائر"), which ISO names do not carry.
_ARABIC_ARTICLE = re.compile(r"^و?ال")
# An elided article or preposition before a name ("l'Algérie", "d'Espagne"), once folded.
_ELISION = re.compile(r"^\w{1,2}['\u2019]")


@lru_cache(maxsize=8)
def _place_names(language: str) -> frozenset[str]:
    """Countries and world regions of a language, united once rather than per name."""
    return country_names(language) | region_names(language)


def _all_places(lowered: list[str], places: frozenset[str]) -> bool:
    """Whether a run of several names joined by small words ("Iraq and Libya") is a list of
    countries or regions, each word one of them."""
    return len(lowered) > 1 and all(word in places for word in lowered)


def _without_possessive(word: str) -> str:
    """``word`` without a final ' or 's (’ too): "Clinton's" is Clinton."""
    return _POSSESSIVE.sub("", word) if word.endswith(_POSSESSIVE_ENDINGS) else word


def _joins(gap: str, inner: frozenset[str]) -> bool:
    """Whether the text between two capitalised words keeps them in one name: white space,
    or up to three particles and small title words ("Secretary of State", "bin Laden")."""
    words = gap.split()
    return len(words) <= 3 and all(w.lower() in inner for w in words)


def _next_word_start(text: str, cue_start: int) -> int:
    """The end of the word before a cue, for 'is this name right before a cue?'"""
    end = cue_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
