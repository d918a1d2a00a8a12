"""Compare groups of articles (outlets by default): rates with honest intervals, naming stances, frame
shares, pairwise tests; distinctive words and aligned claims from their own modules.

``compare(profiles, by="outlet", texts=...)`` groups ``framing.profile/1``
records and returns a ``framing.comparison/1`` dict. Texts are needed for
distinctive vocabulary and claim alignment (offsets index each article's
original text); without them those parts are left out and the output says so.
``Comparer`` does the same one article at a time, keeping per group tallies
rather than profiles, so that ``framing compare`` of a large store holds
neither its profiles nor its texts.
"""
from __future__ import annotations

import sys
from array import array
from collections import Counter
from itertools import combinations
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .claims import ClaimCollector, KeptArticles
from .counts import PackedCounts
from .distinctive import body_words, distinctive_words
from ..dataframes import Comparison
from ..families import rated_families
from .frame_shares import count_cues, frame_cells, frames_present, share_samples, shares_of
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
    kept, intern = _EVIDENCE_KEYS, sys.intern
    evidence = []
    for e in profile.get("evidence", []):
        piece = {k: v for k, v in e.items() if k in kept}
        for key in _INTERNED:
            value = piece.get(key)
            if isinstance(value, str):
                piece[key] = intern(value)
        evidence.append(piece)
    out["evidence"] = evidence
    return out


_EVIDENCE_KEYS = frozenset(EVIDENCE_KEYS)
_INTERNED = ("family", "voice", "category")  # few distinct values, many pieces of evidence


def group_key(profile: Mapping[str, Any], by: str) -> str:
    """The group of a profile; articles of unknown outlet stay apart (``unknown:<id>``)."""
    value = profile.get(by)
    if by == "outlet" and (not value or str(value).strip().lower() == "unknown"):
        return f"unknown:{profile['id']}"
    return str(value) if value not in (None, "") else f"unknown:{profile['id']}"


def rate_cells(profile: Mapping[str, Any]) -> tuple[list[int], list[tuple[int, int]]]:
    """Words per body sentence, and a ``(sentence, family column)`` cell per piece of own-voice
    evidence of a rated family."""
    spans = profile.get("sentence_spans") or [[0, 0, profile.get("words", 0)]]
    column = {family: i for i, family in enumerate(rated_families())}
    cells = []
    for e in profile.get("evidence", []):
        if e.get("voice") == "unquoted" and e.get("family") in column:
            row = e.get("sentence", -1)
            cells.append((row if 0 <= row < len(spans) else 0, column[e["family"]]))
    return [span[2] for span in spans], cells


def article_counts(profile: Mapping[str, Any]) -> ArticleCounts:
    """Own-voice counts per body sentence and family, and words per sentence."""
    words, cells = rate_cells(profile)
    counts = np.zeros((len(words), len(rated_families())))
    for row, column in cells:
        counts[row, column] += 1
    return ArticleCounts(counts, np.array(words, dtype=float))


SHARE_KEYS = ("quoted_share", "coverage", "anonymous_share")


class GroupTally:
    """What a comparison keeps of one group's articles as they stream by: ids, words, packed
    sentence counts for the bootstrap, attribution shares, naming positions, frame presence and
    cue words, and (with texts) body word counts; never the profiles themselves."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.languages: set[str] = set()
        self.words = 0
        self.rated = PackedCounts(len(rated_families()))  # articles long enough for a rate
        self.framed = PackedCounts(len(FRAME_IDS))
        self.shares = {key: array("d") for key in SHARE_KEYS}
        self.positions: dict[str, array] = {}
        self.quoted: Counter[str] = Counter()
        self.present = [0] * len(FRAME_IDS)
        self.cues: dict[str, Counter[str]] = {}
        self.body_words: Counter[str] = Counter()

    def add(self, profile: Mapping[str, Any], text: str | None = None) -> None:
        self.ids.append(profile["id"])
        self.languages.add(profile.get("language", ""))
        self.words += profile.get("words", 0)
        if profile.get("words", 0) >= MIN_RATE_WORDS:
            self.rated.append(*rate_cells(profile))
        rows, cells = frame_cells(profile)
        totals = [0] * rows
        for row, _ in cells:
            totals[row] += 1
        self.framed.append(totals, cells)
        for key in SHARE_KEYS:
            value = profile.get("features", {}).get("attribution", {}).get(key)
            if value is not None:
                self.shares[key].append(value)
        for e in profile.get("evidence", []):
            if e.get("family") != "naming" or e.get("axis") is None:
                continue
            if e.get("voice") == "unquoted" and e.get("position") is not None:
                self.positions.setdefault(e["axis"], array("d")).append(e["position"])
            elif e.get("voice") == "quoted":
                self.quoted[e["axis"]] += 1
        for k, present in enumerate(frames_present(profile)):
            self.present[k] += present
        count_cues(profile, self.cues)
        if text is not None:
            self.body_words.update(body_words(text, profile.get("sentence_spans", [])))

    def share_means(self) -> dict[str, Any]:
        """Mean per article of the attribution shares (quoted share, anonymous share, coverage)."""
        return {key: sum(values) / len(values) if values else None for key, values in self.shares.items()}

    def naming(self) -> dict[str, Any]:
        """Own-voice stance per axis over the group's mentions; ``None`` without own-voice mentions."""
        out = {}
        for axis in sorted(set(self.positions) | set(self.quoted)):
            own = self.positions.get(axis, array("d"))
            out[axis] = {"stance": sum(own) / len(own) if own else None, "mentions": len(own),
                         "quoted_mentions": self.quoted[axis], "enough_evidence": len(own) >= MIN_NAMING_MENTIONS}
        return out


