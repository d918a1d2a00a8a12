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
