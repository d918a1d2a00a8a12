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


# The pure path (form_trie) against the automaton: same Match tuples, same order.
import functools  # noqa: E402

import pytest  # noqa: E402

from framing import matcher as matcher_module  # noqa: E402
from framing.form_trie import FormTrie  # noqa: E402

needs_automaton = pytest.mark.skipif(matcher_module.ahocorasick is None, reason="pyahocorasick not installed")


@functools.cache
def _shipped_pair():
    """Both matchers over the shipped entries of a few languages (German and Spanish forms
    include suffixes such as '-propaganda' and openers such as '¿'), built once."""
    from framing.lexicon import load_lexicons
    from framing.wordlists import WORDLIST_FAMILIES
    entries = [e for e in load_lexicons().entries
               if e.language in {"en", "de", "es", "ar"} and e.family not in WORDLIST_FAMILIES]
    forms = sorted({form for e in entries for form in e.forms})
    return Matcher(entries), Matcher(entries, pure=True), forms


# A piece of text: a shipped form (by index, cased three ways), a made-up word, or punctuation;
# then nothing (so forms run into words, as suffixes do) or a space.
PIECES = st.lists(st.tuples(
    st.one_of(st.tuples(st.integers(min_value=0), st.sampled_from([str.lower, str.upper, str.title])),
              st.text(alphabet="abcdeéßüñ_0", min_size=1, max_size=6),
              st.sampled_from([" ", ",", ".", "-", "'", "\u2019", "\n", "¿", "\u064b", "(", ")", "«", "İ"])),
    st.sampled_from(["", " ", " "])), max_size=25)


@needs_automaton
@given(PIECES)
def test_the_pure_trie_finds_what_the_automaton_finds(pieces):
    automaton, pure, forms = _shipped_pair()
    text = "".join((piece if isinstance(piece, str) else piece[1](forms[piece[0] % len(forms)])) + sep
                   for piece, sep in pieces)
    view = normalize(text)
    assert pure.find(view) == automaton.find(view)


def test_the_pure_trie_starts_inside_words_only_for_forms_that_open_on_punctuation():
    suffix = Entry("sfx", "-propaganda", ("-propaganda",), "loaded", "de", "t", "t")
    word = Entry("prop", "propaganda", ("propaganda",), "loaded", "de", "t", "t")
    found = Matcher([suffix, word], pure=True).find(normalize("Wahl-Propaganda und Propaganda, Kriegspropaganda"))
    assert [(m.start, m.end, m.entry.id) for m in found] == [(4, 15, "sfx"), (20, 30, "prop")]


def test_the_pure_matcher_pickles_and_stays_pure():
    clone = pickle.loads(pickle.dumps(Matcher(ENTRIES, pure=True)))
    assert isinstance(clone._automaton, FormTrie)
    assert [m.entry.id for m in clone.find(normalize("the Western Sahara"))] == ["western_sahara"]
    assert isinstance(pickle.loads(pickle.dumps(clone._automaton)), FormTrie)


ARTICLE = ("Officials said on Monday that the so-called reforms were, perhaps, a disaster. "
           "\u201cWe will never accept this,\u201d the minister told reporters, according to a statement. "
           "Critics claimed the regime's propaganda had clearly failed and the occupied territories suffered. "
           "It may be that the talks resume in May, sources suggested.")


def test_without_pyahocorasick_an_article_scores_the_same(monkeypatch):
    from framing import Article, Scorer
    from framing.lexicon import load_lexicons
    lexicons = load_lexicons()
    expected = Scorer(lexicons).score(Article("a", ARTICLE), language="en").to_dict()
    monkeypatch.setattr(matcher_module, "ahocorasick", None)  # as when ``import ahocorasick`` fails
    scorer = Scorer(lexicons)
    assert isinstance(scorer.tables("en").matcher._automaton, FormTrie)
    assert scorer.score(Article("a", ARTICLE), language="en").to_dict() == expected
