"""JSON lines are the same text whether orjson (the extra ``fast``) is installed or not."""
import json

import pytest
from hypothesis import given, strategies as st

from framing import jsonline

# Floats as profiles hold them (rates, shares, confidences, positions); see the module
# docstring for the notation of floats under 1e-4 or from 1e16 up.
_floats = st.floats(min_value=1e-4, max_value=1e15, allow_nan=False) | st.just(0.0) | st.just(-1.0)
_text = st.text(st.characters(blacklist_categories=("Cs",)))
_scalars = st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | _floats | _text
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(_text, inner, max_size=4), max_leaves=20)


@given(_values)
def test_both_paths_write_the_same_line(value):
    line = jsonline.dumps_line(value)
    assert line == jsonline.dumps_line_pure(value)
    assert len(line.splitlines()) == 1  # U+2028, U+2029 and U+0085 escaped too
    assert json.loads(line) == value


def test_without_orjson_the_standard_library_writes_it(monkeypatch):
    monkeypatch.setattr(jsonline, "orjson", None)
    assert jsonline.dumps_line({"a": [1, "é"]}) == '{"a":[1,"é"]}'


@pytest.mark.parametrize("value", [{"n": 2**70}, {"s": "\ud800"}])
def test_what_orjson_refuses_the_standard_library_writes(value):
    assert jsonline.dumps_line(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# Indented JSON (compare and score --format json): the same bytes from both paths, floats of any size.
_any_floats = st.floats(allow_nan=False, allow_infinity=False)
_small_floats = st.floats(min_value=1e-12, max_value=1e-3) | st.floats(min_value=-1e-3, max_value=-1e-12)
_any_scalars = st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | _any_floats | _small_floats | _text
_any_values = st.recursive(_any_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(_text, inner, max_size=4), max_leaves=25)


@given(_any_values)
def test_both_paths_indent_to_the_same_bytes(value):
    text = jsonline.dumps_indented(value)
    assert text == jsonline.dumps_indented_pure(value) == json.dumps(value, ensure_ascii=False, indent=2)
    assert json.loads(text) == value


@given(st.lists(st.sampled_from(["0.00001", "1.5e-7", "x 2e-6", '": 3e-05', "e-5"]), min_size=1, max_size=3),
       _small_floats)
def test_numbers_inside_strings_are_left_as_they_are(strings, number):
    value = {s: [s, number, {s: number}] for s in strings}
    assert jsonline.dumps_indented(value) == jsonline.dumps_indented_pure(value)


@pytest.mark.parametrize("value", [{1: 2}, {"n": 2**70}, {"s": "\ud800"}])
def test_what_orjson_refuses_to_indent_the_standard_library_indents(value):
    assert jsonline.dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_without_orjson_indented_json_is_the_standard_librarys(monkeypatch):
    monkeypatch.setattr(jsonline, "orjson", None)
    assert jsonline.dumps_indented({"a": [1e-05, "é"]}) == '{\n  "a": [\n    1e-05,\n    "é"\n  ]\n}'
