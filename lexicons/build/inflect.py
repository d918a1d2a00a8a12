"""Inflected surface forms for lexicon seeds, by documented grammar rules.

framing matches lexicon forms as whole words, literally, so every agreement
and case form a news text uses has to be listed. These rules generate them from
a lemma and an inflection class, once, when the lexicon is built
(lexicons/build/build_lexicons.py); the TOML files keep the generated forms, so matching
stays a dictionary look-up. Irregular forms are given in the seed beside the
class. Rules follow the standard reference grammars:

- French: Grevisse & Goosse, *Le Bon Usage* (16e éd.), §§ 529-545 (feminine of
  adjectives and nouns), §§ 502-511 and 538-541 (plural).
- Spanish: RAE/ASALE, *Nueva gramática* (2009), §§ 2.3-2.8 (gender) and
  3.2-3.3 (plural), with the written accent dropped where the stress falls on
  the penultimate syllable after suffixing (*Ortografía* 2010, § 3.4).
- Dutch: ANS (*Algemene Nederlandse Spraakkunst*), § 7.2 (attributive -e) with
  the spelling rules of the *Woordenlijst* (open syllables: a long vowel is
  written once, a short vowel doubles the consonant, f/s become v/z).
- German: Duden, *Die Grammatik* (9. Aufl.), §§ 477-497 (adjective endings; the
  commenting adverb in -erweise, "dreisterweise", is formed from evaluative adjectives),
  §§ 285-315 (noun declension: strong genitive -s/-es, dative plural -n, weak
  masculines in -en), § 335 (feminine -in/-innen).
- Arabic: Ryding, *A Reference Grammar of Modern Standard Arabic* (2005),
  ch. 8 (definite article), ch. 9-10 (adjective agreement), ch. 16
  (proclitic conjunctions and prepositions: wa-, fa-, bi-, li-, ka-; li- + al- is
  written lil-); alif with hamza is also written bare in news text.
"""
from __future__ import annotations

import re
import unicodedata

_FR_VOWEL_END = re.compile(r"[sxz]\Z")
_ES_ACCENTED_LAST = re.compile(r"([áéíóú])([ns])\Z")
_ES_UNACCENT = str.maketrans("áéíóú", "aeiou")
_NL_LONG = re.compile(r"(?:^|[^aeiou])(aa|ee|oo|uu)([^aeiouy])\Z")
_NL_SHORT_MONO = re.compile(r"\A[^aeiouy]*([aeiou])([bdfgklmnprst])\Z")
_NL_DIPHTHONG_FS = re.compile(r"(ie|ei|ij|ui|ou|au|eu|oe)([fs])\Z")
_AR_HAMZA_ALIF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def unique(forms):
    """Forms in first-seen order, without repeats."""
    seen: dict[str, None] = {}
    for form in forms:
        if form:
            seen.setdefault(form, None)
    return list(seen)


# --- French ---------------------------------------------------------------

def fr_plural(word: str) -> str:
    """Le Bon Usage §§ 502-511: -s, none after s/x/z, -al > -aux, -eau/-eu > -x."""
    if _FR_VOWEL_END.search(word):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")):
        return word + "x"
    return word + "s"


def fr_feminine(word: str) -> str:
    """Le Bon Usage §§ 529-545, the regular patterns of adjectives and agent nouns."""
    rules = (("eux", "euse"), ("teur", "trice"), ("eur", "euse"), ("if", "ive"), ("el", "elle"),
             ("eil", "eille"), ("en", "enne"), ("on", "onne"), ("et", "ette"), ("ier", "ière"),
             ("er", "ère"), ("c", "que"), ("x", "se"))
    if word.endswith("e"):
        return word
    for old, new in rules:
        if word.endswith(old):
            return word[: -len(old)] + new
    return word + "e"


def fr_forms(lemma: str, cls: str) -> list[str]:
    """adj/person noun: four agreement forms; n: singular and plural; x: the lemma only."""
    words = lemma.split(" ")
    head, rest = words[0], words[1:]

    def with_head(form):
        return " ".join([form, *rest])

    if cls in ("a", "p"):
        fem = fr_feminine(head)
        masc_pl = head if _FR_VOWEL_END.search(head) else (head[:-2] + "aux" if head.endswith("al") else head + "s")
        return unique(with_head(f) for f in (head, fem, masc_pl, fem + "s"))
    if cls == "n":
        return unique([lemma, with_head(fr_plural(head))])
    return [lemma]


# --- Spanish --------------------------------------------------------------

def _es_add_syllable(word: str, ending: str) -> str:
    """Suffix a syllable, dropping the written accent that final stress needed (camión > camiones)."""
    if _ES_ACCENTED_LAST.search(word):
        word = word[:-2] + word[-2].translate(_ES_UNACCENT) + word[-1]
    return word + ending


def es_plural(word: str) -> str:
    """Nueva gramática § 3.2: -s after an unstressed vowel, -es after a consonant (z > ces)."""
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith(("s", "x")) and not _ES_ACCENTED_LAST.search(word):
        return word
    if word[-1] in "aeiouáéó":
        return word + "s"
    return _es_add_syllable(word, "es")


