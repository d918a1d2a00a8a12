"""Work bounded by input size: adversarial shapes that were quadratic or worse finish, and the
structures that made them linear agree with the scans they replaced."""
import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import framing
from framing.extractors.attribution import _by_start, _nearest
from framing.spans import GrowingSpanSet, SpanSet

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_span_set_answers_as_the_scan_it_replaced(taken, start, length):
    end = start + length
    assert SpanSet(taken).overlaps(start, end) == any(a < end and start < b for a, b in taken)


@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_growing_span_set_answers_as_the_scan_it_replaced(candidates, start, length):
    taken, growing = [], GrowingSpanSet()
    for a, b in candidates:  # the way find_dates fills it: only what does not overlap
        if not any(x < b and a < y for x, y in taken):
            taken.append((a, b))
            growing.add(a, b)
    end = start + length
    assert growing.overlaps(start, end) == any(a < end and start < b for a, b in taken)


@given(st.lists(st.integers(0, 50), max_size=20), st.integers(0, 60))
def test_nearest_cue_is_the_one_sorting_chose(cue_starts, offset):
    cues = [(start, f"source{i}") for i, start in enumerate(cue_starts)]
    ranked = sorted(((abs(start - offset), start, source) for start, source in cues), key=lambda t: t[:2])
    expected = ranked[0][2] if ranked else None
    assert _nearest(_by_start(list(cues)), offset) == expected


def _score(text):
    profile = framing.score(text, language="en")
    for e in profile["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"]
    return profile


def test_a_run_on_sentence_of_quotations_and_cues_is_scored():
    # 14 s before attribution found its candidates by bisection (issue 18); quadratic scans
    # of this shape would take minutes at this size.
    profile = _score("\u201cyes,\u201d Smith said " * 4000)
    assert profile["features"]["attribution"]["direct"] == 4000


def test_a_run_on_sentence_of_dashed_quotations_is_scored():
    profile = _score("\u201cyes\u201d \u2014 Smith " * 8000)
    assert profile["features"]["attribution"]["direct"] == 8000


def test_a_run_on_sentence_of_marked_scare_quotes_is_scored():
    # Each quotation looked for its so-called among all the article's markers, and each persuasion cue
    # scanned the whole sentence for a clause break (8,000 of them: 22 s); both now look nearby only.
    profile = _score("the so-called \u201cyes\u201d and \u201cno\u201d and " * 8000)
    assert profile["features"]["scare_quote"]["unquoted"] == 16000


def test_a_run_on_sentence_of_doubted_quotations_is_scored():
    # Each quotation scanned all the article's doubt adverbs, and each persuasion cue counted the
    # words of its whole sentence; both now look nearby only.
    profile = _score("It was supposedly \u201cyes\u201d and " * 8000)
    assert profile["features"]["scare_quote"]["categories"] == {"doubt": 8000}


def test_a_long_run_of_periods_is_one_sentence():
    # The sentence-end pattern was tried from every period of a run (80,000 periods: 74 s).
    text = "Intro x" + "." * 80000 + "y and the end."
    assert framing.score(text, language="en")["sentences"] == 1


def _old_find(matcher, view):
    """The matcher as it was: every candidate kept, then one stable sort (the reference)."""
    folded, n, candidates = view.folded, len(view.folded), []
    for last, (length, _, _, targets) in matcher._automaton.iter(folded):
        start, end = last + 1 - length, last + 1
        if start > 0 and (folded[start].isalnum() or folded[start] == "_") and (
                folded[start - 1].isalnum() or folded[start - 1] == "_"):
            continue
        if end < n and (folded[end - 1].isalnum() or folded[end - 1] == "_") and (
                folded[end].isalnum() or folded[end] == "_"):
            continue
        candidates.extend((start, -end, entry) for _, entry, _ in targets)
    candidates.sort(key=lambda c: c[:2])
    chosen, frontier = [], {}
    for start, negative_end, entry in candidates:
        if start >= frontier.get(entry.family, 0):
            chosen.append((start, -negative_end, entry.id))
            frontier[entry.family] = -negative_end
    return chosen


@given(st.lists(st.tuples(st.lists(st.sampled_from(["a", "b", "ab"]), min_size=1, max_size=4),
                          st.sampled_from(["hedge", "booster"])), min_size=1, max_size=8),
       st.lists(st.sampled_from(["a", "b", "ab", ",", "x"]), max_size=30))
