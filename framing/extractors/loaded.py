"""Loaded language: contested labels for actors ("regime" where others write
"government"), strongly subjective words, and distancing reporting verbs.

The first two come from the ``loaded`` lexicon, whose ``distractor`` entries
are phrases in which a label word has its neutral sense ("tax regime", Arabic
"hifz al-nizam", keeping order): matched leftmost-longest, they take the word
out of the count. The third are the
``attribution_cue`` entries whose stance is ``distancing`` ("claimed",
"asserted"): Wikipedia's Manual of Style ("Words to watch: said, claimed")
and Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013) count them among
the words that carry a writer's bias, so they are loaded language as well as
attribution cues (in English, where that evidence is: ``DISTANCING_VERB_LANGUAGES``);
the word list stays in one lexicon. The same Manual of Style calls some of
them neutral: "alleged" is the word for an accusation not yet judged
(MOS:ALLEGED), "insisted" and "speculated" tell a speaker's resolve or care,
not the writer's doubt (MOS:SAID); the loaded lexicon's ``distractor`` entries
for them keep such a cue from counting here (it stays an attribution cue).
The ``persuasion`` lexicon's cues of the techniques Loaded_Language and
Name_Calling-Labeling ("witch hunt", "deep state") are loaded language by those techniques' definitions (Piskorski et
al. 2023: words chosen to make the audience fear, hate or love their object),
so they count here too, as ``subjective`` and ``label``, where no loaded
entry already covers them (``PERSUASION_CATEGORIES``); the cues stay in one lexicon.

German writes a compound as one word, and a determinative compound means what
its last part means, coloured by its first: "Kriegspropaganda" is propaganda,
"Lügenpresse" is press called liars. Words that end in a head of
``grammar.compound_head`` (loaded nouns that end no common neutral word) or
start with a modifier of ``grammar.compound_modifier`` (loaded first parts that
start no common neutral word) count too, category ``compound``. A head may also be
a derivational suffix that makes such nouns: German "-ismus" and French "-isme"
name a doctrine or stance ("Putinismus", "poutinisme"), a label for a camp;
``grammar.label_suffix`` holds such suffixes of words that German writes in
lower case, adjectives ("-istisch": "putinistische"). ``grammar.compound_exception``
lists the words a head or modifier would wrongly claim: an ending, inflected
forms included, that is longer than the head ("-flüge" for "-lüge": "Ausflüge";
"-mechanismus" for "-ismus"), or a first part that turns the head around
("anti-": "Antifaschisten" oppose fascists); such a word is no compound of it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from ..document import Document, Hit
from ..evidence import Evidence
from ..lexicon import DISTRACTOR
from ._hits import after_determiner, by_sentence, hits_of, to_evidence

DISTANCING_VERB = "distancing_verb"
# Languages whose distancing reporting verbs count as loaded language: the evidence that readers
# take them as the writer's bias is English (Recasens et al. 2013 on Wikipedia's neutrality edits;
# BABE's annotators mark "claimed"). SemEval-2023's French and German annotators marked 1 of the 41
# such verbs framing found in their dev articles, so there they stay attribution stance only.
DISTANCING_VERB_LANGUAGES = frozenset({"en"})
COMPOUND = "compound"
# Persuasion techniques whose lexicon cues are loaded language, and the loaded category each becomes.
PERSUASION_CATEGORIES = {"Loaded_Language": "subjective", "Name_Calling-Labeling": "label"}
# Each part of a compound has at least this many letters ("Medien|hetze", "Lügen|presse"), so a listed
# part alone never counts as a compound of itself.
_MIN_PART = 3
# An exception ending also covers its inflected forms: German adjective and noun endings
# (-e, -en, -em, -er, -es, -in) are at most this long.
_INFLECTION = 3
# A word, hyphenated parts included ("Panik-Minister"): German writes compounds with a hyphen too.
_WORD = re.compile(r"\b[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*\b")


def extract_loaded(document: Document) -> list[Evidence]:
    """Every ``loaded`` lexicon hit, distancing reporting verbs (category ``distancing_verb``,
    in ``DISTANCING_VERB_LANGUAGES``) and compounds ending in a loaded head (category ``compound``)."""
    loaded = hits_of(document, "loaded")
    found = [to_evidence(document, hit) for hit in loaded if hit.entry.category != DISTRACTOR]
    if document.language.code in DISTANCING_VERB_LANGUAGES:
        neutral = by_sentence(hit for hit in loaded if hit.entry.category == DISTRACTOR)
        found += [to_evidence(document, hit, family="loaded", category=DISTANCING_VERB)
                  for hit in hits_of(document, "attribution_cue")
                  if hit.entry.category == "distancing" and not after_determiner(document, hit)
                  and not _covered(hit, neutral)]
    found += _persuasion_cues(document, found)
    found += _compounds(document, found)
    return sorted(found, key=attrgetter("start", "end"))


def _covered(hit: Hit, neutral: dict[int, list[Hit]]) -> bool:
    """Whether a ``distractor`` hit of the loaded lexicon covers the distancing cue ``hit``: a
    reporting verb used neutrally (MOS:ALLEGED, MOS:SAID: "alleged", "insisted")."""
    return any(d.start <= hit.start and hit.end <= d.end for d in neutral.get(hit.sentence, ()))


def _persuasion_cues(document: Document, found: list[Evidence]) -> list[Evidence]:
    """The ``persuasion`` lexicon's Loaded_Language and Name_Calling-Labeling cues, as ``subjective``
    and ``label`` evidence, where they overlap no evidence in ``found`` (French and German loaded
    lexicons hold many of them already)."""
    cues = [(hit, category) for hit in hits_of(document, "persuasion")
            if (category := PERSUASION_CATEGORIES.get(hit.entry.category or "")) is not None]
    if not cues:
        return []
    taken: dict[int, list[tuple[int, int]]] = {}
    for e in found:
        taken.setdefault(e.sentence, []).append((e.start, e.end))
    return [to_evidence(document, hit, family="loaded", category=category)
            for hit, category in cues if not any(s < hit.end and hit.start < e for s, e in taken.get(hit.sentence, ()))]


def _compounds(document: Document, found: list[Evidence]) -> list[Evidence]:
    """Words of the body (hyphenated ones whole; capitalised ones where nouns are) that end in a
    compound head or start with a compound modifier, outside other loaded evidence."""
    heads = document.affixes("grammar.compound_head")
    modifiers = document.affixes("grammar.compound_modifier")
    suffixes = document.affixes("grammar.label_suffix")
    if not heads and not modifiers and not suffixes:
        return []
    endings, beginnings = _exceptions(document.wordlist("grammar.compound_exception"))
    # German writes every noun with a capital (its grammar lists common-noun suffixes): a compound
    # is a capitalised word there; French "-isme" nouns are written in lower case.
    nouns_capitalised = bool(document.wordlist("grammar.common_noun_suffix"))
    taken = [(e.start, e.end) for e in found]
    text = document.text
    compounds = []
    for start, end in document.layout.body:
        for word in _WORD.finditer(text, start, end):
            token = word.group()
            if len(token) < 2 * _MIN_PART:
                continue
            lower = token.lower()
            if nouns_capitalised and not token[0].isupper():  # not a noun: only a label suffix
                part = _head(lower, suffixes, endings, beginnings)
            else:
                part = _head(lower, heads + suffixes, endings, beginnings) or _modifier(lower, modifiers, beginnings)
            if part is None or any(s < word.end() and word.start() < e for s, e in taken):
                continue
            compounds.append(Evidence("loaded", f"compound.{part}", token, word.start(), word.end(),
                                      document.voice_at(word.start()), document.sentence_at(word.start()),
                                      category=COMPOUND, lexicon=f"grammar/{document.language.code}", term=part))
    return compounds


def _head(word: str, heads: tuple[str, ...], endings: tuple[str, ...] = (),
          beginnings: tuple[str, ...] = ()) -> str | None:
    """The longest head ``word`` ends in after at least ``_MIN_PART`` other letters, as "-head";
    None when an exception ending more specific than the head ends ``word``, inflected or not
    ("ausflüge": "-flüge" beats "-lüge"), or ``word`` is an exception beginning plus the head
    ("antifaschisten")."""
    head = max((h for h in heads if word.endswith(h) and len(word) - len(h) >= _MIN_PART),
               key=len, default=None)
    if head is None or word[:len(word) - len(head)].rstrip("-") in beginnings \
            or any(_ends_in(word, e, len(head)) for e in endings):
        return None
    return f"-{head}"


def _ends_in(word: str, ending: str, head: int) -> bool:
    """Whether ``word`` ends in the exception ``ending``, or in it and an inflectional ending of
    up to ``_INFLECTION`` letters ("statistischen": "-statistisch"), over more than its last
    ``head`` letters, so that the exception is more specific than the head it vetoes."""
    at = word.rfind(ending)
    return at >= 0 and len(word) - at - len(ending) <= _INFLECTION and len(word) - at > head


def _modifier(word: str, modifiers: tuple[str, ...], beginnings: tuple[str, ...] = ()) -> str | None:
    """The longest modifier ``word`` starts with, followed by at least ``_MIN_PART`` letters, as
    "modifier-"; None when an exception beginning longer than the modifier starts ``word``."""
    modifier = max((m for m in modifiers if word.startswith(m) and len(word) - len(m) >= _MIN_PART),
                   key=len, default=None)
    if modifier is None or any(len(b) > len(modifier) and word.startswith(b) for b in beginnings):
        return None
    return f"{modifier}-"


@lru_cache(maxsize=32)
def _exceptions(forms: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``grammar.compound_exception`` split into endings ("-flüge" -> "flüge") and
    beginnings ("anti-" -> "anti"), worked out once per list."""
    endings = tuple(sorted(f[1:].lower() for f in forms if f.startswith("-")))
    beginnings = tuple(sorted(f[:-1].lower() for f in forms if f.endswith("-") and not f.startswith("-")))
    return endings, beginnings
