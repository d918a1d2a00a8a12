"""Too little text to identify is its own outcome, naming how to give the language."""
import pytest
from hypothesis import given, settings, strategies as st

import framing
from framing.errors import LanguageUndeterminedError, UnsupportedLanguageError
from framing.language import MIN_LETTERS, identify

SUPPORTED = frozenset({"ar", "de", "en", "es", "fr", "nl"})
_short = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60).filter(
    lambda t: sum(c.isalpha() for c in t) < MIN_LETTERS)


@given(_short)
def test_fewer_letters_than_the_minimum_are_not_guessed(text):
    with pytest.raises(LanguageUndeterminedError) as caught:
        identify(text, SUPPORTED)
    assert "--language" in str(caught.value) and "language=" in str(caught.value)


@settings(max_examples=20, deadline=None)
@given(_short, st.sampled_from(sorted(SUPPORTED)))
def test_a_given_language_needs_no_minimum(text, code):
    assert identify(text, SUPPORTED, given=code).code == code


@pytest.mark.parametrize("text", ["Kyiv.", "Hi", "Minister resigns."])
def test_short_headlines_ask_for_the_language(text):
    with pytest.raises(LanguageUndeterminedError, match="language="):
        framing.score(text)
    assert framing.score(text, language="en")["language"] == "en"


def test_undetermined_is_a_kind_of_unsupported():
    """Callers who skip unscorable languages skip these too."""
    assert issubclass(LanguageUndeterminedError, UnsupportedLanguageError)


def test_enough_letters_are_identified():
    assert identify("The minister said on Monday that the talks had failed.", SUPPORTED).code == "en"
    assert identify("Le ministre a déclaré lundi que les négociations avaient échoué.", SUPPORTED).code == "fr"


def test_a_jsonl_records_language_is_used_as_given():
    from framing.reading import record_to_article

    article = record_to_article({"id": "r", "text": "Kyiv.", "language": "en"}, "line 1", "x.jsonl")
    profile = framing.Scorer().score(article)
    assert (profile.language, profile.language_given) == ("en", True)
