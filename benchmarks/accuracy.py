"""Agreement of framing's extractors with external human annotation.

Four measurements, each against data nobody on this project wrote (see
``../shared/eval/README.md``):

1. hedge cues        vs the Szeged Uncertainty Corpus, news part (``uncertainty/factbank_dev.xml``);
2. attribution cues  vs PolNeAR cue and source spans (``polnear/dev/``);
3. loaded words      vs BABE ``biased_words`` and Biased/Non-biased labels (``babe/babe_dev.csv``);
4. persuasion        vs SemEval-2023 Task 3 technique spans in English, French and German (``semeval23/``).

Beside each headline figure stands a baseline: the published word list the
issue names (Hyland's hedges, Recasens' report verbs, Recasens' bias lexicon),
formed from the entries of framing's own lexicons whose ``source`` cites that
publication and matched by Snowball stems only, so a reader can see what
framing's variants, categories and rules add over the bare list.

The data is read in place at run time and never copied into the repository.
These files are a development split with a held-out part kept elsewhere, so
nothing here is tuned to them: the script only measures. Results replace the
``accuracy`` section of ``benchmarks/RESULTS.md`` so other benchmarks can keep
their own sections in the same file.

Reproduce with ``.venv/bin/python benchmarks/accuracy.py`` from the repository root.
"""
from __future__ import annotations

import argparse
import ast
import csv
import datetime as _dt
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

from nltk.stem.snowball import SnowballStemmer

from frames_accuracy import frames_section
from results import import_framing, publish, repo_state

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"
COMMAND = ".venv/bin/python benchmarks/accuracy.py"

# Szeged cue types (the corpus writes them with a stray space/underscore; we strip).
EPISTEMIC_TYPES = ("speculation_modal_probable_", "speculation_modal_possible_",
                   "speculation_hypo_doxastic _")
REFERENCE_TYPES = EPISTEMIC_TYPES + ("speculation_hypo_condition _", "speculation_hypo_investigation _")

# PolNeAR cues that report a state of mind, perception or finding rather than
# speech. A rough, hand-written list of word forms (not derived from the data's
# error lists): a cue counts as non-speech when any of its words is listed.
NON_SPEECH = {
    "attitude/emotion": "like likes liked love loves loved hate hates hated hope hopes hoped hoping "
                        "fear fears feared worry worries worried frustrated concerned angry upset happy "
                        "pleased disappointed support supports supported oppose opposes opposed",
    "belief/knowledge": "believe believes believed think thinks thought feel feels felt know knows knew "
                        "known expect expects expected doubt doubts doubted suspect suspects suspected "
                        "understand understands understood realize realizes realized consider considers "
                        "considered",
    "intention/desire": "want wants wanted wish wishes wished plan plans planned intend intends intended "
                        "prefer prefers preferred",
    "perception/evidence": "see sees saw seen seem seems seemed appear appears appeared show shows showed "
                           "shown find finds found",
}
# framing hedge categories outside what the Szeged corpus annotates: it marks
# semantic uncertainty of propositions, not vagueness of quantities
# ("about 15 million"), so such predictions are also reported set aside.
OUT_OF_SCOPE_HEDGES = frozenset({"approximator"})

# Which framing hedge categories count as predictions of Szeged's epistemic cue
# types (probable, possible, doxastic), decided from the category definitions
# (Szarvas et al. 2012; Farkas et al. 2010; lexicons/README.md), never from the
# dev sentences. A category missing here (e.g. one added later) is not counted.
EPISTEMIC_CATEGORIES: Mapping[str, str] = MappingProxyType({
    "epistemic_adverb": "epistemic modality as an adverb (\"probably\", \"perhaps\"): Szeged's probable/possible types",
    "epistemic_adjective": "the same modality as adjective or noun (\"likely\", \"possible\", \"unclear\", "
                           "\"possibility\"): probable/possible types",
    "modal": "epistemic modal auxiliaries (\"may\", \"might\", \"could\"), the core of the possible type; "
             "framing's rule already drops \"May\" the month and ability \"could not\"",
    "doxastic_verb": "verbs of belief and expectation (\"believe\", \"expect\", \"suspect\"): Szeged's doxastic type",
    "tentative_verb": "inferential verbs (\"seem\", \"appear\", \"suggest\", \"imply\"), which the CoNLL-2010 "
                      "guidelines count as speculation cues",
    "reportative": "hearsay marking (\"reportedly\", \"allegedly\", \"is believed to\", \"is expected to\") leaves "
                   "the truth of the proposition open, Szeged's definition of semantic uncertainty; most entries "
                   "are passive doxastic predicates (believed, thought, expected, suspected), and the corpus marks "
                   "doxastic verbs in the passive too (\"expected\" is among its most frequent cues)",
    "negated_booster": "negated certainty (\"not certain\", \"not sure\") leaves the proposition possible, "
                       "like \"uncertain\"/\"unclear\", which are epistemic adjectives",
})
NON_EPISTEMIC_CATEGORIES: Mapping[str, str] = MappingProxyType({
    "approximator": "vagueness of a quantity (\"about 30\"), not uncertainty of a proposition; Szeged has no "
                    "such cue type",
    "vague": "adaptors (\"something of a\", \"more or less\"): vagueness of how well a word fits, the same "
             "reason as approximators",
    "distancing": "distancing adjectives (\"so-called\", \"self-styled\", \"would-be\") keep the writer apart "
                  "from a name, not from the truth of a proposition, and are not Szeged cues (the category also "
                  "holds \"alleged\", which the corpus does mark: a few gold cues are lost by this rule)",
    "conditional": "the reportative conditional (\"would have\" + participle) is not an epistemic cue in the "
                   "Szeged guidelines; conditionals are their own *condition* type",
})

# Targets of the issue, and the F1 it quotes for each full published list
# (stem matching on these files), shown only as a label next to our baseline.
HEDGE_TARGET, ATTRIBUTION_TARGET, LOADED_TARGET = 0.70, 0.75, 0.35
HYLAND_QUOTED, REPORT_VERBS_QUOTED, BIAS_LEXICON_QUOTED = 0.31, 0.35, 0.06

# Bare pronoun sources, which need coreference that a lexicon cannot supply.
PRONOUNS = frozenset("i we you he she it they who me us him her them one this that".split())

NON_SPEECH_FORMS = {form: group for group, forms in NON_SPEECH.items() for form in forms.split()}

MATCHED = "true positives"
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


# --------------------------------------------------------------------------- metrics

Span = tuple[tuple[int, int], ...]
"""A span as one or more (start, end) fragments; brat cues can be discontinuous."""


@dataclass
class Tally:
    """Confusion counts; one type for spans, word pairs and sentence labels so every figure is computed alike."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    @property
    def n_gold(self) -> int:
        return self.tp + self.fn

    @property
    def n_pred(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return self.tp / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    @property
    def accuracy(self) -> float | None:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else None


class Match(NamedTuple):
    """Result of matching one item's gold spans with its predicted spans."""

    tally: Tally
    pairs: list[tuple[int, int]]   # (gold index, pred index)
    missed: list[int]              # gold indices left unmatched
    spurious: list[int]            # pred indices left unmatched


