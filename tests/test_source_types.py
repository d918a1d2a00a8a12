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
