"""2. Attribution cues and sources against PolNeAR cue and source spans (``polnear/dev/``)."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from live_framing import Framing

from .baselines import baseline_headline, baseline_rows, baseline_spans, build_baseline
from .evidence import WORD_RE, evidence_of, failure_note, spans_of
from .metrics import Cue, Tally, match_spans, overlaps
from .sections import MATCHED, ErrorLog, Row, Section

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

# Bare pronoun sources, which need coreference that a lexicon cannot supply.
PRONOUNS = frozenset("i we you he she it they who me us him her them one this that".split())

NON_SPEECH_FORMS = {form: group for group, forms in NON_SPEECH.items() for form in forms.split()}

# The target F1, and the F1 it quotes for the full published list (as for hedges).
ATTRIBUTION_TARGET, REPORT_VERBS_QUOTED = 0.75, 0.35


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
