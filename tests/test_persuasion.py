"""The persuasion family: every technique on written sentences in English, French and
German (``tests/cases/persuasion.toml``), the lexicon's technique check, and properties
of the spans on any mix of those sentences."""
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import framing
from framing.errors import LexiconError
from framing.extractors.persuasion import CLAUSE, CUE, PHRASE, SENTENCE, WIDTHS
from framing.lexicon import load_lexicons
from framing.techniques import TECHNIQUES

CASES_FILE = Path(__file__).resolve().parent / "cases" / "persuasion.toml"
LANGUAGES = ("en", "fr", "de")
KEYS = frozenset({"language", "technique", "text", "find", "comment", "expect"})

with CASES_FILE.open("rb") as f:
    CASES = tomllib.load(f)["case"]


def case_params() -> list:
    seen: Counter = Counter()
    params = []
    for case in CASES:
        key = (case["language"], case["technique"])
        seen[key] += 1
        marks = [pytest.mark.xfail(strict=True, reason=case["comment"])] if case["expect"] == "fail" else []
        params.append(pytest.param(case, id=f"{key[0]}-{key[1]}-{seen[key]}", marks=marks))
    return params


def persuasion(profile: dict) -> list[dict]:
    return [e for e in profile["evidence"] if e["family"] == "persuasion"]


@pytest.mark.parametrize("case", case_params())
def test_technique_case(case):
    found = persuasion(framing.score(case["text"], language=case["language"]))
    matching = [e for e in found if e["technique"] == case["technique"] and case["find"] in e["text"]]
    assert matching, f"no {case['technique']} span containing {case['find']!r}; found " \
                     f"{[(e['technique'], e['text']) for e in found]}"


def test_cases_are_well_formed_and_cover_every_technique_in_every_language():
    for case in CASES:
        assert set(case) == KEYS, case
        assert case["language"] in LANGUAGES and case["technique"] in TECHNIQUES
        assert case["find"] in case["text"] and case["comment"].strip()
        assert case["expect"] in ("pass", "fail")
    covered = {(c["language"], c["technique"]) for c in CASES if c["expect"] == "pass"}
    missing = [f"{language}/{technique}" for language in LANGUAGES for technique in TECHNIQUES
               if (language, technique) not in covered]
    assert not missing, f"no passing case for: {', '.join(missing)}"


def test_every_technique_has_a_span_width():
    assert set(WIDTHS) == set(TECHNIQUES)
    assert set(WIDTHS.values()) <= {CUE, PHRASE, CLAUSE, SENTENCE}


def test_argument_techniques_cover_a_clause_not_only_the_cue():
    text = "Opponents of the dam say it poses an existential threat to the fishing villages downstream."
    [fear] = [e for e in persuasion(framing.score(text, language="en"))
              if e["technique"] == "Appeal_to_Fear-Prejudice"]
    assert fear["text"].startswith("Opponents") and fear["text"].endswith("downstream")


def test_persuasion_is_counted_per_voice_by_technique():
    text = ('The senator called the plan "an outrageous and dangerous threat to our nation." '
            "Critics called the plan outrageous.")
    features = framing.score(text, language="en")["features"]["persuasion"]
    assert features["quoted"] >= 1 and features["unquoted"] >= 1
    assert set(features["categories"]) <= set(TECHNIQUES)
    assert features["categories"].get("Loaded_Language", 0) >= 1


PERSUASION_META = '[meta]\nfamily = "persuasion"\nlanguage = "en"\nversion = "1"\nsource = "t"\nlicense = "CC0"\n'


@pytest.mark.parametrize("category", ["Propaganda", "loaded_language", "Flag-Waving"])
def test_a_category_that_is_not_a_technique_is_refused(tmp_path, category):
    path = tmp_path / "en.toml"
    path.write_text(PERSUASION_META + f'[[entry]]\nid = "a"\nterm = "x"\ncategory = "{category}"\nsource = "s"\n',
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(f"{category!r} is not declared for the family 'persuasion'")) as info:
        load_lexicons([path], include_default=False)
    assert str(path) in str(info.value)


