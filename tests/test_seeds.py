"""The seed story against its hand annotations (../shared/gold/seeds.toml)."""
import subprocess
import sys
from pathlib import Path

import pytest

from framing.reading import read_paths

from .conftest import CORPUS, GOLD, ROOT

SEEDCHECK = ROOT.parent / "shared" / "tools" / "seedcheck.py"

NAMING = {  # file: (unquoted variants, quoted count, stance sign or None)
    "000_c967e3c42e9d52e7.txt": ({"Moroccan Sahara": 3}, 1, 1),
    "001_68f2744142ff802d.txt": ({"southern Morocco": 1, "Morocco's southern regions": 1}, 1, 1),
    "002_42f1f956cbfaf4de.txt": ({"Western Sahara": 1}, 1, 0),
    "003_38dda60c9ccf8ff2.txt": ({"Marokkaanse Sahara": 1, "zuidelijke regio's van Marokko": 1}, 0, 1),
    "004_a27e712fb30317c0.txt": ({}, 1, None),
}


@pytest.fixture(scope="module")
def profiles(scorer):
    return {a.id: scorer.score(a).to_dict() for a in read_paths([CORPUS])}


@pytest.mark.parametrize("name", sorted(NAMING))
def test_naming_by_voice_and_stance(profiles, name):
    unquoted, quoted, sign = NAMING[name]
    axis = profiles[name]["naming"]["western_sahara"]
    got = {term: v["unquoted"] for term, v in axis["variants"].items() if v["unquoted"]}
    assert got == unquoted
    assert axis["mentions"]["quoted"] == quoted
    if sign is None:
        assert axis["stance"] is None
    else:
        assert axis["stance"] == pytest.approx(sign)


def test_algerian_sahara_is_another_place(profiles):
    text = (CORPUS / "002_42f1f956cbfaf4de.txt").read_text(encoding="utf-8")
    start = text.index("Algerian Sahara")
    assert not [e for e in profiles["002_42f1f956cbfaf4de.txt"]["evidence"]
                if e["family"] == "naming" and e["start"] <= start < e["end"]]


def test_languages_words_and_boilerplate(profiles):
    assert {k: p["language"] for k, p in profiles.items()} == {
        k: ("nl" if k.startswith("003") else "en") for k in NAMING}
    p000, p004 = profiles["000_c967e3c42e9d52e7.txt"], profiles["004_a27e712fb30317c0.txt"]
    assert [x["reason"] for x in p000["excluded"]] == ["duplicate", "duplicate"]
    assert abs(p000["words"] - 408) <= 0.12 * 408
    (trailer,) = p004["excluded"]
    assert trailer["reason"] == "trailer" and trailer["text"].startswith("Related articles")
    assert abs(p004["words"] - 594) <= 0.12 * 594


def test_headlines(profiles):
    assert profiles["002_42f1f956cbfaf4de.txt"]["headline"] == ""
    assert profiles["004_a27e712fb30317c0.txt"]["headline"] == (
        "Clinton emails reveal links between Algerian regime and terrorist groups")


def test_nested_quotation_and_apostrophes_in_004(profiles):
    p = profiles["004_a27e712fb30317c0.txt"]
    text = (CORPUS / "004_a27e712fb30317c0.txt").read_text(encoding="utf-8")
    quotes = [e for e in p["evidence"] if e["family"] == "quotation"]
    inner = text.index("Signatories blood")
    outer = [q for q in quotes if q["start"] < inner < q["end"]]
    assert len(outer) == 1 and outer[0]["text"].startswith("\u2018Algerian security officials")
    for word in ("Clinton\u2019s", "MBM\u2019s", "Associates\u2019"):
        offset = text.index(word)
        assert not any(q["start"] <= offset < q["end"] for q in quotes), word


@pytest.mark.skipif(not (SEEDCHECK.exists() and GOLD.exists()), reason="../shared/tools/seedcheck.py not present")
def test_seedcheck_passes_every_gold_check():
    framing_cmd = Path(sys.executable).with_name("framing")
    run = subprocess.run([sys.executable, str(SEEDCHECK), "--cmd", str(framing_cmd)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout
