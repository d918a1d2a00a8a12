"""Stories, claims between outlets, quantities and false discovery control: properties and own cases."""
import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import framing
from framing.comparison.groups import compare
from framing.lexicon import load_lexicons
from framing.comparison.quantities import find_quantities, link_words, parse_number, scale_table
from framing.comparison.stats import benjamini_hochberg, bootstrap_p_value
from framing.comparison.stories import MAX_DAYS, group_stories, publication_day


def story_features(names):
    return {("name", n): 2 for n in names} | {("word", n + "ing"): 1 for n in names}


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(6)))
def test_stories_do_not_depend_on_input_order(order):
    features = [story_features(["akin", "missouri"]), story_features(["akin", "missouri", "senate"]),
                story_features(["braley", "iowa"]), story_features(["braley", "iowa", "farmers"]),
                story_features(["petraeus", "broadwell"]), story_features(["petraeus", "broadwell", "cia"])]
    ids = [f"a{i}" for i in range(6)]
    stories = group_stories([ids[i] for i in order], [features[i] for i in order], [None] * 6)
    assert sorted(s.articles for s in stories) == [("a0", "a1"), ("a2", "a3"), ("a4", "a5")]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 40))
def test_articles_further_apart_than_max_days_never_share_a_story(gap):
    features = [story_features(["akin", "missouri"])] * 2
    days = [dt.date(2012, 8, 20), dt.date(2012, 8, 20) + dt.timedelta(days=gap)]
    stories = group_stories(["a", "b"], features, days)
    assert (len(stories) == 1) == (gap <= MAX_DAYS)


def test_articles_sharing_nothing_rare_stay_apart():
    features = [{("word", "said"): 3, ("name", f"x{i}"): 1} for i in range(5)]
    assert len(group_stories([str(i) for i in range(5)], features, [None] * 5)) == 5


def test_publication_day_reads_iso_dates_and_refuses_the_rest():
    assert publication_day("2013-01-18T09:30:00Z") == dt.date(2013, 1, 18)
    assert publication_day("18 January 2013") is None and publication_day("2013-02-30") is None


@pytest.mark.parametrize("text, language, value, unit", [
    ("It cost $2.5 billion.", "en", 2.5e9, "USD"),
    ("soit 2,5 milliards d'euros", "fr", 2.5e9, "euros"),
    ("30.000 Menschen", "de", 30000.0, "menschen"),
    ("3 mil millones de dólares", "es", 3e9, "dólares"),
    ("1.234,5 km", "nl", 1234.5, "km"),
    ("up 4.5% on the year", "en", 4.5, "%"),
])
def test_quantities_keep_decimals_scale_and_unit(text, language, value, unit):
    lexicons = load_lexicons()
    (q,) = [q for q in find_quantities(text, language, scale_table(lexicons, language), link_words(lexicons, language))
            if not q.year_like]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@settings(max_examples=100)
@given(st.integers(0, 10**9), st.integers(0, 99))
def test_numbers_written_either_way_parse_to_one_value(whole, cents):
    english = f"{whole:,}.{cents:02d}"
    german = english.replace(",", " ").replace(".", ",").replace(" ", ".")
    assert parse_number(english, "en") == parse_number(german, "de") == pytest.approx(whole + cents / 100)


@settings(max_examples=100)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_q_values_bound_p_values_and_keep_their_order(p_values):
    q = benjamini_hochberg(p_values)
    assert all(pi <= qi + 1e-12 <= 1 + 1e-12 for pi, qi in zip(p_values, q))
    order = np.argsort(p_values, kind="stable")
    assert all(q[order[i]] <= q[order[i + 1]] + 1e-12 for i in range(len(order) - 1))


def test_bootstrap_p_value_is_small_only_away_from_zero():
    rng = np.random.default_rng(0)
    assert bootstrap_p_value(rng.normal(5, 1, 1000)) < 0.01
    assert bootstrap_p_value(rng.normal(0, 1, 1000)) > 0.2


def own_story(outlet, sentence_two, id_):
    text = ("Senator Hal Verrity resigned on 3 March 2021 after the Larkspur inquiry. " + sentence_two
            + " The Larkspur inquiry found 1,200 unpaid invoices.")
    return text, dict(framing.score(text, language="en", id=id_, title=f"Verrity {id_}"), outlet=outlet,
                      date="2021-03-04")


def test_claims_join_only_different_outlets_of_one_story_and_rank_framing_differences_first():
    articles = [own_story("Ledger", "The senator said that the Larkspur inquiry was unfair to Verrity.", "l1"),
                own_story("Ledger", "The senator said that the Larkspur inquiry was unfair to Verrity.", "l2"),
                own_story("Courier", "The senator probably thought the Larkspur inquiry was a witch hunt against "
                                     "Verrity.", "c1")]
    text_o = "Flooding closed the Dunmore bridge on 9 June 2020, and 40 homes lost power."
    profiles = [p for _, p in articles] + [dict(framing.score(text_o, language="en", id="o1"), outlet="Ledger",
                                                 date="2020-06-10")]
    texts = {p["id"]: t for (t, p) in articles} | {"o1": text_o}
    result = compare(profiles, texts=texts, lexicons=framing.Scorer().lexicons, resamples=50)
    story_of = {a: s["id"] for s in result["stories"] for a in s["articles"]}
    assert story_of["l1"] == story_of["l2"] == story_of["c1"] != story_of["o1"]
    assert result["alignments"]
    for pair in result["alignments"]:
        assert pair["a"]["outlet"] != pair["b"]["outlet"]
        assert story_of[pair["a"]["id"]] == story_of[pair["b"]["id"]] == pair["story"]
    ranks = [(p["identical"], -len(p["differences"])) for p in result["alignments"]]
    assert ranks == sorted(ranks)
    assert result["alignments"][0]["differences"] and result["alignments"][-1]["identical"]


