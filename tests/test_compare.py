"""Comparison across outlets: statistics, alignment against the gold pairs, reports."""
import json
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import framing
from framing.comparison.align import find_dates
from framing.comparison.groups import compare
from framing.render.comparison import render
from framing.comparison.stats import ArticleCounts, bootstrap_rates, interval, log_odds_dirichlet, pooled_rates, z_scores


GOLD_PAIRS = {(5, 3), (7, 5), (11, 7), (13, 11), (15, 13), (17, 17), (19, 17), (23, 19), (27, 21)}


@pytest.fixture(scope="module")
def story():
    articles = framing.corpus.load("belmokhtar-2013")
    scorer = framing.Scorer()
    profiles = [scorer.score(a).to_dict() for a in articles]
    texts = {a.id: a.text for a in articles}
    return profiles, texts, compare(profiles, texts=texts, lexicons=scorer.lexicons, resamples=300)


def test_corpus_manifest_gives_outlets_honestly():
    outlets = {a.id[:3]: a.outlet for a in framing.corpus.load("belmokhtar-2013")}
    assert outlets["000"] == "The Moroccan Times" and outlets["004"] == "Menas Associates"
    assert outlets["001"] == "unknown"
    assert framing.corpus.manifest("belmokhtar-2013")["article"][3]["relations"][0]["id"].startswith("001")


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def test_alignment_recovers_the_gold_pairs_of_001_and_003(story):
    _, texts, result = story
    found = set()
    for pair in result["alignments"]:
        ids = {pair["a"]["id"][:3]: pair["a"], pair["b"]["id"][:3]: pair["b"]}
        if set(ids) == {"001", "003"}:
            a, b = ids["001"], ids["003"]
            found.add((line_of(texts[a["id"]], a["start"]), line_of(texts[b["id"]], b["start"])))
    assert len(found & GOLD_PAIRS) >= 8
    assert len(found - GOLD_PAIRS) <= 3


def test_alignment_offsets_index_each_original_text(story):
    _, texts, result = story
    for pair in result["alignments"]:
        for side in ("a", "b"):
            s = pair[side]
            assert texts[s["id"]][s["start"]:s["end"]] == s["text"]


def test_comparison_shape_and_honest_naming(story):
    _, _, result = story
    assert result["schema"] == "framing.comparison/1"
    menas = result["groups"]["Menas Associates"]
    assert menas["naming"]["western_sahara"]["stance"] is None
    assert set(menas["features"]["hedge"]) == {"rate", "ci", "z", "rank"}
    ranking = result["naming_ranking"]["western_sahara"]
    assert ranking["ranked"] == [{"group": "The Moroccan Times", "stance": 1.0}]
    assert all("fewer than" in r["reason"] for r in ranking["not_ranked"])
    for d in result["pairwise"]:
        assert d["significant"] == (d["q"] < 0.05) and d["q"] >= d["p"]


def test_most_hedged_is_002(story):
    _, _, result = story
    rates = {name: g["features"]["hedge"]["rate"] for name, g in result["groups"].items()}
    assert max(rates, key=rates.get).endswith("002_42f1f956cbfaf4de.txt")


@pytest.mark.parametrize("text, months, expected", [
    ("on January 18, 2013,", {"january": 1}, ["2013-01-18"]),
    ("op 18 januari 2013 door", {"januari": 1}, ["2013-01-18"]),
    ("le 17 janvier 2013", {"janvier": 1}, ["2013-01-17"]),
    ("el 18 de enero de 2013", {"enero": 1}, ["2013-01-18"]),
    ("am 18. Januar 2013", {"januar": 1}, ["2013-01-18"]),
    ("Published on 2016 March 19, Saturday", {"march": 3}, ["2016-03-19"]),
    ("in April 2012", {"april": 4}, ["2012-04"]),
])
def test_dates_are_normalised_across_languages(text, months, expected):
    assert [d for _, _, d in find_dates(text, months)] == expected