def test_a_persuasion_entry_without_a_category_is_refused(tmp_path):
    path = tmp_path / "en.toml"
    path.write_text(PERSUASION_META + '[[entry]]\nid = "a"\nterm = "x"\nsource = "s"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="needs a category"):
        load_lexicons([path], include_default=False)


def test_shipped_persuasion_entries_name_techniques_and_sources():
    entries = [e for e in load_lexicons().entries if e.family == "persuasion"]
    assert {e.language for e in entries} >= set(LANGUAGES)
    assert all((e.category in TECHNIQUES or e.category == "distractor") and e.source.strip() for e in entries)


@pytest.mark.parametrize("text, word", [
    ("Rebels said the regime had shelled the northern suburbs again overnight.", "regime"),
    ("Police arrested two suspected terrorists near the border crossing on Friday.", "terrorists"),
    ("Officials warned that extreme heat would last through the weekend.", "extreme"),
    ("Unfortunately, the last ferry of the day was cancelled because of the storm.", "Unfortunately"),
    ("Army units clashed with insurgents near the northern pass on Sunday, officials said.", "insurgents"),
])
def test_a_descriptive_loaded_word_is_loaded_language_evidence_but_no_technique(text, word):
    """A persuasion ``distractor`` ("regime", "terrorist", "extreme") keeps the loaded family's
    evidence (a contested label for readers) but gives no technique: in its common descriptive
    sense in news it is not chosen to make the audience fear or hate its object."""
    profile = framing.score(text, language="en")
    assert any(e["family"] == "loaded" and e["text"] == word for e in profile["evidence"])
    assert not [e for e in persuasion(profile) if word in e["text"]], persuasion(profile)


def test_a_descriptive_word_inside_a_longer_label_stays_a_label():
    profile = framing.score("The pundit blamed the radical left for the riots downtown.", language="en")
    assert any(e["technique"] == "Name_Calling-Labeling" and "radical left" in e["text"] for e in persuasion(profile))


TEXTS = {language: sorted({c["text"] for c in CASES if c["language"] == language}) for language in LANGUAGES}
MIXED = st.sampled_from(LANGUAGES).flatmap(lambda language: st.tuples(
    st.just(language),
    st.lists(st.sampled_from(TEXTS[language]), min_size=1, max_size=5),
    st.sampled_from([" ", "\n", "\n\n", " !? "])))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_spans_slice_back_name_a_technique_and_are_deterministic(drawn):
    language, sentences, separator = drawn
    text = separator.join(sentences)
    profile = framing.score(text, language=language)
    assert profile == framing.score(text, language=language)
    spans = persuasion(profile)
    for e in spans:
        assert text[e["start"]:e["end"]] == e["text"] and e["text"].strip() == e["text"]
        assert e["technique"] in TECHNIQUES and e["category"] == e["technique"]
        assert e["voice"] in ("quoted", "unquoted")
    by_technique: dict[str, list[tuple[int, int]]] = {}
    for e in spans:
        by_technique.setdefault(e["technique"], []).append((e["start"], e["end"]))
    for found in by_technique.values():  # one span per stretch of text and technique
        found.sort()
        assert all(a[1] <= b[0] for a, b in zip(found, found[1:])), found


@pytest.mark.parametrize("language, text, words", [
    ("de", "Der Sender verbreitet seit Wochen Kriegspropaganda.", ["Kriegspropaganda"]),
    ("de", "In der Talkshow kamen nur Möchtegern-Experten zu Wort.", ["Möchtegern-Experten"]),
    ("de", "Die Zeitung spricht von einer Lügenkampagne der Regierung.", ["Lügenkampagne"]),
    ("fr", "Le débat a été confisqué par des ultra-libéraux venus de Paris.", ["ultra-libéraux"]),
    ("en", "The columnist waved away his critics as scaremongers and Europhobes.", ["scaremongers", "Europhobes"]),
])
def test_compound_heads_and_tails_mark_labels(language, text, words):
    labels = [e["text"] for e in persuasion(framing.score(text, language=language))
              if e["technique"] == "Name_Calling-Labeling"]
    for word in words:
        assert any(word in label for label in labels), labels


def test_a_compound_rule_needs_more_than_the_affix():
    text = "Die Propaganda und die Lügen wurden im Bundestag diskutiert, unter einem Pseudonym."
    compounds = [e for e in persuasion(framing.score(text, language="de")) if e["entry"] == "rule:compound"]
    assert not compounds, compounds


@pytest.mark.parametrize("language, text, techniques", [
    ("es", "La supuesta reforma del ahorro es una farsa, y los expertos lo saben.", {"Doubt", "Loaded_Language"}),
    ("nl", "Het zogenaamde hervormingsplan is een schande voor ons land.", {"Doubt", "Loaded_Language", "Flag_Waving"}),
])
def test_spanish_and_dutch_have_a_first_lexicon(language, text, techniques):
    found = {e["technique"] for e in persuasion(framing.score(text, language=language))}
    assert techniques <= found, found


def test_a_german_loaded_noun_is_a_label_and_an_adjective_loaded_language():
    # "Pfusch" and "dreist" are both subjective words of the loaded family, not persuasion entries.
    profile = framing.score("Die Opposition sprach von Pfusch. Sie nannte den Plan dreist.", language="de")
    loaded = {e["text"]: e["category"] for e in profile["evidence"] if e["family"] == "loaded"}
    assert loaded == {"Pfusch": "subjective", "dreist": "subjective"}
    found = {(e["technique"], e["text"]) for e in persuasion(profile)}
    assert ("Name_Calling-Labeling", "Die Opposition sprach von Pfusch") in found, found
    assert ("Loaded_Language", "Sie nannte den Plan dreist") in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "The ministry said on Monday that the bridge would reopen in March."),
    ("fr", "Selon le ministère, le pont rouvrira en mars, a déclaré un porte-parole."),
    ("de", "Laut dem Ministerium soll die Brücke im März wieder öffnen, sagte ein Sprecher."),
])
def test_a_plain_report_is_no_appeal_to_authority(language, text):
    """A reporting cue without an authority title ("said", "selon", "laut") lends no authority
    by the definition: the speaker is only named, not held up as an authority."""
    found = persuasion(framing.score(text, language=language))
    assert not [e for e in found if e["technique"] == "Appeal_to_Authority"], found


