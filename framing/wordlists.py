"""Word lists: the lexicon families that rules consult rather than match as evidence.

Segmentation asks for abbreviations and trailer headings, the extractors' rules
for closed-class words (``grammar.<category>``), negators and separable verbs.
Every name a rule may ask for is declared (``declared_wordlists``), so asking
for a misspelt one is an error instead of an empty list that quietly switches a
rule off.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import Entry
from .lexicon_schema import LEXICON_CATEGORIES, PLAIN_WORDLISTS
from .techniques import TECHNIQUES

# Families used as word lists by segmentation and by the extractors' rules,
# rather than matched in the text as evidence.
WORDLIST_FAMILIES = frozenset({"abbreviation", "boilerplate", "grammar", "negation"})
# Attribution-cue stances that have a separable-verb list (German, Dutch).
SEPARABLE_STANCES = ("neutral", "distancing", "endorsing")


@lru_cache(maxsize=1)
def declared_wordlists() -> frozenset[str]:
    """Every word-list name a rule may ask a document for."""
    return frozenset([*PLAIN_WORDLISTS, *(f"grammar.{c}" for c in LEXICON_CATEGORIES["grammar"]),
                      *(f"separable.{stance}" for stance in SEPARABLE_STANCES),
                      *(f"{part}.{technique}" for part in ("prefix", "suffix") for technique in TECHNIQUES)])


def wordlists(entries: tuple[Entry, ...], every_entry: tuple[Entry, ...]) -> dict[str, frozenset[str]]:
    """Folded forms per word list: ``abbreviation``, ``negation``, ``grammar.<category>``,
    ``separable.<stance>`` (separable attribution verbs), ``suffix.<technique>`` and
    ``prefix.<technique>`` (compound tails and heads of persuasion techniques, "-propaganda",
    "pseudo-"), and ``boilerplate`` (trailer
    headings of every language, since trailers are often in the site's language rather
    than the article's)."""
    lists: dict[str, set[str]] = {name: set() for name in declared_wordlists()}
    for entry in entries:
        if entry.family == "grammar":
            lists[f"grammar.{entry.category}"].update(entry.forms)
        elif entry.family in ("abbreviation", "negation"):
            lists[entry.family].update(entry.forms)
        elif entry.family == "persuasion" and entry.term.startswith("-"):
            # Compound tails: the persuasion extractor finds words ending in them ("Kriegspropaganda").
            lists[f"suffix.{entry.category}"].update(form.lstrip("-") for form in entry.forms)
        elif entry.family == "persuasion" and entry.term.endswith("-"):
            # Compound heads: words starting with them ("Pseudo-Experten", "Lügenpresse").
            lists[f"prefix.{entry.category}"].update(form.rstrip("-") for form in entry.forms)
    lists["boilerplate"].update(f for e in every_entry if e.family == "boilerplate" for f in e.forms)
    # Separable verbs (German, Dutch): two-word cue forms ending in a particle of the
    # language's ``grammar.separable_particle`` list ("räumte ein"), per stance, so that the
    # attribution extractor can find them with the particle at the end of the clause.
    particles = lists.get("grammar.separable_particle", set())
    for entry in entries if particles else ():
        if entry.family == "attribution_cue" and entry.category in SEPARABLE_STANCES:
            pairs = (form.split() for form in entry.forms)
            lists[f"separable.{entry.category}"].update(
                " ".join(words) for words in pairs if len(words) == 2 and words[1] in particles)
    return {name: frozenset(forms) for name, forms in lists.items()}
