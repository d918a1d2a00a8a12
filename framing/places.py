"""Country names in framing's languages, from pycountry's ISO 3166 data and its translations.

A source named "Algeria" or "Algérie" is a place, not a person: the attribution
extractor types a name that is a country's name (in the article's language or
in English, which news in every language borrows) as ``place``. The names come
from a maintained gazetteer package rather than hand lists: pycountry ships the
ISO 3166-1 names with their gettext translations, offline.
"""
from __future__ import annotations

import gettext
from functools import lru_cache

from .normalize import fold_case


@lru_cache(maxsize=8)
def country_names(language: str) -> frozenset[str]:
    """Case-folded country names in ``language`` and in English (name, common and official names).

    >>> {"algeria", "algérie"} <= country_names("fr")
    True
    """
    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.update((fold_case(name), fold_case(translation.gettext(name))))
    return frozenset(names)