def test_email_date_divergence_is_found_when_claims_align():
    a = framing.score("The email, sent by Sidney Blumenthal on January 18, 2013, cites a source.", language="en", id="a")
    b = framing.score("The email from Sidney Blumenthal, sent on 17 January 2013, cites a source.", language="en", id="b")
    texts = {"a": "The email, sent by Sidney Blumenthal on January 18, 2013, cites a source.",
             "b": "The email from Sidney Blumenthal, sent on 17 January 2013, cites a source."}
    result = compare([dict(a, outlet="A"), dict(b, outlet="B")], texts=texts, lexicons=framing.Scorer().lexicons, resamples=100)
    (divergence,) = [d for d in result["divergences"] if d["kind"] == "date"]
    assert divergence["values"] == [["2013-01-18"], ["2013-01-17"]]


def counts(rows):
    return ArticleCounts(np.array(rows, dtype=float)[:, :-1], np.array(rows, dtype=float)[:, -1])


def test_bootstrap_is_seeded_and_brackets_the_pooled_rate():
    articles = [counts([[1, 0, 20], [0, 1, 15], [2, 0, 30]]), counts([[0, 0, 25], [1, 1, 10]])]
    a = bootstrap_rates(articles, resamples=500, seed=3)
    b = bootstrap_rates(articles, resamples=500, seed=3)
    assert np.array_equal(a, b)
    rate = pooled_rates(articles)
    for column in range(2):
        low, high = interval(a[:, column])
        assert low <= rate[column] <= high


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 40)), min_size=1, max_size=8),
                min_size=1, max_size=5))
def test_bootstrap_rates_are_finite_and_non_negative(articles):
    data = [counts([[c, w] for c, w in sentences]) for sentences in articles]
    samples = bootstrap_rates(data, resamples=50, seed=0)
    assert np.isfinite(samples).all() and (samples >= 0).all()


def test_z_scores_and_log_odds():
    z = z_scores([1.0, 2.0, 3.0])
    assert z[1] == 0 and z[0] == -z[2]
    assert z_scores([2.0, 2.0]) == [None, None]
    scores = log_odds_dirichlet({"regime": 8, "the": 40}, {"government": 8, "the": 40},
                                {"regime": 0.8, "government": 0.8, "the": 8.0}, 9.6)
    assert scores["regime"][1] > 0 > scores["government"][1]
    assert abs(scores["the"][1]) < 0.5


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html"])
def test_every_report_format_renders(story, fmt):
    _, _, result = story
    output = render(result, fmt)
    assert "Menas Associates" in output
    if fmt == "json":
        assert json.loads(output)["schema"] == "framing.comparison/1"


HOSTILE = ("<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
           "<a href='javascript:alert(2)'>x</a>")


def hostile_comparison():
    text = f"{HOSTILE}\n\nThe email, sent by Sidney Blumenthal on January 18, 2013, probably cites a source."
    other = "The email from Sidney Blumenthal, sent on 17 January 2013, cites a source in the Moroccan Sahara."
    a = framing.score(text, language="en", id=f"a{HOSTILE}", title=HOSTILE)
    b = framing.score(other, language="en", id="b")
    return compare([dict(a, outlet=HOSTILE), dict(b, outlet="B")],
                   texts={a["id"]: text, "b": other}, lexicons=framing.Scorer().lexicons, resamples=100)


def test_html_escapes_hostile_text_and_loads_nothing():
    page = render(hostile_comparison(), "html")
    assert "<script>" not in page and "<img" not in page and "href='javascript" not in page
    assert "&lt;script&gt;" in page
    assert "default-src 'none'" in page
    # Nothing to fetch: no src/href/url() pointing anywhere (SVG xmlns are names, not loads).
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:|//)|url\(\s*[\"']?(?:https?:|//)", page)


def test_claim_alignment_needs_the_lexicons_it_reads_dates_with():
    import framing

    a = framing.score("Officials met on January 18, 2013.", language="en", id="a")
    with pytest.raises(ValueError, match="lexicons="):
        framing.compare([a], texts={"a": "Officials met on January 18, 2013."})
    assert framing.compare([a], texts={"a": "Officials met on January 18, 2013."}, align=False, resamples=20)


