"""Agreement of framing's extractors with external human annotation.

Three measurements, each against data nobody on this project wrote (see
``../shared/eval/README.md``):

1. hedge cues        vs the Szeged Uncertainty Corpus, news part (``uncertainty/factbank_dev.xml``);
2. attribution cues  vs PolNeAR cue and source spans (``polnear/dev/``);
3. loaded words      vs BABE ``biased_words`` and Biased/Non-biased labels (``babe/babe_dev.csv``).

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
import importlib
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple, Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"
START_MARKER = "<!-- accuracy:start -->"
END_MARKER = "<!-- accuracy:end -->"
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


@dataclass
class Section:
    """What one measurement hands to the report: tables, notes and the most frequent errors."""

    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: dict[str, Counter] = field(default_factory=dict)


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
    lines += [f"- {note}" for note in section.notes]
    for kind, counter in section.errors.items():
        common = ", ".join(f"{k!r} {v}" for k, v in counter.most_common(top))
        lines.append(f"- most frequent {kind} (of {sum(counter.values())}): {common or 'none'}")
    lines.append("")
    return "\n".join(lines)


def update_results(path: Path, body: str) -> None:
    """Replace only the text between the accuracy markers, creating the file or markers if absent."""
    block = f"{START_MARKER}\n{body.rstrip()}\n{END_MARKER}"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if START_MARKER in old and END_MARKER in old:
        head, rest = old.split(START_MARKER, 1)
        tail = rest.split(END_MARKER, 1)[1]
        new = head + block + tail
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


# --------------------------------------------------------------------------- framing

class Framing(NamedTuple):
    """The pieces of framing the benchmark uses, imported late so a broken checkout can be retried."""

    scorer: Any
    article: Callable[..., Any]
    error: type
    version: str
    lexicon_version: str


def load_framing(attempts: int, wait: float) -> Framing:
    """Import framing and build one Scorer, retrying: another engineer may be mid-edit on code or lexicons."""
    for attempt in range(1, attempts + 1):
        try:
            for name in [m for m in sys.modules if m == "framing" or m.startswith("framing.")]:
                del sys.modules[name]
            framing = importlib.import_module("framing")
            scorer = framing.Scorer()
            scorer.score(framing.Article(id="probe", text="Officials said it may rain."), language="en")
            return Framing(scorer, framing.Article, framing.FramingError, framing.__version__,
                           scorer.lexicons.version)
        except Exception as exc:  # noqa: BLE001 - any failure of a half-edited checkout
            if attempt == attempts:
                raise
            print(f"framing not usable ({type(exc).__name__}: {exc}); retrying in {wait:.0f}s "
                  f"({attempt}/{attempts})", file=sys.stderr)
            time.sleep(wait)
    raise AssertionError("unreachable")


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


def evaluate_hedges(fw: Framing, path: Path, show: int) -> Section:
    """Hedge evidence vs Szeged cues, scored one sentence at a time."""
    sentences = load_szeged(path)
    failures, bad = Counter(), Counter()
    predictions = {}
    for sent in sentences:
        if not sent.text:
            failures["empty sentence (not scored)"] += 1
            predictions[sent.id] = []
            continue
        evidence = evidence_of(fw, sent.id, sent.text, failures)
        predictions[sent.id] = spans_of(evidence or [], "hedge", sent.text, bad)

    section = Section("1. Hedge cues — Szeged Uncertainty Corpus, FactBank news (dev)")
    n_sent = len(sentences)
    for gold_types, name in ((EPISTEMIC_TYPES, "epistemic"), (REFERENCE_TYPES, "all five types")):
        log = ErrorLog(f"hedge/{name}", show)
        overlap, exact, sent_t, in_scope = Tally(), Tally(), Tally(), Tally()
        per_type: dict[str, Tally] = defaultdict(Tally)
        per_cat: dict[str, Tally] = defaultdict(Tally)
        for sent in sentences:
            gold = [c for c in sent.cues if c.label in gold_types]
            preds = predictions[sent.id]
            pred_spans = [((p["start"], p["end"]),) for p in preds]
            m = match_spans([c.span for c in gold], pred_spans)
            overlap.add(m.tally)
            exact.add(match_spans([c.span for c in gold], pred_spans, exact=True).tally)
            in_scope.add(match_spans([c.span for c in gold], [s for s, p in zip(pred_spans, preds)
                                                              if p["category"] not in OUT_OF_SCOPE_HEDGES]).tally)
            sent_t.add(binary_tally(bool(gold), bool(preds)))
            for g, p in m.pairs:
                per_type[short_type(gold[g].label)].tp += 1
                per_cat[preds[p]["category"]].tp += 1
                log.record(MATCHED, preds[p]["text"], sent.id, sent.text, (preds[p]["start"], preds[p]["end"]))
            for g in m.missed:
                per_type[short_type(gold[g].label)].fn += 1
                log.record("missed gold cues", gold[g].text, sent.id, sent.text, gold[g].span[0])
            for p in m.spurious:
                per_cat[preds[p]["category"]].fp += 1
                log.record("false-positive hedges", preds[p]["text"], sent.id, sent.text,
                           (preds[p]["start"], preds[p]["end"]))
        n_gold = overlap.n_gold
        section.rows += [
            Row(f"**{name}**: span, overlap", overlap, f"{n_sent} sentences, {n_gold} gold cues"),
            Row(f"{name}: span, exact", exact, f"{n_sent} sentences, {n_gold} gold cues"),
            Row(f"{name}: span, overlap, approximator predictions set aside", in_scope,
                f"{n_sent} sentences, {n_gold} gold cues"),
            Row(f"{name}: sentence has ≥1 cue", sent_t, f"{n_sent} sentences", accuracy=True),
        ]
        section.rows += [Row(f"{name}: recall of type *{t}*", tally, f"{tally.n_gold} gold cues",
                             kind="recall") for t, tally in sorted(per_type.items())]
        if name == "epistemic":
            section.rows += [Row(f"{name}: precision of framing category *{c}*", tally,
                                 f"{tally.n_pred} predictions", kind="precision")
                             for c, tally in sorted(per_cat.items())]
            section.errors = log.error_counts()
        log.dump()
    section.notes += [
        f"Each of the {n_sent} sentences is scored alone (`language=\"en\"`) after collapsing whitespace "
        "runs; gold offsets are mapped to the collapsed text. Predictions are all `hedge` evidence, both "
        "voices, one per distinct span.",
        "The *approximator set aside* rows drop framing's approximator hedges (\"about\", \"nearly\"): "
        "the corpus annotates uncertainty about propositions, not vague quantities.",
        "Gold *epistemic* = types probable, possible, doxastic; *all five types* adds condition and "
        "investigation (reference only: those are not epistemic hedges).",
        "Category rows give, for the epistemic gold, how many hedge predictions of each framing category "
        "overlap a gold cue (TP) out of all predictions of that category (pred); P is their precision.",
        failure_note(failures, n_sent, "sentences"),
    ]
    if bad:
        section.notes.append(f"evidence whose text differs from text[start:end]: {bad['offset mismatch']}")
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
    failures = Counter()
    log = ErrorLog("attribution", show)
    src_log = ErrorLog("source", show)
    cue_o, cue_x, speech_o, outer_o = Tally(), Tally(), Tally(), Tally()
    src_o, src_x, named_o = Tally(), Tally(), Tally()
    fp_nested = fp_quoted = n_pronoun = 0
    per_cat: dict[str, Tally] = defaultdict(Tally)
    non_speech: Counter = Counter()
    n_discontinuous = 0
    for doc in docs:
        evidence = evidence_of(fw, doc.name, doc.text, failures) or []
        preds = spans_of(evidence, "attribution_cue", doc.text, bad)
        pred_spans = [((p["start"], p["end"]),) for p in preds]
        gold_spans = [c.span for c in doc.cues]
        n_discontinuous += sum(len(s) > 1 for s in gold_spans)
        m = match_spans(gold_spans, pred_spans)
        cue_o.add(m.tally)
        cue_x.add(match_spans(gold_spans, pred_spans, exact=True).tally)
        for _, p in m.pairs:
            per_cat[category_of(preds[p])].tp += 1
            log.record(MATCHED, preds[p]["text"], doc.name, doc.text, (preds[p]["start"], preds[p]["end"]))
        contents = [c.span for c in doc.contents]
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
        outer_o.add(match_spans(gold_spans, [s for s, n in zip(pred_spans, nested) if not n]).tally)

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
        Row("**cue**: span, overlap", cue_o, items),
        Row("cue: span, exact", cue_x, items),
        Row("cue, speech only (non-speech gold removed): overlap", speech_o, f"{items}, {n_ns} gold removed"),
        Row("cue, predictions inside a gold Content span set aside: overlap", outer_o, items),
        Row("**source**: span, overlap", src_o, items),
        Row("source: span, exact", src_x, items),
        Row("source, bare-pronoun gold removed: overlap", named_o, f"{items}, {n_pronoun} gold removed"),
    ] + [Row(f"cue: precision of framing *{c}*", t, f"{t.n_pred} predictions", kind="precision")
         for c, t in sorted(per_cat.items())]
    section.notes = [
        f"{n} dev articles; where an article has several annotators ({extra_annotations} extra .ann "
        "files) only the first .ann file in sorted filename order is used. Each article is scored whole "
        "(`language=\"en\"`).",
        f"Gold cues: {cue_o.n_gold} `Cue` T-spans ({n_discontinuous} discontinuous, which could only match "
        "by overlap since framing's spans are contiguous). Gold sources: all `Source` T-spans. "
        "Predictions: `attribution_cue` / `source` evidence, both voices, one per distinct span.",
        f"Non-speech cues (any word in a hand-made list of attitude, belief, intention and perception forms, "
        f"see `NON_SPEECH` in the script): {n_ns} of {cue_o.n_gold} gold cues — "
        + ", ".join(f"{k} {v}" for k, v in non_speech.most_common())
        + ". The speech-only row drops them from gold and drops predictions overlapping them.",
        f"Of the {cue_o.fp} false-positive cues, {fp_nested} overlap a gold Content span (attributions nested "
        f"inside another's content, which PolNeAR's one-label-per-token scheme leaves unannotated) and "
        f"{fp_quoted} are in quoted voice; the *inside Content set aside* row drops such predictions.",
        f"{n_pronoun} gold sources are a bare pronoun (he, she, they, who, ...), which needs coreference; "
        "the pronoun row drops them and predictions overlapping them.",
        failure_note(failures, n, "articles"),
    ]
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
        failure_note(failures, n, "sentences"),
    ]
    if bad:
        section.notes.append(f"evidence whose text differs from text[start:end]: {bad['offset mismatch']}")
    section.errors = log.error_counts()
    log.dump()
    return section


def word_tally(gold: set[str], predicted: set[str]) -> Tally:
    """Set comparison of one sentence's gold and predicted words."""
    return Tally(tp=len(predicted & gold), fp=len(predicted - gold), fn=len(gold - predicted))


def find_word(text: str, word: str) -> tuple[int, int] | None:
    """First whole-word occurrence of a lowercased word, only to show it in context."""
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text.replace("’", "'"), re.IGNORECASE)
    return m.span() if m else None


# --------------------------------------------------------------------------- main

def repo_state() -> str:
    """Short commit id and whether the working tree had local changes, since code moves under us."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "framing", "lexicons"], cwd=REPO_ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in framing/ or lexicons/" if dirty else "")


def report(sections: list[Section], fw: Framing, eval_dir: Path, seconds: float, top: int) -> str:
    """The whole accuracy section of RESULTS.md."""
    try:
        shown = eval_dir.resolve().relative_to(REPO_ROOT.parent)
        shown_dir = f"../{shown}"
    except ValueError:
        shown_dir = str(eval_dir)
    head = [
        "## Accuracy against external annotation",
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
        "2021, Findings of EMNLP).",
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
    ]
    body = report(sections, fw, args.eval, time.monotonic() - started, args.top)
    if args.no_write:
        print(body)
    else:
        update_results(args.results, body)
        print(body)
        print(f"wrote {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
