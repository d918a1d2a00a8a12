"""Identify an article's language, and refuse to score languages without lexicons.

py3langid ships its model inside the package (no download). It ranks all of
its 97 languages; framing takes the winner when framing has lexicons for it,
and otherwise reports the language as unsupported instead of scoring it as
English. When the winner is unsupported but a supported close relative is
almost as likely (Afrikaans for Dutch, Catalan or Galician for Spanish,
Luxembourgish for German), the relative is taken.

A text of fewer than ``MIN_LETTERS`` letters is not identified at all
(``LanguageUndeterminedError``, naming ``--language`` / ``language=``): on the
first words of 459 news texts and test sentences in framing's six languages,
py3langid's guess among them was right for 87% of all samples but 97% of those
with at least 20 letters, while "Kyiv." came out as Shona and "Hi" as Serbian
(issue 16; benchmarks/langid_compare.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .cache import cached_arrays
from .errors import LanguageUndeterminedError, UnsupportedLanguageError

_RELATIVE_MIN_SHARE = 0.2
_SAMPLE_CHARS = 400
# Fewest letters (of any script) in the sample for a guess; see the module docstring.
MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")
# Matches once MIN_LETTERS letters are seen, so an ordinary article is settled in its first words.
_ENOUGH_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){%d}" % MIN_LETTERS)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language used for scoring, how sure the guess was, and whether the caller gave it."""

    code: str
    confidence: float
    given: bool


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier over memory-mapped tables.

    Its LZMA model takes 0.4 s to unpack; framing's cache keeps the unpacked
    tables as arrays keyed by the model file, and maps them (see
    ``cache.cached_arrays``). Falls back to py3langid's own loading if its
    constructor changes.
    """
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    stat = model.stat()
    key = f"py3langid-{py3langid.__version__}-{stat.st_size}-{int(stat.st_mtime)}-mapped2"
    try:
        tables = cached_arrays(key, lambda: _model_tables(LanguageIdentifier.from_model_file(MODEL_FILE)))
        # Plain ndarray views of the maps: np.memmap's Python-level __getitem__
        # would cost 30 us on every sample's row gather.
        tables = {name: np.asarray(table) for name, table in tables.items()}
        # An empty tk_row: the constructor would otherwise shift all 104,583 row offsets
        # into a Python list (7 ms of start-up) that the mapped ``rowbase`` replaces.
        identifier = LanguageIdentifier(
            tables["ptc"], tables["pc"], tables["classes"].tolist(), memoryview(tables["nextmove"]),
            memoryview(tables["output"]), norm_probs=True, tk_row=())
        identifier.tk_row = memoryview(tables["row"])
        identifier._rowbase = memoryview(tables["rowbase"])
    except (TypeError, KeyError, AttributeError, ValueError):
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return identifier


def _model_tables(identifier) -> dict[str, np.ndarray]:
    """The identifier's tables as flat machine-integer arrays.

    py3langid keeps the row offset and output feature of each of its 104,583
    DFA states in Python lists, so every byte of every sample dereferences an
    int object somewhere on the heap; as int32 arrays the two take 0.8 MB in
    one piece. The walk reads the same numbers. The feature weights are
    stored as float32: py3langid keeps them as float16 and numpy converts the
    rows it gathers to float32 for every sample anyway, which took half the
    time of scoring one.
    """
    return {
        "ptc": np.asarray(identifier.nb_ptc, dtype=np.float32),
        "pc": np.asarray(identifier.nb_pc),
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"),
        "output": np.asarray(identifier.tk_output, dtype=np.int32),
        "row": np.asarray(identifier.tk_row, dtype=np.int32),
        "rowbase": np.asarray(identifier._rowbase, dtype=np.int32),
    }


def preload() -> None:
    """Load the identifier now: before ``--jobs`` forks its workers, so that they inherit
    it instead of each mapping it, or on a first run each unpacking py3langid's model."""
    _identifier()


def identify(text: str, supported: frozenset[str], *, given: str | None = None) -> LanguageGuess:
    """The language of ``text`` among ``supported``, or ``given`` when the caller says so.

    Raises ``UnsupportedLanguageError`` when the text is in another language,
    or when ``given`` names a language framing has no lexicons for, and its
    subclass ``LanguageUndeterminedError`` when the text has fewer than
    ``MIN_LETTERS`` letters to go by.
    """
    if given is not None:
        code = given.strip().lower()
        if code not in supported:
            raise UnsupportedLanguageError(
                f"language {given!r} has no lexicons (supported: {', '.join(sorted(supported))})")
        return LanguageGuess(code, 1.0, True)
    sample = text[:_SAMPLE_CHARS]
    if _ENOUGH_LETTERS.search(sample) is None:
        letters = len(_LETTER.findall(sample))
        raise LanguageUndeterminedError(
            f"too little text to identify its language ({letters} letter{'s' if letters != 1 else ''}; "
            f"at least {MIN_LETTERS} are needed): pass the language with --language or language= "
            f"(supported: {', '.join(sorted(supported))})")
    ranking = _top_languages(_identifier(), sample, 4)
    best, best_p = ranking[0]
    if best in supported:
        return LanguageGuess(best, float(best_p), False)
    for code, p in ranking[1:4]:
        if code in supported and p >= _RELATIVE_MIN_SHARE * best_p:
            return LanguageGuess(code, float(p), False)
    raise UnsupportedLanguageError(
        f"detected language {best!r} (p={best_p:.2f}) has no lexicons (supported: "
        f"{', '.join(sorted(supported))}); if the guess is wrong, pass the language with --language or language=")


def _top_languages(identifier, text: str, k: int) -> list[tuple[str, float]]:
    """The first ``k`` entries of ``identifier.rank(text)``.

    ``rank`` turns all 142 model columns into Python pairs and sorts them;
    a stable argsort of the same scores gives the same order (ties in column
    order, an aliased label's second column skipped as ``rank`` skips it)
    in two thirds of the time. Falls back to ``rank`` if py3langid changes.
    """
    decide = getattr(identifier, "_decide", None)
    if decide is None:
        return identifier.rank(text)[:k]
    scores = decide(text)
    ranking: list[tuple[str, float]] = []
    seen: set[str] = set()
    for i in np.argsort(-scores, kind="stable").tolist():
        label = identifier.nb_classes[i]
        if label not in seen:
            seen.add(label)
            ranking.append((label, float(scores[i])))
            if len(ranking) == k:
                break
    return ranking
