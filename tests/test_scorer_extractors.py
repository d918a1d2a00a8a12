"""A Scorer can run a subset of the extractors (to measure a family's cost) without touching the registry."""
import pytest

import framing
from framing.extractors import DERIVED_EXTRACTORS, EXTRACTORS

TEXT = ("The minister said on Monday that the so-called reform would probably cost jobs. "
        "\"It is a disaster for families,\" a union leader told reporters in the occupied Western Sahara.")


def test_leaving_out_frames_and_persuasion_keeps_everything_else():
    article = framing.Article("a", TEXT)
    full = framing.Scorer().score(article, language="en")
    names = [n for n in (*EXTRACTORS, *DERIVED_EXTRACTORS) if n not in ("frame", "persuasion")]
    part = framing.Scorer(extractors=names).score(article, language="en")
    assert {e.family for e in part.evidence} <= {e.family for e in full.evidence} - {"frame", "persuasion"}
    assert [e for e in full.evidence if e.family not in ("frame", "persuasion")] == list(part.evidence)
    assert "frame" in EXTRACTORS and "persuasion" in DERIVED_EXTRACTORS  # the registry is untouched


def test_an_unknown_extractor_is_refused():
    with pytest.raises(ValueError, match="unknown extractors"):
        framing.Scorer(extractors=["no such family"])