def _scalar_fields(profile: Mapping[str, Any]) -> set[str]:
    """The fields of a profile one could group by (text or numbers, not bookkeeping)."""
    return {key for key, value in profile.items()
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and value != ""
            and key not in ("schema", "id", "words", "sentences", "headline", "language_confidence",
                            "lexicon_version", "framing_version")}


class Comparer:
    """``compare`` one article at a time: ``add`` each profile (with its text, when texts are
    given) as it streams by, then ``result()``. Memory holds per group its tallies
    (``GroupTally``), per article its entry in the ``articles`` index and, for claims, its
    story features; profiles and texts wait for claim alignment in ``kept``
    (``claims.SpilledArticles`` keeps them on disk).
    """

    def __init__(self, *, by: str = "outlet", lexicons: LexiconSet | None = None,
                 resamples: int = DEFAULT_RESAMPLES, seed: int = 0, texts: bool = False, align: bool = True,
                 kept: KeptArticles | None = None):
        if texts and align and lexicons is None:
            raise ValueError("claim alignment reads dates with the lexicons the profiles were scored with: pass "
                             "lexicons= (for example Scorer().lexicons), or align=False")
        self.by, self.lexicons, self.resamples, self.seed = by, lexicons, resamples, seed
        self.texts, self.align = texts, align
        self.claims = ClaimCollector(lexicons, kept) if texts and align and lexicons is not None else None
        self.groups: dict[str, GroupTally] = {}
        self.index: dict[str, dict[str, Any]] = {}
        self.has_field = by == "outlet"
        self.fields: set[str] = set()
        self.count = 0

    def add(self, profile: Mapping[str, Any], text: str | None = None) -> None:
        """One profile (others than ``framing.profile/1`` records are passed over)."""
        if profile.get("schema") != "framing.profile/1":
            return
        self.count += 1
        by = self.by
        if not self.has_field:
            self.has_field = profile.get(by) not in (None, "")
            self.fields |= _scalar_fields(profile)
        key = group_key(profile, by)
        self.groups.setdefault(key, GroupTally()).add(profile, text if self.texts else None)
        self.index[profile["id"]] = index_entry(profile, by)
        if self.claims is not None:
            if text is None:
                raise ValueError(f"text missing for {profile['id']!r}: alignment offsets need every article's text")
            self.claims.add(profile, text, group_key(profile, "outlet"))

    def missing_field(self) -> str | None:
        """``missing_field`` of the profiles added so far."""
        if self.has_field:
            return None
        return (f"no article has the field {self.by[:40]!r} to group by; fields the articles have: "
                f"{', '.join(sorted(self.fields))}")

    def result(self) -> Comparison:
        """The ``framing.comparison/1`` record of the articles added."""
        if not self.count:
            raise ValueError("compare() needs at least one framing.profile/1 record")
        problem = self.missing_field()
        if problem:
            raise ValueError(problem)
        return _comparison(self)


