"""Properties of the public API that must hold for any input."""
import functools
import math

from hypothesis import HealthCheck, given, settings, strategies as st

import framing
from framing.profile import MIN_RATE_WORDS
from framing.errors import FramingError

ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=400)
NEWSY = st.lists(st.sampled_from([
    "Moroccan Sahara", "Western Sahara", "Algerian Sahara", "the Southern Provinces", "\u201c", "\u201d", "\u2018",
    "\u2019", "'", '"', "\u00ab", "\u00bb", "Clinton\u2019s", "said", ".", ",", "\n", "\n\n", "Related articles",
    "e\u0301", "\u200b", "  ", "\u0627\u0644\u0635\u062d\u0631\u0627\u0621 \u0627\u0644\u063a\u0631\u0628\u064a\u0629",
    "Marokkaanse Sahara", "\U0001F600", "\u202e", "İSTANBUL"]), min_size=1, max_size=60).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def profile_or_none(text, language="en"):
    try:
        return framing.score(text, language=language)
    except framing.InputError:
        return None  # empty or binary-looking text is refused, by design


@SETTINGS
@given(st.one_of(ANY_TEXT, NEWSY), st.sampled_from(["en", "fr", "nl", "es", "ar"]))
def test_evidence_offsets_slice_the_original_text(text, language):
    profile = profile_or_none(text, language)
    if profile is None:
        return
    for item in profile["evidence"]:
        assert text[item["start"]:item["end"]] == item["text"]
        assert item["voice"] in ("quoted", "unquoted")


@SETTINGS
@given(st.one_of(ANY_TEXT, NEWSY))
def test_scoring_is_deterministic(text):
    assert profile_or_none(text) == profile_or_none(text)


@SETTINGS
@given(st.one_of(ANY_TEXT, NEWSY))
def test_only_framing_errors_are_raised_when_the_language_is_detected(text):
    try:
        framing.score(text)
    except FramingError:
        pass


@SETTINGS
@given(st.one_of(ANY_TEXT, NEWSY))
def test_rates_are_finite_and_stances_bounded(text):
    profile = profile_or_none(text)
    if profile is None:
        return
    for name, family in profile["features"].items():
        if name == "attribution":
            continue
        for key in ("unquoted", "quoted"):
            assert isinstance(family[key], int) and family[key] >= 0
        rate = family["per_1000_words"]
        if profile["words"] < MIN_RATE_WORDS:
            assert rate is None and any("per_1000_words is null" in note for note in profile["notes"])
        else:
            assert isinstance(rate, float) and math.isfinite(rate) and rate >= 0
            assert rate == 1000.0 * family["unquoted"] / profile["words"]
        assert all(isinstance(n, int) and n > 0 for n in family["categories"].values())
    attribution = profile["features"]["attribution"]
    for key in ("coverage", "quoted_share"):
        assert 0.0 <= attribution[key] <= 1.0
    share = attribution["anonymous_share"]
    assert share is None or 0.0 <= share <= 1.0
    assert all(isinstance(n, int) and n >= 0 for n in attribution["sources"].values())
    for axis in profile["naming"].values():
        assert axis["stance"] is None or -1.0 <= axis["stance"] <= 1.0
        if axis["mentions"]["unquoted"] == 0:
            assert axis["stance"] is None


@SETTINGS
@given(st.one_of(ANY_TEXT, NEWSY))
def test_quoted_and_unquoted_partition_the_naming_mentions(text):
    profile = profile_or_none(text)
    if profile is None:
        return
    naming = [e for e in profile["evidence"] if e["family"] == "naming"]
    counts = profile["features"]["naming"]
    assert counts["quoted"] + counts["unquoted"] == len(naming)
    quotes = [(e["start"], e["end"]) for e in profile["evidence"] if e["family"] == "quotation"]
    for e in naming:
        inside = any(s <= e["start"] < t for s, t in quotes)
        assert (e["voice"] == "quoted") == inside


@SETTINGS
@given(st.one_of(ANY_TEXT, NEWSY))
def test_excluded_spans_and_body_do_not_overlap(text):
    profile = profile_or_none(text)
    if profile is None:
        return
    for item in profile["evidence"]:
        for x in profile["excluded"]:
            assert not (x["start"] <= item["start"] < x["end"])


_OPTIONAL_TEXT = st.one_of(st.none(), st.text(max_size=8))


def _evidence_fields():
    """A strategy per field of Evidence, optional fields None or set: a field added
    later is covered without touching this test."""
    required = {"family": st.text(max_size=8), "entry": st.text(max_size=8), "text": st.text(max_size=8),
                "start": st.integers(0, 99), "end": st.integers(0, 99),
                "voice": st.sampled_from(["quoted", "unquoted"]), "sentence": st.integers(-1, 9)}
    optional = {name: st.one_of(st.none(), st.floats(-1, 1)) if name == "position" else _OPTIONAL_TEXT
                for name in framing.Evidence._fields if name not in required}
    return required | optional


@given(st.fixed_dictionaries(_evidence_fields()).map(lambda kwargs: framing.Evidence(**kwargs)))
def test_evidence_to_dict_keeps_every_set_field_in_declaration_order(evidence):
    expected = {name: getattr(evidence, name) for name in evidence._fields if getattr(evidence, name) is not None}
    assert list(evidence.to_dict().items()) == list(expected.items())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ANY_TEXT, NEWSY), min_size=1, max_size=6))
def test_scoring_a_batch_equals_scoring_each_article(texts):
    scorer = _batch_scorer()
    articles = [framing.Article(id=str(i), text=text) for i, text in enumerate(texts)]
    expected = []
    for article in articles:
        try:
            expected.append(scorer.score(article).to_dict())
        except FramingError as exc:
            expected.append(str(exc))
    got = [str(r) if isinstance(r, FramingError) else r.to_dict() for r in scorer.score_many(articles)]
    assert got == expected


@functools.lru_cache(maxsize=1)
def _batch_scorer():
    return framing.Scorer()
