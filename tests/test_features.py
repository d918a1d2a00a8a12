"""Feature families: the rules that tell a hedge, a scare quote or a source from look-alikes."""
import pytest

import framing


def evidence(text, family, language="en", voice=None):
    profile = framing.score(text, language=language)
    return [e["text"] for e in profile["evidence"]
            if e["family"] == family and (voice is None or e["voice"] == voice)]


@pytest.mark.parametrize("text, expected", [
    ("The deal was probably made in 2012.", ["probably"]),
    ("Algeria reportedly asked Belmokhtar for help.", ["reportedly"]),
    ("The deal may collapse soon.", ["may"]),
    ("The talks began in May and ended in June.", []),
    ("He could not attend the meeting.", []),
    ("Officials believe the group is weakened.", ["believe"]),
    ("Around 30,000 emails were posted.", ["Around"]),
    ("He walked around the block.", []),
    ("Of the 50,000 or so emails, few mattered.", ["or so"]),
    ("It provides something of a debriefing.", ["something of a"]),
    ("Algeria would have asked Belmokhtar to attack.", ["would have asked"]),
    ("Algeria would have reportedly asked Belmokhtar.", ["would have reportedly asked"]),
    ("They sought a settlement that would have allowed his followers back.", []),
    ("If they had known, they would have stopped it.", []),
    ("It is not clear who sent the email.", ["not clear"]),
    ("The so-called agreement held for a year.", ["so-called"]),
])
def test_hedges_in_english(text, expected):
    assert evidence(text, "hedge") == expected


def test_quoted_hedges_are_the_sources_not_the_outlets():
    text = "The email adds: \u2018They believe this attack could mark a new phase.\u2019"
    profile = framing.score(text, language="en")
    hedges = [e for e in profile["evidence"] if e["family"] == "hedge"]
    assert {e["text"] for e in hedges} == {"believe", "could"}
    assert {e["voice"] for e in hedges} == {"quoted"}
    assert profile["features"]["hedge"]["unquoted"] == 0


@pytest.mark.parametrize("text, language, expected", [
    ("L'Alg\u00e9rie aurait demand\u00e9 \u00e0 Belmokhtar d'attaquer.", "fr", ["aurait demand\u00e9"]),
    ("De correspondentie suggereert dat de schok groot was.", "nl", ["suggereert"]),
])
def test_hedges_in_french_and_dutch(text, language, expected):
    assert evidence(text, "hedge", language) == expected


def test_boosters_and_factives():
    text = "The archive unveiled an unprecedented piece of information, clearly showing the deal."
    assert evidence(text, "booster") == ["unprecedented", "clearly"]
    assert "unveiled" in evidence(text, "factive")


def test_negated_factive_presents_nothing_as_established():
    assert evidence("The report did not reveal the source.", "factive") == []


def test_attribution_cues_have_a_stance_and_sources_a_type():
    text = ("According to a very sensitive source, the deal held. Critics claimed it was illegal. "
            "The email, sent by Sidney Blumenthal, said the talks failed.")
    profile = framing.score(text, language="en")
    cues = {e["text"]: e["category"] for e in profile["evidence"] if e["family"] == "attribution_cue"}
    assert cues["According to"] == "neutral" and cues["claimed"] == "distancing" and cues["said"] == "neutral"
    sources = {e["text"]: e["category"] for e in profile["evidence"] if e["family"] == "source"}
    assert sources.get("a very sensitive source") == "anonymous"
    assert "document" in sources.values()
    attribution = profile["features"]["attribution"]
    assert attribution["coverage"] == 1.0
    assert attribution["sources"]["anonymous"] >= 1


def test_colon_introduces_a_direct_quotation_with_a_speaker():
    text = "Sidney Blumenthal wrote to Clinton. The email says: \u2018The talks broke down in 2010.\u2019"
    profile = framing.score(text, language="en")
    (quote,) = [e for e in profile["evidence"] if e["family"] == "quotation"]
    assert quote["category"] == "direct" and quote["speaker"] == "The email"
    assert profile["features"]["attribution"]["direct"] == 1


