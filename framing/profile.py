"""Aggregate evidence into a profile: plain data, schema ``framing.profile/1``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import QUOTED, UNQUOTED, Document
from .evidence import Evidence

SCHEMA = "framing.profile/1"
# Families whose evidence is counted per voice under ``features``.
COUNTED_FAMILIES = ("naming",)


@dataclass(frozen=True)
class Profile:
    """What framing found in one article, and the evidence for each figure."""

    id: str
    language: str
    language_confidence: float
    language_given: bool
    words: int
    sentences: int
    headline: str
    excluded: tuple[dict[str, Any], ...]
    naming: dict[str, Any]
    features: dict[str, Any]
    evidence: tuple[Evidence, ...]
    lexicon_version: str
    framing_version: str
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; ``evidence`` offsets index the article's original text."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            **self.meta,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "language_given": self.language_given,
            "words": self.words,
            "sentences": self.sentences,
            "headline": self.headline,
            "excluded": list(self.excluded),
            "naming": self.naming,
            "features": self.features,
            "evidence": [e.to_dict() for e in self.evidence],
            "lexicon_version": self.lexicon_version,
            "framing_version": self.framing_version,
        }


def build_profile(document: Document, evidence: list[Evidence], *, lexicon_version: str,
                  framing_version: str) -> Profile:
    """Counts, rates and naming stances from ``evidence`` found in ``document``."""
    article = document.article
    features: dict[str, Any] = {family: _voice_counts(evidence, family, document.words)
                                for family in COUNTED_FAMILIES}
    features["attribution"] = {"quoted_share": quoted_share(document)}
    meta = {key: value for key, value in (("title", article.title), ("outlet", article.outlet),
                                          ("date", article.date), ("url", article.url),
                                          ("source", article.source), ("encoding", article.encoding))
            if value is not None}
    if article.notes:
        meta["notes"] = list(article.notes)
    excluded = tuple(dict(x.to_dict(), text=document.text[x.start:x.end]) for x in document.layout.excluded)
    return Profile(
        id=article.id, language=document.language.code, language_confidence=document.language.confidence,
        language_given=document.language.given, words=document.words,
        sentences=len(document.layout.sentences), headline=document.layout.headline, excluded=excluded,
        naming=naming_summary(evidence), features=features,
        evidence=tuple(sorted(evidence, key=lambda e: (e.start, e.end, e.family))),
        lexicon_version=lexicon_version, framing_version=framing_version, meta=meta)


def _voice_counts(evidence: list[Evidence], family: str, words: int) -> dict[str, Any]:
    unquoted = sum(1 for e in evidence if e.family == family and e.voice == UNQUOTED)
    quoted = sum(1 for e in evidence if e.family == family and e.voice == QUOTED)
    return {"unquoted": unquoted, "quoted": quoted, "per_1000_words": rate_per_1000(unquoted, words)}


def rate_per_1000(count: int, words: int) -> float:
    """``count`` per 1,000 words; 0.0 for an article without words."""
    return 1000.0 * count / words if words else 0.0


def naming_summary(evidence: list[Evidence]) -> dict[str, Any]:
    """Per axis mentioned: counts per variant and voice, and the own-voice stance.

    ``stance`` is the mean position of unquoted mentions and ``None`` when the
    outlet never names the thing itself: no evidence is not neutral.
    """
    axes: dict[str, Any] = {}
    for e in evidence:
        if e.family != "naming" or e.axis is None:
            continue
        axis = axes.setdefault(e.axis, {"stance": None, "mentions": {UNQUOTED: 0, QUOTED: 0},
                                        "variants": {}, "_positions": []})
        variant = axis["variants"].setdefault(e.term or e.entry, {UNQUOTED: 0, QUOTED: 0, "position": e.position})
        variant[e.voice] += 1
        axis["mentions"][e.voice] += 1
        if e.voice == UNQUOTED and e.position is not None:
            axis["_positions"].append(e.position)
    for axis in axes.values():
        positions = axis.pop("_positions")
        axis["stance"] = sum(positions) / len(positions) if positions else None
    return dict(sorted(axes.items()))


def quoted_share(document: Document) -> float:
    """Share of body characters (white space aside) that stand inside quotation marks."""
    text = document.text
    total = sum(end - start - text.count(" ", start, end) for start, end in document.layout.body)
    if not total:
        return 0.0
    inside = sum(q.end - q.start - text.count(" ", q.start, q.end)
                 for q in document.quotations if q.depth == 1)
    return min(1.0, inside / total)