@pytest.mark.parametrize("language, text, reputation", [
    ("de", "Die Opposition nennt den Minister einen Heuchler.", True),
    ("fr", "L'opposition traite le ministre de menteur.", True),
    ("en", "The opposition called the minister a liar.", False),
])
def test_a_label_is_an_attack_on_reputation_where_annotators_mark_it_so(language, text, reputation):
    """The sentence around a label is Questioning_the_Reputation in the languages of
    ``REPUTATION_FROM_LABEL_LANGUAGES``, and the label stays Name_Calling-Labeling everywhere."""
    found = {e["technique"] for e in persuasion(framing.score(text, language=language))}
    assert "Name_Calling-Labeling" in found, found
    assert ("Questioning_the_Reputation" in found) == reputation, found



@pytest.mark.parametrize("language, text, word", [
    ("en", "Her supporters hailed the retired nurse as the champion of the forgotten villages.", "champion of"),
    ("fr", "Ses partisans saluent l'ancien maire comme le sauveur de la vallée.", "sauveur"),
    ("de", "Seine Anhänger feiern den früheren Bürgermeister als Retter des Tals.", "Retter"),
])
def test_a_praising_label_is_name_calling_but_no_attack_on_reputation(language, text, word):
    """Name calling labels its object as something the audience fears, hates "or otherwise loves or
    praises" (Da San Martino et al. 2019): a praising label is Name_Calling-Labeling, and, attacking
    no one, gives no Questioning_the_Reputation even where a pejorative label does."""
    found = persuasion(framing.score(text, language=language))
    assert any(e["technique"] == "Name_Calling-Labeling" and word in e["text"] for e in found), found
    assert not [e for e in found if e["technique"] == "Questioning_the_Reputation"], found

def test_a_german_loaded_adjective_before_a_noun_is_a_label():
    """Attributive ("einen dreisten Plan") names its noun's referent, predicative ("den Plan
    dreist") is a judgement: the first is Name_Calling-Labeling, the second Loaded_Language."""
    found = {(e["technique"], e["text"]) for e in persuasion(framing.score(
        "Die Opposition wirft der Regierung einen dreisten Plan vor. Sie nannte ihn dreist.", language="de"))}
    assert any(t == "Name_Calling-Labeling" and "dreisten Plan" in s for t, s in found), found
    assert ("Loaded_Language", "Sie nannte ihn dreist") in found, found


