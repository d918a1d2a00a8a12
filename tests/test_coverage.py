"""Lexicon depth per language: the README table, the thin-lexicon rule and note, and the
inflection rules that build the lexicons beyond English (lexicons/build/inflect.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, strategies as st

from framing import Article, Scorer
from framing.coverage import THIN_FRACTION, coverage_note, entry_counts, markdown_table, thin_families
from framing.lexicon import load_lexicons

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lexicons" / "build"))
import build_lexicons  # noqa: E402
import inflect  # noqa: E402

LETTERS = st.text(alphabet="abcdefghijklmnoprstuvz", min_size=3, max_size=12)


def test_readme_table_is_the_lexicon_counts():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = markdown_table(entry_counts(load_lexicons().entries))
    assert build_lexicons.TABLE_START + "\n" + table + "\n" + build_lexicons.TABLE_END in readme


def test_generated_lexicons_are_what_their_seeds_build():
    for seed in sorted(build_lexicons.SEEDS.glob("*/*.tsv")):
        family, lang = seed.parent.name, seed.stem
        text, _ = build_lexicons.build(family, lang)
        assert (ROOT / "lexicons" / family / f"{lang}.toml").read_text(encoding="utf-8") == text, seed


@given(st.dictionaries(st.sampled_from(["hedge", "loaded", "booster"]),
                       st.dictionaries(st.sampled_from(["en", "fr", "de"]), st.integers(0, 500), min_size=1),
                       min_size=1))
def test_a_family_is_thin_exactly_below_the_fraction_of_english(counts):
    for language in ("fr", "de"):
        thin = thin_families(counts, language)
        for family, by_language in counts.items():
            below = by_language.get(language, 0) < THIN_FRACTION * by_language.get("en", 0)
            assert (family in thin) == below
        assert (coverage_note(counts, language) is None) == (not thin)
    assert thin_families(counts, "en") == ()


def test_profiles_note_thin_lexicons_only_outside_english():
    scorer = Scorer()
    english = scorer.score(Article("en", "The minister said the plan was sound."), language="en")
    arabic = scorer.score(Article("ar", "وقال الوزير إن الخطة جيدة."), language="ar")
    assert not any("thin lexicons" in note for note in english.to_dict().get("notes", []))
    assert any(note.startswith("thin lexicons for ar:") for note in arabic.to_dict()["notes"])


@given(LETTERS)
def test_inflected_forms_start_with_the_lemma_and_repeat_nothing(word):
    for forms in (inflect.fr_forms(word, "a"), inflect.es_forms(word, "a"), inflect.nl_forms(word, "a"),
                  inflect.de_forms(word, "a", None)):
        assert forms[0] == word and len(forms) == len(set(forms))


@given(LETTERS.filter(lambda w: not w.endswith("e")))
def test_german_adjectives_take_the_five_endings_and_erweise(word):
    stem = inflect.de_adjective_stem(word)
    assert set(inflect.de_forms(word, "a", None)) == {word} | {stem + e for e in ("e", "en", "er", "es", "em", "erweise")}


def test_documented_agreement_rules():
    assert inflect.fr_forms("scandaleux", "a") == ["scandaleux", "scandaleuse", "scandaleuses"]
    assert inflect.fr_forms("brutal", "a") == ["brutal", "brutale", "brutaux", "brutales"]
    assert inflect.fr_forms("manipulateur", "p")[1] == "manipulatrice"
    assert inflect.es_forms("ladrón", "p") == ["ladrón", "ladrona", "ladrones", "ladronas"]
    assert inflect.es_forms("feroz", "a") == ["feroz", "feroces"]
    assert [inflect.nl_inflected(w) for w in ("wreed", "boos", "laf", "schandalig", "lief")] == \
        ["wrede", "boze", "laffe", "schandalige", "lieve"]
    assert inflect.de_forms("dunkel", "a", None)[1] == "dunkle"
    assert inflect.de_forms("Terrorist", "nwp", None) == ["Terrorist", "Terroristen", "Terroristin", "Terroristinnen"]
    assert "للوحشي" in inflect.ar_forms(["وحشي"], "a") and "والوحشي" in inflect.ar_forms(["وحشي"], "a")
