"""Compare outlets: rates with honest intervals, naming stances, distinctive words, aligned claims.

``compare(profiles, by="outlet", texts=...)`` groups ``framing.profile/1``
records and returns a ``framing.comparison/1`` dict. Texts are needed for
distinctive vocabulary and claim alignment (offsets index each article's
original text); without them those parts are left out and the output says so.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from itertools import combinations
from typing import Any, Iterable, Iterator, Mapping

import numpy as np

from .align import divergences, month_table, sentences_of
from .align import align_bounded, pair_order
from .frames import Comparison
from .lexicon import LexiconSet, load_lexicons
from .stats import (CONFIDENCE, DEFAULT_RESAMPLES, ArticleCounts, bootstrap_rates, interval, log_odds_dirichlet,
                    pooled_rates, ranks, z_scores)

SCHEMA = "framing.comparison/1"
RATE_FAMILIES = ("hedge", "booster", "factive", "attribution_cue", "source", "scare_quote", "loaded")
MIN_NAMING_MENTIONS = 3
DISTINCTIVE_WORDS = 10
# Pairwise rows listed in full up to this many (21 groups); beyond, the largest significant ones.
MAX_PAIRWISE_ROWS = 1_500
# Aligned claims listed at most (each carries both sentences and their evidence).
MAX_ALIGNMENTS = 2_000
# Divergences (numbers, dates, names that differ between aligned claims) listed at most.
MAX_DIVERGENCES = 2_000
_TOKEN = re.compile(r"[^\W\d_]{3,}(?:['\u2019\-][^\W\d_]+)*")


def group_key(profile: Mapping[str, Any], by: str) -> str:
    """The group of a profile; articles of unknown outlet stay apart (``unknown:<id>``)."""
    value = profile.get(by)
    if by == "outlet" and (not value or str(value).strip().lower() == "unknown"):
        return f"unknown:{profile['id']}"
    return str(value) if value not in (None, "") else f"unknown:{profile['id']}"


def article_counts(profile: Mapping[str, Any]) -> ArticleCounts:
    """Own-voice counts per body sentence and family, and words per sentence."""
    spans = profile.get("sentence_spans") or [[0, 0, profile.get("words", 0)]]
    counts = np.zeros((len(spans), len(RATE_FAMILIES)))
    column = {family: i for i, family in enumerate(RATE_FAMILIES)}
    for e in profile.get("evidence", []):
        if e.get("voice") == "unquoted" and e.get("family") in column:
            row = e.get("sentence", -1)
            counts[row if 0 <= row < len(spans) else 0, column[e["family"]]] += 1
    words = np.array([span[2] for span in spans], dtype=float)
    return ArticleCounts(counts, words)


def compare(profiles: Iterable[Mapping[str, Any]], *, by: str = "outlet",
            texts: Mapping[str, str] | None = None, lexicons: LexiconSet | None = None,
            resamples: int = DEFAULT_RESAMPLES, seed: int = 0, align: bool = True) -> dict[str, Any]:
    """Compare groups of scored articles; see the module docstring. ``align=False``
    skips claim alignment (distinctive words still need ``texts``).

    >>> import framing
    >>> a = framing.score("Officials probably met. It may rain. Rabat rules the Moroccan Sahara.", language="en", id="a")
    >>> b = framing.score("Officials met. The Western Sahara vote was held.", language="en", id="b")
    >>> result = compare([dict(a, outlet="A"), dict(b, outlet="B")], resamples=200)
    >>> result["groups"]["A"]["features"]["hedge"]["rate"] > result["groups"]["B"]["features"]["hedge"]["rate"]
    True
    """
    profiles = [p for p in profiles if p.get("schema") == "framing.profile/1"]
    if not profiles:
        raise ValueError("compare() needs at least one framing.profile/1 record")
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for p in profiles:
        groups.setdefault(group_key(p, by), []).append(p)
    names = sorted(groups)
    counts = {name: [article_counts(p) for p in groups[name]] for name in names}
    # Each group its own stream of random numbers: with one seed for all, two groups with
    # as many sentences would draw the same indices and their intervals would be correlated.
    samples = {name: bootstrap_rates(counts[name], resamples=resamples, seed=(seed, index))
               for index, name in enumerate(names)}
    rates = {name: pooled_rates(counts[name]) for name in names}
    result_groups: dict[str, Any] = {}
    for name in names:
        result_groups[name] = {
            "articles": [p["id"] for p in groups[name]],
            "languages": sorted({p.get("language", "") for p in groups[name]}),
            "words": sum(p.get("words", 0) for p in groups[name]),
            "features": {},
            "shares": _shares(groups[name]),
            "naming": _naming(groups[name]),
        }
    # z-scores and ranks compare groups of the same language(s) only: other languages are
    # measured with other lexicons.
    cohorts: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        cohorts.setdefault(tuple(result_groups[name]["languages"]), []).append(name)
    for column, family in enumerate(RATE_FAMILIES):
        for cohort in cohorts.values():
            values = [float(rates[name][column]) for name in cohort]
            for name, z, rank in zip(cohort, z_scores(values), ranks(values)):
                low, high = interval(samples[name][:, column])
                result_groups[name]["features"][family] = {"rate": float(rates[name][column]), "ci": [low, high],
                                                           "z": z, "rank": rank}
    notes = [f"rates are own-voice (unquoted) evidence per 1,000 body words; 95% intervals from {resamples} "
             "bootstrap resamples of articles within a group and sentences within an article",
             "z-scores and ranks compare groups of the same language only",
             f"naming stances are ranked only with at least {MIN_NAMING_MENTIONS} own-voice mentions"]
    if by == "outlet":
        notes.append("articles whose outlet is unknown form a group each (unknown:<id>)")
    pairwise, omitted = _pairwise(names, rates, samples)
    if any(omitted.values()):
        notes.append(f"pairwise differences: {len(names) * (len(names) - 1) // 2 * len(RATE_FAMILIES):,} across "
                     f"{len(names):,} groups; listed are the {len(pairwise):,} largest significant ones; left out: "
                     f"{omitted['significant']:,} smaller significant and {omitted['not_significant']:,} "
                     "not significant (see pairwise_omitted)")
    comparison = Comparison({
        "schema": SCHEMA, "by": by, "groups": result_groups,
        "pairwise": pairwise, "pairwise_omitted": omitted,
        "naming_ranking": _naming_ranking(result_groups),
        "alignments": [], "divergences": [], "notes": notes,
    })
    if texts is None:
        notes.append("no article texts given: distinctive vocabulary and claim alignment were skipped")
        return comparison
    missing = [p["id"] for p in profiles if p["id"] not in texts]
    if missing:
        raise ValueError(f"texts missing for {missing[:5]}: alignment offsets need every article's text")
    _distinctive(result_groups, groups, texts)
    if align:
        comparison["alignments"], comparison["divergences"], unlisted = _alignments(
            profiles, texts, lexicons or load_lexicons())
        notes.append("claims are aligned only between articles that share enough names, dates and quotations "
                     "to tell the same story")
        if unlisted:
            comparison["alignments_omitted"] = unlisted
            notes.append(f"aligned claims: the {MAX_ALIGNMENTS:,} best listed, {unlisted:,} more left out "
                         "(see alignments_omitted)")
    else:
        notes.append("claim alignment was not requested")
    return comparison


def _shares(profiles: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Mean per article of the attribution shares (quoted share, anonymous share, coverage)."""
    out = {}
    for key in ("quoted_share", "coverage", "anonymous_share"):
        values = [p["features"]["attribution"][key] for p in profiles
                  if p.get("features", {}).get("attribution", {}).get(key) is not None]
        out[key] = sum(values) / len(values) if values else None
    return out


