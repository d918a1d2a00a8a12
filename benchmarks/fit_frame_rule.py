"""Fit the ``present`` rule of the frames profile section on annotated articles, by
cross-validation, and write it to ``framing/frames/rule.json``.

A frame is present when its evidence in both voices reaches a minimum count, a minimum
rate per 1,000 words and a minimum share of the article's frame evidence
(``framing.frames.profile``). Three families of rule are compared by 5-fold
cross-validation over the English, French and German development articles pooled
(folds stratified by language), on micro-F1 over (article, frame) pairs:

- ``shared``: one threshold triple for every frame;
- ``per_frame``: a triple per frame;
- ``per_language``: a triple per frame and language (the pooled per-frame rule
  stays the default for languages without annotated data).

Thresholds are chosen from a fixed grid by coordinate ascent on micro-F1 over the
training folds; the family that cross-validates best is refitted on all the articles
and written out with the command, the date and the cross-validated figures. Nothing is
set by hand.

Reproduce with ``.venv/bin/python benchmarks/fit_frame_rule.py`` from the repository root.
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

from options import add_eval_option, benchmark_parser
from places import command, put_checkout_first
from run_facts import today

put_checkout_first()
from framing.frames.ids import FRAME_IDS  # noqa: E402
from framing.frames.profile import RULE_PATH  # noqa: E402
from semeval_frames import LANGUAGES, frame_counts, load_semeval_frames  # noqa: E402

COMMAND = command("fit_frame_rule.py")
COUNTS = (1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20)
RATES = (0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 11.0, 15.0, 20.0)
SHARES = (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3)
GRID = np.array(list(itertools.product(COUNTS, RATES, SHARES)), dtype=float)
FAMILIES = ("shared", "per_frame", "per_language")
FOLDS, PASSES, SEED = 5, 3, 0


class Data:
    """Per article and frame: count and rate (both voices), share of frame evidence, gold label."""

    def __init__(self, count: np.ndarray, words: np.ndarray, gold: np.ndarray, language: np.ndarray):
        self.count, self.gold, self.language = count, gold, language
        self.rate = 1000.0 * count / np.maximum(words, 1)[:, None]
        total = count.sum(axis=1, keepdims=True)
        self.share = np.where(total > 0, count / np.maximum(total, 1), 0.0)

    def subset(self, rows: np.ndarray) -> "Data":
        new = object.__new__(Data)
        for name in ("count", "gold", "language", "rate", "share"):
            setattr(new, name, getattr(self, name)[rows])
        return new

    def decisions(self, frame: int) -> np.ndarray:
        """Present-or-not for every grid point (rows) and article (columns) for one frame."""
        c, r, s = self.count[:, frame], self.rate[:, frame], self.share[:, frame]
        return ((c[None, :] >= GRID[:, :1]) & (r[None, :] >= GRID[:, 1:2]) & (s[None, :] >= GRID[:, 2:3]))


def f1(tp: float, n_pred: float, n_gold: float) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def fit_per_frame(data: Data) -> np.ndarray:
    """Grid index per frame maximising micro-F1 over all frames, by coordinate ascent."""
    per_frame = [data.decisions(k) for k in range(len(FRAME_IDS))]
    tp = [(d & data.gold[:, k][None, :]).sum(axis=1) for k, d in enumerate(per_frame)]
    npred = [d.sum(axis=1) for d in per_frame]
    n_gold = data.gold.sum()
    chosen = np.zeros(len(FRAME_IDS), dtype=int)
    for _ in range(PASSES):
        for k in range(len(FRAME_IDS)):
            rest_tp = sum(tp[j][chosen[j]] for j in range(len(FRAME_IDS)) if j != k)
            rest_pred = sum(npred[j][chosen[j]] for j in range(len(FRAME_IDS)) if j != k)
            scores = 2 * (rest_tp + tp[k]) / np.maximum(rest_pred + npred[k] + n_gold, 1)
            chosen[k] = int(np.argmax(scores))
    return chosen


def fit_shared(data: Data) -> np.ndarray:
    """One grid index for every frame, maximising micro-F1."""
    tp = sum((data.decisions(k) & data.gold[:, k][None, :]).sum(axis=1) for k in range(len(FRAME_IDS)))
    npred = sum(data.decisions(k).sum(axis=1) for k in range(len(FRAME_IDS)))
    scores = 2 * tp / np.maximum(npred + data.gold.sum(), 1)
    return np.full(len(FRAME_IDS), int(np.argmax(scores)))


def fit(family: str, data: Data) -> dict[str, np.ndarray]:
    """Grid indexes per frame: under ``default`` and, for ``per_language``, per language."""
    if family == "shared":
        return {"default": fit_shared(data)}
    rule = {"default": fit_per_frame(data)}
    if family == "per_language":
        for language in LANGUAGES:
            rows = np.flatnonzero(data.language == language)
            rule[language] = fit_per_frame(data.subset(rows))
    return rule


def predict(rule: dict[str, np.ndarray], data: Data) -> np.ndarray:
    out = np.zeros_like(data.gold)
    for row in range(len(data.gold)):
        chosen = rule.get(str(data.language[row]), rule["default"])
        for k in range(len(FRAME_IDS)):
            c, r, s = GRID[chosen[k]]
            out[row, k] = data.count[row, k] >= c and data.rate[row, k] >= r and data.share[row, k] >= s
    return out


def folds(language: np.ndarray) -> list[np.ndarray]:
    """Fold number per article, stratified by language, seeded."""
    rng = np.random.default_rng(SEED)
    fold = np.zeros(len(language), dtype=int)
    for lang in LANGUAGES:
        rows = rng.permutation(np.flatnonzero(language == lang))
        fold[rows] = np.arange(len(rows)) % FOLDS
    return fold


def scores(gold: np.ndarray, pred: np.ndarray, language: np.ndarray) -> dict[str, float]:
    out = {}
    for lang in (*LANGUAGES, "all"):
        rows = slice(None) if lang == "all" else language == lang
        g, p = gold[rows], pred[rows]
        out[lang] = round(float(f1((g & p).sum(), p.sum(), g.sum())), 4)
    return out


def majority_baseline(train: Data, test: Data) -> np.ndarray:
    """Every frame that at least 40% of the training articles of the language use."""
    out = np.zeros_like(test.gold)
    for lang in LANGUAGES:
        rows = train.language == lang
        common = train.gold[rows].mean(axis=0) >= 0.4
        out[test.language == lang] = common
    return out


def as_json(rule: dict[str, np.ndarray]) -> dict[str, dict[str, dict[str, float]]]:
    def table(chosen: np.ndarray) -> dict[str, dict[str, float]]:
        return {frame: {"min_count": int(GRID[i][0]), "min_rate": float(GRID[i][1]), "min_share": float(GRID[i][2])}
                for frame, i in zip(FRAME_IDS, chosen)}
    return {"default": table(rule["default"]),
            "by_language": {lang: table(chosen) for lang, chosen in rule.items() if lang != "default"}}


def load(eval_dir: Path) -> Data:
    count_rows, words_all, gold_rows, languages = [], [], [], []
    for language in LANGUAGES:
        articles = load_semeval_frames(eval_dir, language)
        counts, words = frame_counts(articles)
        for item, per_frame, n in zip(articles, counts, words):
            count_rows.append([sum(per_frame[f]) for f in FRAME_IDS])
            words_all.append(n)
            gold_rows.append([f in item.frames for f in FRAME_IDS])
            languages.append(language)
    return Data(np.array(count_rows, dtype=float), np.array(words_all, dtype=float),
                np.array(gold_rows, dtype=bool), np.array(languages))


def main(argv: Sequence[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    add_eval_option(parser)
    parser.add_argument("-o", "--output", type=Path, default=RULE_PATH)
    args = parser.parse_args(argv)
    data = load(args.eval)
    fold = folds(data.language)
    cv: dict[str, dict[str, float]] = {}
    for family in (*FAMILIES, "baseline_40pct"):
        pred = np.zeros_like(data.gold)
        for k in range(FOLDS):
            train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            if family == "baseline_40pct":
                pred[test] = majority_baseline(data.subset(train), data.subset(test))
            else:
                pred[test] = predict(fit(family, data.subset(train)), data.subset(test))
        cv[family] = scores(data.gold, pred, data.language)
        print(f"{family:>15}: 5-fold CV micro-F1 {cv[family]}", file=sys.stderr)
    best = max(FAMILIES, key=lambda fam: cv[fam]["all"])
    rule = fit(best, data)
    out = {"fitted": {"command": COMMAND, "date": today(), "family": best,
                      "articles": {lang: int((data.language == lang).sum()) for lang in LANGUAGES},
                      "cross_validated_micro_f1": cv,
                      "note": "SemEval-2023 Task 3 development articles (en, fr, de); rule documented in "
                              "framing/frames/profile.py"},
           **as_json(rule)}
    args.output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"chose {best}; wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
