"""The ``frames`` section of a profile: per generic frame, how often the article cues it
in its own voice and in quoted voice, its rate and share, and whether it is present.

``present`` follows a rule fitted on annotated articles (``benchmarks/fit_frame_rule.py``
writes ``rule.json`` beside this module): a frame is present when its evidence in
both voices reaches the rule's minimum count, its rate per 1,000 words (both voices)
reaches the minimum rate, and its share of the article's frame evidence (both voices)
reaches the minimum share. Quoted voice counts here because annotators judge what the
article is about, whoever speaks; ``share`` in the output is own-voice, as for every
other family, and ``present`` never holds without evidence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..document import UNQUOTED
from ..errors import FramingError
from ..evidence import Evidence
from ..rates import rate_per_1000
from .ids import FRAME_FAMILY, FRAME_IDS

RULE_PATH = Path(__file__).with_name("rule.json")


@dataclass(frozen=True)
class Threshold:
    """Minimums a frame's evidence (both voices) must reach to be present; count at least 1."""

    min_count: int = 1
    min_rate: float = 0.0
    min_share: float = 0.0

    def holds(self, count: int, rate: float, share: float) -> bool:
        return count >= max(1, self.min_count) and rate >= self.min_rate and share >= self.min_share


@dataclass(frozen=True)
class PresentRule:
    """Thresholds per frame, optionally per language (``by_language``), else ``default``."""

    default: Mapping[str, Threshold]
    by_language: Mapping[str, Mapping[str, Threshold]]

    def for_language(self, language: str | None) -> Mapping[str, Threshold]:
        return self.by_language.get(language or "", self.default)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "PresentRule":
        """The rule from its JSON form; an unknown frame id or a missing frame is an error."""
        def table(raw: Mapping[str, Any], where: str) -> dict[str, Threshold]:
            unknown = set(raw) - set(FRAME_IDS)
            if unknown or len(raw) != len(FRAME_IDS):
                raise FramingError(f"frame rule {where}: unknown frames {sorted(unknown)} or missing ones "
                                   f"{sorted(set(FRAME_IDS) - set(raw))}")
            return {frame: Threshold(int(raw[frame].get("min_count", 1)), float(raw[frame].get("min_rate", 0.0)),
                                     float(raw[frame].get("min_share", 0.0))) for frame in FRAME_IDS}
        return cls(table(data["default"], "default"),
                   {language: table(raw, language) for language, raw in data.get("by_language", {}).items()})


@lru_cache(maxsize=1)
def shipped_rule() -> PresentRule:
    """The rule fitted on the development data and shipped with framing."""
    return PresentRule.from_dict(json.loads(RULE_PATH.read_text(encoding="utf-8")))


def frame_summary(evidence: Iterable[Evidence], words: int, rule: PresentRule | None = None, *,
                  language: str | None = None) -> dict[str, Any]:
    """The profile's ``frames`` section: per frame id ``unquoted``, ``quoted``, ``per_1000_words``
    (own voice; null under ``rates.MIN_RATE_WORDS`` body words, like every rate), ``share`` (of own-voice
    frame evidence), ``present`` (the rule), and ``primary_frame``: the frame with the most
    own-voice evidence (then the most in both voices; ties by codebook order), or None
    when the article cues no frame at all.

    >>> section = frame_summary([], 100)
    >>> section["primary_frame"], section["economic"]["present"]
    (None, False)
    """
    thresholds = (rule or shipped_rule()).for_language(language)
    own = dict.fromkeys(FRAME_IDS, 0)
    quoted = dict.fromkeys(FRAME_IDS, 0)
    for e in evidence:
        if e.family == FRAME_FAMILY and e.frame in own:
            (own if e.voice == UNQUOTED else quoted)[e.frame] += 1
    own_total = sum(own.values())
    all_total = own_total + sum(quoted.values())
    section: dict[str, Any] = {}
    for frame in FRAME_IDS:
        both = own[frame] + quoted[frame]
        section[frame] = {
            "unquoted": own[frame], "quoted": quoted[frame],
            "per_1000_words": rate_per_1000(own[frame], words),
            "share": own[frame] / own_total if own_total else 0.0,
            # A frame without evidence is absent whatever its thresholds (``holds`` needs a count
            # of at least 1): most frames of most articles, so their thresholds are not consulted.
            "present": both > 0 and thresholds[frame].holds(both, 1000.0 * both / words if words else 0.0,
                                                            both / all_total if all_total else 0.0),
        }
    # Frames ranked by own-voice evidence, then both voices, then codebook order: the first.
    ranking = [(-own[frame], -(own[frame] + quoted[frame]), i) for i, frame in enumerate(FRAME_IDS)]
    section["primary_frame"] = FRAME_IDS[min(ranking)[2]] if all_total else None
    return section