def es_forms(lemma: str, cls: str) -> list[str]:
    """a: adjective agreement (-o/-a/-os/-as; -e/-ista/consonant: -es; -or/-ón/-án/-és: -a too); n: noun plural."""
    words = lemma.split(" ")
    head, rest = words[0], words[1:]

    def with_head(form):
        return " ".join([form, *rest])

    if cls in ("a", "p"):
        if head.endswith("o"):
            forms = [head, head[:-1] + "a", head + "s", head[:-1] + "as"]
        elif head.endswith(("or", "ón", "án", "és", "ín")):
            fem = _es_add_syllable(head, "a")
            forms = [head, fem, es_plural(head), fem + "s"]
        else:
            forms = [head, es_plural(head)]
        return unique(with_head(f) for f in forms)
    if cls == "n":
        return unique([lemma, with_head(es_plural(head))])
    return [lemma]


# --- Dutch ----------------------------------------------------------------

def nl_inflected(word: str) -> str:
    """ANS § 7.2 attributive -e with the open-syllable spelling rules."""
    if word.endswith(("e", "en")) and not word.endswith("een"):
        return word
    if word.endswith("ief"):
        return word[:-1] + "ve"
    long = _NL_LONG.search(word)
    if long:
        consonant = {"f": "v", "s": "z"}.get(long.group(2), long.group(2))
        return word[: long.start(1)] + long.group(1)[0] + consonant + "e"
    if _NL_DIPHTHONG_FS.search(word):
        return word[:-1] + {"f": "v", "s": "z"}[word[-1]] + "e"
    if _NL_SHORT_MONO.search(word):
        return word + word[-1] + "e"
    return word + "e"


def nl_forms(lemma: str, cls: str) -> list[str]:
    """a: base and attributive form; n/p: the lemma (plurals are listed in the seed)."""
    if cls == "a":
        return unique([lemma, nl_inflected(lemma)])
    return [lemma]


# --- German ---------------------------------------------------------------

def de_adjective_stem(word: str) -> str:
    """Duden § 483: -el and -er after a diphthong lose their e before an ending (dunkel > dunkle)."""
    if word.endswith("el") and len(word) > 4:
        return word[:-2] + "l"
    if re.search(r"(?:au|eu|ei|äu)er\Z", word):
        return word[:-2] + "r"
    return word


def de_forms(lemma: str, cls: str, plural: str | None) -> list[str]:
    """a: the five strong/weak adjective endings and the commenting adverb in -erweise; an: adjectival noun (der Radikale);
    ns: strong masculine/neuter noun (genitive -s/-es, dative plural -n);
    nw: weak masculine (-en in every case but the nominative singular); nf: feminine.
    p suffix (nsp, nwp): a person noun that also takes feminine -in/-innen."""
    if cls == "a":
        stem = de_adjective_stem(lemma)
        if stem.endswith("e"):
            return unique([lemma] + [stem + e for e in ("n", "r", "s", "m")] + [stem + "rweise"])
        return unique([lemma] + [stem + e for e in ("e", "en", "er", "es", "em")] + [stem + "erweise"])
    if cls == "an":
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        return unique([stem + e for e in ("e", "en", "er", "em")])
    base = cls.rstrip("p")
    forms = [lemma]
    if base == "ns":
        forms.append(lemma + ("es" if re.search(r"(?:s|ß|x|z|sch)\Z", lemma) else "s"))
        if plural:
            forms += [plural, plural if plural.endswith(("n", "s")) else plural + "n"]
    elif base == "nw":
        forms.append(plural or (lemma + ("n" if lemma.endswith("e") else "en")))
    elif base == "nf" and plural:
        forms.append(plural)
    if cls.endswith("p"):
        fem_stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms += [fem_stem + "in", fem_stem + "innen"]
    return unique(forms)


# --- Arabic ---------------------------------------------------------------

_AR_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك")


def ar_forms(bases: list[str], cls: str) -> list[str]:
    """Each base (singular, feminine, plurals as given) bare and with al-, and with the
    proclitics wa-, fa-, bi-, li-, ka- before either; li- + al- is lil-. Forms with alif
    hamza are also given bare (أ > ا), as news text often writes them."""
    forms: list[str] = []
    for base in bases:
        if cls == "x" or " " in base:
            stems = [base, "ال" + base] if cls != "x" else [base]
        else:
            stems = [base, "ال" + base]
        for stem in stems:
            for clitic in _AR_PROCLITICS:
                if clitic == "ل" and stem.startswith("ال"):
                    forms.append("لل" + stem[2:])
                else:
                    forms.append(clitic + stem)
    forms += [form.translate(_AR_HAMZA_ALIF) for form in forms]
    return unique(forms)


# --- ids ------------------------------------------------------------------

_AR_LATIN = {"ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
             "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
             "ط": "t", "ظ": "z", "ع": "e", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
             "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "ء": "", "ؤ": "u", "ئ": "i", " ": "-"}


def slug(term: str) -> str:
    """An ASCII id part for a term: accents dropped, Arabic romanised letter by letter."""
    text = "".join(_AR_LATIN.get(ch, ch) for ch in term.lower().replace("ß", "ss"))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"
