"""Distinctive words: what each group says more than the other groups of its language.

Fightin' Words (Monroe, Colaresi and Quinn 2008: log-odds with an informative Dirichlet prior)
over Snowball word stems, with function words left out, so outlets are set apart by vocabulary
rather than by style and length.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..lexicon import LexiconSet
from ..normalize import fold_case
from .stats import log_odds_dirichlet

DISTINCTIVE_WORDS = 10
_TOKEN = re.compile(r"[^\W\d_]{3,}(?:['\u2019\-][^\W\d_]+)*")


def _language_totals(result_groups: dict[str, Any], counts: dict[str, Counter[str]], language: str,
                     cache: dict[str, Counter[str]]) -> Counter[str]:
    """Word counts of all groups of one language (only one language), worked out once."""
    if language not in cache:
        total: Counter[str] = Counter()
        for name, group in result_groups.items():
            if group["languages"] == [language]:
                total.update(counts[name])
        cache[language] = total
    return cache[language]


# Closed-class word lists of ``lexicons/grammar`` left out of distinctive words: outlets differ in
# them by style and length, not framing ("this", "are", "been"). ``function_word`` is the Snowball
# project's stop list of the language (en, fr, nl, de, es); the others are framing's own lists.
FUNCTION_WORD_CATEGORIES = ("function_word", "determiner", "pronoun", "relative_pronoun", "clause_boundary",
                            "name_joiner", "name_particle", "title_function_word", "condition_word",
                            "ability_modal", "perfect_auxiliary", "subject_after_verb", "indefinite_article")
# Snowball's stemmers (PyStemmer: the Snowball project's own C build, data-free) by framing's
# language code; Arabic is Snowball's too.
SNOWBALL_LANGUAGES = {"en": "english", "fr": "french", "nl": "dutch", "de": "german", "es": "spanish",
                      "ar": "arabic"}
DISTINCTIVE_FORMS = 4


def function_words(lexicons: LexiconSet, language: str) -> frozenset[str]:
    """The folded forms of ``language``'s closed-class word lists (``FUNCTION_WORD_CATEGORIES``)."""
    return frozenset(form for entry in lexicons.select(language, ["grammar"])
                     if entry.category in FUNCTION_WORD_CATEGORIES for form in entry.forms if " " not in form)


@lru_cache(maxsize=None)
def stemmer(language: str) -> Callable[[str], str]:
    """Snowball's stemmer of ``language`` (imported on first use, though it costs milliseconds where
    nltk's took over a second), or the word itself for a language Snowball does not cover. Without
    the compiled PyStemmer, nltk's pure-Python port of the same algorithms (older versions of them:
    a few words stem differently, so distinctive words may differ slightly between the two)."""
    name = SNOWBALL_LANGUAGES.get(language)
    if name is None:
        return str
    try:
        import Stemmer
    except ImportError:
        from nltk.stem.snowball import SnowballStemmer

        return SnowballStemmer(name).stem
    return Stemmer.Stemmer(name).stemWord


def body_words(text: str, spans: Iterable[Sequence[int]], skip: frozenset[str] = frozenset()) -> Counter[str]:
    """Counts of the words (case folded) of the body sentences of ``text``, function words left out."""
    # The sentences joined by line breaks, which no word spans and lower case reads as the end of one
    # sentence and the start of the next: the same words in the same order, in one pass. Where lower
    # case grows a character ('İ'), fold_case works character by character: then sentence by sentence.
    joined = "\n".join(text[start:end] for start, end, *_ in spans)
    lowered = joined.lower()
    if len(lowered) == len(joined):
        counts = Counter(_TOKEN.findall(lowered.replace("\u2019", "'")))
    else:
        counts = Counter()
        for start, end, *_ in spans:
            counts.update(_TOKEN.findall(fold_case(text[start:end]).replace("\u2019", "'")))
    return without(counts, skip) if skip else counts


def without(counts: Counter[str], skip: frozenset[str]) -> Counter[str]:
    """``counts`` less the function words ``skip``; "they're" and French "qu'il" are function words
    by their first part. Word by word, so leaving them out of a sum is leaving them out of each part."""
    return Counter({w: n for w, n in counts.items() if w not in skip and w.split("'")[0] not in skip})


