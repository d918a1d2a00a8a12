import unicodedata

from hypothesis import given, strategies as st

from framing.normalize import fold_case, normalize, normalize_term

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
# Text rich in the characters the normaliser rewrites.
TRICKY = st.text(st.sampled_from(list("ab İ\u0301\u0308e\n\t  \u200b\u00ad\u2019\u201c\u201d«»'\"ﬁΣς\u00a0\r")), max_size=80)


@given(st.one_of(TEXT, TRICKY))
def test_folded_has_the_length_of_the_view(text):
    view = normalize(text)
    assert len(view.folded) == len(view.text)


@given(st.one_of(TEXT, TRICKY), st.data())
def test_every_normalised_span_maps_inside_the_original(text, data):
    view = normalize(text)
    n = len(view.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = view.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(text)
    if start < end:
        assert o_start < o_end


@given(st.one_of(TEXT, TRICKY))
def test_mapping_is_monotonic(text):
    view = normalize(text)
    starts = [view.to_original(i, i + 1)[0] for i in range(len(view.text))]
    assert starts == sorted(starts)


@given(st.text(st.characters(min_codepoint=0x61, max_codepoint=0x7a), max_size=50))
def test_plain_text_is_left_as_it_is(text):
    view = normalize(text)
    assert view.text == text
    assert view.to_original(0, len(text)) == (0, len(text))


def test_quotes_spaces_and_composition_are_unified():
    original = "Cafe\u0301 \u201cMorocco\u2019s\u200b   southern\nregions\u201d"
    view = normalize(original)
    assert view.text == 'Café "Morocco\'s southern regions"'
    start = view.folded.index("southern regions")
    o_start, o_end = view.to_original(start, start + len("southern regions"))
    assert original[o_start:o_end] == "southern\nregions"


def test_case_folding_never_changes_length():
    assert fold_case("İSTANBUL") == "istanbul"
    assert normalize_term("  Morocco\u2019s  Southern   Regions ") == "morocco's southern regions"
    assert unicodedata.is_normalized("NFC", normalize("e\u0301").text)
