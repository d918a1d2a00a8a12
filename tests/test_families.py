"""The family registry is the single truth: every family reaches every output, and a
family added to the registry (and nowhere else) reaches them too."""
import csv

import pytest

import framing
from framing import families as registry
from framing.comparison.groups import compare
from framing.document import UNQUOTED
from framing.evidence import Evidence
from framing.extractors import DERIVED_EXTRACTORS, EXTRACTORS
from framing.flat import flat_columns, flat_row
from framing.render.profiles import write_output
from framing.render.comparison import render
from framing.sklearn import FramingVectorizer

TEXT_A = ("Officials probably met in the Moroccan Sahara on Monday, the ministry said. "
          "Critics claimed the \"talks\" were a sham. The regime clearly failed.")
TEXT_B = "Officials met in Western Sahara on Monday. They may return, a source said."


def _outputs(family: str, text_a: str = TEXT_A, text_b: str = TEXT_B) -> dict[str, bool]:
    """Where ``family`` shows up when two outlets' articles go through every output."""
    profiles = [dict(framing.score(text_a, language="en", id="a"), outlet="A"),
                dict(framing.score(text_b, language="en", id="b"), outlet="B")]
    header = set(flat_columns(["western_sahara"]))
    comparison = compare(profiles, texts={"a": text_a, "b": text_b}, lexicons=framing.Scorer().lexicons,
                         resamples=50)
    html = render(comparison, "html")
    found = {
        "profile": family in profiles[0]["features"],
        "flat": f"{family}_unquoted" in header and f"{family}_unquoted" in flat_row(profiles[0]),
        "pandas": f"{family}_per_1000_words" in framing.ProfileRecord(profiles[0]).to_frame().columns,
        "sklearn": f"{family}_per_1000_words" in FramingVectorizer(language="en").get_feature_names_out(),
    }
    if registry.FAMILIES[family].rated:
        found["compare"] = family in comparison["groups"]["A"]["features"]
        found["compare_csv"] = f",{family}," in render(comparison, "csv")
        found["report"] = f"<th>{family}</th>" in html
    if registry.FAMILIES[family].highlighted:
        found["report_colour"] = f"mark.{family}{{background:" in html
    return found


@pytest.mark.parametrize("family", list(registry.FAMILIES))
def test_every_registered_family_reaches_every_output(family):
    missing = [where for where, present in _outputs(family).items() if not present]
    assert not missing, f"{family} is missing from {missing}"


def test_csv_output_has_one_column_scheme(tmp_path):
    profiles = [framing.score(TEXT_A, language="en", id="a"), {"schema": "framing.error/1", "id": "x",
                                                               "error": "broken"}]
    out = tmp_path / "out.csv"
    write_output(profiles, "csv", str(out), axes=["western_sahara"])
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == list(flat_columns(["western_sahara"]))
    assert rows[0]["western_sahara_stance"] == "1.0" and rows[0]["western_sahara_mentions"] == "1"
    assert rows[1]["error"] == "broken" and rows[1]["hedge_unquoted"] == ""


def test_flat_row_carries_outlet_title_date_and_url():
    profile = framing.score(TEXT_B, language="en", id="b", title="Talks")
    row = flat_row(dict(profile, outlet="B", date="2013-01-18", url="https://example.org/b"))
    assert (row["outlet"], row["title"], row["date"], row["url"]) == ("B", "Talks", "2013-01-18",
                                                                     "https://example.org/b")


def _extract_exclamations(document):
    """A toy family for the test: every exclamation mark in the body."""
    text = document.text
    return [Evidence("exclamation", "exclamation", "!", i, i + 1, document.voice_at(i), document.sentence_at(i))
            for start, end in document.layout.body for i in range(start, end) if text[i] == "!"]


@pytest.fixture
def exclamation_family(monkeypatch):
    monkeypatch.setitem(EXTRACTORS, "exclamation", _extract_exclamations)
    monkeypatch.setitem(registry.FAMILIES, "exclamation", registry.Family(
        "exclamation", "exclamations", "an exclamation mark", "#cccccc", "exclamation"))
    framing._scorer.cache_clear()
    yield "exclamation"
    framing._scorer.cache_clear()


def test_a_family_added_to_the_registry_reaches_every_output(exclamation_family):
    text = TEXT_A + " What a failure!"
    assert framing.score(text, language="en", id="a")["features"]["exclamation"][UNQUOTED] == 1
    missing = [where for where, present in _outputs(exclamation_family, text_a=text).items() if not present]
    assert not missing, f"an added family is missing from {missing}"


def test_every_family_names_a_registered_extractor():
    assert all(family.extractor in EXTRACTORS or family.extractor in DERIVED_EXTRACTORS
               for family in registry.FAMILIES.values())
    with pytest.raises(ValueError, match="no extractor"):
        registry._check({"x": registry.Family("x", "x", "x", "#000", "no_such_extractor")})
