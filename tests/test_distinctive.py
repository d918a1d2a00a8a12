"""Distinctive words (issue 17): no function words, word forms counted together, a group alone
in its language still shows words, and neither scoring nor stemming imports nltk."""
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.comparison.groups import compare
from framing.comparison.distinctive import function_words, stemmer
from framing.lexicon import load_lexicons
from framing.render.comparison import render

LEXICONS = load_lexicons()
CONTENT = ["ballot", "reform", "pipeline", "senator", "tariff", "drought", "strike", "refinery"]


SCORER = framing.Scorer()


def scored(text, name, outlet, language):
    return dict(SCORER.score(framing.article_from_text(text, id=name), language=language).to_dict(), outlet=outlet)


def run(texts_by_outlet, languages=None):
    profiles, texts = [], {}
    for outlet, texts_of in texts_by_outlet.items():
        for n, text in enumerate(texts_of):
            name = f"{outlet}{n}"
            profiles.append(scored(text, name, outlet, (languages or {}).get(outlet, "en")))
            texts[name] = text
    return compare(profiles, texts=texts, lexicons=LEXICONS, align=False, resamples=20)


@pytest.mark.parametrize("language", ["en", "fr", "nl", "de", "es"])
def test_every_snowball_language_ships_its_function_words(language):
    words = function_words(LEXICONS, language)
    assert len(words) > 100
    assert {"en": "were", "fr": "nous", "nl": "werd", "de": "werden", "es": "estaban"}[language] in words


def test_shipped_function_words_are_what_the_snowball_lists_build():
    sys.path.insert(0, "lexicons/build")
    try:
        import function_words as build
    finally:
        sys.path.remove("lexicons/build")
    assert build.main(["--check"]) == 0


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(sorted(function_words(LEXICONS, "en"))), min_size=10, max_size=40),
       st.lists(st.sampled_from(CONTENT), min_size=4, max_size=12))
def test_no_function_word_is_ever_distinctive(fillers, content):
    a = " ".join(fillers + content[: len(content) // 2]).capitalize() + "."
    b = " ".join(content + fillers[: len(fillers) // 3]).capitalize() + "."
    result = run({"A": [a * 3], "B": [b * 3]})
    stop = function_words(LEXICONS, "en")
    for group in result["groups"].values():
        for word in group["distinctive"]:
            assert word["word"] not in stop and not set(word["forms"]) & stop


def test_forms_of_one_word_count_together():
    a = ("The council votes today. Members voted yesterday. The vote was close. Voting ends soon. " * 4)
    b = ("The harbour opened today. Ships arrived yesterday. The harbour was busy. Cranes worked late. " * 4)
    result = run({"A": [a], "B": [b]})
    (vote,) = [w for w in result["groups"]["A"]["distinctive"] if w["stem"] == stemmer("en")("votes")]
    assert set(vote["forms"]) == {"votes", "voted", "vote", "voting"}
    assert vote["count"] == 16
    assert "the" not in [w["word"] for w in result["groups"]["A"]["distinctive"]]


def test_a_group_alone_in_its_language_lists_its_words():
    english = "The minister probably resigned after the vote in parliament on Monday. " * 6
    dutch = "De minister is waarschijnlijk afgetreden na de stemming in het parlement. De minister zweeg. " * 4
    result = run({"A": [english], "B": [english.replace("minister", "premier")], "NL": [dutch]}, {"NL": "nl"})
    words = result["groups"]["NL"]["distinctive"]
    assert words and words[0]["word"] == "minister" and words[0]["z"] is None
    assert not {"de", "het", "is", "na", "in"} & {w["word"] for w in words}
    assert any("alone in their language" in note for note in result["notes"])
    markdown = render(result, "markdown")
    assert "- NL: minister" in markdown.split("## Distinctive words")[1].split("## Notes")[0]


def test_framing_score_does_not_import_nltk():
    code = "import sys, framing.cli; print('nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "False"


def test_stemming_does_not_import_nltk():
    # nltk's import (all of nltk, scipy.stats with it) took about 7% of a comparison's CPU time.
    code = ("import sys; from framing.comparison.distinctive import stemmer; "
            "print(stemmer('en')('voted'), stemmer('fr')('votes') == stemmer('fr')('vote'), 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.split() == ["vote", "True", "False"]


@pytest.mark.parametrize("language, words", [("en", ("votes", "vote")), ("fr", ("votes", "vote")),
                                             ("de", ("Wahlen", "Wahl"))])
def test_without_pystemmer_nltk_stems_the_forms_together(monkeypatch, language, words):
    # the compiled stemmer is a speed-up, not a requirement: the pure path stems too
    monkeypatch.setitem(sys.modules, "Stemmer", None)
    stem = stemmer.__wrapped__(language)
    assert "nltk" in type(getattr(stem, "__self__", None)).__module__
    assert stem(words[0].lower()) == stem(words[1].lower())


_counts = st.dictionaries(st.sampled_from(["vote", "ballot", "harbour", "ship", "crane", "tariff"]),
                          st.integers(1, 10_000), max_size=6)


@given(_counts, _counts)
def test_a_word_a_group_never_uses_is_never_distinctive_of_it(group, rest):
    # Why distinctive_words scores only a group's own words: under the pooled prior the others score below zero.
    from framing.comparison.stats import log_odds_dirichlet

    background = {w: group.get(w, 0) + rest.get(w, 0) for w in set(group) | set(rest)}
    total = sum(background.values())
    if len(background) < 2:  # distinctive_words sets nothing apart then (and the odds divide by zero)
        return
    prior = {w: float(total) * c / total for w, c in background.items()}
    for word, (_, z) in log_odds_dirichlet(group, rest, prior, float(total)).items():
        if word not in group:
            assert z < 0 if group else z <= 0
