"""A profile's evidence is stored as plain tuples (which the cyclic collector stops tracking)
and reads as the tuple of ``Evidence`` it was built from."""
from __future__ import annotations

import copy
import dataclasses
import gc
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Article, Scorer
from framing.evidence import Evidence, EvidenceTuple, evidence_dicts

_SCORER = Scorer()
_WORDS = ["The", "minister", "said", "the", "economy", "may", "perhaps", "collapse", "“regime”", "police",
          "reportedly", "tax", "crime", "clearly", "court", "so-called", "“we", "will", "win,”", "critics",
          "claimed."]

_items = st.builds(
    Evidence, st.sampled_from(["hedge", "loaded", "frame"]), st.text(max_size=5), st.text(max_size=8),
    st.integers(0, 99), st.integers(0, 99), st.sampled_from(["quoted", "unquoted"]), st.integers(0, 9),
    category=st.none() | st.text(max_size=4), position=st.none() | st.floats(-1, 1))


@settings(max_examples=60, deadline=None)
@given(st.lists(_items, max_size=6), st.integers(-7, 7), st.integers(-7, 7))
def test_it_reads_as_the_tuple_of_evidence_it_was_built_from(items, i, j):
    plain = tuple(items)
    stored = EvidenceTuple(items)
    assert stored == plain and hash(stored) == hash(plain) and len(stored) == len(plain)
    assert list(stored) == list(plain) and all(type(e) is Evidence for e in stored)
    assert list(reversed(stored)) == list(reversed(plain)) and all(type(e) is Evidence for e in reversed(stored))
    assert stored[i:j] == plain[i:j] and type(stored[i:j]) is EvidenceTuple
    if -len(plain) <= i < len(plain):
        assert stored[i] == plain[i] and type(stored[i]) is Evidence and stored[i] in stored
    assert list(stored + plain) == list(plain + plain) == list(plain + stored)
    assert all(type(e) is Evidence for e in (plain + stored))
    assert evidence_dicts(stored) == evidence_dicts(plain) == [e.to_dict() for e in plain]
    assert pickle.loads(pickle.dumps(stored)) == plain and copy.deepcopy(stored) == plain


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_a_profiles_evidence_is_stored_untracked_once_collected(words):
    profile = _SCORER.score(Article("a", " ".join(words)), language="en")
    assert type(profile.evidence) is EvidenceTuple
    gc.collect()
    assert not any(gc.is_tracked(row) for row in tuple.__iter__(profile.evidence))
    rebuilt = dataclasses.replace(profile, evidence=tuple(profile.evidence))  # as a caller might build it
    assert type(rebuilt.evidence) is EvidenceTuple and rebuilt == profile
