"""The loaded family counts the persuasion lexicon's Loaded_Language and Name_Calling-Labeling
cues: by those techniques' definitions they are loaded language, whichever lexicon holds them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import framing
from framing.extractors.loaded import PERSUASION_CATEGORIES
from framing.lexicon import load_lexicons


def loaded(text: str, language: str) -> list[dict]:
    return [e for e in framing.score(text, language=language)["evidence"] if e["family"] == "loaded"]


@pytest.mark.parametrize("language, text, words, category", [
    ("en", "Party officials dismissed the inquiry as a witch hunt run by the deep state.", "witch hunt", "subjective"),
    ("en", "Party officials dismissed the inquiry as a witch hunt run by the deep state.", "deep state", "label"),
    ("fr", "Le député a dénoncé une chasse aux sorcières menée contre son parti.", "chasse aux sorcières",
     "subjective"),
    ("de", "Der Abgeordnete sprach von einer Hexenjagd gegen seine Partei.", "Hexenjagd", "subjective"),
])
def test_a_persuasion_cue_of_loaded_language_is_loaded_evidence(language, text, words, category):
    found = [e for e in loaded(text, language) if words in e["text"]]
    assert found, loaded(text, language)
    assert found[0]["category"] == category


def test_a_cue_both_lexicons_hold_is_counted_once():
    text = "Der Abgeordnete sprach von einer Hexenjagd gegen seine Partei."
    spans = [(e["start"], e["end"]) for e in loaded(text, "de")]
    assert len(spans) == len(set(spans))
    assert not any(a < d and c < b for i, (a, b) in enumerate(spans) for c, d in spans[i + 1:])


def test_persuasion_spans_do_not_double_when_the_loaded_family_counts_their_cues():
    profile = framing.score("Critics called the probe a witch hunt.", language="en")
    persuasion = [e for e in profile["evidence"] if e["family"] == "persuasion"]
    assert [e["technique"] for e in persuasion].count("Loaded_Language") == 1


CUES = sorted({(e.language, e.term) for e in load_lexicons().entries
               if e.family == "persuasion" and e.category in PERSUASION_CATEGORIES
               and e.language == "en" and " " not in e.term and e.term.isalpha()})


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CUES))
def test_every_english_one_word_cue_is_loaded_in_a_plain_sentence(cue):
    language, term = cue
    text = f"On Monday the columnist wrote about {term} in a long post."
    assert any(term.lower() in e["text"].lower() for e in loaded(text, language)), term


def test_the_descriptive_name_of_established_outlets_is_no_label_but_its_coinage_is():
    """"mainstream media" is the descriptive name (a persuasion distractor): neither loaded nor a
    technique; "lamestream media" is a pejorative coinage for the same outlets: a label."""
    plain = framing.score("A survey asked readers how much they trust the mainstream media.", language="en")
    assert not [e for e in plain["evidence"] if e["family"] in ("loaded", "persuasion") and "media" in e["text"]]
    coined = framing.score("He told the crowd not to trust the lamestream media.", language="en")
    assert any(e["family"] == "loaded" and e["category"] == "label" for e in coined["evidence"])
    assert any(e.get("technique") == "Name_Calling-Labeling" for e in coined["evidence"])


@pytest.mark.parametrize("text, verb, loaded_verb", [
    ("The company claimed the spill was harmless.", "claimed", True),
    ("Prosecutors alleged that the treasurer had moved the funds abroad.", "alleged", False),
    ("The minister insisted that the figures were correct.", "insisted", False),
    ("Analysts speculated that the bank would cut rates.", "speculated", False),
])
def test_a_reporting_verb_is_loaded_only_where_it_questions_the_speaker(text, verb, loaded_verb):
    """MOS:SAID: "claimed" can call a speaker's credibility into question; MOS:ALLEGED: "alleged"
    is the neutral word for an accusation not yet judged; "insisted", "speculated" tell resolve or
    care. All stay attribution cues."""
    profile = framing.score(text, language="en")
    assert any(e["family"] == "attribution_cue" and e["text"] == verb for e in profile["evidence"])
    assert any(e["family"] == "loaded" and e["text"] == verb for e in profile["evidence"]) is loaded_verb
