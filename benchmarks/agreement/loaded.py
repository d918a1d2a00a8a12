"""3. Loaded words against BABE ``biased_words`` and Biased/Non-biased labels (``babe/babe_dev.csv``)."""
from __future__ import annotations

import ast
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from live_framing import Framing

from .baselines import Baseline, baseline_headline, baseline_rows, baseline_spans, build_baseline
from .evidence import WORD_RE, evidence_of, failure_note, spans_of
from .metrics import Tally, binary_tally
from .sections import MATCHED, ErrorLog, Row, Section

# The target F1, and the F1 it quotes for the full published list (as for hedges).
LOADED_TARGET, BIAS_LEXICON_QUOTED = 0.35, 0.06


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
