"""Score articles: read → normalise → segment → match → extract → profile.

A ``Scorer`` holds one lexicon set and builds, once per language, the matcher
and the tables that language needs. It is picklable, so a process pool or a
distributed worker receives it whole and rebuilds nothing it already has.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ._version import __version__
from .document import Document, build_document
from .errors import FramingError, InternalError
from .evidence import Evidence
from .extractors import AFTER_DERIVED, DERIVED_EXTRACTORS, EXTRACTORS
from .language import LanguageGuess, identify
from .lexicon import LexiconSet, load_lexicons
from .matcher import Matcher
from .normalize import normalize
from .coverage import coverage_note, entry_counts
from .profile import Profile, build_profile
from .reading import Article
from .readability import readability
from .wordlists import WORDLIST_FAMILIES, wordlists

FRAMING_VERSION = __version__
# Articles per ``Scorer.score_many`` call for callers that batch (``framing score``, the
# scikit-learn vectoriser): larger batches gain little more, and 32 keeps a few hundred
# articles in flight at most across ``--jobs`` workers.
BATCH_SIZE = 32
# Evidence items kept per family in one profile; more are counted, not listed.
MAX_EVIDENCE_PER_FAMILY = 5_000


@dataclass(frozen=True)
class LanguageTables:
    """What scoring one language needs, built once."""

    matcher: Matcher
    wordlists: dict[str, frozenset[str]]
    notes: tuple[str, ...] = ()


class Scorer:
    """Scores articles against one lexicon set.

    >>> scorer = Scorer()
    >>> profile = scorer.score(Article("a", "Officials met in the Moroccan Sahara on Monday."), language="en")
    >>> profile.naming["western_sahara"]["stance"]
    1.0
    """

    def __init__(self, lexicons: LexiconSet | None = None, *, extra_lexicons: Iterable[str | Path] = (),
                 readability: bool = False, extractors: Iterable[str] | None = None):
        """``extractors`` names the extractors to run (keys of ``EXTRACTORS`` and
        ``DERIVED_EXTRACTORS``), all by default: fewer, to measure what a family costs
        without changing the registry for everyone else."""
        self.readability = readability
        known = (*EXTRACTORS, *DERIVED_EXTRACTORS)
        self.extractors = known if extractors is None else tuple(name for name in known if name in set(extractors))
        unknown = set(extractors or ()) - set(known)
        if unknown:
            raise ValueError(f"unknown extractors: {', '.join(sorted(unknown))} (known: {', '.join(known)})")
        self.lexicons = lexicons if lexicons is not None else load_lexicons(extra_lexicons)
        scoring = {e.language for e in self.lexicons.entries if e.family not in WORDLIST_FAMILIES}
        self.supported = frozenset(scoring - {"mul"})
        self._tables: dict[str, LanguageTables] = {}

    def __getstate__(self):
        return {"lexicons": self.lexicons, "supported": self.supported, "readability": self.readability,
                "extractors": self.extractors, "_tables": {}}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def tables(self, language: str) -> LanguageTables:
        """The matcher and layout tables for ``language``, built on first use."""
        cached = self._tables.get(language)
        if cached is None:
            entries = self.lexicons.select(language)
            matcher = Matcher([e for e in entries if e.family not in WORDLIST_FAMILIES])
            note = coverage_note(entry_counts(self.lexicons.entries), language)
            cached = LanguageTables(matcher, wordlists(entries, self.lexicons.entries), (note,) if note else ())
            self._tables[language] = cached
        return cached

    def score(self, article: Article, *, language: str | None = None) -> Profile:
        """The profile of one article; raises ``FramingError`` subclasses for what cannot be scored."""
        result = self.score_many([article], language=language)[0]
        if isinstance(result, FramingError):
            raise result
        return result

    def score_many(self, articles: Sequence[Article], *, language: str | None = None) -> list[Profile | FramingError]:
        """Profiles of ``articles`` in order; where framing refuses an article, its ``FramingError``.

        The same profiles as ``score`` one article at a time, computed stage by
        stage over the batch (every language, then every document, then each
        extractor in turn), so that each stage finds its tables still in the CPU
        cache: on batches of 50 news articles this is a tenth faster.

        Never raises for one article: should framing itself fail (a bug), the
        batch is scored again article by article, and the article that fails
        gets an ``InternalError`` naming it and the exception, in its place.
        """
        try:
            with no_cyclic_collection():
                return self._score_stages(articles, language)
        except Exception as exc:  # a bug on one odd article must not lose the others: find which one
            if len(articles) == 1:
                return [_internal_error(exc)]
            return [self.score_many([article], language=language)[0] for article in articles]

    def _score_stages(self, articles: Sequence[Article], language: str | None) -> list[Profile | FramingError]:
        results: list[Profile | FramingError | None] = [None] * len(articles)
        documents: list[tuple[int, Document]] = []
        guesses: list[tuple[int, LanguageGuess]] = []
        for index, article in enumerate(articles):
            try:
                guesses.append((index, identify(article.text, self.supported, given=language or article.language)))
            except FramingError as exc:
                results[index] = exc
        # Each stage over the whole batch, the matcher too: its automaton, the largest table
        # scoring reads, stays in the CPU cache from one article to the next, where one
        # article's layout and quotations came between two searches (whole profile 1.055x).
        views = [normalize(articles[index].text) for index, _ in guesses]
        matches = [self.tables(guess.code).matcher.find(view) for (_, guess), view in zip(guesses, views)]
        for (index, guess), view, matched in zip(guesses, views, matches):
            tables = self.tables(guess.code)
            documents.append((index, build_document(articles[index], guess, tables.matcher, tables.wordlists,
                                                    view=view, matches=matched)))
        evidence: list[list[Evidence]] = [[] for _ in documents]
        plain = [(name, extract) for name, extract in EXTRACTORS.items() if name in self.extractors]
        for name, extract in plain:
            if name not in AFTER_DERIVED:
                for found, (_, document) in zip(evidence, documents):
                    found.extend(extract(document))
        for name, derive in DERIVED_EXTRACTORS.items():
            if name not in self.extractors:
                continue
            for found, (_, document) in zip(evidence, documents):
                found.extend(derive(document, tuple(found)))
        for name, extract in plain:
            if name in AFTER_DERIVED:
                for found, (_, document) in zip(evidence, documents):
                    found.extend(extract(document))
        for found, (index, document) in zip(evidence, documents):
            article = articles[index]
            scores = (readability(article.text, document.layout.body, len(document.layout.sentences),
                                  document.language.code) if self.readability else None)
            results[index] = cap_evidence(build_profile(document, found, lexicon_version=self.lexicons.version,
                                                         framing_version=FRAMING_VERSION, readability=scores,
                                                         lexicon_notes=self.tables(document.language.code).notes))
        return results  # type: ignore[return-value]  # every index was filled above


@contextmanager
def no_cyclic_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while a batch is scored, and restored after.

    Scoring allocates tens of thousands of tuples and dicts per batch, none of
    them in reference cycles, so every collection it triggers (about one per
    700 allocations) scans the young objects, and now and then the lexicons, for
    nothing; plain reference counting frees everything scoring makes. The
    collector's state is put back as found, so a caller who disabled it keeps
    it disabled. Measured in issue 16 (see benchmarks/RESULTS.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _internal_error(exc: Exception) -> InternalError:
    """The error standing for an article framing failed on, chained to the exception itself."""
    error = InternalError(f"internal error, please report it: {type(exc).__name__}: {exc}")
    error.__cause__ = exc
    return error


def cap_evidence(profile: Profile, limit: int | None = None) -> Profile:
    """The profile with at most ``limit`` evidence items per family (the first, in text
    order) and a note saying how many were left out. Counts and rates were taken from all
    of them first and stay exact: the cap bounds only output and memory (900,000
    "reportedly" in one article made 426 MB of evidence)."""
    limit = MAX_EVIDENCE_PER_FAMILY if limit is None else limit
    if len(profile.evidence) <= limit:
        return profile  # no family can be over the limit: skip the count (all but freak articles)
    kept: list[Evidence] = []
    seen: dict[str, int] = {}
    for item in profile.evidence:
        seen[item.family] = seen.get(item.family, 0) + 1
        if seen[item.family] <= limit:
            kept.append(item)
    over = {family: n - limit for family, n in seen.items() if n > limit}
    if not over:
        return profile
    left_out = ", ".join(f"{n:,} {family}" for family, n in sorted(over.items()))
    note = (f"evidence capped at {limit:,} items per family, the first in the text: {left_out} left out; "
            "counts and rates include them")
    meta = dict(profile.meta, notes=[*profile.meta.get("notes", []), note])
    return replace(profile, evidence=tuple(kept), meta=meta)
