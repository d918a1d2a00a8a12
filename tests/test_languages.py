"""Every feature family in every shipped language, on real news sentences.

The cases are data, in ``tests/cases/languages.toml``: one sentence (or two),
the evidence of one family framing must find in it (``find``, optionally with
its ``voice``, ``category`` and naming ``axis``) and the surfaces it must not
take as that family's evidence (``absent``). A case framing is known to get
wrong has ``expect = "fail"`` and a comment saying why; it runs as
``xfail(strict=True)``, so fixing the bug turns it into an unexpected pass and
the case must then be marked ``"pass"``.
"""
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import framing
from framing.families import counted_families

CASES_FILE = Path(__file__).resolve().parent / "cases" / "languages.toml"
LANGUAGES = ("en", "fr", "nl", "es", "de", "ar")
# Families with a case file of their own (tests/cases/<family>.toml) are tested there.
OWN_CASE_FILES = {path.stem for path in CASES_FILE.parent.glob("*.toml")} - {CASES_FILE.stem}
FAMILIES = tuple(family for family in counted_families() if family not in OWN_CASE_FILES)
REQUIRED_KEYS = frozenset({"language", "family", "text", "find", "comment", "expect"})
OPTIONAL_KEYS = frozenset({"voice", "category", "axis", "absent"})
CONSTRAINTS = ("voice", "category", "axis")  # evidence fields a case may pin for all its `find` items


def load_cases() -> list[dict]:
    with CASES_FILE.open("rb") as f:
        return tomllib.load(f)["case"]


CASES = load_cases()


def case_params(*, known_failures: bool) -> list:
    """One pytest param per case, with the id ``language-family-n`` (n counts from 1 within the pair);
    with ``known_failures``, cases expected to fail are marked ``xfail(strict=True)``."""
    seen: Counter = Counter()
    params = []
    for case in CASES:
        key = (case.get("language"), case.get("family"))
        seen[key] += 1
        marks = ([pytest.mark.xfail(strict=True, reason=case.get("comment", ""))]
                 if known_failures and case.get("expect") == "fail" else [])
        params.append(pytest.param(case, id=f"{key[0]}-{key[1]}-{seen[key]}", marks=marks))
    return params


def describe(evidence: list[dict]) -> list[tuple]:
    return [(e["text"], e["voice"], e.get("category"), e.get("axis")) for e in evidence]


@pytest.mark.parametrize("case", case_params(known_failures=True))
def test_language_case(case):
    profile = framing.score(case["text"], language=case["language"])
    assert profile["language"] == case["language"]
    found = [e for e in profile["evidence"] if e["family"] == case["family"]]
    wanted = {key: case[key] for key in CONSTRAINTS if key in case}
    for surface in case["find"]:
        matching = [e for e in found if e["text"] == surface and all(e.get(k) == v for k, v in wanted.items())]
        assert matching, (f"expected {case['family']} evidence {surface!r} {wanted or ''}; "
                          f"found {describe(found)}")
    unwanted = [e for e in found if e["text"] in case.get("absent", ())]
    assert not unwanted, f"not {case['family']} evidence, but found: {describe(unwanted)}"


@pytest.mark.parametrize("case", case_params(known_failures=False))
def test_case_is_well_formed(case):
    keys = set(case)
    assert REQUIRED_KEYS <= keys, f"missing keys: {sorted(REQUIRED_KEYS - keys)}"
    assert keys <= REQUIRED_KEYS | OPTIONAL_KEYS, f"unknown keys: {sorted(keys - REQUIRED_KEYS - OPTIONAL_KEYS)}"
    assert case["language"] in LANGUAGES
    assert case["family"] in FAMILIES
    assert case["expect"] in ("pass", "fail")
    assert case["text"].strip() and case["comment"].strip()
    assert all(isinstance(s, str) and s for s in case["find"])
    assert all(isinstance(s, str) and s for s in case.get("absent", []))
    assert case["find"] or case.get("absent"), "a case must find something or rule something out"
    assert case.get("voice") in (None, "quoted", "unquoted")
    for surface in case["find"]:
        assert surface in case["text"], f"{surface!r} does not occur in the text"
    if "axis" in case:
        assert case["family"] == "naming"


def test_every_family_has_a_passing_case_in_every_language():
    covered = {(c["language"], c["family"]) for c in CASES if c["expect"] == "pass" and c["find"]}
    missing = [f"{language}/{family}" for family in FAMILIES for language in LANGUAGES
               if (language, family) not in covered]
    assert not missing, f"no passing positive case for: {', '.join(missing)}"


# Properties of the profile on any mix of the case sentences of one language,
# in all six languages (quotations, clitics, guillemets and German quotes included).
TEXTS = {language: sorted({c["text"] for c in CASES if c["language"] == language}) for language in LANGUAGES}
MIXED = st.sampled_from(LANGUAGES).flatmap(lambda language: st.tuples(
    st.just(language),
    st.lists(st.sampled_from(TEXTS[language]), min_size=1, max_size=6),
    st.sampled_from([" ", "\n", "\n\n"])))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_offsets_and_voice_hold_in_every_language(drawn):
    language, sentences, separator = drawn
    text = separator.join(sentences)
    profile = framing.score(text, language=language)
    assert profile == framing.score(text, language=language)
    quotations = [(e["start"], e["end"]) for e in profile["evidence"] if e["family"] == "quotation"]
    for e in profile["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"]
        if e["family"] in ("quotation", "scare_quote", "partial_quote"):
            continue
        inside = any(start <= e["start"] < end for start, end in quotations)
        assert (e["voice"] == "quoted") == inside, e
