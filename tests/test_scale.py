"""Comparing many articles in bounded memory gives the same comparison as holding them all."""
import json

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import framing
from framing.comparison.claims import SpilledArticles
from framing.comparison.counts import PackedCounts
from framing.comparison.groups import Comparer, article_counts, compare, rate_cells, slim
from framing.comparison.stats import ArticleCounts, bootstrap_rates
from framing.store import ProfileStore, store_key

articles_strategy = st.lists(
    st.lists(st.tuples(st.integers(1, 40), st.lists(st.integers(0, 2), min_size=3, max_size=3)), max_size=6),
    min_size=1, max_size=12)


def as_counts(articles):
    return [ArticleCounts(np.array([c for _, c in sentences], dtype=float).reshape(len(sentences), 3),
                          np.array([w for w, _ in sentences], dtype=float)) for articles_ in [articles]
            for sentences in articles_]


@settings(max_examples=30, deadline=None)
@given(articles_strategy, st.integers(1, 40), st.integers(0, 3), st.sampled_from([1, 700, 5_000]))
def test_bootstrap_in_chunks_draws_the_same_samples_as_at_once(articles, resamples, seed, memory):
    data = as_counts(articles)
    at_once = bootstrap_rates(data, resamples=resamples, seed=seed)
    assert np.array_equal(bootstrap_rates(data, resamples=resamples, seed=seed, memory=memory), at_once)



@pytest.mark.parametrize("memory", [3_200, 6_000])
def test_a_group_of_many_chunks_draws_the_same_samples_with_its_draws_in_memory_or_on_disk(memory):
    # 30 articles of 4 columns at 50 resamples: chunks of 2 (draws on disk) or 3 articles (in memory).
    rng = np.random.default_rng(7)
    data = [ArticleCounts(rng.integers(0, 3, size=(n, 3)).astype(float), rng.integers(1, 30, size=n).astype(float))
            for n in rng.integers(0, 9, size=30)]
    at_once = bootstrap_rates(data, resamples=50, seed=(1, 2))
    assert np.array_equal(bootstrap_rates(data, resamples=50, seed=(1, 2), memory=memory), at_once)


@settings(max_examples=30, deadline=None)
@given(articles_strategy)
def test_packed_counts_unpack_to_the_dense_counts(articles):
    packed = PackedCounts(3)
    for sentences in articles:
        cells = [(row, column) for row, (_, counts) in enumerate(sentences)
                 for column, n in enumerate(counts) for _ in range(n)]
        packed.append([w for w, _ in sentences], cells)
    assert len(packed) == len(articles)
    for unpacked, dense in zip(packed, as_counts(articles)):
        assert np.array_equal(unpacked.counts.reshape(dense.counts.shape), dense.counts)
        assert np.array_equal(unpacked.words, dense.words)


TEXTS = {
    "a": "The council may perhaps approve the budget on March 3, 2021. Officials said the plan cost $2.5 million. "
         "Critics called it reckless and the mayor probably agreed. " * 3,
    "b": "The council approved the budget on March 4, 2021. The plan cost $2.5 million, officials said. "
         "The mayor defended the vote. " * 3,
    "c": "A storm hit the coast. Residents fled inland, police said. Roads were closed for hours. " * 3,
}
OUTLETS = {"a": "Ledger", "b": "Courier", "c": "Ledger"}


@pytest.fixture(scope="module")
def scored():
    scorer = framing.Scorer()
    profiles = [dict(scorer.score(framing.article_from_text(text, id=i, language="en")).to_dict(),
                     outlet=OUTLETS[i], date="2021-03-04") for i, text in TEXTS.items()]
    return scorer, profiles


def test_a_comparison_streamed_with_profiles_on_disk_equals_compare(scored):
    scorer, profiles = scored
    expected = compare(profiles, texts=TEXTS, lexicons=scorer.lexicons, resamples=40)
    streamed = Comparer(lexicons=scorer.lexicons, resamples=40, texts=True, kept=SpilledArticles())
    for profile in profiles:
        streamed.add(slim(profile), TEXTS[profile["id"]])
    assert json.loads(json.dumps(streamed.result())) == json.loads(json.dumps(expected))
    assert expected["alignments"]  # the claims were aligned, not only the statistics


def test_rate_cells_are_the_article_counts(scored):
    _, profiles = scored
    for profile in profiles:
        words, cells = rate_cells(profile)
        packed = PackedCounts(article_counts(profile).counts.shape[1])
        packed.append(words, cells)
        assert np.array_equal(packed[0].counts, article_counts(profile).counts)


def test_a_lazy_store_selection_reads_what_an_eager_one_does(tmp_path, scored):
    _, profiles = scored
    path = tmp_path / "p.sqlite"
    with ProfileStore(path) as store:
        for source, profile in (("x", profiles[0]), ("y", profiles[0]), ("x", profiles[1])):
            article = framing.Article(profile["id"], TEXTS[profile["id"]], source=source)
            store.put(store_key(article, lexicon_version="v", framing_version="f", options={}), article,
                      dict(profile, source=source, lexicon_version="v"))
    with ProfileStore(path, readonly=True) as store:
        eager = store.for_comparison("v")
        lazy = store.for_comparison("v", lazy=True)
        assert not isinstance(lazy.items, list) and lazy.size == eager.size == 3
        assert list(lazy.items) == eager.items
        assert lazy.shared_ids == {profiles[0]["id"]: 2}
    from framing.cli import stored_articles
    ids = [p["id"] for p, _ in stored_articles(eager)[0]]
    assert ids == [f"{profiles[0]['id']} (x)", f"{profiles[0]['id']} (y)", profiles[1]["id"]]
    assert any("2 articles share an id" in note for note in stored_articles(eager)[1])
