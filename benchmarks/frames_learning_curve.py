"""How much more coded articles would help the frame classifier: a learning curve.

``FrameClassifier`` and the balanced TF-IDF baseline, cross-validated with 2, 3, 5 and
10 folds per language on the SemEval-2023 development articles (read in place from
``../shared/eval/semeval23``), so each model is trained on 50%, 67%, 80% and 90% of
them. A curve still rising at 90% says more articles of the same kind would help; a
flat one says the representation, not the amount of data, limits the model. The
held-back part is scored with a model trained on all development articles, one step
beyond the last point. Writes the ``frames-learning-curve`` section of
``benchmarks/RESULTS.md``.

Reproduce with ``.venv/bin/python benchmarks/frames_learning_curve.py`` from the repository root.
"""
from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path
from typing import Sequence

from places import command, put_checkout_first
from results import publish_eval_section
from run_facts import repo_state, today

put_checkout_first()
from frames_accuracy import TARGETS, classifier, cross_validated, tfidf_lr  # noqa: E402
from semeval_frames import LANGUAGES, load_semeval_frames, micro_f1  # noqa: E402

COMMAND = command("frames_learning_curve.py")
FOLDS = (2, 3, 5, 10)


def curve_section(eval_dir: Path) -> str:
    started = time.monotonic()
    import framing

    predictors = {"FrameClassifier (defaults)": classifier(),
                  "TF-IDF + logistic regression, balanced classes": partial(tfidf_lr, class_weight="balanced")}
    lines = ["## Frame classifier learning curve (SemEval-2023 Task 3, subtask 2)", "",
             "| language | articles | model | " + " | ".join(f"{k}-fold (train {1 - 1 / k:.0%})" for k in FOLDS)
             + " | target |",
             "|---|---|---|" + "---|" * (len(FOLDS) + 1)]
    for language in LANGUAGES:
        articles = load_semeval_frames(eval_dir, language)
        gold = [a.frames for a in articles]
        for name, predictor in predictors.items():
            scores = [micro_f1(gold, cross_validated(articles, predictor, folds=k))["f1"] for k in FOLDS]
            print(f"{language} {name}: " + ", ".join(f"{s:.3f}" for s in scores), file=sys.stderr)
            target = f"{TARGETS['classifier'][language]:.2f}" if name.startswith("FrameClassifier") else ""
            lines.append(f"| {language} | {len(articles)} | {name} | " + " | ".join(f"{s:.3f}" for s in scores)
                         + f" | {target} |")
    lines[2:2] = [
        f"- command: `{COMMAND}`",
        f"- date: {today()}; framing {framing.__version__}; commit {repo_state()}; "
        f"run time {time.monotonic() - started:.0f} s",
        "- micro-F1 over (article, frame) pairs, `KFold(k, shuffle=True, random_state=0)` per language; "
        "the classifier's defaults throughout (chosen by 5-fold CV, see the frames-accuracy section).",
        "",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    return publish_eval_section(__doc__, "frames-learning-curve", curve_section, argv)


if __name__ == "__main__":
    sys.exit(main())