@pytest.mark.parametrize("language, text, technique", [
    ("es", "Por supuesto, el alcalde asistirá a la inauguración del puente.", "Doubt"),
    ("es", "La mayor parte de los vecinos votó en la consulta del domingo.", "Exaggeration-Minimisation"),
    ("es", "El chiringuito de la playa abrirá en junio con nuevos horarios.", "Name_Calling-Labeling"),
    ("nl", "In de jaren dertig groeide de haven van Rotterdam sterk.", "Guilt_by_Association"),
    ("nl", "De Nederlanders gingen massaal naar de stembus.", "Flag_Waving"),
])
def test_spanish_and_dutch_words_of_plain_description_are_no_technique(language, text, technique):
    """The Spanish and Dutch integrity review took out words whose common sense is
    descriptive ("por supuesto" = of course, "la mayor parte" = most, a beach bar, a decade,
    a nationality): plain sentences with them carry no technique."""
    found = persuasion(framing.score(text, language=language))
    assert not [e for e in found if e["technique"] == technique], found
@pytest.mark.parametrize("text, doubt", [
    ("Will the council approve the new budget before the summer recess?", False),
    ("Should the city sell the old library building to a private developer?", False),
    ("Shouldn't the ministry have warned the farmers about the drought earlier?", False),
    ("Can anyone still believe the company's promise that the river is clean?", True),
    ("Why did nobody at the agency check the contractor's safety record?", True),
])
def test_a_question_asking_for_a_forecast_or_a_decision_is_no_doubt(text, doubt):
    """Questions in the outlet's voice are Doubt, except those opening with a modal of prediction
    or obligation (``grammar.deliberative_modal``): they ask what will happen or what ought to be
    done, not whether someone is to be believed."""
    found = [e for e in persuasion(framing.score(text, language="en")) if e["technique"] == "Doubt"]
    assert bool(found) is doubt, found


@pytest.mark.parametrize("language, text, spans", [
    ("en", "The mayor signed the contract. Who paid for the survey? Why was it kept secret for a year? "
           "Nobody at city hall will say.", 1),
    ("en", "Who paid for the survey in the first place?\n\nWhy was it kept secret for a whole year?", 2),
    ("fr", "Qui a payé cette étude coûteuse ? Pourquoi a-t-elle été cachée pendant un an ?", 1),
    ("de", "Wer hat die teure Studie bezahlt? Warum wurde sie ein ganzes Jahr lang verschwiegen?", 1),
])
def test_a_run_of_questions_in_one_paragraph_is_one_doubt_span(language, text, spans):
    """Questions one after another in a paragraph cast one stretch of doubt: one span from the
    first to the last; a paragraph break ends the run."""
    found = [e for e in persuasion(framing.score(text, language=language)) if e["technique"] == "Doubt"]
    assert len(found) == spans, found
    assert all(text[e["start"]:e["end"]] == e["text"] for e in found)


@pytest.mark.parametrize("language, text, answer, answered", [
    ("en", "Who will pay for the new stadium? The taxpayers of the city, once again.", "taxpayers", True),
    ("en", "Who will pay for the new stadium?\n\nThe council met on Monday to vote on the budget.", "council", False),
    ("fr", "Qui paiera la facture du nouveau stade ? Les contribuables de la ville, comme toujours.",
     "contribuables", True),
    ("de", "Wer bezahlt am Ende das neue Stadion? Die Steuerzahler der Stadt, wie immer.", "Steuerzahler", True),
])
def test_a_question_answered_at_once_is_one_doubt_span_with_its_answer(language, text, answer, answered):
    """Hypophora: the writer asks and answers in the next sentence of the paragraph; the Doubt
    span runs from the question through the answer. Across a paragraph break there is no answer."""
    found = [e for e in persuasion(framing.score(text, language=language)) if e["technique"] == "Doubt"]
    assert len(found) == 1, found
    assert (answer in found[0]["text"]) is answered, found
    assert text[found[0]["start"]:found[0]["end"]] == found[0]["text"]