def test_articles_too_short_for_a_rate_are_set_aside_and_said_to_be():
    from framing.profile import MIN_RATE_WORDS

    long_text = " ".join(["Officials probably met in the capital on Monday."] * 12)
    profiles = [dict(framing.score(long_text, language="en", id="long"), outlet="A"),
                dict(framing.score("Allegedly.", language="en", id="tiny-a"), outlet="A"),
                dict(framing.score("Reportedly, they met.", language="en", id="tiny-b"), outlet="B")]
    assert profiles[1]["features"]["hedge"]["per_1000_words"] is None
    result = compare(profiles, resamples=50)
    a, b = result["groups"]["A"], result["groups"]["B"]
    assert (a["articles_in_rates"], b["articles_in_rates"]) == (1, 0)
    assert a["features"]["hedge"]["rate"] == 1000.0 * 12 / profiles[0]["words"]
    assert b["features"]["hedge"]["rate"] is None and not result["pairwise"]
    assert any(f"2 article(s) under {MIN_RATE_WORDS} body words" in note for note in result["notes"])
    for fmt in ("markdown", "html", "csv"):
        assert render(result, fmt)


def test_frame_shares_are_compared_and_shown_with_their_cue_words():
    economy = " ".join(["The budget deficit and taxes weighed on the economy, the minister said."] * 6)
    security = " ".join(["Troops and police guarded the border after the terrorist attack, officials said."] * 6)
    profiles = [dict(framing.score(economy, language="en", id=f"e{i}"), outlet="Ledger") for i in range(3)]
    profiles += [dict(framing.score(security, language="en", id=f"s{i}"), outlet="Sentinel") for i in range(3)]
    result = compare(profiles, resamples=200)
    ledger, sentinel = result["groups"]["Ledger"]["frames"], result["groups"]["Sentinel"]["frames"]
    assert ledger["primary_frame"] == "economic" and sentinel["primary_frame"] == "security_and_defense"
    assert ledger["frames"]["economic"]["cues"] and ledger["frames"]["economic"]["share"] > 0.5
    tests = result["frame_pairwise"]
    assert {row["frame"] for row in tests} == set(ledger["frames"]) and all("q" in row for row in tests)
    assert any(row["frame"] == "economic" and row["significant"] for row in tests)
    html_page, markdown = render(result, "html"), render(result, "markdown")
    assert "id='frames'" in html_page and "the cue words behind its frame shares" in html_page
    assert "## Generic frames" in markdown and "| economic |" in markdown


def test_one_article_groups_have_frame_intervals_from_their_sentences():
    text = " ".join(["The budget deficit and taxes weighed on the economy.",
                     "Troops guarded the border after the attack.", "The court ruled the law unconstitutional."] * 4)
    profiles = [dict(framing.score(text, language="en", id="a"), outlet="A"),
                dict(framing.score(text.replace("Troops", "Police"), language="en", id="b"), outlet="B")]
    result = compare(profiles, resamples=200)
    frames = result["groups"]["A"]["frames"]["frames"]
    assert any(f["ci"][0] < f["share"] < f["ci"][1] for f in frames.values())  # not one article's certainty
    assert all(len(row["ci"]) == 2 for row in result["frame_pairwise"])


def test_the_comparison_is_the_same_whatever_the_hash_seed(tmp_path):
    """Claim scores sum anchor weights; summed in set order they differed in the last digit
    from one process to the next (Python salts string hashes per process)."""
    import os
    import subprocess
    import sys

    from .conftest import CORPUS

    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"comparison-{seed}.json"
        subprocess.run([sys.executable, "-m", "framing.cli", "compare", str(CORPUS), "--format", "json",
                        "--resamples", "50", "-o", str(target)], check=True, capture_output=True,
                       env=dict(os.environ, PYTHONHASHSEED=seed), timeout=120)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
