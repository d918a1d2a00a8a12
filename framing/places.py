"""Country, region, capital and nationality names in framing's languages, from maintained gazetteer packages.

A source named "Algeria" or "Algérie" is a place, not a person; "Rabat said" speaks for a
government; "Algerians" is a nationality. The names come from gazetteer packages rather than
hand lists: pycountry (ISO 3166-1 names and their gettext translations), Babel (CLDR territory
and region names in every locale) and countryinfo (English demonyms and capitals), all offline,
built once and kept in framing's cache.
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
    """Case-folded country names in ``language`` and in English (name, common and official names,
    and CLDR's territory names).

    >>> {"algeria", "algérie"} <= country_names("fr")
    True
    """
    return _cached("places", language, lambda: _country_names(language))


def _cached(kind: str, language: str, build) -> frozenset[str]:
    """``build()`` kept in framing's cache (``framing.cache``), keyed by the gazetteer packages'
    data and this module's code: importing pycountry, Babel and countryinfo and reading their
    data took a fifth of the start-up of ``framing score``."""
    key = _data_key(language)
    if key is None:
        return build()
    return cached_json(f"{kind}_{language}-{key}", build, sorted, frozenset)


# The data files each gazetteer package reads, by package (``{language}``: the article's).
_DATA_FILES = {"pycountry": ("databases/iso3166-1.json", "locales/{language}/LC_MESSAGES/iso3166-1.mo"),
               "babel": ("locale-data/{language}.dat", "locale-data/en.dat", "locale-data/root.dat"),
               "countryinfo": ("data",)}


@lru_cache(maxsize=8)
def _data_key(language: str) -> str | None:
    """A digest of what the names are built from (the packages' data files for ``language``, by
    path, size and time, and this module's code), without importing the packages."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for package, files in _DATA_FILES.items():
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            return None
        root = Path(spec.origin).parent
        for name in files:
            path = root / name.format(language=language)
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
    # pycountry's translations are incomplete in some languages (no Spanish "Argelia"): CLDR's
    # territory names, which Babel ships for every locale, fill them in.
    names.update(_cldr_territories(language, lambda code: code.isalpha() and len(code) == 2
                                   and code not in _NOT_COUNTRIES))
    return frozenset(names)


# CLDR territory codes that name no country: organisations, and the placeholders for unknown
# or outlying regions.
_NOT_COUNTRIES = frozenset({"UN", "EU", "EZ", "ZZ", "QO"})


@lru_cache(maxsize=8)
def region_names(language: str) -> frozenset[str]:
    """Case-folded names of continents and world regions ("Africa", "Afrique", "Western Asia")
    in ``language`` and in English: the UN M.49 regions of the Unicode CLDR territory data that
    Babel ships (numeric territory codes), so a source named "Europe" is a place.

    >>> {"africa", "afrique"} <= region_names("fr")
    True
    """
    return _cached("regions", language, lambda: _cldr_territories(language, _is_region))


@lru_cache(maxsize=8)
def supranational_names(language: str) -> frozenset[str]:
    """Case-folded names of the organisations CLDR lists among territories (United Nations,
    European Union, eurozone), in ``language`` and in English: organisations, not places."""
    return _cached("supranational", language, lambda: _cldr_territories(language, _is_supranational))


def _is_region(code: str) -> bool:
    return code.isdigit() and code != "001"


def _is_supranational(code: str) -> bool:
    return code in ("UN", "EU", "EZ")


def _cldr_territories(language: str, wanted) -> frozenset[str]:
    from babel import Locale, UnknownLocaleError

    names: set[str] = set()
    for code in {language, "en"}:
        try:
            territories = Locale.parse(code).territories
        except (UnknownLocaleError, ValueError):
            continue
        names.update(fold_case(name) for key, name in territories.items() if wanted(key))
    return frozenset(names)


@lru_cache(maxsize=1)
def _countryinfo() -> tuple[tuple[str, str], ...]:
    """(demonym, capital) of every country in the countryinfo package (English names)."""
    from countryinfo import all_countries

    return tuple((_text(c.demonym()), _text(c.capital())) for c in all_countries())


def _text(value) -> str:
    """A countryinfo field as text: some capitals are lists (South Africa has three)."""
    if isinstance(value, (list, tuple)):
        return value[0] if value else ""
    return value or ""


@lru_cache(maxsize=1)
def english_demonyms() -> frozenset[str]:
    """Case-folded English demonyms of the countryinfo package ("Algerian", "French")."""
    return _cached("demonyms", "en", lambda: frozenset(
        fold_case(part.strip()) for demonym, _ in _countryinfo() for part in demonym.split(",") if part.strip()))


@lru_cache(maxsize=1)
def capital_names() -> frozenset[str]:
    """Case-folded capital cities (English names, from the countryinfo package): "Rabat said"
    speaks for a government by metonymy.

    >>> "rabat" in capital_names()
    True
    """
    return _cached("capitals", "en", lambda: frozenset(fold_case(capital) for _, capital in _countryinfo() if capital))


@lru_cache(maxsize=4096)
def is_demonym(word: str, language: str, suffixes: tuple[str, ...] = ()) -> bool:
    """Whether ``word`` names a nationality ("Algerians", "the French", "Marocains").

    English demonyms come from the countryinfo package (and their plurals in -s). Every
    language also derives them by its demonym suffixes (``grammar.demonym_suffix``: French -ien,
    -ain, -ais; Dutch -aan, -ees; ...): the word less a plural -s/-en/-e and a suffix must open
    a country's or world region's name of the language with at least four letters, the
    name ending at most three letters later
    ("Marocains" -> "maroc" -> "Maroc", "European" -> "europe" -> "Europe").
    """
    folded = fold_case(word)
    english = english_demonyms()
    if folded in english or (folded.endswith("s") and folded[:-1] in english):
        return True
    if not suffixes:
        return False
    roots = _name_openings(language)  # of countries and regions: "European", "Africains" too
    for stem in {folded, folded.rstrip("s"), folded.removesuffix("en"), folded.removesuffix("e")}:
        for suffix in suffixes:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4 and stem[: len(stem) - len(suffix)] in roots:
                return True
    return False


@lru_cache(maxsize=8)
def _name_openings(language: str) -> frozenset[str]:
    """Every opening of a country's or world region's name of the language that the name
    continues by at most three characters, none of them a space (the name's own ending only:
    "Christian" is no "Christmas Island"): ``is_demonym``'s roots, looked up in a set rather
    than tested against every name."""
    return frozenset(name[: len(name) - cut] for name in country_names(language) | region_names(language)
                     for cut in range(min(3, len(name)) + 1) if " " not in name[len(name) - cut:])
