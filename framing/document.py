"""The analysed article: original text, normalised view, layout, quotations, matches.

Everything an extractor needs is computed here once, so that extractors stay
small pure functions of a ``Document``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .language import LanguageGuess
from .lexicon import Entry
from .matcher import Match, Matcher
from .normalize import NormalizedText, normalize
from .quotes import Quotation, find_quotations, is_quoted, quoted_intervals
from .reading import Article
from .segment import Layout, layout
from .evidence import new_tuple

QUOTED, UNQUOTED = "quoted", "unquoted"


class Hit(NamedTuple):
    """A lexicon match in the body, in original offsets, with its voice and sentence.

    A named tuple, like ``matcher.Match``: dozens are made per article."""

    start: int
    end: int
    entry: Entry
    voice: str
    sentence: int


@dataclass(frozen=True)
class Document:
    """An article ready for extraction. ``hits`` are lexicon matches inside the body."""

    article: Article
    language: LanguageGuess
    view: NormalizedText
    layout: Layout
    quotations: tuple[Quotation, ...]
    hits: tuple[Hit, ...]
    wordlists: dict[str, frozenset[str]]
    sentence_starts: tuple[int, ...]
    quoted: tuple[tuple[int, ...], tuple[int, ...]]
    hits_by_family: dict[str, tuple[Hit, ...]]
    text: str  # the article's text, as a field: extractors read it a hundred times per article

    def sentence_at(self, offset: int) -> int:
        """Index of the body sentence containing ``offset``, or -1."""
        return span_index(self.layout.sentences, self.sentence_starts, offset)

    def is_quoted(self, offset: int) -> bool:
        """Whether ``offset`` stands inside a quotation."""
        return is_quoted(self.quoted, offset, offset + 1)

    def voice_at(self, offset: int) -> str:
        """``QUOTED`` inside a quotation, else ``UNQUOTED``: the voice of evidence starting at ``offset``."""
        return QUOTED if is_quoted(self.quoted, offset, offset + 1) else UNQUOTED

    def wordlist(self, name: str) -> frozenset[str]:
        """A word list of the article's language (empty when its lexicons have none); a name
        no lexicon family declares is an error (``framing.wordlists.declared_wordlists``)."""
        try:
            return self.wordlists[name]
        except KeyError:
            raise KeyError(f"no word list {name!r} is declared (see framing/lexicon_schema.py)") from None

    def wordlist_union(self, *names: str) -> frozenset[str]:
        """The union of several word lists, built once per combination of lists rather than
        per article (the lists are shared by all articles of a language)."""
        return _union(tuple(self.wordlist(name) for name in names))

    def affixes(self, name: str) -> tuple[str, ...]:
        """An affix word list without its hyphens ("-ung" -> "ung", "ge-" -> "ge"), ready for
        ``str.endswith`` / ``str.startswith``; worked out once per list, not per word tested."""
        return _without_hyphens(self.wordlist(name))

    @property
    def words(self) -> int:
        """Body words (duplicates and trailers excluded)."""
        return self.layout.words


@lru_cache(maxsize=256)
def _union(lists: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset().union(*lists)


@lru_cache(maxsize=256)
def _without_hyphens(forms: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(form.strip("-") for form in forms))


def span_index(spans: tuple[tuple[int, int], ...], starts: tuple[int, ...], offset: int) -> int:
    """Index of the span containing ``offset`` (spans sorted and disjoint), or -1."""
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < spans[k][1] else -1


def build_document(article: Article, language: LanguageGuess, matcher: Matcher,
                   wordlists: dict[str, frozenset[str]], *, view: NormalizedText | None = None,
                   matches: list[Match] | None = None) -> Document:
    """Normalise, lay out, find quotations and lexicon matches of ``article``.

    ``view`` and ``matches``, when given, are ``normalize(article.text)`` and
    ``matcher.find(view)``, worked out by the caller (``Scorer.score_many`` runs the
    matcher over a whole batch in a row, while its automaton is in the CPU cache).
    """
    text = article.text
    if view is None:
        view = normalize(text)
    if matches is None:
        matches = matcher.find(view)
    lay = layout(text, title=article.title, abbreviations=wordlists.get("abbreviation", frozenset()),
                 trailer_headings=wordlists.get("boilerplate", frozenset()))
    body_starts = tuple(s for s, _ in lay.body)
    sentence_starts = tuple(s for s, _ in lay.sentences)
    quotations = tuple(q for q in find_quotations(text) if span_index(lay.body, body_starts, q.start) >= 0)
    quoted = quoted_intervals(list(quotations))
    hits = []
    by_family: dict[str, list[Hit]] = {}
    body, sentences = lay.body, lay.sentences
    quoted_starts, quoted_ends = quoted
    norm_starts, norm_ends, orig_starts, orig_ends = view.norm_starts, view.norm_ends, view.orig_starts, view.orig_ends
    # span_index, is_quoted and view.to_original written out: this loop runs for every lexicon match.
    for m_start, m_end, entry in matches:
        if m_start >= m_end:  # no lexicon form is empty; should one be, it maps as to_original maps it
            start, end = view.to_original(m_start, m_end)
        else:
            k = bisect_right(norm_starts, m_start) - 1
            if k < 0:
                start = m_start
            elif m_start < norm_ends[k]:
                start = orig_starts[k]
            else:
                start = orig_ends[k] + m_start - norm_ends[k]
            k = bisect_right(norm_starts, m_end - 1) - 1
            if k < 0:
                end = m_end
            elif m_end - 1 < norm_ends[k]:
                end = orig_ends[k]
            else:
                end = orig_ends[k] + m_end - norm_ends[k]
        k = bisect_right(body_starts, start) - 1
        if k >= 0 and start < body[k][1]:
            q = bisect_right(quoted_starts, start) - 1
            voice = QUOTED if q >= 0 and start < quoted_ends[q] else UNQUOTED
            s = bisect_right(sentence_starts, start) - 1
            hit = new_tuple(Hit, (start, end, entry, voice, s if s >= 0 and start < sentences[s][1] else -1))
            hits.append(hit)
            # Grouped by family here, not in a second pass: one attribute read per hit instead of two.
            same_family = by_family.get(entry.family)
            if same_family is None:
                by_family[entry.family] = [hit]
            else:
                same_family.append(hit)
    return Document(article, language, view, lay, quotations, tuple(hits), wordlists,
                    sentence_starts, quoted, {family: tuple(found) for family, found in by_family.items()}, text)