@pytest.mark.parametrize("text, scare, not_scare", [
    ("Algeria \u2018Encouraged\u2019 Terror Attacks in the South\n\nAlgeria \u201cencouraged\u201d the group.",
     ["\u2018Encouraged\u2019", "\u201cencouraged\u201d"], []),
    ("He leads the \u201cSigned in Blood\u201d group and cites \u201ca very sensitive source\u201d.", [],
     ["\u201cSigned in Blood\u201d", "\u201ca very sensitive source\u201d"]),
    ("The terrorist \u201cbetrayed\u201d the government.", ["\u201cbetrayed\u201d"], []),
    ("It says: \u201cbetrayed\u201d", [], ["\u201cbetrayed\u201d"]),
    ("The sender, \u00abSid\u00bb, wrote.", [], ["\u00abSid\u00bb"]),
])
def test_scare_quotes(text, scare, not_scare):
    found = evidence(text, "scare_quote")
    assert all(s in found for s in scare)
    assert not any(s in found for s in not_scare)


def test_loaded_labels_and_headline_framing():
    text = "Clinton emails reveal links between Algerian regime and terrorist groups\n\nThe regime denied it."
    profile = framing.score(text, language="en")
    assert evidence(text, "loaded").count("regime") == 2
    headline = profile["headline_framing"]
    assert headline["hedged"] is False and headline["factives"] == ["reveal"] and "regime" in headline["labels"]


def test_readability_uses_pyphen_and_the_language_given():
    text = "The cat sat on the mat. It was a sunny day and the cat was happy."
    english = framing.score(text, language="en", readability=True)["readability"]
    assert english["syllable_source"] == "pyphen:en_US"
    assert 60 < english["flesch_reading_ease"] <= 121
    dutch = framing.score("De kat zat op de mat. Het was een zonnige dag.", language="nl", readability=True)
    assert dutch["readability"]["syllable_source"] == "pyphen:nl_NL"
    arabic = framing.score("\u0642\u0627\u0644 \u0627\u0644\u0645\u0633\u0624\u0648\u0644 \u0625\u0646 \u0627\u0644\u0648\u0636\u0639 \u0647\u0627\u062f\u0626.",
                           language="ar", readability=True)
    assert arabic["readability"]["flesch_reading_ease"] is None and "reason" in arabic["readability"]


