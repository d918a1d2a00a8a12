"""Outlet comparison benchmark: framing.compare on the seed story, BASIL and PolNeAR.

Three comparisons, each asking whether ``framing.compare`` says something
sensible about outlets, and where annotation exists, whether it agrees with
people who read the articles:

1. Seeds: the bundled ``belmokhtar-2013`` story, compared by outlet exactly as
   the library does it (unknown outlets stay one group per article).
2. BASIL (Fan et al. 2019): the same event told by Fox, NYT and HuffPost.
   (a) rates by outlet; (b) agreement of framing's own-voice evidence with
   BASIL's lexical-bias spans, per article (rank correlation) and per span
   (overlap); (c) whether framing orders the three articles of a triplet as
   the annotated relative stance does.
3. PolNeAR (Newell, Margolin & Ruths 2018): a stratified sample of seven
   publishers' election coverage, compared by publisher, with distinctive words.

The annotated data is read in place from ``../shared/eval`` (copyrighted news:
never copied into the repository) and nothing is tuned to it: the script only
measures. It replaces the ``outlets`` section of ``benchmarks/RESULTS.md``
and leaves the other sections alone.

Reproduce with ``.venv/bin/python benchmarks/outlets.py`` from the repository root.
"""
from __future__ import annotations

import importlib
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from eval_sets import polnear_metadata as load_polnear_meta
from live_framing import Framing, load_framing
from options import add_eval_option, add_output_options, add_retry_options, benchmark_parser, require_eval_data
from places import command
from results import publish
from run_facts import command_line, repo_state, today
from tables import fmt, table

COMMAND = command("outlets.py")
SEED_STORY = "belmokhtar-2013"

# Own-voice families summed into one "how much does the writer colour the
# text" density, compared with BASIL's lexical-bias density.
OWN_VOICE_FAMILIES = ("loaded", "hedge", "booster", "scare_quote")
# framing families whose spans could coincide with a BASIL lexical-bias span.
LEXICAL_FAMILIES = ("loaded", "booster", "scare_quote")
BASIL_OUTLETS = ("hpo", "nyt", "fox")
# BASIL writes relative stance both as left/right and as liberal/conservative.
STANCE_VALUES = {"left": -1, "liberal": -1, "center": 0, "right": 1, "conservative": 1}
# Naming axes with a left/right reading, and the sign that turns a position
# into "further right": from the axis descriptions in lexicons/naming/axes.toml
# (immigrant_status +1 = immigrant-rights label; abortion_stance +1 = anti-abortion label).
RIGHTWARD_AXES = {"immigrant_status": -1.0, "abortion_stance": 1.0}
# A trivial reference signal: the outlets' usual placement, left to right.
OUTLET_PLACEMENT = {"hpo": -1.0, "nyt": 0.0, "fox": 1.0}
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


# --------------------------------------------------------------------------- framing

@dataclass
class Scored:
    """Profiles of the articles framing accepted, and why it refused the others."""

    profiles: list[dict[str, Any]] = field(default_factory=list)
    refused: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def score_articles(fw: Framing, articles: Iterable[Any], language: str | None = "en") -> Scored:
    """Score every article; a ``FramingError`` is counted by class, never fatal."""
    out = Scored()
    started = time.monotonic()
    for article in articles:
        try:
            out.profiles.append(fw.scorer.score(article, language=language).to_dict())
        except fw.module.FramingError as exc:
            out.refused[type(exc).__name__] += 1
    out.seconds = time.monotonic() - started
    return out


def refusal_note(scored: Scored, unit: str) -> str:
    """One sentence saying how many articles framing refused, so no figure silently drops any."""
    n = len(scored.profiles) + sum(scored.refused.values())
    if not scored.refused:
        return f"framing scored all {n} {unit}"
    reasons = ", ".join(f"{k} {v}" for k, v in scored.refused.most_common())
    return f"framing refused {sum(scored.refused.values())} of {n} {unit} ({reasons}); they are left out"


def run_compare(fw: Framing, profiles: list[dict[str, Any]], *, texts: dict[str, str] | None,
                resamples: int, seed: int, align: bool = True) -> tuple[dict[str, Any], float]:
    """``framing.compare`` by outlet, timed; the scorer's lexicons are passed so none is re-read mid-edit."""
    started = time.monotonic()
    result = fw.module.compare(profiles, by="outlet", texts=texts, lexicons=fw.scorer.lexicons,
                               resamples=resamples, seed=seed, align=align)
    return result, time.monotonic() - started


def families(fw: Framing) -> tuple[str, ...]:
    """The rate families compare() reports, read from the library's family registry so the tables follow it."""
    return tuple(importlib.import_module("framing.families").rated_families())


# --------------------------------------------------------------------------- statistics

def average_ranks(values: Sequence[float]) -> np.ndarray:
    """Ranks 1..n, ties sharing their mean rank (what Spearman's rho needs; scipy is not assumed)."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="mergesort")
    ordered = x[order]
    ranks = np.empty(len(x))
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and ordered[j + 1] == ordered[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson correlation of average ranks; ``None`` if either side is constant."""
    rx, ry = average_ranks(x), average_ranks(y)
    if len(rx) < 3 or rx.std() == 0 or ry.std() == 0:
        return None
    return float(np.corrcoef(rx, ry)[0, 1])


