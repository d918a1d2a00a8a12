"""German compound rule of the loaded family: heads, modifiers and the exceptions that veto them."""
from __future__ import annotations

from hypothesis import given, strategies as st

from framing.extractors.loaded import _MIN_PART, _exceptions, _head, _modifier

LETTERS = st.text(alphabet="abcdefghiklmnoprstuwz", min_size=_MIN_PART, max_size=10)
HEADS = ("hetze", "lüge", "ismus")


@given(LETTERS, st.sampled_from(HEADS))
def test_a_word_ending_in_a_head_after_enough_letters_is_its_compound(first, head):
    assert _head(first + head, HEADS) == f"-{head}"


@given(LETTERS)
def test_a_longer_exception_ending_vetoes_the_head(first):
    endings, beginnings = _exceptions(frozenset({"-flüge", "anti-"}))
    assert _head(first + "flüge", HEADS, endings, beginnings) is None
    assert _head(first + "slüge", HEADS, endings, beginnings) == "-lüge"


@given(st.sampled_from(HEADS), LETTERS)
def test_an_exception_beginning_vetoes_only_when_the_head_follows_it_directly(head, middle):
    endings, beginnings = _exceptions(frozenset({"anti-"}))
    assert _head("anti" + head, HEADS, endings, beginnings) is None
    assert _head("anti-" + head, HEADS, endings, beginnings) is None
    assert _head("anti" + middle + head, HEADS, endings, beginnings) == f"-{head}"


@given(LETTERS)
def test_a_longer_exception_beginning_vetoes_a_modifier(rest):
    endings, beginnings = _exceptions(frozenset({"pseudonym-"}))
    assert _modifier("pseudo" + rest, ("pseudo",), beginnings) == "pseudo-"
    assert _modifier("pseudonym" + rest, ("pseudo",), beginnings) is None


@given(LETTERS, st.sampled_from(["", "e", "en", "er", "es", "em"]))
def test_an_exception_ending_covers_its_inflected_forms(first, inflection):
    endings, beginnings = _exceptions(frozenset({"-statistisch"}))
    heads = ("istisch", "istische", "istischen", "istischer", "istisches", "istischem")
    assert _head(first + "statistisch" + inflection, heads, endings, beginnings) is None
    assert _head(first + "putinistisch" + inflection, heads, endings, beginnings) == f"-istisch{inflection}"
