"""Readability of the body, per language, without global state and without downloads.

textstat supplies the per-language Flesch coefficients (Flesch 1948 for
English, Kandel & Moles 1958 for French, Douma 1960 for Dutch, Fernández
Huerta 1959 for Spanish, Amstad 1978 for German) through ``get_lang_cfg``,
called with the language each time: ``textstat.set_lang`` changes the whole
process and gave wrong-language results under threads.

Syllables come from pyphen's hyphenation dictionaries for every language.
textstat 0.7.9 and later look English words up in NLTK's CMU dictionary and
try to download it when it is missing (raising offline), so framing never
calls textstat's syllable counter. pyphen counts differ from the CMU
dictionary: English Flesch scores come out 15 to 19 points apart on the
seed articles, so compare readability only between figures from the same
source (``syllable_source`` in the output says which).

Importing textstat imports NLTK (about 1.4 s), so readability is opt-in:
``Scorer(readability=True)``, ``framing score --readability``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
PYPHEN_DICTIONARIES = {"en": "en_US", "fr": "fr", "nl": "nl_NL", "es": "es", "de": "de_DE"}


@lru_cache(maxsize=8)
def _hyphenator(language: str):
    import pyphen

    return pyphen.Pyphen(lang=PYPHEN_DICTIONARIES[language])


@lru_cache(maxsize=8)
def _coefficients(language: str) -> tuple[float, float, float]:
    from textstat.backend.utils import get_lang_cfg

    return (get_lang_cfg(language, "fre_base"), get_lang_cfg(language, "fre_sentence_length"),
            get_lang_cfg(language, "fre_syll_per_word"))


def readability(text: str, spans: tuple[tuple[int, int], ...], sentences: int, language: str) -> dict[str, Any]:
    """Flesch reading ease, words per sentence and syllables per word of ``spans`` of ``text``.

    Languages without a hyphenation dictionary (Arabic) get ``None`` figures
    and a ``reason``, never another language's formula.
    """
    if language not in PYPHEN_DICTIONARIES:
        return {"flesch_reading_ease": None, "words_per_sentence": None, "syllables_per_word": None,
                "syllable_source": None, "reason": f"no syllable dictionary for {language!r}"}
    hyphenator = _hyphenator(language)
    words = [w for start, end in spans for w in _WORD.findall(text, start, end)]
    if not words or not sentences:
        return {"flesch_reading_ease": None, "words_per_sentence": None, "syllables_per_word": None,
                "syllable_source": f"pyphen:{PYPHEN_DICTIONARIES[language]}", "reason": "no words"}
    syllables = sum(len(hyphenator.positions(w.lower())) + 1 for w in words)
    base, per_sentence_length, per_syllable = _coefficients(language)
    words_per_sentence = len(words) / sentences
    syllables_per_word = syllables / len(words)
    return {
        "flesch_reading_ease": base - per_sentence_length * words_per_sentence - per_syllable * syllables_per_word,
        "words_per_sentence": words_per_sentence,
        "syllables_per_word": syllables_per_word,
        "syllable_source": f"pyphen:{PYPHEN_DICTIONARIES[language]}",
        "formula": f"textstat get_lang_cfg({language!r}) Flesch coefficients",
    }
