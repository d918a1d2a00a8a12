"""Published word lists as baselines, formed from framing's own entries that cite them."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Iterable, NamedTuple

from nltk.stem.snowball import SnowballStemmer

from .metrics import Tally
from .sections import Headline, Row


class StemMatcher:
    """Finds terms in a text as sequences of Snowball stems, leftmost-longest and without overlaps.

    This is the "published list used as it is" of the issue: no variants, no
    categories, no rules, no voice; only the stem makes "believes" match
    "believe". Stems are cached per instance (not globally) because the same
    few thousand words recur in every text.
    """

    TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")

    def __init__(self, terms: Iterable[str]) -> None:
        self._stemmer = SnowballStemmer("english")   # rule-based: needs no nltk data download
        self._cache: dict[str, str] = {}
        self.patterns = frozenset(p for p in (self.stems(t) for t in terms) if p)
        self._by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for pattern in sorted(self.patterns, key=len, reverse=True):
            self._by_first[pattern[0]].append(pattern)

    def stems(self, text: str) -> tuple[str, ...]:
        """Stems of the text's tokens, lowercased, apostrophes unified."""
        return tuple(self._stem(m.group()) for m in self.TOKEN_RE.finditer(text))

    def _stem(self, word: str) -> str:
        word = word.lower().replace("’", "'")
        if word not in self._cache:
            self._cache[word] = self._stemmer.stem(word)
        return self._cache[word]

    def find(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the matches, scanning left to right and taking the longest term at each token."""
        tokens = [(self._stem(m.group()), m.start(), m.end()) for m in self.TOKEN_RE.finditer(text)]
        stems = [t[0] for t in tokens]
        spans, i = [], 0
        while i < len(tokens):
            for pattern in self._by_first.get(stems[i], ()):
                if tuple(stems[i:i + len(pattern)]) == pattern:
                    spans.append((tokens[i][1], tokens[i + len(pattern) - 1][2]))
                    i += len(pattern)
                    break
            else:
                i += 1
        return spans


class Baseline(NamedTuple):
    """A published list as represented in framing's lexicons; ``matcher`` is None when no entry cites it."""

    name: str
    matcher: StemMatcher | None
    description: str
    n_entries: int


def build_baseline(lexicons: Any, family: str, cited: str, name: str) -> Baseline:
    """The list of terms of the English ``family`` entries whose ``source`` mentions ``cited``.

    Built from framing's own files rather than a copy of the publication, so
    the baseline is exactly the part of that list framing claims to use; the
    description gives the counts a reader needs to judge it.
    """
    entries = list(lexicons.select("en", [family]))
    chosen = [e for e in entries if e.family == family and cited.lower() in e.source.lower()]
    if not chosen:
        return Baseline(name, None, f"no English `{family}` entry cites {cited} in its `source`, so this list is "
                                    "not represented in framing's lexicons and its baseline is not run", 0)
    matcher = StemMatcher(e.term for e in chosen)
    by_category = Counter(e.category or "(none)" for e in chosen)
    multi = sum(len(p) > 1 for p in matcher.patterns)
    description = (f"{len(chosen)} of the {len(entries)} English `{family}` entries cite {cited} in their "
                   f"`source` (" + ", ".join(f"{c} {n}" for c, n in by_category.most_common()) + "); their "
                   f"`term`s alone (no variants, rules or voice) give {len(matcher.patterns)} distinct stem "
                   f"sequences, {multi} of them multi-word, matched leftmost-longest with nltk's Snowball "
                   "(English) stemmer on both sides")
    return Baseline(name, matcher, description, len(chosen))


def baseline_headline(measure: str, tally: Tally, target: float, baseline: Baseline, base: Tally,
                      quoted: float) -> Headline:
    """A summary line; the issue's figure for the full list is quoted as a label, never used as a result."""
    quote = f"issue quotes {quoted:.2f} for the full published list"
    if baseline.matcher is None:
        return Headline(measure, tally, target, None, f"not run: no framing lexicon entry cites {baseline.name} "
                                                      f"({quote})")
    return Headline(measure, tally, target, base, f"{baseline.name}, the {baseline.n_entries} entries citing it "
                                                  f"({quote})")


def baseline_rows(baseline: Baseline, *rows: Row) -> list[Row]:
    """The baseline's rows, or none when its list is not represented (the notes then say why)."""
    return list(rows) if baseline.matcher is not None else []


def baseline_spans(baseline: Baseline, text: str) -> list[dict]:
    """Baseline matches shaped like framing evidence, so the same scoring code serves both."""
    if baseline.matcher is None:
        return []
    return [{"start": s, "end": e, "text": text[s:e], "category": baseline.name}
            for s, e in baseline.matcher.find(text)]
