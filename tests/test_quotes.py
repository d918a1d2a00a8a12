import pytest
from hypothesis import given, strategies as st

from framing.quotes import find_quotations, is_quoted, quoted_intervals


def texts(source):
    return [q.text for q in find_quotations(source)]


@pytest.mark.parametrize("source, expected", [
    ("Algeria \u2018Encouraged\u2019 Terror Attacks", ["\u2018Encouraged\u2019"]),
    ("Clinton\u2019s aide cites \u201ca very sensitive source\u201d close to the DGSE.", ["\u201ca very sensitive source\u201d"]),
    ("MBM\u2019s group and Menas Associates\u2019 publication", []),
    ("a supposed \u00abconnivance\u00bb between", ["\u00abconnivance\u00bb"]),
    ("de terreurgroep 'Signed in Blood' of 'Al Mulathamun' leidt, regio's", ["'Signed in Blood'", "'Al Mulathamun'"]),
    ("citeert \"een zeer gevoelige bron\" dicht", ['"een zeer gevoelige bron"']),
    ("Er sagte: \u201eDas ist neu\u201c und ging.", ["\u201eDas ist neu\u201c"]),
    ("the \u201990s were calm", []),
    ("rock 'n' roll", []),
])
def test_marks_and_apostrophes(source, expected):
    assert texts(source) == expected


def test_nested_single_quotations():
    source = "It adds: \u2018to destroy the group \u2018Signatories blood\u2019, sending a message.\u2019 Then"
    found = find_quotations(source)
    assert [(q.depth, q.text) for q in found] == [
        (1, "\u2018to destroy the group \u2018Signatories blood\u2019, sending a message.\u2019"),
        (2, "\u2018Signatories blood\u2019"),
    ]


def test_unclosed_double_mark_runs_to_the_end_of_its_paragraph():
    source = "Intro.\n\u201cAccording to sources with access to the Aig,eriab the bott.62 is to des?\nNext paragraph."
    (quote,) = find_quotations(source)
    assert not quote.closed
    assert quote.text.endswith("is to des?")
    assert not is_quoted(quoted_intervals([quote]), source.index("Next"), source.index("Next") + 4)


def test_unclosed_single_mark_is_dropped():
    assert texts("He said \u2018maybe and never closed it.") == []


def test_deep_nesting_is_bounded():
    source = "\u201c" * 10000 + "x" + "\u201d" * 10000
    found = find_quotations(source)
    assert found and max(q.depth for q in found) <= 16


MARKS = st.text(st.sampled_from(list("ab '\"\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb.\n")), max_size=120)


@given(MARKS)
def test_quotations_are_well_nested_and_stay_within_lines(source):
    found = find_quotations(source)
    for q in found:
        assert 0 <= q.start < q.end <= len(source)
        assert source[q.start:q.end] == q.text
        assert "\n" not in q.text
    outer = [q for q in found if q.depth == 1]
    for a, b in zip(outer, outer[1:]):
        assert a.end <= b.start
    for q in found:
        if q.depth > 1:
            assert any(o.start <= q.start and q.end <= o.end for o in found if o.depth == q.depth - 1)
