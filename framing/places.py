"""Country names in framing's languages, from pycountry's ISO 3166 data and its translations.

A source named "Algeria" or "Algérie" is a place, not a person: the attribution
extractor types a name that is a country's name (in the article's language or
in English, which news in every language borrows) as ``place``. The names come
from a maintained gazetteer package rather than hand lists: pycountry ships the
ISO 3166-1 names with their gettext translations, offline.
"""
from __future__ import annotations

import gettext
import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

from .cache import cached_json
from .normalize import fold_case


@lru_cache(maxsize=8)
def country_names(language: str) -> frozenset[str]:
    """Case-folded country names in ``language`` and in English (name, common and official names).

    Kept in framing's cache (``framing.cache``), keyed by pycountry's data files and this
    module's code: importing pycountry and reading its data took a tenth of the start-up
    of ``framing score``.

    >>> {"algeria", "algérie"} <= country_names("fr")
    True
    """
    key = _data_key(language)
    if key is None:
        return _country_names(language)
    return cached_json(f"places_{language}-{key}", lambda: _country_names(language), sorted, frozenset)


def _data_key(language: str) -> str | None:
    """A digest of what the names are built from (pycountry's ISO 3166 data and ``language``'s
    translations, by path, size and time, and this module's code), without importing pycountry."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in (root / "databases" / "iso3166-1.json", root / "locales" / language / "LC_MESSAGES" / "iso3166-1.mo"):
        try:
            info = path.stat()
        except OSError:
            digest.update(f"{path}: none\0".encode())
            continue
        digest.update(f"{path}: {info.st_size} {info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:32]


def _country_names(language: str) -> frozenset[str]:
    """The names, built from pycountry."""
    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.update((fold_case(name), fold_case(translation.gettext(name))))
    return frozenset(names)