def _naming(profiles: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Own-voice stance per axis over the group's mentions; ``None`` without own-voice mentions."""
    positions: dict[str, list[float]] = {}
    quoted: Counter[str] = Counter()
    for p in profiles:
        for e in p.get("evidence", []):
            if e.get("family") != "naming" or e.get("axis") is None:
                continue
            if e.get("voice") == "unquoted" and e.get("position") is not None:
                positions.setdefault(e["axis"], []).append(e["position"])
            elif e.get("voice") == "quoted":
                quoted[e["axis"]] += 1
    out = {}
    for axis in sorted(set(positions) | set(quoted)):
        own = positions.get(axis, [])
        out[axis] = {"stance": sum(own) / len(own) if own else None, "mentions": len(own),
                     "quoted_mentions": quoted[axis], "enough_evidence": len(own) >= MIN_NAMING_MENTIONS}
    return out


def _naming_ranking(groups: dict[str, Any]) -> dict[str, Any]:
    """Per axis, groups ordered by stance, only those with enough own-voice mentions."""
    axes: dict[str, Any] = {}
    for name, group in groups.items():
        for axis, value in group["naming"].items():
            entry = axes.setdefault(axis, {"ranked": [], "not_ranked": []})
            if value["enough_evidence"]:
                entry["ranked"].append((value["stance"], name))
            else:
                entry["not_ranked"].append({"group": name, "mentions": value["mentions"],
                                            "reason": f"fewer than {MIN_NAMING_MENTIONS} own-voice mentions"})
    for entry in axes.values():
        entry["ranked"] = [{"group": name, "stance": stance}
                           for stance, name in sorted(entry["ranked"], key=lambda t: (-t[0], t[1]))]
    return axes


def _pairwise(names: list[str], rates: dict[str, np.ndarray], samples: dict[str, np.ndarray],
              limit: int | None = None) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Differences of rates between every two groups; marked only when the interval excludes zero.

    Rows grow with the square of the groups (1,000 groups, 3.5 million rows): beyond
    ``limit`` rows only the significant differences are kept, the largest first, at most
    ``limit`` of them, and the second value counts what was left out. The intervals are
    worked out one group against the rest at a time, so memory stays linear in groups.
    """
    limit = MAX_PAIRWISE_ROWS if limit is None else limit
    pairs = len(names) * (len(names) - 1) // 2
    if pairs * len(RATE_FAMILIES) <= limit:
        out = []
        for a, b in combinations(names, 2):
            for column, family in enumerate(RATE_FAMILIES):
                low, high = interval(samples[a][:, column] - samples[b][:, column])
                out.append({"a": a, "b": b, "family": family,
                            "difference": float(rates[a][column] - rates[b][column]), "ci": [low, high],
                            "significant": bool(low > 0 or high < 0)})
        return out, {"not_significant": 0, "significant": 0}
    kept: list[tuple[float, int, dict[str, Any]]] = []  # a min-heap on |difference|
    significant = order = 0
    tail = (1.0 - CONFIDENCE) / 2.0
    for column, family in enumerate(RATE_FAMILIES):
        matrix = np.stack([samples[name][:, column] for name in names])
        values = np.array([rates[name][column] for name in names], dtype=float)
        for i in range(len(names) - 1):
            differences = matrix[i] - matrix[i + 1:]
            lows, highs = np.quantile(differences, [tail, 1.0 - tail], axis=1)
            for j in np.nonzero((lows > 0) | (highs < 0))[0]:
                significant += 1
                other = i + 1 + int(j)
                difference = float(values[i] - values[other])
                row = {"a": names[i], "b": names[other], "family": family, "difference": difference,
                       "ci": [float(lows[j]), float(highs[j])], "significant": True}
                order += 1
                item = (abs(difference), -order, row)
                if len(kept) < limit:
                    heapq.heappush(kept, item)
                elif item[:2] > kept[0][:2]:
                    heapq.heapreplace(kept, item)
    rows = [row for _, _, row in sorted(kept, key=lambda t: (-t[0], -t[1]))]
    return rows, {"not_significant": pairs * len(RATE_FAMILIES) - significant, "significant": significant - len(rows)}


def _distinctive(result_groups: dict[str, Any], groups: dict[str, list[Mapping[str, Any]]],
                 texts: Mapping[str, str]) -> None:
    """Fightin' Words per group against the other groups of its language (more than two at once)."""
    counts: dict[str, Counter[str]] = {}
    for name, profiles in groups.items():
        counter: Counter[str] = Counter()
        for p in profiles:
            text = texts[p["id"]]
            for start, end, _ in p.get("sentence_spans", []):
                counter.update(w.lower().replace("\u2019", "'") for w in _TOKEN.findall(text, start, end))
        counts[name] = counter
    cache: dict[str, Counter[str]] = {}
    for name, group in result_groups.items():
        if len(group["languages"]) != 1:
            group["distinctive"] = []
            continue
        language = group["languages"][0]
        others = [o for o, g in result_groups.items() if o != name and g["languages"] == [language]]
        if not others:
            group["distinctive"] = []
            continue
        # The rest is every group of the language less this one: summed once per language
        # rather than once per group (quadratic in groups).
        rest = _language_totals(result_groups, counts, language, cache) - counts[name]
        background = counts[name] + rest
        total = sum(background.values())
        prior_total = float(total)
        prior = {w: prior_total * c / total for w, c in background.items()} if total else {}
        scores = log_odds_dirichlet(counts[name], rest, prior, prior_total)
        top = sorted(scores.items(), key=lambda kv: (-kv[1][1], kv[0]))[:DISTINCTIVE_WORDS]
        group["distinctive"] = [{"word": w, "log_odds": d, "z": z, "count": counts[name][w]}
                                for w, (d, z) in top if z > 0]


def _language_totals(result_groups: dict[str, Any], counts: dict[str, Counter[str]], language: str,
                     cache: dict[str, Counter[str]]) -> Counter[str]:
    """Word counts of all groups of one language (only one language), worked out once."""
    if language not in cache:
        total: Counter[str] = Counter()
        for name, group in result_groups.items():
            if group["languages"] == [language]:
                total.update(counts[name])
        cache[language] = total
    return cache[language]


def _alignments(profiles: list[Mapping[str, Any]], texts: Mapping[str, str],
                lexicons: LexiconSet) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Aligned claims (the ``MAX_ALIGNMENTS`` best), their divergences, and how many were left out."""
    sentences = []
    by_id = {p["id"]: p for p in profiles}
    for p in profiles:
        language = p["language"]
        calendar = frozenset(f for e in lexicons.select(language, ["grammar"])
                             if e.category in ("month", "weekday") for f in e.forms)
        sentences.extend(sentences_of(p, texts[p["id"]], month_table(lexicons, language), calendar))
    divergent: list[_Worst] = []

    def watch(pairs: Iterable[tuple[float, Any, Any]]) -> Iterator[tuple[float, Any, Any]]:
        """Divergences of every aligned pair, not only of those listed: the best pairs are
        near-identical sentences, the divergent ones rank lower. At most MAX_DIVERGENCES
        are held, those of the best pairs."""
        for item in pairs:
            score, a, b = item
            for n, divergence in enumerate(divergences(a, b, score)):
                entry = (pair_order(item), n, dict(divergence, a={"id": a.article, "start": a.start, "end": a.end},
                                                   b={"id": b.article, "start": b.start, "end": b.end}))
                if len(divergent) < MAX_DIVERGENCES:
                    heapq.heappush(divergent, _Worst(entry))
                elif _Worst(entry) > divergent[0]:
                    heapq.heapreplace(divergent, _Worst(entry))
            yield item

    pairs, total = align_bounded(sentences, limit=MAX_ALIGNMENTS, watch=watch)
    alignments = [{"a": _side(a, by_id[a.article]), "b": _side(b, by_id[b.article]), "score": score,
                   "framing": {"a": _claim_framing(a, by_id[a.article]), "b": _claim_framing(b, by_id[b.article])}}
                  for a, b, score in pairs]
    found = [entry[2] for entry in sorted((w.entry for w in divergent), key=lambda e: e[:2])]
    return alignments, found, total - len(pairs)


class _Worst:
    """A heap item ordered worst first (the largest sort key at the top of a min-heap)."""

    __slots__ = ("entry",)

    def __init__(self, entry: tuple[Any, ...]):
        self.entry = entry

    def __lt__(self, other: "_Worst") -> bool:
        return self.entry[:2] > other.entry[:2]

    def __gt__(self, other: "_Worst") -> bool:
        return self.entry[:2] < other.entry[:2]


def _side(sentence, profile: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": sentence.article, "start": sentence.start, "end": sentence.end, "text": sentence.text,
            "outlet": profile.get("outlet")}


def _claim_framing(sentence, profile: Mapping[str, Any]) -> dict[str, Any]:
    """How one article framed an aligned claim: hedged or asserted, attributed to whom, quoted, naming."""
    inside = [e for e in profile.get("evidence", []) if sentence.start <= e.get("start", -1) < sentence.end]

    def texts(family: str, voice: str | None = None) -> list[str]:
        return [e["text"] for e in inside if e["family"] == family and (voice is None or e["voice"] == voice)]

    hedges = texts("hedge", "unquoted")
    return {"hedged": bool(hedges), "hedges": hedges, "boosters": texts("booster", "unquoted"),
            "factives": texts("factive", "unquoted"),
            "attributed_to": [e["text"] for e in inside if e["family"] == "source"],
            "cues": texts("attribution_cue"),
            "quoted": any(e["family"] == "quotation" and e["start"] < sentence.end and sentence.start < e["end"]
                          for e in profile.get("evidence", [])),
            "naming": [{"text": e["text"], "axis": e.get("axis"), "voice": e["voice"]}
                       for e in inside if e["family"] == "naming"],
            "evidence": [{k: e[k] for k in ("family", "start", "end", "text", "voice")} for e in inside
                         if e["family"] in ("hedge", "booster", "factive", "source", "attribution_cue", "naming",
                                            "scare_quote", "loaded")]}