@pytest.mark.parametrize("text, technique, words", [
    ("Critics said the arrogant minister ignored every warning from the harbour engineers.",
     "Name_Calling-Labeling", "arrogant minister"),
    ("The mayor called the landlords heartless for evicting families in the middle of winter.",
     "Loaded_Language", "heartless"),
    ("The report called the harbour plan reckless. Engineers had warned against it for years.",
     "Loaded_Language", "reckless"),
    ("The pamphlet blamed corrupt Republicans for the closure of the county hospital.",
     "Name_Calling-Labeling", "corrupt Republicans"),
    ("Residents said the heartless Kowalski family had evicted three tenants in one week.",
     "Loaded_Language", "heartless"),
    ("Protesters outside the gates denounced the corrupt Catholic Church hierarchy over the sale.",
     "Loaded_Language", "corrupt"),
])
def test_a_loaded_word_naming_people_is_a_label(text, technique, words):
    """A loaded word before a person noun ("arrogant minister") is the label noun phrase of
    Name_Calling-Labeling; before anything else, or before a capitalised word that opens the
    next sentence, it stays Loaded_Language."""
    found = [e for e in persuasion(framing.score(text, language="en")) if words in e["text"]]
    assert {e["technique"] for e in found} == {technique}, found


def test_group_member_nouns_are_capitalised_members_of_a_group_not_single_people():
    entries = [e for e in load_lexicons().entries if e.family == "grammar" and e.category == "group_member_noun"]
    forms = {form for e in entries for form in e.forms}
    assert {"democrat", "democrats", "catholics", "texans"} <= forms
    assert not forms & {"lincoln", "darwin", "politician", "minister"}


def test_person_nouns_are_common_nouns_with_their_plurals():
    entries = [e for e in load_lexicons().entries if e.family == "grammar" and e.category == "person_noun"]
    forms = {form for e in entries for form in e.forms}
    assert {"politician", "politicians", "minister", "ministers", "bankers", "women"} <= forms
    assert all(e.language == "en" and "WordNet" in e.source for e in entries)
    assert not forms & {"government", "policy", "war", "city"}


def test_an_emotive_word_of_fear_is_loaded_language_and_the_threat_argument_is_fear():
    """The guidelines' Appeal_to_Fear-Prejudice is an argument (an alternative brings the feared
    outcome: "a threat to", "will destroy"); a word of fear alone ("nightmare") is loaded language."""
    word = persuasion(framing.score("Commuters described the first week of the new timetable as a nightmare.",
                                    language="en"))
    assert {e["technique"] for e in word if "nightmare" in e["text"]} == {"Loaded_Language"}, word
    argument = persuasion(framing.score("The union says the closure is a threat to every family in the valley.",
                                        language="en"))
    assert any(e["technique"] == "Appeal_to_Fear-Prejudice" for e in argument), argument


@pytest.mark.parametrize("language, text, technique", [
    ("en", "Our Principles PAC spent $1 million on television ads in Iowa.", "Appeal_to_Values"),
    ("en", "It was the team's last chance to qualify for the final in March.", "Appeal_to_Time"),
    ("fr", "C'était la dernière chance de l'équipe de se qualifier pour la finale.", "Appeal_to_Time"),
    ("de", "Für die Mannschaft war es die letzte Chance, sich für das Finale zu qualifizieren.", "Appeal_to_Time"),
])
def test_names_and_descriptive_phrases_are_no_2023_technique(language, text, technique):
    """The four 2023 techniques' cues are phrases that make the appeal: a committee named
    "Our Principles" (the entry is lower case only) and a last chance that only describes
    are none (the cue was dropped after reading its matches on a news corpus)."""
    found = persuasion(framing.score(text, language=language))
    assert not [e for e in found if e["technique"] == technique], found


@pytest.mark.parametrize("language, text, first, last", [
    ("en", "Everyone knows that the new bridge was built far too late.", "Everyone", "too late"),
    ("fr", "Selon le maire, cette taxe conduira à la fermeture des commerces du centre.", "Selon", "du centre"),
    ("de", "Höchste Zeit, dass die Stadt die Schulen endlich saniert.", "Höchste", "saniert"),
])
def test_2023_techniques_mark_the_claim_not_only_the_cue(language, text, first, last):
    """Annotators mark the claim an appeal to popularity, time or consequences supports:
    the span is the sentence around the cue."""
    found = [e for e in persuasion(framing.score(text, language=language))
             if e["technique"] in ("Appeal_to_Popularity", "Appeal_to_Time", "Consequential_Oversimplification")]
    assert found and any(e["text"].startswith(first) and e["text"].endswith(last) for e in found), found