def test_the_matcher_keeps_only_what_leftmost_longest_can_choose(terms, words):
    from framing.lexicon import Entry
    from framing.matcher import Matcher
    from framing.normalize import normalize
    entries = [Entry(f"e{i}", " ".join(t), (" ".join(t),), family, "en", "s", f"{family}/en")
               for i, (t, family) in enumerate(terms)]
    matcher = Matcher(entries)
    view = normalize(" ".join(words))
    assert [(m.start, m.end, m.entry.id) for m in matcher.find(view)] == _old_find(matcher, view)


def test_nested_user_terms_do_not_multiply_memory(tmp_path):
    # 300 nested terms ("perhaps", "perhaps perhaps", ...) over a run of the word once kept a
    # candidate per term per word: 1.26 GB for 20,000 words. Now one per word and family.
    from framing.lexicon import Entry
    from framing.matcher import Matcher
    from framing.normalize import normalize
    entries = [Entry(f"n{k}", " ".join(["perhaps"] * k), (" ".join(["perhaps"] * k),), "hedge", "en", "s",
                     "hedge/en") for k in range(1, 301)]
    found = Matcher(entries).find(normalize("perhaps " * 700))
    assert [m.end - m.start for m in found] == [len(" ".join(["perhaps"] * 300))] * 2 + [len(
        " ".join(["perhaps"] * 100))]


def test_evidence_is_capped_per_family_and_counts_stay_exact():
    from framing.scoring import cap_evidence
    text = "Officials said it was reportedly late. " + "Reportedly, it was reportedly late. " * 6
    full = framing.Scorer().score(framing.article_from_text(text, language="en"))
    capped = cap_evidence(full, limit=3)
    hedges = [e for e in capped.evidence if e.family == "hedge"]
    assert len(hedges) == 3 and hedges == [e for e in full.evidence if e.family == "hedge"][:3]
    assert capped.features == full.features
    (note,) = [n for n in capped.meta["notes"] if "capped" in n]
    left = sum(1 for e in full.evidence if e.family == "hedge") - 3
    assert f"{left:,} hedge" in note and "counts and rates include them" in note
    assert cap_evidence(full, limit=10_000) is full


def _story_profiles(n):
    from .conftest import CORPUS
    seeds = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    scorer = framing.Scorer()
    hedged = " It may perhaps be so, officials probably said." * 8  # half the groups hedge much more
    articles = [framing.article_from_text(seeds[i % len(seeds)][:900] + f" Story {i}." + hedged * (i % 2),
                                          id=f"a{i}", language="en") for i in range(n)]
    profiles = [dict(p.to_dict(), outlet=f"outlet {a.id}")
                for a, p in zip(articles, scorer.score_many(articles, language="en"))]
    return profiles, {a.id: a.text for a in articles}


def test_pairwise_rows_are_bounded_to_the_largest_significant_with_a_count_of_the_rest(monkeypatch):
    compare_module = importlib.import_module("framing.comparison.groups")  # the module behind the function framing.compare
    profiles, texts = _story_profiles(12)
    full = compare_module.compare(profiles, resamples=1000, align=False)
    rows = len(full["pairwise"])
    from framing.families import rated_families
    assert rows == 66 * len(rated_families()) and full["pairwise_omitted"] == {
        "not_significant": 0, "significant": 0}
    monkeypatch.setattr(compare_module, "MAX_PAIRWISE_ROWS", 20)
    bounded = compare_module.compare(profiles, resamples=1000, align=False)
    significant = [r for r in full["pairwise"] if r["significant"]]
    assert all(r["significant"] for r in bounded["pairwise"]) and len(bounded["pairwise"]) == min(20, len(significant))
    assert len(significant) > 20
    sizes = [abs(r["difference"]) for r in bounded["pairwise"]]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] >= sorted((abs(r["difference"]) for r in significant), reverse=True)[len(sizes) - 1]
    omitted = bounded["pairwise_omitted"]
    assert omitted["significant"] + len(bounded["pairwise"]) == len(significant)
    assert omitted["not_significant"] == rows - len(significant)
    assert any("pairwise differences" in note for note in bounded["notes"])
    for row in bounded["pairwise"]:  # the same intervals as the full computation
        (same,) = [r for r in full["pairwise"] if (r["a"], r["b"], r["family"]) == (row["a"], row["b"], row["family"])]
        assert same["ci"] == pytest.approx(row["ci"]) and same["difference"] == row["difference"]
        assert (same["p"], same["q"]) == pytest.approx((row["p"], row["q"]))