def _comparison(comparer: Comparer) -> Comparison:
    by, resamples, seed, lexicons = comparer.by, comparer.resamples, comparer.seed, comparer.lexicons
    tallies = comparer.groups
    names = sorted(tallies)
    # Articles too short for a rate (profile.MIN_RATE_WORDS) are set aside from the rates only.
    rated = [name for name in names if len(tallies[name].rated)]
    position = {name: k for k, name in enumerate(names)}
    # Each group its own stream of random numbers: with one seed for all, two groups with
    # as many sentences would draw the same indices and their intervals would be correlated.
    samples = {name: bootstrap_rates(tallies[name].rated, resamples=resamples, seed=(seed, position[name]))
               for name in rated}
    rates = {name: pooled_rates(tallies[name].rated) for name in rated}
    result_groups: dict[str, Any] = {}
    framed: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # groups with own-voice frame evidence
    for name in names:
        tally = tallies[name]
        result_groups[name] = {
            "articles": tally.ids,
            "articles_in_rates": len(tally.rated),
            "languages": sorted(tally.languages),
            "words": tally.words,
            "features": {},
            "shares": tally.share_means(),
            "naming": tally.naming(),
        }
        shares = share_samples(tally.framed, resamples=resamples, seed=(seed, position[name], 1))
        result_groups[name]["frames"] = shares_of(tally.present, tally.cues, shares)
        if shares is not None:
            framed[name] = shares    # z-scores and ranks compare groups of the same language(s) only: other languages are
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
    short = sum(len(tallies[name].ids) - len(tallies[name].rated) for name in names)
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
        "schema": SCHEMA, "by": by, "groups": result_groups, "articles": comparer.index,
        "axes": axis_poles(result_groups, lexicons) if lexicons is not None else {},
        "pairwise": pairwise, "pairwise_omitted": omitted,
        "frame_pairwise": frame_pairwise, "frame_pairwise_omitted": frame_omitted,
        "naming_ranking": _naming_ranking(result_groups),
        "stories": [], "alignments": [], "divergences": [], "notes": notes,
    })
    if not comparer.texts:
        notes.append("no article texts given: distinctive vocabulary and claim alignment were skipped")
        return comparison
    notes.extend(distinctive_words(result_groups, {name: tallies[name].body_words for name in names}, lexicons))
    if comparer.claims is not None:
        comparison.update(comparer.claims.result())
        notes.append("stories group articles telling the same event (shared names, dates, numbers, quotations "
                     "and words; publication dates at most a week apart); claims are aligned only between "
                     "different outlets of one story and ranked by how differently they are framed")
    else:
        notes.append("stories and claim alignment were not requested")
    return comparison


def compare(profiles: Iterable[Mapping[str, Any]], *, by: str = "outlet",
            texts: Mapping[str, str] | None = None, lexicons: LexiconSet | None = None,
            resamples: int = DEFAULT_RESAMPLES, seed: int = 0, align: bool = True) -> dict[str, Any]:
    """Compare groups of scored articles; see the module docstring. ``align=False``
    skips stories and claim alignment (distinctive words still need ``texts``).
    ``Comparer`` does the same one article at a time.

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
    if texts is not None:
        if align and lexicons is None:
            raise ValueError("claim alignment reads dates with the lexicons the profiles were scored with: pass "
                             "lexicons= (for example Scorer().lexicons), or align=False")
        missing = [p["id"] for p in profiles if p["id"] not in texts]
        if missing:
            raise ValueError(f"texts missing for {missing[:5]}: alignment offsets need every article's text")
    comparer = Comparer(by=by, lexicons=lexicons, resamples=resamples, seed=seed, texts=texts is not None,
                        align=align)
    for p in profiles:
        comparer.add(p, texts[p["id"]] if texts is not None else None)
    return comparer.result()


def missing_field(profiles: Sequence[Mapping[str, Any]], by: str) -> str | None:
    """Why ``by`` cannot group these profiles (no profile has the field), naming the fields that
    do exist; None when some profile has it. Grouping by a field nobody has would put every
    article in a group of its own without a word."""
    if by == "outlet" or any(p.get(by) not in (None, "") for p in profiles):
        return None
    present = sorted(set().union(*(_scalar_fields(p) for p in profiles)))
    return f"no article has the field {by[:40]!r} to group by; fields the articles have: {', '.join(present)}"


def index_entry(profile: Mapping[str, Any], by: str) -> dict[str, Any]:
    """One article's entry in the comparison's article index: what a reader needs to recognise it
    (title or headline, outlet, date, language, group)."""
    return {"title": profile.get("title") or profile.get("headline") or None, "outlet": profile.get("outlet"),
            "date": profile.get("date"), "language": profile.get("language"), "group": group_key(profile, by)}


def axis_poles(groups: Mapping[str, Any], lexicons: LexiconSet) -> dict[str, dict[str, str]]:
    """What -1 and +1 mean on each naming axis the groups mention (from ``naming/axes.toml``)."""
    mentioned = sorted({axis for group in groups.values() for axis in group["naming"]})
    return {axis: {"negative": lexicons.axes[axis].negative, "positive": lexicons.axes[axis].positive}
            for axis in mentioned if axis in lexicons.axes}


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
