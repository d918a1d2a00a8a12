"""Boosters and factive verbs: the outlet presenting a claim as certain or established.

Boosters ("clearly", "unprecedented", "new evidence") raise certainty;
factive and assertive verbs ("reveal", "show", "confirm", Dutch "blijkt")
present what follows as fact, unlike neutral ("say") or distancing ("claim")
reporting verbs. A negated booster ("not clear") is a hedge instead, and a
negated factive ("did not reveal") presents nothing as established.
"""
from __future__ import annotations

from .context import words_after
from ..document import Document
from ..evidence import Evidence
from ._hits import after_determiner, by_sentence, covered_by_longer, hits_of, to_evidence
from .hedge import is_negated


def extract_boosters(document: Document) -> list[Evidence]:
    """Booster evidence, except negated boosters (which the hedge extractor takes) and
    boosters inside a longer hedge ("certain" in "a certain «Sid»")."""
    hedges = by_sentence(hits_of(document, "hedge"))
    return [to_evidence(document, hit) for hit in hits_of(document, "booster")
            if not is_negated(document, hit) and not covered_by_longer(hit, hedges)]


def extract_factives(document: Document) -> list[Evidence]:
    """Factive and evidential verbs, unless negated or used as nouns ("the show").

    Negation may also follow the verb ("bewijst niet", "belegt nicht", "shows no"):
    Dutch and German put it after the finite verb.
    """
    negators = document.wordlist("negation")
    return [to_evidence(document, hit) for hit in hits_of(document, "factive")
            if not is_negated(document, hit) and not after_determiner(document, hit)
            and not any(w.lower() in negators for w in words_after(document, hit, 1))]

