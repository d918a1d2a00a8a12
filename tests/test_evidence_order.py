"""The hot paths build ``Evidence`` positionally (``evidence.new_tuple``): its field order is
part of their contract, so a change to it must be deliberate and change them too."""
from hypothesis import given, strategies as st

from framing.evidence import Evidence, new_tuple

BUILDERS_ORDER = ("family", "entry", "text", "start", "end", "voice", "sentence", "category", "axis", "position",
                  "lexicon", "term", "speaker", "embedded", "frame", "technique")


def test_evidence_fields_are_in_the_order_the_positional_builders_write():
    assert Evidence._fields == BUILDERS_ORDER


@given(st.tuples(*(st.one_of(st.none(), st.text(max_size=5), st.integers()) for _ in BUILDERS_ORDER)))
def test_a_positionally_built_evidence_equals_one_built_by_keywords(values):
    built = new_tuple(Evidence, values)
    assert type(built) is Evidence
    assert built == Evidence(**dict(zip(BUILDERS_ORDER, values)))
    assert built.to_dict() == Evidence(**dict(zip(BUILDERS_ORDER, values))).to_dict()
