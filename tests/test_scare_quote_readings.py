"""Scare quotes against mentions and quoted speech: the frame around a short quotation decides
whether its marks are the writer's distance (scare_quote), a speaker's words (partial_quote) or
a mention of the expression itself (no evidence). Sentences written for these tests."""
import pytest
from hypothesis import given, settings, strategies as st

import framing


def families(text, language):
    profile = framing.score(text, language=language)
    return {e["text"]: e["family"] for e in profile["evidence"] if e["family"] in ("scare_quote", "partial_quote")}


@pytest.mark.parametrize("text, language, quoted", [
    ("The agency follows a method known as \u201cdemand pooling\u201d in its forecasts.", "en", "\u201cdemand pooling\u201d"),
    ("The council debated the concept of \u201cshared parking\u201d for two hours.", "en", "\u201cshared parking\u201d"),
    ("Inspectors now apply a \u201cnearest pump\u201d standard to every farm.", "en", "\u201cnearest pump\u201d"),
    ("Le conseil a discut\u00e9 de la notion de \u00ab\u00a0ville lente\u00a0\u00bb pendant une heure.", "fr", "\u00ab\u00a0ville lente\u00a0\u00bb"),
    ("De gemeente hanteert het begrip \u2018groene zone\u2019 voor parken.", "nl", "\u2018groene zone\u2019"),
    ("El ayuntamiento usa el t\u00e9rmino \u201czona tranquila\u201d para las plazas.", "es", "\u201czona tranquila\u201d"),
    ("Die Stadt verwendet den Begriff \u201egr\u00fcne Welle\u201c f\u00fcr Ampeln.", "de", "\u201egr\u00fcne Welle\u201c"),
    ("\u062a\u0633\u062a\u062e\u062f\u0645 \u0627\u0644\u0628\u0644\u062f\u064a\u0629 \u0645\u0635\u0637\u0644\u062d \u00ab\u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u062e\u0636\u0631\u0627\u0621\u00bb \u0644\u0644\u062d\u062f\u0627\u0626\u0642.", "ar",
     "\u00ab\u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u062e\u0636\u0631\u0627\u0621\u00bb"),
])
def test_a_mentioned_term_is_no_scare_quote(text, language, quoted):
    assert quoted not in families(text, language)


@pytest.mark.parametrize("text, language, quoted", [
    ("The mayor praised the so-called \u201creform\u201d of the bus lanes.", "en", "\u201creform\u201d"),
    ("Le maire a vant\u00e9 la soi-disant \u00ab r\u00e9forme \u00bb des bus.", "fr", "\u00ab r\u00e9forme \u00bb"),
    ("Der B\u00fcrgermeister lobte die sogenannte \u201eReform\u201c der Busspuren.", "de", "\u201eReform\u201c"),
    ("These \u201cvolunteers\u201d were paid by the hour.", "en", "\u201cvolunteers\u201d"),
])
def test_distancing_stays_a_scare_quote(text, language, quoted):
    assert families(text, language).get(quoted) == "scare_quote"


@pytest.mark.parametrize("text, quoted", [
    ("Her remarks about \u201cthe quiet streets\u201d drew applause.", "\u201cthe quiet streets\u201d"),
    ("The council weighed his \u201cmodest plan\u201d for the harbour.", "\u201cmodest plan\u201d"),
    ("\u201cOpen the gates,\u201d came the shout from the square.", "\u201cOpen the gates,\u201d"),
])
def test_speech_without_a_lexicon_cue_is_a_partial_quote(text, quoted):
    assert families(text, "en").get(quoted) == "partial_quote"


def test_a_list_of_quoted_words_shares_its_frame():
    text = "The filter flagged words such as \u201charbour,\u201d \u201cpier\u201d and \u201cdock.\u201d"
    assert families(text, "en") == {}


_TERM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


@settings(max_examples=25, deadline=None)
@given(first=_TERM, second=_TERM)
def test_a_term_after_known_as_is_never_a_scare_quote(first, second):
    text = f"Planners use a method known as \u201c{first} {second}\u201d in the valley."
    assert not families(text, "en")


@settings(max_examples=25, deadline=None)
@given(word=_TERM)
def test_so_called_always_distances(word):
    text = f"Planners praised the so-called \u201c{word}\u201d in the valley."
    assert families(text, "en").get(f"\u201c{word}\u201d") == "scare_quote"


@pytest.mark.parametrize("text, language", [
    ("Planners embraced \u201cslow streets,\u201d the idea that cars should yield to bicycles.", "en"),
    ("Le maire parle de \u00ab ville lente \u00bb, c'est-\u00e0-dire sans voitures.", "fr"),
    ("Der Plan nennt es \u201eruhige Zone\u201c, das hei\u00dft ohne Autos.", "de"),
])
def test_a_glossed_term_is_a_mention(text, language):
    assert families(text, language) == {}