def test_readability_never_downloads(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("framing must never call nltk.download")

    monkeypatch.setattr(nltk, "download", refuse)
    framing.score("A plain sentence for the test. Another one follows here.", language="en", readability=True)


def test_every_family_reports_voice_counts_and_rates():
    profile = framing.score("Officials probably met in the Moroccan Sahara, a source said.", language="en")
    for family in ("naming", "hedge", "booster", "factive", "attribution_cue", "source", "quotation",
                   "scare_quote", "loaded", "partial_quote"):
        assert set(profile["features"][family]) >= {"unquoted", "quoted", "per_1000_words"}


def test_a_name_and_a_colon_is_a_speaker_but_a_topic_label_is_not():
    speaker = framing.score("Pat Caddell: Democrat voters are worried about the race.", language="en")
    assert [e["text"] for e in speaker["evidence"] if e["family"] == "source"] == ["Pat Caddell"]
    topic = framing.score("Clinton Emails: Algeria Encouraged Attacks\n\nThe report says so.", language="en")
    assert not [e for e in topic["evidence"] if e["family"] == "attribution_cue" and e["text"] == ":"]


def cues(text):
    profile = framing.score(text, language="en")
    return [(e["text"], e.get("embedded")) for e in profile["evidence"] if e["family"] == "attribution_cue"]


def test_a_cue_inside_another_attribution_is_marked_embedded():
    assert cues("“They say we lost,” he said.") == [("say", "quotation"), ("said", None)]
    assert cues("Trump said Clinton wants open borders, adding that she plans to raise taxes.") == [
        ("said", None), ("wants", "clause"), ("adding", None), ("plans to", "clause")]
    assert cues("Trump said that and Clinton wants open borders.") == [("said", None), ("wants", None)]
    # a boundary word opens a clause of the source's own only right before the cue
    assert cues("The mayor said he met the family and asked them to stay.") == [("said", None), ("asked", None)]
    assert cues("The mayor said he met the family and the family planned to visit the site.") == [
        ("said", None), ("planned to", "clause")]
    # subordinators and relatives stay inside the reported clause
    assert cues("The senator said the bill failed because Democrats opposed it.") == [
        ("said", None), ("opposed", "clause")]


def test_a_sentence_reported_as_a_whole_embeds_its_cues():
    assert cues("According to the survey, most voters say the economy is weak.") == [
        ("According to", None), ("say", "clause")]
    assert cues("The governor said he would veto the bill, according to two aides.") == [
        ("said", "clause"), ("according to", None)]
    assert cues("The agency refused to release the names of its donors, the report said.") == [
        ("refused", "clause"), ("said", None)]
    assert cues("The agency refused to release the names of its donors, records show.") == [
        ("refused", "clause"), ("show", None)]
    # not a reporting clause of its own: a coordinated clause with its own subject
    assert cues("Cook said the practice stopped, but Cook did not say when.") == [("said", None), ("say", None)]


@pytest.mark.parametrize("text, expected", [
    ("Most voters see Clinton as the stronger candidate.", ["see"]),
    ("Israel regards the city as its capital.", ["regards"]),
    ("An option seen by organizers as a lifeboat was dropped.", ["seen"]),
    ("The senator saw the video on Tuesday.", []),
    ("The view from the hill is as good as ever.", []),
])
def test_a_verb_with_as_after_its_object_is_a_cue(text, expected):
    assert [t for t, _ in cues(text)] == expected


def test_a_channel_phrase_beside_a_verb_is_not_a_second_cue():
    assert cues("The campaign said in a statement that it would appeal.") == [("said", None)]
    assert cues("In a statement, the campaign blasted the ruling.") == [("blasted", None)]


@pytest.mark.parametrize("text, expected", [
    ("The so-called deal called off the talks.", []),
    ("Trump called the report a hoax.", ["called"]),
    ("The group agreed to pay the fine.", ["agreed"]),  # a commitment, like "promised to"
    ("Critics agreed with the ruling.", ["agreed with"]),
    ("“We will win,” she continued.", ["continued"]),
    ("The campaign continued its tour of Iowa.", []),
    ("“Is he really so ignorant?” the host continued.", ["continued"]),
    ("The senator continued:\n\n“We will not give up.”", ["continued"]),
    ("Continued Stone: “So I think it is a real problem.”", ["Continued", ":"]),
    ("He showed up late at the talk show.", []),
    ("A conservative think tank released the study.", []),
    ("A new group called Citizens for Reform held its first rally.", []),
    ("The party found itself at the center of the dispute.", []),
    ("She spoke to reporters just after the race was called.", []),
    ("The campaign held two conference calls on Sunday.", []),
    ("Air-raid sirens sounded across the city overnight.", []),
    ("The senator sounded a cautious note about the jobs report.", ["sounded a"]),
    ("She learned to play the piano as a child.", []),
    ("Her most telling remark came at the end.", []),
    ("He appeared on two morning shows on Sunday.", []),
    ("The group's founder called the ruling a disgrace.", ["called"]),
    ("Clinton won Ohio, adding to her delegate lead.", []),
    ("The company posted a loss in the third quarter.", []),
    ("Many Republicans think the party has lost its way.", ["think"]),
    ("“I think we can win Ohio,” the senator said.", ["said"]),
    ("“I never really trusted her,” said Robert Stone, a retired teacher.", ["said"]),
    ("The senator repeated her claims on Tuesday.", []),
    ("The campaign posted a statement on Facebook.", ["posted"]),
])
def test_distractors_and_quotation_only_cues(text, expected):
    assert [t for t, _ in cues(text) if t not in ("“", "”")] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Latest: Sanders wins Minnesota caucuses.", []),
    ("Breaking: Judge rules against the campaign.", []),
    ("Clinton: 2,316.", []),
    ("Q: Why now? A: Because the deficit is growing.", []),
    ("“PENCE: Well, the question really should be why.”", [":"]),
    ("“This is not who we are.” ― Karen Bobadilla", ["―"]),
    ("“We are not afraid.”\u00a0―\u00a0Jorge Falcon", ["―"]),
])
def test_name_colon_and_dash_conventions(text, expected):
    assert [t for t, _ in cues(text)] == expected
