"""Labelled articles for the frame classifier: JSONL records ``{"id", "text", "frames"}``
(``language`` optional) read with every bad line reported and skipped, never silently.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .model import FrameClassifier, check_labels


@dataclass(frozen=True)
class LabelledArticle:
    """One coded article."""

    id: str
    text: str
    frames: tuple[str, ...]
    language: str | None = None


def read_labelled(path: str | Path) -> tuple[list[LabelledArticle], list[str]]:
    """The labelled articles of a JSONL file, and a message per line that was skipped
    (malformed JSON, a record without text or without a ``frames`` list).

    Unknown frame ids and empty label lists are not skipped here: ``train_frames``
    refuses them, since a label the codebook does not know is a mistake to fix, not
    an article to lose.
    """
    articles, skipped = [], []
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            skipped.append(f"{where}: not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            skipped.append(f"{where}: a record must be a JSON object")
            continue
        text, frames = record.get("text"), record.get("frames")
        if not isinstance(text, str) or not text.strip():
            skipped.append(f"{where}: no text")
            continue
        if not isinstance(frames, list) or not all(isinstance(f, str) for f in frames):
            skipped.append(f"{where}: 'frames' must be a list of frame ids")
            continue
        language = record.get("language")
        articles.append(LabelledArticle(str(record.get("id", f"line{number}")), text, tuple(frames),
                                        language if isinstance(language, str) else None))
    return articles, skipped


def train_frames(articles: list[LabelledArticle], *, language: str | None = None,
                 lexicons: tuple[str, ...] = ()) -> FrameClassifier:
    """A ``FrameClassifier`` fitted on ``articles``; bad labels raise ``FrameLabelError``
    naming the article. ``language`` defaults to the records' own when they all agree."""
    if not articles:
        raise InputError("no labelled articles to train on")
    given = {a.language for a in articles}
    if language is None and len(given) == 1:
        language = given.pop()
    check_labels([a.frames for a in articles], len(articles), [a.id for a in articles])
    model = FrameClassifier(language=language, lexicons=lexicons)
    return model.fit([a.text for a in articles], [list(a.frames) for a in articles])