def spearman_interval(x: Sequence[float], y: Sequence[float], resamples: int,
                      seed: int) -> tuple[float, float] | None:
    """95% percentile interval of rho over articles resampled with replacement."""
    rng = np.random.default_rng(seed)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    values = []
    for _ in range(resamples):
        pick = rng.integers(0, len(x), size=len(x))
        rho = spearman(x[pick], y[pick])
        if rho is not None:
            values.append(rho)
    if not values:
        return None
    low, high = np.quantile(values, [0.025, 0.975])
    return float(low), float(high)


def binomial_two_sided(successes: int, n: int, p: float = 0.5) -> float | None:
    """Exact two-sided binomial p-value (sum of outcomes no more likely than the observed one)."""
    if n == 0:
        return None
    probs = [math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(n + 1)]
    observed = probs[successes]
    return min(1.0, sum(q for q in probs if q <= observed * (1 + 1e-9)))


# --------------------------------------------------------------------------- Markdown

def signed(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{x:+.{digits}f}"


def fmt_ci(ci: Sequence[float] | None, digits: int = 2) -> str:
    return "–" if ci is None else f"[{ci[0]:.{digits}f}, {ci[1]:.{digits}f}]"


def rate_cell(feature: dict[str, Any]) -> str:
    return f"{feature['rate']:.2f} {fmt_ci(feature['ci'])}"


def rates_table(result: dict[str, Any], fams: Sequence[str], label: str = "outlet") -> list[str]:
    """Per group: articles, words and each family's rate with its 95% interval."""
    rows = []
    for name, group in result["groups"].items():
        rows.append([name, len(group["articles"]), group["words"]] + [rate_cell(group["features"][f]) for f in fams])
    return table([label, "articles", "words"] + list(fams), rows)


def approx_z(diff: dict[str, Any]) -> float:
    """Difference over its interval's half-width in standard units: a sort key for 'how clear'."""
    half = (diff["ci"][1] - diff["ci"][0]) / 2.0
    return diff["difference"] / (half / 1.96) if half > 0 else math.copysign(math.inf, diff["difference"] or 1)


def significant_pairs(result: dict[str, Any], top: int | None = None) -> list[dict[str, Any]]:
    """compare()'s significant pairwise differences, clearest first."""
    found = [d for d in result["pairwise"] if d["significant"]]
    found.sort(key=lambda d: (-abs(approx_z(d)), d["family"], d["a"], d["b"]))
    return found[:top] if top else found


def pairs_table(diffs: list[dict[str, Any]]) -> list[str]:
    """Pairwise differences with their interval and how many standard units from zero."""
    rows = [[d["family"], f"{d['a']} − {d['b']}", f"{d['difference']:+.2f}", fmt_ci(d["ci"]),
             f"{approx_z(d):+.1f}"] for d in diffs]
    return table(["family", "pair (a − b)", "difference", "95% CI", "≈z"], rows, right_from=2)


# --------------------------------------------------------------------------- 1. seeds

def seeds_section(fw: Framing, resamples: int, seed: int) -> tuple[list[str], dict[str, float]]:
    """framing.compare on the bundled story, with texts, so alignment and divergences run too."""
    started = time.monotonic()
    articles = fw.module.corpus.load(SEED_STORY)
    scored = score_articles(fw, articles, language=None)  # mixed en/nl: framing identifies the language
    texts = {a.id: a.text for a in articles}
    result, compare_s = run_compare(fw, scored.profiles, texts=texts, resamples=resamples, seed=seed)
    fams = families(fw)
    involved: Counter = Counter()
    diverging: Counter = Counter()
    outlet_of = {article_id: name for name, g in result["groups"].items() for article_id in g["articles"]}
    for pair in result["alignments"]:
        for side in (pair["a"], pair["b"]):
            involved[outlet_of[side["id"]]] += 1
    for d in result["divergences"]:
        for side in (d["a"], d["b"]):
            diverging[outlet_of[side["id"]]] += 1
    rows = []
    for name, group in result["groups"].items():
        ws = group["naming"].get("western_sahara")
        naming = "–" if ws is None else f"{fmt(ws['stance'])} ({ws['mentions']} own, {ws['quoted_mentions']} quoted)"
        rows.append([name, ",".join(group["languages"]), group["words"]]
                    + [rate_cell(group["features"][f]) for f in fams] + [naming, involved[name], diverging[name]])
    kinds = Counter(d["kind"] for d in result["divergences"])
    lines = [f"### 1. Seed story `{SEED_STORY}` (bundled corpus)", ""]
    lines += table(["group", "lang", "words"] + list(fams) + ["western_sahara stance (mentions)", "alignments",
                                                              "divergences"], rows, right_from=2)
    lines += ["",
              f"- {refusal_note(scored, 'articles')}; groups as compare() forms them (unknown outlet → "
              "`unknown:<id>`, one group per article, so every interval here is a within-article "
              "(sentence) bootstrap).",
              f"- alignments found: {len(result['alignments'])} sentence pairs; divergences: "
              f"{len(result['divergences'])} ({', '.join(f'{k} {v}' for k, v in kinds.most_common()) or 'none'}). "
              "The last two columns count alignments/divergences that involve the group's article.",
              f"- significant pairwise differences: {len(significant_pairs(result))} of {len(result['pairwise'])}.",
              "- rates are own-voice evidence per 1,000 body words with the 95% interval [lo, hi]; stance is the "
              "mean position of own-voice naming mentions (+1 Moroccan names, 0 'Western Sahara', −1 Polisario "
              "names)."]
    timing = {"score": scored.seconds, "compare (with texts: alignment + distinctive words)": compare_s,
              "total": time.monotonic() - started}
    return lines, timing


# --------------------------------------------------------------------------- 2. BASIL

@dataclass
class BasilArticle:
    """One BASIL article rebuilt as text, with where each body sentence starts."""

    id: str
    triplet: str
    outlet: str
    stance: int | None
    title: str
    text: str
    body_start: int
    sentences: list[tuple[int, str]]
    spans: list[dict[str, Any]]

    @property
    def body_words(self) -> int:
        return sum(len(_WORD.findall(s)) for _, s in self.sentences)


def build_text(title: str, paragraphs: list[list[str]]) -> tuple[str, int, list[tuple[int, str]]]:
    """Title, blank line, paragraphs (sentences joined by spaces, paragraphs by blank lines).

    Returns the text, where the body starts, and (offset, sentence) per body
    sentence, because BASIL's span offsets count from the start of a sentence.
    """
    parts = [title.strip(), "\n\n"] if title.strip() else []
    position = sum(len(p) for p in parts)
    body_start = position
    sentences = []
    for p_index, paragraph in enumerate(p for p in paragraphs if p):
        if p_index:
            parts.append("\n\n")
            position += 2
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                parts.append(" ")
                position += 1
            sentences.append((position, sentence))
            parts.append(sentence)
            position += len(sentence)
    return "".join(parts), body_start, sentences


def load_basil(folder: Path, limit: int | None) -> list[BasilArticle]:
    """BASIL articles with their annotations, whole triplets only, in sorted triplet order."""
    by_triplet: dict[str, list[BasilArticle]] = defaultdict(list)
    for path in sorted((folder / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        ann_path = folder / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        ann = json.loads(ann_path.read_text(encoding="utf-8")) if ann_path.exists() else {}
        text, body_start, sentences = build_text(data.get("title") or "", data.get("body-paragraphs") or [])
        stance = (ann.get("article-level-annotations") or {}).get("relative_stance", "")
        by_triplet[data["triplet-uuid"]].append(BasilArticle(
            id=path.stem, triplet=data["triplet-uuid"], outlet=str(data["source"]).strip().lower(),
            stance=STANCE_VALUES.get(str(stance).strip().lower()), title=data.get("title") or "", text=text,
            body_start=body_start, sentences=sentences, spans=ann.get("phrase-level-annotations") or []))
    triplets = [t for t in sorted(by_triplet) if sorted(a.outlet for a in by_triplet[t]) == sorted(BASIL_OUTLETS)]
    triplets = triplets[:limit] if limit else triplets
    return [a for t in triplets for a in sorted(by_triplet[t], key=lambda a: a.id)]


def locate(article: BasilArticle, span: dict[str, Any], stats: Counter) -> tuple[int, int] | None:
    """Text offsets of a BASIL span: the sentence where ``s[start:end] == txt``, else a substring match."""
    txt, start, end = span.get("txt", ""), span.get("start"), span.get("end")
    exact = [offset + start for offset, s in article.sentences
             if isinstance(start, int) and isinstance(end, int) and txt and s[start:end] == txt]
    if exact:
        stats["ambiguous (first sentence taken)" if len(exact) > 1 else "located exactly"] += 1
        return exact[0], exact[0] + len(txt)
    for offset, s in article.sentences:
        k = s.find(txt) if txt else -1
        if k >= 0:
            stats["located as substring"] += 1
            return offset + k, offset + k + len(txt)
    stats["not found"] += 1
    return None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def own_voice_density(profile: dict[str, Any], fams: Sequence[str]) -> float:
    """Own-voice (unquoted) evidence of ``fams`` per 1,000 words, as framing counts words."""
    count = sum(profile["features"][f]["unquoted"] for f in fams)
    return 1000.0 * count / profile["words"] if profile["words"] else 0.0


def evidence_spans(profile: dict[str, Any], fams: Iterable[str], voice: str | None,
                   body_start: int) -> list[tuple[int, int]]:
    """Distinct evidence spans of ``fams`` in the body (BASIL does not annotate titles)."""
    wanted = set(fams)
    return sorted({(e["start"], e["end"]) for e in profile["evidence"]
                   if e["family"] in wanted and e["start"] >= body_start and (voice is None or e["voice"] == voice)})


def share_overlapping(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> tuple[int, int]:
    """(how many of ``spans`` share a character with one of ``others``, how many spans): counts, not a
    ratio, so shares can be pooled over articles."""
    return sum(1 for s in spans if any(overlaps(s, o) for o in others)), len(spans)


@dataclass
class BasilRow:
    """One article's numbers for the agreement measures."""

    article: BasilArticle
    profile: dict[str, Any]
    lex: list[tuple[tuple[int, int], str]]       # (span, quote yes/no)
    inf: list[tuple[int, int]]

    def lex_density(self, quote: str | None = None) -> float:
        n = sum(1 for _, q in self.lex if quote is None or q == quote)
        return 1000.0 * n / self.article.body_words if self.article.body_words else 0.0


def basil_rows(articles: list[BasilArticle], profiles: dict[str, dict[str, Any]],
               locate_stats: Counter) -> list[BasilRow]:
    """Each scored article with its BASIL spans placed in the rebuilt text (how placement went is tallied)."""
    rows = []
    for article in articles:
        if article.id not in profiles:
            continue
        lex, inf = [], []
        for span in article.spans:
            where = locate(article, span, locate_stats)
            if where is None:
                continue
            if span.get("bias") == "lex":
                lex.append((where, str(span.get("quote", "")).lower()))
            elif span.get("bias") == "inf":
                inf.append(where)
        rows.append(BasilRow(article, profiles[article.id], lex, inf))
    return rows


def correlation_rows(rows: list[BasilRow], resamples: int, seed: int) -> list[list[str]]:
    """Spearman's rho across articles between BASIL's lexical-bias density and framing's densities."""
    loaded = [r.profile["features"]["loaded"]["per_1000_words"] for r in rows]
    own = [own_voice_density(r.profile, OWN_VOICE_FAMILIES) for r in rows]
    pairs = [
        ("BASIL lex spans / 1,000 words", "framing loaded rate (own voice)", [r.lex_density() for r in rows], loaded),
        ("BASIL lex spans / 1,000 words", "framing loaded+hedge+booster+scare_quote own-voice density",
         [r.lex_density() for r in rows], own),
        ("BASIL unquoted lex spans / 1,000 words", "framing loaded rate (own voice)",
         [r.lex_density("no") for r in rows], loaded),
        ("BASIL lex span count", "framing own-voice loaded count",
         [len(r.lex) for r in rows], [r.profile["features"]["loaded"]["unquoted"] for r in rows]),
    ]
    out = []
    for left, right, x, y in pairs:
        out.append([left, right, len(x), fmt(spearman(x, y), 3), fmt_ci(spearman_interval(x, y, resamples, seed), 3),
                    sum(1 for v in x if v == 0)])
    return out


def overlap_rows(rows: list[BasilRow]) -> list[list[Any]]:
    """Span-level agreement in both directions, with counts so the shares can be checked."""
    measures = []

    def add(label: str, hit_total: tuple[int, int]) -> None:
        hit, total = hit_total
        measures.append([label, total, hit, fmt(hit / total if total else None, 3)])

    def pooled(fn: Callable[[BasilRow], tuple[int, int]]) -> tuple[int, int]:
        parts = [fn(r) for r in rows]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)

    def lex_spans(r: BasilRow, quote: str | None) -> list[tuple[int, int]]:
        return sorted({s for s, q in r.lex if quote is None or q == quote})

    def ev(r: BasilRow, fams: Sequence[str], voice: str | None) -> list[tuple[int, int]]:
        return evidence_spans(r.profile, fams, voice, r.article.body_start)

    add("BASIL unquoted lex spans overlapping framing unquoted loaded/booster/scare_quote",
        pooled(lambda r: share_overlapping(lex_spans(r, "no"), ev(r, LEXICAL_FAMILIES, "unquoted"))))
    add("BASIL unquoted lex spans overlapping framing unquoted loaded",
        pooled(lambda r: share_overlapping(lex_spans(r, "no"), ev(r, ("loaded",), "unquoted"))))
    add("BASIL quoted lex spans overlapping framing loaded/booster/scare_quote (any voice)",
        pooled(lambda r: share_overlapping(lex_spans(r, "yes"), ev(r, LEXICAL_FAMILIES, None))))
    add("framing loaded evidence (any voice, body) overlapping a BASIL span (lex or inf)",
        pooled(lambda r: share_overlapping(ev(r, ("loaded",), None), lex_spans(r, None) + r.inf)))
    add("framing loaded evidence (any voice, body) overlapping a BASIL lex span",
        pooled(lambda r: share_overlapping(ev(r, ("loaded",), None), lex_spans(r, None))))
    add("framing unquoted loaded evidence (body) overlapping a BASIL span (lex or inf)",
        pooled(lambda r: share_overlapping(ev(r, ("loaded",), "unquoted"), lex_spans(r, None) + r.inf)))
    return measures


# ---- (c) relative stance

@dataclass
class OrderTally:
    """Pairs and full orders of a triplet on which a signal agrees with the annotated stance."""

    agree: int = 0
    disagree: int = 0
    ties: int = 0
    usable_triplets: int = 0
    full_orders: int = 0
    full_agree: int = 0

    @property
    def decisive(self) -> int:
        return self.agree + self.disagree


def order_agreement(triplets: list[list[tuple[float | None, float | None]]]) -> OrderTally:
    """For each triplet of (annotated, signal): pairs with different annotation and both values known.

    A pair agrees when the signal moves the same way as the annotation; equal
    signals are ties (neither). A full order needs three distinct annotations
    and three distinct signals; chance of matching it is 1/6.
    """
    tally = OrderTally()
    for triplet in triplets:
        decisive_here = 0
        for (a1, s1), (a2, s2) in combinations(triplet, 2):
            if a1 is None or a2 is None or a1 == a2 or s1 is None or s2 is None:
                continue
            if s1 == s2:
                tally.ties += 1
                continue
            decisive_here += 1
            if (s1 - s2) * (a1 - a2) > 0:
                tally.agree += 1
            else:
                tally.disagree += 1
        tally.usable_triplets += decisive_here > 0
        annotated = [a for a, _ in triplet]
        signals = [s for _, s in triplet]
        if None not in annotated and None not in signals and len(set(annotated)) == 3 and len(set(signals)) == 3:
            tally.full_orders += 1
            tally.full_agree += sorted(range(3), key=lambda i: annotated[i]) == sorted(range(3), key=lambda i: signals[i])
    return tally


def rightward_naming(profile: dict[str, Any]) -> float | None:
    """Mean own-voice naming position on the left/right axes, oriented so that + is further right."""
    values = [RIGHTWARD_AXES[e["axis"]] * e["position"] for e in profile["evidence"]
              if e["family"] == "naming" and e.get("voice") == "unquoted" and e.get("axis") in RIGHTWARD_AXES
              and e.get("position") is not None]
    return sum(values) / len(values) if values else None


def stance_rows(rows: list[BasilRow]) -> tuple[list[list[Any]], int, Counter]:
    """Agreement of several signals with BASIL's relative stance, each against its chance level."""
    by_triplet: dict[str, list[BasilRow]] = defaultdict(list)
    for r in rows:
        by_triplet[r.article.triplet].append(r)
    complete = [t for t in by_triplet.values() if len(t) == 3 and all(r.article.stance is not None for r in t)]
    patterns = Counter("/".join(str(r.article.stance) for r in sorted(t, key=lambda r: BASIL_OUTLETS.index(r.article.outlet)))
                       for t in complete)

    def loaded(r: BasilRow) -> float:
        return r.profile["features"]["loaded"]["per_1000_words"]

    signals: list[tuple[str, Callable[[BasilRow], float | None], Callable[[BasilRow], float | None]]] = [
        ("loaded rate, higher = further right", lambda r: r.article.stance, loaded),
        ("loaded rate, higher = further left", lambda r: r.article.stance, lambda r: -loaded(r)),
        ("loaded rate, higher = off-centre (abs. stance)", lambda r: abs(r.article.stance), loaded),
        ("naming stance on " + "/".join(RIGHTWARD_AXES) + ", oriented rightward",
         lambda r: r.article.stance, lambda r: rightward_naming(r.profile)),
        ("reference: outlet placement hpo < nyt < fox (not framing)",
         lambda r: r.article.stance, lambda r: OUTLET_PLACEMENT[r.article.outlet]),
    ]
    out = []
    for label, annotated, signal in signals:
        tally = order_agreement([[(annotated(r), signal(r)) for r in t] for t in complete])
        share = tally.agree / tally.decisive if tally.decisive else None
        p = binomial_two_sided(tally.agree, tally.decisive)
        full = f"{tally.full_agree}/{tally.full_orders}" if tally.full_orders else "0/0"
        out.append([label, tally.usable_triplets, tally.decisive, tally.ties, tally.agree, fmt(share, 3), "0.5",
                    fmt(p, 3), full, fmt(tally.full_orders / 6, 1) if tally.full_orders else "–"])
    return out, len(complete), patterns


def basil_section(fw: Framing, folder: Path, limit: int | None, resamples: int, seed: int,
                  align_probe: int) -> tuple[list[str], dict[str, float]]:
    """BASIL: (a) rates by outlet, (b) agreement with lexical-bias spans, (c) relative stance."""
    started = time.monotonic()
    articles = load_basil(folder, limit)
    load_s = time.monotonic() - started
    scored = score_articles(fw, (fw.module.Article(id=a.id, text=a.text, outlet=a.outlet, title=a.title or None)
                                 for a in articles))
    result, compare_s = run_compare(fw, scored.profiles, texts={a.id: a.text for a in articles},
                                    resamples=resamples, seed=seed)
    fams = families(fw)
    t0 = time.monotonic()
    locate_stats: Counter = Counter()
    rows = basil_rows(articles, {p["id"]: p for p in scored.profiles}, locate_stats)
    correlations = correlation_rows(rows, resamples, seed)
    overlap = overlap_rows(rows)
    stances, complete, patterns = stance_rows(rows)
    analysis_s = time.monotonic() - t0
    probe_lines, probe_s = alignment_probe(fw, articles, scored, align_probe, resamples, seed)

    n_triplets = len({a.triplet for a in articles})
    n_lex = sum(len(r.lex) for r in rows)
    n_lex_unquoted = sum(1 for r in rows for _, q in r.lex if q == "no")
    n_inf = sum(len(r.inf) for r in rows)
    sig = significant_pairs(result)
    lines = ["### 2. BASIL: Fox, NYT and HuffPost on the same events", "",
             f"{len(articles)} articles in {n_triplets} same-event triplets (the development part in "
             f"`eval/basil/`: {n_triplets} triplets, not the 100 of the full release); text = title, blank line, "
             "body paragraphs (sentences joined by spaces, paragraphs by blank lines); scored with "
             f"`language=\"en\"`; {refusal_note(scored, 'articles')}.", "",
             "#### 2a. Rates by outlet (own voice, per 1,000 words, 95% CI)", ""]
    lines += rates_table(result, fams)
    lines += ["", f"Significant pairwise differences (interval of the difference excludes 0): {len(sig)} of "
              f"{len(result['pairwise'])}." + ("" if sig else " None."), ""]
    if sig:
        lines += pairs_table(sig) + [""]
    lines += [f"compare() ran with texts over all {len(articles)} articles: {len(result['alignments'])} aligned "
              f"claims, {len(result['divergences'])} divergences (claims are aligned only between articles that "
              "tell the same story; see *Claim alignment* below).", "",
              "#### 2b. Agreement with BASIL lexical-bias annotation", "",
              f"BASIL spans located in the rebuilt text: "
              f"{', '.join(f'{k} {v}' for k, v in sorted(locate_stats.items()))}. Used: {n_lex} lex spans "
              f"({n_lex_unquoted} unquoted), {n_inf} inf spans.", ""]
    lines += table(["BASIL measure", "framing measure", "articles", "Spearman ρ", "95% CI (bootstrap)",
                    "articles with BASIL = 0"], correlations, right_from=2)
    lines += [""]
    lines += table(["span overlap (any shared character)", "spans", "overlapping", "share"], overlap)
    lines += ["", "- ρ uses average ranks for ties (most articles have no lex span, so ties are many); the "
              f"interval resamples articles ({resamples} times). BASIL densities use body words only "
              "(BASIL does not annotate titles); framing's rates use framing's word count, title included.",
              "- framing evidence in the title is left out of the span overlap.", "",
              "#### 2c. Relative stance within a triplet", "",
              f"{complete} triplets with an annotated stance for all three articles (left/liberal = −1, "
              "center = 0, right/conservative = +1). Annotated patterns (hpo/nyt/fox): "
              + ", ".join(f"{k} ×{v}" for k, v in patterns.most_common()) + ".", ""]
    lines += table(["signal", "usable triplets", "decisive pairs", "ties", "agree", "agreement", "chance",
                    "p (binomial, two-sided)", "full order right", "full order chance"], stances)
    lines += ["", "- Pairs: within a triplet, two articles whose annotated stance differs and for which the signal "
              "is defined; they agree when the signal moves the same way as the annotation; equal signals are "
              "ties and are not counted. Pairs of one triplet are not independent, so the p-value is optimistic.",
              "- Full order: triplets whose three annotations differ and whose three signal values differ; "
              "chance of matching the order is 1/6 (the *chance* column gives the expected count).",
              "- Loaded language is not directional (both sides use it), so both orientations are shown; the "
              "off-centre row tests the only directional-free reading (more loaded = further from centre). "
              "The outlet-placement row is a trivial reference, not framing.", ""]
    lines += probe_lines
    timing = {"load and rebuild": load_s, "score": scored.seconds, "compare (with texts)": compare_s,
              "agreement measures (incl. bootstrap of ρ)": analysis_s,
              "claim alignment (per triplet + pooled probe)": probe_s,
              "total": time.monotonic() - started}
    return lines, timing


def alignment_probe(fw: Framing, articles: list[BasilArticle], scored: Scored, triplets: int,
                    resamples: int, seed: int) -> tuple[list[str], float]:
    """compare() with texts, the way claim alignment is meant to be used and the way it is not.

    Per triplet (one event, three outlets) it should find the shared claims.
    Pooled over several triplets it shows the cost and whether it aligns
    sentences of unrelated events: every alignment across triplets is a false one.
    """
    if triplets <= 0:
        return [], 0.0
    started = time.monotonic()
    triplet_of = {a.id: a.triplet for a in articles}
    texts = {a.id: a.text for a in articles}
    by_triplet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in scored.profiles:
        by_triplet[triplet_of[p["id"]]].append(p)
    order = sorted(by_triplet)

    def run(keys: Sequence[str]) -> tuple[dict[str, Any], float, list[dict[str, Any]]]:
        subset = [p for k in keys for p in by_triplet[k]]
        result, seconds = run_compare(fw, subset, texts={p["id"]: texts[p["id"]] for p in subset},
                                      resamples=resamples, seed=seed)
        return result, seconds, subset

    per_alignments, per_kinds, names, per_seconds = [], Counter(), Counter(), 0.0
    for key in order:
        result, seconds, _ = run([key])
        per_alignments.append(len(result["alignments"]))
        per_kinds.update(d["kind"] for d in result["divergences"])
        names.update(" / ".join(d["values"]) for d in result["divergences"] if d["kind"] == "name")
        per_seconds += seconds
    rows = []
    for k in sorted({1, max(1, triplets // 2), min(triplets, len(order))}):
        result, seconds, subset = run(order[:k])
        same = sum(1 for a in result["alignments"] if triplet_of[a["a"]["id"]] == triplet_of[a["b"]["id"]])
        rows.append([k, len(subset), sum(len(p["sentence_spans"]) for p in subset), f"{seconds:.1f}",
                     sum(per_alignments[:k]), len(result["alignments"]), same, len(result["alignments"]) - same,
                     len(result["divergences"])])
    lines = ["#### Claim alignment: compare() with texts", "",
             f"- one compare() per triplet ({len(order)} runs, {per_seconds:.1f} s): "
             f"{sum(per_alignments)} aligned sentence pairs, median {int(np.median(per_alignments))} per "
             f"triplet (range {min(per_alignments)}–{max(per_alignments)}); divergences: "
             f"{', '.join(f'{k} {v}' for k, v in per_kinds.most_common()) or 'none'}; most frequent name "
             f"divergences: {'; '.join(f'{k} ×{v}' for k, v in names.most_common(8)) or 'none'}.",
             "- the first triplets pooled into one compare() (alignments across triplets pair sentences of "
             "different events, so they are all false):", ""]
    lines += table(["triplets", "articles", "sentences", "seconds", "alignments when run per triplet",
                    "alignments pooled", "same event", "across events (false)", "divergences"], rows)
    return lines, time.monotonic() - started


# --------------------------------------------------------------------------- 3. PolNeAR

def sample_polnear(folder: Path, meta: dict[str, dict[str, str]], limit: int) -> tuple[list[Path], Counter]:
    """Up to ``limit`` articles of train+dev, the same number per publisher, evenly spaced through each
    publisher's sorted file names: deterministic, and spread over the whole year rather than its first
    months (names start with the date)."""
    by_publisher: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(list((folder / "train" / "text").glob("*.txt")) + list((folder / "dev" / "text").glob("*.txt")),
                       key=lambda p: p.name):
        publisher = meta.get(path.stem, {}).get("publisher")
        if publisher:
            by_publisher[publisher].append(path)
    per = max(1, limit // max(1, len(by_publisher)))
    chosen: list[Path] = []
    available = Counter({k: len(v) for k, v in by_publisher.items()})
    for publisher in sorted(by_publisher):
        paths = by_publisher[publisher]
        n = min(per, len(paths))
        chosen += [paths[int(i * len(paths) / n)] for i in range(n)]
    return chosen, available


def polnear_section(fw: Framing, folder: Path, limit: int, resamples: int, seed: int,
                    top_pairs: int, top_words: int) -> tuple[list[str], dict[str, float]]:
    """PolNeAR: seven publishers compared on a stratified sample."""
    started = time.monotonic()
    meta = load_polnear_meta(folder)
    paths, available = sample_polnear(folder, meta, limit)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    articles = [fw.module.Article(id=p.stem, text=texts[p.stem], outlet=meta[p.stem]["publisher"],
                                  title=(meta[p.stem].get("title") or None)) for p in paths]
    load_s = time.monotonic() - started
    scored = score_articles(fw, articles)
    scored_texts = {p["id"]: texts[p["id"]] for p in scored.profiles}
    result, compare_s = run_compare(fw, scored.profiles, texts=scored_texts, resamples=resamples, seed=seed,
                                    align=False)
    fams = families(fw)
    sampled = Counter(meta[p.stem]["publisher"] for p in paths)
    rows = []
    for name, group in result["groups"].items():
        cells = [f"{g['rate']:.2f} {fmt_ci(g['ci'])} z{signed(g['z'])} #{g['rank']}"
                 for g in (group["features"][f] for f in fams)]
        rows.append([name, len(group["articles"]), group["words"]] + cells)
    sig = significant_pairs(result)
    per_family = Counter(d["family"] for d in sig)
    n_pairs = len(result["groups"]) * (len(result["groups"]) - 1) // 2
    lines = ["### 3. PolNeAR: seven publishers, 2015–16 US election coverage", "",
             f"Sample: {len(paths)} of {sum(available.values())} train+dev articles "
             f"({', '.join(f'{k} {sampled[k]}/{available[k]}' for k in sorted(available))}), evenly spaced "
             f"through each publisher's sorted file names; `language=\"en\"`; {refusal_note(scored, 'articles')}.",
             "", "Cells: rate per 1,000 words [95% CI] z-score across publishers #rank (1 = highest).", ""]
    lines += table(["publisher", "articles", "words"] + list(fams), rows)
    lines += ["", f"Significant pairwise differences per family (of {n_pairs} publisher pairs): "
              + ", ".join(f"{f} {per_family.get(f, 0)}" for f in fams) + f"; total {len(sig)} of "
              f"{len(result['pairwise'])}.", "", f"Top {min(top_pairs, len(sig))} by ≈z (difference over its "
              "interval's half-width, in standard units):", ""]
    lines += pairs_table(sig[:top_pairs])
    lines += ["", f"Distinctive words (compare()'s Fightin' Words, top {top_words}, log-odds z in brackets):", ""]
    for name, group in result["groups"].items():
        words = ", ".join(f"{w['word']} ({w['z']:.1f})" if w["z"] is not None else f"{w['word']} (most frequent)"
                          for w in group.get("distinctive", [])[:top_words])
        lines.append(f"- **{name}**: {words or 'none'}")
    lines += ["", "- compare() ran with texts and `align=False`: distinctive words need the texts; claim "
              "alignment across a year of election coverage is not what this table is about."]
    timing = {"read sample": load_s, "score": scored.seconds, "compare (texts, no alignment)": compare_s,
              "total": time.monotonic() - started}
    return lines, timing


# --------------------------------------------------------------------------- report

def timing_lines(timings: dict[str, dict[str, float]], total: float) -> list[str]:
    """Seconds per step, so a slow part of the library shows up run after run."""
    rows = [[part, step, f"{seconds:.1f}"] for part, steps in timings.items() for step, seconds in steps.items()]
    return table(["part", "step", "seconds"], rows + [["all", "run time", f"{total:.1f}"]], right_from=2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen parts, then print the section and (unless --no-write) replace it in RESULTS.md."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = benchmark_parser(__doc__)
    add_eval_option(parser, help="folder with basil/ and polnear/ (default: ../shared/eval from the repo root)")
    add_output_options(parser)
    parser.add_argument("--resamples", type=int, default=300, help="bootstrap resamples for intervals")
    parser.add_argument("--seed", type=int, default=0, help="seed of every bootstrap")
    parser.add_argument("--basil-limit", type=int, default=0, metavar="N",
                        help="use only the first N triplets (sorted by id); 0 = all")
    parser.add_argument("--polnear-limit", type=int, default=700, metavar="N",
                        help="at most N PolNeAR articles, the same number per publisher")
    parser.add_argument("--align-probe", type=int, default=8, metavar="N",
                        help="run compare() with texts per BASIL triplet and pooled over the first N "
                             "triplets; 0 skips")
    parser.add_argument("--top-pairs", type=int, default=12, help="significant PolNeAR differences to list")
    parser.add_argument("--top-words", type=int, default=8, help="distinctive words per publisher")
    parser.add_argument("--parts", default="seeds,basil,polnear", help="comma-separated parts to run")
    add_retry_options(parser)
    args = parser.parse_args(argv)

    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    needed = {"basil": args.eval / "basil" / "articles", "polnear": args.eval / "polnear" / "train"}
    require_eval_data(parser, [path for part, path in needed.items() if part in parts])
    started = time.monotonic()
    fw = load_framing(args.retries, args.retry_wait)
    sections: list[str] = []
    timings: dict[str, dict[str, float]] = {}
    if "seeds" in parts:
        lines, timings["seeds"] = seeds_section(fw, args.resamples, args.seed)
        sections += lines + [""]
    if "basil" in parts:
        lines, timings["basil"] = basil_section(fw, args.eval / "basil", args.basil_limit or None, args.resamples,
                                                args.seed, args.align_probe)
        sections += lines + [""]
    if "polnear" in parts:
        lines, timings["polnear"] = polnear_section(fw, args.eval / "polnear", args.polnear_limit, args.resamples,
                                                    args.seed, args.top_pairs, args.top_words)
        sections += lines + [""]
    total = time.monotonic() - started
    head = ["## Outlet comparison (framing.compare)", "",
            f"- command: `{command_line(COMMAND, argv, quote=True)}` (from the repository root; "
            "`--eval DIR` points elsewhere)",
            f"- date: {today()}; framing {fw.version}; lexicons {fw.lexicon_version}; "
            f"commit {repo_state()}; {args.resamples} bootstrap resamples, seed {args.seed}; run time {total:.0f} s",
            "- data, read in place and never copied: BASIL (Fan et al. 2019, *In Plain Sight: Media Bias Through "
            "the Lens of Factual Reporting*, EMNLP) and PolNeAR (Newell, Margolin & Ruths 2018, *An attribution "
            "relations corpus for political news*, LREC). Development parts only; nothing was tuned to them.",
            "- rates are framing's own-voice (unquoted) evidence per 1,000 body words; intervals are compare()'s "
            "two-stage bootstrap (articles, then sentences within articles).", ""]
    body = "\n".join(head + sections + ["### Timings", ""] + timing_lines(timings, total))
    publish("outlets", body, args.results, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