def overlaps(a: Span, b: Span) -> bool:
    """True if any fragment of ``a`` shares at least one character with any fragment of ``b``."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match_spans(gold: Sequence[Span], pred: Sequence[Span], *, exact: bool = False) -> Match:
    """One-to-one greedy matching of predicted to gold spans, left to right.

    Each gold span is matched at most once and each prediction at most once,
    so TP is the same number for precision and recall. With ``exact`` the
    fragments must be identical; otherwise any character overlap counts.
    """
    order_g = sorted(range(len(gold)), key=lambda i: gold[i])
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for p in sorted(range(len(pred)), key=lambda i: pred[i]):
        for g in order_g:
            if g in used:
                continue
            if (gold[g] == pred[p]) if exact else overlaps(gold[g], pred[p]):
                used.add(g)
                pairs.append((g, p))
                break
    matched_p = {p for _, p in pairs}
    missed = [g for g in range(len(gold)) if g not in used]
    spurious = [p for p in range(len(pred)) if p not in matched_p]
    return Match(Tally(tp=len(pairs), fp=len(spurious), fn=len(missed)), pairs, missed, spurious)


def binary_tally(gold: bool, pred: bool) -> Tally:
    """A one-item Tally for a yes/no decision (sentence-level figures)."""
    return Tally(tp=int(gold and pred), fp=int(pred and not gold), fn=int(gold and not pred),
                 tn=int(not gold and not pred))


# --------------------------------------------------------------------------- reporting

@dataclass
class Row:
    """One line of a results table: a Tally plus what it counts and over how many items."""

    label: str
    tally: Tally
    items: str
    kind: str = "prf"       # "prf", "recall" (gold-side only) or "precision" (prediction-side only)
    accuracy: bool = False


@dataclass(frozen=True)
class Headline:
    """One line of the summary table: framing's figure, its published-list baseline and the issue's target.

    ``baseline`` is None when the list is not represented in framing's
    lexicons; ``baseline_label`` then says why instead of showing a number.
    """

    measure: str
    tally: Tally
    target: float
    baseline: Tally | None
    baseline_label: str

    @property
    def met(self) -> str:
        """Whether this run's F1 reaches the target (computed, never typed in)."""
        f1 = self.tally.f1
        return "–" if f1 is None else ("yes" if f1 >= self.target else "no")


@dataclass
class Section:
    """What one measurement hands to the report: tables, notes and the most frequent errors."""

    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: dict[str, Counter] = field(default_factory=dict)
    headline: Headline | None = None
    extra: list[str] = field(default_factory=list)   # Markdown lines shown between the table and the notes
    extra_headlines: list[Headline] = field(default_factory=list)   # further summary lines (technique-blind)


class ErrorLog:
    """Counts and a few examples of misses and false positives, for curators and ``--show-errors``."""

    def __init__(self, name: str, show: int) -> None:
        self.name, self.show = name, show
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.examples: dict[str, list[str]] = defaultdict(list)

    def record(self, kind: str, key: str, item: str, text: str, span: tuple[int, int] | None) -> None:
        self.counts[kind][key.lower()] += 1
        if self.show and len(self.examples[kind]) < self.show:
            self.examples[kind].append(f"[{item}] {key!r}: {context(text, span)}")

    def error_counts(self) -> dict[str, Counter]:
        """Misses and false positives only; true positives are kept for ``--show-errors`` spot checks."""
        return {kind: c for kind, c in self.counts.items() if kind != MATCHED}

    def dump(self) -> None:
        """Print the kept examples to stderr (nothing unless ``--show-errors`` asked for some)."""
        for kind, lines in self.examples.items():
            print(f"--- {self.name}: {kind} ({len(lines)} examples)", file=sys.stderr)
            for line in lines:
                print("  " + line, file=sys.stderr)


