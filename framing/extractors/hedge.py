"""Hedges: the outlet declining to assert ("probably", "reportedly", "would have" + participle).

Most hedge cues are lexicon entries; a few categories need a rule to tell the
hedge from another use of the same word:

- ``modal``: "May" the month, and "could not" of ability, are not hedges;
  Arabic "qad" is one only before an imperfect verb ("qad tu'addi", may lead;
  "qad a'lanat", has announced, asserts);
- ``doxastic_verb``, ``tentative_verb``: after a determiner the word is a noun
  ("the suspect", "these estimates");
- ``approximator``: "around", "about", "or so" hedge only next to a quantity
  ("around 30,000", "50,000 or so"); ``vague`` ones ("something of a") always;
- ``conditional``: the reportative conditional ("would have" + participle,
  French "aurait" + participe, Dutch "zou hebben" + voltooid deelwoord) marks an
  unverified claim, but after a relative pronoun ("a settlement that would
  have allowed") or in a sentence with "if" it is a counterfactual;
- any cue preceded by a negator within three words is not counted as a hedge;
  a negated booster ("it is not clear") is a hedge of category
  ``negated_booster``.
"""
from __future__ import annotations

import re

from .context import is_number, is_sentence_initial, last_word_before, word_matches_after, words_after, words_before
from ..document import Document, Hit
from ..evidence import Evidence
from ..lexicon_schema import check_categories
from ._hits import after_determiner, by_sentence, covered_by_longer, hits_of, overlaps_any, to_evidence

NEGATION_WINDOW = 3
_CLAUSE_WORDS = 10


def extract_hedges(document: Document) -> list[Evidence]:
    """Hedge evidence: lexicon cues that pass their category's rule, plus negated boosters."""
    boosters = by_sentence(hits_of(document, "booster"))
    found = []
    for hit in hits_of(document, "hedge"):
        if covered_by_longer(hit, boosters) or is_negated(document, hit):
            continue
        end = _RULES.get(hit.entry.category or "", _always)(document, hit)
        if end is not None:
            found.append(to_evidence(document, hit._replace(end=end)))
    hedge_hits = by_sentence(hits_of(document, "hedge"))
    for hit in hits_of(document, "booster"):
        if is_negated(document, hit) and not overlaps_any(hit, hedge_hits):
            found.append(to_evidence(document, hit, family="hedge", category="negated_booster"))
    return found


def is_negated(document: Document, hit: Hit) -> bool:
    """A negator among the three words before ``hit`` in its sentence."""
    negators = document.wordlist("negation")
    return any(w.lower() in negators for w in words_before(document, hit, NEGATION_WINDOW))


# A rule returns the end offset of the hedge (the hit's, or further to take
# in a participle), or None when the hit is not a hedge.
def _always(document: Document, hit: Hit) -> int | None:
    return hit.end


def _verb(document: Document, hit: Hit) -> int | None:
    return None if after_determiner(document, hit) else hit.end  # "the suspect", "the estimates"


def _modal(document: Document, hit: Hit) -> int | None:
    surface = document.text[hit.start:hit.end]
    if surface[:1].isupper() and not is_sentence_initial(document, hit):
        return None  # "May" the month or a name
    following = words_after(document, hit, 1)
    if following and is_number(following[0], document.wordlist("grammar.number_word")):
        return None  # "May 5"
    if surface.lower() in document.wordlist("grammar.ability_modal"):
        if following and following[0].lower() in document.wordlist("negation"):
            return None  # "could not": ability, not possibility
    if surface.lower() in document.wordlist("grammar.imperfect_only_modal"):
        verb = next((w for w in words_after(document, hit, 2) if w not in document.wordlist("negation")), None)
        if verb is None or not _is_imperfect(verb, document):
            return None  # "qad" + perfect: a completed fact, asserted
    return hit.end


def _is_imperfect(verb: str, document: Document) -> bool:
    """An imperfect verb by its prefix, unless listed as a perfect that looks like one."""
    prefixes = document.affixes("grammar.imperfect_prefix")
    return bool(prefixes) and verb.startswith(prefixes) and verb not in document.wordlist("grammar.perfect_verb")


def _approximator(document: Document, hit: Hit) -> int | None:
    numbers = document.wordlist("grammar.number_word")
    if any(is_number(w, numbers) for w in words_after(document, hit, 2)):
        return hit.end  # "around 30,000", "an estimated 2 million"
    before = last_word_before(document, hit)
    if before is not None and is_number(before, numbers):
        return hit.end  # postposed: "50,000 or so"
    return None


def _conditional(document: Document, hit: Hit) -> int | None:
    """The reportative conditional, evidence extended over its participle when it follows.

    English and French put the participle right after the cue ("would have
    asked", "aurait demandé"); Dutch and German main clauses put it at the end
    of the clause with a perfect auxiliary ("zou ... naar België zijn gevlucht",
    "soll ... geflohen sein"): then the cue alone is the evidence.
    """
    before = last_word_before(document, hit)
    relatives = document.wordlist("grammar.relative_pronoun")
    if before is not None and before.lower() in relatives:
        return None  # "a settlement that would have allowed": counterfactual
    conditions = document.wordlist("grammar.condition_word")
    if any(w.lower() in conditions for w in words_before(document, hit, 30)):
        return None
    adverb_suffixes = document.affixes("grammar.adverb_suffix")
    following = word_matches_after(document, hit, _CLAUSE_WORDS)
    clause = [w.lower() for w in _clause(document, hit, following)]
    auxiliaries = document.wordlist("grammar.perfect_auxiliary")
    if auxiliaries and _verb_cluster_only(clause, auxiliaries, document) and any(
            w.lower() in relatives for w in words_before(document, hit, 6)[1:]):
        # Dutch and German subordinate clauses end in the verb cluster: "die de boeren
        # zou hebben gecompenseerd" is a relative clause, a counterfactual.
        return None
    for m in following[:3]:
        word = m.group().lower()
        if is_participle(word, document):
            return m.end()
        if not (adverb_suffixes and word.endswith(adverb_suffixes)):
            break
    for i, word in enumerate(clause):
        if word in auxiliaries and ((i > 0 and is_participle(clause[i - 1], document))
                                    or (i + 1 < len(clause) and is_participle(clause[i + 1], document))):
            return hit.end
    return None


def _verb_cluster_only(clause: list[str], auxiliaries: frozenset[str], document: Document) -> bool:
    """Whether the rest of the clause is only auxiliaries and participles (verb-final order)."""
    return bool(clause) and all(w in auxiliaries or is_participle(w, document) for w in clause)


def _clause(document: Document, hit: Hit, following: list[re.Match[str]]) -> list[str]:
    """The words after ``hit`` up to the next clause boundary (, ; : or the sentence end)."""
    words, previous_end = [], hit.end
    for m in following:
        if any(ch in ",;:" for ch in document.text[previous_end:m.start()]):
            break
        words.append(m.group())
        previous_end = m.end()
    return words


def is_participle(word: str, document: Document) -> bool:
    """A past participle by the language's irregular list or its regular suffixes."""
    if word in document.wordlist("grammar.participle"):
        return True
    suffixes = document.affixes("grammar.participle_suffix")
    prefixes = document.affixes("grammar.participle_prefix")
    if not suffixes or not word.endswith(suffixes) or len(word) < 4:
        return False
    return not prefixes or word.startswith(prefixes)


_RULES = {"modal": _modal, "approximator": _approximator, "conditional": _conditional,
          "doxastic_verb": _verb, "tentative_verb": _verb}
check_categories("hedge", set(_RULES), "framing.extractors.hedge._RULES")
