"""Compare groups of articles (outlets by default): rates with honest intervals, naming stances, frame
shares, pairwise tests; distinctive words and aligned claims from their own modules.

``compare(profiles, by="outlet", texts=...)`` groups ``framing.profile/1``
records and returns a ``framing.comparison/1`` dict. Texts are needed for
distinctive vocabulary and claim alignment (offsets index each article's
original text); without them those parts are left out and the output says so.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import combinations
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .claims import compare_claims
from .distinctive import distinctive_words
from ..dataframes import Comparison
from ..families import rated_families
from .frame_shares import frame_share_samples, frame_shares
from ..frames.ids import FRAME_IDS
from ..lexicon import LexiconSet
from ..profile import MIN_RATE_WORDS
from .stats import (DEFAULT_RESAMPLES, FALSE_DISCOVERY_RATE, ArticleCounts, benjamini_hochberg, bootstrap_p_value,
                    bootstrap_rates, interval, pooled_rates, ranks, z_scores)

SCHEMA = "framing.comparison/1"
MIN_NAMING_MENTIONS = 3
# Pairwise rows listed in full up to this many (21 groups of 7 families); beyond, the largest significant ones.
MAX_PAIRWISE_ROWS = 1_500


# What compare() reads of a profile's evidence, and the parts of a profile it never reads.
EVIDENCE_KEYS = ("family", "start", "end", "text", "voice", "sentence", "axis", "position", "category", "frame",
                 "technique")
UNREAD_PARTS = ("naming", "headline_framing", "excluded", "readability")


def slim(profile: Mapping[str, Any]) -> dict[str, Any]:
    """The profile with only what ``compare`` reads (metadata, attribution shares, sentence spans,
    evidence without lexicon provenance): a comparison of many stored profiles keeps a fraction
    of their memory. ``compare(slim(p) for p in profiles)`` equals ``compare(profiles)``."""
    out = {k: v for k, v in profile.items() if k not in UNREAD_PARTS and k not in ("evidence", "features")}
    attribution = profile.get("features", {}).get("attribution")
    out["features"] = {"attribution": attribution} if attribution is not None else {}
    out["evidence"] = [{k: sys.intern(v) if isinstance(v, str) and k in ("family", "voice", "category") else v
                        for k, v in e.items() if k in EVIDENCE_KEYS} for e in profile.get("evidence", [])]
    return out


def group_key(profile: Mapping[str, Any], by: str) -> str:
    """The group of a profile; articles of unknown outlet stay apart (``unknown:<id>``)."""
    value = profile.get(by)
    if by == "outlet" and (not value or str(value).strip().lower() == "unknown"):
        return f"unknown:{profile['id']}"
    return str(value) if value not in (None, "") else f"unknown:{profile['id']}"


def article_counts(profile: Mapping[str, Any]) -> ArticleCounts:
    """Own-voice counts per body sentence and family, and words per sentence."""
    spans = profile.get("sentence_spans") or [[0, 0, profile.get("words", 0)]]
    families = rated_families()
    counts = np.zeros((len(spans), len(families)))
    column = {family: i for i, family in enumerate(families)}
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
    skips stories and claim alignment (distinctive words still need ``texts``).

    >>> import framing
    >>> a = framing.score("Officials probably met. It may rain. Rabat rules the Moroccan Sahara. " * 5,
    ...                   language="en", id="a")
    >>> b = framing.score("Officials met. The Western Sahara vote was held. " * 8, language="en", id="b")
    >>> result = compare([dict(a, outlet="A"), dict(b, outlet="B")], resamples=200)
    >>> result["groups"]["A"]["features"]["hedge"]["rate"] > result["groups"]["B"]["features"]["hedge"]["rate"]
    True
    """
    profiles = [p for p in profiles if p.get("schema") == "framing.profile/1"]
    if not profiles:
        raise ValueError("compare() needs at least one framing.profile/1 record")
    problem = missing_field(profiles, by)
    if problem:
        raise ValueError(problem)
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for p in profiles:
        groups.setdefault(group_key(p, by), []).append(p)
    names = sorted(groups)
    # Articles too short for a rate (profile.MIN_RATE_WORDS) are set aside from the rates only.
    long_enough = {name: [p for p in groups[name] if p.get("words", 0) >= MIN_RATE_WORDS] for name in names}
    rated = [name for name in names if long_enough[name]]
    counts = {name: [article_counts(p) for p in long_enough[name]] for name in rated}
    # Each group its own stream of random numbers: with one seed for all, two groups with
    # as many sentences would draw the same indices and their intervals would be correlated.
    samples = {name: bootstrap_rates(counts[name], resamples=resamples, seed=(seed, names.index(name)))
               for name in rated}
    rates = {name: pooled_rates(counts[name]) for name in rated}
    result_groups: dict[str, Any] = {}
    framed: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # groups with own-voice frame evidence
    for name in names:
        result_groups[name] = {
            "articles": [p["id"] for p in groups[name]],
            "articles_in_rates": len(long_enough[name]),
            "languages": sorted({p.get("language", "") for p in groups[name]}),
            "words": sum(p.get("words", 0) for p in groups[name]),
            "features": {},
            "shares": _shares(groups[name]),
            "naming": _naming(groups[name]),
        }
        shares = frame_share_samples(groups[name], resamples=resamples, seed=(seed, names.index(name), 1))
        result_groups[name]["frames"] = frame_shares(groups[name], shares)
        if shares is not None:
            framed[name] = shares
    # z-scores and ranks compare groups of the same language(s) only: other languages are
    # measured with other lexicons.
    cohorts: dict[tuple[str, ...], list[str]] = {}
    for name in rated:
        cohorts.setdefault(tuple(result_groups[name]["languages"]), []).append(name)
    families = rated_families()
    for column, family in enumerate(families):
        for cohort in cohorts.values():
            values = [float(rates[name][column]) for name in cohort]
            for name, z, rank in zip(cohort, z_scores(values), ranks(values)):
                low, high = interval(samples[name][:, column])
                result_groups[name]["features"][family] = {"rate": float(rates[name][column]), "ci": [low, high],
                                                           "z": z, "rank": rank}
        for name in set(names) - set(rated):
            result_groups[name]["features"][family] = {"rate": None, "ci": [None, None], "z": None, "rank": None}
    notes = [f"rates are own-voice (unquoted) evidence per 1,000 body words; 95% intervals from {resamples} "
             "bootstrap resamples of articles within a group and sentences within an article",
             "z-scores and ranks compare groups of the same language only",
             "frame shares are each frame's own-voice evidence over all the group's own-voice frame evidence; "
             "95% intervals from resampling the group's articles",
             f"naming stances are ranked only with at least {MIN_NAMING_MENTIONS} own-voice mentions",
             f"a pairwise difference is significant when its Benjamini-Hochberg q-value (false discovery rate "
             f"over all {len(families)} families x group pairs) is below {FALSE_DISCOVERY_RATE}; "
             "p-values from the bootstrap of the difference"]
    if by == "outlet":
        notes.append("articles whose outlet is unknown form a group each (unknown:<id>)")
    short = sum(len(groups[name]) - len(long_enough[name]) for name in names)
    if short:
        notes.append(f"{short} article(s) under {MIN_RATE_WORDS} body words were set aside from the rates (a rate "
                     "of so few words says more about the length than the writing); groups with no longer "
                     "article have no rates")
    if lexicons is None:
        notes.append("no lexicons given: naming axes are listed without their poles")
    pairwise, omitted = _pairwise(rated, rates, samples)
    frame_pairwise, frame_omitted = _pairwise(sorted(framed), {n: framed[n][0] for n in framed},
                                              {n: framed[n][1] for n in framed}, columns=FRAME_IDS, key="frame")
    notes.append("frame shares are compared between groups as rates are (bootstrap p-values, Benjamini-Hochberg "
                 "q-values over all frames x group pairs, a family of tests of their own); groups without "
                 "own-voice frame evidence are left out")
    if any(omitted.values()):
        notes.append(f"pairwise differences: {len(pairwise) + sum(omitted.values()):,} across {len(rated):,} groups; "
                     f"listed are the {len(pairwise):,} largest significant ones (q-values over all of them); "
                     f"left out: {omitted['significant']:,} smaller significant and {omitted['not_significant']:,} "
                     "not significant (see pairwise_omitted)")
    comparison = Comparison({
        "schema": SCHEMA, "by": by, "groups": result_groups, "articles": article_index(profiles, by),
        "axes": axis_poles(result_groups, lexicons) if lexicons is not None else {},
        "pairwise": pairwise, "pairwise_omitted": omitted,
        "frame_pairwise": frame_pairwise, "frame_pairwise_omitted": frame_omitted,
        "naming_ranking": _naming_ranking(result_groups),
        "stories": [], "alignments": [], "divergences": [], "notes": notes,
    })
    if texts is None:
        notes.append("no article texts given: distinctive vocabulary and claim alignment were skipped")
        return comparison
    if align and lexicons is None:
        raise ValueError("claim alignment reads dates with the lexicons the profiles were scored with: pass "
                         "lexicons= (for example Scorer().lexicons), or align=False")
    missing = [p["id"] for p in profiles if p["id"] not in texts]
    if missing:
        raise ValueError(f"texts missing for {missing[:5]}: alignment offsets need every article's text")
    notes.extend(distinctive_words(result_groups, groups, texts, lexicons))
    if align:
        assert lexicons is not None  # checked above, before any work
        outlets = {p["id"]: group_key(p, "outlet") for p in profiles}
        comparison.update(compare_claims(profiles, texts, lexicons, outlets))
        notes.append("stories group articles telling the same event (shared names, dates, numbers, quotations "
                     "and words; publication dates at most a week apart); claims are aligned only between "
                     "different outlets of one story and ranked by how differently they are framed")
    else:
        notes.append("stories and claim alignment were not requested")
    return comparison