def test_number_divergence_compares_like_with_like():
    a_text = "The Larkspur inquiry found 1,200 unpaid invoices worth $2.5 billion, officials said."
    b_text = "The Larkspur inquiry found 1,300 unpaid invoices worth $2.5 billion, officials said."
    a = dict(framing.score(a_text, language="en", id="a"), outlet="A")
    b = dict(framing.score(b_text, language="en", id="b"), outlet="B")
    result = compare([a, b], texts={"a": a_text, "b": b_text}, lexicons=framing.Scorer().lexicons, resamples=50)
    numbers = [d for d in result["divergences"] if d["kind"] == "number"]
    assert [(d["values"], d["unit"]) for d in numbers] == [([["1200"], ["1300"]], "unpaid")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="ab cdé.,'\u2019\n1", max_size=40), min_size=1, max_size=6))
def test_own_tfidf_equals_scikit_learn(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.comparison.align import tfidf_matrix

    ours = tfidf_matrix(texts)
    try:
        theirs = TfidfVectorizer(lowercase=True, sublinear_tf=True).fit_transform(texts)
    except ValueError:  # scikit-learn refuses a corpus without a single token
        assert ours.nnz == 0
        return
    assert np.allclose((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray())


def test_comparing_slim_profiles_gives_the_same_comparison():
    from framing.comparison.groups import slim

    texts = {"a": "Senator Hal Verrity probably resigned on 3 March 2021. The Larkspur inquiry found 1,200 invoices.",
             "b": "Senator Hal Verrity resigned on 3 March 2021, officials said. The inquiry found 1,300 invoices."}
    profiles = [dict(framing.score(t, language="en", id=i), outlet=i.upper()) for i, t in texts.items()]
    lexicons = load_lexicons()
    assert (compare([slim(p) for p in profiles], texts=texts, resamples=50, lexicons=lexicons)
            == compare(profiles, texts=texts, resamples=50, lexicons=lexicons))


def test_grouping_by_a_field_no_article_has_names_the_fields_there_are(tmp_path):
    from framing.cli import main

    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "Officials met on Monday. They said little.", "outlet": "Ledger"}\n',
                    encoding="utf-8")
    assert main(["compare", str(path), "--by", "publisher", "--format", "csv", "--quiet", "-o",
                 str(tmp_path / "out.csv")]) == 2
    with pytest.raises(ValueError, match="'publisher'.*outlet"):
        compare([dict(framing.score("Officials met.", language="en", id="a"), outlet="Ledger")], by="publisher")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(["akin", "braley", "iowa", "missouri", "cia", "senate", "vote"]),
                                   min_size=1, max_size=4),
                          st.one_of(st.none(), st.integers(0, 30))), min_size=2, max_size=9))
def test_leaving_out_pairs_dated_too_far_apart_for_one_story_changes_no_story(articles):
    from framing.comparison.stories import FeatureTable, THRESHOLD, _average_linkage, candidate_pairs

    table = FeatureTable.of(story_features(names) for names, _ in articles)
    days = [None if day is None else dt.date(2012, 8, 1) + dt.timedelta(days=day) for _, day in articles]
    languages = ["en"] * len(articles)
    anchors, words, both, df = table.matrices(len(articles))
    every = candidate_pairs(both, df, anchors, words, languages)
    near = candidate_pairs(both, df, anchors, words, languages, days=days)
    assert set(near) <= set(every)
    assert (_average_linkage(languages, near, days, THRESHOLD, MAX_DAYS)
            == _average_linkage(languages, every, days, THRESHOLD, MAX_DAYS))


SENTENCE_WORDS = ["Belmokhtar", "said", "the", "January", "18,", "2013", "$2.5", "billion", "\u201cwe", "will\u201d",
                  "'no", "deal'", "correspondence", "Algeria's", "30", "soldiers", "May", "on", "In", "Amenas"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SENTENCE_WORDS), min_size=1, max_size=12), min_size=1, max_size=5))
def test_story_sentences_carry_the_story_anchors_of_the_full_sentences(sentences):
    from framing.comparison.align import sentences_of, story_sentences
    from framing.comparison.claims import SentenceReader
    from framing.comparison.stories import STORY_ANCHORS, article_features

    text, spans = "", []
    for words in sentences:
        sentence = " ".join(words) + "."
        spans.append([len(text), len(text) + len(sentence), len(words)])
        text += sentence + " "
    profile = {"id": "a", "language": "en", "sentence_spans": spans}
    tables = SentenceReader(load_lexicons())._tables("en")
    full = sentences_of(profile, text, *tables)
    light = story_sentences(profile, text, *tables, known={})
    assert [s.text for s in light] == [s.text for s in full]
    assert [s.anchors for s in light] == [frozenset(a for a in s.anchors if a[0] in STORY_ANCHORS) for s in full]
    assert article_features(light) == article_features(full)
    assert sentences_of(profile, text, *tables, known={}) == full