def word_groups(words: Counter[str], language: str,
                stems: dict[str, str] | None = None) -> tuple[Counter[str], dict[str, dict[str, int]]]:
    """``words`` counted by stem, and the forms seen of each stem: "vote", "votes" and "voted"
    count as one word. ``stems`` remembers each word's stem across calls."""
    stem = stemmer(language)
    stems = {} if stems is None else stems
    counts: Counter[str] = Counter()
    forms: dict[str, dict[str, int]] = {}
    for word, n in words.items():
        key = stems.get(word)
        if key is None:
            key = stems[word] = stem(word)
        counts[key] += n
        forms.setdefault(key, {})[word] = n
    return counts, forms


def distinctive_words(result_groups: dict[str, Any], words: Mapping[str, Counter[str]],
                      lexicons: LexiconSet | None) -> list[str]:
    """Fightin' Words per group against the other groups of its language (more than two at once),
    over word stems with function words left out; a group alone in its language lists its most
    frequent words instead (``log_odds`` and ``z`` null). ``words`` are each group's body words
    with function words still in (``body_words`` summed over its articles as they stream by).
    Returns notes saying what was done."""
    counts: dict[str, Counter[str]] = {}
    forms: dict[str, dict[str, dict[str, int]]] = {}
    stems: dict[str, dict[str, str]] = {}  # per language: word -> stem
    skips: dict[str, frozenset[str]] = {}  # per language: its function words
    for name in result_groups:
        languages = result_groups[name]["languages"]
        language = languages[0] if len(languages) == 1 else ""
        if language not in skips:
            skips[language] = function_words(lexicons, language) if language and lexicons else frozenset()
        counts[name], forms[name] = word_groups(without(words[name], skips[language]), language,
                                                stems.setdefault(language, {}))
    alone = []
    cache: dict[str, Counter[str]] = {}
    totals: dict[str, int] = {}  # per language, all its groups' words
    for name, group in result_groups.items():
        if len(group["languages"]) != 1:
            group["distinctive"] = []
            continue
        language = group["languages"][0]
        others = [o for o, g in result_groups.items() if o != name and g["languages"] == [language]]
        if not others:
            alone.append(name)
            top = sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))[:DISTINCTIVE_WORDS]
            group["distinctive"] = [_word(key, forms[name][key], None, None, n) for key, n in top]
            continue
        # The background is every group of the language, summed once per language rather than once
        # per group (quadratic in groups); the rest is the background less this group, read only
        # for the group's own words.
        background = _language_totals(result_groups, counts, language, cache)
        if len(background) < 2:  # one word in all: nothing sets a group apart (and its odds divide by zero)
            group["distinctive"] = []
            continue
        own = counts[name]
        if language not in totals:
            totals[language] = sum(background.values())
        total = totals[language]
        prior_total = float(total)
        # Only the group's own words are scored: with this prior (a word's pseudo-count is its count
        # in all groups) a word the group never uses has log-odds below zero, and is never listed.
        prior = {w: prior_total * background[w] / total for w in own} if total else {}
        rest = {w: background[w] - n for w, n in own.items()}
        scores = log_odds_dirichlet(own, rest, prior, prior_total, rest_total=total - sum(own.values()))
        top_scores = sorted(scores.items(), key=lambda kv: (-kv[1][1], kv[0]))[:DISTINCTIVE_WORDS]
        group["distinctive"] = [_word(key, forms[name][key], d, z, counts[name][key])
                                for key, (d, z) in top_scores if z > 0]
    notes = ["distinctive words leave out function words (the Snowball stop list and framing's closed-class "
             "word lists of the language) and count the forms of a word together (Snowball stemming); "
             "each shows its group's commonest form and lists the forms under 'forms'"
             if lexicons is not None else
             "no lexicons given: distinctive words keep function words (pass lexicons= to leave them out)"]
    if alone:
        notes.append(f"{len(alone)} group(s) alone in their language ({', '.join(sorted(alone)[:5])}) list their "
                     "most frequent words instead of distinctive ones: there is no other group to set them "
                     "against (log_odds and z are null)")
    return notes


def _word(key: str, forms: Mapping[str, int], log_odds: float | None, z: float | None, count: int) -> dict[str, Any]:
    """One distinctive word: its commonest form, its forms, its score and its count."""
    ordered = [form for form, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"word": ordered[0], "forms": ordered[:DISTINCTIVE_FORMS], "stem": key, "log_odds": log_odds, "z": z,
            "count": count}
