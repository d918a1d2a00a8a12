"""Evidence and hits built on hot paths with ``tuple.__new__`` are whole named tuples."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Article, Scorer
from framing.document import Hit
from framing.evidence import Evidence

_SCORER = Scorer()
_WORDS = ["The", "minister", "said", "the", "economy", "may", "perhaps", "collapse", "“regime”", "police",
          "reportedly", "tax", "crime", "clearly", "court", "health", "“we", "will", "win,”", "critics", "claimed."]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_every_evidence_item_has_every_field(words):
    profile = _SCORER.score(Article("a", " ".join(words)), language="en")
    for item in profile.evidence:
        assert len(item) == len(Evidence._fields)
        assert Evidence(*item) == item and item.to_dict()["text"] == item.text


def test_hits_have_every_field():
    from framing.document import build_document
    from framing.language import identify

    article = Article("a", "The economy may collapse, critics claimed about the tax.")
    tables = _SCORER.tables("en")
    document = build_document(article, identify(article.text, _SCORER.supported, given="en"), tables.matcher,
                              tables.wordlists)
    assert document.hits
    assert all(len(hit) == len(Hit._fields) and Hit(*hit) == hit for hit in document.hits)