def missing_field(profiles: Sequence[Mapping[str, Any]], by: str) -> str | None:
    """Why ``by`` cannot group these profiles (no profile has the field), naming the fields that
    do exist; None when some profile has it. Grouping by a field nobody has would put every
    article in a group of its own without a word."""
    if by == "outlet" or any(p.get(by) not in (None, "") for p in profiles):
        return None
    present = sorted({key for p in profiles for key, value in p.items()
                      if isinstance(value, (str, int, float)) and not isinstance(value, bool) and value != ""
                      and key not in ("schema", "id", "words", "sentences", "headline", "language_confidence",
                                      "lexicon_version", "framing_version")})
    return f"no article has the field {by[:40]!r} to group by; fields the articles have: {', '.join(present)}"


def article_index(profiles: list[Mapping[str, Any]], by: str) -> dict[str, dict[str, Any]]:
    """Per article id what a reader needs to recognise it: title (or headline), outlet, date, language, group."""
    return {p["id"]: {"title": p.get("title") or p.get("headline") or None, "outlet": p.get("outlet"),
                      "date": p.get("date"), "language": p.get("language"), "group": group_key(p, by)}
            for p in profiles}


def axis_poles(groups: Mapping[str, Any], lexicons: LexiconSet) -> dict[str, dict[str, str]]:
    """What -1 and +1 mean on each naming axis the groups mention (from ``naming/axes.toml``)."""
    mentioned = sorted({axis for group in groups.values() for axis in group["naming"]})
    return {axis: {"negative": lexicons.axes[axis].negative, "positive": lexicons.axes[axis].positive}
            for axis in mentioned if axis in lexicons.axes}


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
              limit: int | None = None, columns: Sequence[str] | None = None,
              key: str = "family") -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Differences of rates between every two groups, with a bootstrap p-value and its
    Benjamini-Hochberg q-value over all differences; significant when q < ``FALSE_DISCOVERY_RATE``.
    ``columns`` name the columns of ``rates`` and ``samples`` (the rated families by default;
    the frames for frame shares), under ``key`` in each row.

    Rows grow with the square of the groups (1,000 groups: 3.5 million). Beyond ``limit``
    rows, p- and q-values are still worked out for all of them (as arrays, one group
    against the later ones at a time), but only the significant differences are listed,
    the largest first, at most ``limit``; the second value counts what was left out.
    """
    families = list(rated_families() if columns is None else columns)
    limit = MAX_PAIRWISE_ROWS if limit is None else limit
    if len(names) * (len(names) - 1) // 2 * len(families) <= limit:
        out: list[dict[str, Any]] = []
        for a, b in combinations(names, 2):
            for column, family in enumerate(families):
                difference = samples[a][:, column] - samples[b][:, column]
                low, high = interval(difference)
                out.append({"a": a, "b": b, key: family,
                            "difference": float(rates[a][column] - rates[b][column]), "ci": [low, high],
                            "p": bootstrap_p_value(difference)})
        for row, q in zip(out, benjamini_hochberg([row["p"] for row in out])):
            row["q"] = q
            row["significant"] = q < FALSE_DISCOVERY_RATE
        return out, {"not_significant": 0, "significant": 0}
    p_values: list[np.ndarray] = []
    where: list[np.ndarray] = []
    for column in range(len(families)):
        matrix = np.stack([samples[name][:, column] for name in names])
        n = matrix.shape[1]
        for i in range(len(names) - 1):
            differences = matrix[i] - matrix[i + 1:]
            tail = np.minimum((differences <= 0).sum(axis=1), (differences >= 0).sum(axis=1))
            p_values.append(np.minimum(1.0, 2.0 * (tail + 1) / (n + 1)))  # as bootstrap_p_value
            where.append(np.stack([np.full(len(tail), column), np.full(len(tail), i), np.arange(i + 1, len(names))]))
    p = np.concatenate(p_values)
    index = np.concatenate(where, axis=1)
    q_values = _benjamini_hochberg(p)
    significant = np.nonzero(np.asarray(q_values < FALSE_DISCOVERY_RATE))[0]
    size = np.array([abs(float(rates[names[index[1, k]]][index[0, k]] - rates[names[index[2, k]]][index[0, k]]))
                     for k in significant])
    kept = significant[np.argsort(-size, kind="stable")[:limit]] if len(significant) else significant
    listed: list[dict[str, Any]] = []
    for k in kept:
        column, first, second = (int(v) for v in index[:, k])
        x, y = names[first], names[second]
        gap = samples[x][:, column] - samples[y][:, column]
        ci_low, ci_high = interval(gap)
        listed.append({"a": x, "b": y, key: families[column],
                       "difference": float(rates[x][column] - rates[y][column]), "ci": [ci_low, ci_high],
                       "p": float(p[k]), "q": float(q_values[k]), "significant": True})
    return listed, {"not_significant": int(len(p) - len(significant)),
                    "significant": int(len(significant) - len(listed))}


def _benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """``stats.benjamini_hochberg`` on an array, for millions of tests (the same values)."""
    m = len(p)
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    q = np.empty(m)
    q[order] = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    return q
