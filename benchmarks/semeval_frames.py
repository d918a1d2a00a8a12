"""SemEval-2023 Task 3 articles with their generic frames, read in place from
``../shared/eval/semeval23/<lang>/`` (never copied into the repository), and the
frame evidence framing finds in them: shared by ``fit_frame_rule.py`` and
``accuracy.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

LANGUAGES = ("en", "fr", "de")


@dataclass(frozen=True)
class Labelled:
    """One annotated article: its text and the frames annotators found in it."""

    id: str
    language: str
    text: str
    frames: frozenset[str]


def load_semeval_frames(eval_dir: Path, language: str) -> list[Labelled]:
    """Articles of one language that have a frames line (read with newline='' as the task does)."""
    base = eval_dir / "semeval23" / language
    labels: dict[str, frozenset[str]] = {}
    for line in (base / "frames.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            article_id, _, raw = line.partition("\t")
            labels[article_id] = frozenset(x.strip().lower() for x in raw.split(",") if x.strip())
    out = []
    for path in sorted((base / "articles").glob("*.txt")):
        if path.stem in labels:
            with open(path, encoding="utf-8", newline="") as handle:
                out.append(Labelled(path.stem, language, handle.read(), labels[path.stem]))
    return out


def frame_counts(articles: Sequence[Labelled]) -> tuple[list[dict[str, tuple[int, int]]], list[int]]:
    """Per article: {frame: (unquoted, quoted)} from framing's profile, and body words."""
    from framing.reading import Article
    from framing.scoring import Scorer

    scorer = Scorer()
    counts, words = [], []
    for item in articles:
        profile = scorer.score(Article(item.id, item.text), language=item.language).to_dict()
        counts.append({frame: (v["unquoted"], v["quoted"]) for frame, v in profile["frames"].items()
                       if isinstance(v, dict)})
        words.append(profile["words"])
    return counts, words


def micro_f1(gold: Sequence[frozenset[str]], predicted: Sequence[set[str] | frozenset[str]]) -> dict[str, float]:
    """Micro precision, recall and F1 over (article, frame) pairs: SemEval-2023 subtask 2's measure."""
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": n_pred, "gold": n_gold}
