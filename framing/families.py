"""Every evidence family framing knows, in one registry: the single truth.

A family is one kind of evidence (a hedge, a source, a naming variant...).
Its entry says which extractor finds it, which lexicon family it draws on,
whether the profile counts it per voice, whether comparisons give it a rate,
and how reports show it. Everything that lists families (the profile's
``features``, the flat columns of CSV, pandas, Dask and scikit-learn,
``compare``'s rates, the report's colours and legend) is derived from
``FAMILIES``, so adding a family is its data files, its extractor module and
one line here.

>>> counted_families()[:3]
('naming', 'hedge', 'booster')
>>> "quotation" in rated_families()
False
"""
from __future__ import annotations

from dataclasses import dataclass

from .extractors import DERIVED_EXTRACTORS, EXTRACTORS


@dataclass(frozen=True)
class Family:
    """One kind of evidence and how every layer treats it."""

    name: str
    label: str  # a reader's name for it, in tables and legends
    description: str  # one line: what a span of this family is
    colour: str  # highlight colour in the HTML report (CSS)
    extractor: str  # the key in ``EXTRACTORS`` (or ``DERIVED_EXTRACTORS``) of the extractor that emits it
    lexicon: str | None = None  # the lexicon family its terms come from, if any
    counted: bool = True  # counted per voice under ``features.<name>`` with a rate
    rated: bool = True  # own-voice rate compared across groups by ``compare``
    highlighted: bool = True  # marked in the claims a report shows


FAMILIES: dict[str, Family] = {family.name: family for family in (
    Family("naming", "naming", "a name for a contested place or actor, placed on its axis", "#f4b0d0",
           "naming", "naming", rated=False),
    Family("hedge", "hedges", "a word that weakens the writer's commitment to a claim", "#ffe08a", "hedge", "hedge"),
    Family("booster", "boosters", "a word that strengthens the writer's commitment to a claim", "#9fe0a8",
           "booster", "booster"),
    Family("factive", "factive verbs", "a verb that presents what follows as fact", "#9fe0a8", "factive",
           "factive"),
    Family("attribution_cue", "attribution cues", "a word or sign that attributes information to a source",
           "#b8d4ff", "attribution", "attribution_cue"),
    Family("source", "sources", "who or what information is attributed to, typed", "#b8d4ff", "attribution",
           "source_noun"),
    Family("quotation", "quotations", "a quotation, with its speaker where one is named", "#dddddd",
           "attribution", rated=False, highlighted=False),
    Family("scare_quote", "scare quotes", "quotation marks that distance the writer from a word", "#ffb3a7",
           "scare_quote"),
    Family("partial_quote", "partial quotes",
           "a speaker's word or phrase quoted: the speaker, a noun of speech or a longer quotation in its "
           "sentence, or the speaker just before",
           "#d9c7ff", "scare_quote"),
    Family("loaded", "loaded words", "a contested label or strongly subjective, charged word", "#ffb3a7",
           "loaded", "loaded"),
    Family("frame", "frame cues", "a word or phrase that cues a generic frame of the Policy Frames Codebook",
           "#c9e4de", "frame", "frame", rated=False, highlighted=False),
    Family("persuasion", "persuasion techniques", "a phrase or clause using a SemEval-2023 persuasion technique",
           "#d9c2f0", "persuasion", "persuasion", highlighted=False),
)}


def counted_families() -> tuple[str, ...]:
    """Families counted per voice under ``features``, in registry order."""
    return tuple(name for name, family in FAMILIES.items() if family.counted)


def rated_families() -> tuple[str, ...]:
    """Families whose own-voice rate ``compare`` sets side by side, in registry order."""
    return tuple(name for name, family in FAMILIES.items() if family.counted and family.rated)


def highlighted_families() -> tuple[str, ...]:
    """Families a report marks inside the claims it shows."""
    return tuple(name for name, family in FAMILIES.items() if family.highlighted)


def _check(families: dict[str, Family]) -> None:
    """Every family names a registered extractor: a typo fails at import, not silently."""
    for family in families.values():
        if family.extractor not in EXTRACTORS and family.extractor not in DERIVED_EXTRACTORS:
            raise ValueError(f"family {family.name!r}: no extractor {family.extractor!r} "
                             f"(registered: {sorted(EXTRACTORS) + sorted(DERIVED_EXTRACTORS)})")
        if family.rated and not family.counted:
            raise ValueError(f"family {family.name!r}: a rated family must be counted")


_check(FAMILIES)
