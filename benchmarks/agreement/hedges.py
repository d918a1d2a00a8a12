"""1. Hedge cues against the Szeged Uncertainty Corpus, news part (``uncertainty/factbank_dev.xml``)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping, NamedTuple, Sequence

from live_framing import Framing

from .baselines import baseline_headline, baseline_rows, baseline_spans, build_baseline
from .evidence import evidence_of, failure_note, spans_of
from .metrics import Cue, Tally, binary_tally, match_spans
from .sections import MATCHED, ErrorLog, Row, Section

# Szeged cue types (the corpus writes them with a stray space/underscore; we strip).
EPISTEMIC_TYPES = ("speculation_modal_probable_", "speculation_modal_possible_",
                   "speculation_hypo_doxastic _")
REFERENCE_TYPES = EPISTEMIC_TYPES + ("speculation_hypo_condition _", "speculation_hypo_investigation _")

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

# The target F1, and the F1 it quotes for the full published list (stem matching on
# these files), shown only as a label next to our baseline.
HEDGE_TARGET, HYLAND_QUOTED = 0.70, 0.31


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
