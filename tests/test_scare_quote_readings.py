"""Scare quotes against mentions, quoted speech and quoted terms: the frame around a short
quotation decides whether its marks are the writer's distance (scare_quote, only with a cue of
it), a speaker's words (partial_quote), a mention of the expression itself or a term quoted with
no cue (no evidence). Sentences written for these tests."""
import pytest
from hypothesis import given, settings, strategies as st

import framing


def families(text, language):
    profile = framing.score(text, language=language)
    return {e["text"]: e["family"] for e in profile["evidence"] if e["family"] in ("scare_quote", "partial_quote")}


def cues(text, language="en"):
    profile = framing.score(text, language=language)
    return {e["text"]: e["category"] for e in profile["evidence"] if e["family"] == "scare_quote"}


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
    ("These \u201cvolunteers\u201d were hardly \u201cvolunteers\u201d at all.", "en", "\u201cvolunteers\u201d"),
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


@pytest.mark.parametrize("text, language, quoted, cue", [
    ("The ferry company, however, \u201cabandoned\u201d the island in winter.", "en", "\u201cabandoned\u201d", "verb"),
    ("The board would never truly \u201cclose\u201d the pier.", "en", "\u201cclose\u201d", "verb"),
    ("The board wouldn\u2019t truly \u201cclose\u201d the pier.", "en", "\u201cclose\u201d", "verb"),
    ("De veerdienst \u201cverhuisde\u201d in de winter naar het vasteland.", "nl", "\u201cverhuisde\u201d", "verb"),
    ("Die F\u00e4hre \u201everlegte\u201c im Winter den Hafen.", "de", "\u201everlegte\u201c", "verb"),
    ("La compa\u00f1\u00eda \u201cabandon\u00f3\u201d la isla en invierno.", "es", "\u201cabandon\u00f3\u201d", "verb"),
    ("The plan was hardly a \u201csolution\u201d for the harbour.", "en", "\u201csolution\u201d", "irony"),
    ("The plan offers a \u201csolution\u201d, so to speak, for the harbour.", "en", "\u201csolution\u201d", "irony"),
    ("Der Plan ist alles andere als eine \u201eL\u00f6sung\u201c f\u00fcr den Hafen.", "de", "\u201eL\u00f6sung\u201c", "irony"),
    ("El plan es, entre comillas, una \u201csoluci\u00f3n\u201d para el puerto.", "es", "\u201csoluci\u00f3n\u201d", "irony"),
    ("The firm supposedly gave every tenant a \u201cfree upgrade\u201d last year.", "en", "\u201cfree upgrade\u201d", "doubt"),
    ("The harbour \u201cregime\u201d closed the pier at dawn.", "en", "\u201cregime\u201d", "label"),
])
def test_a_cue_of_distance_makes_a_scare_quote(text, language, quoted, cue):
    assert cues(text, language).get(quoted) == cue


@pytest.mark.parametrize("text", [
    "The \u201cheroic\u201d effort of the ferry crew ended at dawn.",
    "The depot runs a \u201cclosed\u201d shift on weekdays.",
])
def test_an_evaluative_word_or_an_adjective_alone_is_no_scare_quote(text):
    assert not cues(text)


@pytest.mark.parametrize("text", [
    "Lawmakers extended the \u201charbour levy\u201d for another month.",
    "The grants carry a \u201cclawback\u201d when jobs move away.",
    "The depot is to become \u201ccarbon neutral\u201d by the end of the decade.",
])
def test_a_term_quoted_with_no_cue_is_no_evidence(text):
    assert families(text, "en") == {}


@pytest.mark.parametrize("text, quoted", [
    ("Critics rejected his claim that the plan was a \u201cbargain\u201d for workers.", "\u201cbargain\u201d"),
    ("She called the plan \u201ctimid,\u201d \u201cslow\u201d and \u201ca waste of everyone's time and money.\u201d",
     "\u201cslow\u201d"),
    ("The mayor spoke to reporters on Monday. She wants a \u201cfair deal\u201d for the harbour.", "\u201cfair deal\u201d"),
    ("Harbour plan is \u2018timid\u2019\n\nThe plan goes to the council on Monday.", "\u2018timid\u2019"),
])
def test_a_speakers_words_are_a_partial_quote(text, quoted):
    assert families(text, "en").get(quoted) == "partial_quote"


def test_a_headline_shares_the_reading_of_the_same_words_in_the_body():
    text = "Harbour Board \u2018Approved\u2019 the Levy\n\nThe board \u201capproved\u201d the levy in a closed session."
    found = cues(text)
    assert found.get("\u2018Approved\u2019") == found.get("\u201capproved\u201d") == "verb"


_NONWORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=9)


@settings(max_examples=25, deadline=None)
@given(first=_NONWORD, second=_NONWORD)
def test_a_bare_quoted_coinage_is_never_a_scare_quote(first, second):
    text = f"The depot now runs a \u201c{first} {second}\u201d on weekdays."
    assert not families(text, "en")


@settings(max_examples=25, deadline=None)
@given(word=_NONWORD)
def test_a_verb_after_a_modal_distances(word):
    text = f"The depot would \u201c{word}\u201d on weekdays."
    assert cues(text).get(f"\u201c{word}\u201d") == "verb"


def test_a_self_description_quotes_the_referent():
    text = "A self-described \u201charbour rat,\u201d the new mayor grew up on the docks."
    assert families(text, "en") == {"\u201charbour rat,\u201d": "partial_quote"}


@pytest.mark.parametrize("text, language", [
    ("Only registered members vote in so-called \u201cclosed\u201d ballots of the club.", "en"),
    ("Die Stadt plant eine sogenannte \u201egr\u00fcne\u201c Welle f\u00fcr Radfahrer.", "de"),
])
def test_so_called_before_a_quoted_modifier_names_a_kind(text, language):
    assert families(text, language) == {}


@settings(max_examples=25, deadline=None)
@given(word=_NONWORD, head=_NONWORD)
def test_a_modifier_after_so_called_is_never_a_scare_quote(word, head):
    text = f"The depot runs so-called \u201c{word}\u201d {head}s on weekdays."
    assert not cues(text)


def test_a_modal_before_the_subject_of_a_question_makes_no_verb():
    assert not cues("What did the \u201cupgrade\u201d cost the tenants?")
    assert not cues("What did \u201cupgrade\u201d mean for the tenants?")


@pytest.mark.parametrize("word", ["document", "expert", "source"])
def test_so_called_distances_a_quoted_source_noun(word):
    # a source noun in quotation marks is usually a quoted source description, but "so-called" says distance
    text = f"Planners praised the so-called \u201c{word}\u201d in the valley."
    assert families(text, "en").get(f"\u201c{word}\u201d") == "scare_quote"