def context(text: str, span: tuple[int, int] | None, width: int = 70) -> str:
    """The span in its text, marked with [[ ]], clipped to ``width`` characters each side."""
    if span is None:
        return " ".join(text.split())[: 2 * width]
    s, e = span
    left = " ".join(text[max(0, s - width):s].split())
    right = " ".join(text[e:e + width].split())
    return f"…{left} [[{text[s:e]}]] {right}…"


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def render_section(section: Section, top: int) -> str:
    """A Markdown table with counts next to every figure, then notes and top errors."""
    lines = [f"### {section.title}", "",
             "| measure | items | gold | pred | TP | P | R | F1 | acc |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in section.rows:
        t = row.tally
        cells = [t.n_gold, t.n_pred, t.tp, fmt(t.precision), fmt(t.recall), fmt(t.f1),
                 fmt(t.accuracy) if row.accuracy else "–"]
        if row.kind == "recall":
            cells = [t.n_gold, "–", t.tp, "–", fmt(t.recall), "–", "–"]
        elif row.kind == "precision":
            cells = ["–", t.n_pred, t.tp, fmt(t.precision), "–", "–", "–"]
        lines.append(f"| {row.label} | {row.items} | " + " | ".join(str(c) for c in cells) + " |")
    lines.append("")
    if section.extra:
        lines += section.extra + [""]
    lines += [f"- {note}" for note in section.notes]
    for kind, counter in section.errors.items():
        common = ", ".join(f"{k!r} {v}" for k, v in counter.most_common(top))
        lines.append(f"- most frequent {kind} (of {sum(counter.values())}): {common or 'none'}")
    lines.append("")
    return "\n".join(lines)


def render_summary(headlines: Sequence[Headline]) -> list[str]:
    """The short table at the top of the section: each headline figure, its baseline and its target."""
    lines = ["| measure | framing P / R / F1 | published list baseline F1 (stem matching) | target F1 | met? |",
             "|---|---|---|---:|---|"]
    for h in headlines:
        t = h.tally
        base = f"{fmt(h.baseline.f1)} — {h.baseline_label}" if h.baseline is not None else h.baseline_label
        lines.append(f"| {h.measure} | {fmt(t.precision)} / {fmt(t.recall)} / **{fmt(t.f1)}** | {base} | "
                     f"≥ {h.target:.2f} | {h.met} |")
    return lines


# --------------------------------------------------------------------------- published-list baselines

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


# --------------------------------------------------------------------------- framing

class Framing(NamedTuple):
    """The pieces of framing the benchmark uses, imported late so a broken checkout can be retried."""

    scorer: Any
    article: Callable[..., Any]
    error: type
    version: str
    lexicon_version: str
    lexicons: Any       # the LexiconSet the scorer uses, so baselines come from the same snapshot


def load_framing(attempts: int, wait: float) -> Framing:
    """framing and one Scorer (see ``results.import_framing``)."""
    framing = import_framing(attempts, wait)
    scorer = framing.Scorer()
    return Framing(scorer, framing.Article, framing.FramingError, framing.__version__,
                   scorer.lexicons.version, scorer.lexicons)


def evidence_of(fw: Framing, item_id: str, text: str, failures: Counter) -> list[dict] | None:
    """Framing's evidence for one text, or None (counted by error class) if framing refuses it."""
    try:
        profile = fw.scorer.score(fw.article(id=item_id, text=text), language="en").to_dict()
    except fw.error as exc:
        failures[type(exc).__name__] += 1
        return None
    return profile["evidence"]


def spans_of(evidence: Iterable[dict], family: str, text: str, bad: Counter) -> list[dict]:
    """Evidence of one family, one per distinct (start, end); offsets checked against the text."""
    seen: dict[tuple[int, int], dict] = {}
    for ev in evidence:
        if ev["family"] != family:
            continue
        if text[ev["start"]:ev["end"]] != ev["text"]:
            bad["offset mismatch"] += 1
        seen.setdefault((ev["start"], ev["end"]), ev)
    return list(seen.values())


def failure_note(failures: Counter, n: int, unit: str) -> str:
    """One sentence saying how many items framing refused, so no figure silently drops items."""
    if not failures:
        return f"framing scored all {n} {unit}."
    return f"framing refused {sum(failures.values())} of {n} {unit}: " + \
        ", ".join(f"{k} {v}" for k, v in failures.most_common()) + " (counted as no predictions)."


# --------------------------------------------------------------------------- 1. Szeged hedges

class Cue(NamedTuple):
    span: Span
    label: str
    text: str


class Sentence(NamedTuple):
    id: str
    text: str
    cues: list[Cue]


def collapse_whitespace(raw: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space and strip; also return each raw index's new index.

    FactBank's event tokenisation leaves runs like "has  not   raised"; cue
    offsets must follow the text framing actually sees.
    """
    out: list[str] = []
    index: list[int] = []
    for ch in raw:
        index.append(len(out))
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    text = "".join(out).rstrip()
    return text, index


def load_szeged(path: Path) -> list[Sentence]:
    """Sentences of the Szeged XML with their <ccue> spans, offsets into the whitespace-normalised text."""
    root = ET.parse(path).getroot()
    sentences: list[Sentence] = []
    for doc in root.iter("Document"):
        doc_id = (doc.findtext("DocID") or "?").strip()
        for sent in doc.iter("Sentence"):
            pieces: list[tuple[str, str | None]] = [(sent.text or "", None)]
            for cue in sent:
                pieces.append(("".join(cue.itertext()), (cue.get("type") or "").strip()))
                pieces.append((cue.tail or "", None))
            raw, raw_spans = "", []
            for chunk, label in pieces:
                if label is not None:
                    raw_spans.append((len(raw), len(raw) + len(chunk), label))
                raw += chunk
            text, index = collapse_whitespace(raw)
            cues = []
            for s, e, label in raw_spans:
                chars = [i for i in range(s, e) if not raw[i].isspace()]
                if chars:
                    span = ((index[chars[0]], index[chars[-1]] + 1),)
                    cues.append(Cue(span, label, text[span[0][0]:span[0][1]]))
            sentences.append(Sentence(f"{doc_id}/{sent.get('id')}", text, cues))
    return sentences


def short_type(label: str) -> str:
    return label.replace("speculation_", "").replace("_", " ").split()[-1]


@dataclass
class HedgeScore:
    """Every figure of one (gold types, predictions) pairing on the Szeged sentences."""

    overlap: Tally = field(default_factory=Tally)
    exact: Tally = field(default_factory=Tally)
    sentence: Tally = field(default_factory=Tally)
    per_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_cat: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))


Predictions = dict[str, list[dict]]
"""Evidence-shaped predictions (start, end, text, category) per sentence id."""


def keep_categories(predictions: Predictions, keep: Callable[[str], bool]) -> Predictions:
    """The same predictions restricted to categories ``keep`` accepts."""
    return {sid: [p for p in preds if keep(p["category"])] for sid, preds in predictions.items()}


def score_hedges(sentences: Sequence[Sentence], gold_types: Sequence[str], predictions: Predictions,
                 log: ErrorLog | None = None) -> HedgeScore:
    """Span (overlap, exact), sentence and per-type/per-category figures of one pairing."""
    score = HedgeScore()
    if log is None:
        log = ErrorLog("hedge/unlogged", 0)
    for sent in sentences:
        gold = [c for c in sent.cues if c.label in gold_types]
        preds = predictions[sent.id]
        gold_spans = [c.span for c in gold]
        pred_spans = [((p["start"], p["end"]),) for p in preds]
        m = match_spans(gold_spans, pred_spans)
        score.overlap.add(m.tally)
        score.exact.add(match_spans(gold_spans, pred_spans, exact=True).tally)
        score.sentence.add(binary_tally(bool(gold), bool(preds)))
        for g, p in m.pairs:
            score.per_type[short_type(gold[g].label)].tp += 1
            score.per_cat[preds[p]["category"]].tp += 1
            log.record(MATCHED, preds[p]["text"], sent.id, sent.text, (preds[p]["start"], preds[p]["end"]))
        for g in m.missed:
            score.per_type[short_type(gold[g].label)].fn += 1
            log.record("missed gold cues", gold[g].text, sent.id, sent.text, gold[g].span[0])
        for p in m.spurious:
            score.per_cat[preds[p]["category"]].fp += 1
            log.record("false-positive hedges", preds[p]["text"], sent.id, sent.text,
                       (preds[p]["start"], preds[p]["end"]))
    return score


def hedge_rows(name: str, score: HedgeScore, n_sent: int, *, headline: bool = False,
               set_aside: HedgeScore | None = None) -> list[Row]:
    """Rows for one pairing: span overlap and exact, optionally approximators set aside, sentence, per type."""
    items = f"{n_sent} sentences, {score.overlap.n_gold} gold cues"
    label = f"**{name}**" if headline else name
    rows = [Row(f"{label}: span, overlap", score.overlap, items),
            Row(f"{name}: span, exact", score.exact, items)]
    if set_aside is not None:
        rows.append(Row(f"{name}: span, overlap, approximator predictions set aside", set_aside.overlap, items))
    rows.append(Row(f"{name}: sentence has ≥1 cue", score.sentence, f"{n_sent} sentences", accuracy=True))
    rows += [Row(f"{name}: recall of type *{t}*", tally, f"{tally.n_gold} gold cues", kind="recall")
             for t, tally in sorted(score.per_type.items())]
    return rows


def category_table() -> list[str]:
    """The epistemic category mapping as a Markdown table, so the choice is stated beside its figures."""
    lines = ["| framing hedge category | counted as epistemic? | why |", "|---|---|---|"]
    lines += [f"| `{c}` | yes | {why} |" for c, why in EPISTEMIC_CATEGORIES.items()]
    lines += [f"| `{c}` | no | {why} |" for c, why in NON_EPISTEMIC_CATEGORIES.items()]
    return lines


def framing_hedges(fw: Framing, sentences: Sequence[Sentence]) -> tuple[Predictions, Counter, Counter]:
    """All of framing's hedge evidence per sentence, with refusals and offset problems counted."""
    failures, bad = Counter(), Counter()
    predictions: Predictions = {}
    for sent in sentences:
        if not sent.text:
            failures["empty sentence (not scored)"] += 1
            predictions[sent.id] = []
            continue
        evidence = evidence_of(fw, sent.id, sent.text, failures)
        predictions[sent.id] = spans_of(evidence or [], "hedge", sent.text, bad)
    return predictions, failures, bad


def evaluate_hedges(fw: Framing, path: Path, show: int) -> Section:
    """Hedge evidence vs Szeged cues, scored one sentence at a time.

    The headline pairs Szeged's epistemic types with framing's epistemic
    categories only (``EPISTEMIC_CATEGORIES``); pairings with all categories
    stay as clearly labelled reference rows so earlier results can be compared.
    """
    sentences = load_szeged(path)
    n_sent = len(sentences)
    predictions, failures, bad = framing_hedges(fw, sentences)
    epistemic = keep_categories(predictions, lambda c: c in EPISTEMIC_CATEGORIES)
    no_approx = keep_categories(predictions, lambda c: c not in OUT_OF_SCOPE_HEDGES)
    hyland = build_baseline(fw.lexicons, "hedge", "Hyland", "Hyland 2005 hedges")
    baseline_preds = {s.id: baseline_spans(hyland, s.text) for s in sentences}

    logs = {name: ErrorLog(f"hedge/{name}", show) for name in ("epistemic", "all categories", "all five types")}
    head = score_hedges(sentences, EPISTEMIC_TYPES, epistemic, logs["epistemic"])
    base = score_hedges(sentences, EPISTEMIC_TYPES, baseline_preds)
    ref = score_hedges(sentences, EPISTEMIC_TYPES, predictions, logs["all categories"])
    ref_aside = score_hedges(sentences, EPISTEMIC_TYPES, no_approx)
    five = score_hedges(sentences, REFERENCE_TYPES, predictions, logs["all five types"])
    five_aside = score_hedges(sentences, REFERENCE_TYPES, no_approx)

    section = Section("1. Hedge cues — Szeged Uncertainty Corpus, FactBank news (dev)")
    section.rows = hedge_rows("epistemic gold, framing epistemic categories", head, n_sent, headline=True)
    section.rows += baseline_rows(
        hyland,
        Row("baseline, Hyland 2005 list (stems): span, overlap", base.overlap,
            f"{n_sent} sentences, {base.overlap.n_gold} gold cues"),
        Row("baseline, Hyland 2005 list (stems): span, exact", base.exact,
            f"{n_sent} sentences, {base.exact.n_gold} gold cues"),
        Row("baseline, Hyland 2005 list (stems): sentence has ≥1 cue", base.sentence, f"{n_sent} sentences",
            accuracy=True),
    )
    section.rows += hedge_rows("reference — epistemic gold, all hedge categories", ref, n_sent, set_aside=ref_aside)
    section.rows += [Row(f"reference — epistemic gold: precision of framing category *{c}* "
                         f"({'counted' if c in EPISTEMIC_CATEGORIES else 'not counted'})", tally,
                         f"{tally.n_pred} predictions", kind="precision")
                     for c, tally in sorted(ref.per_cat.items())]
    section.rows += hedge_rows("reference — all five types, all hedge categories", five, n_sent,
                               set_aside=five_aside)
    section.headline = baseline_headline("(a) hedge cues, Szeged epistemic types: span, overlap", head.overlap,
                                         HEDGE_TARGET, hyland, base.overlap, HYLAND_QUOTED)
    section.extra = ["Framing hedge categories counted as predictions of the Szeged epistemic types "
                     "(Szarvas et al. 2012; Farkas et al. 2010):", ""] + category_table()
    section.notes += [
        f"Each of the {n_sent} sentences is scored alone (`language=\"en\"`) after collapsing whitespace "
        "runs; gold offsets are mapped to the collapsed text. Predictions are `hedge` evidence, both voices, one "
        "per distinct span: in the headline rows only evidence of the categories counted as epistemic "
        "(table above; a category not listed there is not counted); in the *reference* rows all categories, "
        "as this benchmark reported before.",
        "Gold *epistemic* = Szeged types probable, possible, doxastic; *all five types* adds condition and "
        "investigation (reference only: those are not epistemic hedges).",
        "The *approximator set aside* rows drop framing's approximator hedges (\"about\", \"nearly\") from "
        "the all-categories predictions: the corpus annotates uncertainty about propositions, not vague "
        "quantities.",
        f"Baseline ({hyland.name}): {hyland.description}. Its matches are scored exactly like framing's "
        "predictions, against the epistemic gold.",
        "Category rows give, for the epistemic gold and all-category predictions, how many hedge predictions "
        "of each framing category overlap a gold cue (TP) out of all predictions of that category (pred); P is "
        "their precision.",
        failure_note(failures, n_sent, "sentences"),
    ]
    unclassified = sorted({p["category"] for preds in predictions.values() for p in preds}
                          - set(EPISTEMIC_CATEGORIES) - set(NON_EPISTEMIC_CATEGORIES))
    if unclassified:
        section.notes.append("hedge categories seen but not in the table above, so not counted as epistemic: "
                             + ", ".join(f"`{c}`" for c in unclassified) + ".")
    if bad:
        section.notes.append(f"evidence whose text differs from text[start:end]: {bad['offset mismatch']}")
    section.errors = {f"{kind} (headline: epistemic categories)": c
                      for kind, c in logs["epistemic"].error_counts().items()}
    for log in logs.values():
        log.dump()
    return section


# --------------------------------------------------------------------------- 2. PolNeAR attribution

class Annotated(NamedTuple):
    name: str
    annotator: str
    text: str
    cues: list[Cue]
    sources: list[Cue]
    contents: list[Cue]


def parse_brat(ann: str, text: str, bad: Counter) -> dict[str, list[Cue]]:
    """T-lines of a brat .ann file grouped by label, with discontinuous spans kept as fragments."""
    spans: dict[str, list[Cue]] = defaultdict(list)
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        _, label_ranges, surface = line.split("\t", 2)
        label, ranges = label_ranges.split(" ", 1)
        span = tuple((int(s), int(e)) for s, e in (r.split() for r in ranges.split(";")))
        if len(span) == 1 and text[span[0][0]:span[0][1]] != surface:
            bad["gold offset mismatch"] += 1
        spans[label].append(Cue(span, label, surface))
    return spans


def load_polnear(folder: Path) -> tuple[list[Annotated], int, Counter]:
    """One annotation per article: the first .ann file in sorted order (fewest judgement calls)."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    docs, bad = [], Counter()
    for name, files in sorted(by_article.items()):
        chosen = files[0]
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        spans = parse_brat(chosen.read_text(encoding="utf-8"), text, bad)
        docs.append(Annotated(name, chosen.stem.rsplit("_", 1)[1], text, spans["Cue"], spans["Source"],
                              spans["Content"]))
    extra = sum(len(f) - 1 for f in by_article.values())
    return docs, extra, bad


def non_speech_group(cue_text: str) -> str | None:
    """The NON_SPEECH group of a cue if any of its words is a listed state/perception form."""
    for word in WORD_RE.findall(cue_text.lower()):
        if word in NON_SPEECH_FORMS:
            return NON_SPEECH_FORMS[word]
    return None


def evaluate_attribution(fw: Framing, folder: Path, show: int) -> Section:
    """Attribution-cue and source evidence vs PolNeAR Cue and Source spans, whole articles."""
    docs, extra_annotations, bad = load_polnear(folder)
    report_verbs = build_baseline(fw.lexicons, "attribution_cue", "Recasens", "Recasens et al. 2013 report verbs")
    base_o = Tally()
    failures = Counter()
    log = ErrorLog("attribution", show)
    src_log = ErrorLog("source", show)
    cue_o, cue_x, speech_o, outer_o, own_o = Tally(), Tally(), Tally(), Tally(), Tally()
    all_o, all_x = Tally(), Tally()
    embedded: Counter = Counter()
    embedded_on_gold = gold_in_content = 0
    src_o, src_x, named_o = Tally(), Tally(), Tally()
    fp_nested = fp_quoted = n_pronoun = 0
    per_cat: dict[str, Tally] = defaultdict(Tally)
    non_speech: Counter = Counter()
    n_discontinuous = 0
    for doc in docs:
        evidence = evidence_of(fw, doc.name, doc.text, failures) or []
        every = spans_of(evidence, "attribution_cue", doc.text, bad)
        every_spans = [((p["start"], p["end"]),) for p in every]
        gold_spans = [c.span for c in doc.cues]
        contents = [c.span for c in doc.contents]
        gold_in_content += sum(any(overlaps(g, c) for c in contents) for g in gold_spans)
        all_o.add(match_spans(gold_spans, every_spans).tally)
        all_x.add(match_spans(gold_spans, every_spans, exact=True).tally)
        outer_o.add(match_spans(gold_spans, [s for s in every_spans
                                             if not any(overlaps(s, c) for c in contents)]).tally)
        own_o.add(match_spans(gold_spans, [s for s, p in zip(every_spans, every) if p["voice"] == "unquoted"]).tally)
        for p, s in zip(every, every_spans):
            if "embedded" in p:
                embedded[p["embedded"]] += 1
                embedded_on_gold += any(overlaps(s, g) for g in gold_spans)
        # The headline compares framing's top-level cues (not embedded in another attribution's
        # content) with PolNeAR, whose univocal scheme leaves nested attributions unannotated.
        preds = [p for p in every if "embedded" not in p]
        pred_spans = [((p["start"], p["end"]),) for p in preds]
        n_discontinuous += sum(len(s) > 1 for s in gold_spans)
        m = match_spans(gold_spans, pred_spans)
        cue_o.add(m.tally)
        cue_x.add(match_spans(gold_spans, pred_spans, exact=True).tally)
        base_spans = [((b["start"], b["end"]),) for b in baseline_spans(report_verbs, doc.text)]
        base_o.add(match_spans(gold_spans, base_spans).tally)
        for _, p in m.pairs:
            per_cat[category_of(preds[p])].tp += 1
            log.record(MATCHED, preds[p]["text"], doc.name, doc.text, (preds[p]["start"], preds[p]["end"]))
        nested = [any(overlaps(s, c) for c in contents) for s in pred_spans]
        for p in m.spurious:
            per_cat[category_of(preds[p])].fp += 1
            fp_nested += nested[p]
            fp_quoted += preds[p]["voice"] == "quoted"
            log.record("false-positive cues", preds[p]["text"], doc.name, doc.text,
                       (preds[p]["start"], preds[p]["end"]))
        for g in m.missed:
            log.record("missed gold cues", doc.cues[g].text, doc.name, doc.text, doc.cues[g].span[0])

        groups = [non_speech_group(c.text) for c in doc.cues]
        non_speech.update(g for g in groups if g)
        keep = [c.span for c, g in zip(doc.cues, groups) if g is None]
        dropped = [c.span for c, g in zip(doc.cues, groups) if g is not None]
        kept_preds = [s for s in pred_spans if not any(overlaps(s, d) for d in dropped)]
        speech_o.add(match_spans(keep, kept_preds).tally)

        src_preds = spans_of(evidence, "source", doc.text, bad)
        src_spans = [((p["start"], p["end"]),) for p in src_preds]
        sm = match_spans([s.span for s in doc.sources], src_spans)
        src_o.add(sm.tally)
        src_x.add(match_spans([s.span for s in doc.sources], src_spans, exact=True).tally)
        pronoun = [s.span for s in doc.sources if s.text.strip().lower() in PRONOUNS]
        n_pronoun += len(pronoun)
        named_o.add(match_spans([s.span for s in doc.sources if s.text.strip().lower() not in PRONOUNS],
                                [s for s in src_spans if not any(overlaps(s, g) for g in pronoun)]).tally)
        for _, p in sm.pairs:
            src_log.record(MATCHED, src_preds[p]["text"], doc.name, doc.text,
                           (src_preds[p]["start"], src_preds[p]["end"]))
        for g in sm.missed:
            src_log.record("missed gold sources", doc.sources[g].text, doc.name, doc.text,
                           doc.sources[g].span[0])
        for p in sm.spurious:
            src_log.record("false-positive sources", src_preds[p]["text"], doc.name, doc.text,
                           (src_preds[p]["start"], src_preds[p]["end"]))

    n = len(docs)
    items = f"{n} articles"
    n_ns = sum(non_speech.values())
    section = Section("2. Attribution cues and sources — PolNeAR (dev)")
    section.rows = [
        Row("**cue, top-level** (framing's embedded cues set aside): span, overlap", cue_o, items),
        Row("cue, top-level: span, exact", cue_x, items),
        Row("cue, all cues (embedded ones included): span, overlap", all_o, items),
        Row("cue, all cues: span, exact", all_x, items),
        Row("cue, top-level, speech only (non-speech gold removed): overlap", speech_o,
            f"{items}, {n_ns} gold removed"),
        Row("reference — all cues, predictions inside a gold Content span set aside: overlap", outer_o, items),
        Row("reference — all cues in framing's own voice (unquoted): overlap", own_o, items),
    ] + baseline_rows(report_verbs, Row("baseline, Recasens et al. 2013 report verbs (stems): cue span, overlap",
                                        base_o, items)) + [
        Row("**source**: span, overlap", src_o, items),
        Row("source: span, exact", src_x, items),
        Row("source, bare-pronoun gold removed: overlap", named_o, f"{items}, {n_pronoun} gold removed"),
    ] + [Row(f"cue, top-level: precision of framing *{c}*", t, f"{t.n_pred} predictions", kind="precision")
         for c, t in sorted(per_cat.items())]
    section.notes = [
        f"{n} dev articles; where an article has several annotators ({extra_annotations} extra .ann "
        "files) only the first .ann file in sorted filename order is used. Each article is scored whole "
        "(`language=\"en\"`).",
        f"Gold cues: {cue_o.n_gold} `Cue` T-spans ({n_discontinuous} discontinuous, which could only match "
        "by overlap since framing's spans are contiguous). Gold sources: all `Source` T-spans. "
        "Predictions: `attribution_cue` / `source` evidence, both voices, one per distinct span.",
        "What the headline counts: framing's **top-level** cues, i.e. `attribution_cue` evidence without an "
        "`embedded` field. framing marks a cue `embedded` when it stands inside another attribution's "
        "content: inside quoted words (`quotation`) or inside the clause an earlier cue of its sentence "
        "reports (`clause`, \"X said Y *wants* ...\"; also in a sentence that \"according to X\" or a final "
        "\"..., the report said.\" reports as a whole). PolNeAR does not annotate such nested attributions: its "
        "annotation is univocal, each token has one label (source, cue, content or none) and belongs to at "
        "most one attribution (PolNeAR README; Newell, Margolin & Ruths 2018), so a cue inside a Content "
        f"span cannot be gold. Checked on this data: {gold_in_content} of {cue_o.n_gold} gold cues overlap a "
        "gold Content span. The *all cues* rows count every cue framing outputs, embedded ones included.",
        "Which cue classes framing counts (speech, judgment, cognition, intention, attitude, evidentials; "
        "not naming, nouns of speech or stance-taking actions) is stated in `lexicons/README.md`, decided from "
        "PolNeAR's scheme and from counts over its training split; this dev split only measures.",
        f"framing marked {sum(embedded.values())} cues embedded ("
        + ", ".join(f"{k} {v}" for k, v in embedded.most_common())
        + f"); {embedded_on_gold} of them overlap a gold cue (recall the top-level headline gives up).",
        f"Non-speech cues (any word in a hand-made list of attitude, belief, intention and perception forms, "
        f"see `NON_SPEECH` in the script): {n_ns} of {cue_o.n_gold} gold cues — "
        + ", ".join(f"{k} {v}" for k, v in non_speech.most_common())
        + ". The speech-only row drops them from gold and drops predictions overlapping them.",
        f"Of the {cue_o.fp} false-positive top-level cues, {fp_nested} overlap a gold Content span (attributions "
        f"nested inside another's content that framing's rules did not recognise as embedded) and "
        f"{fp_quoted} are in quoted voice. The *reference* rows use gold Content spans or voice instead of "
        "framing's own embedding: they are bounds for comparison, not results.",
        f"{n_pronoun} gold sources are a bare pronoun (he, she, they, who, ...), which needs coreference; "
        "the pronoun row drops them and predictions overlapping them.",
        f"Baseline ({report_verbs.name}): {report_verbs.description}.",
        failure_note(failures, n, "articles"),
    ]
    section.headline = baseline_headline("(b) attribution cues (top-level), PolNeAR: span, overlap", cue_o,
                                         ATTRIBUTION_TARGET,
                                         report_verbs, base_o, REPORT_VERBS_QUOTED)
    if bad:
        section.notes.append("offset problems: " + ", ".join(f"{k} {v}" for k, v in bad.items()))
    section.errors = {**log.error_counts(), **src_log.error_counts()}
    log.dump()
    src_log.dump()
    return section


def category_of(ev: dict) -> str:
    """Stance category of a cue, with colon-introduced quotations reported apart."""
    return "colon quotation" if ev["entry"].endswith("colon_quotation") else ev.get("category") or "?"


# --------------------------------------------------------------------------- 3. BABE loaded words

class BabeRow(NamedTuple):
    id: str
    text: str
    outlet: str
    leaning: str
    label: str
    words: set[str]


def words_of(text: str) -> list[str]:
    """Lowercased word tokens; hyphen and apostrophe compounds stay whole ("far-right")."""
    return [w.replace("’", "'") for w in WORD_RE.findall(text.lower())]


def load_babe(path: Path) -> tuple[list[BabeRow], int]:
    """BABE rows with a Biased/Non-biased label; 'No agreement' rows are skipped and counted."""
    rows, skipped = [], 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh, delimiter=";")):
            if rec["label_bias"] not in ("Biased", "Non-biased"):
                skipped += 1
                continue
            raw = (rec.get("biased_words") or "").strip()
            listed = ast.literal_eval(raw) if raw else []
            words = {w for item in listed for w in words_of(item)}
            rows.append(BabeRow(f"row{i + 2}", rec["text"], rec.get("outlet") or "",
                                (rec.get("type") or "").strip() or "(none)", rec["label_bias"], words))
    return rows, skipped


def evaluate_loaded(fw: Framing, path: Path, show: int) -> Section:
    """Loaded evidence vs BABE biased words (word level) and Biased labels (sentence level)."""
    rows, skipped = load_babe(path)
    bias_lexicon = build_baseline(fw.lexicons, "loaded", "Recasens", "Recasens et al. 2013 bias lexicon")
    base_t = Tally()
    failures, bad = Counter(), Counter()
    log = ErrorLog("loaded", show)
    word_t, unquoted_t, with_cues_t, sent_t = Tally(), Tally(), Tally(), Tally()
    by_lean: dict[str, tuple[Tally, Tally]] = defaultdict(lambda: (Tally(), Tally()))
    per_cat: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        evidence = evidence_of(fw, row.id, row.text, failures) or []
        preds = spans_of(evidence, "loaded", row.text, bad)
        predicted = {w for p in preds for w in words_of(p["text"])}
        distancing = {w for p in spans_of(evidence, "attribution_cue", row.text, bad)
                      if p["category"] == "distancing" for w in words_of(p["text"])}
        with_cues_t.add(word_tally(row.words, predicted | distancing))
        base_t.add(word_tally(row.words, baseline_words(bias_lexicon, row.text)))
        unquoted = {w for p in preds if p["voice"] != "quoted" for w in words_of(p["text"])}
        t = word_tally(row.words, predicted)
        word_t.add(t)
        unquoted_t.add(word_tally(row.words, unquoted))
        s = binary_tally(row.label == "Biased", bool(preds))
        sent_t.add(s)
        by_lean[row.leaning][0].add(t)
        by_lean[row.leaning][1].add(s)
        for p in preds:
            hit = any(w in row.words for w in words_of(p["text"]))
            per_cat[p["category"]].add(Tally(tp=int(hit), fp=int(not hit)))
        for w in sorted(predicted & row.words):
            log.record(MATCHED, w, row.id, row.text, find_word(row.text, w))
        for w in sorted(predicted - row.words):
            log.record("false-positive words", w, row.id, row.text, find_word(row.text, w))
        for w in sorted(row.words - predicted):
            log.record("missed gold words", w, row.id, row.text, find_word(row.text, w))

    n = len(rows)
    lean_counts = Counter(r.leaning for r in rows)
    section = Section("3. Loaded language — BABE (dev)")
    section.rows = [
        Row("**word**: (sentence, word) pairs", word_t, f"{n} sentences"),
        Row("word, unquoted evidence only", unquoted_t, f"{n} sentences"),
        Row("word, loaded + distancing attribution cues (reference)", with_cues_t, f"{n} sentences"),
    ] + baseline_rows(bias_lexicon, Row("baseline, Recasens et al. 2013 bias lexicon as cited (stems): word",
                                        base_t, f"{n} sentences")) + [
        Row("**sentence**: Biased vs has ≥1 loaded", sent_t, f"{n} sentences", accuracy=True),
    ]
    for lean in sorted(by_lean):
        w, s = by_lean[lean]
        section.rows += [Row(f"outlet type *{lean}*: word", w, f"{lean_counts[lean]} sentences"),
                         Row(f"outlet type *{lean}*: sentence", s, f"{lean_counts[lean]} sentences",
                             accuracy=True)]
    section.rows += [Row(f"span precision of framing *{c}* (any word of the span is gold)", t,
                         f"{t.n_pred} spans", kind="precision") for c, t in sorted(per_cat.items())]
    n_biased = sum(r.label == "Biased" for r in rows)
    section.notes = [
        f"{n} sentences ({n_biased} Biased, {n - n_biased} Non-biased); {skipped} 'No agreement' rows skipped "
        "everywhere. Each sentence is scored alone (`language=\"en\"`).",
        "Word level: gold = lowercased words of `biased_words` (multi-word entries split); predicted = "
        "lowercased words inside `loaded` evidence spans (both voices, unless stated). The reference row "
        "adds the words of `attribution_cue` evidence of category distancing (\"claimed\"), which framing "
        "files as attribution, not loaded language. Micro-averaged over (sentence, word) pairs, so a word "
        "counts once per sentence.",
        f"Baseline ({bias_lexicon.name}): {bias_lexicon.description}. The words of its matches are scored like "
        "framing's. These are the entries framing cites the paper for, not the paper's published bias lexicon, so "
        "this figure cannot reproduce the issue's one for the full list.",
        failure_note(failures, n, "sentences"),
    ]
    section.headline = baseline_headline("(c) loaded words, BABE: word level", word_t, LOADED_TARGET,
                                         bias_lexicon, base_t, BIAS_LEXICON_QUOTED)
    if bad:
        section.notes.append(f"evidence whose text differs from text[start:end]: {bad['offset mismatch']}")
    section.errors = log.error_counts()
    log.dump()
    return section


def baseline_words(baseline: Baseline, text: str) -> set[str]:
    """Lowercased words inside the baseline's matches, comparable with BABE's ``biased_words``."""
    return {w for b in baseline_spans(baseline, text) for w in words_of(b["text"])}


def word_tally(gold: set[str], predicted: set[str]) -> Tally:
    """Set comparison of one sentence's gold and predicted words."""
    return Tally(tp=len(predicted & gold), fp=len(predicted - gold), fn=len(gold - predicted))


def find_word(text: str, word: str) -> tuple[int, int] | None:
    """First whole-word occurrence of a lowercased word, only to show it in context."""
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text.replace("’", "'"), re.IGNORECASE)
    return m.span() if m else None


# --------------------------------------------------------------------------- 4. SemEval-2023 persuasion techniques

PERSUASION_TARGETS = {"en": 0.30, "fr": 0.25, "de": 0.25}
PERSUASION_BLIND_TARGET = {"en": 0.45}
# The gold techniques the ``loaded`` family is compared with (the loaded-language measure).
LOADED_GOLD = ("Loaded_Language", "Name_Calling-Labeling")
# Span widths compared in the width study: the same width for every technique, then framing's own.
WIDTH_STUDY = ("cue", "phrase", "clause", "sentence")


@dataclass
class OverlapTally(Tally):
    """SemEval-style overlap counts, as ``../shared/tools/evalcheck.py`` computes them: a
    prediction is right when it overlaps a gold span (of its technique), a gold span is found
    when a prediction overlaps it. Several predictions may overlap one gold span and the
    reverse, so ``tp`` (right predictions) and ``found`` (found gold spans) differ."""

    found: int = 0
    gold: int = 0

    def add(self, other: "Tally") -> None:
        super().add(other)
        if isinstance(other, OverlapTally):
            self.found += other.found
            self.gold += other.gold

    @property
    def n_gold(self) -> int:
        return self.gold

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


class TechniqueSpan(NamedTuple):
    start: int
    end: int
    technique: str


def overlap_tally(gold: Sequence[TechniqueSpan], pred: Sequence[TechniqueSpan], *, blind: bool) -> OverlapTally:
    """Overlap counts of one article; ``blind`` ignores the technique."""
    def hit(a: TechniqueSpan, b: TechniqueSpan) -> bool:
        return a.start < b.end and b.start < a.end and (blind or a.technique == b.technique)
    right = sum(any(hit(p, g) for g in gold) for p in pred)
    found = sum(any(hit(g, p) for p in pred) for g in gold)
    return OverlapTally(tp=right, fp=len(pred) - right, found=found, gold=len(gold))


def load_semeval(folder: Path) -> list[tuple[str, str, list[TechniqueSpan]]]:
    """(id, text, gold technique spans) per article; texts read with ``newline=''`` (offsets count CRLF)."""
    gold: dict[str, list[TechniqueSpan]] = defaultdict(list)
    for line in (folder / "techniques.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            article, technique, start, end = line.split("\t")
            gold[article].append(TechniqueSpan(int(start), int(end), technique))
    articles = []
    for path in sorted((folder / "articles").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            articles.append((path.stem, f.read(), gold.get(path.stem, [])))
    return articles


def persuasion_at_widths(fw: Framing, article_id: str, text: str, language: str,
                         widths: Sequence[Mapping[str, str]]) -> tuple[list[TechniqueSpan], list[list[TechniqueSpan]]]:
    """The ``loaded`` family's spans, and the persuasion spans at each width setting, of one
    article: the document and the earlier families' evidence are built once, as the scorer
    does, and the extractor rerun per setting."""
    from framing.document import build_document
    from framing.extractors import EXTRACTORS
    from framing.extractors.persuasion import extract_persuasion
    from framing.language import identify

    scorer = fw.scorer
    guess = identify(text, scorer.supported, given=language)
    tables = scorer.tables(guess.code)
    document = build_document(fw.article(id=article_id, text=text), guess, tables.matcher, tables.wordlists)
    earlier = [e for extract in EXTRACTORS.values() for e in extract(document)]
    loaded = [TechniqueSpan(e.start, e.end, LOADED_GOLD[0]) for e in earlier if e.family == "loaded"]
    return loaded, [[TechniqueSpan(e.start, e.end, e.technique or "")
                     for e in extract_persuasion(document, earlier, widths=w)] for w in widths]


def evaluate_persuasion(fw: Framing, folder: Path, language: str, show: int) -> Section:
    """Persuasion-technique spans against SemEval-2023 Task 3 (one language)."""
    from framing.extractors.persuasion import WIDTHS
    from framing.techniques import TECHNIQUES

    articles = load_semeval(folder)
    same, blind = OverlapTally(), OverlapTally()
    per_technique: dict[str, OverlapTally] = defaultdict(OverlapTally)
    study = {w: (OverlapTally(), OverlapTally()) for w in WIDTH_STUDY}
    loaded_tally = OverlapTally()
    failures: Counter = Counter()
    log = ErrorLog(f"persuasion-{language}", show)
    settings = [WIDTHS] + [{t: w for t in TECHNIQUES} for w in WIDTH_STUDY]
    for article_id, text, gold in articles:
        try:
            loaded, (pred, *at_width) = persuasion_at_widths(fw, article_id, text, language, settings)
        except fw.error as exc:
            failures[type(exc).__name__] += 1
            loaded, pred, at_width = [], [], [[] for _ in WIDTH_STUDY]
        loaded_tally.add(overlap_tally([TechniqueSpan(g.start, g.end, LOADED_GOLD[0]) for g in gold
                                        if g.technique in LOADED_GOLD], loaded, blind=True))
        same.add(overlap_tally(gold, pred, blind=False))
        blind.add(overlap_tally(gold, pred, blind=True))
        for technique in {g.technique for g in gold} | {p.technique for p in pred}:
            per_technique[technique].add(overlap_tally([g for g in gold if g.technique == technique],
                                                       [p for p in pred if p.technique == technique], blind=False))
        for w, spans in zip(WIDTH_STUDY, at_width):
            study[w][0].add(overlap_tally(gold, spans, blind=False))
            study[w][1].add(overlap_tally(gold, spans, blind=True))
        for p in pred:
            if not any(p.start < g.end and g.start < p.end and p.technique == g.technique for g in gold):
                log.record("false positives", p.technique, article_id, text, (p.start, p.end))
    log.dump()
    n = f"{len(articles)} articles"
    rows = [Row("**same technique** (micro over techniques)", same, n),
            Row("technique-blind span", blind, n)]
    rows += [Row(f"{technique}{'' if technique in TECHNIQUES else ' (not detected)'}", per_technique[technique], n)
             for technique in sorted(per_technique, key=lambda t: (-per_technique[t].gold, t))]
    rows += [Row(f"width study: every technique at `{w}`, same technique", study[w][0], n) for w in WIDTH_STUDY]
    rows += [Row(f"width study: every technique at `{w}`, technique-blind", study[w][1], n) for w in WIDTH_STUDY]
    rows.append(Row("`loaded` family vs Loaded_Language + Name_Calling-Labeling spans (evalcheck `loaded-"
                    f"{language}`)", loaded_tally, n))
    section = Section(f"4. Persuasion techniques ({language}) vs SemEval-2023 Task 3 spans", rows)
    section.notes = [
        "Overlap matching as `../shared/tools/evalcheck.py persuasion-" + language + "` computes it: P = "
        "predictions overlapping a gold span of their technique / predictions (TP column), R = gold spans "
        "overlapped by a prediction of their technique / gold spans; *technique-blind* ignores the technique.",
        "Span widths: framing's own in the first rows (`framing.extractors.persuasion.WIDTHS`: "
        + "; ".join(f"`{w}` for {', '.join(sorted(t for t in WIDTHS if WIDTHS[t] == w))}"
                    for w in WIDTH_STUDY if w in WIDTHS.values())
        + "; spans of one technique in one sentence and voice are merged); the width study reruns the extractor "
        "with one width for every technique (`cue` = the matched words, `phrase` = up to two words either side "
        "within the clause, `clause` = out to the nearest , ; : ( ) or dash, `sentence` = the whole sentence, "
        "up to 60 words).",
        "Techniques marked *not detected* are annotated in the data but outside framing's declared set.",
        failure_note(failures, len(articles), "articles"),
        "data: SemEval-2023 Task 3 (Piskorski et al. 2023), training part as given in `../shared/eval/semeval23`.",
    ]
    section.errors = log.error_counts()
    target = PERSUASION_TARGETS[language]
    section.headline = Headline(f"(d) persuasion {language}: span overlap, same technique", same, target, None,
                                "no published list (lexicon and rules written from the guidelines)")
    section.extra_headlines = ([Headline(f"(d) persuasion {language}: technique-blind span", blind,
                                         PERSUASION_BLIND_TARGET[language], None, "–")]
                               if language in PERSUASION_BLIND_TARGET else [])
    return section


# --------------------------------------------------------------------------- main

def report(sections: list[Section], fw: Framing, eval_dir: Path, seconds: float, top: int) -> str:
    """The whole accuracy section of RESULTS.md."""
    try:
        shown = eval_dir.resolve().relative_to(REPO_ROOT.parent)
        shown_dir = f"../{shown}"
    except ValueError:
        shown_dir = str(eval_dir)
    headlines = [h for s in sections for h in ([s.headline] if s.headline is not None else []) + s.extra_headlines]
    head = [
        "## Accuracy against external annotation",
        "",
        *render_summary(headlines),
        "",
        "- Headline figures against the issue's targets; *met?* is computed from this run's F1. Baselines: the "
        "entries of framing's own lexicons whose `source` cites the publication, `term` only, matched by "
        "Snowball stems (how each list was formed, with entry counts, is stated in its section). Such a list holds "
        "only what framing cites the publication for, so it can be shorter than the publication's own list; the "
        "issue's figures for the full published lists are quoted in parentheses for orientation only.",
        "",
        f"- command: `{COMMAND}` (from the repository root; `--eval DIR` to point elsewhere, "
        "`--show-errors N` prints examples to stderr)",
        f"- date: {_dt.date.today().isoformat()}; framing {fw.version}; lexicons {fw.lexicon_version}; "
        f"commit {repo_state()}; data `{shown_dir}` (dev parts, read in place); run time {seconds:.0f} s",
        "- P, R, F1 are computed from the TP, pred and gold counts shown next to them; *items* says what "
        "was scored. Nothing was tuned to these files: they are development data and a held-out part "
        "exists elsewhere.",
        "- data: Szeged Uncertainty Corpus (Szarvas et al. 2012, *Computational Linguistics*; Farkas et al. "
        "2010, CoNLL shared task); PolNeAR (Newell, Margolin & Ruths 2018, LREC); BABE (Spinde et al. "
        "2021, Findings of EMNLP); SemEval-2023 Task 3 (Piskorski et al. 2023).",
        "",
    ]
    return "\n".join(head) + "\n" + "\n".join(render_section(s, top) for s in sections)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL,
                        help="folder with uncertainty/, polnear/, babe/ (default: ../shared/eval from the repo root)")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help="Markdown file to update")
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing it")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print N examples of each error kind to stderr")
    parser.add_argument("--top", type=int, default=10, help="how many frequent errors to list per kind")
    parser.add_argument("--retries", type=int, default=5, help="attempts to import framing and load lexicons")
    parser.add_argument("--retry-wait", type=float, default=60.0, help="seconds between attempts")
    args = parser.parse_args(argv)

    needed = [args.eval / "uncertainty" / "factbank_dev.xml", args.eval / "polnear" / "dev",
              args.eval / "babe" / "babe_dev.csv"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        parser.error("evaluation data not found: " + ", ".join(missing) + " (see ../shared/eval/README.md)")
    started = time.monotonic()
    fw = load_framing(args.retries, args.retry_wait)
    szeged, polnear, babe = needed
    sections = [
        evaluate_hedges(fw, szeged, args.show_errors),
        evaluate_attribution(fw, polnear, args.show_errors),
        evaluate_loaded(fw, babe, args.show_errors),
        *(evaluate_persuasion(fw, args.eval / "semeval23" / language, language, args.show_errors)
          for language in PERSUASION_TARGETS if (args.eval / "semeval23" / language).exists()),
    ]
    body = report(sections, fw, args.eval, time.monotonic() - started, args.top)
    publish("accuracy", body, args.results, write=not args.no_write)
    if (args.eval / "semeval23").is_dir():  # generic frames, per language: frames_accuracy.py
        publish("frames-accuracy", frames_section(args.eval), args.results, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
