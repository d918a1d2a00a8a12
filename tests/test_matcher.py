import pickle
import re

from hypothesis import given, strategies as st

from framing.lexicon import Entry
from framing.matcher import Matcher
from framing.normalize import normalize, normalize_term

TERMS = ["Western Sahara", "occupied Western Sahara", "Sahara", "Moroccan Sahara", "İstanbul", "or so", "a"]


def entry(term, **kw):
    return Entry(normalize_term(term).replace(" ", "_"), term, (normalize_term(term),), "naming", "en", "t", "t", **kw)


ENTRIES = [entry(t) for t in TERMS]


def found(text, entries=ENTRIES):
    view = normalize(text)
    out = []
    for m in Matcher(entries).find(view):
        s, e = view.to_original(m.start, m.end)
        out.append((text[s:e], m.entry.term))
    return out


def test_leftmost_longest_whole_words():
    assert found("The occupied Western Sahara, Western Saharan and Sahara's dunes") == [
        ("occupied Western Sahara", "occupied Western Sahara"), ("Sahara", "Sahara")]


def test_case_insensitive_and_offsets_into_the_original():
    assert found("IN THE MOROCCAN  SAHARA") == [("MOROCCAN  SAHARA", "Moroccan Sahara")]
    assert found("İSTANBUL and istanbul") == [("İSTANBUL", "İstanbul"), ("istanbul", "İstanbul")]


def test_case_sensitive_entries_need_the_same_casing():
    may = Entry("may", "May", ("may",), "hedge", "en", "t", "t", case_sensitive=True, cased_forms=("May",))
    assert found("In May they may", [may]) == [("May", "May")]


def test_matcher_pickles():
    clone = pickle.loads(pickle.dumps(Matcher(ENTRIES)))
    assert [m.entry.id for m in clone.find(normalize("the Western Sahara"))] == ["western_sahara"]


WORDS = st.lists(st.sampled_from(["western", "sahara", "occupied", "moroccan", "or", "so", "a", "x", "saharan",
                                  "Western", ",", "'s", "\n"]), max_size=30)


def reference(text):
    """Leftmost-longest whole-word matching with one regular expression (slow, obviously right)."""
    alternation = "|".join(re.escape(normalize_term(t)) for t in sorted(TERMS, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    folded = normalize(text).folded
    return [m.group() for m in pattern.finditer(folded)]


@given(WORDS)
def test_automaton_agrees_with_a_regex_reference(words):
    text = " ".join(words)
    view = normalize(text)
    ours = [view.folded[m.start:m.end] for m in Matcher(ENTRIES).find(view)]
    assert ours == reference(text)
