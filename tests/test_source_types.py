"""Source types from gazetteer packages: places, regions, capitals, nationalities, titled persons.
Properties over the packages' own name lists; sentences written for these tests."""
from hypothesis import given, settings, strategies as st

import framing
from framing.places import capital_names, country_names, english_demonyms, is_demonym, region_names


def source_types(text, language="en"):
    profile = framing.score(text, language=language)
    return {e["text"]: e["category"] for e in profile["evidence"] if e["family"] == "source"}


def test_every_english_demonym_and_its_plural_is_a_nationality():
    for demonym in english_demonyms():
        assert is_demonym(demonym, "en") and is_demonym(demonym + "s", "en")


def test_regions_come_from_cldr_in_the_article_language_and_english():
    assert {"africa", "europe", "afrique"} <= region_names("fr")
    assert "أفريقيا" in region_names("ar")
    assert "argelia" in country_names("es")  # CLDR fills pycountry's Spanish gaps


_SIMPLE_CAPITALS = sorted(c for c in capital_names() if c.isalpha() and c not in country_names("en"))


@settings(max_examples=15, deadline=None)
@given(capital=st.sampled_from(_SIMPLE_CAPITALS))
def test_a_capital_that_speaks_is_its_government(capital):
    name = capital.title()
    assert source_types(f"{name} said on Monday that the talks had failed.").get(name) == "government"


@settings(max_examples=15, deadline=None)
@given(demonym=st.sampled_from(sorted(d for d in english_demonyms() if d.isalpha())))
def test_a_nationality_before_officials_speaks_for_a_state(demonym):
    name = demonym.title()
    types = source_types(f"{name} officials said on Monday that the talks had failed.")
    assert types.get(f"{name} officials") == "government"


@settings(max_examples=15, deadline=None)
@given(title=st.sampled_from(["President", "Senator", "Secretary of State", "Prime Minister", "Ambassador"]),
       acronym=st.sampled_from(["", "US ", "UN "]))
def test_a_titled_name_is_a_person(title, acronym):
    name = f"{acronym}{title} Ana Ortiz"
    assert source_types(f"{name} said on Monday that the talks had failed.").get(name) == "named_person"


_NOUNS = frozenset({"gouvernement", "régime", "forces", "armed forces", "état", "x-ray"})


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["gouvernement", "GOUVERNEMENT", "Régime", "rÉgime", "forces", "armed",
                                       "État", "x-ray", "İstanbul", "marocain", "l'", "d’", "xforces", "Ⅰ", "."]),
                      max_size=12),
       seps=st.lists(st.sampled_from([" ", "  ", "", "-", "\n", ", "]), min_size=12, max_size=12),
       cut=st.integers(0, 4))
def test_the_noun_prefilter_finds_the_pairs_a_word_by_word_scan_finds(words, seps, cut):
    """``state_phrases`` looks for government nouns in C before testing word pairs: the pairs
    it keeps are those the pattern tried at every word keeps, whatever the case and window."""
    from framing.extractors.attribution.sources import _NOUN_AND_ADJECTIVE, _noun_finder, _noun_pairs

    text = "".join(w + s for w, s in zip(words, seps))
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut)
    every_word = [m.span() for m in _NOUN_AND_ADJECTIVE.finditer(text, start, end) if m.group(1).lower() in _NOUNS]
    prefiltered = [m.span() for m in _noun_pairs(text, start, end, _noun_finder(_NOUNS))
                   if m.group(1).lower() in _NOUNS]
    assert prefiltered == every_word
    in_lowered_text = [m.span() for m in _noun_pairs(text, start, end, _noun_finder(_NOUNS), text.lower())
                       if m.group(1).lower() in _NOUNS]
    assert in_lowered_text == every_word


@settings(max_examples=30, deadline=None)
@given(language=st.sampled_from(["en", "fr", "de", "nl", "es", "ar"]), data=st.data())
def test_demonym_roots_are_the_openings_a_scan_of_the_names_finds(language, data):
    """``is_demonym`` looks roots up in a set of name openings: the same answer as testing every
    country and region name for a continuation of at most three characters without a space."""
    from framing.places import _name_openings

    names = sorted(country_names(language) | region_names(language))
    name = data.draw(st.sampled_from(names))
    root = name[:data.draw(st.integers(4, max(4, len(name))))] + data.draw(st.sampled_from(["", "x", "a", " "]))
    scanned = any(n.startswith(root) and len(n) - len(root) <= 3 and " " not in n[len(root):] for n in names)
    assert (root in _name_openings(language)) == scanned
